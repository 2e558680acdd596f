extension Graph {
    /// Modularity of a partition (`community[u]` for every node), as NetworkX's
    /// `community.modularity(G, communities, weight, resolution)`:
    ///
    /// undirected: Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], directed: Q = Σ_c [ L_c / m − γ d⁺_c d⁻_c / m² ],
    ///
    /// where m is the total edge weight, L_c the weight of the edges inside community c (a
    /// self-loop once) and d_c the sum of its members' degrees (a self-loop counting twice in an
    /// undirected graph; out- and in-degrees in a directed one). Unweighted edges weigh 1, and
    /// weights are used only when `weighted`. Newman, "Networks" (2010), §7.7; the resolution γ
    /// is Reichardt and Bornholdt's (2006). NaN for a graph without edges (NetworkX divides by zero).
    ///
    /// - Parameters:
    ///   - community: the community of every node, by node index (non-negative labels).
    ///   - weighted: use edge weights.
    ///   - resolution: γ.
    /// - Returns: the modularity Q.
    /// - Complexity: O(n + m + c) time and O(c) memory for labels below c.
    public func modularity(_ community: [Int], weighted: Bool = true, resolution: Double = 1) -> Double {
        precondition(community.count == nodeCount)
        let groups = (community.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: groups)
        var out = [Double](repeating: 0, count: groups)
        var into = [Double](repeating: 0, count: groups)
        var m = 0.0
        forEachEdge { _, u, v, w in
            let w = weighted ? w : 1
            m += w
            let cu = community[Int(u)], cv = community[Int(v)]
            if cu == cv { inside[cu] += w }
            out[cu] += w
            into[cv] += w
        }
        guard m > 0 else { return .nan }
        var q = 0.0
        for c in 0 ..< groups {
            if isDirected {
                q += inside[c] / m - resolution * out[c] * into[c] / (m * m)
            } else {
                let d = out[c] + into[c]
                q += inside[c] / m - resolution * (d / (2 * m)) * (d / (2 * m))
            }
        }
        return q
    }
}
