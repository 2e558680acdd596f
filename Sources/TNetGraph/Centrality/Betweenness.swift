/// Options of betweenness centrality, NetworkX's parameters of `betweenness_centrality`.
public struct BetweennessOptions: Sendable, Hashable {
    /// Weights as distances (Dijkstra) instead of hop counts.
    public var weighted: Bool
    /// Divide by the number of ordered pairs that could pass through a node:
    /// (n − 1)(n − 2), or n(n − 1) with endpoints. Unnormalised undirected values are halved
    /// (each unordered pair counted once), as NetworkX does.
    public var normalized: Bool
    /// Count the endpoints of each path as lying on it.
    public var endpoints: Bool

    public init(weighted: Bool = false, normalized: Bool = true, endpoints: Bool = false) {
        self.weighted = weighted
        self.normalized = normalized
        self.endpoints = endpoints
    }
}

extension Graph {
    /// Exact betweenness centrality by Brandes' algorithm (Brandes 2001, "A faster algorithm for
    /// betweenness centrality", J. Math. Sociol. 25(2)), matching NetworkX's
    /// `betweenness_centrality(G, normalized=…, weight=…, endpoints=…)`: for each node v, the sum
    /// over pairs s ≠ t (s, t ≠ v unless endpoints) of the fraction of shortest s–t paths through
    /// v. Self-loops never lie on a shortest path. O(n·m) unweighted, O(n·m + n² log n) weighted.
    public func betweennessCentrality(_ options: BetweennessOptions = BetweennessOptions()) -> [Double] {
        var nodes = [Double](repeating: 0, count: nodeCount)
        var edges: [Double] = []
        brandes(options, nodes: &nodes, edges: &edges, collectEdges: false)
        let n = options.endpoints ? nodeCount : nodeCount - 1
        guard n >= 2 else { return nodes }
        let scale = options.normalized ? 1 / (Double(n) * Double(n - 1)) : (isDirected ? 1 : 0.5)
        if scale != 1 { for i in nodes.indices { nodes[i] *= scale } }
        return nodes
    }

    /// Edge betweenness as NetworkX's `edge_betweenness_centrality(G, normalized=…, weight=…)`:
    /// for each edge, the sum over pairs s ≠ t of the fraction of shortest s–t paths that use
    /// it; normalised by n(n − 1), unnormalised undirected values halved. Indexed by edge index
    /// (``forEachEdge(_:)``); a self-loop scores 0. `endpoints` does not apply.
    public func edgeBetweennessCentrality(_ options: BetweennessOptions = BetweennessOptions()) -> [Double] {
        var nodes = [Double](repeating: 0, count: nodeCount)
        var edges = [Double](repeating: 0, count: edgeCount)
        brandes(BetweennessOptions(weighted: options.weighted, normalized: options.normalized), nodes: &nodes, edges: &edges, collectEdges: true)
        guard nodeCount > 1 else { return edges }
        let scale = options.normalized ? 1 / (Double(nodeCount) * Double(nodeCount - 1)) : (isDirected ? 1 : 0.5)
        if scale != 1 { for i in edges.indices { edges[i] *= scale } }
        return edges
    }

    /// Brandes' accumulation over every source, unscaled.
    private func brandes(_ options: BetweennessOptions, nodes result: inout [Double], edges: inout [Double], collectEdges: Bool) {
        var search = ShortestPathSearch(self, weighted: options.weighted)
        var delta = [Double](repeating: 0, count: nodeCount)
        let backward = search.backward
        let weighted = options.weighted && isWeighted
        for s in 0 ..< nodeCount {
            search.run(from: NodeIndex(s))
            if options.endpoints { result[s] += Double(search.order.count - 1) }
            for w in search.order.reversed() {
                let wi = Int(w)
                let coefficient = (1 + delta[wi]) / search.sigma[wi]
                let dw = search.distance[wi]
                // Predecessors of w: nodes v with an edge v → w on a shortest path.
                for slot in backward.slots(of: w) {
                    let v = Int(backward.neighbors[slot])
                    let dv = search.distance[v]
                    guard dv < dw else { continue }
                    let onPath = weighted ? dv + backward.weight(atSlot: slot) == dw : dv + 1 == dw
                    if onPath {
                        let c = search.sigma[v] * coefficient
                        delta[v] += c
                        if collectEdges { edges[Int(backward.edge(atSlot: slot))] += c }
                    }
                }
                if wi != s { result[wi] += delta[wi] + (options.endpoints ? 1 : 0) }
            }
            for w in search.order { delta[Int(w)] = 0 }
        }
    }
}
