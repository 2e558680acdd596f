/// An iterative measure did not reach its tolerance within its iteration limit (NetworkX raises
/// `PowerIterationFailedConvergence` in the same case).
public struct PowerIterationError: Error, Sendable, CustomStringConvertible {
    public let measure: String
    public let iterations: Int
    public var description: String { "\(measure) did not converge in \(iterations) iterations" }
}
