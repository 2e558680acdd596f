/// Options of ``Graph/louvain(_:)``: NetworkX's `louvain_communities` defaults.
public struct LouvainOptions: Sendable {
    /// Use edge weights (NetworkX's `weight="weight"`); otherwise every edge weighs 1.
    public var weighted = true
    /// γ: above 1 favours smaller communities, below 1 larger ones.
    public var resolution = 1.0
    /// A level is kept only while it raises modularity by more than this (NetworkX's `threshold`).
    public var threshold = 1e-7
    /// Seed of the node order of every level: the same seed gives the same communities.
    public var seed: UInt64 = 0

    /// Options with NetworkX's defaults, unless given.
    ///
    /// - Parameters:
    ///   - weighted: use edge weights.
    ///   - resolution: γ.
    ///   - threshold: NetworkX's `threshold`.
    ///   - seed: the seed of the node orders.
    public init(weighted: Bool = true, resolution: Double = 1, threshold: Double = 1e-7, seed: UInt64 = 0) {
        self.weighted = weighted
        self.resolution = resolution
        self.threshold = threshold
        self.seed = seed
    }
}

/// An undirected weighted graph being coarsened: node i of a level is a community of the level
/// below. Self-loops are kept apart (`loop[i]`: weight of the edges inside i, each once).
struct CommunityLevelGraph {
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
    var loop: [Double]
    /// Σ of incident weights, a loop counting twice.
    var degree: [Double]
    var nodeCount: Int { loop.count }

    init(offsets: [Int], targets: [Int32], weights: [Double], loop: [Double]) {
        self.offsets = offsets
        self.targets = targets
        self.weights = weights
        self.loop = loop
        degree = (0 ..< loop.count).map { u in
            var d = 2 * loop[u]
            for s in offsets[u] ..< offsets[u + 1] { d += weights[s] }
            return d
        }
    }

    /// The level graph of `g`; a directed graph is read as undirected as NetworkX's
    /// `G.to_undirected()` does: u→v and v→u become one edge, with the weight of the later one
    /// in node order (v→u when u < v).
    init(_ g: Graph, weighted: Bool) {
        let n = g.nodeCount
        if !g.isDirected {
            // The CSR already lists both ends of every edge (a self-loop once): copy it flat.
            var offsets = [Int](), targets = [Int32](), weights = [Double]()
            var loop = [Double](repeating: 0, count: n)
            offsets.reserveCapacity(n + 1)
            targets.reserveCapacity(g.outgoing.neighbors.count)
            weights.reserveCapacity(g.outgoing.neighbors.count)
            offsets.append(0)
            g.outgoing.withUnsafeBuffers { off, nb, _, w in
                for u in 0 ..< n {
                    for s in off[u] ..< off[u + 1] {
                        let wt = weighted && !w.isEmpty ? w[s] : 1
                        if Int(nb[s]) == u { loop[u] += wt } else { targets.append(nb[s]); weights.append(wt) }
                    }
                    offsets.append(targets.count)
                }
            }
            self.init(offsets: offsets, targets: targets, weights: weights, loop: loop)
            return
        }
        var adjacency = [[(Int32, Double)]](repeating: [], count: n)
        var loop = [Double](repeating: 0, count: n)
        var pairs: [(u: Int32, v: Int32, w: Double)] = []
        if g.isDirected {
            var index: [UInt64: Int] = [:]
            g.forEachEdge { _, u, v, w in
                let w = weighted ? w : 1
                let key = UInt64(UInt32(min(u, v))) << 32 | UInt64(UInt32(max(u, v)))
                if let i = index[key] { pairs[i].w = w } else { index[key] = pairs.count; pairs.append((u, v, w)) }
            }
        } else {
            g.forEachEdge { _, u, v, w in pairs.append((u, v, weighted ? w : 1)) }
        }
        for (u, v, w) in pairs {
            if u == v { loop[Int(u)] += w; continue }
            adjacency[Int(u)].append((v, w))
            adjacency[Int(v)].append((u, w))
        }
        var offsets = [0], targets: [Int32] = [], weights: [Double] = []
        offsets.reserveCapacity(n + 1)
        for u in 0 ..< n {
            for (v, w) in adjacency[u] { targets.append(v); weights.append(w) }
            offsets.append(targets.count)
        }
        self.init(offsets: offsets, targets: targets, weights: weights, loop: loop)
    }

    var totalWeight: Double { degree.reduce(0, +) / 2 }

