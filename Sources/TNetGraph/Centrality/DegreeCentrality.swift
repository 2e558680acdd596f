extension Graph {
    /// Degree centrality as NetworkX's `degree_centrality`: degree / (n − 1), a self-loop
    /// counting twice; for a directed graph in + out. With one node or none, every value is 1
    /// (NetworkX's convention).
    public func degreeCentrality() -> [Double] { scaledByNMinusOne(degrees()) }

    /// `in_degree_centrality`: in-degree / (n − 1) (the degree centrality when undirected).
    public func inDegreeCentrality() -> [Double] { scaledByNMinusOne(inDegrees()) }

    /// `out_degree_centrality`: out-degree / (n − 1) (the degree centrality when undirected).
    public func outDegreeCentrality() -> [Double] { scaledByNMinusOne(outDegrees()) }

    /// Strength (`G.degree(weight="weight")`) of every node: the sum of incident edge weights,
    /// an undirected self-loop counting twice; in + out when directed. Unweighted: the degree.
    public func strengths() -> [Double] { (0 ..< nodeCount).map { strength(NodeIndex($0)) } }

    private func scaledByNMinusOne(_ d: [Int]) -> [Double] {
        guard nodeCount > 1 else { return [Double](repeating: 1, count: nodeCount) }
        let s = 1 / Double(nodeCount - 1)
        return d.map { Double($0) * s }
    }
}
