/// A confidence grade on the NATO/Admiralty system: source reliability `A`–`F` and information
/// credibility `1`–`6`, written together as in `"B2"`.
///
/// | reliability | meaning | factor | credibility | meaning | factor |
/// |---|---|---|---|---|---|
/// | A | completely reliable | 1.0 | 1 | confirmed by other sources | 1.0 |
/// | B | usually reliable | 0.8 | 2 | probably true | 0.8 |
/// | C | fairly reliable | 0.6 | 3 | possibly true | 0.6 |
/// | D | not usually reliable | 0.4 | 4 | doubtful | 0.4 |
/// | E | unreliable | 0.2 | 5 | improbable | 0.2 |
/// | F | reliability cannot be judged | 0.3 | 6 | truth cannot be judged | 0.3 |
///
/// ``value`` is the product of the two factors, a number in (0, 1]: `A1` = 1, `B2` = 0.64,
/// `F6` = 0.09. "Cannot be judged" sits between D and E: unknown is weaker than doubtful
/// but not evidence of falsehood.
public struct Confidence: Sendable, Hashable, CustomStringConvertible {
    // Stored in two bytes (a grade sits on every entity and link, millions of them in a
    // large file): the letter's distance from `A` and the digit less one, each 0–5.
    private let letter: UInt8
    private let digit: UInt8

    /// How far the source is trusted, from its track record: an upper-case letter `A`
    /// (completely reliable) to `E` (unreliable), or `F` (reliability cannot be judged).
    public var reliability: Character { Character(Unicode.Scalar(UInt8(ascii: "A") + letter)) }
    /// How far this piece of information is believed, on its own merits: `1` (confirmed by
    /// other sources) to `5` (improbable), or `6` (truth cannot be judged).
    public var credibility: Int { Int(digit) + 1 }

    /// Parses a two-character grade such as `"B2"`: a letter `A`–`F` in either case, then a
    /// digit `1`–`6`; spaces around it are allowed.
    /// - Parameter text: The grade as written in a file or typed by an analyst.
    /// - Returns: `nil` for anything else (`"B7"`, `"G1"`, `"B 2"`, a grade in other
    ///   scripts' digits).
    public init?(_ text: String) {
        // Most grades are two ASCII bytes: read them as such.
        let utf8 = text.utf8
        if utf8.count == 2 {
            let letter = utf8.first! & 0xDF, digit = utf8.last! &- UInt8(ascii: "1")  // upper case; 0-based
            guard letter >= UInt8(ascii: "A") && letter <= UInt8(ascii: "F"), digit < 6 else { return nil }
            self.letter = letter - UInt8(ascii: "A")
            self.digit = digit
            return
        }
        // Spaces around it are forgiven; the grade itself is ASCII (no other script's digit).
        let trimmed = text.trimmingSpaces
        guard trimmed.utf8.count == 2, trimmed.utf8.count != text.utf8.count, let grade = Confidence(String(trimmed)) else { return nil }
        self = grade
    }

    /// The grade as written: the letter then the digit, `"B2"`.
    public var description: String { "\(reliability)\(credibility)" }

    /// Position of the reliability letter from best to worst: A 0, B 1, C 2, D 3, F 4, E 5
    /// ("cannot be judged" ranks above "unreliable"). A ``ConfidenceThreshold`` compares these.
    public var reliabilityRank: Int { Self.ranks[Int(letter)] }

    /// Position of the credibility digit from best to worst: 1 0, 2 1, 3 2, 4 3, 6 4, 5 5
    /// ("cannot be judged" ranks above "improbable"). A ``ConfidenceThreshold`` compares these.
    public var credibilityRank: Int { Self.ranks[Int(digit)] }

    /// Rank by letter or digit (0-based): the sixth ("cannot be judged") before the fifth.
    private static let ranks = [0, 1, 2, 3, 5, 4]
    private static let factors: [Double] = [1.0, 0.8, 0.6, 0.4, 0.2, 0.3]

    /// The grade as a number in (0, 1]: the reliability factor times the credibility factor
    /// (see the table above), so `A1` is 1, `B2` 0.64 and `F6` 0.09.
    public var value: Double {
        Self.factors[Int(letter)] * Self.factors[Int(digit)]
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
