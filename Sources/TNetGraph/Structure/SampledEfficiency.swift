#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How an efficiency or fragmentation is computed: exactly (a breadth-first search from every
/// node) or from a seeded sample of source nodes with a stated error bound.
///
/// Global efficiency is the mean, over source nodes s, of X(s) = Σ_{t≠s} (1/d(s, t)) / (n − 1),
/// a value in [0, 1]. The mean of k of the N nodes drawn uniformly without replacement is within
/// ε of it with probability at least 1 − δ when ε ≥ √(ρ_k · ln(2/δ) / (2k)), ρ_k = 1 − (k − 1)/N
/// (Serfling 1974, corollary 1.1, on each side; Bardenet and Maillard 2015, eq. 4): Hoeffding's
/// bound (1963, theorems 1 and 4) shrunk by the share of the population the sample already
/// holds. So k₀ = ⌈ln(2/δ)/(2ε²)⌉ sources, Hoeffding's count, become k = ⌈k₀(N + 1)/(N + k₀)⌉:
/// 8,565 instead of 14,979 of 20,000 nodes at ε 0.01, δ 0.1. The same seed draws the same
/// sources on every machine and for any number of threads.
public struct EfficiencySampling: Sendable, Hashable {
    /// The error bound wanted (ε), on the scale of efficiency and fragmentation (0 to 1).
    public var epsilon: Double
    /// The probability that an estimate misses by more than ε (δ).
    public var delta: Double
    /// The seed of the sample of sources.
    public var seed: UInt64
    /// Compute exactly whatever the size.
    public var exact: Bool
    /// Networks of at most this many nodes are computed exactly (tests check those values
    /// against NetworkX); larger ones are sampled, unless the sample would hold every node.
    public var exactLimit: Int

    /// The default exact limit: up to 5,000 nodes everything is exact (a few seconds).
    public static let defaultExactLimit = 5_000

    /// Sampling options.
    /// - Parameters:
    ///   - epsilon: the error bound wanted.
    ///   - delta: the probability of missing it.
    ///   - seed: the seed of the sample.
    ///   - exact: compute exactly whatever the size.
    ///   - exactLimit: networks of at most this many nodes are computed exactly.
    public init(epsilon: Double = 0.01, delta: Double = 0.1, seed: UInt64 = 0, exact: Bool = false,
                exactLimit: Int = EfficiencySampling.defaultExactLimit) {
        self.epsilon = epsilon
        self.delta = delta
        self.seed = seed
        self.exact = exact
        self.exactLimit = exactLimit
    }

    /// Sources a mean of values in an interval of width `width` needs to be within ε with
    /// probability 1 − δ: Hoeffding's k₀ = ⌈width² · ln(2/δ) / (2ε²)⌉, at most 2⁵³, and drawn
    /// without replacement from a population of N, ⌈k₀(N + 1)/(N + k₀)⌉ (the least k with
    /// ``bound(sources:width:population:)`` ≤ ε). 0 < ε < 1 and 0 < δ < 1 are required (a
    /// precondition) (ln(2/δ) is taken as ln 2 − ln δ, finite for every δ > 0, even the smallest
    /// subnormal).
    /// - Parameters:
    ///   - width: the width of the interval the averaged values lie in.
    ///   - population: the number of values the sample is drawn from, without replacement (nil:
    ///     unbounded, Hoeffding's count).
    /// - Returns: the number of sources.
    public func sampleSize(width: Double = 1, population: Int? = nil) -> Int {
        precondition(epsilon > 0 && epsilon < 1 && delta > 0 && delta < 1,
                     "EfficiencySampling: ε and δ must be in (0, 1), not ε \(epsilon), δ \(delta)")
        let k0 = min((width * width * (log(2) - log(delta)) / (2 * epsilon * epsilon)).rounded(.up), 0x1p53)
        guard let population, population > 0 else { return Int(k0) }
        let n = Double(population)
        var k = min(n, (k0 * (n + 1) / (n + k0)).rounded(.up))
        // The division's rounding may leave k one short or one over the least k that holds.
        while k > 1 && bound(sources: Int(k) - 1, width: width, population: population) <= epsilon { k -= 1 }
        while k < n && bound(sources: Int(k), width: width, population: population) > epsilon { k += 1 }
        return Int(k)
    }

