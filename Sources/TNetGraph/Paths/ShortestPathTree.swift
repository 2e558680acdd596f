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
    /// Which way edges are followed (``Direction/forward`` by default).
    public var direction: Direction
    /// Nodes a path may not pass through (indexed by node; the source is never blocked).
    public var blocked: [Bool]?
    /// Longest path, in edges. With weights the search is then Bellman–Ford over at most this
    /// many rounds, the cheapest path among those of at most `maxHops` edges.
    public var maxHops: Int?

    /// Options of a search.
    ///
    /// - Parameters:
    ///   - weighted: edge weights as costs.
    ///   - direction: which way edges are followed.
    ///   - blocked: nodes a path may not pass through, by node index.
    ///   - maxHops: the longest path, in edges (nil: no limit).
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
    /// The node the paths start from.
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

    /// Whether a node was reached.
    ///
    /// - Parameter node: a node of the graph.
    /// - Returns: true when the node has a finite distance.
    /// - Complexity: O(1).
    public func reaches(_ node: NodeIndex) -> Bool { distance[Int(node)] < .infinity }

    /// The tree path from the source to a node.
    ///
    /// - Parameter node: a node of the graph.
    /// - Returns: the path's nodes, the source first and `node` last; nil when not reached.
    /// - Complexity: O(h) for a path of h edges (O(h + maxHops) with a hop-limited weighted search).
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

    /// Shortest paths from `source`, as a tree of parents (see ``ShortestPathTree``): NetworkX's
    /// `single_source_shortest_path_length` (hops) and `single_source_dijkstra` (weights).
    ///
    /// Unweighted: breadth-first search. Weighted: Dijkstra, weights as costs (they must be
    /// non-negative), by the engine that ``ShortestPathSearch`` uses too. Weighted with `maxHops`:
    /// `maxHops` rounds of Bellman–Ford, the cheapest paths of at most `maxHops` edges.
    /// Iterative throughout.
    ///
    /// - Parameters:
    ///   - source: where the paths start.
    ///   - options: weights, direction, blocked nodes and hop limit.
    ///   - target: when given, the search may stop once the target is settled: the target's
    ///     distance and path are final, farther nodes may be left unreached.
    /// - Returns: the distance, hop count and tree parent of every node.
    /// - Complexity: O(n + m) time unweighted, O(n + m log m) weighted, O(n + maxHops · m) with
    ///   weights and a hop limit; O(n) memory (O(maxHops · n) with weights and a hop limit).
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
        hops[Int(source)] = 0
        distance.withUnsafeMutableBufferPointer { distance in
        hops.withUnsafeMutableBufferPointer { hops in
        parent.withUnsafeMutableBufferPointer { parent in
            var tree = TreeRecording(hops: hops, parent: parent, source: Int(source),
                                     blocked: options.blocked, excluded: excluded)
            withSearchViews(options.direction) { first, second in
                if weighted {
                    // Ties are left to the heap (rank 0): parents among equal paths are those this
                    // search has always chosen.
                    var engine = DijkstraEngine(nodeCount: n)
                    engine.run(from: Int(source), stoppingAt: target.map(Int.init), over: first, second,
                               distance: distance, rankTies: false, visitor: &tree)
                } else {
                    tree.breadthFirst(over: first, second, distance: distance, maxHops: options.maxHops ?? Int.max,
                                      target: target.map(Int.init) ?? -1)
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

/// What ``Graph/shortestPathTree(from:options:target:)`` records besides distances: on every
/// improvement the hop count and the parent. Steps into blocked nodes, and first steps into
/// excluded ones, are refused.
private struct TreeRecording: DijkstraVisitor {
    let hops: UnsafeMutableBufferPointer<Int32>
    let parent: UnsafeMutableBufferPointer<NodeIndex>
    let source: Int
    let blocked: [Bool]?
    let excluded: Set<NodeIndex>
    let hasBlocked: Bool, hasExcluded: Bool

    init(hops: UnsafeMutableBufferPointer<Int32>, parent: UnsafeMutableBufferPointer<NodeIndex>, source: Int,
         blocked: [Bool]?, excluded: Set<NodeIndex>) {
        self.hops = hops
        self.parent = parent
        self.source = source
        self.blocked = blocked
        self.excluded = excluded
        hasBlocked = blocked != nil
        hasExcluded = !excluded.isEmpty
    }

    @inline(__always)
    func allows(from v: Int, to w: Int) -> Bool {
        if hasBlocked && blocked![w] { return false }
        if hasExcluded && v == source && excluded.contains(NodeIndex(w)) { return false }
        return true
    }

    @inline(__always) mutating func settled(_ v: Int, distance: Double) {}

    @inline(__always)
    mutating func improved(_ w: Int, distance: Double, from v: Int) {
        hops[w] = hops[v] + 1
        parent[w] = NodeIndex(v)
    }

    @inline(__always) mutating func tied(_ w: Int, from v: Int) {}

    /// Breadth-first search over `first` (then `second`) from the source: hop distances, the
    /// first parent found, at most `maxHops` edges; stops when `target` is dequeued.
    func breadthFirst(over first: CSRView, _ second: CSRView?, distance: UnsafeMutableBufferPointer<Double>,
                      maxHops: Int, target: Int) {
        let queue = UnsafeMutablePointer<NodeIndex>.allocate(capacity: max(1, distance.count))
        defer { queue.deallocate() }
        distance[source] = 0
        queue[0] = NodeIndex(source)
        var head = 0, tail = 1
        while head < tail {
            let v = Int(queue[head])
            head += 1
            if Int(hops[v]) >= maxHops { continue }
            if v == target { break }
            for k in 0 ..< (second == nil ? 1 : 2) {
                let list = k == 0 ? first : second!
                for slot in list.offsets[v] ..< list.offsets[v + 1] {
                    let w = Int(list.neighbors[slot])
                    guard distance[w] == .infinity, allows(from: v, to: w) else { continue }
                    distance[w] = distance[v] + 1
                    hops[w] = hops[v] + 1
                    parent[w] = NodeIndex(v)
                    queue[tail] = NodeIndex(w)
                    tail += 1
                }
            }
        }
    }
}
