import Foundation
import TNetModel

/// The events of one GraphML document turned into a dataset: keys, then nodes and edges as
/// each closes. Element names are matched on libxml2's bytes; only what is kept (ids, keys'
/// names, data text) becomes a string.
final class GraphMLHandler: XMLEventHandler {
    typealias Key = GraphMLElementBuilder.Key

    /// A `<node>` or `<edge>` being read: its data in document order (key positions in
    /// ``keys``), and where its start tag begins.
    private struct Element {
        var id: String
        var target = ""
        var edgeID: String?
        var directed: Bool?
        var data: [GraphMLElementBuilder.Datum] = []
        var line: Int
        var column: Int
    }

    let file: String
    private(set) var failure: ReadError?
    private(set) var sawGraph = false
    /// The keys, and what they make of each node and edge.
    private(set) var builder: GraphMLElementBuilder
    private var graphDepth = 0
    private var dataset = Dataset()
    private var entities: [Entity] = []
    private var graphData: [(key: Key, text: String)] = []
    private var locations: ReadLocations

    // The element being read.
    private var node: Element?
    private var edge: Element?
    private var keyInProgress: (id: String, key: Key)?
    private var dataKey: Int?
    private var text: [UInt8] = []
    private var inDefault = false
    private var labelDepth = 0
    private var labelText: [UInt8] = []
    private var warnedYFiles = false
    private var pendingLinks: [Link] = []

    init(file: String) {
        self.file = file
        builder = GraphMLElementBuilder(file: file)
        locations = ReadLocations(file: file)
    }

    private func fail(_ parser: XMLPushParser, _ message: String) {
        guard failure == nil else { return }
        failure = ReadError(message, at: here(parser))
        parser.stop()
    }

    private func here(_ parser: XMLPushParser) -> SourceLocation {
        SourceLocation(file: file, line: max(1, parser.line), column: max(1, parser.column))
    }

    func problem(code: Int, message: String, _ parser: XMLPushParser) {
        fail(parser, "XML error: " + GraphMLReader.describe(code: code, message: message))
    }

    func startElement(_ name: XMLName, _ a: XMLAttributes, _ parser: XMLPushParser) {
        guard failure == nil else { return }
        if dataKey != nil {
            // Markup inside <data> (yEd graphics): keep label text only.
            if name.is("NodeLabel") || name.is("EdgeLabel") { labelDepth += 1 }
            return
        }
        if name.is("data") {
            guard let k = a.value("key") else { return fail(parser, "<data> without a key") }
            guard let index = builder.keyIndex[k] else { return fail(parser, "<data> names key \(quoted(k)), which is not declared") }
            dataKey = index
            text.removeAll(keepingCapacity: true)
            labelText.removeAll(keepingCapacity: true)
        } else if name.is("node") {
            guard let id = a.value("id") else { return fail(parser, "<node> without an id") }
            let at = parser.startTagPosition()
            node = Element(id: id, line: Int(at.line), column: Int(at.column))
        } else if name.is("edge") {
            guard let s = a.value("source"), let t = a.value("target") else { return fail(parser, "<edge> needs source and target") }
            var directed: Bool?
            if let d = a.value("directed") { directed = d == "true" || d == "1" }
            let at = parser.startTagPosition()
            edge = Element(id: s, target: t, edgeID: a.value("id"), directed: directed, line: Int(at.line), column: Int(at.column))
        } else if name.is("key") {
            guard let id = a.value("id") else { return fail(parser, "<key> without an id") }
            let domain = a.value("for") ?? "all"
            let typeName = (a.value("attr.type") ?? "string").lowercased()
            var type: AttributeType
            switch typeName {
            case "int", "long": type = .int
            case "float", "double": type = .double
            case "boolean": type = .bool
            case "string": type = .string
            default: return fail(parser, "key \(quoted(id)) has unknown attr.type \(quoted(typeName))")
            }
            if a.value("tnet.json") == "true" { type = .json }
            var key = Key(domain: domain, name: a.value("attr.name") ?? id, type: type, defaultText: nil, yfiles: a.value("yfiles.type"))
            key.forcedAttribute = a.value("tnet.attribute") == "true"
            keyInProgress = (id, key)
        } else if name.is("default") {
            if keyInProgress != nil { inDefault = true; text.removeAll(keepingCapacity: true) }
        } else if name.is("graph") {
            if sawGraph && graphDepth == 0 { return fail(parser, "a second <graph>: one graph per file") }
            if graphDepth > 0 || node != nil { return fail(parser, "nested graphs (a <graph> inside a node) are not supported") }
            sawGraph = true
            graphDepth += 1
            dataset.directed = a.value("edgedefault") == "directed"
        } else if name.is("hyperedge") {
            return fail(parser, "hyperedges are not supported")
        } else if name.is("port") {
            return fail(parser, "ports are not supported")
        }
        // graphml, desc, locator, endpoint and anything else: nothing to keep.
    }

