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
        var order = [Int32](repeating: 0, count: n)
        var position = [Int32](repeating: 0, count: n)
        var fill = binStart
        for v in 0 ..< n {
            position[v] = Int32(fill[degree[v]])
            order[Int(position[v])] = Int32(v)
            fill[degree[v]] += 1
        }
        let lists = isDirected ? [outgoing, incoming] : [outgoing]
        degree.withUnsafeMutableBufferPointer { deg in
        binStart.withUnsafeMutableBufferPointer { bin in
        order.withUnsafeMutableBufferPointer { ord in
        position.withUnsafeMutableBufferPointer { pos in
            for i in 0 ..< n {
                let v = Int(ord[i])
                let dv = deg[v]
                for adjacency in lists {
                    adjacency.withUnsafeBuffers { off, nb, _, _ in
                        for slot in off[v] ..< off[v + 1] {
                            let u = Int(nb[slot])
                            let du = deg[u]
                            guard du > dv else { continue }
                            // Swap u with the first node of its bin, then shrink the bin from the left.
                            let first = bin[du], w = Int(ord[first]), pu = Int(pos[u])
                            if w != u {
                                ord[pu] = Int32(w)
                                pos[w] = Int32(pu)
                                ord[first] = Int32(u)
                                pos[u] = Int32(first)
                            }
                            bin[du] = first + 1
                            deg[u] = du - 1
                        }
                    }
                }
            }
        }
        }
        }
        }
        return degree
    }
}
