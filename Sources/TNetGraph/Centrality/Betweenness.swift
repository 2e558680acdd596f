/// Options of betweenness centrality, NetworkX's parameters of `betweenness_centrality`.
public struct BetweennessOptions: Sendable, Hashable {
    /// Weights as distances (Dijkstra) instead of hop counts.
    public var weighted: Bool
    /// Divide by the number of ordered pairs that could pass through a node:
    /// (n − 1)(n − 2), or n(n − 1) with endpoints. Unnormalised undirected values are halved
    /// (each unordered pair counted once), as NetworkX does.
    public var normalized: Bool
    /// Count the endpoints of each path as lying on it.
    public var endpoints: Bool

    public init(weighted: Bool = false, normalized: Bool = true, endpoints: Bool = false) {
        self.weighted = weighted
        self.normalized = normalized
        self.endpoints = endpoints
    }
}

extension Graph {
    /// Exact betweenness centrality by Brandes' algorithm (Brandes 2001, "A faster algorithm for
    /// betweenness centrality", J. Math. Sociol. 25(2)), matching NetworkX's
    /// `betweenness_centrality(G, normalized=…, weight=…, endpoints=…)`: for each node v, the sum
    /// over pairs s ≠ t (s, t ≠ v unless endpoints) of the fraction of shortest s–t paths through
    /// v. Self-loops never lie on a shortest path. O(n·m) unweighted, O(n·m + n² log n) weighted.
    ///
    /// Parallel over sources: each thread accumulates fixed blocks of sources into its own
    /// buffer and the blocks are summed in source order, so the result is bit-for-bit the same
    /// for any `threads`.
    public func betweennessCentrality(_ options: BetweennessOptions = BetweennessOptions(), threads: Int = 1,
                                      progress: ProgressHandler? = nil) -> [Double] {
        var (nodes, _) = brandes(options, collectEdges: false, threads: threads, progress: progress)
        let n = options.endpoints ? nodeCount : nodeCount - 1
        guard n >= 2 else { return nodes }
        let scale = options.normalized ? 1 / (Double(n) * Double(n - 1)) : (isDirected ? 1 : 0.5)
        if scale != 1 { for i in nodes.indices { nodes[i] *= scale } }
        return nodes
    }

    /// Edge betweenness as NetworkX's `edge_betweenness_centrality(G, normalized=…, weight=…)`:
    /// for each edge, the sum over pairs s ≠ t of the fraction of shortest s–t paths that use
    /// it; normalised by n(n − 1), unnormalised undirected values halved. Indexed by edge index
    /// (``forEachEdge(_:)``); a self-loop scores 0. `endpoints` does not apply. Parallel as
    /// ``betweennessCentrality(_:threads:progress:)``.
    public func edgeBetweennessCentrality(_ options: BetweennessOptions = BetweennessOptions(), threads: Int = 1,
                                          progress: ProgressHandler? = nil) -> [Double] {
        var (_, edges) = brandes(BetweennessOptions(weighted: options.weighted, normalized: options.normalized),
                                 collectEdges: true, threads: threads, progress: progress)
        guard nodeCount > 1 else { return edges }
        let scale = options.normalized ? 1 / (Double(nodeCount) * Double(nodeCount - 1)) : (isDirected ? 1 : 0.5)
        if scale != 1 { for i in edges.indices { edges[i] *= scale } }
        return edges
    }

    /// Sources per block: a function of n only (never of the thread count), at most 512 blocks.
    static func sourceBlockSize(_ n: Int) -> Int { max(16, (n + 511) / 512) }

    /// Brandes' accumulation over every source, unscaled: (node values, edge values).
    private func brandes(_ options: BetweennessOptions, collectEdges: Bool, threads: Int,
                         progress: ProgressHandler?) -> ([Double], [Double]) {
        let n = nodeCount
        guard n > 0 else { return ([], []) }
        let block = Self.sourceBlockSize(n)
        let blocks = (n + block - 1) / block
        let t = max(1, min(threads, blocks))
        let nodeSum = OrderedSum(length: n)
        let edgeSum = OrderedSum(length: collectEdges ? edgeCount : 0)
        let tracker = ChunkProgress(total: n, handler: progress)
        let weighted = options.weighted && isWeighted
        // One workspace per worker thread, created lazily by that thread.
        let workspaces = WorkspaceSlots<BrandesWorkspace>(count: t)
        forEachChunk(blocks, threads: t) { chunk, worker in
            let ws = workspaces.get(worker) { BrandesWorkspace(self, weighted: weighted) }
            var nodes = nodeSum.buffer()
            var edges = edgeSum.buffer()
            let sources = chunk * block ..< min(n, (chunk + 1) * block)
            for s in sources {
                if weighted {
                    ws.accumulateWeighted(self, from: s, endpoints: options.endpoints, nodes: &nodes,
                                          edges: &edges, collectEdges: collectEdges)
                } else {
                    ws.accumulateUnweighted(self, from: s, endpoints: options.endpoints, nodes: &nodes,
                                            edges: &edges, collectEdges: collectEdges)
                }
            }
            nodeSum.add(nodes, chunk: chunk)
            edgeSum.add(edges, chunk: chunk)
            tracker.completed(sources.count)
        }
        return (nodeSum.result(), edgeSum.result())
    }
}