    /// The bound for `k` sources and values in an interval of width `width`: Hoeffding's
    /// width · √(ln(2/δ) / (2k)), times √ρ with ρ = 1 − (k − 1)/N when the k are drawn without
    /// replacement from a population of N (Serfling); 0 when k ≥ N (every value is in the sample).
    /// - Parameters:
    ///   - k: the number of sources.
    ///   - width: the width of the interval the averaged values lie in.
    ///   - population: the number of values the sources were drawn from (nil: unbounded).
    /// - Returns: the error bound, holding with probability at least 1 − δ.
    public func bound(sources k: Int, width: Double = 1, population: Int? = nil) -> Double {
        guard k > 0 else { return .infinity }
        var rho = 1.0
        if let population, population > 0 {
            guard k < population else { return 0 }
            rho = 1 - Double(k - 1) / Double(population)
        }
        return width * (rho * (log(2) - log(delta)) / (2 * Double(k))).squareRoot()
    }

    /// How many of `n` nodes a sample sized for `width` draws: every one when Hoeffding's count
    /// ``sampleSize(width:population:)`` without a population holds them all (the sample without
    /// replacement would then hold about half or more, and the exact values cost at most twice
    /// as much), else the count drawn without replacement.
    /// - Parameters:
    ///   - n: the nodes present.
    ///   - width: the width of the averaged values' interval.
    /// - Returns: the number of sources, `n` when the computation is exact.
    public func sourceCount(population n: Int, width: Double = 1) -> Int {
        sampleSize(width: width) >= n ? n : sampleSize(width: width, population: n)
    }

    /// The sources to search from among the `present` nodes of a graph of `n` nodes: all of them
    /// (ascending) when the computation is exact (asked for, at most ``exactLimit`` nodes, or
    /// Hoeffding's count ``sampleSize(width:population:)`` without a population at least the
    /// number of nodes), else ``sampleSize(width:population:)`` of them: the first `k` present nodes of a seeded
    /// permutation of all nodes, so that removing a node changes at most one source (the same
    /// sample serves a network before and after removals: common random numbers).
    /// - Parameters:
    ///   - n: the number of nodes.
    ///   - present: the nodes left (nil: all).
    ///   - width: the width of the averaged values' interval (see ``sampleSize(width:)``).
    /// - Returns: the sources, and whether they are every present node.
    public func sources(n: Int, present: [Bool]?, width: Double = 1) -> (sources: [Int], exact: Bool) {
        let alive = present.map { p in (0 ..< n).filter { p[$0] } } ?? Array(0 ..< n)
        // Exact where Hoeffding's count would hold every node (``sourceCount(population:width:)``):
        // the same networks are exact as before Serfling's factor was used.
        if exact || alive.count <= exactLimit { return (alive, true) }
        let k = sourceCount(population: alive.count, width: width)
        if k >= alive.count { return (alive, true) }
        var permutation = Array(0 ..< n)
        var rng = SplitMix64(seed: seed)
        var out: [Int] = []
        out.reserveCapacity(k)
        // A partial Fisher–Yates: position i takes a uniformly chosen node of the rest.
        var i = 0
        while out.count < k && i < n {
            let j = i + rng.below(n - i)
            permutation.swapAt(i, j)
            if present?[permutation[i]] ?? true { out.append(permutation[i]) }
            i += 1
        }
        return (out, false)
    }
}

/// An efficiency or fragmentation and what it rests on.
public struct EfficiencyEstimate: Sendable, Hashable {
    /// The value: global efficiency, or fragmentation (1 − efficiency).
    public var value: Double
    /// Sources searched from.
    public var sources: Int
    /// Nodes present (the population the sources were drawn from).
    public var nodes: Int
    /// Whether every present node was a source (the value is exact).
    public var isExact: Bool
    /// The error bound, holding with probability at least 1 − ``EfficiencySampling/delta``
    /// (0 when exact).
    public var errorBound: Double

