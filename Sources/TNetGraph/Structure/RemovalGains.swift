/// What removing each node alone would do to a graph's fragmentation
/// (``Graph/removalGains(present:candidates:sampling:threads:progress:)``).
public struct RemovalGains: Sendable {
    /// The fragmentation of the graph as it is (the present nodes), exact or estimated.
    public var base: EfficiencyEstimate
    /// For each node, the rise in fragmentation when it alone is removed from the present nodes;
    /// NaN for a node that is not a present candidate.
    public var gains: [Double]
    /// The error bound of each gain (0 when exact), each holding with probability at least 1 − δ.
    public var gainBound: Double

    /// The width of the per-source values a gain averages, over `n` present nodes: the sample
    /// of a removal-gains pass is sized for it, (n + 2)/(n − 2) (1 for two nodes or fewer). A
    /// value stated beside the gains, measured with this width, is drawn from the same sources.
    public static func sampleWidth(nodes n: Int) -> Double { n > 2 ? Double(n + 2) / Double(n - 2) : 1 }
}

extension Graph {
    /// The rise in Borgatti's distance-weighted fragmentation (``fragmentation(present:)``) when
    /// each candidate alone is removed from the present nodes, for every candidate at once, exact
    /// or from sampled sources (``EfficiencySampling``); the graph is read as undirected.
    ///
    /// With A = Σ over ordered pairs of present nodes of 1/d(s, t) and N present nodes,
    /// fragmentation is 1 − A/(N(N − 1)). Removing v loses, from each source s, L_v(s): all of
    /// s's row when s = v, else 1/d(s, v) and what the pairs whose every shortest path runs
    /// through v lose as they lengthen. Those pairs are exactly the nodes v dominates in the
    /// breadth-first DAG of s (Lengauer and Tarjan's dominator tree, built here in one pass in
    /// BFS order by intersecting predecessors, as Cooper, Harvey and Kennedy do): every other
    /// node keeps its distance, so one search per source serves every candidate, and only the
    /// region a candidate dominates is searched again, from its border (incremental
    /// recomputation); a region that the candidate's removal cuts off from the source whole (the
    /// pieces an articulation point leaves, from one depth-first search per call) is lost
    /// without a search. The gain of v is (1 − (A − Σ_s L_v(s)) / ((N − 1)(N − 2))) − (1 − A/(N(N − 1))).
    ///
    /// Sampled: k sources drawn without replacement; A and Σ_s L_v(s) are scaled by N/k, the
    /// same sources for every candidate (common random numbers). The gain is then N/((N − 1)(N − 2))
    /// times a mean of per-source values L_v(s) − 2R(s)/N, which lie in an interval of width
    /// (N − 1)(N + 2)/N; so k sources with w · √(ρ_k ln(2/δ)/(2k)) ≤ ε, w = (N + 2)/(N − 2) and
    /// ρ_k = 1 − (k − 1)/N, put each gain within ε with probability 1 − δ (Hoeffding, with
    /// Serfling's factor ρ_k for sampling without replacement: ``EfficiencySampling``).
    ///
    /// - Parameters:
    ///   - present: the nodes left (nil: all).
    ///   - candidates: the nodes whose removal is evaluated, by node index.
    ///   - sampling: exact or sampled, ε, δ and seed.
    ///   - threads: worker threads (the result does not depend on them, bit for bit).
    ///   - progress: told the fraction done, from worker threads.
    /// - Returns: the base fragmentation and each candidate's gain, with their bounds.
    /// - Complexity: O(k · (m + Σ_t deg(t) · h(t))) time for k sources (n when exact), h(t) the
    ///   depth of t in the source's dominator tree (small in networks with many routes, the
    ///   distance at worst); O(n) memory per thread.
    public func removalGains(present: [Bool]? = nil, candidates: [Bool], sampling: EfficiencySampling = EfficiencySampling(),
                             threads: Int = 1, progress: ProgressHandler? = nil) -> RemovalGains {
        precondition(candidates.count == nodeCount)
        let n = nodeCount
        let count = present.map { $0.lazy.filter { $0 }.count } ?? n
        let evaluated = (0 ..< n).map { candidates[$0] && (present?[$0] ?? true) }
        guard count > 1 else {
            let base = EfficiencyEstimate(value: 1, sources: 0, nodes: count, isExact: true, errorBound: 0)
            return RemovalGains(base: base, gains: evaluated.map { $0 ? 0 : .nan }, gainBound: 0)
        }
        let width = RemovalGains.sampleWidth(nodes: count)
        let (sources, exact) = sampling.sources(n: n, present: present, width: width)
        let block = 8
        let chunks = (sources.count + block - 1) / block
        let t = max(1, min(threads, chunks))
        let tracker = ChunkProgress(total: max(1, chunks), handler: progress)
        let slots = WorkspaceSlots<DominatorWorkspace>(count: t)
        let losses = OrderedSum(length: n)
        var rowSums = [Double](repeating: 0, count: sources.count)
        let keep = present ?? []
        let view = isDirected ? undirectedView() : (outgoing.offsets, outgoing.neighbors)
        let pieces = CutPieces(offsets: view.0, neighbors: view.1, present: present)
        rowSums.withUnsafeMutableBufferPointer { rows in
            evaluated.withUnsafeBufferPointer { isCandidate in
                view.0.withUnsafeBufferPointer { off in
                    view.1.withUnsafeBufferPointer { nb in
                        forEachChunk(chunks, threads: t) { chunk, worker in
                            let w = slots.get(worker) { DominatorWorkspace(n) }
                            var loss = losses.buffer()
                            loss.withUnsafeMutableBufferPointer { loss in
                                for i in chunk * block ..< min(sources.count, (chunk + 1) * block) {
                                    rows[i] = w.losses(self, from: sources[i], present: keep, candidates: isCandidate, off: off, nb: nb,
                                                       pieces: pieces, into: loss)
                                }
                            }
                            losses.add(loss, chunk: chunk)
                            tracker.completed()
                        }
                    }
                }
            }
        }
        let lost = losses.result()
        var a = 0.0
        for r in rowSums { a += r }
        let scale = exact ? 1 : Double(count) / Double(sources.count)
        a *= scale
        let nn = Double(count)
        let base = 1 - a / (nn * (nn - 1))
        var gains = [Double](repeating: .nan, count: n)
        for v in 0 ..< n where evaluated[v] {
            let left = nn - 1
            let after = left > 1 ? 1 - (a - lost[v] * scale) / (left * (left - 1)) : 1
            gains[v] = after - base
        }
        let estimate = EfficiencyEstimate(value: base, sources: sources.count, nodes: count, isExact: exact,
                                          errorBound: exact ? 0 : sampling.bound(sources: sources.count, population: count))
        return RemovalGains(base: estimate, gains: gains,
                            gainBound: exact ? 0 : sampling.bound(sources: sources.count, width: width, population: count))
    }
}

