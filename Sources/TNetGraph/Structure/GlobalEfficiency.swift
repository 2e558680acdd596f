extension Graph {
    /// Global efficiency (Latora and Marchiori, "Efficient behavior of small-world networks",
    /// PRL 87, 2001), as NetworkX's `global_efficiency`: the average of 1/d(u, v) over ordered
    /// pairs of distinct nodes, d in hops (unreachable pairs count 0), on the graph read as
    /// undirected. With `present`, only those nodes count, and paths may only pass through them
    /// (`global_efficiency(G.subgraph(present))`). 0 with fewer than two nodes. One breadth-first
    /// search per node, iterative.
    ///
    /// - Parameter present: the nodes that count, by node index (nil: all).
    /// - Returns: the efficiency, in [0, 1].
    /// - Complexity: O(n·(n + m)) time, O(n) memory.
    public func globalEfficiency(present: [Bool]? = nil) -> Double {
        let n = nodeCount
        let keep = present ?? [Bool](repeating: true, count: n)
        let count = keep.filter { $0 }.count
        guard count > 1 else { return 0 }
        var distance = [Int32](repeating: -1, count: n)
        var queue = [Int32](repeating: 0, count: n)
        var total = 0.0
        for s in 0 ..< n where keep[s] {
            var head = 0, tail = 0
            queue[tail] = Int32(s); tail += 1
            distance[s] = 0
            var sum = 0.0
            while head < tail {
                let u = Int(queue[head]); head += 1
                let d = distance[u] + 1
                func visit(_ v: NodeIndex) {
                    let v = Int(v)
                    guard keep[v], distance[v] < 0 else { return }
                    distance[v] = d
                    sum += 1 / Double(d)
                    queue[tail] = Int32(v); tail += 1
                }
                for v in outgoing.neighbors(of: NodeIndex(u)) { visit(v) }
                if isDirected { for v in incoming.neighbors(of: NodeIndex(u)) { visit(v) } }
            }
            for i in 0 ..< tail { distance[Int(queue[i])] = -1 }
            total += sum
        }
        return total / (Double(count) * Double(count - 1))
    }
}
