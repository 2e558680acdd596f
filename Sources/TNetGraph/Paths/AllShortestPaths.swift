extension Graph {
    /// Every shortest path from `source` to `target` (NetworkX's `all_shortest_paths`), at most
    /// `limit` of them (their number can grow exponentially), in lexicographic order of their
    /// node indices. Ties are exact equality of summed costs, as NetworkX. Empty when the target
    /// is not reached. `options.maxHops` is ignored: the shortest paths are those of least cost.
    ///
    /// One search from the source, then a walk back from the target over the predecessor graph
    /// (u precedes v when `d(u) + w(u, v) == d(v)`), with an explicit stack: no recursion.
    ///
    /// - Parameters:
    ///   - source: where the paths start.
    ///   - target: where they end.
    ///   - options: weights, direction and blocked nodes (the hop limit is ignored).
    ///   - limit: the most paths listed.
    /// - Returns: the paths, each source first, in lexicographic order of node indices.
    /// - Complexity: O(n + m log m) for the search, then O(p · L + m) for p paths of L nodes
    ///   (plus sorting them); O(n + p · L) memory.
    public func allShortestPaths(from source: NodeIndex, to target: NodeIndex,
                                 options: PathSearchOptions = PathSearchOptions(), limit: Int = 10_000) -> [[NodeIndex]] {
        var search = options
        search.maxHops = nil
        let tree = shortestPathTree(from: source, options: search)
        guard tree.reaches(target), limit > 0 else { return [] }
        let dist = tree.distance
        let weighted = options.weighted && isWeighted
        // Predecessors of v: walk v's lists the other way.
        let back: [Adjacency]
        if !isDirected {
            back = [outgoing]
        } else {
            switch options.direction {
            case .forward: back = [incoming]
            case .reverse: back = [outgoing]
            case .both: back = [outgoing, incoming]
            }
        }
        func predecessors(_ v: NodeIndex) -> [NodeIndex] {
            var result: [NodeIndex] = []
            for adjacency in back {
                for slot in adjacency.slots(of: v) {
                    let u = adjacency.neighbors[slot]
                    guard dist[Int(u)] < .infinity, u != v, options.blocked?[Int(u)] != true || u == source else { continue }
                    let step = weighted ? adjacency.weight(atSlot: slot) : 1
                    if dist[Int(u)] + step == dist[Int(v)] && !result.contains(u) { result.append(u) }
                }
            }
            return result.sorted()
        }
        // Paths are built from the target back to the source; to list them in lexicographic
        // order from the source, enumerate all and sort (bounded by `limit`).
        var paths: [[NodeIndex]] = []
        var stack: [(node: NodeIndex, preds: [NodeIndex], next: Int)] = [(target, predecessors(target), 0)]
        var memo: [NodeIndex: [NodeIndex]] = [:]
        // Nodes on the stack: zero-cost edges can make the predecessor graph cyclic.
        var onStack: Set<NodeIndex> = [target]
        while !stack.isEmpty && paths.count < limit {
            let top = stack.count - 1
            if stack[top].node == source {
                paths.append(stack.map(\.node).reversed())
                onStack.remove(stack.removeLast().node)
                continue
            }
            if stack[top].next == stack[top].preds.count {
                onStack.remove(stack.removeLast().node)
                continue
            }
            let u = stack[top].preds[stack[top].next]
            stack[top].next += 1
            guard onStack.insert(u).inserted else { continue }
            let preds = memo[u] ?? predecessors(u)
            memo[u] = preds
            stack.append((u, preds, 0))
        }
        return paths.sorted { $0.lexicographicallyPrecedes($1) }
    }
}
