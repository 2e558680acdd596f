extension Graph {
    /// For every node v, the number of nodes in the largest connected part of the graph without v
    /// (read as undirected; v itself not counted): what ``connectedComponents()`` of the graph
    /// with v's links removed would give as its largest part among the other nodes.
    ///
    /// One depth-first search with low-points (Hopcroft and Tarjan), explicit stack, no
    /// recursion: removing v splits its component into the subtrees of the tree children c with
    /// low(c) ≥ disc(v), each a part of its own, and the rest; the other components stay.
    ///
    /// - Returns: one size per node.
    /// - Complexity: O(n + m) time and memory.
    public func largestPartWithout() -> [Int] {
        let n = nodeCount
        let (off, nb) = undirectedView()
        var discovery = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var subtree = [Int](repeating: 1, count: n)
        var component = [Int32](repeating: 0, count: n)
        // Per node: the largest part split off below it, and the nodes split off in all.
        var largestBelow = [Int](repeating: 0, count: n)
        var splitOff = [Int](repeating: 0, count: n)
        var componentSizes: [Int] = []
        struct Frame { var node: Int; var slot: Int }
        var frames: [Frame] = []
        var time: Int32 = 0
        for root in 0 ..< n where discovery[root] < 0 {
            let label = Int32(componentSizes.count)
            discovery[root] = time; low[root] = time; time += 1
            component[root] = label
            frames.append(Frame(node: root, slot: off[root]))
            while let top = frames.last {
                let v = top.node
                if top.slot < off[v + 1] {
                    let w = Int(nb[top.slot])
                    frames[frames.count - 1].slot += 1
                    if discovery[w] < 0 {
                        discovery[w] = time; low[w] = time; time += 1
                        component[w] = label
                        frames.append(Frame(node: w, slot: off[w]))
                    } else {
                        low[v] = min(low[v], discovery[w])
                    }
                    continue
                }
                frames.removeLast()
                guard let parent = frames.last?.node else { continue }
                low[parent] = min(low[parent], low[v])
                subtree[parent] += subtree[v]
                if low[v] >= discovery[parent] {
                    largestBelow[parent] = max(largestBelow[parent], subtree[v])
                    splitOff[parent] += subtree[v]
                }
            }
            componentSizes.append(subtree[root])
        }
        // The two largest components, for the parts a removal leaves elsewhere.
        var first = -1, second = 0
        for (c, size) in componentSizes.enumerated() {
            if first < 0 || size > componentSizes[first] {
                if first >= 0 { second = max(second, componentSizes[first]) }
                first = c
            } else {
                second = max(second, size)
            }
        }
        return (0 ..< n).map { v in
            let c = Int(component[v])
            let elsewhere = c == first ? second : (first >= 0 ? componentSizes[first] : 0)
            let rest = componentSizes[c] - 1 - splitOff[v]
            return max(elsewhere, largestBelow[v], rest)
        }
    }
}