/// A thread's scratch space for ``Graph/removalGains(present:candidates:sampling:threads:progress:)``:
/// one breadth-first search from a source, its dominator tree, and the searches again of the
/// regions candidates dominate. Per-node memory allocated once, reset per source in
/// O(reached nodes).
final class DominatorWorkspace {
    private let bfs: BFSWorkspace
    /// Immediate dominator and depth in the dominator tree.
    private let idom: UnsafeMutablePointer<Int32>, depth: UnsafeMutablePointer<Int32>
    /// Subtree size, preorder position and the next free position for a child's block.
    private let size: UnsafeMutablePointer<Int32>, pre: UnsafeMutablePointer<Int32>, nextFree: UnsafeMutablePointer<Int32>
    /// Σ 1/d(s, t) over each node's dominator subtree.
    private let subtreeSum: UnsafeMutablePointer<Double>
    /// Nodes by preorder position.
    private let members: UnsafeMutablePointer<Int32>
    /// The search again: tentative distances (Int32.max unknown), settled flags, its queue.
    private let newDistance: UnsafeMutablePointer<Int32>
    private let settled: UnsafeMutablePointer<Bool>
    private let queue: UnsafeMutablePointer<Int32>
    private var seeds: [UInt64] = []

    init(_ n: Int) {
        bfs = BFSWorkspace(n)
        idom = .allocate(filling: n, with: -1)
        depth = .allocate(filling: n, with: 0)
        size = .allocate(filling: n, with: 0)
        pre = .allocate(filling: n, with: 0)
        nextFree = .allocate(filling: n, with: 0)
        subtreeSum = .allocate(filling: n, with: 0)
        members = .allocate(filling: n, with: 0)
        newDistance = .allocate(filling: n, with: .max)
        settled = .allocate(filling: n, with: false)
        queue = .allocate(filling: n, with: 0)
    }

    deinit {
        for p in [idom, depth, size, pre, nextFree, members, newDistance, queue] { p.deallocate() }
        subtreeSum.deallocate()
        settled.deallocate()
    }

