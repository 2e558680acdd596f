import Testing
@testable import TNetGraph

/// The shared Dijkstra engine behind ``ShortestPathSearch`` and ``Graph/shortestPathTree(from:options:target:)``.
@Suite struct DijkstraEngineTests {
    /// A random multigraph with small integer weights: many ties between summed distances.
    static func tiedGraph(n: Int, m: Int, directed: Bool, seed: UInt64) -> Graph {
        var rng = SplitMix64(seed: seed)
        var b = GraphBuilder(directed: directed, weighted: true, nodeCount: n)
        for _ in 0 ..< m {
            b.addEdge(NodeIndex(rng.below(n)), NodeIndex(rng.below(n)), weight: Double(1 + rng.below(3)))
        }
        return b.build()
    }

    /// Distances and path counts by Bellman–Ford-style relaxation to a fixed point (plain arrays).
    static func reference(_ g: Graph, from s: Int) -> (distance: [Double], sigma: [Double]) {
        var d = [Double](repeating: .infinity, count: g.nodeCount)
        d[s] = 0
        var changed = true
        while changed {
            changed = false
            g.forEachEdge { _, u, v, w in
                if d[Int(u)] + w < d[Int(v)] { d[Int(v)] = d[Int(u)] + w; changed = true }
                if !g.isDirected && d[Int(v)] + w < d[Int(u)] { d[Int(u)] = d[Int(v)] + w; changed = true }
            }
        }
        // σ in order of distance (weights are positive, so predecessors come first).
        var sigma = [Double](repeating: 0, count: g.nodeCount)
        sigma[s] = 1
        for v in (0 ..< g.nodeCount).sorted(by: { d[$0] < d[$1] }) where v != s && d[v] < .infinity {
            for slot in g.incoming.slots(of: NodeIndex(v)) {
                let u = Int(g.incoming.neighbors[slot])
                if u != v && d[u] + g.incoming.weight(atSlot: slot) == d[v] { sigma[v] += sigma[u] }
            }
        }
        return (d, sigma)
    }

    @Test(arguments: [false, true])
    func distancesAndPathCountsMatchARelaxation(directed: Bool) {
        for seed in UInt64(1) ... 5 {
            let g = Self.tiedGraph(n: 30, m: 90, directed: directed, seed: seed)
            var search = ShortestPathSearch(g, weighted: true)
            for s in 0 ..< g.nodeCount {
                search.run(from: NodeIndex(s))
                let (d, sigma) = Self.reference(g, from: s)
                #expect(search.distance == d)
                #expect(search.sigma == sigma)
                #expect(search.order.count == d.filter { $0 < .infinity }.count)
                #expect(zip(search.order, search.order.dropFirst()).allSatisfy { search.distance[Int($0)] <= search.distance[Int($1)] })
                // The tree's distances are the same, and its paths cost them.
                let tree = g.shortestPathTree(from: NodeIndex(s), options: PathSearchOptions(weighted: true))
                #expect(tree.distance == d)
                for v in 0 ..< g.nodeCount where tree.reaches(NodeIndex(v)) {
                    #expect(g.pathCost(tree.path(to: NodeIndex(v))!, options: PathSearchOptions(weighted: true)) == d[v])
                }
            }
        }
    }

    /// Stopping at a target leaves its distance and path count final, and the next run clean.
    @Test func earlyStopKeepsTheTargetExact() {
        let g = Self.tiedGraph(n: 40, m: 120, directed: true, seed: 9)
        var full = ShortestPathSearch(g, weighted: true)
        var stopped = ShortestPathSearch(g, weighted: true)
        for s in 0 ..< g.nodeCount {
            full.run(from: NodeIndex(s))
            for t in [(s + 1) % g.nodeCount, (s * 7 + 3) % g.nodeCount] {
                stopped.run(from: NodeIndex(s), stoppingAt: NodeIndex(t))
                #expect(stopped.distance[t] == full.distance[t])
                #expect(stopped.sigma[t] == full.sigma[t])
                // Unsettled nodes have no distance and no path count.
                for v in 0 ..< g.nodeCount where stopped.distance[v] == .infinity { #expect(stopped.sigma[v] == 0) }
                let tree = g.shortestPathTree(from: NodeIndex(s), options: PathSearchOptions(weighted: true), target: NodeIndex(t))
                #expect(tree.distance[t] == full.distance[t])
            }
        }
    }

    /// A copy of a search owns its results: running one leaves the other's unchanged.
    @Test func copiesAreIndependent() {
        let g = Self.tiedGraph(n: 25, m: 70, directed: false, seed: 4)
        var a = ShortestPathSearch(g, weighted: true)
        a.run(from: 0)
        let before = (a.distance, a.sigma, a.order)
        var b = a
        b.run(from: 5)
        #expect(a.distance == before.0 && a.sigma == before.1 && a.order == before.2)
        a.run(from: 5)
        #expect(a.distance == b.distance && a.sigma == b.sigma && a.order == b.order)
    }

    /// A zero-weight edge between two nodes at equal distance: the tie counts only while the
    /// node reached is not yet settled, as the search has always done.
    @Test func zeroWeightEdges() {
        // 0 → 1 (1), 0 → 2 (1), 1 → 2 (0), 2 → 3 (1)
        let g = Graph(nodeCount: 4, directed: true, sources: [0, 0, 1, 2], targets: [1, 2, 2, 3], weights: [1, 1, 0, 1])
        var search = ShortestPathSearch(g, weighted: true)
        search.run(from: 0)
        #expect(search.distance == [0, 1, 1, 2])
        #expect(search.sigma == [1, 1, 2, 2])
    }
}
