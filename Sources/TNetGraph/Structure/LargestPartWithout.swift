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
        let view = isDirected ? undirectedView() : (outgoing.offsets, outgoing.neighbors)
        let pieces = CutPieces(offsets: view.0, neighbors: view.1, present: nil)
        let sizes = pieces.partSizes
        // The two largest parts, for the parts a removal leaves elsewhere.
        var first = -1, second = 0
        for (c, size) in sizes.enumerated() {
            if first < 0 || size > sizes[first] {
                if first >= 0 { second = max(second, sizes[first]) }
                first = c
            } else {
                second = max(second, size)
            }
        }
        return (0 ..< nodeCount).map { v in
            let c = Int(pieces.part[v])
            let elsewhere = c == first ? second : (first >= 0 ? sizes[first] : 0)
            let rest = sizes[c] - 1 - Int(pieces.separatedTotal[v])
            return max(elsewhere, Int(pieces.largestSeparated[v]), rest)
        }
    }
}
