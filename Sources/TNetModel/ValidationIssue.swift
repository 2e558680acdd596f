/// One problem found in a dataset, with where it was found when that is known.
///
/// Readers return issues of form (a missing field, a value that cannot be read) beside the
/// dataset they could read; ``TNetModel/Dataset/validate()`` adds issues of meaning (dangling
/// endpoints, uncited links, unknown kinds).
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    /// How serious a problem is. The raw value (`error`, `warning`) is how messages and
    /// scripts name it.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// `error`: the data is wrong or incomplete, so what it says cannot be trusted as read
        /// (a link to no entity, an unreadable grade), and validation fails. `warning`: the
        /// data is read but deserves a look (an uncited link, an undeclared kind, a column
        /// renamed on the way in), and validation passes.
        case error, warning
        /// Orders errors before warnings, so sorted lists show the serious problems first.
        public static func < (a: Self, b: Self) -> Bool { a == .error && b == .warning }
    }

    /// What kind of problem it is; stable names for scripts.
    public enum Code: String, Sendable, Hashable {
        /// `syntax`: the file cannot be parsed at all (a reader's error, listed with the rest).
        case syntax = "syntax"                 // the file cannot be parsed
        /// `unsupported_format`: a native JSON dataset whose `"format"` is missing or is not a
        /// version this library reads.
        case unsupportedFormat = "unsupported_format"      // unknown or missing "format" version
        /// `invalid_structure`: a value of the wrong shape (an array where an object belongs,
        /// a duplicate JSON key, an edge-list line with the wrong number of fields); also the
        /// warning that an edge list's first line was read as a header.
        case invalidStructure = "invalid_structure"       // a field has the wrong JSON type
        /// `missing_field`: a required field is absent (an entity without `id`); also the
        /// warnings that CSV columns were read under the model's field names, or that a link
        /// table came without an entity table.
        case missingField = "missing_field"           // a required field is absent
        /// `invalid_value`: a value that cannot be read as its field requires (a date, an
        /// Admiralty grade, a weight); the value is not used.
        case invalidValue = "invalid_value"           // a value cannot be read (date, grade, number)
        /// `duplicate_entity_id`: two entities share an id, so links to it are ambiguous.
        case duplicateEntityID = "duplicate_entity_id"
        /// `duplicate_source_id`: two sources share an id, so citations of it are ambiguous.
        case duplicateSourceID = "duplicate_source_id"
        /// `dangling_endpoint`: a link's source or target names no entity; the link is left
        /// out of every graph.
        case danglingEndpoint = "dangling_endpoint"       // a link names an entity that does not exist
        /// `unknown_field`: a field the format does not define, kept as an attribute (a
        /// warning: nothing read is lost).
        case unknownField = "unknown_field"           // kept as an attribute
        /// `unknown_source`: a citation names no source of the dataset.
        case unknownSource = "unknown_source"          // a citation names no source of the dataset
        /// `unsourced`: a link in a dataset that has sources cites none of them.
        case unsourced = "unsourced"                   // a link cites no source
        /// `undeclared_kind`: an entity kind, link kind or role neither built in nor declared
        /// in the dataset's ``Schema`` (reported once per kind).
        case undeclaredKind = "undeclared_kind"        // a kind or role neither built in nor in the schema
        /// `invalid_period`: a period whose `from` is after its `to`.
        case invalidPeriod = "invalid_period"          // "from" after "to"
        /// `agreement`: a `cooperates_with` link without an ``Agreement`` this library knows,
        /// or an `agreement` on a link of another kind.
        case agreement = "agreement"                   // cooperates_with without a known agreement, or one elsewhere
        /// `unknown_country`: an entity's `country` names no entity of kind `country`.
        case unknownCountry = "unknown_country"        // an entity's country is not a country entity
        /// `unicode_form`: an id named in one Unicode form where it is declared in another
        /// (`é` composed against `e` + U+0301, the Kelvin sign against `K`), which Swift's
        /// strings hold equal: read as the declared id, and said, since other tools read the
        /// two as different ids.
        case unicodeForm = "unicode_form"              // an id named in another Unicode form, read as one
    }

    /// What kind of problem it is, in words that quote nothing from the data: what a message
    /// says when its own text is withheld (``Redaction/redacting(_:of:)``).
    public var summary: String {
        switch code {
        case .syntax: "the file cannot be parsed"
        case .unsupportedFormat: "the dataset's format version is missing or not supported"
        case .invalidStructure: "a value has the wrong shape (or a key is repeated)"
        case .missingField: "a required field is missing"
        case .invalidValue: "a value cannot be read as its field requires"
        case .duplicateEntityID: "an entity id is used twice"
        case .duplicateSourceID: "a source id is used twice"
        case .danglingEndpoint: "a link names an entity that does not exist"
        case .unknownField: "a field the format does not define, kept as an attribute"
        case .unknownSource: "a citation names no source of the dataset"
        case .unsourced: "a link cites no source"
        case .undeclaredKind: "a kind or role neither built in nor declared in the schema"
        case .invalidPeriod: "a period ends before it starts"
        case .agreement: "a cooperation agreement is missing, unknown or misplaced"
        case .unknownCountry: "a country that is not a country entity"
        case .unicodeForm: "an id named in another Unicode form than it is declared in, read as that id"
        }
    }

    /// Whether the problem is an error or a warning.
    public var severity: Severity
    /// What kind of problem it is, for scripts that filter or count issues.
    public var code: Code
    /// The problem in words, naming the entity, link or value concerned (quoted, so hostile
    /// text stays on one line).
    public var message: String
    /// Where in the input the problem is, when known; `nil` for a dataset built in code.
    public var location: SourceLocation?

    /// An issue from its parts.
    /// - Parameters:
    ///   - severity: Error or warning.
    ///   - code: What kind of problem it is.
    ///   - message: The problem in words.
    ///   - location: Where it is in the input, if known.
    public init(_ severity: Severity, _ code: Code, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
    }

    /// `FILE:LINE:COL: severity: message` (the location omitted when unknown).
    public var description: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message)"
    }
}

/// A validation issue can be thrown as it is, its description the one-line message.
extension ValidationIssue: Error {}
