/// The counting-sort passes behind ``Graph/init(nodeCount:directed:sources:targets:weights:duplicates:)``.
///
/// Every pass is a stable bucket placement, so after the final pass each neighbour list is
/// sorted by neighbour and parallel copies of one edge keep their input order (which is what
/// ``DuplicateEdgePolicy/keepLast`` needs).
enum CSRConstruction {
    /// Slot lists in construction: offsets, neighbours, weights (empty when unweighted).
    struct Lists {
        var offsets: [Int]
        var neighbors: [NodeIndex]
        var weights: [Double]
    }

    static func undirected(n: Int, sources: [NodeIndex], targets: [NodeIndex],
                           weights: [Double]?, policy: DuplicateEdgePolicy) -> Graph {
        let weighted = weights != nil
        let threads = ParallelCSRPasses.threads(edges: sources.count)
        var sorted: Lists
        if threads > 1 {
            // The same passes on several threads, with the same result (ParallelCSRPasses).
            // The bucketed lists end with this block, before the merge (as on one thread).
            sorted = {
                let (offsets, unsorted, unsortedW) = ParallelCSRPasses.bucketEndpoints(
                    n: n, sources: sources, targets: targets, weights: weights, threads: threads)
                var lists = Lists(offsets: offsets, neighbors: [NodeIndex](repeating: 0, count: offsets[n]),
                                  weights: [Double](repeating: 0, count: weighted ? offsets[n] : 0))
                ParallelCSRPasses.transpose(n: n, from: offsets, neighbors: unsorted, weights: unsortedW,
                                            into: &lists, threads: threads)
                return lists
            }()
            if policy != .keepAll { ParallelCSRPasses.merge(n: n, lists: &sorted, policy: policy, threads: threads) }
        } else {
            sorted = bucketAndSort(n: n, sources: sources, targets: targets, weights: weights, policy: policy)
        }
        // Edge indices: ordered by (min, max) endpoint; write each id at both endpoints.
        let total = sorted.neighbors.count
        var ids = [EdgeIndex](repeating: 0, count: total)
        var loops: [NodeIndex] = []
        var edgeCount = 0
        var other = sorted.offsets
        sorted.neighbors.withUnsafeBufferPointer { nb in
            ids.withUnsafeMutableBufferPointer { id in
                for u in 0 ..< n {
                    for slot in sorted.offsets[u] ..< sorted.offsets[u + 1] {
                        let v = Int(nb[slot])
                        if v < u { continue }
                        id[slot] = EdgeIndex(edgeCount)
                        if v == u {
                            if loops.last != NodeIndex(u) { loops.append(NodeIndex(u)) }
                        } else {
                            id[other[v]] = EdgeIndex(edgeCount)
                            other[v] += 1
                        }
                        edgeCount += 1
                    }
                }
            }
        }
        let adjacency = Adjacency(offsets: sorted.offsets, neighbors: sorted.neighbors, edgeIndices: ids,
                                  weights: weighted ? sorted.weights : nil)
        return Graph(isDirected: false, nodeCount: n, edgeCount: edgeCount,
                     outgoing: adjacency, incoming: adjacency, selfLoopNodes: loops)
    }


    /// Pass 1 (each endpoint bucketed by node, input order; a self-loop once), pass 2 (the
    /// transpose that sorts each list) and the merge of parallel edges, on one thread.
    static func bucketAndSort(n: Int, sources: [NodeIndex], targets: [NodeIndex], weights: [Double]?,
                              policy: DuplicateEdgePolicy) -> Lists {
        let weighted = weights != nil
        // Pass 1: each endpoint bucketed by node, input order (a self-loop once): the bucket
        // pass of ParallelCSRPasses on this one thread.
        var (offsets, unsorted, unsortedW) = ParallelCSRPasses.bucketEndpoints(
            n: n, sources: sources, targets: targets, weights: weights, threads: 1)
        let slots = offsets[n]
        // Pass 2: transpose. The lists are symmetric, so visiting v ascending and appending v
        // to each neighbour's list yields the same lists, sorted.
        var sorted = Lists(offsets: offsets, neighbors: [NodeIndex](repeating: 0, count: slots),
                           weights: [Double](repeating: 0, count: weighted ? slots : 0))
        transpose(n: n, from: offsets, neighbors: unsorted, weights: unsortedW, into: &sorted)
        unsorted = []; unsortedW = []
        if policy != .keepAll { merge(n: n, lists: &sorted, policy: policy) }
        return sorted
    }

