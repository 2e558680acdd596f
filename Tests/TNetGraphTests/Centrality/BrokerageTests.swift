import Testing
@testable import TNetGraph

@Suite struct BrokerageTests {
    /// Directed, groups X = {0, 1, 4}, Y = {2, 5}, Z = {3}; node 6 isolated (group X).
    /// Edges: 0→1, 1→4, 0→4 (closes 0→1→4), 4→2, 5→1, 1→2, 2→3, 3→3 (self-loop), 5→2.
    /// Open two-paths a→b→c with no a→c (b in the middle):
    ///   b=1: in {0, 5}, out {2, 4}. 0→1→2: 0→2 absent; X X Y → representative.
    ///        0→1→4: 0→4 present, closed. 5→1→2: 5→2 present, closed.
    ///        5→1→4: 5→4 absent; Y X X → gatekeeper.
    ///   b=4: in {0, 1}, out {2}. 0→4→2: X X Y representative. 1→4→2: 1→2 present, closed.
    ///   b=2: in {4, 1, 5}, out {3}. 4→2→3: X Y Z liaison. 1→2→3: liaison. 5→2→3: Y Y Z representative.
    ///   b=3: in {2}, out {} (the self-loop is ignored): nothing.
    ///   b=0, 5: no in-edges; b=6 isolated.
    /// So 1: representative 1, gatekeeper 1; 4: representative 1; 2: liaison 2, representative 1.
    @Test func directedHandWorked() {
        var b = GraphBuilder(directed: true, nodeCount: 7)
        for (u, v) in [(0, 1), (1, 4), (0, 4), (4, 2), (5, 1), (1, 2), (2, 3), (3, 3), (5, 2)] {
            b.addEdge(NodeIndex(u), NodeIndex(v))
        }
        let r = b.build().brokerage(groups: [0, 0, 1, 2, 0, 1, 0])
        var one = BrokerageCounts(); one.representative = 1; one.gatekeeper = 1
        var four = BrokerageCounts(); four.representative = 1
        var two = BrokerageCounts(); two.liaison = 2; two.representative = 1
        #expect(r[1] == one)
        #expect(r[4] == four)
        #expect(r[2] == two)
        for v in [0, 3, 5, 6] { #expect(r[v].total == 0) }
    }

    /// Undirected star-ish graph: centre 0; leaves 1, 2 (group A like 0), 3 (group B), 4 (group B),
    /// plus edge 1–2 (closing 1–0–2) and a self-loop at 4.
    /// Ordered open two-paths through 0 (a ≠ c, a–c not adjacent), groups A: {0,1,2}, B: {3,4}:
    ///   1→0→3, 1→0→4, 2→0→3, 2→0→4: A A B representative (4); reversed: B A A gatekeeper (4).
    ///   3→0→4 and 4→0→3: B A B itinerant (2). 1→0→2, 2→0→1: closed by 1–2.
    /// Coordinator appears with a path 5–1–… : add node 5 in A with edge 1–5: through 1 the open
    /// pairs are (0,5)? 0–5 absent → 0→1→5, 5→1→0: A A A coordinator (2); (2,5): 2–5 absent →
    /// 2→1→5, 5→1→2 coordinator (2); (0,2): adjacent, closed. So node 1: coordinator 4.
    /// Node 2: neighbours 0, 1 (adjacent): nothing. Leaves 3, 4, 5: one neighbour (4's loop ignored).
    @Test func undirectedHandWorked() {
        var b = GraphBuilder(directed: false, nodeCount: 6)
        for (u, v) in [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (4, 4), (1, 5)] { b.addEdge(NodeIndex(u), NodeIndex(v)) }
        let r = b.build().brokerage(groups: [0, 0, 0, 1, 1, 0])
        var centre = BrokerageCounts(); centre.representative = 4; centre.gatekeeper = 4; centre.itinerant = 2
        #expect(r[0] == centre)
        var one = BrokerageCounts(); one.coordinator = 4
        #expect(r[1] == one)
        for v in [2, 3, 4, 5] { #expect(r[v].total == 0) }
    }

    /// Brute force over all ordered triples with an edge set, on pseudo-random graphs.
    @Test(arguments: [(1 as UInt64, true), (2, false), (3, true), (4, false)])
    func bruteForce(seed: UInt64, directed: Bool) {
        var rng = SplitMix64(seed: seed)
        let n = 30 + rng.below(31)
        var b = GraphBuilder(directed: directed, nodeCount: n)
        var edges = Set<[Int]>()
        for _ in 0 ..< n * 3 {
            let u = rng.below(n), v = rng.below(n)
            b.addEdge(NodeIndex(u), NodeIndex(v))
            edges.insert([u, v])
            if !directed { edges.insert([v, u]) }
        }
        let groups = (0 ..< n).map { _ in Int32(rng.below(3)) }
        let ours = b.build().brokerage(groups: groups)
        var expected = [BrokerageCounts](repeating: BrokerageCounts(), count: n)
        for a in 0 ..< n {
            for m in 0 ..< n where m != a && edges.contains([a, m]) {
                for c in 0 ..< n where c != a && c != m && edges.contains([m, c]) && !edges.contains([a, c]) {
                    let (ga, gb, gc) = (groups[a], groups[m], groups[c])
                    if ga == gb && gb == gc { expected[m].coordinator += 1 }
                    else if ga == gc { expected[m].itinerant += 1 }
                    else if ga == gb { expected[m].representative += 1 }
                    else if gb == gc { expected[m].gatekeeper += 1 }
                    else { expected[m].liaison += 1 }
                }
            }
        }
        #expect(ours == expected)
    }
}
