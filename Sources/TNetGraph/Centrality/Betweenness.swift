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

    /// Options with NetworkX's defaults, unless given.
    ///
    /// - Parameters:
    ///   - weighted: weights as distances (NetworkX's `weight="weight"`).
    ///   - normalized: NetworkX's `normalized`.
    ///   - endpoints: NetworkX's `endpoints`.
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
    /// v. Self-loops never lie on a shortest path. Weighted shortest paths tie by exact equality
    /// of their summed weights, as in NetworkX; weights must be non-negative.
    ///
    /// Parallel over sources: each thread accumulates fixed blocks of sources into its own
    /// buffer and the blocks are summed in source order, so the result is bit-for-bit the same
    /// for any `threads`.
    ///
    /// - Parameters:
    ///   - options: weights, normalisation and endpoints.
    ///   - threads: worker threads.
    ///   - progress: told the fraction done, from worker threads.
    /// - Returns: the betweenness of every node, by node index.
    /// - Complexity: O(n·(n + m)) time unweighted, O(n·(n + m) log m) weighted; O(n) memory per
    ///   thread.
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
    ///
    /// - Parameters:
    ///   - options: weights and normalisation (`endpoints` is ignored).
    ///   - threads: worker threads.
    ///   - progress: told the fraction done, from worker threads.
    /// - Returns: the betweenness of every edge, by edge index.
    /// - Complexity: O(n·(n + m)) time unweighted, O(n·(n + m) log m) weighted; O(n + m) memory
    ///   per thread.
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
            nodes.withUnsafeMutableBufferPointer { nodes in
                edges.withUnsafeMutableBufferPointer { edges in
                    for s in sources {
                        ws.accumulate(from: s, endpoints: options.endpoints, nodes: nodes,
                                      edges: collectEdges ? edges : nil)
                    }
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

/// A thread's scratch space for Brandes: per-node memory allocated once and freed with the
/// workspace, reset after each source in O(reached nodes), so a source costs O(reached nodes +
/// their edges) (a log factor more when weighted).
final class BrandesWorkspace {
    private let graph: Graph
    /// Hop distance from the source (-1 unreached), path counts σ, dependencies δ, and the BFS
    /// queue; distances and σ of weighted searches are the ``ShortestPathSearch``'s.
    private let distance: UnsafeMutablePointer<Int32>
    private let sigma: UnsafeMutablePointer<Double>
    private let delta: UnsafeMutablePointer<Double>
    private let queue: UnsafeMutablePointer<Int32>
    private var search: ShortestPathSearch?

    init(_ graph: Graph, weighted: Bool) {
        self.graph = graph
        let n = graph.nodeCount
        let bfs = weighted ? 0 : n
        distance = .allocate(filling: bfs, with: -1)
        sigma = .allocate(filling: bfs, with: 0)
        delta = .allocate(filling: n, with: 0)
        queue = .allocate(filling: bfs, with: 0)
        search = weighted ? ShortestPathSearch(graph, weighted: true) : nil
    }

    deinit {
        distance.deallocate()
        sigma.deallocate()
        delta.deallocate()
        queue.deallocate()
    }

    /// Adds source `s`'s dependencies to `nodes` (and to `edges`, by edge index, when given).
    func accumulate(from s: Int, endpoints: Bool, nodes: UnsafeMutableBufferPointer<Double>,
                    edges: UnsafeMutableBufferPointer<Double>?) {
        let backward = graph.isDirected ? graph.incoming : graph.outgoing
        if search != nil {
            backward.withView { back in accumulateWeighted(from: s, back: back, endpoints: endpoints, nodes: nodes, edges: edges) }
        } else {
            graph.outgoing.withView { out in
                backward.withView { back in
                    accumulateUnweighted(from: s, out: out, back: back, endpoints: endpoints, nodes: nodes, edges: edges)
                }
            }
        }
    }

    /// Breadth-first search from `s`, then the dependency accumulation in reverse BFS order.
    private func accumulateUnweighted(from s: Int, out: CSRView, back: CSRView, endpoints: Bool,
                                      nodes: UnsafeMutableBufferPointer<Double>,
                                      edges: UnsafeMutableBufferPointer<Double>?) {
        queue[0] = Int32(s)
        distance[s] = 0
        sigma[s] = 1
        var head = 0, tail = 1
        while head < tail {
            let v = Int(queue[head])
            head += 1
            let next = distance[v] + 1, sv = sigma[v]
            for slot in out.offsets[v] ..< out.offsets[v + 1] {
                let w = Int(out.neighbors[slot])
                if distance[w] < 0 {
                    distance[w] = next
                    queue[tail] = Int32(w)
                    tail += 1
                }
                if distance[w] == next { sigma[w] += sv }
            }
        }
        if endpoints { nodes[s] += Double(tail - 1) }
        var i = tail - 1
        while i > 0 {
            let w = Int(queue[i])
            i -= 1
            let coefficient = (1 + delta[w]) / sigma[w]
            let previous = distance[w] - 1
            for slot in back.offsets[w] ..< back.offsets[w + 1] {
                let v = Int(back.neighbors[slot])
                if distance[v] == previous {
                    let c = sigma[v] * coefficient
                    delta[v] += c
                    if let edges { edges[back.edge(atSlot: slot)] += c }
                }
            }
            nodes[w] += endpoints ? delta[w] + 1 : delta[w]
        }
        for j in 0 ..< tail {
            let v = Int(queue[j])
            distance[v] = -1
            sigma[v] = 0
            delta[v] = 0
        }
    }

    /// Dijkstra from `s` (ties by exact equality of summed distances, as NetworkX), then the
    /// accumulation in reverse order of settling.
    private func accumulateWeighted(from s: Int, back: CSRView, endpoints: Bool,
                                    nodes: UnsafeMutableBufferPointer<Double>,
                                    edges: UnsafeMutableBufferPointer<Double>?) {
        search!.run(from: NodeIndex(s))
        let search = self.search!
        if endpoints { nodes[s] += Double(search.order.count - 1) }
        search.distance.withUnsafeBufferPointer { distance in
            search.sigma.withUnsafeBufferPointer { sigma in
                for w in search.order.reversed() {
                    let wi = Int(w)
                    guard wi != s else { continue }
                    let coefficient = (1 + delta[wi]) / sigma[wi]
                    let dw = distance[wi]
                    for slot in back.offsets[wi] ..< back.offsets[wi + 1] {
                        let v = Int(back.neighbors[slot])
                        let dv = distance[v]
                        guard dv < dw, dv + back.weights[slot] == dw else { continue }
                        let c = sigma[v] * coefficient
                        delta[v] += c
                        if let edges { edges[back.edge(atSlot: slot)] += c }
                    }
                    nodes[wi] += delta[wi] + (endpoints ? 1 : 0)
                }
            }
        }
        for w in search.order { delta[Int(w)] = 0 }
    }
}
