#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Graph {
    /// Leiden community detection (Traag, Waltman and van Eck, "From Louvain to Leiden:
    /// guaranteeing well-connected communities", Sci. Rep. 9, 5233, 2019), optimising modularity
    /// with resolution γ. Each round:
    /// 1. fast local moving: nodes are taken from a queue (seeded random order) and moved to the
    ///    neighbouring or an empty community of largest gain k_{v,C} − γ k_v Σ_tot(C) / 2m;
    ///    the neighbours of a moved node outside its new community are queued again;
    /// 2. refinement: within each community, starting from singletons, a node still alone and
    ///    well connected to its community (E(v, S − v) ≥ γ k_v (K_S − k_v) / 2m) joins a
    ///    well-connected sub-community with probability ∝ exp(gain / θ), θ = 0.01, gains ≥ 0;
    /// 3. aggregation by the refined partition, the communities of step 1 as the start.
    /// Rounds end when no community has more than one node of the current level. Every
    /// community is connected (a refined community grows only along edges, and a community is a
    /// union of refined ones that stayed together); a test checks it.
    ///
    /// The algorithm runs `iterations` times, each starting from the last one's communities
    /// (leidenalg's default is 2); each iteration keeps the connectivity guarantee.
    ///
    /// Directed graphs are read as undirected, as in ``louvain(_:)``. `options.threshold` is not
    /// used. NetworkX's `community.leiden_communities` runs only in a backend, so
    /// the tests compare against its Louvain.
    ///
    /// - Parameters:
    ///   - options: weights, resolution γ and seed (the same seed gives the same communities).
    ///   - iterations: runs of the algorithm, each from the last one's communities.
    /// - Returns: the communities, their modularity, and the number of rounds as `levels`.
    /// - Complexity: O(n + m) per round of local moving, refinement and aggregation; typically
    ///   O(log n) rounds. O(n + m) memory.
    public func leiden(_ options: LouvainOptions = LouvainOptions(), iterations: Int = 2) -> Communities {
        let finest = CommunityLevelGraph(self, weighted: options.weighted && isWeighted)
        guard finest.totalWeight > 0 else { return Communities(labels: (0 ..< nodeCount).map { $0 }, modularity: .nan, levels: 0) }
        var rng = SplitMix64(seed: options.seed)
        var start = (0 ..< nodeCount).map { Int32($0) }
        var result = Communities(labels: [], modularity: -.infinity, levels: 0)
        var rounds = 0
        for _ in 0 ..< max(1, iterations) {
            let (labels, q, r) = Self.leidenIteration(finest, start: start, resolution: options.resolution, rng: &rng)
            rounds += r
            if q <= result.modularity { break }
            result = Communities(labels: labels.map(Int.init), modularity: q, levels: rounds)
            start = labels
        }
        return result
    }

    /// One run of Leiden from `start` on the finest level; returns labels, modularity, rounds.
    static func leidenIteration(_ finest: CommunityLevelGraph, start: [Int32], resolution: Double,
                                rng: inout SplitMix64) -> ([Int32], Double, Int) {
        var level = finest
        let m = level.totalWeight
        let nodeCount = finest.nodeCount
        var nodeToLevel = (0 ..< nodeCount).map { Int32($0) }
        var partition = start
        var rounds = 0
        let options = (resolution: resolution, ())
        while true {
            partition = Self.fastLocalMove(level, partition, m: m, resolution: options.resolution, rng: &rng)
            let (renumbered, groups) = Self.renumber(partition)
            partition = renumbered
            rounds += 1
            if groups == level.nodeCount { break }
            let (refined, refinedGroups) = Self.renumber(Self.refine(level, partition, groups: groups, m: m,
                                                                     resolution: options.resolution, rng: &rng))
            // Nothing merged in refinement: aggregating would not shrink the graph.
            if refinedGroups == level.nodeCount { break }
            var parent = [Int32](repeating: 0, count: refinedGroups)
            for v in 0 ..< level.nodeCount { parent[Int(refined[v])] = partition[v] }
            for u in 0 ..< nodeCount { nodeToLevel[u] = refined[Int(nodeToLevel[u])] }
            level = level.aggregated(refined, groups: refinedGroups)
            partition = parent
            if rounds > 1000 { break }  // cannot happen: every round merges nodes
        }
        // Every community is split into its connected parts. Leiden's refinement makes them
        // connected, but a round that merged nothing ends on the unrefined partition; splitting a
        // community with no edge between its parts never lowers modularity (each split adds
        // γ·2·K_a·K_b/(2m)²), so this only makes the guarantee unconditional.
        let labels = (0 ..< nodeCount).map { partition[Int(nodeToLevel[$0])] }
        let split = Self.connectedParts(finest, labels)
        let (final, groups) = Self.renumber(split)
        let q = finest.modularity(final, groups: groups, resolution: options.resolution)
        return (final, q, rounds)
    }

    /// `labels` refined so that each label holds one connected part (iterative BFS inside labels).
    static func connectedParts(_ g: CommunityLevelGraph, _ labels: [Int32]) -> [Int32] {
        let n = g.nodeCount
        var out = [Int32](repeating: -1, count: n)
        var next: Int32 = 0
        var stack: [Int] = []
        for s in 0 ..< n where out[s] < 0 {
            out[s] = next
            stack.append(s)
            while let u = stack.popLast() {
                for e in g.offsets[u] ..< g.offsets[u + 1] {
                    let v = Int(g.targets[e])
                    if out[v] < 0 && labels[v] == labels[u] { out[v] = next; stack.append(v) }
                }
            }
            next += 1
        }
        return out
    }

    /// Labels renumbered 0 ..< groups in order of first appearance.
    static func renumber(_ labels: [Int32]) -> ([Int32], Int) {
        var number = [Int32](repeating: -1, count: labels.count)
        var next: Int32 = 0
        var out = labels
        for (i, c) in labels.enumerated() {
            if number[Int(c)] < 0 { number[Int(c)] = next; next += 1 }
            out[i] = number[Int(c)]
        }
        return (out, Int(next))
    }

    /// Step 1: queue-based local moving from `start` (labels < nodeCount); see ``LocalMoving``.
    static func fastLocalMove(_ g: CommunityLevelGraph, _ start: [Int32], m: Double, resolution: Double,
                              rng: inout SplitMix64) -> [Int32] {
        // A ring buffer of n slots, first filled in seeded random order.
        var order = (0 ..< g.nodeCount).map { Int32($0) }
        rng.shuffle(&order)
        var moving = LocalMoving(g, start: start, queue: order)
        g.withUnsafeView { view in moving.run(view, scale: resolution / (2 * m)) }
        return moving.communities
    }

    /// Step 2: the refined partition (labels < nodeCount) inside each community of `partition`.
    static func refine(_ g: CommunityLevelGraph, _ partition: [Int32], groups: Int, m: Double, resolution: Double,
                       rng: inout SplitMix64) -> [Int32] {
        let n = g.nodeCount
        let scale = resolution / (2 * m)
        // θ applies to gains in units of the mean edge weight, so the randomness does not depend
        // on the weights' scale (modularity does not).
        let edges = max(1, g.targets.count / 2 + g.loop.filter { $0 > 0 }.count)
        let theta = 0.01 * m / Double(edges)
        var totalOfCommunity = [Double](repeating: 0, count: groups)
        for v in 0 ..< n { totalOfCommunity[Int(partition[v])] += g.degree[v] }
        var refined = (0 ..< n).map { Int32($0) }
        var refinedTotal = g.degree
        var refinedSize = [Int](repeating: 1, count: n)
        // E(C, S − C) for each refined community C inside its community S.
        var external = [Double](repeating: 0, count: n)
        for v in 0 ..< n {
            for s in g.offsets[v] ..< g.offsets[v + 1] where partition[Int(g.targets[s])] == partition[v] {
                external[v] += g.weights[s]
            }
        }
        var order = (0 ..< n).map { Int32($0) }
        rng.shuffle(&order)
        var toRefined = [Double](repeating: 0, count: n)
        var seen = [Bool](repeating: false, count: n)
        var touched: [Int32] = []
        var candidates: [(Int32, Double)] = []
        for v32 in order {
            let v = Int(v32)
            guard refinedSize[Int(refined[v])] == 1 else { continue }  // only nodes still alone
            let S = Int(partition[v])
            let k = g.degree[v]
            let ownExternal = external[v]
            guard ownExternal >= scale * k * (totalOfCommunity[S] - k) else { continue }  // not well connected
            for s in g.offsets[v] ..< g.offsets[v + 1] {
                let u = Int(g.targets[s])
                guard partition[u] == partition[v] else { continue }
                let c = refined[u]
                if !seen[Int(c)] { seen[Int(c)] = true; touched.append(c) }
                toRefined[Int(c)] += g.weights[s]
            }
            candidates.removeAll(keepingCapacity: true)
            var maxGain = 0.0
            for c in touched where c != refined[v] {
                let K = refinedTotal[Int(c)]
                guard external[Int(c)] >= scale * K * (totalOfCommunity[S] - K) else { continue }
                let gain = toRefined[Int(c)] - scale * k * K
                if gain >= 0 { candidates.append((c, gain)); maxGain = max(maxGain, gain) }
            }
            if !candidates.isEmpty {
                // Staying alone has gain 0; choose ∝ exp(gain / θ), shifted by the largest gain.
                var weights = candidates.map { exp(($0.1 - maxGain) / theta) }
                let stay = exp((0 - maxGain) / theta)
                let sum = weights.reduce(stay, +)
                var r = Double(rng.next() >> 11) / Double(1 << 53) * sum
                var chosen: Int32 = refined[v]
                if r >= stay {
                    r -= stay
                    for (i, w) in weights.enumerated() {
                        if r < w || i == weights.count - 1 { chosen = candidates[i].0; break }
                        r -= w
                    }
                }
                weights.removeAll()
                if chosen != refined[v] {
                    let old = Int(refined[v])
                    refinedSize[old] = 0
                    refinedTotal[old] = 0
                    let c = Int(chosen)
                    external[c] = external[c] + ownExternal - 2 * toRefined[c]
                    refinedTotal[c] += k
                    refinedSize[c] += 1
                    refined[v] = chosen
                }
            }
            for c in touched { toRefined[Int(c)] = 0; seen[Int(c)] = false }
            touched.removeAll(keepingCapacity: true)
        }
        return refined
    }
}

