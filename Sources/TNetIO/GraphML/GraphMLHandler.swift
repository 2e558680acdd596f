import Foundation
import TNetModel

/// The events of one GraphML document turned into a dataset: keys, then nodes and edges as
/// each closes. Element names are matched on libxml2's bytes; only what is kept (ids, keys'
/// names, data text) becomes a string.
final class GraphMLHandler: XMLEventHandler {
    /// One `<key>`: where it applies, its name and type, its default.
    struct Key {
        var domain: String
        var name: String
        var type: AttributeType
        var defaultText: String?
        var yfiles: String?
        /// Written by tnet for an attribute that shares a field's name.
        var forcedAttribute = false

        func applies(to domain: String) -> Bool { self.domain == domain || self.domain == "all" }
    }

    /// What every node and edge asks of a key, worked out once when it is declared.
    private struct KeyUse {
        var node: Bool
        var edge: Bool
        /// Whether its data may set an entity's field (not a forced attribute, not `id`), or a
        /// link's (not `source` or `target`).
        var entityField: Bool
        var linkField: Bool
        var nodeGraphics: Bool
        var edgeGraphics: Bool
        var isLabel: Bool
        var isDirected: Bool

        init(_ key: Key) {
            node = key.applies(to: "node")
            edge = key.applies(to: "edge")
            entityField = !key.forcedAttribute && key.name != "id"
            linkField = !key.forcedAttribute && key.name != "source" && key.name != "target"
            nodeGraphics = key.yfiles == "nodegraphics"
            edgeGraphics = key.yfiles == "edgegraphics"
            isLabel = key.name == "label"
            isDirected = key.name == "directed"
        }
    }

    /// A `<node>` or `<edge>` being read: its data in document order (key positions in
    /// ``keys``), and where its start tag ends.
    private struct Element {
        var id: String
        var target = ""
        var edgeID: String?
        var directed: Bool?
        var data: [(key: Int, text: String)] = []
        var line: Int
        var column: Int
    }

    let file: String
    private(set) var failure: ReadError?
    private(set) var sawGraph = false
    private var issues: [ValidationIssue] = []
    /// Keys in order of first declaration; a key declared again under the same id replaces it.
    private var keys: [Key] = []
    private var keyUses: [KeyUse] = []
    private var keyIndex: [String: Int] = [:]
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
    /// Per key, the last element whose data used it (duplicate data is found without a set).
    private var seenStamp: [Int] = []
    private var stamp = 0

    init(file: String) {
        self.file = file
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
            guard let index = keyIndex[k] else { return fail(parser, "<data> names key \(quoted(k)), which is not declared") }
            dataKey = index
            text.removeAll(keepingCapacity: true)
            labelText.removeAll(keepingCapacity: true)
        } else if name.is("node") {
            guard let id = a.value("id") else { return fail(parser, "<node> without an id") }
            node = Element(id: id, line: max(1, parser.line), column: max(1, parser.column))
        } else if name.is("edge") {
            guard let s = a.value("source"), let t = a.value("target") else { return fail(parser, "<edge> needs source and target") }
            var directed: Bool?
            if let d = a.value("directed") { directed = d == "true" || d == "1" }
            edge = Element(id: s, target: t, edgeID: a.value("id"), directed: directed, line: max(1, parser.line), column: max(1, parser.column))
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
            if let y = keys[k].yfiles {
                if y == "nodegraphics" || y == "edgegraphics" {
                    value = String(decoding: labelText, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    if value.isEmpty { return }
                } else {
                    if !warnedYFiles {
                        warnedYFiles = true
                        issues.append(ValidationIssue(.warning, .unknownField, "yEd graphics data (shapes, layout, resources) is not kept; labels are", at: here(parser)))
                    }
                    return
                }
            } else {
                value = String(decoding: text, as: UTF8.self)
            }
            if node != nil { node!.data.append((k, value)) } else if edge != nil { edge!.data.append((k, value)) } else { graphData.append((keys[k], value)) }
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
            if let (id, key) = keyInProgress {
                if let i = keyIndex[id] { keys[i] = key; keyUses[i] = KeyUse(key) } else {
                    keyIndex[id] = keys.count
                    keys.append(key)
                    keyUses.append(KeyUse(key))
                    seenStamp.append(0)
                }
                // Defaults are worked out again: a key declared (or declared again) after the
                // first node applies, with its own domain and default, to the nodes after it.
                defaultsCache = [:]
                hasNameKey = keys.contains { $0.applies(to: "node") && $0.name == "name" && !$0.forcedAttribute }
                writtenByTNet = keys.contains { $0.domain == "graph" && $0.name == "tnet.directed" }
            }
            keyInProgress = nil
        } else if name.is("graph") {
            graphDepth -= 1
        }
    }

    /// Keys with a default, per domain, in id order (computed once, after the keys).
    private var defaultsCache: [String: [(index: Int, key: Key, text: String)]] = [:]

    private func defaults(_ domain: String) -> [(index: Int, key: Key, text: String)] {
        if let d = defaultsCache[domain] { return d }
        let d = keyIndex.keys.sorted().compactMap { id -> (index: Int, key: Key, text: String)? in
            let i = keyIndex[id]!
            let key = keys[i]
            guard key.applies(to: domain), let text = key.defaultText else { return nil }
            return (i, key, text)
        }
        defaultsCache[domain] = d
        return d
    }

