/// What the builder does with parallel edges (the same ordered pair in a directed graph, the
/// same unordered pair in an undirected one).
public enum DuplicateEdgePolicy: Sendable, Hashable {
    /// One edge; the weight given last wins. This is NetworkX's behaviour when the same edge
    /// is added twice to a `Graph` or `DiGraph`, and the default.
    case keepLast
    /// One edge; the weight given first wins.
    case keepFirst
    /// One edge whose weight is the sum of the parallel weights (e.g. counts of contacts),
    /// added in ascending order so that the sum does not depend on the order of the edges.
    case sum
    /// One edge with the smallest weight (e.g. the cheapest of several routes).
    case min
    /// One edge with the largest weight.
    case max
    /// Keep every parallel edge, as NetworkX's `MultiGraph` / `MultiDiGraph` do.
    case keepAll

    @inline(__always)
    func merge(_ kept: Double, _ next: Double) -> Double {
        switch self {
        case .keepLast: return next
        case .keepFirst: return kept
        case .sum: return kept + next
        case .min: return Swift.min(kept, next)
        case .max: return Swift.max(kept, next)
        case .keepAll: return next
        }
    }
}