    /// An estimate.
    /// - Parameters:
    ///   - value: the value.
    ///   - sources: sources searched from.
    ///   - nodes: nodes present.
    ///   - isExact: whether every present node was a source.
    ///   - errorBound: the error bound (0 when exact).
    public init(value: Double, sources: Int, nodes: Int, isExact: Bool, errorBound: Double) {
        self.value = value
        self.sources = sources
        self.nodes = nodes
        self.isExact = isExact
        self.errorBound = errorBound
    }
}

extension Graph {
    /// Global efficiency as ``globalEfficiency(present:)`` (NetworkX's `global_efficiency` of the
    /// graph read as undirected, over the `present` nodes), exact or estimated from sampled
    /// sources as `sampling` decides (``EfficiencySampling``). Exact values are the same, bit
    /// for bit, as ``globalEfficiency(present:)``'s; sampled ones are searched 64 sources at a
    /// time (``BitParallelHarmonic``). The searches run on `threads` threads and the result does
    /// not depend on their number.
    ///
    /// - Parameters:
    ///   - present: the nodes that count, by node index (nil: all).
    ///   - sampling: exact or sampled, ε, δ and seed.
    ///   - threads: worker threads.
    ///   - progress: told the fraction done, from worker threads.
    ///   - sampleWidth: the width the sample is sized for (``EfficiencySampling/sources(n:present:width:)``):
    ///     1 for an efficiency alone; a removal-gains pass's width to draw the very sources it
    ///     draws, so that a value stated beside its gains is the same. The bound stated is the
    ///     efficiency's own (values in [0, 1]) for the sources drawn.
    /// - Returns: the efficiency and its bound.
    /// - Complexity: O(k · (n + m)) time for k sources (n when exact), O(n) memory per thread.
    public func efficiencyEstimate(present: [Bool]? = nil, sampling: EfficiencySampling = EfficiencySampling(),
                                   threads: Int = 1, progress: ProgressHandler? = nil, sampleWidth: Double = 1) -> EfficiencyEstimate {
        let n = nodeCount
        let (sources, exact) = sampling.sources(n: n, present: present, width: sampleWidth)
        let count = present.map { $0.lazy.filter { $0 }.count } ?? n
        guard count > 1 else { return EfficiencyEstimate(value: 0, sources: 0, nodes: count, isExact: true, errorBound: 0) }
        // Exact: per source, in globalEfficiency's order, bit for bit. Sampled: 64 sources at a
        // time (BitParallelHarmonic), the same value but for rounding, an order of magnitude
        // sooner (disrupt at 100,000 entities measures it after every removal).
        // A value stated beside a removal-gains pass (its width given) is summed as that pass
        // sums, source by source, so the two state the same bits (helper-63; helper-68 found
        // them 5e-14 apart once sampled values went 64 at a time).
        var total = 0.0
        if exact || sampleWidth != 1 {
            for s in sourceSums(sources, present: present, threads: threads, progress: progress) { total += s }
        } else {
            total = harmonicTotal(sources, present: present, threads: threads, progress: progress)
        }
        let value = exact ? total / (Double(count) * Double(count - 1)) : total / (Double(sources.count) * Double(count - 1))
        return EfficiencyEstimate(value: value, sources: sources.count, nodes: count, isExact: exact,
                                  errorBound: exact ? 0 : sampling.bound(sources: sources.count, population: count))
    }

    /// Borgatti's distance-weighted fragmentation (``fragmentation(present:)``), exact or
    /// estimated as `sampling` decides: 1 − ``efficiencyEstimate(present:sampling:threads:progress:)``.
    ///
    /// - Parameters:
    ///   - present: the nodes left (nil: all).
    ///   - sampling: exact or sampled, ε, δ and seed.
    ///   - threads: worker threads.
    ///   - progress: told the fraction done, from worker threads.
    /// - Returns: the fragmentation and its bound (the efficiency's).
    /// - Complexity: as ``efficiencyEstimate(present:sampling:threads:progress:)``.
    public func fragmentationEstimate(present: [Bool]? = nil, sampling: EfficiencySampling = EfficiencySampling(),
                                      threads: Int = 1, progress: ProgressHandler? = nil, sampleWidth: Double = 1) -> EfficiencyEstimate {
        var e = efficiencyEstimate(present: present, sampling: sampling, threads: threads, progress: progress, sampleWidth: sampleWidth)
        e.value = 1 - e.value
        return e
    }

