extension Graph {
    /// Degree as NetworkX's `G.degree(u)`: number of incident edge ends, a self-loop counting
    /// twice; for a directed graph, in-degree + out-degree.
    @inlinable
    public func degree(_ u: NodeIndex) -> Int {
        if isDirected { return outgoing.slotCount(u) + incoming.slotCount(u) }
        return outgoing.slotCount(u) + (hasSelfLoop(u) ? outgoing.count(of: u, among: u) : 0)
    }

    /// Out-degree (`G.out_degree(u)`); for an undirected graph, the degree.
    @inlinable
    public func outDegree(_ u: NodeIndex) -> Int { isDirected ? outgoing.slotCount(u) : degree(u) }

    /// In-degree (`G.in_degree(u)`); for an undirected graph, the degree.
    @inlinable
    public func inDegree(_ u: NodeIndex) -> Int { isDirected ? incoming.slotCount(u) : degree(u) }

    /// Weighted degree (`G.degree(u, weight="weight")`): sum of incident edge weights, a
    /// self-loop counting twice in an undirected graph; in + out for a directed graph.
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

    /// ``degree(_:)`` of every node, in one `O(n + loops)` pass.
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

    /// Out-degree of every node (the degree when undirected).
    public func outDegrees() -> [Int] {
        isDirected ? (0 ..< nodeCount).map { outgoing.offsets[$0 + 1] - outgoing.offsets[$0] } : degrees()
    }

    /// In-degree of every node (the degree when undirected).
    public func inDegrees() -> [Int] {
        isDirected ? (0 ..< nodeCount).map { incoming.offsets[$0 + 1] - incoming.offsets[$0] } : degrees()
    }

    /// Number of nodes with no incident edge (NetworkX's `number_of_isolates`; a node whose
    /// only edge is a self-loop is not isolated).
    public var isolatedNodeCount: Int {
        var count = 0
        for u in 0 ..< nodeCount where outgoing.offsets[u + 1] == outgoing.offsets[u]
            && (!isDirected || incoming.offsets[u + 1] == incoming.offsets[u]) {
            count += 1
        }
        return count
    }
}
