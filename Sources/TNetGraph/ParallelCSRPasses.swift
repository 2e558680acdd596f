#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bucket passes of ``CSRConstruction/undirected(n:sources:targets:weights:policy:)`` on
/// several threads, for graphs large enough to gain (building a graph of a million edges was a
/// fifth of a whole `tnet path` run, on one core).
///
/// Every pass gives exactly what the one-thread pass gives: chunk `c` of the input (a range of
/// edges, or of nodes) owns, in each bucket, the slots after those of chunks `0 ..< c`, so each
/// bucket is filled in input order as before. The price is one array of `n + 1` counts per chunk.
enum ParallelCSRPasses {
    /// Edges from which the passes run on several threads.
    static let threshold = 1 << 17

    /// Threads to use for `m` edges: the processors online (at most 8), or 1 below ``threshold``.
    static func threads(edges m: Int) -> Int {
        guard m >= threshold else { return 1 }
        return max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
    }

    /// Turns per-chunk counts (`counts[c * (n + 1) + v]`) into per-chunk cursors: chunk `c`'s
    /// first slot in bucket `v` is `start(v)` plus the counts of chunks `0 ..< c` there.
    /// - Returns: the total of every bucket when `start` is nil (the offsets are then the
    ///   running sum, written to `offsets`).
    static func cursors(_ counts: UnsafeMutableBufferPointer<Int>, chunks: Int, n: Int,
                        offsets: UnsafeMutableBufferPointer<Int>?, start: UnsafeBufferPointer<Int>?) {
        var run = 0
        for v in 0 ..< n {
            if let start { run = start[v] } else { offsets![v] = run }
            for c in 0 ..< chunks {
                let k = counts[c * (n + 1) + v]
                counts[c * (n + 1) + v] = run
                run += k
            }
        }
        if start == nil { offsets![n] = run }
    }

