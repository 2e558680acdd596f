extension Graph {
    /// Closeness centrality as NetworkX's `closeness_centrality(G, distance=…, wf_improved=…)`.
    ///
    /// For node u with r − 1 other nodes that can reach it (incoming distances when directed,
    /// as NetworkX does) at total distance D: C(u) = (r − 1) / D, times (r − 1) / (n − 1) when
    /// `wfImproved` (Wasserman and Faust's correction for disconnected graphs, NetworkX's
    /// default); 0 when nothing reaches u. Weighted: edge weights are distances (Dijkstra).
    /// Reference: Freeman (1979); Wasserman & Faust (1994), *Social Network Analysis*, p. 201.
    /// O(n·(n + m)) unweighted, O(n·(n + m) log n) weighted; parallel over nodes (each value is
    /// computed by one thread, so the result does not depend on `threads`).
    public func closenessCentrality(weighted: Bool = false, wfImproved: Bool = true, threads: Int = 1,
                                    progress: ProgressHandler? = nil) -> [Double] {
        let n = nodeCount
        return perNodeSearch(weighted: weighted, threads: threads, progress: progress) { search in
            var total = 0.0
            for v in search.order { total += search.distance[Int(v)] }
            let reached = Double(search.order.count - 1)
            guard total > 0, n > 1 else { return 0 }
            var c = reached / total
            if wfImproved { c *= reached / Double(n - 1) }
            return c
        }
    }

    /// Harmonic centrality as NetworkX's `harmonic_centrality(G, distance=…)`: the sum over the
    /// other nodes v that reach u of 1 / d(v, u) (incoming distances when directed). Not
    /// normalised. Reference: Boldi & Vigna (2014), "Axioms for centrality". Parallel as
    /// closeness.
    public func harmonicCentrality(weighted: Bool = false, threads: Int = 1,
                                   progress: ProgressHandler? = nil) -> [Double] {
        perNodeSearch(weighted: weighted, threads: threads, progress: progress) { search in
            var total = 0.0
            for v in search.order where search.distance[Int(v)] > 0 { total += 1 / search.distance[Int(v)] }
            return total
        }
    }

    /// Runs a reversed shortest-path search from every node and stores `value(search)` for it.
    private func perNodeSearch(weighted: Bool, threads: Int, progress: ProgressHandler?,
                               _ value: (ShortestPathSearch) -> Double) -> [Double] {
        let n = nodeCount
        var result = [Double](repeating: 0, count: n)
        let block = Self.sourceBlockSize(n)
        let blocks = (n + block - 1) / block
        let t = max(1, min(threads, blocks))
        let searches = WorkspaceSlots<SearchBox>(count: t)
        let tracker = ChunkProgress(total: n, handler: progress)
        result.withUnsafeMutableBufferPointer { out in
            forEachChunk(blocks, threads: t) { chunk, worker in
                let box = searches.get(worker) { SearchBox(ShortestPathSearch(self, reversed: true, weighted: weighted)) }
                let range = chunk * block ..< min(n, (chunk + 1) * block)
                for u in range {
                    box.search.run(from: NodeIndex(u))
                    out[u] = value(box.search)
                }
                tracker.completed(range.count)
            }
        }
        return result
    }
}

/// A search owned by one worker thread.
final class SearchBox {
    var search: ShortestPathSearch
    init(_ search: ShortestPathSearch) { self.search = search }
}
