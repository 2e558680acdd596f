/// A two-way map between external string identifiers and dense node indices.
///
/// Identifiers get indices `0, 1, 2, …` in the order they are first interned.
public struct IdentifierTable: Sendable {
    private var indexByID: [String: NodeIndex] = [:]
    /// Identifiers by index.
    public private(set) var identifiers: [String] = []

    public init() {}

    /// Reserves room for `count` identifiers.
    public mutating func reserveCapacity(_ count: Int) {
        indexByID.reserveCapacity(count)
        identifiers.reserveCapacity(count)
    }

    public var count: Int { identifiers.count }

    /// The index of `id`, if interned.
    public func index(of id: String) -> NodeIndex? { indexByID[id] }

    /// The identifier at `index`.
    public subscript(index: NodeIndex) -> String { identifiers[Int(index)] }

    /// Returns the index of `id`, adding it if new; `inserted` tells which.
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
    public private(set) var table = IdentifierTable()
    public private(set) var builder: GraphBuilder

    public init(directed: Bool, weighted: Bool = false) {
        builder = GraphBuilder(directed: directed, weighted: weighted)
    }

    /// Adds a node (no-op when present) and returns its index.
    @discardableResult
    public mutating func addNode(_ id: String) -> NodeIndex {
        let (index, inserted) = table.intern(id)
        if inserted { builder.ensureNodeCount(Int(index) + 1) }
        return index
    }

    /// Adds an edge between two identifiers, creating missing nodes.
    public mutating func addEdge(_ u: String, _ v: String, weight: Double = 1) {
        let a = addNode(u), b = addNode(v)
        builder.addEdge(a, b, weight: weight)
    }

    /// Builds the graph and returns it with the identifier table.
    public consuming func build(duplicates: DuplicateEdgePolicy = .keepLast) -> (graph: Graph, ids: IdentifierTable) {
        (builder.build(duplicates: duplicates), table)
    }
}