    /// Modularity of `community` on this level (the same Q as ``Graph/modularity(_:weighted:resolution:)``).
    func modularity(_ community: [Int32], groups: Int, resolution: Double) -> Double {
        let m = totalWeight
        guard m > 0 else { return .nan }
        var inside = [Double](repeating: 0, count: groups), total = [Double](repeating: 0, count: groups)
        for u in 0 ..< nodeCount {
            let c = Int(community[u])
            total[c] += degree[u]
            inside[c] += loop[u]
            for s in offsets[u] ..< offsets[u + 1] where community[Int(targets[s])] == community[u] { inside[c] += weights[s] / 2 }
        }
        var q = 0.0
        for c in 0 ..< groups { q += inside[c] / m - resolution * (total[c] / (2 * m)) * (total[c] / (2 * m)) }
        return q
    }

    /// The graph of the communities: node c is community c (labels 0 ..< groups). Members are
    /// gathered by a counting sort, so the pass is flat: O(n + m), no per-community arrays.
    func aggregated(_ community: [Int32], groups: Int) -> CommunityLevelGraph {
        var aggregation = Aggregation(community, groups: groups)
        withUnsafeView { level in aggregation.run(level) }
        return CommunityLevelGraph(offsets: aggregation.offsets, targets: aggregation.targets,
                                   weights: aggregation.weights, loop: aggregation.loop)
    }

    /// The arrays of a level as unsafe buffers, for the hot loops.
    struct View {
        let offsets: UnsafeBufferPointer<Int>
        let targets: UnsafeBufferPointer<Int32>
        let weights: UnsafeBufferPointer<Double>
        let loop: UnsafeBufferPointer<Double>
        let degree: UnsafeBufferPointer<Double>
    }

    /// Runs `body` with a ``View`` of this level.
    func withUnsafeView<R>(_ body: (View) -> R) -> R {
        offsets.withUnsafeBufferPointer { offsets in
        targets.withUnsafeBufferPointer { targets in
        weights.withUnsafeBufferPointer { weights in
        loop.withUnsafeBufferPointer { loop in
        degree.withUnsafeBufferPointer { degree in
            body(View(offsets: offsets, targets: targets, weights: weights, loop: loop, degree: degree))
        }
        }
        }
        }
        }
    }
}

/// The aggregation of a level by a partition (``CommunityLevelGraph/aggregated(_:groups:)``) and
/// the memory it works in, allocated once and freed with the value.
struct Aggregation: ~Copyable {
    let groups: Int
    /// Community of each node of the level.
    let community: UnsafeMutablePointer<Int32>
    /// Members of community c: `members[start[c] ..< start[c + 1]]`.
    let start: UnsafeMutablePointer<Int>
    let members: UnsafeMutablePointer<Int32>
    /// Weight from the current community to each other, which are seen and their list.
    let acc: UnsafeMutablePointer<Double>
    let seen: UnsafeMutablePointer<Bool>
    let touched: UnsafeMutablePointer<Int32>
    /// The new level, built by ``run(_:)``.
    var offsets: [Int] = []
    var targets: [Int32] = []
    var weights: [Double] = []
    var loop: [Double]

    /// Prepares the aggregation by `community` (labels `0 ..< groups`): members by counting sort.
    init(_ community: [Int32], groups: Int) {
        let n = community.count
        self.groups = groups
        self.community = .allocate(copying: community)
        start = .allocate(filling: groups + 1, with: 0)
        for u in 0 ..< n { start[Int(community[u]) + 1] += 1 }
        for c in 0 ..< groups { start[c + 1] += start[c] }
        members = .allocate(filling: n, with: 0)
        var fill = Array(UnsafeBufferPointer(start: start, count: groups + 1))
        for u in 0 ..< n { let c = Int(community[u]); members[fill[c]] = Int32(u); fill[c] += 1 }
        acc = .allocate(filling: groups, with: 0)
        seen = .allocate(filling: groups, with: false)
        touched = .allocate(filling: groups, with: 0)
        loop = [Double](repeating: 0, count: groups)
    }

    deinit {
        community.deallocate()
        start.deallocate()
        members.deallocate()
        acc.deallocate()
        seen.deallocate()
        touched.deallocate()
    }

