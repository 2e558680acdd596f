/// A node index. Nodes are numbered `0 ..< nodeCount`; 32 bits keep the adjacency arrays compact.
public typealias NodeIndex = Int32

/// An edge index. Edges are numbered `0 ..< edgeCount` in a canonical order (see ``Graph``).
public typealias EdgeIndex = Int32

/// An immutable graph in compressed-sparse-row (CSR) form.
///
/// The graph core knows nothing about the domain: nodes are `0 ..< nodeCount`, edges are
/// `0 ..< edgeCount`, and an edge may carry a `Double` weight.
///
/// ## Layout
/// - ``outgoing`` holds, for every node `u`, the slots `offsets[u] ..< offsets[u + 1]` of its
///   out-neighbours (for an undirected graph: all neighbours), **sorted by neighbour index**.
/// - ``incoming`` holds the in-neighbours of a directed graph, also sorted. For an undirected
///   graph it is the same storage as ``outgoing`` (no copy).
/// - Edge indices: in a directed graph edge `e` is out-slot `e`, so edges are ordered by
///   `(source, target)`. In an undirected graph edges are ordered by `(min, max)` endpoint and
///   each non-loop edge occupies one slot at each endpoint.
///
/// ## Self-loops and parallel edges (as NetworkX's `Graph` and `DiGraph`)
/// - Parallel edges are merged by the builder's ``DuplicateEdgePolicy``; the default,
///   ``DuplicateEdgePolicy/keepLast``, is what `nx.Graph.add_edges_from` does (one edge, the
///   last weight given wins). ``DuplicateEdgePolicy/keepAll`` keeps them (a multigraph).
/// - A self-loop is kept. In an undirected graph it occupies **one** slot in its node's list
///   (so `u` is listed once among its own neighbours, like `G[u]` in NetworkX) and counts
///   **twice** in ``degree(_:)`` and ``strength(_:)``, like `G.degree(u)`. In a directed
///   graph it is one out-slot and one in-slot.
///
/// ## Memory
/// Unweighted undirected: 4 bytes (neighbour) + 4 bytes (edge index) per edge endpoint and
/// 8 bytes per node (offset). Unweighted directed: 4 bytes per out-slot and 8 per in-slot
/// (neighbour + edge index), 16 bytes per node. Weights add 8 bytes per slot.
public struct Graph: Sendable {
    /// Whether edges have a direction.
    public let isDirected: Bool
    /// Number of nodes.
    public let nodeCount: Int
    /// Number of edges after merging duplicates (NetworkX's `number_of_edges()`; self-loops count once).
    public let edgeCount: Int
    /// Whether edges carry weights. Unweighted graphs report weight 1 for every edge.
    public var isWeighted: Bool { outgoing.weights != nil }
    /// Out-neighbours (all neighbours when undirected).
    public let outgoing: Adjacency
    /// In-neighbours (the same storage as ``outgoing`` when undirected).
    public let incoming: Adjacency
    /// Nodes that carry a self-loop, ascending.
    public let selfLoopNodes: [NodeIndex]

    init(isDirected: Bool, nodeCount: Int, edgeCount: Int,
         outgoing: Adjacency, incoming: Adjacency, selfLoopNodes: [NodeIndex]) {
        self.isDirected = isDirected
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.outgoing = outgoing
        self.incoming = incoming
        self.selfLoopNodes = selfLoopNodes
    }

    /// Number of self-loop edges (NetworkX's `number_of_selfloops`); with parallel edges kept
    /// (``DuplicateEdgePolicy/keepAll``) every copy of a loop counts.
    ///
    /// - Complexity: O(l log d) for l nodes with a self-loop, of degree at most d.
    public var selfLoopCount: Int {
        if isDirected { return selfLoopNodes.count }
        // keepAll may store several loops at one node: count slots.
        var count = 0
        for u in selfLoopNodes { count += outgoing.count(of: u, among: u) }
        return count
    }

    /// Density as NetworkX's `density(G)` defines it: `m / (n (n - 1))` directed,
    /// `2m / (n (n - 1))` undirected, 0 when `n <= 1`. Self-loops count in `m`, as they do in
    /// NetworkX.
    ///
    /// - Complexity: O(1).
    public var density: Double {
        let n = Double(nodeCount)
        guard nodeCount > 1 else { return 0 }
        let m = Double(edgeCount)
        return isDirected ? m / (n * (n - 1)) : 2 * m / (n * (n - 1))
    }

    /// All nodes, `0 ..< nodeCount`, as ``NodeIndex`` values.
    public var nodes: Range<NodeIndex> { 0 ..< NodeIndex(nodeCount) }

    /// Whether `u` has a self-loop (NetworkX: `G.has_edge(u, u)`).
    ///
    /// - Parameter u: a node of the graph.
    /// - Returns: true when an edge joins `u` to itself.
    /// - Complexity: O(log l) for l nodes with a self-loop (binary search over ``selfLoopNodes``).
    @inlinable
    public func hasSelfLoop(_ u: NodeIndex) -> Bool {
        var lo = 0, hi = selfLoopNodes.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if selfLoopNodes[mid] < u { lo = mid + 1 } else { hi = mid }
        }
        return lo < selfLoopNodes.count && selfLoopNodes[lo] == u
    }

    /// Whether an edge `u → v` (or `u – v` when undirected) exists (NetworkX's `G.has_edge(u, v)`).
    ///
    /// - Parameters:
    ///   - u: the edge's source (either end when undirected).
    ///   - v: the edge's target.
    /// - Returns: true when the graph has at least one such edge.
    /// - Complexity: O(log deg u), a binary search in `u`'s sorted out-list.
    public func hasEdge(from u: NodeIndex, to v: NodeIndex) -> Bool {
        outgoing.count(of: u, among: v) > 0
    }

    /// Calls `body(edge, source, target, weight)` for every edge in edge-index order (NetworkX's
    /// `G.edges(data="weight", default=1)`, in tnet's canonical order).
    ///
    /// Undirected edges are reported once, with `source <= target`.
    /// - Parameter body: called with the edge index, its two ends and its weight (1 when
    ///   unweighted); an error it throws stops the walk.
    /// - Throws: whatever `body` throws.
    /// - Complexity: O(n + m).
    public func forEachEdge(_ body: (EdgeIndex, NodeIndex, NodeIndex, Double) throws -> Void) rethrows {
        try outgoing.withUnsafeBuffers { off, tgt, ids, w in
            for u in 0 ..< nodeCount {
                for slot in off[u] ..< off[u + 1] {
                    let v = tgt[slot]
                    if !isDirected && Int(v) < u { continue }
                    let e = ids.isEmpty ? EdgeIndex(slot) : ids[slot]
                    try body(e, NodeIndex(u), v, w.isEmpty ? 1 : w[slot])
                }
            }
        }
    }
}

