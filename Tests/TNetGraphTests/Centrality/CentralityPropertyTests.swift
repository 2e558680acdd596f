import PropertyBased
import Testing
@testable import TNetGraph

/// A random graph from a seed: 2–40 nodes, directed or not, weighted or not, self-loops allowed.
private func randomGraph(_ seed: UInt64, nodes: Int) -> Graph {
    var rng = SplitMix64(seed: seed)
    let directed = rng.below(2) == 0
    let weighted = rng.below(2) == 0
    var b = GraphBuilder(directed: directed, weighted: weighted, nodeCount: nodes)
    let edges = rng.below(nodes * 3 + 1)
    for _ in 0 ..< edges {
        // Small integer weights make ties (several shortest paths) common.
        b.addEdge(NodeIndex(rng.below(nodes)), NodeIndex(rng.below(nodes)), weight: Double(1 + rng.below(3)))
    }
    return b.build()
}

/// Hop distances from `s` by a plain queue, written independently of ShortestPathSearch.
private func hops(_ g: Graph, from s: Int) -> [Int] {
    var d = [Int](repeating: -1, count: g.nodeCount)
    d[s] = 0
    var queue = [s], head = 0
    while head < queue.count {
        let u = queue[head]; head += 1
        for v in g.outgoing.neighbors(of: NodeIndex(u)) where d[Int(v)] < 0 {
            d[Int(v)] = d[u] + 1
            queue.append(Int(v))
        }
    }
    return d
}

@Suite struct CentralityPropertyTests {
    static let seeds = Gen<UInt64>.value(in: 0 ... UInt64.max)
    static let sizes = Gen.int(in: 2 ... 40)

    /// Every shortest s–t path of length d has d − 1 inner nodes, and the fractions of paths
    /// through each node sum to 1 per path length: Σ_v B(v) = Σ_{s≠t reachable} (d(s, t) − 1)
    /// over ordered pairs (halved when undirected, as the unnormalised values are). Likewise
    /// each path uses d edges: Σ_e EB(e) = Σ d(s, t).
    @Test func betweennessSumsToInnerNodeCounts() async {
        await propertyCheck(count: 200, input: Self.seeds, Self.sizes) { seed, n in
            let g = randomGraph(seed, nodes: n)
            var inner = 0.0, lengths = 0.0
            for s in 0 ..< n {
                for (t, d) in hops(g, from: s).enumerated() where t != s && d > 0 {
                    inner += Double(d - 1)
                    lengths += Double(d)
                }
            }
            let half = g.isDirected ? 1.0 : 0.5
            let raw = g.betweennessCentrality(BetweennessOptions(normalized: false))
            #expect(abs(raw.reduce(0, +) - inner * half) <= 1e-9 * max(1, inner))
            let edges = g.edgeBetweennessCentrality(BetweennessOptions(normalized: false))
            #expect(abs(edges.reduce(0, +) - lengths * half) <= 1e-9 * max(1, lengths))
        }
    }

    /// PageRank is a probability distribution: positive, summing to 1 (to the tolerance), with or
    /// without weights and personalization.
    @Test func pageRankIsADistribution() async throws {
        await propertyCheck(count: 200, input: Self.seeds, Self.sizes) { seed, n in
            let g = randomGraph(seed, nodes: n)
            var rng = SplitMix64(seed: seed ^ 0x5EED)
            let personal = (0 ..< n).map { _ in Double(rng.below(4)) }
            let usable = personal.contains { $0 > 0 } ? personal : nil
            for options in [PageRankOptions(), PageRankOptions(weighted: true), PageRankOptions(personalization: usable)] {
                guard let x = try? g.pageRank(options) else { Issue.record("no convergence"); continue }
                #expect(abs(x.reduce(0, +) - 1) <= 1e-6)
                #expect(x.allSatisfy { $0 >= 0 })
            }
        }
    }

    /// The same numbers, bit for bit, whatever the number of threads.
    @Test func resultsDoNotDependOnThreads() async {
        await propertyCheck(count: 40, input: Self.seeds, Gen.int(in: 2 ... 300)) { seed, n in
            let g = randomGraph(seed, nodes: n)
            for weighted in [false, true] {
                let o = BetweennessOptions(weighted: weighted)
                var a = ApproximateBetweennessOptions(epsilon: 0.1, delta: 0.1, seed: seed, weighted: weighted)
                a.exactWhenCheaper = false
                let b1 = g.betweennessCentrality(o), c1 = g.closenessCentrality(weighted: weighted)
                let a1 = g.approximateBetweenness(a).values
                for t in [2, 3] {
                    #expect(g.betweennessCentrality(o, threads: t) == b1)
                    #expect(g.closenessCentrality(weighted: weighted, threads: t) == c1)
                    #expect(g.approximateBetweenness(a, threads: t).values == a1)
                }
            }
        }
    }

