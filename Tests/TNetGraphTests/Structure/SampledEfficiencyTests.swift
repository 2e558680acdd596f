import Testing
@testable import TNetGraph

@Suite struct SampledEfficiencyTests {
    /// A seeded random graph: a spanning tree (so most of it is one part) plus `extra` edges,
    /// some nodes left isolated.
    static func random(_ n: Int, extra: Int, seed: UInt64, directed: Bool = false) -> Graph {
        var rng = SplitMix64(seed: seed)
        var b = GraphBuilder(directed: directed, weighted: false, nodeCount: n)
        for v in 1 ..< n - 2 { b.addEdge(NodeIndex(rng.below(v)), NodeIndex(v)) }
        for _ in 0 ..< extra {
            let u = rng.below(n - 2), v = rng.below(n - 2)
            if u != v { b.addEdge(NodeIndex(u), NodeIndex(v)) }
        }
        return b.build()
    }

    /// Exact estimates are ``Graph/globalEfficiency(present:)`` bit for bit, on any thread count.
    @Test func exactIsTheOldValue() {
        let g = Self.random(400, extra: 300, seed: 3)
        var present = [Bool](repeating: true, count: 400)
        for v in stride(from: 0, to: 400, by: 7) { present[v] = false }
        for mask in [nil, present] {
            for threads in [1, 2, 3] {
                let e = g.efficiencyEstimate(present: mask, threads: threads)
                #expect(e.isExact && e.errorBound == 0 && e.value == g.globalEfficiency(present: mask))
            }
        }
        let directed = Self.random(50, extra: 40, seed: 5, directed: true)
        #expect(directed.efficiencyEstimate().value == directed.globalEfficiency())
    }

    /// Sampled: within the stated ε of the exact value for a fixed seed; the same seed gives the
    /// same value on any thread count; another seed draws other sources.
    /// The smallest δ a Double holds: ln(2/δ) overflowed (2/5e-324 is ∞), and the sample size
    /// with it. Worked: ln 2 − ln(4.94e-324) = 0.693 + 744.44 = 745.13; over 2 · 0.1² that is
    /// 37,256.6, so 37,257 sources, with the bound √(745.13 / (2 · 37,257)) = 0.1000.
    @Test func smallestDeltaIsFinite() {
        let s = EfficiencySampling(epsilon: 0.1, delta: .leastNonzeroMagnitude)
        #expect(s.sampleSize() == 37_257)
        #expect(abs(s.bound(sources: 37_257) - 0.1) < 1e-5)
        // An ε no run could meet is at most 2⁵³ sources, not a crash (or the whole population).
        #expect(EfficiencySampling(epsilon: 1e-300, delta: 0.1).sampleSize(population: 10) == 10)
        #expect(EfficiencySampling(epsilon: 1e-300, delta: 0.1).sampleSize() == 1 << 53)
    }

    /// Sampling without replacement (Serfling's factor), worked by hand: ε 0.01, δ 0.1 over
    /// 20,000 nodes. Hoeffding's k₀ = ⌈ln 20 / (2 · 0.01²)⌉ = ⌈14,978.66⌉ = 14,979; without
    /// replacement k = ⌈14,979 · 20,001 / 34,979⌉ = 8,565, whose bound is
    /// √((1 − 8,564/20,000) · 2.99573 / 17,130) = 0.0099999, where 8,564 give 0.010001. A sample
    /// of the whole population has bound 0; one source of N has Hoeffding's bound (ρ = 1).
    @Test func withoutReplacementBound() {
        let s = EfficiencySampling(epsilon: 0.01, delta: 0.1)
        #expect(s.sampleSize() == 14_979)
        #expect(s.sampleSize(population: 20_000) == 8_565)
        #expect(s.bound(sources: 8_565, population: 20_000) <= 0.01 && s.bound(sources: 8_564, population: 20_000) > 0.01)
        #expect(abs(s.bound(sources: 8_565, population: 20_000) - 0.0099999) < 1e-6)
        #expect(s.bound(sources: 20_000, population: 20_000) == 0)
        #expect(s.bound(sources: 1, population: 20_000) == s.bound(sources: 1))
        // At a million nodes the saving is small: ⌈14,979 · 1,000,001 / 1,014,979⌉ = 14,758.
        #expect(s.sampleSize(population: 1_000_000) == 14_758)
    }

    @Test func sampledWithinItsBound() {
        let g = Self.random(3_000, extra: 2_000, seed: 11)
        let exact = g.globalEfficiency()
        let sampling = EfficiencySampling(epsilon: 0.05, delta: 0.05, seed: 7, exactLimit: 100)
        let e = g.efficiencyEstimate(sampling: sampling, threads: 1)
        // Hoeffding's k₀ = ⌈ln 40 / (2 · 0.05²)⌉ = 738; drawn without replacement from 3,000 nodes,
        // ⌈738 · 3,001 / 3,738⌉ = 593 (Serfling: ρ = 1 − 592/3,000 = 0.8027, and
        // √(0.8027 · 3.6889 / 1,186) = 0.04997 ≤ 0.05, where 592 sources give 0.05002).
        #expect(!e.isExact && e.sources == sampling.sampleSize(population: 3_000) && e.sources == 593 && e.errorBound <= 0.05)
        #expect(sampling.sampleSize() == 738)
        #expect(abs(e.value - exact) <= e.errorBound, "\(e.value) vs \(exact)")
        #expect(g.efficiencyEstimate(sampling: sampling, threads: 2).value == e.value)
        var other = sampling
        other.seed = 8
        #expect(g.efficiencyEstimate(sampling: other).value != e.value)
        // Sampling stops where it would hold every node, or with `exact`.
        #expect(g.efficiencyEstimate(sampling: EfficiencySampling(epsilon: 0.01, exactLimit: 100)).isExact)
        #expect(g.efficiencyEstimate(sampling: EfficiencySampling(epsilon: 0.05, exact: true, exactLimit: 100)).value == exact)
        // Sources are drawn from the present nodes only, without repeats.
        var present = [Bool](repeating: true, count: 3_000)
        for v in 0 ..< 1_000 { present[v] = false }
        let drawn = sampling.sources(n: 3_000, present: present).sources
        // From the 2,000 present: ⌈738 · 2,001 / 2,738⌉ = 540.
        #expect(drawn.count == 540 && Set(drawn).count == 540 && drawn.allSatisfy { $0 >= 1_000 })
    }

