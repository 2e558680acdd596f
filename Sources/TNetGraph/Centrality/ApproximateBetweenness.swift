#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Options of sampled betweenness (``Graph/approximateBetweenness(_:threads:progress:)``).
public struct ApproximateBetweennessOptions: Sendable, Hashable {
    /// Largest error allowed, on the scale of betweenness divided by n(n − 1).
    public var epsilon: Double
    /// Probability that some node's error exceeds `epsilon`.
    public var delta: Double
    /// Seed of the sample: the same seed gives the same result on any machine and thread count.
    public var seed: UInt64
    /// Weights as distances (Dijkstra) instead of hop counts.
    public var weighted: Bool
    /// NetworkX's normalisation (divide by (n − 1)(n − 2)); otherwise pair sums, halved when
    /// undirected, as ``BetweennessOptions/normalized``.
    public var normalized: Bool
    /// Compute the exact values instead when the sample would draw more pairs than the graph
    /// has (n(n − 1)); off, the sample is always drawn (the tests of the sampling use it).
    public var exactWhenCheaper = true

    /// Options for a sample of the given accuracy.
    ///
    /// - Parameters:
    ///   - epsilon: the largest error allowed (ε).
    ///   - delta: the probability δ that an error exceeds ε.
    ///   - seed: the seed of the sample.
    ///   - weighted: weights as distances.
    ///   - normalized: NetworkX's normalisation.
    public init(epsilon: Double = 0.01, delta: Double = 0.1, seed: UInt64 = 0, weighted: Bool = false, normalized: Bool = true) {
        self.epsilon = epsilon
        self.delta = delta
        self.seed = seed
        self.weighted = weighted
        self.normalized = normalized
    }
}

/// The estimate and what it rests on.
public struct ApproximateBetweenness: Sendable {
    /// Estimated betweenness of every node, scaled as the options ask.
    public var values: [Double]
    /// Number of sampled pairs.
    public var samples: Int
    /// The vertex-diameter bound used for the sample size.
    public var vertexDiameterBound: Int
    /// The guaranteed bound on every node's error, on the scale of `values`, holding with
    /// probability at least 1 − δ.
    public var errorBound: Double
    /// Whether the values are exact (Brandes): the sample ε and δ ask for would have drawn more
    /// pairs than the graph has (n(n − 1)), or the graph has fewer than 3 nodes.
    /// `samples` is then the sample that was not drawn and `errorBound` is 0.
    public var isExact = false
}

