internal import CGraphviz

/// A DOT graph as cgraph parsed it: nodes and edges with their attributes as text.
public struct DOTDocument: Sendable {
    /// A node: its DOT name and attributes.
    public struct Node: Sendable {
        /// The node's name as the DOT file gives it (its id, not its label).
        public var name: String
        /// Attributes with a non-empty value (those set on the node or by a `node [...]` default).
        public var attributes: [(name: String, value: String)]
    }

    /// An edge between two named nodes, with its attributes.
    public struct Edge: Sendable {
        /// The name of the node the edge leaves (its source).
        public var tail: String
        /// The name of the node the edge reaches (its target).
        public var head: String
        /// Attributes with a non-empty value (those set on the edge or by an `edge [...]` default).
        public var attributes: [(name: String, value: String)]
    }

    /// The graph's name (`digraph name { … }`), empty when anonymous.
    public var name: String
    /// Whether the graph is a `digraph`.
    public var directed: Bool
    /// Whether the graph is `strict` (no parallel edges, which cgraph merged).
    public var strict: Bool
    /// The graph's own attributes with a non-empty value (`rankdir`, `label`…).
    public var graphAttributes: [(name: String, value: String)]
    /// The nodes, in order of appearance (including those only named by an edge).
    public var nodes: [Node]
    /// The edges, in the order the file states them.
    public var edges: [Edge]
}

extension GraphvizRenderer {
    /// Parses DOT text with cgraph's own parser (`agmemread`), in this process, behind the
    /// same gate as rendering. Nodes are listed in cgraph's order (order of appearance); edges
    /// in the order the file states them. Subgraphs are flattened: their nodes and edges are
    /// the graph's.
    /// - Parameter dot: DOT text.
    /// - Returns: the graph's name, kind, attributes, nodes and edges.
    /// - Throws: ``GraphvizError`` with cgraph's message for a syntax error.
    /// - Complexity: O(*n* + *m*) for cgraph's parse, plus sorting the edges by sequence number.
    public func parse(dot: String) throws -> DOTDocument {
        try withGraph(dot: dot) { graph in
            func attributes(_ obj: UnsafeMutableRawPointer, kind: Int32) -> [(name: String, value: String)] {
                var out: [(String, String)] = []
                var sym = agnxtattr(graph, kind, nil)
                while let s = sym {
                    if let v = agxget(obj, s), v.pointee != 0, let n = s.pointee.name {
                        out.append((String(cString: n), String(cString: v)))
                    }
                    sym = agnxtattr(graph, kind, s)
                }
                return out
            }
            var doc = DOTDocument(name: tnet_gv_name(UnsafeMutableRawPointer(graph)).map { String(cString: $0) } ?? "",
                                  directed: agisdirected(graph) != 0, strict: agisstrict(graph) != 0,
                                  graphAttributes: attributes(UnsafeMutableRawPointer(graph), kind: Int32(AGRAPH)),
                                  nodes: [], edges: [])
            var node: UnsafeMutablePointer<Agnode_t>? = agfstnode(graph)
            while let n = node {
                let name = String(cString: tnet_gv_name(UnsafeMutableRawPointer(n)))
                doc.nodes.append(.init(name: name, attributes: attributes(UnsafeMutableRawPointer(n), kind: Int32(AGNODE))))
                node = agnxtnode(graph, n)
            }
            // cgraph lists edges node by node; AGSEQ gives them back in the order the file
            // states them.
            var ordered: [(seq: UInt, edge: DOTDocument.Edge)] = []
            node = agfstnode(graph)
            while let n = node {
                var edge = agfstout(graph, n)
                while let e = edge {
                    let tail = String(cString: tnet_gv_name(UnsafeMutableRawPointer(tnet_gv_tail(e))))
                    let head = String(cString: tnet_gv_name(UnsafeMutableRawPointer(tnet_gv_head(e))))
                    ordered.append((UInt(tnet_gv_seq(UnsafeMutableRawPointer(e))),
                                    DOTDocument.Edge(tail: tail, head: head, attributes: attributes(UnsafeMutableRawPointer(e), kind: Int32(AGEDGE)))))
                    edge = agnxtout(graph, e)
                }
                node = agnxtnode(graph, n)
            }
            doc.edges = ordered.sorted { $0.seq < $1.seq }.map(\.edge)
            return doc
        }
    }
}
