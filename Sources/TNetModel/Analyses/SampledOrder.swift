import Foundation

/// Which places of a ranking by sampled values the sample establishes.
///
/// Each sampled value is within ±b of its exact value with probability 1 − δ on its own
/// (``RemovalAccuracy/gainBound``). A ranking compares every value with every other, so its
/// claims need a bound that holds for all n values together: Hoeffding–Serfling's bound at δ/n
/// (a union bound), b′ = b · √(ln(2n/δ) / ln(2/δ)), about twice b for 10⁴ values. Two values
/// are then told apart only when their estimates differ by more than 2b′, and every such
/// statement holds at once with probability ≥ 1 − δ. A ranking whose neighbours are closer
/// than that is ordered by noise as much as by the network, and saying which places hold is
/// part of stating it.
///
/// Worked case (values sorted, b′ = 0.01, so 2b′ = 0.02): 0.30, 0.25, 0.24, 0.10, 0.095. The gaps
/// are 0.05, 0.01, 0.14, 0.005; those above 0.02 follow places 1 and 3. So #1 is above every
/// other, #2 and #3 are above every later one but not told apart, and #4 and #5 are not told
/// apart: groups #1; #2–#3; #4 and below.
public struct SampledOrder: Sendable, Equatable {
    /// The bound that holds for every value together (b′).
    public var bound: Double
    /// The bound of a difference of two values: twice ``bound``.
    public var differenceBound: Double { 2 * bound }
    /// The places r (1-based, ascending) after which the sample separates the ranking: each of
    /// the first r values exceeds every later one by more than ``differenceBound``.
    public var separations: [Int]
    /// How many values were ranked.
    public var count: Int
    /// The probability every comparison holds with, all together (1 − δ, as written).
    public var confidence: String

    /// The order of `values`, sorted from highest to lowest, each within ±`bound` all together.
    /// - Parameters:
    ///   - values: the estimates, highest first (ties in any order).
    ///   - bound: the bound that holds for every estimate together (b′; > 0).
    ///   - confidence: the probability it holds with, as printed.
    public init(sortedValues values: [Double], bound: Double, confidence: String) {
        self.bound = bound
        count = values.count
        self.confidence = confidence
        var found: [Int] = []
        for r in values.indices.dropLast() where values[r] - values[r + 1] > 2 * bound { found.append(r + 1) }
        separations = found
    }

    /// The order of `values`, each within ±`bound` with probability 1 − `delta` on its own: the
    /// bound for all of them together is Hoeffding–Serfling's at δ/n,
    /// `bound` · √(ln(2n/δ) / ln(2/δ)).
    /// - Parameters:
    ///   - values: the estimates, highest first.
    ///   - bound: each estimate's own bound (Hoeffding–Serfling at δ).
    ///   - delta: δ.
    public init(sortedValues values: [Double], eachWithin bound: Double, delta: Double) {
        self.init(sortedValues: values, bound: Self.jointBound(bound, count: values.count, delta: delta),
                  confidence: RemovalAccuracy.complement(delta))
    }

    /// The bound that holds for `count` values together, each within `bound` at δ on its own
    /// (Hoeffding–Serfling's bound at δ/n): `bound` · √(ln(2n/δ) / ln(2/δ)).
    /// - Parameters:
    ///   - bound: each value's own bound.
    ///   - count: how many values (n; at least 1 is used).
    ///   - delta: δ.
    /// - Returns: the bound for all of them together.
    public static func jointBound(_ bound: Double, count: Int, delta: Double) -> Double {
        let n = Double(max(count, 1))
        return bound * ((log(2 * n) - log(delta)) / (log(2) - log(delta))).squareRoot()
    }

    /// The groups of the first `listed` places that the sample tells apart, as ranges of places
    /// (the last one open, `below` true, when it runs on past `listed` and no separation ends it
    /// there); nil when the sample separates none of them.
    func ranges(listed: Int) -> [(first: Int, last: Int, below: Bool)]? {
        let shown = min(listed, count)
        let cuts = separations.filter { $0 <= shown }
        guard !cuts.isEmpty else { return nil }
        var out: [(first: Int, last: Int, below: Bool)] = []
        var previous = 0
        for cut in cuts {
            out.append((previous + 1, cut, false))
            previous = cut
        }
        if previous < count { out.append((previous + 1, shown == count ? count : previous + 1, shown < count)) }
        return out
    }

    /// The groups of the first `listed` places that the sample tells apart, in words: `#1; #2–#3;
    /// #4 and below` (the last group runs on past `listed` when no separation ends it there).
    /// - Parameter listed: how many places are shown.
    /// - Returns: the groups, or nil when the sample separates none of the first `listed` places.
    public func groups(listed: Int) -> String? {
        ranges(listed: listed).map(Self.words)
    }

    static func words(_ ranges: [(first: Int, last: Int, below: Bool)]) -> String {
        ranges.map { r in r.below ? "#\(r.first) and below" : r.first == r.last ? "#\(r.first)" : "#\(r.first)–#\(r.last)" }
            .joined(separator: "; ")
    }

    /// One sentence on what the sample establishes about the first `listed` places of a ranking
    /// by `value` (e.g. "fragmentation gain"), with the bound of a difference.
    /// - Parameters:
    ///   - listed: how many places are shown.
    ///   - value: what is ranked, singular.
    /// - Returns: the sentence, without a final full stop.
    public func text(listed: Int, of value: String) -> String {
        guard count > 1 else { return "a single candidate: there is no order to establish" }
        let bound = RemovalAccuracy.number(differenceBound)
        let why = "twice the bound that holds for every \(value) together (probability ≥ \(confidence) for all comparisons at once)"
        guard let ranges = ranges(listed: listed) else {
            return "order not established by the sample: no estimated \(value) listed exceeds the next one by more than \(bound), \(why); the order shown follows the estimates"
        }
        // Every group a single place: the whole order shown holds.
        let grouped = ranges.contains { $0.below || $0.last > $0.first }
        // The estimates differ by more than the margin; the exact values are only shown to be
        // in this order (helper-63: the gap was said of the exact gains).
        return "the sample orders these in groups, " + Self.words(ranges) + ": each group's estimated \(value)s exceed every later one's by more than \(bound), \(why), so the exact \(value)s are in this order from group to group"
            + (grouped ? "; within a group the order shown follows the estimates" : "")
    }
}
