extension Graph {
    /// Eigenvector centrality as NetworkX's `eigenvector_centrality(G, max_iter, tol, weight)`:
    /// power iteration with A + I (so bipartite graphs converge) from a uniform start, each step
    /// normalised to unit Euclidean length; for a directed graph a node scores by its
    /// in-neighbours (the left eigenvector). Stops when the L1 change is below n·tol.
    /// Reference: Bonacich (1987), "Power and centrality: a family of measures".
    ///
    /// - Parameters:
    ///   - weighted: use edge weights as the entries of A (NetworkX's `weight="weight"`).
    ///   - tolerance: NetworkX's `tol`.
    ///   - maxIterations: NetworkX's `max_iter`.
    /// - Returns: the centrality of every node, by node index (empty for an empty graph).
    /// - Throws: ``PowerIterationError`` when the iteration has not converged after
    ///   `maxIterations` steps.
    /// - Complexity: O(n + m) per iteration, O(n) memory.
    public func eigenvectorCentrality(weighted: Bool = false, tolerance: Double = 1e-6,
                                      maxIterations: Int = 100) throws(PowerIterationError) -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let useWeights = weighted && isWeighted
        let into = isDirected ? incoming : outgoing
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0 ..< maxIterations {
            into.withUnsafeBuffers { off, nb, _, w in
                for v in 0 ..< n {
                    var s = x[v]
                    for slot in off[v] ..< off[v + 1] { s += x[Int(nb[slot])] * (useWeights ? w[slot] : 1) }
                    next[v] = s
                }
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
