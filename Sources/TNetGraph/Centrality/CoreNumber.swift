extension Graph {
    /// Core number of every node, as NetworkX's `core_number`: the largest k such that the node
    /// belongs to a k-core (a maximal subgraph whose nodes all have degree ≥ k within it); for a
    /// directed graph degree is in + out. Returns `nil` when the graph has self-loops (NetworkX
    /// refuses them too: a self-loop would keep its node in every core).
    ///
    /// Peeling, level by level (the sequential form of Dasari, Ranjan & Zubair's ParK, 2014):
    /// at level k every remaining node of degree k is removed, and removing a node lowers its
    /// remaining neighbours' degrees, which may bring more of them down to k. Each removal
    /// touches one degree per neighbour — fewer memory accesses than the bucket swaps of
    /// Batagelj & Zaversnik (2003, "An O(m) algorithm for cores decomposition of networks").
    /// Finding the nodes of a level scans the remaining nodes, so a graph with many distinct
    /// core numbers would make that `O(n · levels)`; once the scans have cost `n + m`, the rest
    /// of the graph is peeled with Batagelj–Zaversnik's bucket order instead. Iterative, `O(n + m)`.
    ///
    /// `threads` > 1 splits each level's work between threads: every thread owns a contiguous
    /// range of nodes and alone changes their degrees (no atomic operations); all threads read
    /// the removed nodes' lists. The result does not depend on the thread count.
    ///
    /// - Parameter threads: worker threads (graphs below 65,536 nodes per thread use fewer).
    /// - Returns: the core number of every node, by node index; nil when the graph has self-loops.
    /// - Complexity: O(n + m) time, O(n) memory.
    public func coreNumbers(threads: Int = 1) -> [Int]? {
        coreNumbers(threads: threads, peeling: CorePeeling.Settings())
    }

    /// ``coreNumbers(threads:)`` with the peel's thresholds set (tests reach every path on small graphs).
    func coreNumbers(threads: Int, peeling settings: CorePeeling.Settings) -> [Int]? {
        guard selfLoopNodes.isEmpty else { return nil }
        let degree = degrees()
        if (degree.max() ?? 0) < Int(Int32.max) {
            var narrow = degree.map { Int32($0) }
            CorePeeling(graph: self, settings: settings).run(&narrow, threads: threads)
            return narrow.map { Int($0) }
        }
        var wide = degree
        CorePeeling(graph: self, settings: settings).run(&wide, threads: 1)
        return wide
    }
}

/// The peeling behind ``Graph/coreNumbers(threads:)``: turns each node's degree into its core number.
struct CorePeeling {
    /// When the peel changes method or splits into threads.
    struct Settings {
        /// Level scans may cost `scanBudgetFactor · (n + m)` before the bucket order takes over
        /// (0: bucket order from the start).
        var scanBudgetFactor = 1.0
        /// Fewest nodes per thread worth a thread of its own.
        var minimumNodesPerThread = 65_536
    }

    let graph: Graph
    let settings: Settings

    func run<D: FixedWidthInteger & Sendable>(_ degree: inout [D], threads: Int) {
        let n = graph.nodeCount
        guard n > 0 else { return }
        let lists = graph.isDirected ? [graph.outgoing, graph.incoming] : [graph.outgoing]
        let slotCount = lists.reduce(0) { $0 + $1.neighbors.count }
        let t = max(1, min(threads, n / max(1, settings.minimumNodesPerThread)))
        let budget = Int(settings.scanBudgetFactor * Double(n + slotCount))
        let remaining = t == 1
            ? levels(&degree, budget: budget)
            : ParallelCorePeeling(graph: graph, lists: lists, threads: t).run(&degree, budget: budget)
        if !remaining.isEmpty { bucketPeel(&degree, nodes: remaining) }
    }

    /// Peels level by level while the scans cost less than `budget` in all; returns the nodes
    /// not yet peeled (empty when done). Their degrees are then their degrees among themselves,
    /// and every peeled node's degree is its core number, below any remaining degree.
    private func levels<D: FixedWidthInteger>(_ degree: inout [D], budget: Int) -> [Int32] {
        var peel = LevelPeel(nodeCount: graph.nodeCount)
        let level = degree.withUnsafeMutableBufferPointer { degree in
            graph.withSearchViews(.both) { first, second in peel.run(degree, first, second, budget: budget) }
        }
        return degree.withUnsafeBufferPointer { degree in peel.remaining(above: level, degree) }
    }

    /// Batagelj–Zaversnik on `nodes`: bucket sort by degree, then peel in that order, moving each
    /// neighbour whose degree drops one bucket down. Nodes outside `nodes` must have degrees
    /// below every degree in it (they are then never touched).
    func bucketPeel<D: FixedWidthInteger>(_ degree: inout [D], nodes: [Int32]) {
        degree.withUnsafeMutableBufferPointer { degree in
            var peel = BucketPeel(nodes: nodes, degree: degree, nodeCount: graph.nodeCount)
            graph.withSearchViews(.both) { first, second in peel.run(degree, first, second) }
        }
    }
}

/// The level-by-level peel of ``CorePeeling`` on one thread, and its memory: the nodes not yet
/// peeled and the frontier of the current level, allocated once and freed with the value.
struct LevelPeel: ~Copyable {
    /// `alive[0 ..< aliveCount]`: the nodes not peeled before the current level.
    let alive: UnsafeMutablePointer<Int32>
    var aliveCount: Int
    /// The nodes peeled at the current level, in order of discovery.
    let frontier: UnsafeMutablePointer<Int32>

