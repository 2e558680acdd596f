/// Parameters of PageRank, NetworkX's defaults.
public struct PageRankOptions: Sendable, Hashable {
    /// Damping factor α.
    public var damping: Double = 0.85
    /// Stop when the L1 change of an iteration is below n × tolerance (NetworkX's rule).
    public var tolerance: Double = 1e-6
    /// NetworkX's `max_iter`: the most iterations before ``PowerIterationError``.
    public var maxIterations: Int = 100
    /// Edge weights as transition strengths (`weight="weight"`); otherwise every edge counts 1.
    public var weighted: Bool = false
    /// Teleport distribution (NetworkX's `personalization`), by node index; normalised to sum 1.
    /// `nil`: uniform. Must have a positive sum.
    public var personalization: [Double]? = nil
    /// Where dangling nodes' rank goes (NetworkX's `dangling`), by node index; normalised to
    /// sum 1. `nil`: the personalization vector (NetworkX's default).
    public var dangling: [Double]? = nil

    /// Options with NetworkX's defaults, unless given.
    ///
    /// - Parameters:
    ///   - damping: the damping factor α (NetworkX's `alpha`).
    ///   - tolerance: NetworkX's `tol`.
    ///   - maxIterations: NetworkX's `max_iter`.
    ///   - weighted: use edge weights (`weight="weight"`).
    ///   - personalization: the teleport distribution by node index, nil for uniform.
    ///   - dangling: where dangling nodes' rank goes, nil for the personalization.
    public init(damping: Double = 0.85, tolerance: Double = 1e-6, maxIterations: Int = 100, weighted: Bool = false,
                personalization: [Double]? = nil, dangling: [Double]? = nil) {
        self.damping = damping
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.weighted = weighted
        self.personalization = personalization
        self.dangling = dangling
    }
}

/// A PageRank option that cannot be used.
public struct PageRankOptionError: Error, Sendable, CustomStringConvertible {
    /// What is wrong with the option (a vector of the wrong length, or without a positive sum).
    public let description: String
}

extension Graph {
    /// PageRank as NetworkX's `pagerank(G, alpha=0.85, personalization=…, tol=1e-6,
    /// max_iter=100, weight=…, dangling=…)` (its SciPy power iteration):
    /// x ← α (x P + (Σ_dangling x) d) + (1 − α) p, where P is the adjacency matrix with rows
    /// divided by their sums (an undirected edge counts both ways, a self-loop once), p the
    /// personalization (uniform by default) and d the dangling distribution (p by default).
    /// Starts uniform; stops when ‖x − x_last‖₁ < n·tol.
    /// Reference: Page, Brin, Motwani & Winograd (1999), "The PageRank citation ranking".
    /// O(m) per iteration; the iteration runs on `threads` threads, each computing a fixed range
    /// of nodes, so the result does not depend on the thread count.
    ///
    /// - Parameters:
    ///   - options: damping, tolerance, iteration limit, weights, personalization and dangling
    ///     distribution.
    ///   - threads: worker threads (small graphs use fewer).
    /// - Returns: the PageRank of every node, by node index, summing to 1 (empty for an empty graph).
    /// - Throws: ``PageRankOptionError`` when the personalization or dangling vector has the
    ///   wrong length or no positive sum; ``PowerIterationError`` when the iteration has not
    ///   converged after `options.maxIterations` steps.
    /// - Complexity: O(n + m) per iteration, O(n) memory.
    public func pageRank(_ options: PageRankOptions = PageRankOptions(), threads: Int = 1) throws -> [Double] {
        let n = nodeCount
        guard n > 0 else { return [] }
        let weighted = options.weighted && isWeighted
        let p = try Self.distribution(options.personalization, n: n, name: "personalization")
        let d = try options.dangling.map { try Self.distribution($0, n: n, name: "dangling") } ?? p
        // Out-strength of each node (row sums).
        var outSum = [Double](repeating: 0, count: n)
        for u in 0 ..< n {
            if weighted {
                for slot in outgoing.slots(of: NodeIndex(u)) { outSum[u] += outgoing.weight(atSlot: slot) }
            } else {
                outSum[u] = Double(outgoing.slotCount(NodeIndex(u)))
            }
        }
        let danglingNodes = (0 ..< n).filter { outSum[$0] == 0 }
        let into = isDirected ? incoming : outgoing
        var x = [Double](repeating: 1 / Double(n), count: n)
        var next = [Double](repeating: 0, count: n)
        var share = [Double](repeating: 0, count: n)  // x[u] / outSum[u]
        let alpha = options.damping
        for _ in 0 ..< options.maxIterations {
            var danglingMass = 0.0
            for u in danglingNodes { danglingMass += x[u] }
            for u in 0 ..< n { share[u] = outSum[u] == 0 ? 0 : x[u] / outSum[u] }
            share.withUnsafeBufferPointer { sh in
                next.withUnsafeMutableBufferPointer { nx in
                    into.withUnsafeBuffers { off, nb, _, w in
                        let body = { (range: Range<Int>) in
                            for v in range {
                                var s = 0.0
                                if weighted {
                                    for slot in off[v] ..< off[v + 1] { s += sh[Int(nb[slot])] * w[slot] }
                                } else {
                                    for slot in off[v] ..< off[v + 1] { s += sh[Int(nb[slot])] }
                                }
                                nx[v] = alpha * (s + danglingMass * d[v]) + (1 - alpha) * p[v]
                            }
                        }
                        parallelRanges(n, threads: threads, body)
                    }
                }
            }
            var err = 0.0
            for v in 0 ..< n { err += abs(next[v] - x[v]) }
            swap(&x, &next)
            if err < Double(n) * options.tolerance { return x }
        }
        throw PowerIterationError(measure: "PageRank", iterations: options.maxIterations)
    }

    /// `values` scaled to sum 1, or uniform when nil.
    static func distribution(_ values: [Double]?, n: Int, name: String) throws(PageRankOptionError) -> [Double] {
        guard let values else { return [Double](repeating: 1 / Double(n), count: n) }
        guard values.count == n else {
            throw PageRankOptionError(description: "\(name) has \(values.count) values for \(n) nodes")
        }
        let total = values.reduce(0, +)
        guard total > 0, total.isFinite, values.allSatisfy({ $0 >= 0 }) else {
            throw PageRankOptionError(description: "\(name) needs non-negative values with a positive sum")
        }
        return values.map { $0 / total }
    }
}
