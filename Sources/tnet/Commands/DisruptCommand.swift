import ArgumentParser
import Foundation
import TraffickingNetworks

extension DisruptionStrategy: ExpressibleByArgument {}

struct DisruptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disrupt",
        abstract: "What removing actors one at a time would do, strategy against strategy.",
        discussion: """
        Strategies: degree, betweenness, pagerank, articulation (articulation points first), random (--seed), list (--targets, in order). After each removal: the largest connected part's share of all entities, the number of parts, global efficiency (NetworkX's global_efficiency of what is left) and the maximum flow from the source countries (a trafficked_to source or a recruits_from target) to the compounds over recruitment, transport, employment and control links (recruits_from, recruits_via, trafficked_to, transits_through, employs, operates, controls; one unit each, either way). Links are read as undirected. --recompute ranks again after every removal.
        Scale: up to \(EfficiencySampling.defaultExactLimit) entities (--exact-limit; or with --exact) every value is exact; above it efficiency is estimated from sampled sources, the same at every step (Hoeffding–Serfling, drawn without replacement: each within --epsilon with probability 1 − --delta on its own), and betweenness rankings from sampled shortest paths (Riondato-Kornaropoulos) (exact when such a sample would draw more pairs than the network has), seeded by --seed; the output states which, with the bounds (table footer, JSON "accuracy", a note on standard error with CSV), and what the sample establishes of efficiency: two sampled efficiencies are told apart only by more than their bounds together (the intact network's and ε), so a run's change is said to be established (its direction; its size is the estimate) only beyond that, and the strategies' last efficiencies are ranked only in the groups it separates (beyond twice ε, all their bounds together at probability 1 − sδ for s strategies); at 10⁵ entities ten removals move efficiency far less than that (JSON "efficiency_established", null when exact). A network measured twice (the intact one, the same removals by two strategies) is measured once.
        Candidates follow the target policy (see tnet key-players --help): the perpetrator side only; never authorities, places (countries, regions, sites, compounds), platforms or protected persons (victims, survivors, witnesses); the output says how many were left out and why. The flow runs over recruits_from, recruits_via, trafficked_to, transits_through, employs, operates and controls links.
        CSV: strategy,step,removed,largest_share,components,efficiency,flow. JSON: {"protected_excluded","places_excluded","flow_sources":[ids],"flow_sinks":[ids],"accuracy":{"exact","sources","entities","epsilon","delta","seed","fragmentation_bound","gain_bound","betweenness_samples","betweenness_bound","text"},"efficiency_established","runs":[{"strategy","steps":[{"step","removed","largest_share","components","efficiency","flow"}]}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("Strategies to compare (comma-separated).", valueName: "list"))
    var strategy: String = "betweenness,degree,random"
    @Option(help: "Removals per strategy.") var steps: Int = 10
    @Flag(help: "Rank again after every removal.") var recompute = false
    @Option(help: ArgumentHelp("Actors to remove, in order, for the list strategy (comma-separated ids).", valueName: "ids"))
    var targets: String?
    @OptionGroup(title: "Scale") var scale: SamplingOptions
    @OptionGroup var output: FormatOption
    @Option(help: ArgumentHelp("Also draw the curves of the largest part's share as an SVG line chart.", valueName: "file.svg"))
    var plot: String?

    var strategies: [DisruptionStrategy] {
        get throws { try parseList(strategy, option: "--strategy", noun: "strategy") }
    }

    func validate() throws {
        let s = try strategies
        if steps < 1 { throw ValidationError("--steps must be at least 1") }
        if s.contains(.list) && (targets ?? "").isEmpty { throw ValidationError("the list strategy needs --targets") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            var options = DisruptionOptions()
            options.strategies = try strategies
            options.steps = steps
            options.recompute = recompute
            options.seed = scale.seed
            options.sampling = scale.sampling
            options.threads = scale.threadCount
            options.progress = TerminalProgress.fraction
            options.targets = try EntityArguments.list(targets, in: dataset, option: "--targets", kinds: false)
            if targets != nil && !options.strategies.contains(.list) {
                Diagnostics.warning("--targets is read by the list strategy only, which --strategy does not name: the targets are not removed")
            }
            let r: DisruptionResult
            TerminalProgress.step("removing actors by \(options.strategies.map(\.rawValue).joined(separator: ", "))")
            defer { TerminalProgress.clear() }
            r = try dataset.disruption(options)
            TerminalProgress.clear()
            scale.note(r.accuracy, format: output.format)
            if output.format == .csv, let efficiency = r.sampledEfficiencyText { Diagnostics.note(efficiency) }
            output.print(DisruptionListing(r, in: dataset, recompute: recompute))
            if let plot { try AtomicFile.write(Array(LineChart.disruption(r, recompute: recompute).svg().utf8), to: plot) }
        }
    }
}
