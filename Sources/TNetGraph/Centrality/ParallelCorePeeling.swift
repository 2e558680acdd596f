/// The multi-threaded form of ``CorePeeling``'s level-by-level peel.
///
/// Member i of a ``WorkerTeam`` owns the nodes `n·i/t ..< n·(i+1)/t`: it alone scans them,
/// lowers their degrees and queues them, so no degree is ever written by two threads and no
/// atomic read-modify-write is needed. A level runs in rounds: in each round every member reads
/// the lists of all nodes queued in the previous round (its own and the others') and lowers the
/// degrees of its own neighbours among them, queueing those that fall to the level. Barriers
/// separate the steps, so what one member wrote is complete before another reads it. Core
/// numbers are unique, so the result equals the sequential peel's for any thread count.
struct ParallelCorePeeling {
    let graph: Graph
    let lists: [Adjacency]
    let threads: Int

    /// Peels while the level scans cost less than `budget` in all; returns the nodes not yet
    /// peeled, as ``CorePeeling`` does.
    func run<D: FixedWidthInteger & Sendable>(_ degree: inout [D], budget: Int) -> [Int32] {
        let n = graph.nodeCount, t = threads
        // Raw buffers shared by the members; each slot indexed by a member is written by that
        // member only, between barriers that separate it from the others' reads.
        let queues = (0 ..< t).map { i in UnsafeMutableBufferPointer<Int32>.allocate(capacity: n * (i + 1) / t - n * i / t) }
        let alive = (0 ..< t).map { i in
            let lo = n * i / t, hi = n * (i + 1) / t
            let b = UnsafeMutableBufferPointer<Int32>.allocate(capacity: hi - lo)
            for v in lo ..< hi { b[v - lo] = Int32(v) }
            return b
        }
        // Per member: remaining count, count before the scan, lowest degree, queue start and end.
        let table = UnsafeMutableBufferPointer<Int>.allocate(capacity: 5 * t)
        let levelReached = UnsafeMutableBufferPointer<Int>.allocate(capacity: 1)
        defer {
            for b in queues { b.deallocate() }
            for b in alive { b.deallocate() }
            table.deallocate()
            levelReached.deallocate()
        }
        for i in 0 ..< t { table[i] = alive[i].count }
        let remainingAt = 0, scannedAt = t, lowestAt = 2 * t, startAt = 3 * t, endAt = 4 * t
        let lists = self.lists
        levelReached[0] = Int.min
        degree.withUnsafeMutableBufferPointer { degreeBuffer in
            nonisolated(unsafe) let deg = degreeBuffer, q = queues, alv = alive, tab = table, reached = levelReached
            WorkerTeam.run(size: t) { me, team in
                let lo = n * me / t, hi = n * (me + 1) / t
                let mine = alv[me], myQueue = q[me]
                var level = D.min, scanned = 0
                while scanned < budget {
                    // Scan: drop own nodes peeled at the last level; collect those at the lowest degree.
                    var kept = 0, found = 0, lowest = D.max
                    for i in 0 ..< tab[remainingAt + me] {
                        let v = mine[i], d = deg[Int(v)]
                        guard d > level else { continue }
                        mine[kept] = v
                        kept += 1
                        if d < lowest { lowest = d; found = 0 }
                        if d == lowest { myQueue[found] = v; found += 1 }
                    }
                    tab[scannedAt + me] = tab[remainingAt + me]
                    tab[remainingAt + me] = kept
                    tab[lowestAt + me] = kept > 0 ? Int(lowest) : Int.max
                    team.barrier()
                    var global = Int.max
                    for j in 0 ..< t {
                        scanned += tab[scannedAt + j]
                        global = min(global, tab[lowestAt + j])
                    }
                    if global == Int.max { break }
                    level = D(global)
                    tab[startAt + me] = 0
                    tab[endAt + me] = kept > 0 && Int(lowest) == global ? found : 0
                    var queued = tab[endAt + me]
                    team.barrier()
                    while true {
                        for j in 0 ..< t {
                            let other = q[j]
                            for k in tab[startAt + j] ..< tab[endAt + j] {
                                let v = Int(other[k])
                                for adjacency in lists {
                                    adjacency.withUnsafeBuffers { off, nb, _, _ in
                                        for slot in off[v] ..< off[v + 1] {
                                            let u = Int(nb[slot])
                                            guard u >= lo && u < hi else { continue }
                                            let du = deg[u]
                                            guard du > level else { continue }
                                            deg[u] = du - 1
                                            if du - 1 == level { myQueue[queued] = Int32(u); queued += 1 }
                                        }
                                    }
                                }
                            }
                        }
                        team.barrier()
                        tab[startAt + me] = tab[endAt + me]
                        tab[endAt + me] = queued
                        team.barrier()
                        var empty = true
                        for j in 0 ..< t where tab[endAt + j] > tab[startAt + j] { empty = false }
                        if empty { break }
                    }
                }
                if me == 0 { reached[0] = Int(level) }
            }
        }
        let level = levelReached[0]
        var remaining: [Int32] = []
        for i in 0 ..< t {
            for v in alive[i][..<table[remainingAt + i]] where Int(degree[Int(v)]) > level { remaining.append(v) }
        }
        return remaining
    }
}
