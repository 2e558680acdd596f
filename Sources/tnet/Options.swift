import ArgumentParser
import TraffickingNetworks

/// How results are printed.
enum ResultFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// The input every command takes.
struct InputOptions: ParsableArguments {
    @Argument(help: "Dataset file (.json native, .edgelist/.el/.txt/.tsv edge list); - reads standard input.")
    var input: String

    @Option(name: .customLong("from"), help: "Input format when the extension does not tell: json, edgelist.")
    var from: DatasetFormat?

    @Flag(name: .long, help: "Read an edge list as directed (edge lists are undirected by default).")
    var directed = false

    /// Reads the dataset and refuses it when it has errors (the first is reported, with its
    /// location); warnings go to standard error.
    func load() throws -> Dataset {
        let (dataset, readIssues) = try DatasetFormat.read(path: input, format: from, directed: directed)
        let issues = readIssues + dataset.validate()
        if let first = issues.first(where: { $0.severity == .error }) {
            let count = issues.filter { $0.severity == .error }.count
            let more = count > 1 ? " (and \(count - 1) more problem\(count > 2 ? "s" : ""); `tnet validate` lists them all)" : ""
            throw CLIError(first.location.map { "\($0): " } ?? "\(input): ", first.message + more)
        }
        let warnings = issues.filter { $0.severity == .warning }
        for w in warnings.prefix(5) { Diagnostics.warning(w.description) }
        if warnings.count > 5 { Diagnostics.warning("\(warnings.count - 5) more warnings; `tnet validate` lists them all") }
        return dataset
    }
}

extension DatasetFormat: ExpressibleByArgument {}
