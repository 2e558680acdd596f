import ArgumentParser
import TraffickingNetworks

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a synthetic, typed, power-law network shaped like a trafficking network.",
        discussion: """
        With --bench SIZE, writes instead one of the benchmark graphs (small, medium, large, xl: 1k, 20k, 200k, 1M nodes) as a weighted edge list, byte for byte the file Benchmarks/README.md gives the SHA-256 of.
        Syndicates operate compounds in host countries' regions and sites, recruit from source countries through recruiters and platforms, bribe officials who protect them, launder through companies and payment channels; agencies cooperate, rescue and sanction. Deterministic: the same --nodes, --seed and --avg-degree give the same file. Not real data.
        """
    )

    @Option(help: "Number of entities (up to 1,000,000 and beyond).")
    var nodes: Int?

    @Option(help: "Write a benchmark graph instead: small, medium, large or xl.")
    var bench: BenchmarkGraph.Size?

    @Option(help: "Seed: the same seed gives the same network.")
    var seed: UInt64 = 1

    @Option(name: .customLong("avg-degree"), help: "Target mean degree (2 × links / entities).")
    var avgDegree: Double = 4

    @Option(name: .shortAndLong, help: "Output file; the format follows the extension (.json, .graphml, .dot, .edgelist, a folder for CSV); - writes JSON to standard output (on a terminal, its first 1000 lines and a note).")
    var output: String

    @Option(name: .customLong("to"), help: "Output format when the extension does not tell.")
    var to: DatasetFormat?

    func validate() throws {
        if bench != nil {
            guard nodes == nil else { throw ValidationError("--bench and --nodes cannot be combined") }
            return
        }
        guard let nodes else { throw ValidationError("--nodes (or --bench) is required") }
        guard nodes >= 1 else { throw ValidationError("--nodes must be at least 1") }
        guard nodes <= 50_000_000 else { throw ValidationError("--nodes must be at most 50,000,000") }
        guard avgDegree >= 0, avgDegree <= 1000, avgDegree.isFinite else { throw ValidationError("--avg-degree must be between 0 and 1000") }
        guard Double(nodes) * avgDegree / 2 <= 50_000_000 else {
            throw ValidationError("--nodes × --avg-degree / 2 (the number of links) must be at most 50,000,000")
        }
    }

    func run() throws {
        try Diagnostics.reporting {
            if let bench {
                TerminalProgress.step("generating the \(bench.rawValue) benchmark graph")
                let bytes = BenchmarkGraph(bench).edgeListBytes()
                TerminalProgress.clear()
                if output == "-" { TerminalOutput.write(bytes, what: "the edge list", note: Diagnostics.warning) } else { try AtomicFile.write(bytes, to: output) }
                return
            }
            let nodes = nodes!
            _ = try DatasetFormat.output(for: output, format: to)  // before any long work
            TerminalProgress.step("generating \(nodes) entities")
            let dataset = SyntheticNetwork(nodes: nodes, seed: seed, averageDegree: avgDegree).generate()
            TerminalProgress.step("writing \(dataset.entities.count) entities and \(dataset.links.count) links")
            try dataset.write(to: output, format: to, warnings: Diagnostics.warning)
            TerminalProgress.clear()
        }
    }
}

extension BenchmarkGraph.Size: ExpressibleByArgument {}