    /// The sampled estimate is within its stated bound of the exact value at every node. The
    /// bound holds with probability ≥ 1 − δ; δ = 0.001 makes a failure over 100 graphs unlikely
    /// (and the seeds are fixed, so a pass is repeatable).
    @Test func approximateBetweennessKeepsItsBound() async {
        await propertyCheck(count: 100, input: Self.seeds, Gen.int(in: 3 ... 60)) { seed, n in
            let g = randomGraph(seed, nodes: n)
            for weighted in [false, true] {
                let exact = g.betweennessCentrality(BetweennessOptions(weighted: weighted))
                var options = ApproximateBetweennessOptions(epsilon: 0.05, delta: 0.001, seed: seed, weighted: weighted)
                options.exactWhenCheaper = false  // the sample itself, not the exact values it gives way to
                let approx = g.approximateBetweenness(options)
                let worst = zip(exact, approx.values).map { abs($0 - $1) }.max() ?? 0
                #expect(worst <= approx.errorBound, "error \(worst) > bound \(approx.errorBound) (\(approx.samples) samples)")
            }
        }
    }
}

@Suite struct ApproximateBetweennessTests {
    /// On a path 0–1–2–3–4 the middle node is inside every path from {0, 1} to {3, 4}: 4 unordered
    /// pairs, 8 ordered ones. NetworkX's normalisation divides the ordered sum by (n−1)(n−2) = 12:
    /// 8 / 12 = 2/3. The ends are inside no path.
    @Test func pathGraph() {
        var b = GraphBuilder(directed: false, nodeCount: 5)
        for i in 0 ..< 4 { b.addEdge(NodeIndex(i), NodeIndex(i + 1)) }
        let g = b.build()
        var options = ApproximateBetweennessOptions(epsilon: 0.01, delta: 0.01, seed: 7)
        options.exactWhenCheaper = false
        let r = g.approximateBetweenness(options)
        #expect(r.vertexDiameterBound >= 5)
        #expect(abs(r.values[2] - 8.0 / 12.0) <= r.errorBound)
        #expect(r.values[0] == 0 && r.values[4] == 0)
        // Same seed, same estimate.
        #expect(g.approximateBetweenness(options).values == r.values)
        // By default a sample of more pairs than the graph has (n(n − 1) = 20 here, r ≫ 20)
        // gives way to the exact values: 2/3 for the middle; node 1 lies inside the paths from 0 to 2, 3
        // and 4, 6 ordered pairs, 6 / 12 = 1/2; likewise node 3.
        let exact = g.approximateBetweenness(ApproximateBetweennessOptions(epsilon: 0.01, delta: 0.01, seed: 7))
        #expect(exact.isExact && exact.errorBound == 0 && exact.samples == r.samples)
        #expect(exact.values == [0, 0.5, 2.0 / 3.0, 0.5, 0])
    }

    /// The sample is drawn up to n(n − 1) pairs, the exact values computed past that. Worked,
    /// on a path of 60 nodes (VD bound at most 2 · 59 + 1 = 119, ⌊log₂ 117⌋ = 6; ln 10 = 2.303):
    /// ε 0.1 draws at most ⌈50 · (6 + 1 + 2.303)⌉ = 466 pairs ≤ 60 · 59 = 3,540, sampled; ε 0.02
    /// at least ⌈1,250 · (0 + 1 + 2.303)⌉ = 4,129 > 3,540, exact.
    @Test func exactOnlyPastThePairs() {
        var b = GraphBuilder(directed: false, nodeCount: 60)
        for i in 0 ..< 59 { b.addEdge(NodeIndex(i), NodeIndex(i + 1)) }
        let g = b.build()
        let sampled = g.approximateBetweenness(ApproximateBetweennessOptions(epsilon: 0.1, delta: 0.1))
        #expect(!sampled.isExact && sampled.samples <= 60 * 59)
        let exact = g.approximateBetweenness(ApproximateBetweennessOptions(epsilon: 0.02, delta: 0.1))
        #expect(exact.isExact && exact.samples > 60 * 59 && exact.values == g.betweennessCentrality())
    }

    /// The smallest δ a Double holds: ln(1/δ) overflowed (1/5e-324 is ∞) and the sample count
    /// trapped. Worked: r = ⌈0.5/ε² · (⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ with ln(1/δ) = 744.44 and
    /// ε = 0.1: 50 · (⌊log₂(VD − 2)⌋ + 745.44).
    @Test func smallestDeltaIsFinite() {
        var b = GraphBuilder(directed: false, nodeCount: 5)
        for i in 0 ..< 4 { b.addEdge(NodeIndex(i), NodeIndex(i + 1)) }
        let r = b.build().approximateBetweenness(ApproximateBetweennessOptions(epsilon: 0.1, delta: .leastNonzeroMagnitude))
        let log2 = Double(Int.bitWidth - (r.vertexDiameterBound - 2).leadingZeroBitCount - 1)
        #expect(r.samples == Int((50 * (log2 + 745.4400719213812)).rounded(.up)))
        #expect(abs(r.values[2] - 8.0 / 12.0) <= r.errorBound)
    }
}