    /// Σ_{t≠s} 1/d(s, t) for each source, in the order given, over the `present` nodes, the graph
    /// read as undirected: the per-source sums of ``globalEfficiency(present:)``, in the same
    /// summation order.
    func sourceSums(_ sources: [Int], present: [Bool]?, threads: Int, progress: ProgressHandler?) -> [Double] {
        var sums = [Double](repeating: 0, count: sources.count)
        let block = 16
        let chunks = (sources.count + block - 1) / block
        let t = max(1, min(threads, chunks))
        let tracker = ChunkProgress(total: max(1, chunks), handler: progress)
        let slots = WorkspaceSlots<BFSWorkspace>(count: t)
        let keep = present ?? []
        sums.withUnsafeMutableBufferPointer { out in
            forEachChunk(chunks, threads: t) { chunk, worker in
                let w = slots.get(worker) { BFSWorkspace(nodeCount) }
                for i in chunk * block ..< min(sources.count, (chunk + 1) * block) {
                    out[i] = w.harmonicSum(self, from: sources[i], present: keep)
                }
                tracker.completed()
            }
        }
        return sums
    }
}

/// A thread's scratch space for breadth-first searches over the graph read as undirected.
final class BFSWorkspace {
    let distance: UnsafeMutablePointer<Int32>
    let queue: UnsafeMutablePointer<Int32>
    var reached = 0

    init(_ n: Int) {
        distance = .allocate(filling: n, with: -1)
        queue = .allocate(filling: n, with: 0)
    }

    deinit {
        distance.deallocate()
        queue.deallocate()
    }

    /// Searches from `s` over the present nodes (`present` empty: all) and returns Σ 1/d(s, t),
    /// in the order ``Graph/globalEfficiency(present:)`` adds them. Leaves the distances and the
    /// order reached (``queue``, ``reached`` nodes) until ``reset()``.
    func search(_ g: Graph, from s: Int, present: [Bool]) -> Double {
        var head = 0, tail = 0
        queue[tail] = Int32(s); tail += 1
        distance[s] = 0
        var sum = 0.0
        let all = present.isEmpty
        present.withUnsafeBufferPointer { keep in
            g.outgoing.withUnsafeBuffers { off, nb, _, _ in
                g.incoming.withUnsafeBuffers { inOff, inNb, _, _ in
                    while head < tail {
                        let u = Int(queue[head]); head += 1
                        let d = distance[u] + 1
                        let inverse = 1 / Double(d)
                        for slot in off[u] ..< off[u + 1] {
                            let v = Int(nb[slot])
                            guard all || keep[v], distance[v] < 0 else { continue }
                            distance[v] = d
                            sum += inverse
                            queue[tail] = Int32(v); tail += 1
                        }
                        if g.isDirected {
                            for slot in inOff[u] ..< inOff[u + 1] {
                                let v = Int(inNb[slot])
                                guard all || keep[v], distance[v] < 0 else { continue }
                                distance[v] = d
                                sum += inverse
                                queue[tail] = Int32(v); tail += 1
                            }
                        }
                    }
                }
            }
        }
        reached = tail
        return sum
    }

    /// Clears the distances of the nodes the last search reached.
    func reset() {
        for i in 0 ..< reached { distance[Int(queue[i])] = -1 }
        reached = 0
    }

    /// ``search(_:from:present:)`` then ``reset()``.
    func harmonicSum(_ g: Graph, from s: Int, present: [Bool]) -> Double {
        let sum = search(g, from: s, present: present)
        reset()
        return sum
    }
}
