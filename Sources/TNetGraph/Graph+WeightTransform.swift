extension Graph {
    /// The same graph with every edge weight replaced by `transform(weight)`: how a projection
    /// turns combined tie strengths into lengths (or back) after parallel edges are merged.
    /// An unweighted graph is returned unchanged.
    ///
    /// - Parameter transform: the new weight of an edge, from its weight.
    /// - Returns: a graph with the same nodes, edges and edge indices.
    /// - Complexity: O(m) (the adjacency arrays are shared, the weights copied).
    public func mappingWeights(_ transform: (Double) -> Double) -> Graph {
        guard let w = outgoing.weights else { return self }
        let out = Adjacency(offsets: outgoing.offsets, neighbors: outgoing.neighbors,
                            edgeIndices: outgoing.edgeIndices, weights: w.map(transform))
        let into: Adjacency
        if isDirected, let wi = incoming.weights {
            into = Adjacency(offsets: incoming.offsets, neighbors: incoming.neighbors,
                             edgeIndices: incoming.edgeIndices, weights: wi.map(transform))
        } else {
            into = out
        }
        return Graph(isDirected: isDirected, nodeCount: nodeCount, edgeCount: edgeCount,
                     outgoing: out, incoming: into, selfLoopNodes: selfLoopNodes)
    }
}

extension Graph {
    /// The weight of the edge `u → v` (`u – v` when undirected), as NetworkX's
    /// `G[u][v].get("weight", 1)`.
    ///
    /// - Parameters:
    ///   - u: the edge's source.
    ///   - v: the edge's target.
    /// - Returns: the weight (1 when unweighted; the first copy's when parallel edges were
    ///   kept), or nil when there is no such edge.
    /// - Complexity: O(log deg u).
    public func tieWeight(_ u: NodeIndex, _ v: NodeIndex) -> Double? {
        var lo = outgoing.offsets[Int(u)], hi = outgoing.offsets[Int(u) + 1]
        let end = hi
        while lo < hi {
            let mid = (lo + hi) >> 1
            if outgoing.neighbors[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        guard lo < end, outgoing.neighbors[lo] == v else { return nil }
        return outgoing.weight(atSlot: lo)
    }
}
