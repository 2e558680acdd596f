extension Graph {
    /// Nodes of the k-core (NetworkX's `k_core(G, k)`): the largest subgraph in which every node
    /// has at least k neighbours (degree in + out when directed), found from the core numbers;
    /// `k` nil is the innermost core (the largest core number). Nil when the graph has
    /// self-loops, as ``coreNumbers(threads:)``.
    ///
    /// - Parameter k: the core wanted, nil for the innermost.
    /// - Returns: whether each node is in the k-core, by node index; nil with self-loops.
    /// - Complexity: O(n + m).
    public func kCore(_ k: Int? = nil) -> [Bool]? {
        guard let core = coreNumbers() else { return nil }
        let level = k ?? core.max() ?? 0
        return core.map { $0 >= level }
    }
}
