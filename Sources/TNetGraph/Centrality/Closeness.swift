extension Graph {
    /// Closeness centrality as NetworkX's `closeness_centrality(G, distance=…, wf_improved=…)`.
    ///
    /// For node u with r − 1 other nodes that can reach it (incoming distances when directed,
    /// as NetworkX does) at total distance D: C(u) = (r − 1) / D, times (r − 1) / (n − 1) when
    /// `wfImproved` (Wasserman and Faust's correction for disconnected graphs, NetworkX's
    /// default); 0 when nothing reaches u. Weighted: edge weights are distances (Dijkstra).
    /// Reference: Freeman (1979); Wasserman & Faust (1994), *Social Network Analysis*, p. 201.
    /// Parallel over nodes: each value is computed by one thread, so the result does not depend
    /// on `threads`.
    ///
    /// - Parameters:
    ///   - weighted: edge weights as distances (NetworkX's `distance="weight"`), else hops.
    ///   - wfImproved: apply Wasserman and Faust's correction (NetworkX's `wf_improved`).
    ///   - threads: worker threads.
    ///   - progress: told the fraction done, from worker threads.
    /// - Returns: the closeness of every node, by node index.
    /// - Complexity: O(n·(n + m)) time unweighted, O(n·(n + m) log m) weighted; O(n) memory per
    ///   thread.
    public func closenessCentrality(weighted: Bool = false, wfImproved: Bool = true, threads: Int = 1,
                                    progress: ProgressHandler? = nil) -> [Double] {
        let n = nodeCount
        return perNodeSearch(weighted: weighted, threads: threads, progress: progress) { stats in
            let total = stats.total, reached = Double(stats.reached)
            guard total > 0, n > 1 else { return 0 }
            var c = reached / total
            if wfImproved { c *= reached / Double(n - 1) }
            return c
        }
    }

    /// Harmonic centrality as NetworkX's `harmonic_centrality(G, distance=…)`: the sum over the
    /// other nodes v that reach u of 1 / d(v, u) (incoming distances when directed). Not
    /// normalised. Reference: Boldi & Vigna (2014), "Axioms for centrality". Parallel as
    /// ``closenessCentrality(weighted:wfImproved:threads:progress:)``.
    ///
    /// - Parameters:
    ///   - weighted: edge weights as distances (NetworkX's `distance="weight"`), else hops.
    ///   - threads: worker threads.
    ///   - progress: told the fraction done, from worker threads.
    /// - Returns: the harmonic centrality of every node, by node index.
    /// - Complexity: O(n·(n + m)) time unweighted, O(n·(n + m) log m) weighted; O(n) memory per
    ///   thread.
    public func harmonicCentrality(weighted: Bool = false, threads: Int = 1,
                                   progress: ProgressHandler? = nil) -> [Double] {
        perNodeSearch(weighted: weighted, threads: threads, progress: progress) { $0.harmonic }
    }

    /// Runs a reversed shortest-path search from every node and stores `value(stats)` for it.
    private func perNodeSearch(weighted: Bool, threads: Int, progress: ProgressHandler?,
                               _ value: (ReachStats) -> Double) -> [Double] {
        let n = nodeCount
        var result = [Double](repeating: 0, count: n)
        let block = Self.sourceBlockSize(n)
        let blocks = (n + block - 1) / block
        let t = max(1, min(threads, blocks))
        let searches = WorkspaceSlots<SearchBox>(count: t)
        let tracker = ChunkProgress(total: n, handler: progress)
        result.withUnsafeMutableBufferPointer { out in
            forEachChunk(blocks, threads: t) { chunk, worker in
                let box = searches.get(worker) { SearchBox(self, weighted: weighted) }
                let range = chunk * block ..< min(n, (chunk + 1) * block)
                for u in range { out[u] = value(box.run(self, from: u)) }
                tracker.completed(range.count)
            }
        }
        return result
    }
}

/// What closeness and harmonic centrality need from one search: the nodes reached (besides
/// the start), the sum of their distances and the sum of the reciprocals.
struct ReachStats {
    var reached = 0
    var total = 0.0
    var harmonic = 0.0
}

/// A worker thread's search: Dijkstra (weighted), or a breadth-first search over raw buffers
/// that keeps only distances (no path counts).
final class SearchBox {
    private var search: ShortestPathSearch?
    private let distance: UnsafeMutablePointer<Int32>
    private let queue: UnsafeMutablePointer<Int32>
    private let n: Int

    init(_ g: Graph, weighted: Bool) {
        let useWeights = weighted && g.isWeighted
        search = useWeights ? ShortestPathSearch(g, reversed: true, weighted: true) : nil
        n = useWeights ? 0 : g.nodeCount
        distance = .allocate(capacity: max(1, n))
        distance.initialize(repeating: -1, count: n)
        queue = .allocate(capacity: max(1, n))
    }

    deinit {
        distance.deallocate()
        queue.deallocate()
    }

    /// Distances to `u` (incoming edges when directed).
    func run(_ g: Graph, from u: Int) -> ReachStats {
        var stats = ReachStats()
        if search != nil {
            search!.run(from: NodeIndex(u))
            let s = search!
            for v in s.order where s.distance[Int(v)] > 0 {
                let d = s.distance[Int(v)]
                stats.total += d
                stats.harmonic += 1 / d
            }
            stats.reached = s.order.count - 1
            return stats
        }
        let adjacency = g.isDirected ? g.incoming : g.outgoing
        distance[u] = 0
        queue[0] = Int32(u)
        var head = 0, tail = 1
        var total = 0, harmonic = 0.0
        adjacency.withUnsafeBuffers { off, nb, _, _ in
            while head < tail {
                let v = Int(queue[head])
                head += 1
                let next = distance[v] + 1
                var found = 0
                for slot in off[v] ..< off[v + 1] {
                    let w = Int(nb[slot])
                    if distance[w] < 0 {
                        distance[w] = next
                        queue[tail] = Int32(w)
                        tail += 1
                        found += 1
                    }
                }
                if found > 0 {
                    total += found * Int(next)
                    harmonic += Double(found) / Double(next)
                }
            }
        }
        for k in 0 ..< tail { distance[Int(queue[k])] = -1 }
        stats.reached = tail - 1
        stats.total = Double(total)
        stats.harmonic = harmonic
        return stats
    }
}
