/// A confidence bar: an Admiralty grade, met when **both** axes are at least as good, in the
/// order of ``Confidence`` (A, B, C, D, F, E and 1, 2, 3, 4, 6, 5: "cannot be judged" ranks
/// between doubtful and improbable) — `B3` admits A1, A3, B2, not C1 or A4; `D4` admits F1 but
/// not E1 — or a number in (0, 1] compared with ``Confidence/value``.
public enum ConfidenceThreshold: Sendable, Hashable, CustomStringConvertible {
    case grade(Confidence)
    case value(Double)

    /// Parses `"B3"` or a number such as `"0.5"`.
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
    public func admits(_ c: Confidence?) -> Bool {
        guard let c else { return false }
        switch self {
        case .grade(let bar): return c.reliabilityRank <= bar.reliabilityRank && c.credibilityRank <= bar.credibilityRank
        case .value(let v): return c.value >= v
        }
    }

    public var description: String {
        switch self {
        case .grade(let c): return c.description
        case .value(let v): return String(v)
        }
    }
}
