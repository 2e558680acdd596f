/// A min-heap of (distance, node) entries for Dijkstra: a plain binary heap in one array, with
/// the hole-moving sift of textbooks (one write per level instead of a swap).
///
/// swift-collections' `Heap` is a min-max heap (it can pop either end); Dijkstra only ever pops
/// the minimum, and the min-max heap's grandchild comparisons cost it a quarter to a third of
/// a search's time on the benchmark graphs, so the searches use this one.
struct DistanceHeap {
    private var entries: [HeapEntry] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func reserveCapacity(_ n: Int) { entries.reserveCapacity(n) }

    mutating func insert(_ entry: HeapEntry) {
        entries.append(entry)
        entries.withUnsafeMutableBufferPointer { a in
            var i = a.count - 1
            while i > 0 {
                let parent = (i - 1) >> 1
                guard entry.distance < a[parent].distance else { break }
                a[i] = a[parent]
                i = parent
            }
            a[i] = entry
        }
    }

    mutating func popMin() -> HeapEntry? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return last }
        return entries.withUnsafeMutableBufferPointer { a in
            let top = a[0]
            let n = a.count
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= n { break }
                if child + 1 < n && a[child + 1].distance < a[child].distance { child += 1 }
                guard a[child].distance < last.distance else { break }
                a[i] = a[child]
                i = child
            }
            a[i] = last
            return top
        }
    }
}
