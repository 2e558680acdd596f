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
    /// sets; the best result. A heuristic: the optimum is NP-hard.
    /// `starts`: further sets to improve from (a ranking's top k, say): the result is then never
    /// worse than any of them.
    ///
    /// Each greedy step, and each member tried for a swap, is one
    /// ``removalGains(present:candidates:sampling:threads:progress:)`` pass, which evaluates
    /// every candidate at once; with `sampling` above its exact limit the passes and the final
    /// fragmentation are estimated from the same sampled sources.
    ///
    /// - Parameters:
    ///   - k: the number of nodes wanted (at most the number of candidates).
    ///   - candidates: the nodes that may be chosen, by node index.
    ///   - seed: the seed of the random starts and of the swap order.
    ///   - restarts: the number of random starts.
    ///   - starts: further sets of k candidates to improve from.
    ///   - sampling: exact or sampled fragmentation (``EfficiencySampling``).
    ///   - threads: worker threads (the result does not depend on them).
    ///   - progress: told the fraction of starts done.
    /// - Returns: the set, ascending, and the fragmentation it leaves.
    /// - Complexity: O((1 + restarts + starts) · r · k) passes for r swap rounds (at most 100).
    public func keyPlayerSet(_ k: Int, candidates: [Bool], seed: UInt64 = 0, restarts: Int = 8,
                             starts: [[NodeIndex]] = [], sampling: EfficiencySampling = EfficiencySampling(),
                             threads: Int = 1, progress: ProgressHandler? = nil) -> (nodes: [NodeIndex], fragmentation: Double) {
        precondition(candidates.count == nodeCount)
        let pool = (0 ..< nodeCount).filter { candidates[$0] }
        let k = min(k, pool.count)
        guard k > 0 else { return ([], fragmentationEstimate(sampling: sampling, threads: threads).value) }
        var rng = SplitMix64(seed: seed)
        let validStarts = starts.filter { $0.count == k && $0.allSatisfy { candidates[Int($0)] } }
        // Steps: the greedy start, its improvement, each start given, each random restart
        // (helper-55: the greedy step was counted but never told, so the fraction stopped at 80 %).
        let total = Double(2 + validStarts.count + (pool.count > k ? restarts : 0))
        var done = 0.0
        progress?(0)
        // The candidate whose removal raises fragmentation most; ties (to 12 decimals) to `keep`,
        // then to the lower index.
        func best(_ present: [Bool], keep: Int? = nil) -> Int {
            let mask = (0 ..< nodeCount).map { candidates[$0] && present[$0] }
            let gains = removalGains(present: present, candidates: mask, sampling: sampling, threads: threads).gains
            var best = keep ?? -1, bestValue = keep.map { Self.tieScore(gains[$0]) } ?? -Double.infinity
            for v in pool where mask[v] && Self.tieScore(gains[v]) > bestValue { bestValue = Self.tieScore(gains[v]); best = v }
            return best
        }
        // Greedy start.
        var present = [Bool](repeating: true, count: nodeCount)
        var chosen: [Int] = []
        for _ in 0 ..< k {
            let v = best(present)
            present[v] = false
            chosen.append(v)
        }
        done += 1
        progress?(done / total)
        // Swap improvement: for each chosen node, in a seeded random order, the best swap with an
        // unchosen candidate is made when it raises fragmentation, until a round makes none.
        func improve(_ start: [Int]) -> (nodes: [Int], fragmentation: Double) {
            var chosen = start
            var present = [Bool](repeating: true, count: nodeCount)
            for v in chosen { present[v] = false }
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
                    let v = best(present, keep: out)
                    present[v] = false
                    if v != out { chosen[slot] = v; improved = true }
                }
            }
            done += 1
            progress?(min(1, done / total))
            return (chosen, fragmentationEstimate(present: present, sampling: sampling, threads: threads).value)
        }
        var result = improve(chosen)
        for start in validStarts {
            let candidate = improve(start.map(Int.init))
            if candidate.fragmentation > result.fragmentation + 1e-12 { result = candidate }
        }
        // Seeded random starts (Borgatti: the swap search has plateaus; on the 5-node path the
        // greedy {a, c} cannot reach the optimum {b, d} by one improving swap).
        for _ in 0 ..< restarts where pool.count > k {
            var shuffled = pool
            rng.shuffle(&shuffled)
            let candidate = improve(Array(shuffled.prefix(k)))
            if candidate.fragmentation > result.fragmentation + 1e-12 { result = candidate }
        }
        return (result.nodes.sorted().map { NodeIndex($0) }, result.fragmentation)
    }

    /// A gain rounded to 12 decimals, so that gains equal in exact arithmetic but summed in
    /// another order tie (and the lower index, or the member kept, wins).
    static func tieScore(_ x: Double) -> Double { x.isFinite ? (x * 1e12).rounded() / 1e12 : -.infinity }
}
