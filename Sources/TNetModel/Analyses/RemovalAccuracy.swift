import Foundation
import TNetGraph

/// How the removal measures of a result (key players, the key-player set, disruption) were
/// computed: exactly, or from a seeded sample with stated bounds. Every output prints ``text``.
public struct RemovalAccuracy: Sendable {
    /// The options asked for (ε, δ, seed, exact limit).
    public var sampling: EfficiencySampling
    /// Whether fragmentation and efficiency were computed from every entity.
    public var isExact: Bool
    /// Entities searched from (all of them when exact).
    public var sources: Int
    /// Entities present when the sources were drawn.
    public var entities: Int
    /// The bound on every fragmentation and efficiency stated (0 when exact).
    public var fragmentationBound: Double
    /// The bound on each fragmentation gain (key players; nil elsewhere, 0 when exact).
    public var gainBound: Double?
    /// Sampled shortest paths and the bound of sampled betweenness (nil when betweenness is exact
    /// or not used; bound 0 with the sample's size when the exact values were computed in place
    /// of a sample that would have drawn more pairs than the network has).
    public var betweenness: (samples: Int, bound: Double)?

    /// The accuracy of a fragmentation or efficiency estimate.
    /// - Parameters:
    ///   - estimate: the estimate.
    ///   - sampling: the options it was made with.
    ///   - gainBound: the bound of gains computed with it, if any.
    ///   - betweenness: sampled betweenness's sample and bound, if it was sampled.
    public init(_ estimate: EfficiencyEstimate, sampling: EfficiencySampling, gainBound: Double? = nil,
                betweenness: (samples: Int, bound: Double)? = nil) {
        self.sampling = sampling
        isExact = estimate.isExact
        sources = estimate.sources
        entities = estimate.nodes
        fragmentationBound = estimate.errorBound
        self.gainBound = gainBound
        self.betweenness = betweenness
    }

    /// Whether anything was sampled.
    public var isSampled: Bool { !isExact || betweennessSampled }
    /// Whether betweenness was sampled: a bound of 0 is the exact values computed in place of
    /// a sample that would have drawn more pairs than the network has.
    public var betweennessSampled: Bool { betweenness.map { $0.bound > 0 } ?? false }

    /// The probability every stated bound holds with, each on its own: 1 − δ.
    public var confidence: Double { 1 - sampling.delta }

    /// One line for every output: exact, or what was sampled, from how many, the seed and the
    /// bounds.
    public var text: String {
        guard isSampled else { return "exact: a breadth-first search from every entity" }
        var parts: [String] = []
        let p = Self.complement(sampling.delta)
        if !isExact {
            var s = "fragmentation and efficiency sampled from \(sources) of \(entities) entities as sources (seed \(sampling.seed)): each within ±\(Self.number(fragmentationBound))"
            if let gainBound { s += ", each fragmentation gain within ±\(Self.number(gainBound))" }
            parts.append(s + ", each with probability ≥ \(p) on its own (Hoeffding–Serfling)")
        } else {
            parts.append("fragmentation and efficiency exact")
        }
        if let b = betweenness, !betweennessSampled {
            parts.append("betweenness exact (Brandes): a sample at ε \(Self.number(sampling.epsilon)) would have drawn \(b.samples) pairs, more than the network has")
        } else if let b = betweenness {
            parts.append("betweenness sampled from \(b.samples) shortest paths (Riondato–Kornaropoulos, seed \(sampling.seed)): every value of a ranking within ±\(Self.number(b.bound)) together, with probability ≥ \(p) for each ranking")
        }
        return parts.joined(separator: "; ") + "; --exact computes every value exactly"
    }

    /// 1 − `delta`, the probability a bound holds with, worked in decimal from δ as it is
    /// written (its shortest form): `0.07` gives `0.93`, where the binary 1 − 0.07 is
    /// 0.9299999999999999. Exact down to δ = 1e-20 (17 digits of δ 20 places down fit in
    /// Decimal's 38); below that, or when δ does not parse, written `1 − δ`, never rounded up.
    package static func complement(_ delta: Double) -> String {
        guard delta >= 1e-20, delta.isFinite,
              let d = Decimal(string: "\(delta)", locale: Locale(identifier: "en_US_POSIX")) else { return "1 − \(delta)" }
        return "\(1 - d)"
    }

    /// `x` rounded up to four decimals, for bounds: never shown smaller than it is. The
    /// direction is checked on the shown value itself: `0.05`, stored a hair above 0.05, is
    /// shown `0.05`, and a value a hair above a four-decimal number is shown above it.
    package static func number(_ x: Double) -> String {
        guard x.isFinite else { return "∞" }
        var k = (x * 10_000).rounded(.up)
        if (k - 1) / 10_000 >= x { k -= 1 }
        if k / 10_000 < x { k += 1 }
        let r = k / 10_000
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }
}

extension Dataset {
    /// A labelled progress callback as a measure's ``TNetGraph/ProgressHandler``.
    static func handler(_ progress: (@Sendable (String, Double) -> Void)?, _ label: String) -> ProgressHandler? {
        guard let progress else { return nil }
        return { @Sendable done in progress(label, done) }
    }

    /// NetworkX's normalised betweenness of `g` for ranking removals: exact (Brandes) where
    /// `sampling` computes exactly, else sampled (``Graph/approximateBetweenness(_:threads:progress:)``
    /// with the same ε, δ and seed), with its sample and bound.
    /// `entities`: how many entities are present (removed ones stay in `g`, isolated).
    static func removalBetweenness(_ g: Graph, entities: Int, sampling: EfficiencySampling, threads: Int,
                                   progress: ProgressHandler? = nil) -> (values: [Double], sampled: (samples: Int, bound: Double)?) {
        if sampling.exact || entities <= sampling.exactLimit {
            return (g.betweennessCentrality(threads: threads, progress: progress), nil)
        }
        let r = g.approximateBetweenness(ApproximateBetweennessOptions(epsilon: sampling.epsilon, delta: sampling.delta, seed: sampling.seed),
                                         threads: threads, progress: progress)
        // Exact in place of a sample (more pairs than the network has): bound 0, said in `text`.
        if r.isExact && r.samples == 0 { return (r.values, nil) }  // fewer than 3 entities
        return (r.values, (r.samples, r.isExact ? 0 : r.errorBound))
    }
}
