import ArgumentParser
import Foundation
import TraffickingNetworks

/// `--exact`, `--epsilon`, `--delta`, `--seed`, `--threads`: how the removal measures (key
/// players, the key-player set, disruption, the briefing) are computed on large networks.
struct SamplingOptions: ParsableArguments {
    @Flag(help: "Compute fragmentation, efficiency and betweenness exactly whatever the size (slow above \(EfficiencySampling.defaultExactLimit) entities).")
    var exact = false
    @Option(name: .customLong("exact-limit"), help: ArgumentHelp("Networks of at most N entities are computed exactly; larger ones are sampled.", valueName: "n"))
    var exactLimit = EfficiencySampling.defaultExactLimit
    @Option(help: ArgumentHelp("Above the exact limit: the error bound of sampled fragmentation, efficiency and betweenness (at least 1e-6, below 1).", valueName: "e"))
    var epsilon: Double = EfficiencySampling().epsilon
    @Option(help: ArgumentHelp("Above the exact limit: the probability that a sampled value misses its bound (above 0, below 1; comparisons of two values hold with probability 1 − 2δ, so at 0.5 or more nothing is established, and the output says so).", valueName: "d"))
    var delta: Double = EfficiencySampling().delta
    @Option(help: "Seed of the sampled sources and paths (and of random orders): the same seed gives the same result.")
    var seed: UInt64 = 0
    @Option(help: "Worker threads (default: all cores). Results do not depend on it.") var threads: Int?

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        if !(epsilon >= 1e-6 && epsilon < 1) { throw ValidationError("--epsilon must be in [1e-6, 1)") }
        if !(delta > 0 && delta < 1) { throw ValidationError("--delta must be in (0, 1)") }
        if exactLimit < 0 { throw ValidationError("--exact-limit must be at least 0") }
    }

    /// The sampling the options ask for.
    var sampling: EfficiencySampling { EfficiencySampling(epsilon: epsilon, delta: delta, seed: seed, exact: exact, exactLimit: exactLimit) }

    /// The threads to use.
    var threadCount: Int { threads ?? ProcessInfo.processInfo.activeProcessorCount }

    /// States a sampled result's bounds on standard error when the output is CSV, which has no
    /// room for them (the table's footer and the JSON's "accuracy" state them: a note as well
    /// printed them twice on a terminal).
    func note(_ accuracy: RemovalAccuracy, format: ResultFormat) {
        if accuracy.isSampled && format == .csv { Diagnostics.note(accuracy.text) }
    }
}
