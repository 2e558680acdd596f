/// An iterative measure did not reach its tolerance within its iteration limit (NetworkX raises
/// `PowerIterationFailedConvergence` in the same case), or has no defined value on this graph.
public struct PowerIterationError: Error, Sendable, CustomStringConvertible {
    /// The measure that failed, e.g. "PageRank".
    public let measure: String
    /// The iteration limit reached (0 when the measure is undefined).
    public let iterations: Int
    /// Set when the measure is undefined rather than slow to converge.
    public let reason: String?

    /// An error for `measure`.
    ///
    /// - Parameters:
    ///   - measure: the measure's name, e.g. "PageRank".
    ///   - iterations: the iteration limit reached.
    ///   - reason: why the measure is undefined, or nil when it did not converge.
    public init(measure: String, iterations: Int, reason: String? = nil) {
        self.measure = measure
        self.iterations = iterations
        self.reason = reason
    }

    /// "M did not converge in N iterations", or "M is undefined: reason".
    public var description: String {
        if let reason { return "\(measure) is undefined: \(reason)" }
        return "\(measure) did not converge in \(iterations) iterations"
    }
}