    /// Adds L_v(s) to `loss[v]` for every candidate v reached from `s`, and returns R(s), the
    /// source's Σ 1/d(s, t) (in ``Graph/globalEfficiency(present:)``'s order). `off`/`nb`: the
    /// graph read as undirected.
    func losses(_ g: Graph, from s: Int, present: [Bool], candidates: UnsafeBufferPointer<Bool>,
                off: UnsafeBufferPointer<Int>, nb: UnsafeBufferPointer<NodeIndex>, pieces: CutPieces,
                into loss: UnsafeMutableBufferPointer<Double>) -> Double {
        let row = bfs.search(g, from: s, present: present)
        let order = bfs.queue, dist = bfs.distance
        let reached = bfs.reached
        if candidates[s] { loss[s] += row }
        // The dominator tree, in BFS order: a node's dominator is the deepest common dominator
        // of its predecessors (all earlier in the order).
        idom[s] = Int32(s); depth[s] = 0
        for i in 1 ..< max(1, reached) {
            let v = Int(order[i])
            let dv = dist[v]
            var x = -1
            if dv == 1 {
                x = s
            } else {
                for slot in off[v] ..< off[v + 1] {
                    let p = Int(nb[slot])
                    guard dist[p] == dv - 1 else { continue }
                    if x < 0 { x = p; continue }
                    var a = x, b = p
                    while a != b {
                        let da = depth[a], db = depth[b]
                        if da >= db { a = Int(idom[a]) }
                        if db >= da { b = Int(idom[b]) }
                    }
                    x = a
                }
            }
            idom[v] = Int32(x); depth[v] = depth[x] + 1
        }
        // Subtree sizes and sums, leaves first.
        for i in 0 ..< reached {
            let v = Int(order[i])
            size[v] = 1
            subtreeSum[v] = i == 0 ? 0 : 1 / Double(dist[v])
        }
        var i = reached - 1
        while i > 0 {
            let v = Int(order[i]), p = Int(idom[v])
            size[p] += size[v]
            subtreeSum[p] += subtreeSum[v]
            i -= 1
        }
        // Preorder positions: each subtree a contiguous block.
        pre[s] = 0; nextFree[s] = 1; members[0] = Int32(s)
        for i in 1 ..< max(1, reached) {
            let v = Int(order[i]), p = Int(idom[v])
            pre[v] = nextFree[p]
            nextFree[p] += size[v]
            nextFree[v] = pre[v] + 1
            members[Int(pre[v])] = Int32(v)
        }
        for i in 1 ..< max(1, reached) {
            let v = Int(order[i])
            guard candidates[v] else { continue }
            // All that v dominates is cut off from s by its removal (a piece of an articulation
            // point away from s): lost whole, no search.
            if size[v] == 1 || Int(size[v]) - 1 == pieces.cutOff(by: v, from: s, reached: reached) {
                loss[v] += subtreeSum[v]
                continue
            }
            loss[v] += subtreeSum[v] - searchAgain(without: v, dist: dist, off: off, nb: nb)
        }
        bfs.reset()
        return row
    }

    /// Σ 1/d'(s, t) over the nodes t that `v` strictly dominates, d' the distance once v is gone:
    /// the other nodes keep their distances, so the region is searched from its border, each
    /// node seeded with 1 + the least distance of a neighbour outside it, in order of distance
    /// (the seeds sorted, merged with the search's queue).
    private func searchAgain(without v: Int, dist: UnsafeMutablePointer<Int32>, off: UnsafeBufferPointer<Int>,
                             nb: UnsafeBufferPointer<NodeIndex>) -> Double {
        let lo = pre[v], hi = pre[v] + size[v]
        seeds.removeAll(keepingCapacity: true)
        for k in Int(lo) + 1 ..< Int(hi) {
            let t = Int(members[k])
            var best = Int32.max
            for slot in off[t] ..< off[t + 1] {
                let u = Int(nb[slot])
                let du = dist[u]
                if du >= 0 && u != v && !(pre[u] >= lo && pre[u] < hi) && du + 1 < best { best = du + 1 }
            }
            if best < .max {
                newDistance[t] = best
                seeds.append(UInt64(UInt32(best)) << 32 | UInt64(UInt32(t)))
            }
        }
        seeds.sort()
        var head = 0, tail = 0, next = 0
        var sum = 0.0
        while next < seeds.count || head < tail {
            let u: Int
            if head < tail && (next == seeds.count || UInt64(UInt32(newDistance[Int(queue[head])])) <= seeds[next] >> 32) {
                u = Int(queue[head]); head += 1
            } else {
                let key = seeds[next]; next += 1
                u = Int(UInt32(truncatingIfNeeded: key))
                if Int32(truncatingIfNeeded: key >> 32) != newDistance[u] { continue }
            }
            if settled[u] { continue }
            settled[u] = true
            let du = newDistance[u]
            sum += 1 / Double(du)
            for slot in off[u] ..< off[u + 1] {
                let w = Int(nb[slot])
                if dist[w] >= 0 && pre[w] > lo && pre[w] < hi && !settled[w] && du + 1 < newDistance[w] {
                    newDistance[w] = du + 1
                    queue[tail] = Int32(w); tail += 1
                }
            }
        }
        for k in Int(lo) + 1 ..< Int(hi) {
            let t = Int(members[k])
            newDistance[t] = .max
            settled[t] = false
        }
        return sum
    }
}

