/// Hub and authority scores (``Graph/hits(weighted:tolerance:maxIterations:normalized:)``).
public struct HITSScores: Sendable, Hashable {
    public var hubs: [Double]
    public var authorities: [Double]
}

extension Graph {
    /// HITS hubs and authorities as NetworkX's `hits(G, max_iter=100, tol=1e-8, normalized=True)`
    /// in its power-iteration form (`_hits_python`; `nx.hits` itself calls ARPACK with a random
    /// start, which has the same fixed point where it is unique): from uniform hubs h, repeat
    /// a = Aᵀh, h = A a, each scaled to maximum 1, until the L1 change of h is below tol; then
    /// each vector is scaled to sum 1. Weighted: the edge weights are the entries of A. An
    /// undirected edge counts both ways, a self-loop once. A graph without edges has no scores
    /// (NetworkX divides by zero): that is an error.
    /// Reference: Kleinberg (1999), "Authoritative sources in a hyperlinked environment".
    /// O(m) per iteration.
    public func hits(weighted: Bool = false, tolerance: Double = 1e-8, maxIterations: Int = 100,
                     normalized: Bool = true) throws(PowerIterationError) -> HITSScores {
        let n = nodeCount
        guard n > 0 else { return HITSScores(hubs: [], authorities: []) }
        let useWeights = weighted && isWeighted
        let into = isDirected ? incoming : outgoing
        var h = [Double](repeating: 1 / Double(n), count: n)
        var a = [Double](repeating: 0, count: n)
        var next = [Double](repeating: 0, count: n)
        for _ in 0 ..< maxIterations {
            into.withUnsafeBuffers { off, nb, _, w in
                for v in 0 ..< n {
                    var s = 0.0
                    for slot in off[v] ..< off[v + 1] { s += h[Int(nb[slot])] * (useWeights ? w[slot] : 1) }
                    a[v] = s
                }
            }
            outgoing.withUnsafeBuffers { off, nb, _, w in
                for u in 0 ..< n {
                    var s = 0.0
                    for slot in off[u] ..< off[u + 1] { s += a[Int(nb[slot])] * (useWeights ? w[slot] : 1) }
                    next[u] = s
                }
            }
            let hMax = next.max()!, aMax = a.max()!
            guard hMax > 0, aMax > 0 else {
                throw PowerIterationError(measure: "HITS", iterations: 0, reason: "the graph has no edges")
            }
            var err = 0.0
            for v in 0 ..< n {
                next[v] /= hMax
                a[v] /= aMax
                err += abs(next[v] - h[v])
            }
            swap(&h, &next)
            if err < tolerance {
                if normalized {
                    let sa = a.reduce(0, +), sh = h.reduce(0, +)
                    for v in 0 ..< n { a[v] /= sa; h[v] /= sh }
                }
                return HITSScores(hubs: h, authorities: a)
            }
        }
        throw PowerIterationError(measure: "HITS", iterations: maxIterations)
    }
}