extension Graph {
    /// Betweenness estimated by sampling shortest paths, after Riondato & Kornaropoulos (2016),
    /// "Fast approximation of betweenness centrality through sampling", Data Min. Knowl. Disc.
    /// 30(2): draw r = ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉ ordered pairs (s, t) uniformly
    /// (c = 0.5, VD an upper bound on the vertex diameter), pick one shortest s–t path uniformly
    /// at random, and credit 1/r to each of its inner nodes. With probability ≥ 1 − δ every
    /// node's estimate is within ε of its betweenness divided by n(n − 1); the values returned
    /// are rescaled to NetworkX's normalisation (so the bound becomes ε·n/(n − 2), reported in
    /// ``ApproximateBetweenness/errorBound``).
    ///
    /// VD bound: for an undirected unweighted graph 2·ecc(v) + 1 for one node v per component
    /// (the largest over components); otherwise the size of the largest weakly connected
    /// component. Unweighted paths come from a balanced bidirectional BFS, which touches a small
    /// part of the graph per sample; weighted ones from Dijkstra stopped at t.
    /// Each sample draws from its own counter-based random stream and the counts are integers,
    /// so the result is the same for any `threads`. NetworkX has no counterpart with a guarantee
    /// (`betweenness_centrality(G, k=…)` samples sources); NetworKit's `KadabraBetweenness` gives
    /// the same one.
    ///
    /// - Parameters:
    ///   - options: ε, δ, seed, weights and normalisation.
    ///   - threads: worker threads.
    ///   - progress: told the fraction done, from worker threads.
    /// - Precondition: 0 < ε < 1 and 0 < δ < 1 (the bound means nothing otherwise).
    /// - Returns: the estimates, the sample size, the vertex-diameter bound and the error bound;
    ///   exact values (``ApproximateBetweenness/isExact``) when the sample would draw more
    ///   pairs than the graph has.
    /// - Complexity: O(r·(n + m)) time at worst for r samples (a bidirectional search usually
    ///   touches far less; weighted, a log factor more), O(n) memory per thread.
    public func approximateBetweenness(_ options: ApproximateBetweennessOptions = ApproximateBetweennessOptions(),
                                       threads: Int = 1, progress: ProgressHandler? = nil) -> ApproximateBetweenness {
        precondition(options.epsilon > 0 && options.epsilon < 1 && options.delta > 0 && options.delta < 1,
                     "approximateBetweenness: ε and δ must be in (0, 1), not ε \(options.epsilon), δ \(options.delta)")
        let n = nodeCount
        let weighted = options.weighted && isWeighted
        let vd = vertexDiameterBound(weighted: weighted)
        let c = 0.5
        // ⌊log₂(VD − 2)⌋ exactly, from the bit length.
        let logTerm: Double = vd > 2 ? Double(Int.bitWidth - (vd - 2).leadingZeroBitCount - 1) : 0
        // ln(1/δ) as −ln δ: finite for every δ > 0 (1/δ overflows for subnormal δ); at most 2⁵³ samples.
        let size: Double = c / (options.epsilon * options.epsilon) * (logTerm + 1 - log(options.delta))
        let r = n < 3 ? 0 : Int(min(size.rounded(.up), 0x1p53))
        // A sample of more pairs than the graph has (n(n − 1) ordered pairs: a tiny ε, or a
        // small graph) costs more than the exact values, n searches, and is no closer. Below
        // that the sample is drawn: a sampled path's bidirectional search touches far less than
        // a whole search (helper-46: comparing r with n sent 198,001 paths' worth, 2.6 s
        // sampled, to an exact run of minutes).
        if n < 3 || (Double(r) > Double(n) * Double(n - 1) && options.exactWhenCheaper) {
            let exact = betweennessCentrality(BetweennessOptions(weighted: weighted, normalized: options.normalized),
                                              threads: threads, progress: progress)
            return ApproximateBetweenness(values: exact, samples: r, vertexDiameterBound: vd, errorBound: 0, isExact: true)
        }
        let block = max(64, (r + 255) / 256)
        let blocks = r == 0 ? 0 : (r + block - 1) / block
        let t = max(1, min(threads, blocks))
        var perWorker = [[Double]](repeating: [], count: t)
        let tracker = ChunkProgress(total: max(1, r), handler: progress)
        let samplers = WorkspaceSlots<PathSampler>(count: t)
        perWorker.withUnsafeMutableBufferPointer { counts in
            forEachChunk(blocks, threads: t) { chunk, worker in
                let sampler = samplers.get(worker) { PathSampler(self, weighted: weighted) }
                if counts[worker].isEmpty { counts[worker] = [Double](repeating: 0, count: n) }
                let range = chunk * block ..< min(r, (chunk + 1) * block)
                for i in range {
                    var rng = SplitMix64(seed: SplitMix64.mix(options.seed, UInt64(i)))
                    let s = rng.below(n)
                    var target = rng.below(n - 1)
                    if target >= s { target += 1 }
                    sampler.sample(self, from: s, to: target, rng: &rng) { v in counts[worker][v] += 1 }
                }
                tracker.completed(range.count)
            }
        }
        var values = [Double](repeating: 0, count: n)
        for w in perWorker where !w.isEmpty { for v in 0 ..< n { values[v] += w[v] } }
        // Counts / r estimates b(v) / (n(n − 1)); rescale to the requested normalisation.
        let pairs = Double(n) * Double(n - 1)
        let scale: Double
        if n < 3 || r == 0 {
            scale = 0
        } else if options.normalized {
            scale = pairs / (Double(n - 1) * Double(n - 2)) / Double(r)
        } else {
            scale = pairs / Double(r) * (isDirected ? 1 : 0.5)
        }
        for v in 0 ..< n { values[v] *= scale }
        let bound = n < 3 ? 0 : options.epsilon * (options.normalized ? pairs / (Double(n - 1) * Double(n - 2))
                                                                       : pairs * (isDirected ? 1 : 0.5))
        return ApproximateBetweenness(values: values, samples: r, vertexDiameterBound: vd, errorBound: bound)
    }

