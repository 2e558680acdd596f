/// The slot lists of one direction of a ``Graph`` (an ``Adjacency``) as unsafe buffers, for hot loops.
struct CSRView {
    /// `offsets[v] ..< offsets[v + 1]`: the slots of node v.
    let offsets: UnsafeBufferPointer<Int>
    /// The neighbour of each slot.
    let neighbors: UnsafeBufferPointer<NodeIndex>
    /// The edge index of each slot (empty when it is the slot itself).
    let edgeIndices: UnsafeBufferPointer<EdgeIndex>
    /// The weight of each slot (empty when unweighted).
    let weights: UnsafeBufferPointer<Double>

    /// The edge index of `slot`.
    @inline(__always)
    func edge(atSlot slot: Int) -> Int { edgeIndices.isEmpty ? slot : Int(edgeIndices[slot]) }
}

extension Adjacency {
    /// Runs `body` with a ``CSRView`` of these lists.
    @inline(__always)
    func withView<R>(_ body: (CSRView) -> R) -> R {
        withUnsafeBuffers { off, nb, ids, w in body(CSRView(offsets: off, neighbors: nb, edgeIndices: ids, weights: w)) }
    }
}