/// One direction of a CSR adjacency structure.
public struct Adjacency: Sendable {
    /// `offsets[u] ..< offsets[u + 1]` are the slots of node `u`; `offsets.count == nodeCount + 1`.
    public let offsets: [Int]
    /// Neighbour of each slot, ascending within a node.
    public let neighbors: [NodeIndex]
    /// Edge index of each slot; empty when the edge index equals the slot (directed out-lists).
    public let edgeIndices: [EdgeIndex]
    /// Weight of each slot, or `nil` for an unweighted graph.
    public let weights: [Double]?

    /// Number of slots of `u`: its out- or in-degree, a self-loop once.
    ///
    /// - Parameter u: a node of the graph.
    /// - Returns: `offsets[u + 1] - offsets[u]`.
    /// - Complexity: O(1).
    @inlinable
    public func slotCount(_ u: NodeIndex) -> Int { offsets[Int(u) + 1] - offsets[Int(u)] }

    /// The neighbours of `u`, ascending (NetworkX's `G[u]`, `G.successors(u)` or
    /// `G.predecessors(u)`).
    ///
    /// - Parameter u: a node of the graph.
    /// - Returns: a slice of ``neighbors``, sharing its storage (no allocation).
    /// - Complexity: O(1).
    @inlinable
    public func neighbors(of u: NodeIndex) -> ArraySlice<NodeIndex> {
        neighbors[offsets[Int(u)] ..< offsets[Int(u) + 1]]
    }

    /// The slots of `u`, to use with ``neighbors``, ``weight(atSlot:)`` and ``edge(atSlot:)``.
    ///
    /// - Parameter u: a node of the graph.
    /// - Returns: `offsets[u] ..< offsets[u + 1]`.
    /// - Complexity: O(1).
    @inlinable
    public func slots(of u: NodeIndex) -> Range<Int> { offsets[Int(u)] ..< offsets[Int(u) + 1] }

    /// The weight stored at `slot`.
    ///
    /// - Parameter slot: a slot, `0 ..< neighbors.count`.
    /// - Returns: the weight of the slot's edge, 1 when unweighted.
    /// - Complexity: O(1).
    @inlinable
    public func weight(atSlot slot: Int) -> Double { weights?[slot] ?? 1 }

    /// The edge index of the edge at `slot`.
    ///
    /// - Parameter slot: a slot, `0 ..< neighbors.count`.
    /// - Returns: the ``EdgeIndex`` of the slot's edge (the slot itself for directed out-lists).
    /// - Complexity: O(1).
    @inlinable
    public func edge(atSlot slot: Int) -> EdgeIndex {
        edgeIndices.isEmpty ? EdgeIndex(slot) : edgeIndices[slot]
    }

    /// Number of slots of `u` whose neighbour is `v`: 0 or 1 unless parallel edges were kept.
    ///
    /// - Parameters:
    ///   - u: the node whose list is searched.
    ///   - v: the neighbour counted.
    /// - Returns: the number of edges from `u` to `v` in this direction.
    /// - Complexity: O(log deg u + k) for k matches (binary search in the sorted list).
    public func count(of u: NodeIndex, among v: NodeIndex) -> Int {
        var lo = offsets[Int(u)], hi = offsets[Int(u) + 1]
        let end = hi
        while lo < hi {
            let mid = (lo + hi) >> 1
            if neighbors[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        var n = 0
        while lo < end && neighbors[lo] == v { n += 1; lo += 1 }
        return n
    }

    /// Runs `body` with unsafe buffers over the arrays, for hot loops without bounds checks.
    ///
    /// - Parameter body: called once with the offsets, the neighbours, the edge indices (empty
    ///   when each slot is its own edge index) and the weights (empty when unweighted). The
    ///   buffers are valid only during the call.
    /// - Returns: what `body` returns.
    /// - Throws: whatever `body` throws.
    /// - Complexity: O(1) besides `body`.
    @inlinable
    public func withUnsafeBuffers<R>(
        _ body: (UnsafeBufferPointer<Int>, UnsafeBufferPointer<NodeIndex>,
                 UnsafeBufferPointer<EdgeIndex>, UnsafeBufferPointer<Double>) throws -> R
    ) rethrows -> R {
        try offsets.withUnsafeBufferPointer { off in
            try neighbors.withUnsafeBufferPointer { nb in
                try edgeIndices.withUnsafeBufferPointer { ids in
                    if let weights {
                        return try weights.withUnsafeBufferPointer { w in try body(off, nb, ids, w) }
                    }
                    return try body(off, nb, ids, UnsafeBufferPointer(start: nil, count: 0))
                }
            }
        }
    }
}
