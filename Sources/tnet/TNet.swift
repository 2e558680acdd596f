import ArgumentParser
import TraffickingNetworks

@main
struct TNet: ParsableCommand {
    static let version = "0.1.0"

    /// A command that lays out in this process starts Graphviz (context, plugins, fonts) on the
    /// second core while its arguments are parsed and its dataset read; calls still pass the
    /// renderer's one gate. Not for help, nor where the layout runs in a child (`--timeout`,
    /// `-G`); a DOT input's own layout attributes are only known later, and then the warm-up
    /// costs a few milliseconds of the other core.
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        let isolated = arguments.contains { a in
            ["--help", "-h", "--timeout", "-G", "--graph-attribute"].contains(a) || a.hasPrefix("--timeout=") || a.hasPrefix("--graph-attribute=")
        }
        if let command = arguments.first, ["render", "report", "render-worker"].contains(command), !isolated {
            GraphvizRenderer.shared.warmUpInBackground()
        }
        main(nil)
        GraphvizRenderer.shared.finishWarmUp()
    }

    static let configuration = CommandConfiguration(
        commandName: "tnet",
        abstract: "Map, analyse and draw human-trafficking and scam-compound networks.",
        discussion: """
        Results go to standard output (--format table|json|csv); diagnostics to standard error.
        Errors are one line, `tnet: error: FILE:LINE:COL: message`, with exit code 1 for bad data.
        """,
        version: version,
        subcommands: [InfoCommand.self, ValidateCommand.self, CentralityCommand.self, PathCommand.self, DistancesCommand.self,
                      ComponentsCommand.self, CutpointsCommand.self, FlowCommand.self, EgoCommand.self, ProjectCommand.self, KCoreCommand.self,
                      ConvertCommand.self, GenerateCommand.self, RenderCommand.self, DotCommand.self, CommunitiesCommand.self, DisruptCommand.self, KeyPlayersCommand.self, GapsCommand.self, CorruptionCommand.self, DiffCommand.self, ReportCommand.self, RenderWorkerCommand.self]
    )
}
