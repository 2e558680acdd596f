/// An entry of ``DistanceHeap``: a node with a tentative distance, and a rank that orders entries
/// of equal distance.
struct HeapEntry {
    /// The tentative distance the node had when the entry was pushed.
    var distance: Double
    /// Among equal distances the smaller rank comes first (a push counter gives first in, first out).
    var rank: Int
    /// The node.
    var node: NodeIndex

    /// Whether `self` comes out of the heap before `other`: smaller distance, then smaller rank.
    @inline(__always)
    func precedes(_ other: HeapEntry) -> Bool {
        distance < other.distance || (distance == other.distance && rank < other.rank)
    }
}

/// The min-heap of Dijkstra in TNetGraph: a plain binary heap in memory it owns, with the
/// hole-moving sift of textbooks (one write per level instead of a swap). Entries are ordered
/// by ``HeapEntry/precedes(_:)``.
///
/// swift-collections' `Heap` is a min-max heap (it can pop either end); Dijkstra only ever pops
/// the minimum, and the min-max heap's grandchild comparisons cost it a quarter to a third of
/// a search's time on the benchmark graphs. The storage is kept between searches (``removeAll()``
/// keeps it) and freed with the heap.
struct DistanceHeap: ~Copyable {
    private var storage: UnsafeMutablePointer<HeapEntry>
    private var capacity: Int
    /// Number of entries.
    private(set) var count = 0

    /// An empty heap with room for `capacity` entries before it grows.
    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Whether the heap has no entry.
    var isEmpty: Bool { count == 0 }

    /// Removes every entry, keeping the storage.
    mutating func removeAll() { count = 0 }

    /// Adds `entry`. Amortised O(log count).
    @inline(__always)
    mutating func insert(_ entry: HeapEntry) {
        if count == capacity { grow() }
        let a = storage
        var i = count
        count += 1
        while i > 0 {
            let parent = (i - 1) >> 1
            guard entry.precedes(a[parent]) else { break }
            a[i] = a[parent]
            i = parent
        }
        a[i] = entry
    }

    /// Removes and returns the first entry, nil when empty. O(log count).
    @inline(__always)
    mutating func popMin() -> HeapEntry? {
        guard count > 0 else { return nil }
        count -= 1
        let a = storage
        let last = a[count]
        guard count > 0 else { return last }
        let top = a[0]
        let n = count
        var i = 0
        while true {
            var child = 2 * i + 1
            if child >= n { break }
            if child + 1 < n && a[child + 1].precedes(a[child]) { child += 1 }
            guard a[child].precedes(last) else { break }
            a[i] = a[child]
            i = child
        }
        a[i] = last
        return top
    }

    /// Doubles the storage, keeping the entries.
    private mutating func grow() {
        let larger = UnsafeMutablePointer<HeapEntry>.allocate(capacity: 2 * capacity)
        larger.initialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
