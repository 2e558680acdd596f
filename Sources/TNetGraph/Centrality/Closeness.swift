extension Graph {
    /// Closeness centrality as NetworkX's `closeness_centrality(G, distance=…, wf_improved=…)`.
    ///
    /// For node u with r − 1 other nodes that can reach it (incoming distances when directed,
    /// as NetworkX does) at total distance D: C(u) = (r − 1) / D, times (r − 1) / (n − 1) when
    /// `wfImproved` (Wasserman and Faust's correction for disconnected graphs, NetworkX's
    /// default); 0 when nothing reaches u. Weighted: edge weights are distances (Dijkstra).
    /// Reference: Freeman (1979); Wasserman & Faust (1994), *Social Network Analysis*, p. 201.
    /// O(n·(n + m)) unweighted, O(n·(n + m) log n) weighted.
    public func closenessCentrality(weighted: Bool = false, wfImproved: Bool = true) -> [Double] {
        var search = ShortestPathSearch(self, reversed: true, weighted: weighted)
        var result = [Double](repeating: 0, count: nodeCount)
        for u in 0 ..< nodeCount {
            search.run(from: NodeIndex(u))
            var total = 0.0
            for v in search.order { total += search.distance[Int(v)] }
            let reached = Double(search.order.count - 1)
            guard total > 0, nodeCount > 1 else { continue }
            var c = reached / total
            if wfImproved { c *= reached / Double(nodeCount - 1) }
            result[u] = c
        }
        return result
    }

    /// Harmonic centrality as NetworkX's `harmonic_centrality(G, distance=…)`: the sum over the
    /// other nodes v that reach u of 1 / d(v, u) (incoming distances when directed). Not
    /// normalised. Reference: Boldi & Vigna (2014), "Axioms for centrality".
    public func harmonicCentrality(weighted: Bool = false) -> [Double] {
        var search = ShortestPathSearch(self, reversed: true, weighted: weighted)
        var result = [Double](repeating: 0, count: nodeCount)
        for u in 0 ..< nodeCount {
            search.run(from: NodeIndex(u))
            var total = 0.0
            for v in search.order where search.distance[Int(v)] > 0 { total += 1 / search.distance[Int(v)] }
            result[u] = total
        }
        return result
    }
}