    /// Every candidate's gain from one pass equals removing it and measuring again, on graphs
    /// with tree parts (large dominated regions), cycles, parallel routes, isolated nodes,
    /// nodes already removed and directed edges.
    @Test func removalGainsAreExact() {
        var path = GraphBuilder(directed: false, weighted: false, nodeCount: 5)
        for (u, v) in [(0, 1), (1, 2), (2, 3), (3, 4)] { path.addEdge(NodeIndex(u), NodeIndex(v)) }
        let graphs = [path.build(), Self.random(80, extra: 30, seed: 1), Self.random(80, extra: 0, seed: 2),
                      Self.random(60, extra: 90, seed: 4), Self.random(40, extra: 20, seed: 6, directed: true)]
        for g in graphs {
            let n = g.nodeCount
            var masks: [[Bool]?] = [nil]
            masks.append((0 ..< n).map { $0 % 5 != 1 })
            for mask in masks {
                let all = [Bool](repeating: true, count: n)
                let r = g.removalGains(present: mask, candidates: all, threads: 2)
                let present = mask ?? all
                let base = g.fragmentation(present: mask)
                #expect(r.base.value == base && r.base.isExact && r.gainBound == 0)
                for v in 0 ..< n {
                    guard present[v] else { #expect(r.gains[v].isNaN); continue }
                    var without = present
                    without[v] = false
                    let expected = g.fragmentation(present: without) - base
                    #expect(abs(r.gains[v] - expected) < 1e-12, "node \(v): \(r.gains[v]) vs \(expected)")
                }
            }
        }
        // Path a-b-c-d-e: Σ 1/d over the 10 pairs = 4 + 3/2 + 2/3 + 1/4 = 77/12, efficiency 77/120,
        // DF 43/120; removing c leaves two linked pairs among four: DF 2/3 = 80/120, a gain of 37/120.
        let p = graphs[0].removalGains(candidates: [Bool](repeating: true, count: 5))
        #expect(abs(p.base.value - 43.0 / 120.0) < 1e-15 && abs(p.gains[2] - 37.0 / 120.0) < 1e-15)
    }

    /// Sampled gains: within the stated bound of the exact ones for a fixed seed (common sources
    /// for every candidate), the same for any thread count; evaluating fewer candidates (the set
    /// search's pruning) leaves the values of those evaluated unchanged.
    @Test func sampledGainsWithinTheirBound() {
        let g = Self.random(1_500, extra: 600, seed: 21)
        let all = [Bool](repeating: true, count: 1_500)
        let exact = g.removalGains(candidates: all, threads: 2)
        let sampling = EfficiencySampling(epsilon: 0.05, delta: 0.05, seed: 3, exactLimit: 100)
        let sampled = g.removalGains(candidates: all, sampling: sampling, threads: 2)
        #expect(!sampled.base.isExact && sampled.base.sources < 1_500 && sampled.gainBound <= 0.05)
        #expect(abs(sampled.base.value - exact.base.value) <= sampled.base.errorBound)
        var worst = 0.0
        for v in 0 ..< 1_500 { worst = max(worst, abs(sampled.gains[v] - exact.gains[v])) }
        #expect(worst <= sampled.gainBound, "\(worst)")
        let again = g.removalGains(candidates: all, sampling: sampling, threads: 1)
        #expect(again.gains.elementsEqual(sampled.gains) { $0 == $1 || ($0.isNaN && $1.isNaN) })
        let some = (0 ..< 1_500).map { $0 % 3 == 0 }
        let pruned = g.removalGains(candidates: some, sampling: sampling, threads: 2)
        for v in 0 ..< 1_500 { #expect(some[v] ? pruned.gains[v] == sampled.gains[v] : pruned.gains[v].isNaN) }
    }

    /// The largest part left without each node, against removing it and counting the parts.
    @Test func largestPartWithoutEachNode() {
        for g in [Self.random(120, extra: 10, seed: 8), Self.random(120, extra: 150, seed: 9), Self.random(30, extra: 5, seed: 10, directed: true)] {
            let fast = g.largestPartWithout()
            for v in 0 ..< g.nodeCount {
                var f: [NodeIndex] = [], t: [NodeIndex] = []
                g.forEachEdge { _, a, b, _ in if Int(a) != v && Int(b) != v { f.append(a); t.append(b) } }
                let labels = Graph(nodeCount: g.nodeCount, directed: g.isDirected, sources: f, targets: t).connectedComponents()
                var sizes = [Int](repeating: 0, count: labels.count)
                for u in 0 ..< g.nodeCount where u != v { sizes[Int(labels.labels[u])] += 1 }
                #expect(fast[v] == sizes.max()!, "node \(v)")
            }
        }
    }
}
