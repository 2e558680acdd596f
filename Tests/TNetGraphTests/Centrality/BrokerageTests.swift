import Testing
@testable import TNetGraph

@Suite struct BrokerageTests {
    private static func counts(coordinator: Int = 0, itinerant: Int = 0, representative: Int = 0,
                               gatekeeper: Int = 0, liaison: Int = 0) -> BrokerageCounts {
        var c = BrokerageCounts()
        c.coordinator = coordinator; c.itinerant = itinerant; c.representative = representative
        c.gatekeeper = gatekeeper; c.liaison = liaison
        return c
    }

    /// Directed, groups X = {0, 1, 4, 6}, Y = {2, 5}, Z = {3}; node 6 isolated.
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
        #expect(r[1] == Self.counts(representative: 1, gatekeeper: 1))
        #expect(r[4] == Self.counts(representative: 1))
        #expect(r[2] == Self.counts(representative: 1, liaison: 2))
        for v in [0, 3, 5, 6] { #expect(r[v] == BrokerageCounts()) }
    }

    /// Directed, all five roles at one broker. Group labels are arbitrary `Int32`s (only equality
    /// matters): A = 7 for {0, 1, 3}, B = -3 for {2, 4}, C = 42 for {5, 6}; node 6 is isolated.
    /// Edges: 1→0, 2→0, 0→3, 0→4, 0→5, 1→5 (closes 1→0→5), 3→2, 0→0 (self-loop).
    /// In/out lists: 0: in {0, 1, 2}, out {0, 3, 4, 5}; 1: out {0, 5}; 2: in {3}, out {0};
    /// 3: in {0}, out {2}; 4: in {0}; 5: in {0, 1}.
    /// Open two-paths (the loop 0→0 gives no path: a, b, c must be distinct):
    ///   b=0: 1→0→3 A A A coordinator; 1→0→4 A A B representative; 1→0→5 closed by 1→5;
    ///        2→0→3 B A A gatekeeper (3→2 exists but only 2→3 would close it);
    ///        2→0→4 B A B itinerant; 2→0→5 B A C liaison.
    ///   b=2: 3→2→0, 3→0 absent: A B A itinerant.
    ///   b=3: 0→3→2, 0→2 absent (only 2→0): A A B representative.
    ///   b=1: no in-edges; b=4, 5: no out-edges; b=6 isolated.
    @Test func directedAllFiveRolesAtOneBroker() {
        var b = GraphBuilder(directed: true, nodeCount: 7)
        for (u, v) in [(1, 0), (2, 0), (0, 3), (0, 4), (0, 5), (1, 5), (3, 2), (0, 0)] {
            b.addEdge(NodeIndex(u), NodeIndex(v))
        }
        let r = b.build().brokerage(groups: [7, 7, -3, 7, -3, 42, 42])
        #expect(r[0] == Self.counts(coordinator: 1, itinerant: 1, representative: 1, gatekeeper: 1, liaison: 1))
        #expect(r[0].total == 5)
        #expect(r[2] == Self.counts(itinerant: 1))
        #expect(r[3] == Self.counts(representative: 1))
        for v in [1, 4, 5, 6] { #expect(r[v] == BrokerageCounts()) }
    }

    /// Undirected, groups A = {0, 1, 2, 5}, B = {3, 4}.
    /// Edges: 0–1, 0–2, 0–3, 0–4, 1–2 (closes 1–0–2), 4–4 (self-loop), 1–5.
    /// Neighbours: 0: {1, 2, 3, 4}; 1: {0, 2, 5}; 2: {0, 1}; 3: {0}; 4: {0} (loop ignored); 5: {1}.
    /// Each unordered non-adjacent pair {a, c} around b gives the two ordered paths a→b→c, c→b→a:
    ///   b=0: {1, 2} adjacent, closed. {1, 3}, {1, 4}, {2, 3}, {2, 4}: A→A→B representative and
    ///        B→A→A gatekeeper, 4 each. {3, 4}: B A B itinerant, twice.
    ///   b=1: {0, 2} adjacent, closed. {0, 5}, {2, 5}: A A A coordinator, twice each → 4.
    ///   b=2: {0, 1} adjacent, closed. b=3, 4, 5: a single neighbour, no pair.
    @Test func undirectedHandWorked() {
        var b = GraphBuilder(directed: false, nodeCount: 6)
        for (u, v) in [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (4, 4), (1, 5)] { b.addEdge(NodeIndex(u), NodeIndex(v)) }
        let r = b.build().brokerage(groups: [0, 0, 0, 1, 1, 0])
        #expect(r[0] == Self.counts(itinerant: 2, representative: 4, gatekeeper: 4))
        #expect(r[1] == Self.counts(coordinator: 4))
        for v in [2, 3, 4, 5] { #expect(r[v] == BrokerageCounts()) }
    }

    /// Parallel edges kept by `.keepAll` count once per ordered pair (a, c).
    /// Directed, groups P = {0, 1, 3}, Q = {2}: edges 0→1 ×2, 1→2 ×3, 1→3 ×2, 0→3 ×2, 1→1 ×2.
    ///   b=1: in {0, 0, 1, 1}, out {1, 1, 2, 2, 2, 3, 3}; distinct a ≠ 1: {0}; distinct c ∉ {0, 1}: {2, 3}.
    ///        0→1→2: 0→2 absent, P P Q representative (once, not 2 × 3 times).
    ///        0→1→3: closed by 0→3 (present twice; still just closed).
    ///   Every other node has no in-edge or no out-edge. So 1: representative 1.
    /// Undirected, all in one group: edges 0–1 ×2, 1–2 ×2, 1–1 ×2.
    ///   b=1: neighbours {0, 0, 1, 1, 2, 2}; pair {0, 2} non-adjacent → 0→1→2 and 2→1→0,
    ///        coordinator 2. Nodes 0 and 2 have the single neighbour 1.
    @Test func parallelEdgesCountOnce() {
        var d = GraphBuilder(directed: true, nodeCount: 4)
        for (u, v) in [(0, 1), (1, 2), (1, 3), (0, 3), (1, 1), (0, 1), (1, 2), (1, 3), (0, 3), (1, 1), (1, 2)] {
            d.addEdge(NodeIndex(u), NodeIndex(v))
        }
        let dg = d.build(duplicates: .keepAll)
        #expect(dg.outgoing.slotCount(1) == 7 && dg.incoming.slotCount(1) == 4)  // duplicates really kept
        let dr = dg.brokerage(groups: [0, 0, 1, 0])
        #expect(dr[1] == Self.counts(representative: 1))
        for v in [0, 2, 3] { #expect(dr[v] == BrokerageCounts()) }

        var u = GraphBuilder(directed: false, nodeCount: 3)
        for (a, c) in [(0, 1), (1, 2), (1, 1), (1, 0), (2, 1), (1, 1)] { u.addEdge(NodeIndex(a), NodeIndex(c)) }
        let ug = u.build(duplicates: .keepAll)
        #expect(ug.outgoing.slotCount(1) == 6)  // duplicates really kept
        let ur = ug.brokerage(groups: [5, 5, 5])
        #expect(ur[1] == Self.counts(coordinator: 2))
        #expect(ur[0] == BrokerageCounts() && ur[2] == BrokerageCounts())
    }

    /// Brute force over all ordered triples (a, b, c) with a set of ordered edge pairs (which
    /// merges parallel edges by construction; an undirected edge is stored both ways), on
    /// pseudo-random graphs with self-loops and repeated edges, kept or merged by the builder.
    @Test(arguments: [
        (1 as UInt64, true, false, 3), (2, false, false, 3), (3, true, false, 3), (4, false, false, 3),
        (5, true, true, 3), (6, false, true, 3), (7, true, false, 8), (8, false, true, 8),
    ])
    func bruteForce(seed: UInt64, directed: Bool, keepAll: Bool, edgesPerNode: Int) {
        var rng = SplitMix64(seed: seed)
        let n = 30 + rng.below(31)
        var b = GraphBuilder(directed: directed, nodeCount: n)
        var edges = Set<[Int]>()
        for _ in 0 ..< n * edgesPerNode {
            let u = rng.below(n), v = rng.below(n)
            b.addEdge(NodeIndex(u), NodeIndex(v))
            edges.insert([u, v])
            if !directed { edges.insert([v, u]) }
            if rng.below(4) == 0 {  // repeat some edges, reversed in an undirected graph
                if directed { b.addEdge(NodeIndex(u), NodeIndex(v)) } else { b.addEdge(NodeIndex(v), NodeIndex(u)) }
            }
        }
        let groups = (0 ..< n).map { _ in Int32(rng.below(3)) }
        let ours = b.build(duplicates: keepAll ? .keepAll : .keepLast).brokerage(groups: groups)
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
        // The comparison is not vacuous: every role occurs somewhere.
        #expect(expected.reduce(0) { $0 + $1.coordinator } > 0)
        #expect(expected.reduce(0) { $0 + $1.itinerant } > 0)
        #expect(expected.reduce(0) { $0 + $1.representative } > 0)
        #expect(expected.reduce(0) { $0 + $1.gatekeeper } > 0)
        #expect(expected.reduce(0) { $0 + $1.liaison } > 0)
        if !directed {
            // As documented: reversing a path a→b→c keeps coordinator, itinerant and liaison and
            // swaps representative and gatekeeper. So those three and the total are even (each
            // unordered pair twice), and representative equals gatekeeper (each such pair once
            // in each); those two may be odd.
            var oddRepresentative = false
            for c in ours {
                #expect(c.representative == c.gatekeeper)
                for x in [c.coordinator, c.itinerant, c.liaison, c.total] { #expect(x % 2 == 0) }
                if c.representative % 2 == 1 { oddRepresentative = true }
            }
            #expect(oddRepresentative)  // so "every role count is even" would be false
        }
    }

    @Test func emptyGraph() {
        #expect(GraphBuilder(directed: true).build().brokerage(groups: []).isEmpty)
    }

    @Test func groupsMustMatchNodeCount() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = GraphBuilder(directed: true, nodeCount: 3).build().brokerage(groups: [0, 0])
        }
        let stderr = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(stderr.contains("brokerage needs one group per node"))
    }
}
