import HeapModule

/// Single-source shortest paths with path counts, the first phase of Brandes' algorithm and the
/// distance step of closeness and harmonic centrality.
///
/// Unweighted: breadth-first search. Weighted: Dijkstra, weights as distances (they must be
/// non-negative), ties decided by exact equality of the summed distances, as NetworkX does.
/// Scratch buffers are kept between runs: one search per thread, reused across sources, and
/// each run costs O(reached nodes + their edges) (log factor for Dijkstra), not O(n).
public struct ShortestPathSearch {
    public let graph: Graph
    /// Follow incoming edges (distances *to* the source) instead of outgoing ones.
    public let reversed: Bool
    public let weighted: Bool

    /// Distance from the source, for reached nodes (`.infinity` otherwise).
    public private(set) var distance: [Double]
    /// Number of shortest paths from the source, for reached nodes.
    public private(set) var sigma: [Double]
    /// Reached nodes in non-decreasing distance (the source first).
    public private(set) var order: [NodeIndex] = []
    private var tentative: [Double]
    private var heap = Heap<Entry>()

    private struct Entry: Comparable {
        var distance: Double
        var sequence: Int
        var node: NodeIndex
        static func < (a: Entry, b: Entry) -> Bool {
            a.distance < b.distance || (a.distance == b.distance && a.sequence < b.sequence)
        }
    }

    public init(_ graph: Graph, reversed: Bool = false, weighted: Bool = false) {
        self.graph = graph
        self.reversed = reversed && graph.isDirected
        self.weighted = weighted && graph.isWeighted
        distance = [Double](repeating: .infinity, count: graph.nodeCount)
        sigma = [Double](repeating: 0, count: graph.nodeCount)
        tentative = [Double](repeating: .infinity, count: self.weighted ? graph.nodeCount : 0)
        order.reserveCapacity(graph.nodeCount)
    }

    /// The adjacency walked from a node.
    public var forward: Adjacency { reversed ? graph.incoming : graph.outgoing }
    /// The adjacency that leads back to a node's predecessors.
    public var backward: Adjacency { reversed || !graph.isDirected ? graph.outgoing : graph.incoming }

    /// Runs from `source`, replacing the previous run's results. With `target`, stops once every
    /// node as close as the target is settled: the target's distance and path count are final,
    /// other nodes may be left unreached.
    public mutating func run(from source: NodeIndex, stoppingAt target: NodeIndex? = nil) {
        for v in order {
            distance[Int(v)] = .infinity
            if weighted { tentative[Int(v)] = .infinity }
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

    private mutating func dijkstra(_ source: NodeIndex, target: NodeIndex?) {
        let adjacency = forward
        let weights = adjacency.weights!
        var sequence = 0
        // `tentative` is the best distance found so far; `distance` is set when a node is
        // settled. Every node that gets a tentative distance is settled, so resetting the
        // settled ones (``order``) resets both.
        tentative[Int(source)] = 0
        sigma[Int(source)] = 1
        heap.insert(Entry(distance: 0, sequence: sequence, node: source))
        var stopAbove = Double.infinity
        while let e = heap.popMin() {
            let v = Int(e.node)
            if distance[v] != .infinity || e.distance != tentative[v] { continue }
            if e.distance > stopAbove {
                // Early stop: forget what is still tentative, so the next run starts clean.
                tentative[v] = .infinity
                sigma[v] = 0
                while let rest = heap.popMin() {
                    let r = Int(rest.node)
                    if distance[r] == .infinity { tentative[r] = .infinity; sigma[r] = 0 }
                }
                break
            }
            if let target, e.node == target { stopAbove = e.distance }
            distance[v] = e.distance
            order.append(e.node)
            let sv = sigma[v]
            for slot in adjacency.offsets[v] ..< adjacency.offsets[v + 1] {
                let w = Int(adjacency.neighbors[slot])
                if distance[w] != .infinity { continue }
                let d = e.distance + weights[slot]
                if d < tentative[w] {
                    tentative[w] = d
                    sigma[w] = sv
                    sequence += 1
                    heap.insert(Entry(distance: d, sequence: sequence, node: NodeIndex(w)))
                } else if d == tentative[w] {
                    sigma[w] += sv
                }
            }
        }
    }
}
