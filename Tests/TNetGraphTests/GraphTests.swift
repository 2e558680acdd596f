import Testing
@testable import TNetGraph

@Suite struct GraphTests {
    /// Triangle 0-1-2 plus pendant 2-3, undirected.
    /// Worked by hand: degrees 0:2, 1:2, 2:3, 3:1; m = 4, density = 2·4/(4·3) = 2/3.
    @Test func undirectedDegreesAndNeighbours() {
        let g = Graph(nodeCount: 4, directed: false, sources: [2, 0, 1, 3], targets: [0, 1, 2, 2])
        #expect(g.edgeCount == 4)
        #expect(g.degrees() == [2, 2, 3, 1])
        #expect(Array(g.outgoing.neighbors(of: 2)) == [0, 1, 3])   // sorted
        #expect(Array(g.incoming.neighbors(of: 3)) == [2])
        #expect(abs(g.density - 2.0 / 3.0) < 1e-15)
        #expect(g.hasEdge(from: 3, to: 2) && g.hasEdge(from: 2, to: 3) && !g.hasEdge(from: 0, to: 3))
    }

    /// Edges 0→1, 0→2, 2→1, 1→1. By hand: out 0:2 1:1 2:1; in 0:0 1:3 2:1;
    /// NetworkX degree = in + out: 2, 4, 2; one self-loop.
    @Test func directedInAndOut() {
        let g = Graph(nodeCount: 3, directed: true, sources: [0, 0, 2, 1], targets: [1, 2, 1, 1])
        #expect(g.outDegrees() == [2, 1, 1])
        #expect(g.inDegrees() == [0, 3, 1])
        #expect(g.degrees() == [2, 4, 2])
        #expect(Array(g.incoming.neighbors(of: 1)) == [0, 1, 2])
        #expect(g.selfLoopCount == 1)
        #expect(g.hasEdge(from: 2, to: 1) && !g.hasEdge(from: 1, to: 2))
        // in-slot edge indices point at the out-slot of the same edge
        for v in g.nodes {
            for slot in g.incoming.slots(of: v) {
                let e = Int(g.incoming.edge(atSlot: slot))
                #expect(g.outgoing.neighbors[e] == v)
            }
        }
    }

    /// NetworkX: G = nx.Graph([(0, 0), (0, 1)]) → G.degree(0) == 3 (the loop counts twice),
    /// list(G[0]) == [0, 1], G.number_of_edges() == 2, nx.number_of_selfloops(G) == 1.
    @Test func undirectedSelfLoopCountsTwiceInDegree() {
        let g = Graph(nodeCount: 2, directed: false, sources: [0, 0], targets: [0, 1], weights: [2.5, 1])
        #expect(g.degree(0) == 3 && g.degree(1) == 1)
        #expect(g.degrees() == [3, 1])
        #expect(Array(g.outgoing.neighbors(of: 0)) == [0, 1])
        #expect(g.edgeCount == 2 && g.selfLoopCount == 1)
        // strength: loop weight twice + 1 = 6 (nx: G.degree(0, weight="weight"))
        #expect(g.strength(0) == 6)
        #expect(g.isolatedNodeCount == 0)
    }

    /// nx.Graph(); add_edge(0,1,weight=2); add_edge(1,0,weight=5) → one edge, weight 5.
    @Test func parallelEdgesMergedLikeNetworkX() {
        let s: [NodeIndex] = [0, 1, 0], t: [NodeIndex] = [1, 0, 2], w = [2.0, 5.0, 1.0]
        let last = Graph(nodeCount: 3, directed: false, sources: s, targets: t, weights: w)
        #expect(last.edgeCount == 2)
        #expect(last.outgoing.weight(atSlot: last.outgoing.slots(of: 0).lowerBound) == 5)
        #expect(last.outgoing.weight(atSlot: last.outgoing.slots(of: 1).lowerBound) == 5)
        let sum = Graph(nodeCount: 3, directed: false, sources: s, targets: t, weights: w, duplicates: .sum)
        #expect(sum.outgoing.weight(atSlot: sum.outgoing.slots(of: 0).lowerBound) == 7)
        let first = Graph(nodeCount: 3, directed: false, sources: s, targets: t, weights: w, duplicates: .keepFirst)
        #expect(first.outgoing.weight(atSlot: first.outgoing.slots(of: 0).lowerBound) == 2)
        let multi = Graph(nodeCount: 3, directed: false, sources: s, targets: t, weights: w, duplicates: .keepAll)
        #expect(multi.edgeCount == 3 && multi.degree(0) == 3 && multi.degree(1) == 2)
        // directed: 0→1 twice and 1→0 once are different pairs
        let d = Graph(nodeCount: 2, directed: true, sources: [0, 0, 1], targets: [1, 1, 0], weights: [1, 4, 9], duplicates: .max)
        #expect(d.edgeCount == 2)
        #expect(d.outgoing.weight(atSlot: 0) == 4 && d.outgoing.weight(atSlot: 1) == 9)
        #expect(d.incoming.weight(atSlot: d.incoming.slots(of: 1).lowerBound) == 4)
    }

