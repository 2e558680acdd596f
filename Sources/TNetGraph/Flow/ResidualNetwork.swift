/// A flow network in residual form, and Dinic's maximum flow on it.
///
/// Arcs come in pairs (an arc and its reverse, `arc ^ 1`); an undirected edge is one pair whose
/// two arcs both start with the edge's capacity. E. A. Dinic, "Algorithm for solution of a
/// problem of maximum flow in networks with power estimation", Soviet Math. Dokl. 11, 1970:
/// breadth-first levels from the source, then blocking flows along level-increasing arcs, each
/// found with an explicit stack and per-node current-arc pointers (no recursion). `O(V²E)` in
/// general, `O(E √V)` with unit capacities.
struct ResidualNetwork {
    let nodeCount: Int
    private(set) var arcFrom: [Int32] = []
    private(set) var arcTo: [Int32] = []
    private(set) var capacity: [Double] = []
    /// Capacity each arc started with.
    private(set) var initial: [Double] = []
    /// Arcs of each node after ``seal()``: `order[first[v] ..< first[v + 1]]`.
    private var first: [Int] = []
    private var order: [Int32] = []

    init(nodeCount: Int) { self.nodeCount = nodeCount }

    /// Adds an arc `u → v` with capacity `forward` and its reverse with `backward` (0 for a
    /// directed arc, the same capacity for an undirected edge). Returns the forward arc.
    @discardableResult
    mutating func addPair(_ u: Int, _ v: Int, forward: Double, backward: Double = 0) -> Int {
        let arc = arcFrom.count
        arcFrom.append(Int32(u)); arcFrom.append(Int32(v))
        arcTo.append(Int32(v)); arcTo.append(Int32(u))
        capacity.append(forward); capacity.append(backward)
        initial.append(forward); initial.append(backward)
        return arc
    }

    /// Groups the arcs by tail node; call once all arcs are added.
    mutating func seal() {
        first = [Int](repeating: 0, count: nodeCount + 1)
        for u in arcFrom { first[Int(u) + 1] += 1 }
        for v in 0 ..< nodeCount { first[v + 1] += first[v] }
        var fill = first
        order = [Int32](repeating: 0, count: arcFrom.count)
        for (arc, u) in arcFrom.enumerated() {
            order[fill[Int(u)]] = Int32(arc)
            fill[Int(u)] += 1
        }
    }