    static func directed(n: Int, sources: [NodeIndex], targets: [NodeIndex],
                         weights: [Double]?, policy: DuplicateEdgePolicy) -> Graph {
        let m = sources.count
        let weighted = weights != nil
        // Pass 1: bucket by source, input order (unchecked buffers, after one range check).
        var counts = [Int](repeating: 0, count: n + 1)
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { dst in
                counts.withUnsafeMutableBufferPointer { c in
                    for i in 0 ..< m {
                        let a = Int(src[i]), b = Int(dst[i])
                        precondition(UInt(bitPattern: a) < UInt(n) && UInt(bitPattern: b) < UInt(n), "edge endpoint out of range")
                        c[a] += 1
                    }
                }
            }
        }
        let outOffsets = prefixSums(counts)
        var unsorted = [NodeIndex](repeating: 0, count: m)
        var unsortedW = [Double](repeating: 0, count: weighted ? m : 0)
        var cursor = outOffsets
        let noWeights: [Double] = []
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { dst in
                (weights ?? noWeights).withUnsafeBufferPointer { w in
                    unsorted.withUnsafeMutableBufferPointer { out in
                        unsortedW.withUnsafeMutableBufferPointer { outW in
                            cursor.withUnsafeMutableBufferPointer { cur in
                                for i in 0 ..< m {
                                    let a = Int(src[i])
                                    let p = cur[a]
                                    out[p] = dst[i]
                                    if weighted { outW[p] = w[i] }
                                    cur[a] = p + 1
                                }
                            }
                        }
                    }
                }
            }
        }
        // Pass 2: transpose into in-lists (sorted by source).
        counts = [Int](repeating: 0, count: n + 1)
        for t in targets { counts[Int(t)] += 1 }
        var incoming = Lists(offsets: prefixSums(counts), neighbors: [NodeIndex](repeating: 0, count: m),
                             weights: [Double](repeating: 0, count: weighted ? m : 0))
        transpose(n: n, from: outOffsets, neighbors: unsorted, weights: unsortedW, into: &incoming)
        unsorted = []; unsortedW = []
        // Pass 3: transpose back into out-lists (sorted by target).
        var outgoing = Lists(offsets: outOffsets, neighbors: [NodeIndex](repeating: 0, count: m),
                             weights: [Double](repeating: 0, count: weighted ? m : 0))
        transpose(n: n, from: incoming.offsets, neighbors: incoming.neighbors, weights: incoming.weights,
                  into: &outgoing)
        if policy != .keepAll {
            merge(n: n, lists: &outgoing, policy: policy)
            merge(n: n, lists: &incoming, policy: policy)
        }
        // In-slot edge indices: edge e is out-slot e; in(v) is sorted by source, so visiting
        // sources ascending fills each in-list in order.
        let edgeCount = outgoing.neighbors.count
        var inIDs = [EdgeIndex](repeating: 0, count: edgeCount)
        var loops: [NodeIndex] = []
        var cursor2 = incoming.offsets
        outgoing.neighbors.withUnsafeBufferPointer { nb in
            inIDs.withUnsafeMutableBufferPointer { id in
                for u in 0 ..< n {
                    for slot in outgoing.offsets[u] ..< outgoing.offsets[u + 1] {
                        let v = Int(nb[slot])
                        id[cursor2[v]] = EdgeIndex(slot)
                        cursor2[v] += 1
                        if v == u && loops.last != NodeIndex(u) { loops.append(NodeIndex(u)) }
                    }
                }
            }
        }
        let out = Adjacency(offsets: outgoing.offsets, neighbors: outgoing.neighbors, edgeIndices: [],
                            weights: weighted ? outgoing.weights : nil)
        let inn = Adjacency(offsets: incoming.offsets, neighbors: incoming.neighbors, edgeIndices: inIDs,
                            weights: weighted ? incoming.weights : nil)
        return Graph(isDirected: true, nodeCount: n, edgeCount: edgeCount,
                     outgoing: out, incoming: inn, selfLoopNodes: loops)
    }

    /// Exclusive prefix sums: `result[i] = counts[0] + … + counts[i - 1]`, `result.count == counts.count`
    /// (the caller passes `n + 1` counts whose last entry is 0, so `result[n]` is the total).
    static func prefixSums(_ counts: [Int]) -> [Int] {
        var result = [Int](repeating: 0, count: counts.count)
        var running = 0
        for i in 0 ..< counts.count {
            result[i] = running
            running += counts[i]
        }
        return result
    }

    /// For `v` ascending and each `u` in `v`'s source list, appends `v` to `u`'s list in `into`
    /// (whose offsets are already set). Stable.
    static func transpose(n: Int, from offsets: [Int], neighbors: [NodeIndex], weights: [Double],
                          into result: inout Lists) {
        var cursor = result.offsets
        let weighted = !weights.isEmpty
        offsets.withUnsafeBufferPointer { off in
            neighbors.withUnsafeBufferPointer { nb in
                weights.withUnsafeBufferPointer { w in
                    result.neighbors.withUnsafeMutableBufferPointer { out in
                        result.weights.withUnsafeMutableBufferPointer { outW in
                            cursor.withUnsafeMutableBufferPointer { cur in
                                for v in 0 ..< n {
                                    for slot in off[v] ..< off[v + 1] {
                                        let u = Int(nb[slot])
                                        let p = cur[u]
                                        out[p] = NodeIndex(v)
                                        if weighted { outW[p] = w[slot] }
                                        cur[u] = p + 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Merges adjacent equal neighbours of every node with `policy`, compacting in place.
    static func merge(n: Int, lists: inout Lists, policy: DuplicateEdgePolicy) {
        let weighted = !lists.weights.isEmpty
        var write = 0
        var start = 0
        for u in 0 ..< n {
            let end = lists.offsets[u + 1]
            lists.offsets[u] = write
            var slot = start
            while slot < end {
                let v = lists.neighbors[slot]
                let first = slot
                var w = weighted ? lists.weights[slot] : 0
                slot += 1
                while slot < end && lists.neighbors[slot] == v {
                    if weighted { w = policy.merge(w, lists.weights[slot]) }
                    slot += 1
                }
                // A floating-point sum depends on the order of its terms from three terms on:
                // summed in ascending order, the result is the same whatever order the edges came in.
                if weighted && policy == .sum && slot - first > 2 {
                    var run = Array(lists.weights[first ..< slot])
                    run.sort()
                    w = run.reduce(0, +)
                }
                lists.neighbors[write] = v
                if weighted { lists.weights[write] = w }
                write += 1
            }
            start = end
        }
        lists.offsets[n] = write
        lists.neighbors.removeLast(lists.neighbors.count - write)
        if weighted { lists.weights.removeLast(lists.weights.count - write) }
    }
}
