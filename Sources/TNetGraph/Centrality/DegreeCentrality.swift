extension Graph {
    /// Degree centrality as NetworkX's `degree_centrality`: degree / (n − 1), a self-loop
    /// counting twice; for a directed graph in + out. With one node or none, every value is 1
    /// (NetworkX's convention).
    ///
    /// - Returns: the degree centrality of every node, by node index.
    /// - Complexity: O(n).
    public func degreeCentrality() -> [Double] { scaledByNMinusOne(degrees()) }

    /// In-degree centrality as NetworkX's `in_degree_centrality`: in-degree / (n − 1) (the degree
    /// centrality when undirected).
    ///
    /// - Returns: the in-degree centrality of every node, by node index.
    /// - Complexity: O(n).
    public func inDegreeCentrality() -> [Double] { scaledByNMinusOne(inDegrees()) }

    /// Out-degree centrality as NetworkX's `out_degree_centrality`: out-degree / (n − 1) (the
    /// degree centrality when undirected).
    ///
    /// - Returns: the out-degree centrality of every node, by node index.
    /// - Complexity: O(n).
    public func outDegreeCentrality() -> [Double] { scaledByNMinusOne(outDegrees()) }

    /// Strength (`G.degree(weight="weight")`) of every node: the sum of incident edge weights,
    /// an undirected self-loop counting twice; in + out when directed. Unweighted: the degree.
    ///
    /// - Returns: the ``strength(_:)`` of every node, by node index.
    /// - Complexity: O(n + m).
    public func strengths() -> [Double] { (0 ..< nodeCount).map { strength(NodeIndex($0)) } }

    private func scaledByNMinusOne(_ d: [Int]) -> [Double] {
        guard nodeCount > 1 else { return [Double](repeating: 1, count: nodeCount) }
        let s = 1 / Double(nodeCount - 1)
        return d.map { Double($0) * s }
    }
}
