/// A confidence bar: an Admiralty grade, met when **both** axes are at least as good, in the
/// order of ``Confidence`` (A, B, C, D, F, E and 1, 2, 3, 4, 6, 5: "cannot be judged" ranks
/// between doubtful and improbable) — `B3` admits A1, A3, B2, not C1 or A4; `D4` admits F1 but
/// not E1 — or a number in (0, 1] compared with ``Confidence/value``.
public enum ConfidenceThreshold: Sendable, Hashable, CustomStringConvertible {
    /// A bar on each axis: a fact passes when its reliability and its credibility each rank at
    /// least as well as this grade's.
    case grade(Confidence)
    /// A bar on the combined number: a fact passes when its ``Confidence/value`` is at least
    /// this, in (0, 1]. `0.6` admits `A3` and `C1` (both worth 0.6), which the grade bar `B2`
    /// would not: one axis may make up for the other.
    case value(Double)

    /// Parses `"B3"` or a number such as `"0.5"`.
    /// - Parameter text: A grade (as ``Confidence/init(_:)`` reads it) or a decimal number.
    /// - Returns: `nil` for anything else, and for a number outside (0, 1].
    public init?(_ text: String) {
        if let c = Confidence(text) {
            self = .grade(c)
        } else if let v = Double(text), v > 0, v <= 1 {
            self = .value(v)
        } else {
            return nil
        }
    }

    /// Whether a fact with this grade passes; an ungraded fact never does.
    /// - Parameter c: The grade of an entity or link, or `nil` when it has none.
    public func admits(_ c: Confidence?) -> Bool {
        guard let c else { return false }
        switch self {
        case .grade(let bar): return c.reliabilityRank <= bar.reliabilityRank && c.credibilityRank <= bar.credibilityRank
        case .value(let v): return c.value >= v
        }
    }

    /// The bar as it would be typed: the grade (`B3`) or the number (`0.5`).
    public var description: String {
        switch self {
        case .grade(let c): return c.description
        case .value(let v): return String(v)
        }
    }
}