/// The pieces each node's removal leaves of its connected part (over the present nodes, read as
/// undirected), from one depth-first search with low-points (explicit stack, no recursion): for
/// a source s, how many nodes removing v cuts off from s.
final class CutPieces: Sendable {
    /// Discovery time of each node (-1 absent).
    let discovery: [Int32]
    /// Nodes each node's removal separates from its parent's side, in all, and the largest
    /// such piece.
    let separatedTotal: [Int32], largestSeparated: [Int32]
    /// Each present node's connected part (-1 absent) and the parts' sizes.
    let part: [Int32], partSizes: [Int]
    /// For each node v, the children c whose subtree its removal separates (low(c) ≥ disc(v)),
    /// in discovery order: their first and past-last discovery times and sizes
    /// (``separatedChildren(of:)`` indexes them).
    private let offsets: [Int]
    let starts: [Int32], ends: [Int32], sizes: [Int32]

    /// Indices into ``starts``, ``ends`` and ``sizes`` of the subtrees v's removal separates.
    func separatedChildren(of v: Int) -> Range<Int> { offsets[v] ..< offsets[v + 1] }

    init(offsets off: [Int], neighbors nb: [NodeIndex], present: [Bool]?) {
        let n = off.count - 1
        var discovery = [Int32](repeating: -1, count: n)
        var low = [Int32](repeating: 0, count: n), subtree = [Int32](repeating: 1, count: n)
        var separatedTotal = [Int32](repeating: 0, count: n), largestSeparated = separatedTotal
        var part = [Int32](repeating: -1, count: n), partSizes: [Int] = []
        var owner: [Int32] = [], start: [Int32] = [], end: [Int32] = [], size: [Int32] = []
        var frames: [(node: Int, slot: Int)] = []
        var time: Int32 = 0
        for root in 0 ..< n where discovery[root] < 0 && (present?[root] ?? true) {
            let label = Int32(partSizes.count)
            discovery[root] = time; low[root] = time; time += 1
            part[root] = label
            frames.append((root, off[root]))
            while let top = frames.last {
                let v = top.node
                if top.slot < off[v + 1] {
                    let w = Int(nb[top.slot])
                    frames[frames.count - 1].slot += 1
                    guard present?[w] ?? true else { continue }
                    if discovery[w] < 0 {
                        discovery[w] = time; low[w] = time; time += 1
                        part[w] = label
                        frames.append((w, off[w]))
                    } else {
                        low[v] = min(low[v], discovery[w])
                    }
                    continue
                }
                frames.removeLast()
                guard let parent = frames.last?.node else { continue }
                low[parent] = min(low[parent], low[v])
                subtree[parent] += subtree[v]
                if low[v] >= discovery[parent] {
                    owner.append(Int32(parent)); start.append(discovery[v]); end.append(time); size.append(subtree[v])
                    separatedTotal[parent] += subtree[v]
                    largestSeparated[parent] = max(largestSeparated[parent], subtree[v])
                }
            }
            partSizes.append(Int(subtree[root]))
        }
        // Group the separated children by their parent, keeping discovery order (a stable
        // counting sort).
        var offsets = [Int](repeating: 0, count: n + 1)
        for o in owner { offsets[Int(o) + 1] += 1 }
        for v in 0 ..< n { offsets[v + 1] += offsets[v] }
        var fill = offsets
        var starts = [Int32](repeating: 0, count: owner.count), ends = starts, sizes = starts
        var records = Array(owner.indices)
        records.sort { start[$0] < start[$1] }
        for r in records {
            let p = Int(owner[r])
            starts[fill[p]] = start[r]; ends[fill[p]] = end[r]; sizes[fill[p]] = size[r]
            fill[p] += 1
        }
        self.discovery = discovery
        self.separatedTotal = separatedTotal
        self.largestSeparated = largestSeparated
        self.part = part
        self.partSizes = partSizes
        self.offsets = offsets
        self.starts = starts
        self.ends = ends
        self.sizes = sizes
    }

    /// How many nodes of s's part (of `reached` nodes) removing v cuts off from s (v itself not
    /// counted).
    @inline(__always)
    func cutOff(by v: Int, from s: Int, reached: Int) -> Int {
        let lo = offsets[v], hi = offsets[v + 1]
        guard lo < hi else { return 0 }
        let ds = discovery[s]
        // The separated child holding s, if any (binary search by discovery time).
        var a = lo, b = hi
        while a < b {
            let mid = (a + b) >> 1
            if ends[mid] <= ds { a = mid + 1 } else { b = mid }
        }
        if a < hi && starts[a] <= ds {
            // s lies below v in a piece of its own: all but that piece is cut off.
            return reached - 1 - Int(sizes[a])
        }
        return Int(separatedTotal[v])
    }
}