/// Fast local moving (step 1 of Leiden, and Louvain's moves) and the memory it works in: one
/// value per node for each array, allocated once and freed with the value.
///
/// Nodes are taken from a queue; each moves to the neighbouring (or an empty) community of
/// largest gain k_{v,C} − γ k_v Σ_tot(C) / 2m, and when it moves, its neighbours outside its new
/// community are queued again. A node is queued at most once at a time, so the queue is a ring
/// of n slots. O(deg v) per node taken from the queue.
struct LocalMoving: ~Copyable {
    /// Number of nodes of the level.
    let n: Int
    /// Community of each node.
    let community: UnsafeMutablePointer<Int32>
    /// Σ_tot of each community (sum of its members' degrees) and its number of members.
    let total: UnsafeMutablePointer<Double>
    let size: UnsafeMutablePointer<Int32>
    /// The ring of queued nodes, and whether each node is in it.
    let queue: UnsafeMutablePointer<Int32>
    let queued: UnsafeMutablePointer<Bool>
    /// Weight from the current node to each community, the communities seen and their list.
    let toCommunity: UnsafeMutablePointer<Double>
    let seen: UnsafeMutablePointer<Bool>
    let touched: UnsafeMutablePointer<Int32>
    /// Communities without members (labels are < n, so a node can always move to an empty one).
    var empty: [Int32]

