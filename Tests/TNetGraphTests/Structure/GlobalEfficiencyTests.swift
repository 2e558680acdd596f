import Testing
@testable import TNetGraph

@Suite struct GlobalEfficiencyTests {
    static func graph(_ n: Int, _ edges: [(Int, Int)], directed: Bool = false) -> Graph {
        var b = GraphBuilder(directed: directed, weighted: false, nodeCount: n)
        for (u, v) in edges { b.addEdge(NodeIndex(u), NodeIndex(v)) }
        return b.build()
    }

    /// Path 0-1-2-3: unordered pairs at distance 1, 1, 1, 2, 2, 3 → Σ 1/d = 3 + 1 + 1/3 = 13/3;
    /// over 6 unordered pairs: 13/18 (NetworkX: global_efficiency(path_graph(4)) = 0.7222…).
    @Test func pathOfFour() {
        let g = Self.graph(4, [(0, 1), (1, 2), (2, 3)])
        #expect(abs(g.globalEfficiency() - 13.0 / 18.0) < 1e-15)
        // Without node 1: 0 alone, 2-3 linked: one pair of three at distance 1 → 1/3.
        #expect(abs(g.globalEfficiency(present: [true, false, true, true]) - 1.0 / 3.0) < 1e-15)
    }

    /// Complete graph: every pair at distance 1 → 1. Two nodes apart → 0. Directed edges read
    /// either way: the directed path has the path's efficiency.
    @Test func extremes() {
        #expect(Self.graph(5, [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)]).globalEfficiency() == 1)
        #expect(Self.graph(2, []).globalEfficiency() == 0)
        #expect(Self.graph(1, []).globalEfficiency() == 0)
        #expect(abs(Self.graph(4, [(0, 1), (1, 2), (2, 3)], directed: true).globalEfficiency() - 13.0 / 18.0) < 1e-15)
    }
}
