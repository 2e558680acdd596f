import Testing
@testable import TNetGraph

/// The parallel bucket passes must give, bit for bit, what the one-thread passes give: the same
/// offsets, neighbours in the same order, the same merged weights (the one-thread passes are the
/// oracle; their own results are checked against NetworkX elsewhere).
@Suite struct ParallelCSRPassesTests {
    /// A multigraph with parallel edges (both ways round), self-loops and isolated nodes.
    static func multigraph(n: Int, m: Int, seed: UInt64) -> ([NodeIndex], [NodeIndex], [Double]) {
        var rng = SplitMix64(seed: seed)
        var s: [NodeIndex] = [], t: [NodeIndex] = [], w: [Double] = []
        for _ in 0 ..< m {
            // Half the nodes only: the rest stay isolated. Few nodes: many parallel edges.
            let a = NodeIndex(rng.next() % UInt64(n / 2)), b = NodeIndex(rng.next() % UInt64(n / 2))
            s.append(a); t.append(b)
            w.append(Double(rng.next() % 1000) / 7)
        }
        return (s, t, w)
    }

    @Test(arguments: [DuplicateEdgePolicy.keepAll, .keepLast, .keepFirst, .sum, .max, .min])
    func sameListsAsOneThread(policy: DuplicateEdgePolicy) {
        for (n, m, seed) in [(40, 900, UInt64(1)), (1000, 5000, 2), (7, 300, 3)] {
            let (s, t, w) = Self.multigraph(n: n, m: m, seed: seed)
            for weights in [w, nil] as [[Double]?] {
                let one = CSRConstruction.bucketAndSort(n: n, sources: s, targets: t, weights: weights, policy: policy)
                for threads in [2, 3, 5] {
                    let (offsets, unsorted, unsortedW) = ParallelCSRPasses.bucketEndpoints(
                        n: n, sources: s, targets: t, weights: weights, threads: threads)
                    var lists = CSRConstruction.Lists(offsets: offsets, neighbors: [NodeIndex](repeating: 0, count: offsets[n]),
                                                      weights: [Double](repeating: 0, count: weights == nil ? 0 : offsets[n]))
                    ParallelCSRPasses.transpose(n: n, from: offsets, neighbors: unsorted, weights: unsortedW,
                                                into: &lists, threads: threads)
                    if policy != .keepAll { ParallelCSRPasses.merge(n: n, lists: &lists, policy: policy, threads: threads) }
                    #expect(lists.offsets == one.offsets, "n \(n) threads \(threads)")
                    #expect(lists.neighbors == one.neighbors, "n \(n) threads \(threads)")
                    #expect(lists.weights.map(\.bitPattern) == one.weights.map(\.bitPattern), "n \(n) threads \(threads)")
                }
            }
        }
    }

    /// Node ranges cover 0 ..< n once, in order, with about equal numbers of slots.
    @Test func nodeRangesPartition() {
        // Slots per node 5, 0, 0, 1, 10, 4: total 20; halves at 10 → node 4 starts at slot 6
        // (< 10), node 5 at 16 (≥ 10): ranges 0..<5 and 5..<6.
        let offsets = [0, 5, 5, 5, 6, 16, 20]
        #expect(ParallelCSRPasses.nodeRanges(offsets, n: 6, chunks: 2) == [0 ..< 5, 5 ..< 6])
        let r = ParallelCSRPasses.nodeRanges(offsets, n: 6, chunks: 4)
        #expect(r.first?.lowerBound == 0 && r.last?.upperBound == 6)
        #expect(zip(r, r.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }

    /// Above the threshold a Graph is built by the parallel passes (on a machine of two cores or
    /// more); its neighbour lists and weights equal those the one-thread passes build.
    @Test func largeGraphEqualsOneThreadBuild() {
        let n = 20_000, m = ParallelCSRPasses.threshold + 1000
        let (s, t, w) = Self.multigraph(n: n, m: m, seed: 9)
        let g = Graph(nodeCount: n, directed: false, sources: s, targets: t, weights: w, duplicates: .sum)
        let one = CSRConstruction.bucketAndSort(n: n, sources: s, targets: t, weights: w, policy: .sum)
        #expect(g.edgeCount > 0)
        var neighbors: [NodeIndex] = [], weights: [Double] = []
        for u in 0 ..< n {
            neighbors += g.outgoing.neighbors(of: NodeIndex(u))
            for slot in g.outgoing.slots(of: NodeIndex(u)) { weights.append(g.outgoing.weight(atSlot: slot)) }
        }
        #expect(neighbors == one.neighbors)
        #expect(weights.map(\.bitPattern) == one.weights.map(\.bitPattern))
    }
}
