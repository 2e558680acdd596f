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
            ? levels(&degree, lists: lists, budget: budget)
            : ParallelCorePeeling(graph: graph, lists: lists, threads: t).run(&degree, budget: budget)
        if !remaining.isEmpty { bucketPeel(&degree, nodes: remaining, lists: lists) }
    }

    /// Peels level by level while the scans cost less than `budget` in all; returns the nodes
    /// not yet peeled (empty when done). Their degrees are then their degrees among themselves,
    /// and every peeled node's degree is its core number, below any remaining degree.
    private func levels<D: FixedWidthInteger>(_ degree: inout [D], lists: [Adjacency], budget: Int) -> [Int32] {
        let n = graph.nodeCount
        var alive = [Int32](unsafeUninitializedCapacity: n) { b, c in
            for v in 0 ..< n { b[v] = Int32(v) }
            c = n
        }
        var frontier = [Int32](repeating: 0, count: n)
        var aliveCount = n, scanned = 0
        var level = D.min
        degree.withUnsafeMutableBufferPointer { deg in
        alive.withUnsafeMutableBufferPointer { alv in
        frontier.withUnsafeMutableBufferPointer { front in
            while aliveCount > 0 && scanned < budget {
                // Drop the nodes peeled at the last level (degree ≤ level), keep the others and
                // collect those at the new lowest degree.
                scanned += aliveCount
                var kept = 0, found = 0, lowest = D.max
                for i in 0 ..< aliveCount {
                    let v = alv[i], d = deg[Int(v)]
                    guard d > level else { continue }
                    alv[kept] = v
                    kept += 1
                    if d < lowest { lowest = d; found = 0 }
                    if d == lowest { front[found] = v; found += 1 }
                }
                aliveCount = kept
                guard kept > 0 else { break }
                level = lowest
                var head = 0
                while head < found {
                    let v = Int(front[head])
                    head += 1
                    for adjacency in lists {
                        adjacency.withUnsafeBuffers { off, nb, _, _ in
                            for slot in off[v] ..< off[v + 1] {
                                let u = Int(nb[slot])
                                let du = deg[u]
                                guard du > level else { continue }
                                deg[u] = du - 1
                                if du - 1 == level { front[found] = Int32(u); found += 1 }
                            }
                        }
                    }
                }
            }
        }
        }
        }
        guard aliveCount > 0 else { return [] }
        let current = level
        return degree.withUnsafeBufferPointer { deg in
            alive[..<aliveCount].filter { deg[Int($0)] > current }
        }
    }

    /// Batagelj–Zaversnik on `nodes`: bucket sort by degree, then peel in that order, moving each
    /// neighbour whose degree drops one bucket down. Nodes outside `nodes` must have degrees
    /// below every degree in it (they are then never touched).
    func bucketPeel<D: FixedWidthInteger>(_ degree: inout [D], nodes: [Int32], lists: [Adjacency]) {
        let count = nodes.count
        let low = nodes.map { Int(degree[Int($0)]) }.min() ?? 0
        let high = nodes.map { Int(degree[Int($0)]) }.max() ?? 0
        // `binStart[d - low]`: first slot of degree d in `order`; `position[v]`: v's slot.
        var binStart = [Int](repeating: 0, count: high - low + 2)
        for v in nodes { binStart[Int(degree[Int(v)]) - low + 1] += 1 }
        for d in 0 ..< high - low + 1 { binStart[d + 1] += binStart[d] }
        var order = [Int32](repeating: 0, count: count)
        var position = [Int32](repeating: 0, count: graph.nodeCount)
        var fill = binStart
        for v in nodes {
            let b = Int(degree[Int(v)]) - low
            position[Int(v)] = Int32(fill[b])
            order[fill[b]] = v
            fill[b] += 1
        }
        degree.withUnsafeMutableBufferPointer { deg in
        binStart.withUnsafeMutableBufferPointer { bin in
        order.withUnsafeMutableBufferPointer { ord in
        position.withUnsafeMutableBufferPointer { pos in
            for i in 0 ..< count {
                let v = Int(ord[i])
                let dv = deg[v]
                for adjacency in lists {
                    adjacency.withUnsafeBuffers { off, nb, _, _ in
                        for slot in off[v] ..< off[v + 1] {
                            let u = Int(nb[slot])
                            let du = deg[u]
                            guard du > dv else { continue }
                            // Swap u with the first node of its bin, then shrink the bin from the left.
                            let b = Int(du) - low
                            let first = bin[b], w = Int(ord[first]), pu = Int(pos[u])
                            if w != u {
                                ord[pu] = Int32(w)
                                pos[w] = Int32(pu)
                                ord[first] = Int32(u)
                                pos[u] = Int32(first)
                            }
                            bin[b] = first + 1
                            deg[u] = du - 1
                        }
                    }
                }
            }
        }
        }
        }
        }
    }
}