    /// An upper bound on the number of nodes of any shortest path.
    func vertexDiameterBound(weighted: Bool) -> Int {
        let components = connectedComponents()
        if isDirected || weighted {
            var size = [Int](repeating: 0, count: components.count)
            for c in components.labels { size[Int(c)] += 1 }
            return size.max() ?? 0
        }
        // Undirected, unweighted: from one node per component, 2 × eccentricity + 1.
        var seen = [Bool](repeating: false, count: components.count)
        var search = ShortestPathSearch(self)
        var bound = 0
        for v in 0 ..< nodeCount where !seen[Int(components.labels[v])] {
            seen[Int(components.labels[v])] = true
            search.run(from: NodeIndex(v))
            let ecc = Int(search.distance[Int(search.order.last!)])
            bound = max(bound, 2 * ecc + 1)
        }
        return bound
    }
}

/// Draws one uniformly random shortest path between two nodes; a thread's scratch space.
/// The per-node buffers are raw memory owned by the sampler (allocated once, reset per sample in
/// O(visited)): the sampling loop runs without bounds checks or copy-on-write checks.
final class PathSampler {
    // Side s (from the source) and side t (to the target): distance (-1 unseen), path counts.
    private let distS: UnsafeMutablePointer<Int32>, distT: UnsafeMutablePointer<Int32>
    private let sigmaS: UnsafeMutablePointer<Double>, sigmaT: UnsafeMutablePointer<Double>
    // Visited nodes (for the reset) and the two frontiers, each at most n long.
    private let visited: UnsafeMutablePointer<Int32>
    private var visitedCount = 0
    private let layerS: UnsafeMutablePointer<Int32>, layerT: UnsafeMutablePointer<Int32>, next: UnsafeMutablePointer<Int32>
    private var meeting: [Int32] = []
    private var search: ShortestPathSearch?

