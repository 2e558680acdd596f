/// Which way a search follows edges, what it may not enter, and how far it may go.
public struct PathSearchOptions: Sendable {
    /// Which way edges are followed in a directed graph (an undirected graph is the same either way).
    public enum Direction: Sendable, Hashable {
        /// Along the edges: distances *from* the source.
        case forward
        /// Against them: distances *to* the source (who reaches it).
        case reverse
        /// Both ways: the directed graph taken as undirected.
        case both
    }

    /// Edge weights as costs (they must be non-negative): Dijkstra. Otherwise hops: breadth-first.
    public var weighted: Bool
    public var direction: Direction
    /// Nodes a path may not pass through (indexed by node; the source is never blocked).
    public var blocked: [Bool]?
    /// Longest path, in edges. With weights the search is then Bellman–Ford over at most this
    /// many rounds, the cheapest path among those of at most `maxHops` edges.
    public var maxHops: Int?

    public init(weighted: Bool = false, direction: Direction = .forward, blocked: [Bool]? = nil, maxHops: Int? = nil) {
        self.weighted = weighted
        self.direction = direction
        self.blocked = blocked
        self.maxHops = maxHops
    }
}

/// Shortest paths from one source: the distance to every node and one shortest path to each,
/// as a tree of parents. NetworkX: `single_source_shortest_path_length` (hops) and
/// `single_source_dijkstra` (weights), `predecessor`. Where several shortest paths tie, the tree
/// keeps the first one found (neighbours in ascending order); ``Graph/allShortestPaths(from:to:options:limit:)``
/// lists them all.
public struct ShortestPathTree: Sendable {
    public let source: NodeIndex
    /// Cost (hops when unweighted) from the source; `.infinity` where not reached.
    public let distance: [Double]
    /// Edges on the tree path from the source; -1 where not reached.
    public let hops: [Int32]
    /// Previous node on the tree path; -1 for the source and unreached nodes. Empty for a
    /// weighted search with a hop limit, whose paths are kept per round (use ``path(to:)``).
    public let parent: [NodeIndex]
    /// Per round of a hop-limited weighted search: the parent a node got in that round.
    private let layers: [[NodeIndex]]
    static let unchanged: NodeIndex = -2

    init(source: NodeIndex, distance: [Double], hops: [Int32], parent: [NodeIndex]) {
        self.source = source
        self.distance = distance
        self.hops = hops
        self.parent = parent
        layers = []
    }

    init(source: NodeIndex, distance: [Double], hops: [Int32], layers: [[NodeIndex]]) {
        self.source = source
        self.distance = distance
        self.hops = hops
        parent = []
        self.layers = layers
    }

    /// Whether `node` was reached.
    public func reaches(_ node: NodeIndex) -> Bool { distance[Int(node)] < .infinity }

    /// The tree path from the source to `node`, source first; nil when not reached.
    public func path(to node: NodeIndex) -> [NodeIndex]? {
        guard reaches(node) else { return nil }
        var path = [node]
        var v = node
        if layers.isEmpty {
            while parent[Int(v)] >= 0 {
                v = parent[Int(v)]
                path.append(v)
            }
        } else {
            // Down the rounds: where round r did not improve v, its path is that of round r − 1.
            var r = layers.count - 1
            while r > 0 && v != source {
                let p = layers[r][Int(v)]
                r -= 1
                if p == Self.unchanged { continue }
                v = p
                path.append(v)
            }
        }
        return path.reversed()
    }
}

extension Graph {
    /// The slot lists a search in `direction` walks: one list, or two for `.both` on a directed graph.
    func adjacencies(_ direction: PathSearchOptions.Direction) -> [Adjacency] {
        guard isDirected else { return [outgoing] }
        switch direction {
        case .forward: return [outgoing]
        case .reverse: return [incoming]
        case .both: return [outgoing, incoming]
        }
    }

    /// Shortest paths from `source` (see ``ShortestPathTree``). With `target`, the search may stop
    /// once the target is settled: the target's distance and path are final, farther nodes may
    /// be left unreached. Breadth-first search `O(n + m)`; Dijkstra with a binary heap
    /// (`DistanceHeap`) `O((n + m) log n)`; with `maxHops` and weights, `maxHops`
    /// rounds of Bellman–Ford, `O(maxHops · m)`. Iterative throughout.
    public func shortestPathTree(from source: NodeIndex, options: PathSearchOptions = PathSearchOptions(),
                                 target: NodeIndex? = nil) -> ShortestPathTree {
        shortestPathTree(from: source, options: options, target: target, excludingFirstHops: [])
    }

