import Synchronization

/// Σ over sources s and targets t ≠ s of 1/d(s, t) (the graph read as undirected, over the
/// present nodes): the numerator of a sampled global efficiency, found by breadth-first searches
/// from 64 sources at once, each source one bit of a word per node (multi-source BFS: Then et al.,
/// "The More the Merrier: Efficient Multi-Source Graph Traversal", PVLDB 8(4), 2014).
///
/// A level of the 64 searches visits each frontier node once and reads its neighbours once,
/// where 64 searches apart read them once each: on the networks tnet meets (small-world, a
/// dozen levels) the work falls by an order of magnitude. The pairs found at each distance are
/// counted as integers and summed as Σ_d c_d / d in increasing d, so the total does not depend
/// on the number of threads or on how the sources are batched. It differs from adding the
/// per-source sums (``BFSWorkspace``) only by rounding.
final class BitParallelHarmonic {
    private let seen: UnsafeMutablePointer<UInt64>
    private var visit: UnsafeMutablePointer<UInt64>
    private var next: UnsafeMutablePointer<UInt64>
    private var frontier: UnsafeMutablePointer<Int32>
    private var nextFrontier: UnsafeMutablePointer<Int32>

    init(_ n: Int) {
        seen = .allocate(filling: n, with: 0)
        visit = .allocate(filling: n, with: 0)
        next = .allocate(filling: n, with: 0)
        frontier = .allocate(filling: n, with: 0)
        nextFrontier = .allocate(filling: n, with: 0)
    }

    deinit {
        seen.deallocate()
        visit.deallocate()
        next.deallocate()
        frontier.deallocate()
        nextFrontier.deallocate()
    }

    /// Adds to `counts[d]` the number of (source, target) pairs at distance d, for the (at most
    /// 64) `sources`, each a present node, the graph read as undirected, over the `present`
    /// nodes (`present` empty: all). `counts` grows as deeper levels are reached.
    func count(_ g: Graph, sources: ArraySlice<Int>, present: [Bool], into counts: inout [UInt64]) {
        precondition(sources.count <= 64)
        var reachedList: [Int32] = []
        var frontierCount = 0
        for (b, s) in sources.enumerated() {
            if seen[s] == 0 { frontier[frontierCount] = Int32(s); frontierCount += 1; reachedList.append(Int32(s)) }
            seen[s] |= 1 << UInt64(b)
            visit[s] |= 1 << UInt64(b)
        }
        let all = present.isEmpty
        var level = 0
        present.withUnsafeBufferPointer { keep in
            g.outgoing.withUnsafeBuffers { off, nb, _, _ in
                g.incoming.withUnsafeBuffers { inOff, inNb, _, _ in
                    while frontierCount > 0 {
                        level += 1
                        var nextCount = 0
                        var found: UInt64 = 0
                        @inline(__always) func reach(_ w: Int, _ bits: UInt64) {
                            guard all || keep[w] else { return }
                            let d = bits & ~seen[w]
                            guard d != 0 else { return }
                            if next[w] == 0 { nextFrontier[nextCount] = Int32(w); nextCount += 1 }
                            if seen[w] == 0 { reachedList.append(Int32(w)) }
                            next[w] |= d
                            seen[w] |= d
                            found &+= UInt64(d.nonzeroBitCount)
                        }
                        for f in 0 ..< frontierCount {
                            let v = Int(frontier[f])
                            let bits = visit[v]
                            visit[v] = 0
                            for slot in off[v] ..< off[v + 1] { reach(Int(nb[slot]), bits) }
                            if g.isDirected {
                                for slot in inOff[v] ..< inOff[v + 1] { reach(Int(inNb[slot]), bits) }
                            }
                        }
                        if found > 0 {
                            while counts.count <= level { counts.append(0) }
                            counts[level] &+= found
                        }
                        // The next level's frontier becomes this one.
                        swap(&visit, &next)
                        swap(&frontier, &nextFrontier)
                        frontierCount = nextCount
                    }
                }
            }
        }
        // Clear what was touched, for the next batch.
        for v in reachedList { seen[Int(v)] = 0 }
    }
}

extension Graph {
    /// Σ_s Σ_{t ≠ s} 1/d(s, t) over `sources` (present nodes, no repeats), the graph read as
    /// undirected, over the `present` nodes (nil: all), by ``BitParallelHarmonic`` on `threads`
    /// threads: the same for any number of threads.
    /// - Complexity: O(⌈k/64⌉ · (n + m) · w) word operations for k sources, where w ≤ the
    ///   number of levels is how often a node is on a frontier; O(n) memory per thread.
    func harmonicTotal(_ sources: [Int], present: [Bool]?, threads: Int, progress: ProgressHandler?) -> Double {
        let batches = (sources.count + 63) / 64
        guard batches > 0 else { return 0 }
        let t = max(1, min(threads, batches))
        let tracker = ChunkProgress(total: batches, handler: progress)
        let slots = WorkspaceSlots<BitParallelHarmonic>(count: t)
        let perBatch = Mutex<[[UInt64]]>(Array(repeating: [], count: batches))
        let keep = present ?? []
        forEachChunk(batches, threads: t) { batch, worker in
            let w = slots.get(worker) { BitParallelHarmonic(nodeCount) }
            var counts: [UInt64] = []
            w.count(self, sources: sources[batch * 64 ..< min(sources.count, (batch + 1) * 64)], present: keep, into: &counts)
            perBatch.withLock { $0[batch] = counts }
            tracker.completed()
        }
        // Integer counts per distance, then one sum in increasing distance: independent of the
        // batches' order and of the threads.
        var counts: [UInt64] = []
        for c in perBatch.withLock({ $0 }) {
            if counts.count < c.count { counts += [UInt64](repeating: 0, count: c.count - counts.count) }
            for (d, x) in c.enumerated() { counts[d] &+= x }
        }
        var total = 0.0
        for d in 1 ..< max(1, counts.count) { total += Double(counts[d]) / Double(d) }
        return total
    }
}
