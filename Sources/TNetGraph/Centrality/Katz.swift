/// Parameters of Katz centrality, NetworkX's defaults.
public struct KatzOptions: Sendable, Hashable {
    /// Attenuation factor α; must be below 1 / λ_max for the series to converge.
    public var alpha: Double = 0.1
    /// The constant β every node receives.
    public var beta: Double = 1
    public var tolerance: Double = 1e-6
    public var maxIterations: Int = 1000
    /// Scale the result to unit Euclidean length.
    public var normalized: Bool = true
    /// Edge weights multiply the walks through them (`weight="weight"`).
    public var weighted: Bool = false

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
    /// O(m) per iteration.
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