    init(_ g: Graph, weighted: Bool) {
        let n = weighted ? 0 : g.nodeCount
        func ints() -> UnsafeMutablePointer<Int32> {
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: max(1, n))
            p.initialize(repeating: -1, count: n)
            return p
        }
        func doubles() -> UnsafeMutablePointer<Double> {
            let p = UnsafeMutablePointer<Double>.allocate(capacity: max(1, n))
            p.initialize(repeating: 0, count: n)
            return p
        }
        distS = ints(); distT = ints(); sigmaS = doubles(); sigmaT = doubles()
        visited = ints(); layerS = ints(); layerT = ints(); next = ints()
        search = weighted ? ShortestPathSearch(g, weighted: true) : nil
    }

    deinit {
        for p in [distS, distT, visited, layerS, layerT, next] { p.deallocate() }
        sigmaS.deallocate(); sigmaT.deallocate()
    }

    /// Calls `credit(v)` for each inner node of one shortest s–t path chosen uniformly at random
    /// (nothing when t is unreachable).
    func sample(_ g: Graph, from s: Int, to t: Int, rng: inout SplitMix64, credit: (Int) -> Void) {
        if search != nil { sampleWeighted(g, from: s, to: t, rng: &rng, credit: credit); return }
        let forwardS = g.outgoing                               // side s walks u → w
        let forwardT = g.isDirected ? g.incoming : g.outgoing   // side t walks w ← u
        distS[s] = 0; sigmaS[s] = 1
        distT[t] = 0; sigmaT[t] = 1
        visited[0] = Int32(s); visited[1] = Int32(t); visitedCount = 2
        layerS[0] = Int32(s); layerT[0] = Int32(t)
        var countS = 1, countT = 1
        var workS = forwardS.slotCount(NodeIndex(s)), workT = forwardT.slotCount(NodeIndex(t))
        var depthS: Int32 = 0, depthT: Int32 = 0
        meeting.removeAll(keepingCapacity: true)
        while meeting.isEmpty && countS > 0 && countT > 0 {
            // Expand the side whose frontier has fewer edges to scan.
            if workS <= workT {
                (countS, workS) = expand(forwardS, layerS, countS, depth: depthS, dist: distS, sigma: sigmaS, other: distT)
                depthS += 1
            } else {
                (countT, workT) = expand(forwardT, layerT, countT, depth: depthT, dist: distT, sigma: sigmaT, other: distS)
                depthT += 1
            }
        }
        if !meeting.isEmpty {
            // Every shortest path crosses the new layer at exactly one meeting node w, in
            // σ_s(w)·σ_t(w) ways: pick w in proportion, then walk back to each end.
            var total = 0.0
            for w in meeting { total += sigmaS[Int(w)] * sigmaT[Int(w)] }
            var x = rng.unit() * total
            var w = Int(meeting.last!)
            for m in meeting {
                x -= sigmaS[Int(m)] * sigmaT[Int(m)]
                if x < 0 { w = Int(m); break }
            }
            if w != s && w != t { credit(w) }
            // Towards s: predecessors p → u with distS(p) = distS(u) − 1, chosen by σ_s(p).
            walk(from: w, end: s, back: g.isDirected ? g.incoming : g.outgoing, dist: distS, sigma: sigmaS, rng: &rng, credit: credit)
            walk(from: w, end: t, back: g.outgoing, dist: distT, sigma: sigmaT, rng: &rng, credit: credit)
        }
        for k in 0 ..< visitedCount {
            let v = Int(visited[k])
            distS[v] = -1; distT[v] = -1
            sigmaS[v] = 0; sigmaT[v] = 0
        }
        visitedCount = 0
    }

    /// Expands one whole BFS layer (`layer[0 ..< count]`, replaced by the next one); new nodes
    /// already reached by the other side are meetings. Returns the new layer's size and the
    /// number of edges it would scan.
    private func expand(_ adjacency: Adjacency, _ layer: UnsafeMutablePointer<Int32>, _ count: Int, depth: Int32,
                        dist: UnsafeMutablePointer<Int32>, sigma: UnsafeMutablePointer<Double>,
                        other: UnsafeMutablePointer<Int32>) -> (Int, Int) {
        var newCount = 0, work = 0
        let nextDepth = depth + 1
        adjacency.withUnsafeBuffers { off, nb, _, _ in
            for k in 0 ..< count {
                let u = Int(layer[k])
                let su = sigma[u]
                for slot in off[u] ..< off[u + 1] {
                    let w = Int(nb[slot])
                    let dw = dist[w]
                    if dw < 0 {
                        dist[w] = nextDepth
                        sigma[w] = su
                        next[newCount] = Int32(w)
                        newCount += 1
                        work += off[w + 1] - off[w]
                        if other[w] < 0 { visited[visitedCount] = Int32(w); visitedCount += 1 }
                    } else if dw == nextDepth {
                        sigma[w] += su
                    }
                }
            }
        }
        for k in 0 ..< newCount where other[Int(next[k])] >= 0 { meeting.append(next[k]) }
        layer.update(from: next, count: newCount)
        return (newCount, work)
    }

    private func walk(from start: Int, end: Int, back: Adjacency, dist: UnsafeMutablePointer<Int32>,
                      sigma: UnsafeMutablePointer<Double>, rng: inout SplitMix64, credit: (Int) -> Void) {
        var u = start
        while u != end {
            let want = dist[u] - 1
            var x = rng.unit() * sigma[u]
            var chosen = -1
            for p in back.neighbors(of: NodeIndex(u)) where dist[Int(p)] == want {
                chosen = Int(p)
                x -= sigma[chosen]
                if x < 0 { break }
            }
            u = chosen
            if u != end { credit(u) }
        }
    }

    /// Dijkstra from s (full search, ties as NetworkX), then a random walk back from t.
    private func sampleWeighted(_ g: Graph, from s: Int, to t: Int, rng: inout SplitMix64, credit: (Int) -> Void) {
        search!.run(from: NodeIndex(s), stoppingAt: NodeIndex(t))
        let search = self.search!
        guard search.distance[t] < .infinity else { return }
        let back = search.backward
        var u = t
        while true {
            let du = search.distance[u]
            var x = rng.unit() * search.sigma[u]
            var chosen = -1
            for slot in back.slots(of: NodeIndex(u)) {
                let p = Int(back.neighbors[slot])
                let dp = search.distance[p]
                guard dp < du, dp + back.weight(atSlot: slot) == du else { continue }
                chosen = p
                x -= search.sigma[p]
                if x < 0 { break }
            }
            u = chosen
            if u == s { break }
            credit(u)
        }
    }
}
