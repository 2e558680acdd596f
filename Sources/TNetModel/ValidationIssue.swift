/// One problem found in a dataset, with where it was found when that is known.
public struct ValidationIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning
        public static func < (a: Self, b: Self) -> Bool { a == .error && b == .warning }
    }

    /// What kind of problem it is; stable names for scripts.
    public enum Code: String, Sendable, Hashable {
        case syntax = "syntax"                 // the file cannot be parsed
        case unsupportedFormat = "unsupported_format"      // unknown or missing "format" version
        case invalidStructure = "invalid_structure"       // a field has the wrong JSON type
        case missingField = "missing_field"           // a required field is absent
        case invalidValue = "invalid_value"           // a value cannot be read (date, grade, number)
        case duplicateEntityID = "duplicate_entity_id"
        case duplicateSourceID = "duplicate_source_id"
        case danglingEndpoint = "dangling_endpoint"       // a link names an entity that does not exist
        case unknownField = "unknown_field"           // kept as an attribute
        case unknownSource = "unknown_source"          // a citation names no source of the dataset
        case unsourced = "unsourced"                   // a link cites no source
        case undeclaredKind = "undeclared_kind"        // a kind or role neither built in nor in the schema
        case invalidPeriod = "invalid_period"          // "from" after "to"
        case agreement = "agreement"                   // cooperates_with without a known agreement, or one elsewhere
        case unknownCountry = "unknown_country"        // an entity's country is not a country entity
    }

    public var severity: Severity
    public var code: Code
    public var message: String
    public var location: SourceLocation?

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
