import TNetModel

/// A problem that stops a reader: the file cannot be opened, is not text, or cannot be parsed.
public struct ReadError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?
    /// For a problem without a line and column: the file it concerns.
    public var file: String?

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

    /// The same problem as a validation issue, so `tnet validate` can list it with the rest.
    public var issue: ValidationIssue {
        ValidationIssue(.error, .syntax, message, at: location ?? file.map { SourceLocation(file: $0, line: 1, column: 1) })
    }
}
