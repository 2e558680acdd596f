/// Parameters of Katz centrality, NetworkX's defaults.
public struct KatzOptions: Sendable, Hashable {
    /// Attenuation factor α; must be below 1 / λ_max for the series to converge.
    public var alpha: Double = 0.1
    /// The constant β every node receives.
    public var beta: Double = 1
    /// NetworkX's `tol`: the iteration stops when the L1 change is below n × tolerance.
    public var tolerance: Double = 1e-6
    /// NetworkX's `max_iter`: the most iterations before ``PowerIterationError``.
    public var maxIterations: Int = 1000
    /// Scale the result to unit Euclidean length.
    public var normalized: Bool = true
    /// Edge weights multiply the walks through them (`weight="weight"`).
    public var weighted: Bool = false

    /// Options with NetworkX's defaults, unless given.
    ///
    /// - Parameters:
    ///   - alpha: the attenuation factor α.
    ///   - beta: the constant β.
    ///   - tolerance: NetworkX's `tol`.
    ///   - maxIterations: NetworkX's `max_iter`.
    ///   - normalized: scale the result to unit length.
    ///   - weighted: use edge weights.
    public init(alpha: Double = 0.1, beta: Double = 1, tolerance: Double = 1e-6, maxIterations: Int = 1000,
                normalized: Bool = true, weighted: Bool = false) {
        self.alpha = alpha
        self.beta = beta
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.normalized = normalized
        self.weighted = weighted
    }
}

extension Graph {
    /// Katz centrality as NetworkX's `katz_centrality(G, alpha=0.1, beta=1.0, max_iter=1000,
    /// tol=1e-6, normalized=True, weight=…)`: x = α Aᵀ x + β, by iteration from x = 0 (a
    /// node scores by its in-neighbours when directed; an undirected self-loop counts once).
    /// Stops when the L1 change is below n·tol; the result is then scaled to unit length.
    /// Reference: Katz (1953), "A new status index derived from sociometric analysis".
    ///
    /// - Parameter options: α, β, tolerance, iteration limit, normalisation and weights.
    /// - Returns: the centrality of every node, by node index (empty for an empty graph).
    /// - Throws: ``PowerIterationError`` when the iteration has not converged after
    ///   `options.maxIterations` steps (``katzDiagnosis(_:_:)`` says why).
    /// - Complexity: O(n + m) per iteration, O(n) memory.
    public func katzCentrality(_ options: KatzOptions = KatzOptions()) throws(PowerIterationError) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let useWeights = options.weighted && isWeighted
        let into = isDirected ? incoming : outgoing
        var x = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0 ..< options.maxIterations {
            var err = 0.0
            into.withUnsafeBuffers { off, nb, _, w in
                for v in 0 ..< n {
                    var s = 0.0
                    for slot in off[v] ..< off[v + 1] { s += x[Int(nb[slot])] * (useWeights ? w[slot] : 1) }
                    next[v] = options.alpha * s + options.beta
                    err += abs(next[v] - x[v])
                }
            }
            swap(&x, &next)
            if err < Double(n) * options.tolerance {
                if options.normalized {
                    var norm = 0.0
                    for v in x { norm += v * v }
                    norm = norm.squareRoot()
                    if norm > 0 { for v in 0 ..< n { x[v] /= norm } }
                }
                return x
            }
        }
        throw PowerIterationError(measure: "Katz centrality", iterations: options.maxIterations)
    }
}

extension Graph {
    /// The largest eigenvalue λmax of the (weighted) adjacency matrix, estimated by power
    /// iteration on A + I from a uniform start (as eigenvector centrality), `iterations` steps:
    /// Katz's series converges only for α < 1/λmax. For a non-negative matrix this is the
    /// spectral radius; the estimate is exact once the iteration has converged.
    ///
    /// - Parameters:
    ///   - weighted: use edge weights as the entries of A.
    ///   - iterations: the most power-iteration steps (it stops earlier once the estimate is stable).
    /// - Returns: the estimate of λmax, 0 for a graph without edges.
    /// - Complexity: O(n + m) per step, O(n) memory.
    public func spectralRadiusEstimate(weighted: Bool = false, iterations: Int = 1000) -> Double {
        let n = nodeCount
        guard n > 0 else { return 0 }
        let useWeights = weighted && isWeighted
        let into = isDirected ? incoming : outgoing
        var x = [Double](repeating: 1 / Double(n).squareRoot(), count: n)
        var next = [Double](repeating: 0, count: n)
        var lambda = 0.0
        for _ in 0 ..< iterations {
            into.withUnsafeBuffers { off, nb, _, w in
                for v in 0 ..< n {
                    var s = 0.0
                    for slot in off[v] ..< off[v + 1] { s += x[Int(nb[slot])] * (useWeights ? w[slot] : 1) }
                    next[v] = s
                }
            }
            // Rayleigh-type estimate for the current vector: ‖Ax‖ / ‖x‖ with ‖x‖ = 1.
            var norm = 0.0
            for v in 0 ..< n { norm += next[v] * next[v] }
            norm = norm.squareRoot()
            let previous = lambda
            lambda = norm
            if norm == 0 { return 0 }
            // Step with A + I so that periodic (bipartite) graphs converge too.
            var norm2 = 0.0
            for v in 0 ..< n { next[v] += x[v]; norm2 += next[v] * next[v] }
            norm2 = norm2.squareRoot()
            for v in 0 ..< n { x[v] = next[v] / norm2 }
            if abs(lambda - previous) <= 1e-12 * max(1, lambda) { break }
        }
        return lambda
    }

    /// Why Katz centrality with `options` failed, with the bound its α must respect.
    ///
    /// - Parameters:
    ///   - options: the options ``katzCentrality(_:)`` was given.
    ///   - error: the error it threw.
    /// - Returns: a sentence for the user: whether α is at or above 1/λmax (the series
    ///   diverges) or below it (more iterations or a larger tolerance will do).
    /// - Complexity: that of ``spectralRadiusEstimate(weighted:iterations:)``.
    public func katzDiagnosis(_ options: KatzOptions, _ error: PowerIterationError) -> String {
        let lambda = spectralRadiusEstimate(weighted: options.weighted)
        guard lambda > 0 else { return "\(error)" }
        let bound = 1 / lambda
        func short(_ x: Double) -> String {
            var s = String(x)
            if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) { return String(s[..<e].prefix(6)) + s[e...] }
            if s.count > 8 { s = String(s.prefix(8)) }
            return s
        }
        let matrix = options.weighted && isWeighted ? "the weighted adjacency matrix the measure reads" : "the adjacency matrix"
        if options.alpha >= bound {
            return "\(error): alpha \(short(options.alpha)) is not below 1/λmax = \(short(bound)) (λmax ≈ \(short(lambda)), the largest eigenvalue of \(matrix)), so the series diverges; choose alpha below \(short(bound)), e.g. \(short(0.9 * bound))"
        }
        // α·λmax is the factor by which the error shrinks per iteration.
        let rate = options.alpha * lambda
        return "\(error); alpha \(short(options.alpha)) is below 1/λmax = \(short(bound)), so the series converges, the error shrinking by a factor \(short(rate)) per iteration: raise the iteration limit or the tolerance"
    }
}
