import ArgumentParser
import TraffickingNetworks

struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Bipartite projection: link entities that share neighbours (e.g. syndicates sharing compounds).",
        discussion: """
        Keeps the --onto entities (ids or kinds) and links two of them (kind shares, undirected) when they have a neighbour in common among the others, or among --through. Weight: how many they share; attribute through: their ids; sources: every source cited by the links involved. Written in any format, as convert.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("The side to keep: ids or kinds, comma-separated.", valueName: "id|kind")) var onto: String
    @Option(help: ArgumentHelp("Count only these shared neighbours: ids or kinds.", valueName: "id|kind")) var through: String?
    @Option(name: .shortAndLong, help: "Output file or folder; - writes to standard output (on a terminal, its first 1000 lines and a note).") var output: String = "-"
    @Option(name: .customLong("to"), help: "Output format when the extension does not tell.") var to: DatasetFormat?

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            let projected = try dataset.bipartiteProjection(onto: splitList(onto), through: through.map { splitList($0) })
            // An empty projection is a finding, not a failure, but it is said.
            if projected.links.isEmpty {
                let n = projected.entities.count
                Diagnostics.note(n < 2 ? "the projection keeps \(n) entit\(n == 1 ? "y" : "ies") and so has no links"
                                 : "no two of the \(n) entities kept share a neighbour\(through == nil ? "" : " among --through"): the projection has no links")
            }
            try projected.write(to: output, format: to, warnings: Diagnostics.warning)
        }
    }
}