    /// Pass 1: each endpoint bucketed by node, in input order (a self-loop once).
    /// - Returns: the offsets, the neighbour of each slot and its weight (empty when unweighted).
    static func bucketEndpoints(n: Int, sources: [NodeIndex], targets: [NodeIndex], weights: [Double]?,
                                threads t: Int) -> (offsets: [Int], neighbors: [NodeIndex], weights: [Double]) {
        let m = sources.count
        let weighted = weights != nil
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: t * (n + 1))
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        let range = { (c: Int) in m * c / t ..< m * (c + 1) / t }
        nonisolated(unsafe) let shared = counts
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { dst in
                nonisolated(unsafe) let s = src, d = dst
                forEachChunk(t, threads: t) { c, _ in
                    let base = c * (n + 1)
                    for i in range(c) {
                        let a = Int(s[i]), b = Int(d[i])
                        precondition(UInt(bitPattern: a) < UInt(n) && UInt(bitPattern: b) < UInt(n), "edge endpoint out of range")
                        shared[base + a] += 1
                        if a != b { shared[base + b] += 1 }
                    }
                }
            }
        }
        var offsets = [Int](repeating: 0, count: n + 1)
        offsets.withUnsafeMutableBufferPointer { cursors(counts, chunks: t, n: n, offsets: $0, start: nil) }
        let slots = offsets[n]
        var out = [NodeIndex](repeating: 0, count: slots)
        var outW = [Double](repeating: 0, count: weighted ? slots : 0)
        let noWeights: [Double] = []
        sources.withUnsafeBufferPointer { src in
            targets.withUnsafeBufferPointer { dst in
                (weights ?? noWeights).withUnsafeBufferPointer { w in
                    out.withUnsafeMutableBufferPointer { o in
                        outW.withUnsafeMutableBufferPointer { ow in
                            nonisolated(unsafe) let s = src, d = dst, wt = w, o = o, ow = ow
                            forEachChunk(t, threads: t) { c, _ in
                                let base = c * (n + 1)
                                for i in range(c) {
                                    let a = Int(s[i]), b = Int(d[i])
                                    let p = shared[base + a]
                                    o[p] = NodeIndex(b)
                                    if weighted { ow[p] = wt[i] }
                                    shared[base + a] = p + 1
                                    if a != b {
                                        let q = shared[base + b]
                                        o[q] = NodeIndex(a)
                                        if weighted { ow[q] = wt[i] }
                                        shared[base + b] = q + 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (offsets, out, outW)
    }

    /// Node ranges of about equal numbers of slots, one per chunk.
    static func nodeRanges(_ offsets: [Int], n: Int, chunks t: Int) -> [Range<Int>] {
        var bounds = [0]
        let total = offsets[n]
        for c in 1 ..< t {
            // The first node whose slots start at or after c/t of them.
            let goal = total * c / t
            var lo = bounds.last!, hi = n
            while lo < hi {
                let mid = (lo + hi) / 2
                if offsets[mid] < goal { lo = mid + 1 } else { hi = mid }
            }
            bounds.append(lo)
        }
        bounds.append(n)
        return (0 ..< t).map { bounds[$0] ..< bounds[$0 + 1] }
    }

    /// Pass 2: for `v` ascending and each `u` in `v`'s list, `v` appended to `u`'s list in
    /// `into` (whose offsets are set): ``CSRConstruction/transpose(n:from:neighbors:weights:into:)``
    /// with each chunk a range of `v`.
    static func transpose(n: Int, from offsets: [Int], neighbors: [NodeIndex], weights: [Double],
                          into result: inout CSRConstruction.Lists, threads t: Int) {
        let weighted = !weights.isEmpty
        let ranges = nodeRanges(offsets, n: n, chunks: t)
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: t * (n + 1))
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        nonisolated(unsafe) let shared = counts
        offsets.withUnsafeBufferPointer { off in
            neighbors.withUnsafeBufferPointer { nb in
                nonisolated(unsafe) let off = off, nb = nb
                forEachChunk(t, threads: t) { c, _ in
                    let base = c * (n + 1)
                    for slot in off[ranges[c].lowerBound] ..< off[ranges[c].upperBound] { shared[base + Int(nb[slot])] += 1 }
                }
            }
        }
        result.offsets.withUnsafeBufferPointer { cursors(counts, chunks: t, n: n, offsets: nil, start: $0) }
        offsets.withUnsafeBufferPointer { off in
            neighbors.withUnsafeBufferPointer { nb in
                weights.withUnsafeBufferPointer { w in
                    result.neighbors.withUnsafeMutableBufferPointer { out in
                        result.weights.withUnsafeMutableBufferPointer { outW in
                            nonisolated(unsafe) let off = off, nb = nb, w = w, out = out, outW = outW
                            forEachChunk(t, threads: t) { c, _ in
                                let base = c * (n + 1)
                                for v in ranges[c] {
                                    for slot in off[v] ..< off[v + 1] {
                                        let u = Int(nb[slot])
                                        let p = shared[base + u]
                                        out[p] = NodeIndex(v)
                                        if weighted { outW[p] = w[slot] }
                                        shared[base + u] = p + 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// ``CSRConstruction/merge(n:lists:policy:)`` with each chunk a range of nodes: every list
    /// is merged within its own slots, then the lists are packed.
    static func merge(n: Int, lists: inout CSRConstruction.Lists, policy: DuplicateEdgePolicy, threads t: Int) {
        let weighted = !lists.weights.isEmpty
        let ranges = nodeRanges(lists.offsets, n: n, chunks: t)
        var kept = [Int](repeating: 0, count: n + 1)
        lists.offsets.withUnsafeBufferPointer { off in
            lists.neighbors.withUnsafeMutableBufferPointer { nb in
                lists.weights.withUnsafeMutableBufferPointer { w in
                    kept.withUnsafeMutableBufferPointer { k in
                        nonisolated(unsafe) let off = off, nb = nb, w = w, k = k
                        forEachChunk(t, threads: t) { c, _ in
                            for u in ranges[c] {
                                var write = off[u], slot = off[u]
                                let end = off[u + 1]
                                while slot < end {
                                    let v = nb[slot]
                                    let first = slot
                                    var sum = weighted ? w[slot] : 0
                                    slot += 1
                                    while slot < end && nb[slot] == v {
                                        if weighted { sum = policy.merge(sum, w[slot]) }
                                        slot += 1
                                    }
                                    // As CSRConstruction.merge: three or more terms summed in ascending order.
                                    if weighted && policy == .sum && slot - first > 2 {
                                        var run = Array(w[first ..< slot])
                                        run.sort()
                                        sum = run.reduce(0, +)
                                    }
                                    nb[write] = v
                                    if weighted { w[write] = sum }
                                    write += 1
                                }
                                k[u] = write - off[u]
                            }
                        }
                    }
                }
            }
        }
        var packed = [Int](repeating: 0, count: n + 1)
        var run = 0
        for u in 0 ..< n { packed[u] = run; run += kept[u] }
        packed[n] = run
        var neighbors = [NodeIndex](repeating: 0, count: run)
        var packedW = [Double](repeating: 0, count: weighted ? run : 0)
        lists.offsets.withUnsafeBufferPointer { off in
            lists.neighbors.withUnsafeBufferPointer { nb in
                lists.weights.withUnsafeBufferPointer { w in
                    neighbors.withUnsafeMutableBufferPointer { outN in
                        packedW.withUnsafeMutableBufferPointer { outW in
                            packed.withUnsafeBufferPointer { to in
                                kept.withUnsafeBufferPointer { k in
                                    nonisolated(unsafe) let off = off, nb = nb, w = w, outN = outN, outW = outW, to = to, k = k
                                    forEachChunk(t, threads: t) { c, _ in
                                        for u in ranges[c] {
                                            for j in 0 ..< k[u] {
                                                outN[to[u] + j] = nb[off[u] + j]
                                                if weighted { outW[to[u] + j] = w[off[u] + j] }
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
        lists = CSRConstruction.Lists(offsets: packed, neighbors: neighbors, weights: packedW)
    }
}