    /// Builds the new level from `level`: one node per community, its inner weight as a loop,
    /// one edge per pair of communities joined by edges (their weights summed).
    mutating func run(_ level: CommunityLevelGraph.View) {
        offsets.reserveCapacity(groups + 1)
        offsets.append(0)
        for c in 0 ..< groups {
            var count = 0
            var inner = 0.0
            for mi in start[c] ..< start[c + 1] {
                let u = Int(members[mi])
                inner += level.loop[u]
                for s in level.offsets[u] ..< level.offsets[u + 1] {
                    let d = Int(community[Int(level.targets[s])])
                    // An inner edge is met from both ends: half its weight each time.
                    if d == c { inner += level.weights[s] / 2; continue }
                    if !seen[d] { seen[d] = true; touched[count] = Int32(d); count += 1 }
                    acc[d] += level.weights[s]
                }
            }
            loop[c] = inner
            for i in 0 ..< count {
                let d = Int(touched[i])
                targets.append(Int32(d))
                weights.append(acc[d])
                acc[d] = 0
                seen[d] = false
            }
            offsets.append(targets.count)
        }
    }
}

extension Graph {
    /// Louvain community detection (Blondel, Guillaume, Lambiotte and Lefebvre, "Fast unfolding
    /// of communities in large networks", J. Stat. Mech. 2008) with NetworkX's gains and level
    /// rule: each node moves to the community of largest modularity gain
    /// ΔQ = k_{u,C}/m − γ Σ_tot(C) k_u / (2m²) (minus the cost of leaving its own) when it is
    /// positive, taken from a queue (Traag et al.'s fast local moving: a sweep in seeded random
    /// order, then only the neighbours of nodes that moved, where NetworkX sweeps every node
    /// until none moves); then communities become nodes and the next level starts, while a level
    /// raises modularity by more than the threshold; last, one refinement round on the original
    /// nodes. Communities found by a level are relabelled, so the result is the same for a seed.
    ///
    /// Directed graphs are read as undirected (as `G.to_undirected()`), and the modularity
    /// reported is that reading's; NetworkX optimises directed modularity on a directed graph.
    /// Edge weights must be positive.
    ///
    /// - Parameter options: weights, resolution γ, level threshold and seed.
    /// - Returns: the communities, their modularity, and the number of levels kept.
    /// - Complexity: O(n + m) per sweep of local moving; typically O(log n) levels. O(n + m) memory.
    public func louvain(_ options: LouvainOptions = LouvainOptions()) -> Communities {
        let finest = CommunityLevelGraph(self, weighted: options.weighted && isWeighted)
        var level = finest
        var nodeCommunity = (0 ..< nodeCount).map { $0 }  // original node → current level node
        let m = level.totalWeight
        guard m > 0 else {
            return Communities(labels: nodeCommunity, modularity: .nan, levels: 0)
        }
        var rng = SplitMix64(seed: options.seed)
        var q = level.modularity((0 ..< level.nodeCount).map { Int32($0) }, groups: level.nodeCount, resolution: options.resolution)
        var levels = 0
        // As NetworkX: every level that moved a node is kept; the next level runs only while
        // the last one raised modularity by more than the threshold.
        while true {
            // Queue-based local moving (a full sweep, then only the neighbours of nodes that
            // moved): on the large benchmark graph, NetworkX's repeated full passes made 5 sweeps
            // of the first level for 160,000, 20,000, 900, 24 and 0 moves.
            let (community, groups) = Self.renumber(Self.fastLocalMove(level, (0 ..< level.nodeCount).map { Int32($0) }, m: m,
                                                                       resolution: options.resolution, rng: &rng))
            let moved = groups < level.nodeCount
            guard moved else { break }
            let next = level.modularity(community, groups: groups, resolution: options.resolution)
            levels += 1
            for u in 0 ..< nodeCount { nodeCommunity[u] = Int(community[nodeCommunity[u]]) }
            let gain = next - q
            q = next
            if gain <= options.threshold { break }
            level = level.aggregated(community, groups: groups)
        }
        // Refinement (Rotta and Noack, "Multilevel local search algorithms for modularity
        // clustering", 2011): single nodes may still gain by moving once their communities
        // have grown; one more round of local moving on the original nodes, from the result.
        // Moves are taken only for a positive gain, so modularity cannot fall. Not in NetworkX.
        if levels > 1 {
            // Queue-based (Traag et al.'s fast local moving): one sweep, then only the neighbours
            // of nodes that moved; a full-pass refinement cost as much as the first level.
            let (refined, groups) = Self.renumber(Self.fastLocalMove(finest, nodeCommunity.map { Int32($0) }, m: m,
                                                                     resolution: options.resolution, rng: &rng))
            let refinedQ = finest.modularity(refined, groups: groups, resolution: options.resolution)
            if refinedQ > q { q = refinedQ; nodeCommunity = refined.map(Int.init) }
        }
        return Communities(labels: nodeCommunity, modularity: q, levels: levels)
    }
}
