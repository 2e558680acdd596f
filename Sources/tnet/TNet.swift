import ArgumentParser
import Foundation
import TraffickingNetworks

@main
struct TNet: ParsableCommand {
    static let version = "0.1.0"

    /// `render`, when it lays out in this process, has the libraries Graphviz needs (its
    /// plugins, pango, fontconfig) loaded on the second core while its arguments are parsed and
    /// its dataset read. Not for help, nor where the layout runs in a child (`--timeout`, `-G`,
    /// `--cluster-by`, which a dot layout needs a process of its own for); when that is only
    /// known later (a DOT input's own layout attributes, `--engine fdp`), the warm-up costs a
    /// few milliseconds of the other core.
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        AllocatorSettings.apply(arguments: arguments)
        let isolated = arguments.contains { a in
            ["--help", "-h", "--timeout", "-G", "--graph-attribute", "--cluster-by"].contains(a)
                || ["--timeout=", "--graph-attribute=", "--cluster-by="].contains { a.hasPrefix($0) }
        }
        // Not `report` (its clustered diagram is laid out in a child) nor the child itself,
        // whose layout must have its process to itself.
        let geo = zip(arguments, arguments.dropFirst()).contains { $0 == "--layout" && $1 == "geo" } || arguments.contains("--layout=geo")
        if arguments.first == "render", !isolated, !geo {
            GraphvizRenderer.shared.warmUpInBackground()
        }
        run(Array(arguments))
    }

    /// Parses and runs. A usage error (an unknown option, a bad value) is one line on standard
    /// error, `tnet: error: message (see 'tnet COMMAND --help')`, and exit code 2, as the README
    /// promises; help and version print as ArgumentParser has them; a command's own failure has
    /// already printed its one line and exits 1.
    static func run(_ arguments: [String]) {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            if error is ExitCode { Foundation.exit(code.rawValue) }
            let message = Diagnostics.oneLine(message(for: error))
            if code == .validationFailure {
                let name = arguments.first.flatMap { first in
                    configuration.subcommands.compactMap { $0.configuration.commandName }.first { $0 == first }
                }
                let help = name.map { "tnet \($0) --help" } ?? "tnet --help"
                Diagnostics.write("tnet: error: " + message + " (see '\(help)')")
                Foundation.exit(2)
            }
            if !message.isEmpty { Diagnostics.write("tnet: error: " + message) }
            Foundation.exit(code.rawValue)
        }
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
                      ConvertCommand.self, ExportCommand.self, GenerateCommand.self, RenderCommand.self, DotCommand.self, CommunitiesCommand.self, DisruptCommand.self, KeyPlayersCommand.self, GapsCommand.self, CorruptionCommand.self, DiffCommand.self, ReportCommand.self, MergeCommand.self, FindCommand.self, ScreenCommand.self, TimelineCommand.self]
    )
}
