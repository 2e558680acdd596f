/// One edge of a bipartite projection: two nodes of the kept side and what they share.
public struct ProjectedEdge: Sendable, Hashable {
    /// The smaller end.
    public var u: NodeIndex
    /// The larger end.
    public var v: NodeIndex
    /// The neighbours of the other side that u and v have in common, ascending.
    public var shared: [NodeIndex]
}

extension Graph {
    /// The projection onto the nodes marked in `side` (NetworkX's
    /// `bipartite.weighted_projected_graph(B, nodes)`, weight = number of shared neighbours):
    /// two nodes of the side are joined when they have a common neighbour off the side
    /// (`through`, when given, restricts which off-side nodes count). Links are taken either way
    /// (a directed graph as undirected); links inside the side are ignored. Edges as (u < v),
    /// ascending.
    ///
    /// - Parameters:
    ///   - side: the nodes kept, by node index.
    ///   - through: the off-side nodes that may join two kept ones, by node index (nil: all).
    /// - Returns: the projected edges, each with the nodes it passes through; the weight is
    ///   `shared.count`.
    /// - Complexity: O(n + m + Σ d(x)²) time over the off-side nodes x, O(n + m + p) memory for p
    ///   projected edges.
    public func bipartiteProjection(side: [Bool], through: [Bool]? = nil) -> [ProjectedEdge] {
        let (off, nb) = undirectedView()
        var shared: [UInt64: [NodeIndex]] = [:]
        for x in 0 ..< nodeCount where !side[x] && through?[x] != false {
            // The side's neighbours of x, each once.
            var members: [NodeIndex] = []
            for slot in off[x] ..< off[x + 1] where side[Int(nb[slot])] && members.last != nb[slot] { members.append(nb[slot]) }
            for i in members.indices {
                for j in members.index(after: i) ..< members.endIndex {
                    shared[UInt64(UInt32(members[i])) << 32 | UInt64(UInt32(members[j])), default: []].append(NodeIndex(x))
                }
            }
        }
        return shared.map { key, via in
            ProjectedEdge(u: NodeIndex(truncatingIfNeeded: key >> 32), v: NodeIndex(truncatingIfNeeded: key & 0xFFFF_FFFF), shared: via)
        }.sorted { ($0.u, $0.v) < ($1.u, $1.v) }
    }
}