    /// ``shortestPathTree(from:options:target:)`` where the first edge may not lead to a node of
    /// `excluded` (Yen's spur searches).
    func shortestPathTree(from source: NodeIndex, options: PathSearchOptions, target: NodeIndex?,
                          excludingFirstHops excluded: Set<NodeIndex>) -> ShortestPathTree {
        let weighted = options.weighted && isWeighted
        if weighted, let limit = options.maxHops {
            return hopLimitedTree(source, options: options, limit: limit, excluded: excluded)
        }
        let n = nodeCount
        var distance = [Double](repeating: .infinity, count: n)
        var hops = [Int32](repeating: -1, count: n)
        var parent = [NodeIndex](repeating: -1, count: n)
        let lists = adjacencies(options.direction)
        let blocked = options.blocked
        let limit = options.maxHops ?? Int.max
        distance[Int(source)] = 0
        hops[Int(source)] = 0
        let hasBlocked = blocked != nil, hasExcluded = !excluded.isEmpty
        let second = lists.count > 1 ? lists[1] : lists[0]
        distance.withUnsafeMutableBufferPointer { dist in
        hops.withUnsafeMutableBufferPointer { hop in
        parent.withUnsafeMutableBufferPointer { par in
        lists[0].withUnsafeBuffers { off0, nb0, _, wt0 in
        second.withUnsafeBuffers { off1, nb1, _, wt1 in
            let listCount = lists.count
            /// Whether the step v → w is allowed at all.
            @inline(__always) func allowed(_ v: Int, _ w: Int) -> Bool {
                if hasBlocked && blocked![w] { return false }
                if hasExcluded && v == Int(source) && excluded.contains(NodeIndex(w)) { return false }
                return true
            }
            if !weighted {
                var queue = [NodeIndex](repeating: 0, count: n)
                queue.withUnsafeMutableBufferPointer { q in
                    q[0] = source
                    var head = 0, tail = 1
                    while head < tail {
                        let v = Int(q[head])
                        head += 1
                        if Int(hop[v]) >= limit { continue }
                        if let target, v == Int(target) { break }
                        for list in 0 ..< listCount {
                            let (off, nb) = list == 0 ? (off0, nb0) : (off1, nb1)
                            for slot in off[v] ..< off[v + 1] {
                                let w = Int(nb[slot])
                                guard dist[w] == .infinity, allowed(v, w) else { continue }
                                dist[w] = dist[v] + 1
                                hop[w] = hop[v] + 1
                                par[w] = NodeIndex(v)
                                q[tail] = NodeIndex(w)
                                tail += 1
                            }
                        }
                    }
                }
                return
            }
            // Dijkstra with lazy deletion: an entry is stale when its node has since been given
            // a smaller distance (each distance is pushed once, when it improves).
            var heap = DistanceHeap()
            heap.insert(HeapEntry(distance: 0, node: source))
            while let e = heap.popMin() {
                let v = Int(e.node)
                let dv = e.distance
                if dv > dist[v] { continue }
                if let target, v == Int(target) { break }
                for list in 0 ..< listCount {
                    let (off, nb, wt) = list == 0 ? (off0, nb0, wt0) : (off1, nb1, wt1)
                    for slot in off[v] ..< off[v + 1] {
                        let w = Int(nb[slot])
                        let d = dv + wt[slot]
                        guard d < dist[w], allowed(v, w) else { continue }
                        dist[w] = d
                        hop[w] = hop[v] + 1
                        par[w] = NodeIndex(v)
                        heap.insert(HeapEntry(distance: d, node: NodeIndex(w)))
                    }
                }
            }
        }
        }
        }
        }
        }
        return ShortestPathTree(source: source, distance: distance, hops: hops, parent: parent)
    }

    /// Cheapest paths of at most `limit` edges: Bellman–Ford, round r relaxing from the costs of
    /// round r − 1 (so that it holds the cheapest paths of at most r edges), from the nodes whose
    /// cost changed then. Each round keeps its own parents, since a node's cheapest path of at
    /// most r edges need not extend its parent's cheapest path overall.
    private func hopLimitedTree(_ source: NodeIndex, options: PathSearchOptions, limit: Int,
                                excluded: Set<NodeIndex>) -> ShortestPathTree {
        let n = nodeCount
        var distance = [Double](repeating: .infinity, count: n)
        var hops = [Int32](repeating: -1, count: n)
        distance[Int(source)] = 0
        hops[Int(source)] = 0
        let lists = adjacencies(options.direction)
        // layers[r][v]: v's parent when round r improved v, else `ShortestPathTree.unchanged`.
        var layers: [[NodeIndex]] = [[NodeIndex](repeating: -1, count: n)]
        var frontier = [Int(source)]
        while layers.count <= limit && !frontier.isEmpty {
            let before = distance, hopsBefore = hops
            var layer = [NodeIndex](repeating: ShortestPathTree.unchanged, count: n)
            var changed: [Int] = []
            for v in frontier {
                for adjacency in lists {
                    for slot in adjacency.slots(of: NodeIndex(v)) {
                        let w = Int(adjacency.neighbors[slot])
                        guard options.blocked?[w] != true || w == Int(source) else { continue }
                        if v == Int(source) && excluded.contains(NodeIndex(w)) { continue }
                        let d = before[v] + adjacency.weight(atSlot: slot)
                        if d < distance[w] {
                            if layer[w] == ShortestPathTree.unchanged { changed.append(w) }
                            distance[w] = d
                            hops[w] = hopsBefore[v] + 1
                            layer[w] = NodeIndex(v)
                        }
                    }
                }
            }
            layers.append(layer)
            frontier = changed
        }
        return ShortestPathTree(source: source, distance: distance, hops: hops, layers: layers)
    }
}

/// A heap entry of Dijkstra: ordered by distance alone (which node of equal distance comes first
/// does not change any distance).
struct HeapEntry: Comparable {
    var distance: Double
    var node: NodeIndex
    static func < (a: HeapEntry, b: HeapEntry) -> Bool { a.distance < b.distance }
    static func == (a: HeapEntry, b: HeapEntry) -> Bool { a.distance == b.distance && a.node == b.node }
}
