import ArgumentParser
import Foundation
import TraffickingNetworks

struct KeyPlayersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key-players",
        abstract: "Who to act against: actors ranked by what removing each would do, or a set of K to remove together (Borgatti's KPP-Neg).",
        discussion: """
        Candidates follow the target policy: only the perpetrator side (syndicates, companies, financial channels, persons in a perpetrator role, officials with a corruption link; the nodes of a plain graph). Never authorities and international bodies, places (countries, regions, sites, compounds), platforms, or protected persons (victims, survivors, witnesses; --include-victims ranks protected persons, marked, for analysis only). A dataset's schema may override the policy per kind or entity ("targets"), never for a protected person.
        The ranking: every candidate by the rise in distance-weighted fragmentation (Borgatti 2006: 1 − global efficiency) when it alone is removed, then betweenness, then id; with betweenness and PageRank, its main Gould-Fernandez brokerage role over --partition (links as directed), whether it is an articulation point, how many entities its removal cuts off, and why. Projection: fragmentation, betweenness, PageRank and articulation on one graph, links read either way, parallel links once, weights ignored (NetworkX: nx.Graph of the links) — so they differ from tnet centrality on a directed dataset.
        --set K: a set of K candidates whose joint removal fragments the network as much as the search finds (greedy start, then swaps in a seeded order; a heuristic, not proven the best), against the top K candidates by betweenness on the same graph: the top K of a single-actor ranking is not the set that fragments most together.
        Scale: every candidate is evaluated at once (one breadth-first search per source serves them all; only what a candidate's removal cuts off from a source is searched again). Up to \(EfficiencySampling.defaultExactLimit) entities (--exact-limit; or with --exact) every value is exact; above it fragmentation comes from sampled sources (Hoeffding–Serfling, drawn without replacement: each value and each gain within --epsilon with probability 1 − --delta on its own) and betweenness from sampled shortest paths (Riondato-Kornaropoulos, the same bound) (exact when such a sample would draw more pairs than the network has), seeded by --seed; the output states which, with the bounds (table footer, JSON "accuracy", a note on standard error with CSV), and which places of the ranking the sample establishes: the ranking is given in groups, each above every later one by more than twice the bound that holds for all candidates' gains together (the bound at δ/n for n candidates), and says so when none is (JSON "order"). --set above that size searches among the max(50, 4K) candidates with the highest estimated gains alone and as many highest by betweenness, measures the set and the betweenness set again on a second sample (seed + 1), and says whether that sample establishes that the set fragments more than the betweenness set (JSON "comparison").
        CSV: rank,id,name,kind,fragmentation_gain,betweenness,pagerank,brokerage_role,brokerage_count,articulation_point,cut_off,protected,why. With --set: set,id,name,kind (set: kpp or betweenness) and the fragmentations in JSON {"k","base_fragmentation","kpp":{"fragmentation","members"},"betweenness":{"fragmentation","members"},"protected_excluded","searched","candidates","accuracy","comparison","sets_measured"} ("comparison": null when exact, else whether the sample establishes that the set raises fragmentation and that it fragments more than the betweenness set; "sets_measured": null when exact, else {"exact","seed","bound"}: the second sample the two sets' fragmentations come from). JSON of the ranking: {"base_fragmentation","protected_excluded","candidates","accuracy","order","players":[…]}; "order": null when exact, else {"difference_bound","separated_after":[places r of the listed ones after which the sample separates the ranking],"text"}. "accuracy": {"exact","sources","entities","epsilon","delta","seed","fragmentation_bound","gain_bound","betweenness_samples","betweenness_bound","text"}.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Show the first N rows.") var top: Int = 10
    @Option(name: .customLong("set"), help: ArgumentHelp("Search for a set of K actors to remove together (KPP-Neg: greedy start and swaps, not proven the best).", valueName: "k")) var setSize: Int?
    @Flag(name: .customLong("include-victims"), help: "Rank protected persons too (marked; never in a --set).") var includeVictims = false
    @Option(help: ArgumentHelp("Brokerage groups: kind, country, role or an attribute.", valueName: "field")) var partition = "kind"
    @OptionGroup(title: "Scale") var scale: SamplingOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if let setSize, setSize < 1 { throw ValidationError("--set must be at least 1") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let d = try input.load()
            TerminalProgress.step(setSize.map { "searching a set of \($0) among \(d.entities.count) entities" } ?? "ranking \(d.entities.count) entities")
            defer { TerminalProgress.clear() }
            if let k = setSize { try runSet(d, k) } else { try runRanking(d) }
        }
    }

    private func runRanking(_ d: Dataset) throws {
        let r = try EntityArguments.withholdingPartition(partition) {
            try d.keyPlayers(includeVictims: includeVictims, partition: partition, sampling: scale.sampling,
                             threads: scale.threadCount, progress: TerminalProgress.fraction)
        }
        TerminalProgress.clear()
        scale.note(r.accuracy, format: output.format)
        let listing = KeyPlayerListing(r, in: d, top: top)
        if output.format == .csv, let order = listing.orderText { Diagnostics.note(order) }
        output.print(listing)
    }

    private func runSet(_ d: Dataset, _ k: Int) throws {
        let r = try d.keyPlayerSet(k, seed: scale.seed, sampling: scale.sampling, threads: scale.threadCount,
                                   progress: TerminalProgress.fraction)
        TerminalProgress.clear()
        scale.note(r.accuracy, format: output.format)
        if output.format == .csv, let comparison = r.sampledComparison { Diagnostics.note(comparison) }
        output.print(KeyPlayerSetListing(r, in: d, k: k))
    }
}
