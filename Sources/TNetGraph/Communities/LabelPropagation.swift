extension Graph {
    /// Asynchronous label propagation (Raghavan, Albert and Kumara, "Near linear time algorithm
    /// to detect community structures in large-scale networks", Phys. Rev. E 2007), as
    /// NetworkX's `asyn_lpa_communities`: every node starts with its own label; in a seeded
    /// random order each node takes the label that weighs most among its (out-)neighbours,
    /// keeping its own when that is among the best, else one of the best drawn at random; sweeps
    /// repeat until no label changes (or `maxSweeps`). Isolated nodes keep their own label.
    /// Communities are connected in practice but not guaranteed to be.
    ///
    /// - Parameters:
    ///   - weighted: labels weigh by edge weight (NetworkX's `weight="weight"`), else 1 per edge.
    ///   - seed: the seed of the node order and of the draws among tied labels.
    ///   - maxSweeps: the most sweeps.
    /// - Returns: the communities, their modularity, and the number of sweeps as `levels`.
    /// - Complexity: O(n + m) per sweep, O(n) memory.
    public func labelPropagation(weighted: Bool = true, seed: UInt64 = 0, maxSweeps: Int = 1_000) -> Communities {
        let n = nodeCount
        var label = (0 ..< n).map { $0 }
        var rng = SplitMix64(seed: seed)
        var order = (0 ..< n).map { $0 }
        var weightOf = [Double](repeating: 0, count: n)
        var touched: [Int] = []
        var best: [Int] = []
        var sweeps = 0
        let useWeights = weighted && isWeighted
        outgoing.withUnsafeBuffers { off, nb, _, w in
            var changed = true
            while changed && sweeps < maxSweeps {
                changed = false
                sweeps += 1
                rng.shuffle(&order)
                for u in order where off[u] < off[u + 1] {
                    for s in off[u] ..< off[u + 1] {
                        let l = label[Int(nb[s])]
                        if weightOf[l] == 0 { touched.append(l) }
                        weightOf[l] += useWeights ? w[s] : 1
                    }
                    var top = -Double.infinity
                    for l in touched where weightOf[l] >= top {
                        if weightOf[l] > top { top = weightOf[l]; best.removeAll(keepingCapacity: true) }
                        best.append(l)
                    }
                    if !best.contains(label[u]) {
                        label[u] = best[Int(rng.next() % UInt64(best.count))]
                        changed = true
                    }
                    for l in touched { weightOf[l] = 0 }
                    touched.removeAll(keepingCapacity: true)
                    best.removeAll(keepingCapacity: true)
                }
            }
        }
        return Communities(labels: label, modularity: modularity(label, weighted: useWeights), levels: sweeps)
    }
}
