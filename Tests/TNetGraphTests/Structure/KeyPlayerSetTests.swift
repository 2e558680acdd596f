import Testing
@testable import TNetGraph

@Suite struct KeyPlayerSetTests {
    /// Path a-b-c-d-e (0…4). Fragmentation DF = 1 − efficiency of what is left.
    /// k = 1: without c, two pairs (a-b, d-e) among 4 nodes: Σ 1/d over unordered pairs = 2, over
    /// 6 pairs → efficiency 1/3, DF 2/3; without b: c-d-e gives 1 + 1 + 1/2 = 5/2 over 6 → DF 7/12;
    /// without a: the 4-path, 13/18 → DF 5/18. Best: {c}, 2/3.
    /// k = 2: greedy takes c, then a (any second node leaves one linked pair among 3 nodes:
    /// efficiency 1/3, DF 2/3), and no single swap from {a, c} improves it; the optimum {b, d}
    /// (a, c, e isolated, DF 1: the only 2-node vertex cover) is found from a seeded restart.
    @Test func pathOfFive() {
        var b = GraphBuilder(directed: false, weighted: false, nodeCount: 5)
        for (u, v) in [(0, 1), (1, 2), (2, 3), (3, 4)] { b.addEdge(NodeIndex(u), NodeIndex(v)) }
        let g = b.build()
        let all = [Bool](repeating: true, count: 5)
        let one = g.keyPlayerSet(1, candidates: all)
        #expect(one.nodes == [2] && abs(one.fragmentation - 2.0 / 3.0) < 1e-12)
        #expect(abs(g.fragmentation(present: [true, false, true, true, true]) - 7.0 / 12.0) < 1e-12)
        #expect(abs(g.fragmentation(present: [false, true, true, true, true]) - 5.0 / 18.0) < 1e-12)
        let two = g.keyPlayerSet(2, candidates: all)
        #expect(two.nodes == [1, 3] && two.fragmentation == 1)
        // Only candidates are chosen: without b and d, the best pair is {c, a} or {c, e} (DF 2/3).
        let limited = g.keyPlayerSet(2, candidates: [true, false, true, false, true])
        #expect(limited.nodes.contains(2) && !limited.nodes.contains(1) && !limited.nodes.contains(3))
        #expect(abs(limited.fragmentation - 2.0 / 3.0) < 1e-12)
    }

    /// Progress is told from 0 to 1, one step at a time, never backwards: on the path of five,
    /// k = 2, 3 restarts and one start given: the greedy start, its improvement, the start, the
    /// restarts (6 steps; helper-55: the greedy step was counted and never told, so a terminal
    /// stopped at 80 % and claimed time left for a search that was over).
    @Test func progressGoesFromNothingToAll() {
        var b = GraphBuilder(directed: false, weighted: false, nodeCount: 5)
        for (u, v) in [(0, 1), (1, 2), (2, 3), (3, 4)] { b.addEdge(NodeIndex(u), NodeIndex(v)) }
        let g = b.build()
        final class Told: @unchecked Sendable { var values: [Double] = [] }
        let told = Told()
        _ = g.keyPlayerSet(2, candidates: [Bool](repeating: true, count: 5), restarts: 3, starts: [[0, 4], [0]],
                           progress: { told.values.append($0) })
        #expect(told.values == [0, 1, 2, 3, 4, 5, 6].map { Double($0) / 6 }, "\(told.values)")
    }
}
