/// A maximum flow and the minimum cut that proves it (see ``Graph/maximumFlow(from:to:weighted:)``).
public struct FlowCut: Sendable {
    /// Value of the maximum flow, equal to the capacity of the cut; `.infinity` when no finite
    /// cut exists (a source is a sink, or unbounded arcs join them).
    public var value: Double
    /// Nodes on the sources' side of the cut: those still reachable from a source in the
    /// residual network.
    public var sourceSide: [Bool]
    /// The cut edges, each from the sources' side to the other, in edge order; their
    /// capacities add up to ``value``.
    public var edges: [(from: NodeIndex, to: NodeIndex)]
}

extension Graph {
    /// Maximum flow from a set of sources to a set of sinks, and a minimum cut (NetworkX's
    /// `maximum_flow_value` and `minimum_cut`, with a super-source joined to every source and
    /// every sink to a super-sink by arcs of unbounded capacity).
    ///
    /// Capacities are the edge weights when `weighted` (they must be non-negative), else 1. An
    /// undirected edge carries flow either way up to its capacity (NetworkX treats it as two arcs
    /// of that capacity; the value is the same). Dinic's algorithm, with an explicit stack (no
    /// recursion).
    ///
    /// - Parameters:
    ///   - sources: the nodes the flow leaves from.
    ///   - sinks: the nodes it goes to.
    ///   - weighted: capacities are the edge weights, else 1.
    /// - Returns: the flow's value, the sources' side of a minimum cut and the cut edges.
    /// - Complexity: O(n² m) time at worst (O(m √n) with unit capacities), O(n + m) memory.
    public func maximumFlow(from sources: [NodeIndex], to sinks: [NodeIndex], weighted: Bool = false) -> FlowCut {
        let n = nodeCount
        let sourceSet = Set(sources), sinkSet = Set(sinks)
        guard sourceSet.isDisjoint(with: sinkSet) else {
            var side = [Bool](repeating: false, count: n)
            for s in sources { side[Int(s)] = true }
            return FlowCut(value: .infinity, sourceSide: side, edges: [])
        }
        var network = ResidualNetwork(nodeCount: n + 2)
        let superSource = n, superSink = n + 1
        var edgeArcs: [(arc: Int, u: NodeIndex, v: NodeIndex)] = []
        var largest = 0.0
        forEachEdge { _, u, v, w in
            guard u != v else { return }
            let c = weighted && isWeighted ? w : 1
            largest = max(largest, c)
            let arc = network.addPair(Int(u), Int(v), forward: c, backward: isDirected ? 0 : c)
            edgeArcs.append((arc, u, v))
        }
        for s in sourceSet.sorted() { network.addPair(superSource, Int(s), forward: .infinity) }
        for t in sinkSet.sorted() { network.addPair(Int(t), superSink, forward: .infinity) }
        network.seal()
        let tolerance = largest * 1e-12
        let value = network.maximumFlow(from: superSource, to: superSink, tolerance: tolerance)
        let reach = network.reachable(from: superSource, tolerance: tolerance)
        var edges: [(from: NodeIndex, to: NodeIndex)] = []
        if value < .infinity {
            for (_, u, v) in edgeArcs {
                if reach[Int(u)] && !reach[Int(v)] { edges.append((u, v)) }
                else if !isDirected && reach[Int(v)] && !reach[Int(u)] { edges.append((v, u)) }
            }
        }
        return FlowCut(value: value, sourceSide: Array(reach[0 ..< n]), edges: edges)
    }

    /// The fewest nodes whose removal leaves no path from any source to any sink (NetworkX's
    /// `minimum_node_cut` for one pair; `node_connectivity(G, s, t)` is its size), never taking
    /// a source, a sink or a node marked in `uncuttable`. Nil when no such set exists (a source
    /// is a sink, a source is joined to a sink directly, or only uncuttable nodes stand between).
    ///
    /// Node splitting: each node becomes an arc `in → out` of capacity 1 (unbounded for the nodes
    /// that may not be cut), each edge an unbounded arc `out → in`; then Dinic. The cut nodes
    /// are those whose `in` is on the sources' side of the minimum cut and whose `out` is not.
    ///
    /// - Parameters:
    ///   - sources: the nodes to separate from the sinks.
    ///   - sinks: the nodes to separate from the sources.
    ///   - uncuttable: nodes that may not be cut, by node index (nil: any but sources and sinks).
    /// - Returns: the cut's nodes, ascending, or nil when no cut exists.
    /// - Complexity: O(m √n) time (unit node capacities), O(n + m) memory.
    public func minimumVertexCut(from sources: [NodeIndex], to sinks: [NodeIndex], uncuttable: [Bool]? = nil) -> [NodeIndex]? {
        let n = nodeCount
        let sourceSet = Set(sources), sinkSet = Set(sinks)
        guard sourceSet.isDisjoint(with: sinkSet) else { return nil }
        var network = ResidualNetwork(nodeCount: 2 * n + 2)
        let superSource = 2 * n, superSink = 2 * n + 1
        for v in 0 ..< n {
            let fixed = sourceSet.contains(NodeIndex(v)) || sinkSet.contains(NodeIndex(v)) || uncuttable?[v] == true
            network.addPair(v, v + n, forward: fixed ? .infinity : 1)
        }
        forEachEdge { _, u, v, _ in
            guard u != v else { return }
            network.addPair(Int(u) + n, Int(v), forward: .infinity)
            if !isDirected { network.addPair(Int(v) + n, Int(u), forward: .infinity) }
        }
        for s in sourceSet.sorted() { network.addPair(superSource, Int(s), forward: .infinity) }
        for t in sinkSet.sorted() { network.addPair(Int(t) + n, superSink, forward: .infinity) }
        network.seal()
        let value = network.maximumFlow(from: superSource, to: superSink, tolerance: 0.5)
        guard value < .infinity else { return nil }
        let reach = network.reachable(from: superSource, tolerance: 0.5)
        return (0 ..< n).filter { reach[$0] && !reach[$0 + n] }.map { NodeIndex($0) }
    }
}
