/// What a search of ``DijkstraEngine`` does besides finding distances: which steps it may take,
/// and what it records when a node is settled, when a node's tentative distance falls, and when
/// another path ties it. Conformers are small structs over unsafe buffers; the engine is generic
/// over them, so the calls are specialised and inlined.
protocol DijkstraVisitor {
    /// Whether the search may step from `v` to `w` (blocked nodes, excluded first steps).
    func allows(from v: Int, to w: Int) -> Bool
    /// `v` is settled: `distance` is final.
    mutating func settled(_ v: Int, distance: Double)
    /// `w`'s tentative distance fell to `distance`, by the edge from `v` (settled).
    mutating func improved(_ w: Int, distance: Double, from v: Int)
    /// A path through `v` (settled) reaches `w`, not yet settled, at exactly its tentative distance.
    mutating func tied(_ w: Int, from v: Int)
}

extension Graph {
    /// Runs `body` with views of the lists a search in `direction` walks: one list, and a second
    /// one (in-lists) for `.both` on a directed graph.
    func withSearchViews<R>(_ direction: PathSearchOptions.Direction, _ body: (CSRView, CSRView?) -> R) -> R {
        let lists = adjacencies(direction)
        return lists[0].withView { first in
            guard lists.count > 1 else { return body(first, nil) }
            return lists[1].withView { second in body(first, second) }
        }
    }
}

/// Dijkstra's algorithm, the one of TNetGraph: ``ShortestPathSearch`` (path counts, for
/// betweenness and closeness) and ``Graph/shortestPathTree(from:options:target:)`` (parents, for
/// routes and Yen's algorithm) both run this loop, with their own ``DijkstraVisitor``.
///
/// A binary heap with lazy deletion: a node is pushed each time its tentative distance falls and
/// settled by the first entry popped at that distance. Ties (exact equality of summed distances)
/// are reported to the visitor, as NetworkX counts them. Weights must be non-negative.
///
/// The distances are written into the caller's buffer (tentative ones included). The engine
/// owns the rest of its scratch memory (settled marks, the nodes touched, the settling order and
/// the heap), allocated once for n nodes and freed in `deinit`. A run resets only what the last
/// run touched, so it costs O((r + e) log e) for the r nodes reached and the e slots they scan,
/// not O(n).
struct DijkstraEngine: ~Copyable {
    /// Number of nodes of the graph searched.
    let nodeCount: Int
    private let isSettled: UnsafeMutablePointer<Bool>
    private let touched: UnsafeMutablePointer<NodeIndex>
    private var touchedCount = 0
    private let order: UnsafeMutablePointer<NodeIndex>
    private var orderCount = 0
    private var heap = DistanceHeap()

    /// An engine for graphs of `nodeCount` nodes.
    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        isSettled = .allocate(filling: nodeCount, with: false)
        touched = .allocate(filling: nodeCount, with: 0)
        order = .allocate(filling: nodeCount, with: 0)
    }

    deinit {
        isSettled.deallocate()
        touched.deallocate()
        order.deallocate()
    }

    /// The nodes settled by the last run, in order of settling (non-decreasing distance).
    var settledOrder: UnsafeBufferPointer<NodeIndex> { UnsafeBufferPointer(start: order, count: orderCount) }

    /// The nodes given a distance by the last run (settled or still tentative).
    var touchedNodes: UnsafeBufferPointer<NodeIndex> { UnsafeBufferPointer(start: touched, count: touchedCount) }

    /// Whether the last run settled `v`.
    func settled(_ v: Int) -> Bool { isSettled[v] }

    /// Dijkstra from `source` over `first` (and `second`, when given, after `first` at each node).
    ///
    /// - Parameters:
    ///   - source: where the search starts (distance 0).
    ///   - target: when given, the search stops once it has settled the target, before relaxing
    ///     its edges: the target's distance is final, other nodes may be left tentative.
    ///   - first: the slot lists to walk, with weights.
    ///   - second: a second set of lists walked after `first` (a directed graph taken both ways).
    ///   - distance: one entry per node, `.infinity` on entry; on return the distance of every
    ///     node touched (``touchedNodes``): final for settled nodes, tentative for the others.
    ///   - rankTies: entries of equal distance leave the heap in the order they were pushed
    ///     (NetworkX's counter); when false every entry has rank 0 and the heap's shape decides.
    ///   - visitor: told of every settle, improvement and tie.
    /// - Complexity: O((r + e) log e) for the r nodes reached and the e slots they scan.
    mutating func run<V: DijkstraVisitor>(from source: Int, stoppingAt target: Int? = nil, over first: CSRView,
                                          _ second: CSRView? = nil, distance: UnsafeMutableBufferPointer<Double>,
                                          rankTies: Bool, visitor: inout V) {
        reset()
        let target = target ?? -1
        distance[source] = 0
        touched[0] = NodeIndex(source)
        touchedCount = 1
        var rank = 0
        heap.insert(HeapEntry(distance: 0, rank: 0, node: NodeIndex(source)))
        while let entry = heap.popMin() {
            let v = Int(entry.node), dv = entry.distance
            // Stale: v was settled, or its distance has fallen since this entry was pushed.
            if isSettled[v] || dv != distance[v] { continue }
            isSettled[v] = true
            order[orderCount] = entry.node
            orderCount += 1
            visitor.settled(v, distance: dv)
            if v == target { break }
            relax(v, dv, first, distance, rank: &rank, rankTies: rankTies, visitor: &visitor)
            if let second { relax(v, dv, second, distance, rank: &rank, rankTies: rankTies, visitor: &visitor) }
        }
        heap.removeAll()
    }

    /// Relaxes the slots of `v` (settled at `dv`) in `list`.
    @inline(__always)
    private mutating func relax<V: DijkstraVisitor>(_ v: Int, _ dv: Double, _ list: CSRView,
                                                    _ distance: UnsafeMutableBufferPointer<Double>, rank: inout Int,
                                                    rankTies: Bool, visitor: inout V) {
        let off = list.offsets, nb = list.neighbors, wt = list.weights
        for slot in off[v] ..< off[v + 1] {
            let w = Int(nb[slot])
            let d = dv + wt[slot]
            let t = distance[w]
            // With non-negative weights a settled node has t ≤ dv ≤ d: it is never improved,
            // and a tie with it (a zero-weight edge) is ignored.
            if d < t {
                guard visitor.allows(from: v, to: w) else { continue }
                if t == .infinity {
                    touched[touchedCount] = NodeIndex(w)
                    touchedCount += 1
                }
                distance[w] = d
                visitor.improved(w, distance: d, from: v)
                if rankTies { rank += 1 }
                heap.insert(HeapEntry(distance: d, rank: rank, node: NodeIndex(w)))
            } else if d == t && t != .infinity && !isSettled[w] && visitor.allows(from: v, to: w) {
                visitor.tied(w, from: v)
            }
        }
    }

    /// Forgets the last run's marks: O(nodes it touched). The caller resets its distances.
    private mutating func reset() {
        for i in 0 ..< touchedCount { isSettled[Int(touched[i])] = false }
        touchedCount = 0
        orderCount = 0
    }
}
