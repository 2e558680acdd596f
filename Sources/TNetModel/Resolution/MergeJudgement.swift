/// An entity of one input of a merge: the input's tag and the entity's id there, written
/// `tag:id` in review files and in `merged_from`.
public struct RecordReference: Sendable, Hashable, CustomStringConvertible, Comparable {
    /// The input's tag (its file name without extension, unless given).
    public var tag: String
    /// The entity's id in that input.
    public var id: String

    /// A reference from its parts.
    public init(tag: String, id: String) {
        self.tag = tag
        self.id = id
    }

    /// Reads `tag:id` (the first colon separates them; an id may hold colons).
    /// - Parameter text: The reference as written.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        tag = String(text[..<colon])
        id = String(text[text.index(after: colon)...])
        guard !tag.isEmpty, !id.isEmpty else { return nil }
    }

    /// `tag:id`.
    public var description: String { tag + ":" + id }

    /// Orders by tag, then id (code point order), so review files are stable.
    public static func < (a: Self, b: Self) -> Bool {
        a.tag != b.tag ? a.tag.utf8.lexicographicallyPrecedes(b.tag.utf8) : a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
    }
}

/// An investigator's decision on a candidate pair, from a review file.
public struct MergeJudgement: Sendable, Hashable {
    /// What the investigator decided.
    public enum Decision: String, Sendable, Hashable, CaseIterable {
        /// One entity: merge them.
        case same
        /// Two entities: never merge them, whatever the score.
        case different
        /// Not known yet: keep them apart and ask again.
        case unsure
    }
    /// One record.
    public var left: RecordReference
    /// The other.
    public var right: RecordReference
    /// The decision.
    public var decision: Decision
    /// Where the judgement was read (`review.csv:12`), for messages.
    public var origin: String?
    /// The names the row showed for the two records (`left_name`, `right_name` of a review
    /// file), when it had them: a row whose names are not the records' (a column sorted on its
    /// own in a spreadsheet) is not applied.
    public var leftName: String?, rightName: String?

    /// A judgement from its parts.
    public init(left: RecordReference, right: RecordReference, decision: Decision, origin: String? = nil) {
        self.left = left
        self.right = right
        self.decision = decision
        self.origin = origin
    }
}
