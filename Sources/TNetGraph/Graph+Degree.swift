extension Graph {
    /// The degree of a node, as NetworkX's `G.degree(u)`: the number of incident edge ends, a
    /// self-loop counting twice; for a directed graph, in-degree + out-degree.
    ///
    /// - Parameter u: a node of the graph.
    /// - Returns: the degree.
    /// - Complexity: O(log l) for l nodes with a self-loop (plus O(log deg u) when `u` has one).
    @inlinable
    public func degree(_ u: NodeIndex) -> Int {
        if isDirected { return outgoing.slotCount(u) + incoming.slotCount(u) }
        return outgoing.slotCount(u) + (hasSelfLoop(u) ? outgoing.count(of: u, among: u) : 0)
    }

    /// The out-degree of a node (NetworkX's `G.out_degree(u)`); for an undirected graph, the degree.
    ///
    /// - Parameter u: a node of the graph.
    /// - Returns: the number of edges leaving `u`.
    /// - Complexity: O(1) directed; undirected as ``degree(_:)``.
    @inlinable
    public func outDegree(_ u: NodeIndex) -> Int { isDirected ? outgoing.slotCount(u) : degree(u) }

    /// The in-degree of a node (NetworkX's `G.in_degree(u)`); for an undirected graph, the degree.
    ///
    /// - Parameter u: a node of the graph.
    /// - Returns: the number of edges entering `u`.
    /// - Complexity: O(1) directed; undirected as ``degree(_:)``.
    @inlinable
    public func inDegree(_ u: NodeIndex) -> Int { isDirected ? incoming.slotCount(u) : degree(u) }

    /// The weighted degree of a node (NetworkX's `G.degree(u, weight="weight")`): the sum of
    /// its incident edge weights, a self-loop counting twice in an undirected graph; in + out
    /// for a directed graph. Unweighted: the degree.
    ///
    /// - Parameter u: a node of the graph.
    /// - Returns: the strength.
    /// - Complexity: O(deg u).
    public func strength(_ u: NodeIndex) -> Double {
        var total = 0.0
        for slot in outgoing.slots(of: u) {
            let w = outgoing.weight(atSlot: slot)
            total += w
            if !isDirected && outgoing.neighbors[slot] == u { total += w }
        }
        if isDirected { for slot in incoming.slots(of: u) { total += incoming.weight(atSlot: slot) } }
        return total
    }

    /// The ``degree(_:)`` of every node (NetworkX's `dict(G.degree())`).
    ///
    /// - Returns: the degrees, by node index.
    /// - Complexity: O(n + l log d) for l nodes with a self-loop.
    public func degrees() -> [Int] {
        var result = [Int](repeating: 0, count: nodeCount)
        for u in 0 ..< nodeCount {
            result[u] = outgoing.offsets[u + 1] - outgoing.offsets[u]
            if isDirected { result[u] += incoming.offsets[u + 1] - incoming.offsets[u] }
        }
        if !isDirected {
            for u in selfLoopNodes { result[Int(u)] += outgoing.count(of: u, among: u) }
        }
        return result
    }

    /// The ``outDegree(_:)`` of every node (the degree when undirected).
    ///
    /// - Returns: the out-degrees, by node index.
    /// - Complexity: O(n).
    public func outDegrees() -> [Int] {
        isDirected ? (0 ..< nodeCount).map { outgoing.offsets[$0 + 1] - outgoing.offsets[$0] } : degrees()
    }

    /// The ``inDegree(_:)`` of every node (the degree when undirected).
    ///
    /// - Returns: the in-degrees, by node index.
    /// - Complexity: O(n).
    public func inDegrees() -> [Int] {
        isDirected ? (0 ..< nodeCount).map { incoming.offsets[$0 + 1] - incoming.offsets[$0] } : degrees()
    }

    /// Number of nodes with no incident edge (NetworkX's `number_of_isolates`; a node whose
    /// only edge is a self-loop is not isolated).
    ///
    /// - Complexity: O(n).
    public var isolatedNodeCount: Int {
        var count = 0
        for u in 0 ..< nodeCount where outgoing.offsets[u + 1] == outgoing.offsets[u]
            && (!isDirected || incoming.offsets[u + 1] == incoming.offsets[u]) {
            count += 1
        }
        return count
    }
}
