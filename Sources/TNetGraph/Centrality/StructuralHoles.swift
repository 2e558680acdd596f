extension Graph {
    /// Burt's constraint, as NetworkX's `constraint(G, weight=…)`.
    ///
    /// With mutual weights m_ij = a_ij + a_ji (a_ij the weight of i → j, 1 when unweighted; an
    /// undirected edge gives a_ij = a_ji, so m_ij = 2w; a self-loop gives m_ii = 2w) and
    /// proportional ties p_ij = m_ij / Σ_k m_ik, the constraint of i is
    /// Σ_j (p_ij + Σ_q p_iq p_qj)² over i's contacts j (in- and out-neighbours, and i itself when
    /// it has a self-loop, as NetworkX's matrix form counts it).
    /// Undefined (NaN) for a node with no contact other than itself. NetworkX 3.6 decides that
    /// case by `row sum − 2 × normalised diagonal == 0`, which also marks a node whose only
    /// edge is a self-loop of weight 1 but not one of another weight, and can mark a weighted
    /// node by coincidence; tnet marks exactly the nodes without other contacts.
    /// Reference: Burt (1992), *Structural Holes*, ch. 2.
    ///
    /// - Parameter weighted: use edge weights for a_ij (NetworkX's `weight="weight"`).
    /// - Returns: the constraint of every node, by node index.
    /// - Complexity: O(Σ_i Σ_{q ∈ N(i)} deg q) time, O(n + m) memory.
    public func constraint(weighted: Bool = false) -> [Double] {
        let mutual = MutualWeights(self, weighted: weighted)
        let n = nodeCount
        var result = [Double](repeating: .nan, count: n)
        var indirect = [Double](repeating: 0, count: n)
        for i in 0 ..< n where mutual.hasOtherContact(i) {
            let total = mutual.rowSum[i]
            for s in mutual.slots(i) {
                let q = mutual.neighbor[s], piq = mutual.weight[s] / total
                let sq = mutual.rowSum[q]
                for t in mutual.slots(q) { indirect[mutual.neighbor[t]] += piq * mutual.weight[t] / sq }
            }
            var c = 0.0
            for s in mutual.slots(i) {
                let pij = mutual.weight[s] / total
                guard pij > 0 else { continue }
                let x = pij + indirect[mutual.neighbor[s]]
                c += x * x
            }
            result[i] = c
            for s in mutual.slots(i) {
                for t in mutual.slots(mutual.neighbor[s]) { indirect[mutual.neighbor[t]] = 0 }
            }
        }
        return result
    }

    /// Burt's effective size, as NetworkX documents `effective_size(G, weight=…)`:
    /// Σ_j (1 − Σ_q p_iq m_jq / max_k m_jk) over i's contacts j, with m and p as in
    /// ``constraint(weighted:)`` (i itself counts as a contact when it has a self-loop). For an
    /// unweighted undirected graph without self-loops this is Borgatti's n − 2t/n of the ego
    /// network. NaN for a node with no contact other than itself.
    ///
    /// Equal to NetworkX 3.6's all-nodes result on unweighted undirected graphs. When weighted or
    /// directed, that result (a sparse-matrix shortcut) divides m_jq by q's strongest tie
    /// instead of j's; tnet follows the documented formula, which NetworkX's per-node path
    /// (`nodes=[...]`) computes. That path leaves nodes without out-edges undefined; tnet
    /// counts their in-contacts, as the matrix form does.
    /// Reference: Burt (1992); Borgatti (1997), "Structural holes: unpacking Burt's redundancy
    /// measures".
    ///
    /// - Parameter weighted: use edge weights for a_ij (NetworkX's `weight="weight"`).
    /// - Returns: the effective size of every node, by node index.
    /// - Complexity: O(Σ_i Σ_{j ∈ N(i)} deg j) time, O(n + m) memory.
    public func effectiveSize(weighted: Bool = false) -> [Double] {
        let mutual = MutualWeights(self, weighted: weighted)
        let n = nodeCount
        var result = [Double](repeating: .nan, count: n)
        var share = [Double](repeating: 0, count: n)
        for i in 0 ..< n where mutual.hasOtherContact(i) {
            let total = mutual.rowSum[i]
            for s in mutual.slots(i) { share[mutual.neighbor[s]] = mutual.weight[s] / total }
            var size = 0.0
            for s in mutual.slots(i) {
                guard mutual.weight[s] / total > 0 else { continue }
                let j = mutual.neighbor[s], top = mutual.rowMax[j]
                var redundancy = 0.0
                for t in mutual.slots(j) { redundancy += share[mutual.neighbor[t]] * mutual.weight[t] / top }
                size += 1 - redundancy
            }
            result[i] = size
            for s in mutual.slots(i) { share[mutual.neighbor[s]] = 0 }
        }
        return result
    }
}

/// The symmetric mutual-weight matrix m = A + Aᵀ of a graph in CSR form (contacts sorted).
struct MutualWeights {
    var offsets: [Int]
    var neighbor: [Int]
    var weight: [Double]
    var rowSum: [Double]
    var rowMax: [Double]

    init(_ g: Graph, weighted: Bool) {
        let n = g.nodeCount
        let useWeights = weighted && g.isWeighted
        offsets = [0]
        offsets.reserveCapacity(n + 1)
        neighbor = []
        weight = []
        rowSum = [Double](repeating: 0, count: n)
        rowMax = [Double](repeating: 0, count: n)
        func w(_ a: Adjacency, _ slot: Int) -> Double { useWeights ? a.weight(atSlot: slot) : 1 }
        for u in 0 ..< n {
            let node = NodeIndex(u)
            // Merge out-slots and in-slots (undirected: the one list, counted twice), summing
            // equal neighbours.
            var a = g.outgoing.slots(of: node).makeIterator()
            var b = (g.isDirected ? g.incoming.slots(of: node) : g.outgoing.slots(of: node)).makeIterator()
            let bList = g.isDirected ? g.incoming : g.outgoing
            var x = a.next(), y = b.next()
            while x != nil || y != nil {
                let vx = x.map { Int(g.outgoing.neighbors[$0]) } ?? Int.max
                let vy = y.map { Int(bList.neighbors[$0]) } ?? Int.max
                let v = min(vx, vy)
                var m = 0.0
                if vx == v { m += w(g.outgoing, x!); x = a.next() }
                if vy == v { m += w(bList, y!); y = b.next() }
                if let last = neighbor.last, neighbor.count > offsets[u], last == v {
                    weight[weight.count - 1] += m  // parallel edges kept by the builder
                } else {
                    neighbor.append(v)
                    weight.append(m)
                }
            }
            offsets.append(neighbor.count)
            for s in offsets[u] ..< offsets[u + 1] {
                rowSum[u] += weight[s]
                rowMax[u] = max(rowMax[u], weight[s])
            }
        }
    }

    func slots(_ u: Int) -> Range<Int> { offsets[u] ..< offsets[u + 1] }

    /// Whether `u` has a contact other than itself.
    func hasOtherContact(_ u: Int) -> Bool {
        slots(u).contains { neighbor[$0] != u }
    }
}