    /// Local moving on `g` from the communities `start`, every node queued in the order `queue`.
    init(_ g: CommunityLevelGraph, start: [Int32], queue order: [Int32]) {
        n = g.nodeCount
        community = .allocate(copying: start)
        total = .allocate(filling: n, with: 0)
        size = .allocate(filling: n, with: 0)
        queue = .allocate(copying: order)
        queued = .allocate(filling: n, with: true)
        toCommunity = .allocate(filling: n, with: 0)
        seen = .allocate(filling: n, with: false)
        touched = .allocate(filling: n, with: 0)
        let size = self.size
        for v in 0 ..< n { total[Int(start[v])] += g.degree[v]; size[Int(start[v])] += 1 }
        empty = (0 ..< n).filter { size[$0] == 0 }.map { Int32($0) }
    }

    deinit {
        community.deallocate()
        total.deallocate()
        size.deallocate()
        queue.deallocate()
        queued.deallocate()
        toCommunity.deallocate()
        seen.deallocate()
        touched.deallocate()
    }

    /// The communities reached.
    var communities: [Int32] { Array(UnsafeBufferPointer(start: community, count: n)) }

    /// Moves nodes until the queue is empty; `scale` is γ / 2m.
    mutating func run(_ g: CommunityLevelGraph.View, scale: Double) {
        var head = 0, count = n
        while count > 0 {
            let v = Int(queue[head])
            head = head + 1 == n ? 0 : head + 1
            count -= 1
            queued[v] = false
            let own = community[v]
            // Weight to each neighbouring community.
            var touchedCount = 0
            for s in g.offsets[v] ..< g.offsets[v + 1] {
                let c = Int(community[Int(g.targets[s])])
                if !seen[c] { seen[c] = true; touched[touchedCount] = Int32(c); touchedCount += 1 }
                toCommunity[c] += g.weights[s]
            }
            // The best community, v taken out of its own.
            let k = g.degree[v]
            total[Int(own)] -= k
            size[Int(own)] -= 1
            var best = own
            var bestGain = toCommunity[Int(own)] - scale * total[Int(own)] * k
            for i in 0 ..< touchedCount where touched[i] != own {
                let c = Int(touched[i])
                let gain = toCommunity[c] - scale * total[c] * k
                if gain > bestGain { bestGain = gain; best = Int32(c) }
            }
            // An empty community: gain 0.
            if bestGain < 0 {
                if size[Int(own)] == 0 { best = own } else if let e = empty.last { best = e }
                bestGain = 0
            }
            if size[Int(own)] == 0 && best != own { empty.append(own) }
            if size[Int(best)] == 0 && best != own, let i = empty.lastIndex(of: best) { empty.remove(at: i) }
            total[Int(best)] += k
            size[Int(best)] += 1
            if best != own {
                community[v] = best
                // Queue the neighbours left outside v's new community.
                for s in g.offsets[v] ..< g.offsets[v + 1] {
                    let w = Int(g.targets[s])
                    if !queued[w] && community[w] != best {
                        queued[w] = true
                        queue[(head + count) % n] = Int32(w)
                        count += 1
                    }
                }
            }
            for i in 0 ..< touchedCount { let c = Int(touched[i]); toCommunity[c] = 0; seen[c] = false }
        }
    }
}
