extension Graph {
    /// For every node v, the number of pairs (a, b) with `first[a]` and `second[b]`, neither of
    /// them v, that are connected in the graph (read as undirected) and are no longer connected
    /// without v: the pairs only v connects. A node in both sets makes no pair with itself.
    ///
    /// One depth-first search with low-points (``CutPieces``) for all nodes at once, instead of
    /// a components search without each node: removing v splits its part into the subtrees of
    /// the tree children c with low(c) ≥ disc(v) and the rest, and the pairs it separates are
    /// those of its part, A · B (A, B the members of each set in it but v), less those within
    /// one piece, Σ aₖ · bₖ. A subtree's members are a range of discovery times, so each aₖ is
    /// a difference of prefix sums.
    ///
    /// - Parameters:
    ///   - first: one flag per node: the first end of a pair.
    ///   - second: one flag per node: the second end.
    /// - Returns: one count per node.
    /// - Complexity: O(n + m) time and memory.
    public func separatedPairs(first: [Bool], second: [Bool]) -> [Int] {
        precondition(first.count == nodeCount && second.count == nodeCount, "one flag per node")
        let n = nodeCount
        let view = isDirected ? undirectedView() : (outgoing.offsets, outgoing.neighbors)
        let pieces = CutPieces(offsets: view.0, neighbors: view.1, present: nil)
        // Members of each set up to each discovery time, and in each part.
        var nodeAt = [Int](repeating: 0, count: n)
        for v in 0 ..< n { nodeAt[Int(pieces.discovery[v])] = v }
        var prefixA = [Int](repeating: 0, count: n + 1), prefixB = prefixA
        for t in 0 ..< n {
            prefixA[t + 1] = prefixA[t] + (first[nodeAt[t]] ? 1 : 0)
            prefixB[t + 1] = prefixB[t] + (second[nodeAt[t]] ? 1 : 0)
        }
        var partA = [Int](repeating: 0, count: pieces.partSizes.count), partB = partA
        for v in 0 ..< n {
            if first[v] { partA[Int(pieces.part[v])] += 1 }
            if second[v] { partB[Int(pieces.part[v])] += 1 }
        }
        return (0 ..< n).map { v in
            let p = Int(pieces.part[v])
            let a = partA[p] - (first[v] ? 1 : 0), b = partB[p] - (second[v] ? 1 : 0)
            var within = 0, restA = a, restB = b
            for k in pieces.separatedChildren(of: v) {
                let s = Int(pieces.starts[k]), e = Int(pieces.ends[k])
                let ak = prefixA[e] - prefixA[s], bk = prefixB[e] - prefixB[s]
                within += ak * bk
                restA -= ak; restB -= bk
            }
            within += restA * restB
            return a * b - within
        }
    }
}
