import ArgumentParser
import Foundation
import TraffickingNetworks

struct CentralityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "centrality",
        abstract: "Rank entities by centrality: who matters in the network.",
        discussion: """
        Measures (comma-separated, in column order): \(CentralityMeasure.allCases.map(\.rawValue).joined(separator: ", ")).
        Each equals NetworkX's function of the same name with its defaults: degree = degree_centrality (counts with --no-normalized), betweenness = betweenness_centrality (exact, Brandes), closeness = closeness_centrality (Wasserman-Faust correction), harmonic = harmonic_centrality, eigenvector = eigenvector_centrality (max_iter 100), pagerank = pagerank (damping 0.85, max_iter 100), katz = katz_centrality (alpha 0.1, beta 1, max_iter 1000), hubs/authorities = hits, core = core_number (directed: in- plus out-degree), constraint = constraint, brokerage = Gould-Fernandez role counts over --partition (columns brokerage, brokerage-coordinator, -itinerant, -representative, -gatekeeper, -liaison), approx-betweenness = Riondato-Kornaropoulos sampling (--epsilon, --delta, --seed; the exact values when the sample would draw more pairs than the network has, n(n-1), and the note says so), edge-betweenness = per linked pair (on its own).
        Deliberate differences from NetworkX: effective-size = nx.effective_size(G, nodes=[v]) for each v, Burt's formula as documented (nx.effective_size(G) over all nodes normalises by the other end's largest tie and differs on directed or weighted graphs). hubs/authorities: the leading singular vectors by restarted Lanczos from uniform hubs, the values nx.hits gives (ARPACK); where the leading singular value is shared (bipartite graphs, cycles) the answer is not unique and nx.hits's is arbitrary (ARPACK's vector divided by a sum that may be near 0): tnet gives the start's projection, where NetworkX's power iteration (_hits_python) ends. --no-normalized scales each to maximum 1 (nx.hits(normalized=False) returns ARPACK's unit vectors, sign arbitrary). Parallel and reciprocal links are combined (--combine, default sum) where NetworkX's Graph keeps the last: --combine last gives NetworkX's graph.
        Without --weighted every measure ignores link weights; with it each uses them as NetworkX does with weight="weight" (lengths for paths: betweenness, closeness, harmonic; strengths for the others), unless --weight-as says what they mean. A measure that does not converge leaves its column NaN (null in JSON) with a note saying why; the others print. The graph read is stated on standard error.
        Directed when any link kind is directed. Rows are sorted by the first measure with values (a note says when that is not the first named), highest first, then by id (Unicode code point order, as LC_ALL=C sort). CSV: id,<measure>... (edge-betweenness: source,target,edge-betweenness); NaN where a measure is undefined (null in JSON).
        Persons with a protected role (victim, survivor) are marked: under the forced-criminality principle they are never targets of disruption. --exclude-role victim leaves them out.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(name: [.customLong("measure"), .customLong("measures")], help: ArgumentHelp("Measures to compute (comma-separated; default degree,betweenness,pagerank, with approx-betweenness in place of betweenness above \(BetweennessDefault.exactLimit) entities, said in a note: the CSV and JSON column is then approx-betweenness; name --measure for fixed columns).", valueName: "list"))
    var measure: String?

    /// The measures without --measure.
    static let defaultMeasures = "degree,betweenness,pagerank"
    @Flag(help: "Use link weights.") var weighted = false
    @OptionGroup(title: "Graph") var graphOptions: ProjectionArguments
    @Flag(inversion: .prefixedNo, help: "NetworkX's normalisation (--no-normalized: raw counts and sums).") var normalized = true
    @Option(help: "Show only the first N rows.") var top: Int?
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.") var threads: Int?
    @Option(help: "pagerank, eigenvector, katz: NetworkX's tol (stop when an iteration changes the values by less than n × tol in L1).") var tolerance: Double = 1e-6
    @Option(name: .customLong("max-iter"), help: ArgumentHelp("pagerank, eigenvector, katz, hubs/authorities: most iterations (Lanczos restarts for HITS); default NetworkX's: 100, katz 1000.", valueName: "n")) var maxIter: Int?
    @Option(help: "pagerank: damping factor (NetworkX's alpha).") var damping: Double = 0.85
    @Option(help: "katz: attenuation factor (NetworkX's alpha); must be below 1/λmax, the reciprocal of the adjacency matrix's largest eigenvalue.") var alpha: Double = 0.1
    @Option(help: "katz: the constant every entity receives (NetworkX's beta).") var beta: Double = 1
    @Option(help: ArgumentHelp("pagerank: restart only at these entities (comma-separated ids), e.g. known syndicates, to rank what lies closest to them.", valueName: "ids"))
    var personalize: String?
    @Option(help: "approx-betweenness: largest error, on the scale of betweenness / (n(n-1)); at least 1e-6, below 1.") var epsilon: Double = 0.01
    @Option(help: "approx-betweenness: probability that the error bound fails (above 0, below 1).") var delta: Double = 0.1
    @Option(help: "approx-betweenness: random seed (same seed, same result).") var seed: UInt64 = 0
    @Option(help: ArgumentHelp("brokerage: group entities by kind, country, role or an attribute name.", valueName: "field")) var partition = "kind"
    @OptionGroup var output: FormatOption

    var measures: [CentralityMeasure] {
        get throws { try parseList(measure ?? Self.defaultMeasures, option: "--measure", noun: "measure") }
    }

    func validate() throws {
        _ = try measures
        if let top, top < 0 { throw ValidationError("--top must be 0 or more") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if !(epsilon >= 1e-6 && epsilon < 1) { throw ValidationError("--epsilon must be in [1e-6, 1)") }
        if !(delta > 0 && delta < 1) { throw ValidationError("--delta must be in (0, 1)") }
        if !(tolerance > 0 && tolerance.isFinite) { throw ValidationError("--tolerance must be a positive number") }
        if !(damping >= 0 && damping < 1) { throw ValidationError("--damping must be in [0, 1)") }
        if let maxIter, maxIter < 1 { throw ValidationError("--max-iter must be at least 1") }
        if !(alpha > 0 && alpha.isFinite) { throw ValidationError("--alpha must be a positive number") }
        if !beta.isFinite || beta == 0 { throw ValidationError("--beta must be a finite number other than 0 (NetworkX divides by the values' norm)") }
    }

    func run() throws {
        try Diagnostics.reporting {
            var measures = try measures
            var options = CentralityAnalysisOptions()
            options.projection = graphOptions.projection(weighted: weighted)
            options.maxIterations = maxIter
            options.katzAlpha = alpha
            options.katzBeta = beta
            options.normalized = normalized
            options.threads = threads ?? ProcessInfo.processInfo.activeProcessorCount
            options.tolerance = tolerance
            options.damping = damping
            options.epsilon = epsilon
            options.delta = delta
            options.seed = seed
            options.partition = partition
            options.progress = TerminalProgress.fraction
            TerminalProgress.step("reading \(input.input)")
            let projection = graphOptions.projection(weighted: weighted)
            let loaded = try input.loaded(); let (dataset, source) = (loaded.dataset, loaded.source)
            warnIfNoWeights(dataset, weighted: weighted)
            // The default list at scale: exact betweenness took 34 of the default run's 34 s at
            // 100,000 entities (helper-64); sampled, with its bound in the measure's own note.
            if measure == nil && dataset.entities.count > BetweennessDefault.exactLimit {
                measures = measures.map { $0 == .betweenness ? .approxBetweenness : $0 }
                Diagnostics.note("above \(BetweennessDefault.exactLimit) entities (this network has \(dataset.entities.count)) the default measures take betweenness sampled, approx-betweenness (--epsilon, --delta, --seed); --measure \(Self.defaultMeasures) computes it exactly (minutes at this size)")
            }
            options.personalization = try resolve(personalize) { dataset.index(of: try EntityArguments.id($0, in: dataset, option: "--personalize"))! }
            TerminalProgress.step("computing \(measures.map(\.rawValue).joined(separator: ", "))")
            let result = try EntityArguments.withholdingPartition(partition) { try dataset.centrality(measures, options: options) }
            let listing = CentralityListing(result, dataset: dataset, source: source,
                                            projection: projection, normalized: normalized, top: top)
            TerminalProgress.clear()
            for note in listing.result.notes {
                // The library's advice, with the options that follow it here.
                let advice = note.replacingOccurrences(of: "raise the iteration limit", with: "raise the iteration limit (--max-iter)")
                    .replacingOccurrences(of: "or read weights as strengths", with: "or read weights as strengths (--weight-as strength)")
                if note.contains(CentralityTable.notComputed) { Diagnostics.warning(advice) } else { Diagnostics.note(advice) }
            }
            output.print(listing)
        }
    }

    /// Rows of `--personalize` ids; an id that is not there (or was filtered out) is an error.
    private func resolve(_ list: String?, _ index: (String) throws -> Int) throws -> [Int]? {
        guard let list else { return nil }
        let ids = splitList(list)
        guard !ids.isEmpty else { throw CLIError("--personalize needs at least one entity id") }
        return try ids.map(index)
    }
}
