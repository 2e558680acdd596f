/// A partition of the nodes into components.
public struct ComponentLabels: Sendable, Equatable {
    /// Component of each node, `0 ..< count`, numbered in order of each component's smallest node.
    public let labels: [Int32]
    /// Number of components (isolated nodes are components of size 1).
    public let count: Int

    /// Size of every component, by label.
    ///
    /// - Complexity: O(n).
    public var sizes: [Int] {
        var sizes = [Int](repeating: 0, count: count)
        for c in labels { sizes[Int(c)] += 1 }
        return sizes
    }
}

extension Graph {
    /// Connected components of an undirected graph, weakly connected components of a directed one
    /// (NetworkX's `connected_components` / `weakly_connected_components`).
    ///
    /// Iterative breadth-first search with one queue array: `O(n + m)` time, no recursion, so a
    /// million-node chain is fine.
    ///
    /// - Returns: the component of every node, numbered in order of smallest node.
    /// - Complexity: O(n + m) time, O(n) memory.
    public func connectedComponents() -> ComponentLabels {
        let n = nodeCount
        var labels = [Int32](repeating: -1, count: n)
        var queue = [NodeIndex](repeating: 0, count: n)
        var count: Int32 = 0
        outgoing.withUnsafeBuffers { outOff, outNb, _, _ in
            incoming.withUnsafeBuffers { inOff, inNb, _, _ in
                labels.withUnsafeMutableBufferPointer { label in
                    queue.withUnsafeMutableBufferPointer { q in
                        for root in 0 ..< n where label[root] < 0 {
                            label[root] = count
                            var head = 0, tail = 0
                            q[tail] = NodeIndex(root); tail += 1
                            while head < tail {
                                let u = Int(q[head]); head += 1
                                for slot in outOff[u] ..< outOff[u + 1] {
                                    let v = Int(outNb[slot])
                                    if label[v] < 0 { label[v] = count; q[tail] = NodeIndex(v); tail += 1 }
                                }
                                if isDirected {
                                    for slot in inOff[u] ..< inOff[u + 1] {
                                        let v = Int(inNb[slot])
                                        if label[v] < 0 { label[v] = count; q[tail] = NodeIndex(v); tail += 1 }
                                    }
                                }
                            }
                            count += 1
                        }
                    }
                }
            }
        }
        return ComponentLabels(labels: labels, count: Int(count))
    }
}
