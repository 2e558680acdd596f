/// Collects nodes and edges, then builds an immutable ``Graph`` in `O(n + m)`.
///
/// Edges are stored as two flat `Int32` arrays (and an optional weight array) until
/// ``build(duplicates:)``, which places them with stable counting sorts: no per-node arrays,
/// no comparison sort. Neighbour lists come out sorted, so parallel edges are adjacent and
/// are merged in one linear pass.
public struct GraphBuilder: Sendable {
    /// Whether the graph built has directed edges.
    public let isDirected: Bool
    /// Whether the graph built carries edge weights (otherwise weights given are ignored).
    public let isWeighted: Bool
    /// Number of nodes so far: nodes are `0 ..< nodeCount`.
    public private(set) var nodeCount: Int
    private var sources: [NodeIndex] = []
    private var targets: [NodeIndex] = []
    private var weights: [Double] = []

    /// Largest number of nodes a graph may have (indices are `Int32`).
    public static let maximumNodeCount = Int(Int32.max) - 1

    /// A builder with `nodeCount` isolated nodes and no edges.
    ///
    /// - Parameters:
    ///   - directed: whether edges are arcs `u → v` (NetworkX's `DiGraph`) or undirected (`Graph`).
    ///   - weighted: whether edges carry the weights given to ``addEdge(_:_:weight:)``.
    ///   - nodeCount: nodes that exist from the start, at most ``maximumNodeCount``.
    public init(directed: Bool, weighted: Bool = false, nodeCount: Int = 0) {
        precondition(nodeCount >= 0 && nodeCount <= Self.maximumNodeCount, "node count out of range")
        self.isDirected = directed
        self.isWeighted = weighted
        self.nodeCount = nodeCount
    }

    /// Number of edges added so far, before parallel edges are merged.
    public var addedEdgeCount: Int { sources.count }

    /// Reserves room for `count` more edges, so that adding them does not reallocate.
    ///
    /// - Parameter count: the number of edges about to be added.
    public mutating func reserveEdges(_ count: Int) {
        sources.reserveCapacity(sources.count + count)
        targets.reserveCapacity(targets.count + count)
        if isWeighted { weights.reserveCapacity(weights.count + count) }
    }

    /// Adds one isolated node.
    ///
    /// - Returns: the new node's index, the previous ``nodeCount``.
    @discardableResult
    public mutating func addNode() -> NodeIndex {
        precondition(nodeCount < Self.maximumNodeCount, "too many nodes for Int32 indices")
        nodeCount += 1
        return NodeIndex(nodeCount - 1)
    }

    /// Makes sure nodes `0 ..< count` exist, adding isolated nodes as needed.
    ///
    /// - Parameter count: the number of nodes wanted, at most ``maximumNodeCount``.
    public mutating func ensureNodeCount(_ count: Int) {
        precondition(count <= Self.maximumNodeCount, "too many nodes for Int32 indices")
        if count > nodeCount { nodeCount = count }
    }

    /// Adds an edge `u → v` (`u – v` when undirected); both nodes must exist.
    ///
    /// - Parameters:
    ///   - u: the edge's source.
    ///   - v: the edge's target (`u` itself for a self-loop).
    ///   - weight: the edge's weight, ignored by an unweighted builder.
    /// - Complexity: amortised O(1).
    public mutating func addEdge(_ u: NodeIndex, _ v: NodeIndex, weight: Double = 1) {
        precondition(u >= 0 && Int(u) < nodeCount && v >= 0 && Int(v) < nodeCount, "edge endpoint out of range")
        sources.append(u)
        targets.append(v)
        if isWeighted { weights.append(weight) }
    }

    /// Builds the graph; the builder's edge arrays are released as the build proceeds.
    ///
    /// - Parameter duplicates: what to do with parallel edges (default: NetworkX's last-wins).
    /// - Returns: the immutable CSR graph.
    /// - Complexity: O(n + m) time and memory (stable counting sorts).
    public consuming func build(duplicates: DuplicateEdgePolicy = .keepLast) -> Graph {
        let src = sources, tgt = targets, w = weights
        sources = []; targets = []; weights = []
        return Graph(nodeCount: nodeCount, directed: isDirected, sources: src, targets: tgt,
                     weights: isWeighted ? w : nil, duplicates: duplicates)
    }
}

extension Graph {
    /// Builds a graph from parallel edge arrays.
    ///
    /// - Parameters:
    ///   - nodeCount: nodes `0 ..< nodeCount`; a node without edges is isolated.
    ///   - directed: whether `sources[i] → targets[i]` is an arc or an undirected edge.
    ///   - sources: the first end of each edge.
    ///   - targets: the second end of each edge.
    ///   - weights: one weight per edge, or `nil` for an unweighted graph.
    ///   - duplicates: how parallel edges are merged (default: NetworkX's last-wins).
    /// - Complexity: O(n + m) time and memory.
    public init(nodeCount: Int, directed: Bool, sources: [NodeIndex], targets: [NodeIndex],
                weights: [Double]? = nil, duplicates: DuplicateEdgePolicy = .keepLast) {
        precondition(sources.count == targets.count, "sources and targets differ in length")
        precondition(weights == nil || weights!.count == sources.count, "weights differ in length")
        precondition(nodeCount >= 0 && nodeCount <= GraphBuilder.maximumNodeCount, "node count out of range")
        if directed {
            self = CSRConstruction.directed(n: nodeCount, sources: sources, targets: targets,
                                            weights: weights, policy: duplicates)
        } else {
            self = CSRConstruction.undirected(n: nodeCount, sources: sources, targets: targets,
                                              weights: weights, policy: duplicates)
        }
    }
}