    /// Pushes a maximum flow from `s` to `t`; returns its value (`.infinity` when a path of
    /// unbounded arcs joins them). `tolerance`: residual capacities at or below it count as 0.
    mutating func maximumFlow(from s: Int, to t: Int, tolerance: Double) -> Double {
        var level = [Int32](repeating: -1, count: nodeCount)
        var current = [Int](repeating: 0, count: nodeCount)
        var queue = [Int](repeating: 0, count: nodeCount)
        // Unchecked buffers for the inner loops (every index comes from `first`, `order` and
        // `arcTo`, built by `seal()` over this network's own arcs).
        let n = nodeCount
        return first.withUnsafeBufferPointer { first in
            order.withUnsafeBufferPointer { order in
                arcTo.withUnsafeBufferPointer { arcTo in
                    arcFrom.withUnsafeBufferPointer { arcFrom in
                        capacity.withUnsafeMutableBufferPointer { capacity in
                            level.withUnsafeMutableBufferPointer { level in
                                current.withUnsafeMutableBufferPointer { current in
                                    queue.withUnsafeMutableBufferPointer { queue in
                                        Self.dinic(n: n, s: s, t: t, tolerance: tolerance, first: first, order: order,
                                                   arcTo: arcTo, arcFrom: arcFrom, capacity: capacity,
                                                   level: level, current: current, queue: queue)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Dinic's phases on the arcs laid out by tail node (slot `k` is arc `order[k]`): the
    /// breadth-first search and the blocking flow then read each node's arcs side by side
    /// instead of through `order` (on the large benchmark graph, half of `tnet flow` was these
    /// loops waiting on memory). Residual capacities are written back by arc at the end.
    private static func dinic(n: Int, s: Int, t: Int, tolerance: Double,
                              first: UnsafeBufferPointer<Int>, order: UnsafeBufferPointer<Int32>,
                              arcTo: UnsafeBufferPointer<Int32>, arcFrom: UnsafeBufferPointer<Int32>,
                              capacity arcCapacity: UnsafeMutableBufferPointer<Double>, level: UnsafeMutableBufferPointer<Int32>,
                              current: UnsafeMutableBufferPointer<Int>, queue: UnsafeMutableBufferPointer<Int>) -> Double {
        let slots = order.count
        let head = UnsafeMutableBufferPointer<Int32>.allocate(capacity: slots)
        let tailOf = UnsafeMutableBufferPointer<Int32>.allocate(capacity: slots)
        let reverse = UnsafeMutableBufferPointer<Int32>.allocate(capacity: slots)
        let capacity = UnsafeMutableBufferPointer<Double>.allocate(capacity: slots)
        let slotOfArc = UnsafeMutableBufferPointer<Int32>.allocate(capacity: slots)
        defer { head.deallocate(); tailOf.deallocate(); reverse.deallocate(); capacity.deallocate(); slotOfArc.deallocate() }
        for k in 0 ..< slots { slotOfArc[Int(order[k])] = Int32(k) }
        for k in 0 ..< slots {
            let arc = Int(order[k])
            head[k] = arcTo[arc]; tailOf[k] = arcFrom[arc]
            reverse[k] = slotOfArc[arc ^ 1]
            capacity[k] = arcCapacity[arc]
        }
        defer { for k in 0 ..< slots { arcCapacity[Int(order[k])] = capacity[k] } }
        var total = 0.0
        var path: [Int] = []
        while true {
            // Levels by breadth-first search over arcs with residual capacity.
            for v in 0 ..< n { level[v] = -1 }
            level[s] = 0
            queue[0] = s
            var qHead = 0, qTail = 1
            while qHead < qTail {
                let u = queue[qHead]; qHead += 1
                // Once t has its level, nodes on that level or beyond lead nowhere shorter:
                // the blocking flow only walks level-increasing arcs ending at t.
                if level[t] >= 0 && level[u] >= level[t] { break }
                for k in first[u] ..< first[u + 1] {
                    let v = Int(head[k])
                    if level[v] < 0 && capacity[k] > tolerance {
                        level[v] = level[u] + 1
                        queue[qTail] = v; qTail += 1
                    }
                }
            }
            guard level[t] >= 0 else { return total }
            for v in 0 ..< n { current[v] = first[v] }
            // Blocking flow: advance along level-increasing arcs; retreat from dead ends.
            path.removeAll(keepingCapacity: true)
            var u = s
            while true {
                if u == t {
                    var push = Double.infinity
                    for k in path { push = min(push, capacity[k]) }
                    if push == .infinity { return .infinity }
                    total += push
                    for k in path {
                        capacity[k] -= push
                        capacity[Int(reverse[k])] += push
                    }
                    // Back to the tail of the first saturated arc.
                    var cut = 0
                    while cut < path.count && capacity[path[cut]] > tolerance { cut += 1 }
                    path.removeSubrange(cut...)
                    u = path.last.map { Int(head[$0]) } ?? s
                    continue
                }
                var advanced = false
                while current[u] < first[u + 1] {
                    let k = current[u], v = Int(head[k])
                    if capacity[k] > tolerance && level[v] == level[u] + 1 {
                        path.append(k)
                        u = v
                        advanced = true
                        break
                    }
                    current[u] += 1
                }
                if advanced { continue }
                // Dead end: no flow can pass u in this phase.
                level[u] = -1
                guard let last = path.popLast() else { break }
                u = Int(tailOf[last])
                current[u] += 1
            }
        }
    }

    /// Nodes reachable from `s` by arcs with residual capacity: the source side of a minimum cut.
    func reachable(from s: Int, tolerance: Double) -> [Bool] {
        var seen = [Bool](repeating: false, count: nodeCount)
        seen[s] = true
        var stack = [s]
        while let u = stack.popLast() {
            for k in first[u] ..< first[u + 1] {
                let arc = Int(order[k]), v = Int(arcTo[arc])
                if !seen[v] && capacity[arc] > tolerance { seen[v] = true; stack.append(v) }
            }
        }
        return seen
    }
}
