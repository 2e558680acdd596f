extension Graph {
    /// Core number of every node, as NetworkX's `core_number`: the largest k such that the node
    /// belongs to a k-core (a maximal subgraph whose nodes all have degree ≥ k within it); for a
    /// directed graph degree is in + out. Batagelj & Zaversnik (2003), "An O(m) algorithm for
    /// cores decomposition of networks": bucket sort by degree, then peel. Iterative, O(n + m).
    /// Returns `nil` when the graph has self-loops (NetworkX refuses them too: a self-loop would
    /// keep its node in every core).
    public func coreNumbers() -> [Int]? {
        guard selfLoopNodes.isEmpty else { return nil }
        let n = nodeCount
        var degree = degrees()
        let maxDegree = degree.max() ?? 0
        // Bucket sort nodes by degree: `position[v]` in `order`, `binStart[d]` first slot of degree d.
        var binStart = [Int](repeating: 0, count: maxDegree + 2)
        for d in degree { binStart[d + 1] += 1 }
        for d in 0 ..< maxDegree + 1 { binStart[d + 1] += binStart[d] }
        var order = [Int](repeating: 0, count: n)
        var position = [Int](repeating: 0, count: n)
        var fill = binStart
        for v in 0 ..< n {
            position[v] = fill[degree[v]]
            order[position[v]] = v
            fill[degree[v]] += 1
        }
        func lower(_ u: Int, below v: Int) {
            guard degree[u] > degree[v] else { return }
            // Swap u with the first node of its bin, then shrink the bin from the left.
            let du = degree[u], first = binStart[du], w = order[first]
            if w != u {
                order[position[u]] = w
                position[w] = position[u]
                order[first] = u
                position[u] = first
            }
            binStart[du] += 1
            degree[u] -= 1
        }
        for i in 0 ..< n {
            let v = order[i]
            for u in outgoing.neighbors(of: NodeIndex(v)) { lower(Int(u), below: v) }
            if isDirected { for u in incoming.neighbors(of: NodeIndex(v)) { lower(Int(u), below: v) } }
        }
        return degree
    }
}