    func characters(_ chunk: UnsafeBufferPointer<UInt8>, _ parser: XMLPushParser) {
        if labelDepth > 0 { labelText.append(contentsOf: chunk) } else if dataKey != nil || inDefault { text.append(contentsOf: chunk) }
    }

    func endElement(_ name: XMLName, _ parser: XMLPushParser) {
        guard failure == nil else { return }
        let isData = name.is("data")
        if dataKey != nil, !isData {
            if (name.is("NodeLabel") || name.is("EdgeLabel")) && labelDepth > 0 { labelDepth -= 1 }
            return
        }
        if isData {
            guard let k = dataKey else { return }
            dataKey = nil
            var value: String
            if let y = builder.keys[k].yfiles {
                if y == "nodegraphics" || y == "edgegraphics" {
                    value = String(decoding: labelText, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    if value.isEmpty { return }
                } else {
                    if !warnedYFiles {
                        warnedYFiles = true
                        builder.issues.append(ValidationIssue(.warning, .unknownField, "yEd graphics data (shapes, layout, resources) is not kept; labels are", at: here(parser)))
                    }
                    return
                }
            } else {
                value = String(decoding: text, as: UTF8.self)
            }
            if node != nil { node!.data.append(.init(key: k, text: value)) } else if edge != nil { edge!.data.append(.init(key: k, text: value)) } else { graphData.append((builder.keys[k], value)) }
        } else if name.is("node") {
            if let n = node { finishNode(n) }
            node = nil
        } else if name.is("edge") {
            if let e = edge { finishEdge(e) }
            edge = nil
        } else if name.is("default") {
            inDefault = false
            keyInProgress?.key.defaultText = String(decoding: text, as: UTF8.self)
        } else if name.is("key") {
            if let (id, key) = keyInProgress { builder.declare(key, id: id) }
            keyInProgress = nil
        } else if name.is("graph") {
            graphDepth -= 1
        }
    }

    private func finishNode(_ n: Element) {
        entities.append(builder.entity(id: n.id, data: n.data, line: n.line, column: n.column))
        locations.entities.append(ReadLocations.Position(line: n.line, column: n.column))
    }

    private func finishEdge(_ x: Element) {
        pendingLinks.append(builder.link(source: x.id, target: x.target, edgeID: x.edgeID, directed: x.directed,
                                         data: x.data, line: x.line, column: x.column))
        locations.links.append(ReadLocations.Position(line: x.line, column: x.column))
    }

    /// Whether a node or an edge was read (the chunked reader has libxml2 read only the head,
    /// where there is none unless it is spelt with a prefix).
    var readElements: Bool { !entities.isEmpty || !pendingLinks.isEmpty }

    /// The graph's own data (title, description, directions, schema, sources, other values),
    /// with `later` read after what this handler read, applied to a dataset with no entities;
    /// and the problems found in them.
    func graph(later: [GraphMLElementBuilder.Datum] = []) -> (meta: Dataset, issues: [ValidationIssue]) {
        var meta = dataset
        var issues: [ValidationIssue] = []
        let at = SourceLocation(file: file, line: 1, column: 1)
        for (key, text) in graphData + later.map({ (builder.keys[$0.key], $0.text) }) {
            switch key.name {
            case "title": meta.title = text
            case "description": meta.description = text
            case "tnet.directed": meta.directed = text == "true" ? true : text == "false" ? false : nil
            case "tnet.schema":
                guard case .object(let a)? = AttributeType.parseJSON(text) else {
                    issues.append(ValidationIssue(.error, .invalidValue, "graph data \"tnet.schema\" is not a JSON object", at: at))
                    continue
                }
                meta.schema = Schema(attributes: a)
            case "tnet.sources":
                guard let list = GraphMLWriter.sources(from: AttributeType.parseJSON(text)) else {
                    issues.append(ValidationIssue(.error, .invalidValue, "graph data \"tnet.sources\" is not a JSON list", at: at))
                    continue
                }
                meta.sources += list
            default:
                guard let v = key.type.decode(text) else {
                    issues.append(ValidationIssue(.error, .invalidValue, "graph data \(quoted(key.name)) = \(quoted(text)) is not a \(key.type.rawValue)", at: at))
                    continue
                }
                meta.extra[key.name] = v
            }
        }
        return (meta, issues)
    }

    /// The dataset: graph data applied, links after the entities, with their positions; the
    /// problems of the nodes and edges in document order, then those of the graph's data.
    func finish() -> (dataset: Dataset, issues: [ValidationIssue]) {
        let (meta, graphIssues) = graph()
        let (kept, links) = (entities, pendingLinks)
        entities = []
        pendingLinks = []
        dataset = Dataset(entities: kept, links: links, sources: meta.sources, title: meta.title,
                          description: meta.description, directed: meta.directed, schema: meta.schema, extra: meta.extra)
        dataset.locations = locations
        return (dataset, builder.issues + graphIssues)
    }
}
