/// An iterative measure did not reach its tolerance within its iteration limit (NetworkX raises
/// `PowerIterationFailedConvergence` in the same case), or has no defined value on this graph.
public struct PowerIterationError: Error, Sendable, CustomStringConvertible {
    public let measure: String
    public let iterations: Int
    /// Set when the measure is undefined rather than slow to converge.
    public let reason: String?

    public init(measure: String, iterations: Int, reason: String? = nil) {
        self.measure = measure
        self.iterations = iterations
        self.reason = reason
    }

    public var description: String {
        if let reason { return "\(measure) is undefined: \(reason)" }
        return "\(measure) did not converge in \(iterations) iterations"
    }
}
