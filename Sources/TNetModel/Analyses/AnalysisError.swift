/// A failed analysis request (an unknown id, an impossible combination of options), one line.
public struct AnalysisError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
