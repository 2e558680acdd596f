import ArgumentParser
import TraffickingNetworks

struct KCoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kcore",
        abstract: "The k-core: the part of the network where every entity has at least k links within it.",
        discussion: """
        Core numbers as NetworkX's core_number on the graph every command reads: undirected links count once per end; on a directed graph a node's degree is its in-degree plus its out-degree (so a pair linked both ways is a 2-core). Without --k, the innermost core (the largest k with a non-empty core); a --k above the largest core number is an error. Written in any format, as convert; `tnet centrality --measure core` gives each entity's core number.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Least number of links within the core.") var k: Int?
    @Option(name: .shortAndLong, help: "Output file or folder; - writes to standard output (on a terminal, its first 1000 lines and a note).") var output: String = "-"
    @Option(name: .customLong("to"), help: "Output format when the extension does not tell.") var to: DatasetFormat?

    func validate() throws {
        if let k, k < 0 { throw ValidationError("--k must not be negative") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            let core: Dataset
            core = try dataset.kCore(k)
            try core.write(to: output, format: to, warnings: Diagnostics.warning)
        }
    }
}
