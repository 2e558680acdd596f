/// Single-source shortest paths with path counts, the first phase of Brandes' algorithm and the
/// distance step of closeness and harmonic centrality.
///
/// Unweighted: breadth-first search. Weighted: Dijkstra, weights as distances (they must be
/// non-negative), ties decided by exact equality of the summed distances, as NetworkX does.
/// Scratch buffers are kept between runs: one search per thread, reused across sources, and
/// each run costs O(reached nodes + their edges) (log factor for Dijkstra), not O(n).
public struct ShortestPathSearch {
    /// The graph searched.
    public let graph: Graph
    /// Follow incoming edges (distances *to* the source) instead of outgoing ones.
    public let reversed: Bool
    /// Dijkstra over the edge weights, else breadth-first search.
    public let weighted: Bool

    /// Distance from the source, for reached nodes (`.infinity` otherwise).
    public private(set) var distance: [Double]
    /// Number of shortest paths from the source, for reached nodes.
    public private(set) var sigma: [Double]
    /// Reached nodes in non-decreasing distance (the source first).
    public private(set) var order: [NodeIndex] = []
    /// The Dijkstra engine's scratch (weighted searches); replaced when shared with a copy.
    private var engine: DijkstraEngineBox?

    /// A search of `graph`, with its per-node buffers allocated.
    ///
    /// - Parameters:
    ///   - graph: the graph searched.
    ///   - reversed: follow incoming edges (ignored when undirected).
    ///   - weighted: weights as distances (ignored when the graph has none).
    /// - Complexity: O(n).
    public init(_ graph: Graph, reversed: Bool = false, weighted: Bool = false) {
        self.graph = graph
        self.reversed = reversed && graph.isDirected
        self.weighted = weighted && graph.isWeighted
        distance = [Double](repeating: .infinity, count: graph.nodeCount)
        sigma = [Double](repeating: 0, count: graph.nodeCount)
        engine = self.weighted ? DijkstraEngineBox(nodeCount: graph.nodeCount) : nil
        order.reserveCapacity(graph.nodeCount)
    }

    /// The adjacency walked from a node.
    public var forward: Adjacency { reversed ? graph.incoming : graph.outgoing }
    /// The adjacency that leads back to a node's predecessors.
    public var backward: Adjacency { reversed || !graph.isDirected ? graph.outgoing : graph.incoming }

    /// Searches from `source`, replacing the previous run's ``distance``, ``sigma`` and ``order``.
    ///
    /// - Parameters:
    ///   - source: where the search starts.
    ///   - target: when given, a weighted search stops once the target is settled: the target's
    ///     distance and path count are final, other nodes may be left unreached.
    /// - Complexity: O(r + e) time for the r nodes reached and their e edges, O((r + e) log e)
    ///   weighted.
    public mutating func run(from source: NodeIndex, stoppingAt target: NodeIndex? = nil) {
        for v in order {
            distance[Int(v)] = .infinity
            sigma[Int(v)] = 0
        }
        order.removeAll(keepingCapacity: true)
        if weighted { dijkstra(source, target: target) } else { bfs(source) }
    }

    private mutating func bfs(_ source: NodeIndex) {
        let adjacency = forward
        distance[Int(source)] = 0
        sigma[Int(source)] = 1
        order.append(source)
        var head = 0
        adjacency.offsets.withUnsafeBufferPointer { off in
            adjacency.neighbors.withUnsafeBufferPointer { nb in
                distance.withUnsafeMutableBufferPointer { dist in
                    sigma.withUnsafeMutableBufferPointer { sg in
                        while head < order.count {
                            let v = order[head]
                            head += 1
                            let dv = dist[Int(v)], sv = sg[Int(v)]
                            for slot in off[Int(v)] ..< off[Int(v) + 1] {
                                let w = Int(nb[slot])
                                if dist[w] == .infinity {
                                    dist[w] = dv + 1
                                    order.append(NodeIndex(w))
                                }
                                if dist[w] == dv + 1 { sg[w] += sv }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Dijkstra by the shared engine, counting paths (``PathCounting``).
    private mutating func dijkstra(_ source: NodeIndex, target: NodeIndex?) {
        if !isKnownUniquelyReferenced(&engine) { engine = DijkstraEngineBox(nodeCount: graph.nodeCount) }
        let box = engine!, adjacency = forward
        sigma[Int(source)] = 1
        distance.withUnsafeMutableBufferPointer { distance in
            sigma.withUnsafeMutableBufferPointer { sigma in
                var counting = PathCounting(sigma: sigma)
                adjacency.withView { list in
                    box.engine.run(from: Int(source), stoppingAt: target.map(Int.init), over: list,
                                   distance: distance, rankTies: true, visitor: &counting)
                }
                // Nodes an early stop left tentative are not reached: no distance, no path count.
                for v in box.engine.touchedNodes where !box.engine.settled(Int(v)) {
                    distance[Int(v)] = .infinity
                    sigma[Int(v)] = 0
                }
            }
        }
        order.append(contentsOf: box.engine.settledOrder)
    }
}

/// What ``ShortestPathSearch`` records of a Dijkstra run besides distances: the number of
/// shortest paths σ, σ(w) = σ(v) when v gives w a shorter distance, σ(w) += σ(v) when v ties it
/// (NetworkX's `_single_source_dijkstra_path_basic`).
private struct PathCounting: DijkstraVisitor {
    let sigma: UnsafeMutableBufferPointer<Double>

    @inline(__always) func allows(from v: Int, to w: Int) -> Bool { true }
    @inline(__always) mutating func settled(_ v: Int, distance: Double) {}
    @inline(__always) mutating func improved(_ w: Int, distance: Double, from v: Int) { sigma[w] = sigma[v] }
    @inline(__always) mutating func tied(_ w: Int, from v: Int) { sigma[w] += sigma[v] }
}

/// A ``DijkstraEngine`` behind a reference, so that a copyable value can own one.
final class DijkstraEngineBox {
    /// The engine.
    var engine: DijkstraEngine

    /// A box with an engine for `nodeCount` nodes.
    init(nodeCount: Int) { engine = DijkstraEngine(nodeCount: nodeCount) }
}