    /// Calls `body` with each datum of an element in document order, then the defaults of keys
    /// it has no data for. Data under a key for another domain, or a key already given, is
    /// reported (a warning) rather than dropped unseen.
    private func forEachValue(_ data: [(key: Int, text: String)], domain: String, what: () -> String,
                              at: SourceLocation, _ body: (Int, String) -> Void) {
        stamp += 1
        let node = domain == "node"
        for (k, v) in data {
            guard node ? keyUses[k].node : keyUses[k].edge else {
                let key = keys[k]
                issues.append(ValidationIssue(.warning, .unknownField, "\(what()): key \(quoted(key.name)) is declared for \(key.domain), not \(domain); ignored", at: at))
                continue
            }
            if seenStamp[k] != stamp {
                seenStamp[k] = stamp
                body(k, v)
            } else {
                issues.append(ValidationIssue(.warning, .unknownField, "\(what()): key \(quoted(keys[k].name)) given twice; the first is kept", at: at))
            }
        }
        for d in defaults(domain) where seenStamp[d.index] != stamp { body(d.index, d.text) }
    }

    /// Whether a key names nodes (then a `label` is an attribute, not the name); worked out
    /// again whenever a key is declared.
    private var hasNameKey = false

    private func finishNode(_ n: Element) {
        var e = Entity(id: n.id, kind: .node)
        let at = SourceLocation(file: file, line: n.line, column: n.column)
        var graphicsLabel: String?
        forEachValue(n.data, domain: "node", what: { "node \(quoted(n.id))" }, at: at) { k, text in
            let use = keyUses[k]
            if use.nodeGraphics { graphicsLabel = text; return }
            let key = keys[k]
            if use.entityField {
                switch FieldCodec.set(key.name, text, on: &e) {
                case .stored: return
                case .invalid(let m): issues.append(ValidationIssue(.error, .invalidValue, "node \(quoted(n.id)): \(m)", at: at)); return
                case .notAField: break
                }
                if use.isLabel && !hasNameKey && e.name == nil { e.name = text; return }
            }
            guard let v = key.type.decode(text) else {
                issues.append(ValidationIssue(.error, .invalidValue, "node \(quoted(n.id)): \(quoted(key.name)) = \(quoted(text)) is not a \(key.type.rawValue)", at: at))
                return
            }
            e.attributes[key.name] = v
        }
        if e.name == nil, let graphicsLabel { e.name = graphicsLabel }
        entities.append(e)
        locations.entities.append(ReadLocations.Position(line: n.line, column: n.column))
    }

    private func finishEdge(_ x: Element) {
        let source = x.id, target = x.target
        var l = Link(source: source, target: target, kind: .link)
        let at = SourceLocation(file: file, line: x.line, column: x.column)
        var explicitDirected = false
        forEachValue(x.data, domain: "edge", what: { "edge \(quoted(source)) → \(quoted(target))" }, at: at) { k, text in
            let use = keyUses[k]
            if use.edgeGraphics { l.attributes["label"] = .string(text); return }
            let key = keys[k]
            if use.linkField {
                switch FieldCodec.set(key.name, text, on: &l) {
                case .stored: if use.isDirected { explicitDirected = true }; return
                case .invalid(let m): issues.append(ValidationIssue(.error, .invalidValue, "edge \(quoted(source)) → \(quoted(target)): \(m)", at: at)); return
                case .notAField: break
                }
            }
            guard let v = key.type.decode(text) else {
                issues.append(ValidationIssue(.error, .invalidValue, "edge \(quoted(source)) → \(quoted(target)): \(quoted(key.name)) = \(quoted(text)) is not a \(key.type.rawValue)", at: at))
                return
            }
            l.attributes[key.name] = v
        }
        if let id = x.edgeID, l.attributes["id"] == nil { l.attributes["id"] = .string(id) }
        // A file tnet wrote records explicit directions as data; the XML attribute then only
        // repeats what the kind implies. From other tools, the XML attribute is the fact.
        if !explicitDirected && !writtenByTNet, let d = x.directed { l.directed = d }
        pendingLinks.append(l)
        locations.links.append(ReadLocations.Position(line: x.line, column: x.column))
    }

    /// Whether tnet wrote the file (its graph key `tnet.directed`); worked out again whenever a
    /// key is declared.
    private var writtenByTNet = false

    /// The dataset: graph data applied, links after the entities, with their positions.
    func finish() -> (dataset: Dataset, issues: [ValidationIssue]) {
        for (key, text) in graphData {
            switch key.name {
            case "title": dataset.title = text
            case "description": dataset.description = text
            case "tnet.directed": dataset.directed = text == "true" ? true : text == "false" ? false : nil
            case "tnet.schema":
                guard case .object(let a)? = AttributeType.parseJSON(text) else {
                    issues.append(ValidationIssue(.error, .invalidValue, "graph data \"tnet.schema\" is not a JSON object", at: SourceLocation(file: file, line: 1, column: 1)))
                    continue
                }
                dataset.schema = Schema(attributes: a)
            case "tnet.sources":
                guard let list = GraphMLWriter.sources(from: AttributeType.parseJSON(text)) else {
                    issues.append(ValidationIssue(.error, .invalidValue, "graph data \"tnet.sources\" is not a JSON list", at: SourceLocation(file: file, line: 1, column: 1)))
                    continue
                }
                dataset.sources += list
            default:
                guard let v = key.type.decode(text) else {
                    issues.append(ValidationIssue(.error, .invalidValue, "graph data \(quoted(key.name)) = \(quoted(text)) is not a \(key.type.rawValue)", at: SourceLocation(file: file, line: 1, column: 1)))
                    continue
                }
                dataset.extra[key.name] = v
            }
        }
        let meta = dataset
        let (kept, links) = (entities, pendingLinks)
        entities = []
        pendingLinks = []
        dataset = Dataset(entities: kept, links: links, sources: meta.sources, title: meta.title,
                          description: meta.description, directed: meta.directed, schema: meta.schema, extra: meta.extra)
        dataset.locations = locations
        return (dataset, issues)
    }
}
