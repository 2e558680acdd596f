import TNetModel

/// A problem that stops a reader: the file cannot be opened, is not text, or cannot be parsed.
///
/// The writers throw it too, for a dataset a format cannot hold without changing it (an id
/// with a space in an edge list, a control character in GraphML).
public struct ReadError: Error, Sendable, CustomStringConvertible {
    /// The problem in words, without the file name or location (``description`` adds them).
    public var message: String
    /// The line and column of the problem, when the reader knows them.
    public var location: SourceLocation?
    /// For a problem without a line and column: the file it concerns.
    public var file: String?

    /// An error with its message and, when known, where it is.
    /// - Parameters:
    ///   - message: The problem in words.
    ///   - location: The line and column, if known.
    ///   - file: The file concerned, for a problem without a line and column; defaults to
    ///     `location`'s file.
    public init(_ message: String, at location: SourceLocation? = nil, file: String? = nil) {
        self.message = message
        self.location = location
        self.file = file ?? location?.file
    }

    /// `FILE:LINE:COL: message`, or `FILE: message`.
    public var description: String {
        if let location { return "\(location): \(message)" }
        if let file { return "\(file): \(message)" }
        return message
    }

    /// The problem without the file's text: for output where victims are redacted, since a file
    /// that cannot be parsed cannot be redacted either, so a message that may quote it (a syntax
    /// error next to a victim's name) keeps only where the problem is. Problems without a line
    /// and column (no such file) quote nothing of the file and are kept.
    public var withheld: ReadError { withheld(as: nil) }

    /// ``withheld``, naming the format the file was read as: the kind of problem (`the file
    /// cannot be parsed as JSON here`) and where, nothing quoted from the file.
    /// - Parameter format: the format the file was read as, when known.
    /// - Returns: the error to show under redaction.
    public func withheld(as format: DatasetFormat?) -> ReadError {
        guard let location else { return self }
        let what = format.map { "the file cannot be parsed as \(Self.formatName($0)) here" } ?? "the file cannot be parsed here"
        return ReadError(what + " (the message is withheld while protected persons are redacted, as it may quote the file; read it without redaction to see it)", at: location)
    }

    static func formatName(_ f: DatasetFormat) -> String {
        switch f {
        case .json: "native JSON"
        case .csv: "CSV"
        case .graphml: "GraphML"
        case .dot: "DOT"
        case .edgelist: "an edge list"
        case .ftm: "FollowTheMoney JSON"
        }
    }

    /// The same problem as a validation issue (an error with code `syntax`, at line 1 of the
    /// file when no location is known), so a validation report can list it with the rest.
    public var issue: ValidationIssue {
        ValidationIssue(.error, .syntax, message, at: location ?? file.map { SourceLocation(file: $0, line: 1, column: 1) })
    }
}
