import Testing
@testable import TNetGraph

@Suite struct BitParallelHarmonicTests {
    /// 64 searches at once find the pairs the searches one by one find: the total of
    /// Σ_{t≠s} 1/d(s, t) over the sources equals the sum of the per-source sums (BFSWorkspace,
    /// the oracle the exact efficiency and its NetworkX tests rest on) to rounding, on undirected
    /// and directed graphs (read as undirected), with and without absent nodes, for sources
    /// filling one batch, several, and one part of a batch; on 1, 2 and 3 threads the total is
    /// the same to the bit.
    @Test func sameAsOneSearchAtATime() {
        for (seed, directed) in [(UInt64(3), false), (7, true), (11, false)] {
            let n = 700
            let g = SampledEfficiencyTests.random(n, extra: 500, seed: seed, directed: directed)
            var present = [Bool](repeating: true, count: n)
            for v in stride(from: 1, to: n, by: 5) { present[v] = false }
            for mask in [nil, present] {
                let alive = (0 ..< n).filter { mask?[$0] ?? true }
                for count in [1, 64, 65, 200, alive.count] {
                    var rng = SplitMix64(seed: seed &+ UInt64(count))
                    var pool = alive
                    var sources: [Int] = []
                    while sources.count < count { sources.append(pool.remove(at: rng.below(pool.count))) }
                    let oracle = g.sourceSums(sources, present: mask, threads: 1, progress: nil).reduce(0, +)
                    let totals = [1, 2, 3].map { g.harmonicTotal(sources, present: mask, threads: $0, progress: nil) }
                    #expect(abs(totals[0] - oracle) <= 1e-9 * max(1, oracle), "seed \(seed) count \(count): \(totals[0]) vs \(oracle)")
                    #expect(totals[1] == totals[0] && totals[2] == totals[0])
                }
            }
        }
    }

    /// A path a–b–c–d from a and from d: distances 1, 2, 3 each, Σ = 2 · (1 + 1/2 + 1/3) = 11/3;
    /// without c, a reaches only b and d reaches nothing: 1.
    @Test func workedByHand() {
        var b = GraphBuilder(directed: false, weighted: false, nodeCount: 4)
        b.addEdge(0, 1); b.addEdge(1, 2); b.addEdge(2, 3)
        let g = b.build()
        #expect(abs(g.harmonicTotal([0, 3], present: nil, threads: 1, progress: nil) - 11.0 / 3) < 1e-15)
        #expect(g.harmonicTotal([0, 3], present: [true, true, false, true], threads: 2, progress: nil) == 1)
        #expect(g.harmonicTotal([], present: nil, threads: 2, progress: nil) == 0)
    }
}
