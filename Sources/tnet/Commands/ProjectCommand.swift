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
    @Option(name: .shortAndLong, help: "Output file or folder; - writes to standard output.") var output: String = "-"
    @Option(name: .customLong("to"), help: "Output format when the extension does not tell.") var to: DatasetFormat?

    func run() throws {
        try Diagnostics.reporting {
            let format = try outputFormat(output, to)
            let dataset = try input.load()
            let projected: Dataset
            do throws(AnalysisError) {
                projected = try dataset.bipartiteProjection(onto: splitList(onto), through: through.map { splitList($0) })
            } catch { throw CLIError(error.description) }
            try writeOutputs(try format.encode(projected, path: output), format: format)
        }
    }
}

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
    @Option(name: .shortAndLong, help: "Output file or folder; - writes to standard output.") var output: String = "-"
    @Option(name: .customLong("to"), help: "Output format when the extension does not tell.") var to: DatasetFormat?

    func validate() throws {
        if let k, k < 0 { throw ValidationError("--k must not be negative") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let format = try outputFormat(output, to)
            let dataset = try input.load()
            let core: Dataset
            do throws(AnalysisError) { core = try dataset.kCore(k) } catch { throw CLIError(error.description) }
            try writeOutputs(try format.encode(core, path: output), format: format)
        }
    }
}

/// The format of an output path: `--to`, else the extension, else JSON on standard output.
func outputFormat(_ output: String, _ to: DatasetFormat?) throws -> DatasetFormat {
    guard let format = to ?? (output == "-" ? .json : DatasetFormat(path: output)) else {
        throw CLIError("\(output): cannot tell the output format from the extension; use --to with one of: "
                       + DatasetFormat.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return format
}
