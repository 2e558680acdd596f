/// Parameters of PageRank, NetworkX's defaults.
public struct PageRankOptions: Sendable, Hashable {
    /// Damping factor α.
    public var damping: Double = 0.85
    /// Stop when the L1 change of an iteration is below n × tolerance.
    public var tolerance: Double = 1e-6
    public var maxIterations: Int = 100
    /// Edge weights as transition strengths (`weight="weight"`); otherwise every edge counts 1.
    public var weighted: Bool = false

    public init(damping: Double = 0.85, tolerance: Double = 1e-6, maxIterations: Int = 100, weighted: Bool = false) {
        self.damping = damping
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.weighted = weighted
    }
}

extension Graph {
    /// PageRank as NetworkX's `pagerank(G, alpha=0.85, tol=1e-6, max_iter=100, weight=…)`
    /// (its SciPy power iteration): x ← α (x P + Σ_dangling x / n) + (1 − α) / n, where P is the
    /// adjacency matrix with rows divided by their sums (an undirected edge counts both ways, a
    /// self-loop once), and dangling nodes (no out-edge) spread their rank uniformly. Stops when
    /// ‖x − x_last‖₁ < n·tol. Reference: Page, Brin, Motwani & Winograd (1999).
    /// O(m) per iteration.
    public func pageRank(_ options: PageRankOptions = PageRankOptions()) throws(PowerIterationError) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let weighted = options.weighted && isWeighted
        // Out-strength of each node (row sums).
        var outSum = [Double](repeating: 0, count: n)
        for u in 0 ..< n {
            if weighted {
                for slot in outgoing.slots(of: NodeIndex(u)) { outSum[u] += outgoing.weight(atSlot: slot) }
            } else {
                outSum[u] = Double(outgoing.slotCount(NodeIndex(u)))
            }
        }
        let into = isDirected ? incoming : outgoing
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        let alpha = options.damping, teleport = (1 - options.damping) / Double(n)
        for _ in 0 ..< options.maxIterations {
            var dangling = 0.0
            for u in 0 ..< n where outSum[u] == 0 { dangling += x[u] }
            let shared = alpha * dangling / Double(n) + teleport
            for v in 0 ..< n {
                var s = 0.0
                for slot in into.slots(of: NodeIndex(v)) {
                    let u = Int(into.neighbors[slot])
                    s += x[u] * (weighted ? into.weight(atSlot: slot) : 1) / outSum[u]
                }
                next[v] = alpha * s + shared
            }
            var err = 0.0
            for v in 0 ..< n { err += abs(next[v] - x[v]) }
            swap(&x, &next)
            if err < Double(n) * options.tolerance { return x }
        }
        throw PowerIterationError(measure: "PageRank", iterations: options.maxIterations)
    }

    /// Eigenvector centrality as NetworkX's `eigenvector_centrality(G, max_iter, tol, weight)`:
    /// power iteration with A + I (so bipartite graphs converge) from a uniform start, each step
    /// normalised to unit Euclidean length; for a directed graph a node scores by its
    /// in-neighbours (the left eigenvector). Stops when the L1 change is below n·tol.
    /// Reference: Bonacich (1987). O(m) per iteration.
    public func eigenvectorCentrality(weighted: Bool = false, tolerance: Double = 1e-6,
                                      maxIterations: Int = 100) throws(PowerIterationError) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let useWeights = weighted && isWeighted
        let into = isDirected ? incoming : outgoing
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0 ..< maxIterations {
            for v in 0 ..< n {
                var s = x[v]
                for slot in into.slots(of: NodeIndex(v)) {
                    s += x[Int(into.neighbors[slot])] * (useWeights ? into.weight(atSlot: slot) : 1)
                }
                next[v] = s
            }
            var norm = 0.0
            for v in 0 ..< n { norm += next[v] * next[v] }
            norm = norm.squareRoot()
            if norm == 0 { norm = 1 }
            var err = 0.0
            for v in 0 ..< n {
                next[v] /= norm
                err += abs(next[v] - x[v])
            }
            swap(&x, &next)
            if err < Double(n) * tolerance { return x }
        }
        throw PowerIterationError(measure: "eigenvector centrality", iterations: maxIterations)
    }
}
