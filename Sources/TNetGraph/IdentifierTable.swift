/// A two-way map between external string identifiers and dense node indices.
///
/// Identifiers get indices `0, 1, 2, …` in the order they are first interned.
public struct IdentifierTable: Sendable {
    private var indexByID: [String: NodeIndex] = [:]
    /// Identifiers by index.
    public private(set) var identifiers: [String] = []

    /// An empty table.
    public init() {}

    /// Reserves room for `count` identifiers.
    ///
    /// - Parameter count: the number of identifiers expected in all.
    public mutating func reserveCapacity(_ count: Int) {
        indexByID.reserveCapacity(count)
        identifiers.reserveCapacity(count)
    }

    /// Number of identifiers interned.
    public var count: Int { identifiers.count }

    /// The index of an identifier.
    ///
    /// - Parameter id: the identifier looked up.
    /// - Returns: its index, or nil when it was never interned.
    /// - Complexity: O(1) on average (a hash lookup).
    public func index(of id: String) -> NodeIndex? { indexByID[id] }

    /// The identifier at an index.
    ///
    /// - Parameter index: an index below ``count``.
    public subscript(index: NodeIndex) -> String { identifiers[Int(index)] }

    /// The index of an identifier, adding it when new.
    ///
    /// - Parameter id: the identifier.
    /// - Returns: its index, and whether it was added by this call.
    /// - Complexity: O(1) on average.
    @discardableResult
    public mutating func intern(_ id: String) -> (index: NodeIndex, inserted: Bool) {
        if let existing = indexByID[id] { return (existing, false) }
        precondition(identifiers.count < GraphBuilder.maximumNodeCount, "too many identifiers for Int32 indices")
        let index = NodeIndex(identifiers.count)
        indexByID[id] = index
        identifiers.append(id)
        return (index, true)
    }
}

/// A ``GraphBuilder`` addressed by string identifiers: nodes are created on first mention.
public struct LabeledGraphBuilder: Sendable {
    /// The identifiers met so far, by node index.
    public private(set) var table = IdentifierTable()
    /// The builder the edges go to.
    public private(set) var builder: GraphBuilder

    /// An empty builder.
    ///
    /// - Parameters:
    ///   - directed: whether edges are arcs (NetworkX's `DiGraph`) or undirected (`Graph`).
    ///   - weighted: whether edges carry weights.
    public init(directed: Bool, weighted: Bool = false) {
        builder = GraphBuilder(directed: directed, weighted: weighted)
    }

    /// Adds a node, unless present.
    ///
    /// - Parameter id: the node's identifier.
    /// - Returns: its index (new or existing).
    @discardableResult
    public mutating func addNode(_ id: String) -> NodeIndex {
        let (index, inserted) = table.intern(id)
        if inserted { builder.ensureNodeCount(Int(index) + 1) }
        return index
    }

    /// Adds an edge between two identifiers, creating missing nodes.
    ///
    /// - Parameters:
    ///   - u: the source's identifier.
    ///   - v: the target's identifier.
    ///   - weight: the edge's weight, ignored when unweighted.
    public mutating func addEdge(_ u: String, _ v: String, weight: Double = 1) {
        let a = addNode(u), b = addNode(v)
        builder.addEdge(a, b, weight: weight)
    }

    /// Builds the graph.
    ///
    /// - Parameter duplicates: what to do with parallel edges (default: NetworkX's last-wins).
    /// - Returns: the graph, and the table of its nodes' identifiers.
    /// - Complexity: O(n + m).
    public consuming func build(duplicates: DuplicateEdgePolicy = .keepLast) -> (graph: Graph, ids: IdentifierTable) {
        (builder.build(duplicates: duplicates), table)
    }
}