/// One lazily created value per worker thread (each slot touched by its own worker only).
final class WorkspaceSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    init(count: Int) { slots = [T?](repeating: nil, count: count) }
    func get(_ worker: Int, make: () -> T) -> T {
        if let w = slots[worker] { return w }
        let w = make()
        slots[worker] = w
        return w
    }
}

/// A thread's scratch space for Brandes: buffers kept between sources and reset in
/// O(reached nodes), so a source costs O(reached nodes + their edges).
final class BrandesWorkspace {
    private var distance: [Int32]
    private var sigma: [Double]
    private var delta: [Double]
    private var queue: [Int32]
    private var search: ShortestPathSearch?

    init(_ graph: Graph, weighted: Bool) {
        let n = graph.nodeCount
        distance = [Int32](repeating: -1, count: weighted ? 0 : n)
        sigma = [Double](repeating: 0, count: weighted ? 0 : n)
        delta = [Double](repeating: 0, count: n)
        queue = [Int32](repeating: 0, count: weighted ? 0 : n)
        search = weighted ? ShortestPathSearch(graph, weighted: true) : nil
    }

    /// Breadth-first search from `s`, then the dependency accumulation in reverse BFS order.
    func accumulateUnweighted(_ g: Graph, from s: Int, endpoints: Bool, nodes: inout [Double],
                              edges: inout [Double], collectEdges: Bool) {
        let backward = g.isDirected ? g.incoming : g.outgoing
        distance.withUnsafeMutableBufferPointer { dist in
        sigma.withUnsafeMutableBufferPointer { sg in
        delta.withUnsafeMutableBufferPointer { dl in
        queue.withUnsafeMutableBufferPointer { q in
        nodes.withUnsafeMutableBufferPointer { acc in
        edges.withUnsafeMutableBufferPointer { eacc in
        g.outgoing.withUnsafeBuffers { off, nb, _, _ in
        backward.withUnsafeBuffers { boff, bnb, bids, _ in
            q[0] = Int32(s)
            dist[s] = 0
            sg[s] = 1
            var head = 0, tail = 1
            while head < tail {
                let v = Int(q[head])
                head += 1
                let next = dist[v] + 1, sv = sg[v]
                for slot in off[v] ..< off[v + 1] {
                    let w = Int(nb[slot])
                    if dist[w] < 0 {
                        dist[w] = next
                        q[tail] = Int32(w)
                        tail += 1
                    }
                    if dist[w] == next { sg[w] += sv }
                }
            }
            if endpoints { acc[s] += Double(tail - 1) }
            var i = tail - 1
            while i > 0 {
                let w = Int(q[i])
                i -= 1
                let coefficient = (1 + dl[w]) / sg[w]
                let previous = dist[w] - 1
                for slot in boff[w] ..< boff[w + 1] {
                    let v = Int(bnb[slot])
                    if dist[v] == previous {
                        let c = sg[v] * coefficient
                        dl[v] += c
                        if collectEdges { eacc[Int(bids.isEmpty ? Int32(slot) : bids[slot])] += c }
                    }
                }
                acc[w] += endpoints ? dl[w] + 1 : dl[w]
            }
            for j in 0 ..< tail {
                let v = Int(q[j])
                dist[v] = -1
                sg[v] = 0
                dl[v] = 0
            }
        }
        }
        }
        }
        }
        }
        }
        }
    }

    /// Dijkstra from `s` (ties by exact equality of summed distances, as NetworkX), then the
    /// accumulation in reverse order of settling.
    func accumulateWeighted(_ g: Graph, from s: Int, endpoints: Bool, nodes: inout [Double],
                            edges: inout [Double], collectEdges: Bool) {
        search!.run(from: NodeIndex(s))
        let search = self.search!
        let backward = search.backward
        if endpoints { nodes[s] += Double(search.order.count - 1) }
        for w in search.order.reversed() {
            let wi = Int(w)
            guard wi != s else { continue }
            let coefficient = (1 + delta[wi]) / search.sigma[wi]
            let dw = search.distance[wi]
            for slot in backward.slots(of: w) {
                let v = Int(backward.neighbors[slot])
                let dv = search.distance[v]
                guard dv < dw, dv + backward.weight(atSlot: slot) == dw else { continue }
                let c = search.sigma[v] * coefficient
                delta[v] += c
                if collectEdges { edges[Int(backward.edge(atSlot: slot))] += c }
            }
            nodes[wi] += delta[wi] + (endpoints ? 1 : 0)
        }
        for w in search.order { delta[Int(w)] = 0 }
    }
}
