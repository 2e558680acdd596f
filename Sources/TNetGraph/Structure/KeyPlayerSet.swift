extension Graph {
    /// Borgatti's distance-weighted fragmentation of the graph without the nodes not `present`:
    /// DF = 1 − Σ_{i≠j} (1/d_ij) / (n(n − 1)) over the n nodes left, unreachable pairs adding 0
    /// (Borgatti, "Identifying sets of key players in a social network", Comput. Math. Organ.
    /// Theory 12, 2006, eq. 9). It is 1 − ``globalEfficiency(present:)``: 0 for a complete
    /// graph, 1 when no two nodes left are linked.
    ///
    /// - Parameter present: the nodes left, by node index (nil: all).
    /// - Returns: the fragmentation, in [0, 1].
    /// - Complexity: O(n·(n + m)) time, O(n) memory.
    public func fragmentation(present: [Bool]? = nil) -> Double {
        1 - globalEfficiency(present: present)
    }

    /// The key-player problem, negative side (KPP-Neg): `k` nodes among the `candidates` whose
    /// joint removal leaves the rest most fragmented (``fragmentation(present:)``).
    ///
    /// Greedy start (each step adds the candidate whose removal raises fragmentation most, ties to
    /// the lower index), then Borgatti's swap improvement; the same from `restarts` seeded random
    /// sets; the best result. A heuristic: the optimum is NP-hard. Cost O(k · c · n · m) for the
    /// greedy start and as much per swap round (c candidates).
    /// `starts`: further sets to improve from (a ranking's top k, say): the result is then never
    /// worse than any of them.
    ///
    /// - Parameters:
    ///   - k: the number of nodes wanted (at most the number of candidates).
    ///   - candidates: the nodes that may be chosen, by node index.
    ///   - seed: the seed of the random starts and of the swap order.
    ///   - restarts: the number of random starts.
    ///   - starts: further sets of k candidates to improve from.
    /// - Returns: the set, ascending, and the fragmentation it leaves.
    /// - Complexity: O((1 + restarts + starts) · r · k · c · n · (n + m)) time for r swap rounds
    ///   (at most 100) over c candidates; O(n) memory.
    public func keyPlayerSet(_ k: Int, candidates: [Bool], seed: UInt64 = 0, restarts: Int = 8,
                             starts: [[NodeIndex]] = []) -> (nodes: [NodeIndex], fragmentation: Double) {
        precondition(candidates.count == nodeCount)
        let pool = (0 ..< nodeCount).filter { candidates[$0] }
        let k = min(k, pool.count)
        guard k > 0 else { return ([], fragmentation()) }
        var rng = SplitMix64(seed: seed)
        // Greedy start.
        var present = [Bool](repeating: true, count: nodeCount)
        var chosen: [Int] = []
        for _ in 0 ..< k {
            var best = -1, bestValue = -Double.infinity
            for v in pool where present[v] {
                present[v] = false
                let value = fragmentation(present: present)
                present[v] = true
                if value > bestValue { bestValue = value; best = v }
            }
            present[best] = false
            chosen.append(best)
        }
        var result = improve(chosen, pool: pool, rng: &rng)
        for start in starts where start.count == k && start.allSatisfy({ candidates[Int($0)] }) {
            let candidate = improve(start.map(Int.init), pool: pool, rng: &rng)
            if candidate.fragmentation > result.fragmentation + 1e-12 { result = candidate }
        }
        // Seeded random starts (Borgatti: the swap search has plateaus; on the 5-node path the
        // greedy {a, c} cannot reach the optimum {b, d} by one improving swap).
        for _ in 0 ..< restarts where pool.count > k {
            var shuffled = pool
            rng.shuffle(&shuffled)
            let candidate = improve(Array(shuffled.prefix(k)), pool: pool, rng: &rng)
            if candidate.fragmentation > result.fragmentation + 1e-12 { result = candidate }
        }
        return (result.nodes.sorted().map { NodeIndex($0) }, result.fragmentation)
    }

    /// Swap improvement: for each chosen node, in a seeded random order, the best swap with an
    /// unchosen candidate is made when it raises fragmentation, until a round makes none.
    private func improve(_ start: [Int], pool: [Int], rng: inout SplitMix64) -> (nodes: [Int], fragmentation: Double) {
        var chosen = start
        var present = [Bool](repeating: true, count: nodeCount)
        for v in chosen { present[v] = false }
        var current = fragmentation(present: present)
        var improved = true
        var rounds = 0
        while improved && rounds < 100 {
            improved = false
            rounds += 1
            var order = Array(chosen.indices)
            rng.shuffle(&order)
            for slot in order {
                let out = chosen[slot]
                present[out] = true
                var best = out, bestValue = current
                for v in pool where present[v] && v != out {
                    present[v] = false
                    let value = fragmentation(present: present)
                    present[v] = true
                    if value > bestValue + 1e-12 { bestValue = value; best = v }
                }
                present[best] = false
                if best != out { chosen[slot] = best; current = bestValue; improved = true }
            }
        }
        return (chosen, current)
    }
}