    /// A peel of nodes `0 ..< nodeCount`, all alive.
    init(nodeCount n: Int) {
        alive = .allocate(filling: n, with: 0)
        for v in 0 ..< n { alive[v] = Int32(v) }
        aliveCount = n
        frontier = .allocate(filling: n, with: 0)
    }

    deinit {
        alive.deallocate()
        frontier.deallocate()
    }

    /// Peels levels over the lists `first` (and `second`) while the scans cost less than
    /// `budget`; returns the last level reached.
    mutating func run<D: FixedWidthInteger>(_ degree: UnsafeMutableBufferPointer<D>, _ first: CSRView, _ second: CSRView?,
                                            budget: Int) -> D {
        var scanned = 0
        var level = D.min
        while aliveCount > 0 && scanned < budget {
            // Drop the nodes peeled at the last level (degree ≤ level), keep the others and
            // collect those at the new lowest degree.
            scanned += aliveCount
            var kept = 0, found = 0, lowest = D.max
            for i in 0 ..< aliveCount {
                let v = alive[i], d = degree[Int(v)]
                guard d > level else { continue }
                alive[kept] = v
                kept += 1
                if d < lowest { lowest = d; found = 0 }
                if d == lowest { frontier[found] = v; found += 1 }
            }
            aliveCount = kept
            guard kept > 0 else { break }
            level = lowest
            var head = 0
            while head < found {
                let v = Int(frontier[head])
                head += 1
                for list in 0 ..< (second == nil ? 1 : 2) {
                    let lists = list == 0 ? first : second!
                    for slot in lists.offsets[v] ..< lists.offsets[v + 1] {
                        let u = Int(lists.neighbors[slot])
                        let du = degree[u]
                        guard du > level else { continue }
                        degree[u] = du - 1
                        if du - 1 == level { frontier[found] = Int32(u); found += 1 }
                    }
                }
            }
        }
        return level
    }

    /// The nodes still alive above `level` (empty when the peel is done).
    func remaining<D: FixedWidthInteger>(above level: D, _ degree: UnsafeBufferPointer<D>) -> [Int32] {
        UnsafeBufferPointer(start: alive, count: aliveCount).filter { degree[Int($0)] > level }
    }
}

/// Batagelj–Zaversnik's bucket peel (``CorePeeling/bucketPeel(_:nodes:)``) and its
/// memory: the nodes in order of degree, each node's position in it and the first slot of each
/// degree's bucket, allocated once and freed with the value.
struct BucketPeel: ~Copyable {
    let count: Int
    /// Lowest degree among the nodes.
    let low: Int
    /// `binStart[d - low]`: the first slot of degree d in `order`.
    let binStart: UnsafeMutablePointer<Int>
    /// The nodes by degree, and each node's slot in that order.
    let order: UnsafeMutablePointer<Int32>
    let position: UnsafeMutablePointer<Int32>

    /// The bucket order of `nodes` by `degree` (counting sort), in a graph of `nodeCount` nodes.
    init<D: FixedWidthInteger>(nodes: [Int32], degree: UnsafeMutableBufferPointer<D>, nodeCount: Int) {
        count = nodes.count
        low = nodes.map { Int(degree[Int($0)]) }.min() ?? 0
        let high = nodes.map { Int(degree[Int($0)]) }.max() ?? 0
        binStart = .allocate(filling: high - low + 2, with: 0)
        for v in nodes { binStart[Int(degree[Int(v)]) - low + 1] += 1 }
        for d in 0 ..< high - low + 1 { binStart[d + 1] += binStart[d] }
        order = .allocate(filling: count, with: 0)
        position = .allocate(filling: nodeCount, with: 0)
        var fill = Array(UnsafeBufferPointer(start: binStart, count: high - low + 2))
        for v in nodes {
            let b = Int(degree[Int(v)]) - low
            position[Int(v)] = Int32(fill[b])
            order[fill[b]] = v
            fill[b] += 1
        }
    }

    deinit {
        binStart.deallocate()
        order.deallocate()
        position.deallocate()
    }

    /// Peels the nodes in bucket order over the lists `first` (and `second`), turning each
    /// node's degree into its core number.
    mutating func run<D: FixedWidthInteger>(_ degree: UnsafeMutableBufferPointer<D>, _ first: CSRView, _ second: CSRView?) {
        for i in 0 ..< count {
            let v = Int(order[i])
            let dv = degree[v]
            for list in 0 ..< (second == nil ? 1 : 2) {
                let lists = list == 0 ? first : second!
                for slot in lists.offsets[v] ..< lists.offsets[v + 1] {
                    let u = Int(lists.neighbors[slot])
                    let du = degree[u]
                    guard du > dv else { continue }
                    // Swap u with the first node of its bin, then shrink the bin from the left.
                    let b = Int(du) - low
                    let first = binStart[b], w = Int(order[first]), pu = Int(position[u])
                    if w != u {
                        order[pu] = Int32(w)
                        position[w] = Int32(pu)
                        order[first] = Int32(u)
                        position[u] = Int32(first)
                    }
                    binStart[b] = first + 1
                    degree[u] = du - 1
                }
            }
        }
    }
}
