internal import CGraphviz

/// A DOT graph as cgraph parsed it: nodes and edges with their attributes as text.
public struct DOTDocument: Sendable {
    public struct Node: Sendable {
        public var name: String
        /// Attributes with a non-empty value (those set on the node or by a `node [...]` default).
        public var attributes: [(name: String, value: String)]
    }

    public struct Edge: Sendable {
        public var tail: String
        public var head: String
        public var attributes: [(name: String, value: String)]
    }

    public var name: String
    public var directed: Bool
    public var strict: Bool
    public var graphAttributes: [(name: String, value: String)]
    public var nodes: [Node]
    public var edges: [Edge]
}

extension GraphvizRenderer {
    /// Parses DOT text with cgraph's own parser (`agmemread`), in this process, behind the
    /// same gate as rendering. Nodes are listed in cgraph's order (order of appearance); edges
    /// by tail node, then order of appearance.
    /// - Throws: ``GraphvizError`` with cgraph's message for a syntax error.
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