    @Test func edgeIndicesAreConsistentAtBothEndpoints() {
        let g = Graph(nodeCount: 5, directed: false, sources: [4, 0, 3, 1, 2, 2], targets: [0, 1, 3, 2, 4, 0])
        var seen: [(NodeIndex, NodeIndex)] = []
        g.forEachEdge { e, u, v, _ in
            #expect(Int(e) == seen.count)
            #expect(u <= v)
            seen.append((u, v))
        }
        #expect(seen.map { [$0.0, $0.1] } == [[0, 1], [0, 2], [0, 4], [1, 2], [2, 4], [3, 3]])
        for u in g.nodes {
            for slot in g.outgoing.slots(of: u) {
                let (a, b) = seen[Int(g.outgoing.edge(atSlot: slot))]
                let v = g.outgoing.neighbors[slot]
                #expect((a == u && b == v) || (a == v && b == u))
            }
        }
    }

    @Test func builderWithIdentifiers() {
        var b = LabeledGraphBuilder(directed: true, weighted: true)
        b.addEdge("x", "y", weight: 3)
        b.addEdge("y", "z")
        b.addNode("lonely")
        let (g, ids) = b.build()
        #expect(g.nodeCount == 4 && g.edgeCount == 2)
        #expect(ids.index(of: "z") == 2 && ids[3] == "lonely")
        #expect(g.isolatedNodeCount == 1)
        #expect(g.strength(ids.index(of: "y")!) == 4)
    }

    @Test func emptyGraph() {
        let g = Graph(nodeCount: 0, directed: false, sources: [], targets: [])
        #expect(g.edgeCount == 0 && g.density == 0 && g.connectedComponents().count == 0)
    }
}

/// Random graphs checked against a naive reference built from sets of pairs.
@Suite struct GraphOracleTests {
    struct SplitMix { var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8])
    func matchesNaiveReference(seed: UInt64) {
        var rng = SplitMix(state: seed)
        let n = Int(rng.next() % 40) + 1
        let m = Int(rng.next() % 120)
        var s: [NodeIndex] = [], t: [NodeIndex] = []
        for _ in 0 ..< m { s.append(NodeIndex(rng.next() % UInt64(n))); t.append(NodeIndex(rng.next() % UInt64(n))) }
        for directed in [false, true] {
            let g = Graph(nodeCount: n, directed: directed, sources: s, targets: t)
            // Reference: distinct pairs.
            var pairs = Set<[NodeIndex]>()
            for i in 0 ..< m { pairs.insert(directed ? [s[i], t[i]] : [min(s[i], t[i]), max(s[i], t[i])]) }
            #expect(g.edgeCount == pairs.count)
            for u in 0 ..< NodeIndex(n) {
                var expectedOut: [NodeIndex] = []
                var expectedIn: [NodeIndex] = []
                var degree = 0
                for p in pairs {
                    if directed {
                        if p[0] == u { expectedOut.append(p[1]); degree += 1 }
                        if p[1] == u { expectedIn.append(p[0]); degree += 1 }
                    } else if p[0] == u || p[1] == u {
                        expectedOut.append(p[0] == u ? p[1] : p[0])
                        degree += p[0] == p[1] ? 2 : 1
                    }
                }
                #expect(Array(g.outgoing.neighbors(of: u)) == expectedOut.sorted())
                if directed { #expect(Array(g.incoming.neighbors(of: u)) == expectedIn.sorted()) }
                #expect(g.degree(u) == degree)
            }
            // Components against union-find.
            var parent = Array(0 ..< n)
            func find(_ x: Int) -> Int { var x = x; while parent[x] != x { parent[x] = parent[parent[x]]; x = parent[x] }; return x }
            for p in pairs { parent[find(Int(p[0]))] = find(Int(p[1])) }
            let roots = Set((0 ..< n).map(find))
            let comps = g.connectedComponents()
            #expect(comps.count == roots.count)
            for p in pairs { #expect(comps.labels[Int(p[0])] == comps.labels[Int(p[1])]) }
        }
    }
}
