extension Graph {
    /// Strongly connected components (NetworkX's `strongly_connected_components`): u and v share
    /// one when each reaches the other. For an undirected graph, the connected components.
    ///
    /// Tarjan's algorithm (R. Tarjan, "Depth-first search and linear graph algorithms", SIAM J.
    /// Comput. 1, 1972) with an explicit stack of (node, next slot) frames instead of recursion,
    /// so that a million-node chain does not overflow the thread's stack. `O(n + m)`.
    /// Labels are numbered in the order components are completed (a sink component first);
    /// callers renumber as they need.
    ///
    /// - Returns: the strongly connected component of every node.
    /// - Complexity: O(n + m) time, O(n) memory.
    public func stronglyConnectedComponents() -> ComponentLabels {
        guard isDirected else { return connectedComponents() }
        let n = nodeCount
        var index = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var labels = [Int32](repeating: -1, count: n)
        var stack: [NodeIndex] = []
        var frames: [(node: Int, slot: Int)] = []
        var counter: Int32 = 0, count: Int32 = 0
        outgoing.withUnsafeBuffers { off, nb, _, _ in
            for root in 0 ..< n where index[root] < 0 {
                index[root] = counter; low[root] = counter; counter += 1
                stack.append(NodeIndex(root)); onStack[root] = true
                frames.append((root, off[root]))
                while let frame = frames.last {
                    let v = frame.node
                    if frame.slot < off[v + 1] {
                        frames[frames.count - 1].slot += 1
                        let w = Int(nb[frame.slot])
                        if index[w] < 0 {
                            index[w] = counter; low[w] = counter; counter += 1
                            stack.append(NodeIndex(w)); onStack[w] = true
                            frames.append((w, off[w]))
                        } else if onStack[w] {
                            low[v] = min(low[v], index[w])
                        }
                        continue
                    }
                    // v is finished: close its component if it is a root, then report to its parent.
                    frames.removeLast()
                    if low[v] == index[v] {
                        while true {
                            let w = Int(stack.removeLast())
                            onStack[w] = false
                            labels[w] = count
                            if w == v { break }
                        }
                        count += 1
                    }
                    if let parent = frames.last?.node { low[parent] = min(low[parent], low[v]) }
                }
            }
        }
        return ComponentLabels(labels: labels, count: Int(count))
    }
}
