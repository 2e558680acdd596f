import Foundation
import TNetGraph
import TNetGraphviz
import TNetModel

/// Writes GraphML that NetworkX, Gephi, yEd and Cytoscape read, and that ``GraphMLReader``
/// reads back to the same dataset.
///
/// Keys are numbered `d0, d1, …` (no user text in ids). The model's fields are string keys
/// (`weight` a double); attributes get the type all their values share (`long`, `double`,
/// `boolean`, `string`), or a string key marked `tnet.json="true"` holding JSON text when
/// they differ. Dataset title, description, direction, sources and schema are graph data.
/// `edgedefault` is `directed` when any link is; explicit per-link directions are data. No
/// edge carries the XML `directed` attribute: NetworkX refuses a file that mixes directions
/// ("directed=false edge found in directed graph"), so in a directed file other tools see a
/// symmetric link (such as `cooperates_with`) as one arc, while tnet reads it back as symmetric.
public enum GraphMLWriter {
    /// Encodes the dataset as one GraphML graph.
    /// - Parameter dataset: The dataset to write.
    /// - Returns: UTF-8 XML: the keys, the graph's data, then nodes and edges in dataset order.
    /// - Throws: ``ReadError`` when a text holds a control character XML 1.0 cannot hold, or a
    ///   cited source id cannot be written in a `;`-separated list.
    /// - Complexity: O(*n*) in the size of the dataset.
    public static func write(_ dataset: Dataset) throws -> [UInt8] {
        var out: [UInt8] = []
        try stream(dataset, threads: 1) { pieces in for p in pieces { out.append(contentsOf: p) } }
        return out
    }

    /// ``write(_:)`` in pieces, for a file: the head (keys and the graph's data), then the nodes
    /// and edges made a chunk at a time on `threads` threads, each wave of chunks handed to
    /// `emit` as soon as it is made, in order; the bytes are ``write(_:)``'s.
    /// - Parameters:
    ///   - dataset: The dataset to write.
    ///   - threads: How many threads make the chunks.
    ///   - chunk: How many nodes or edges one chunk holds (a test makes it small).
    ///   - emit: Called with each wave's bytes, in order.
    /// - Throws: As ``write(_:)``, before anything is emitted; or what `emit` throws.
    static func stream(_ dataset: Dataset, threads: Int = NativeJSONWriter.defaultThreads, chunk: Int = 4096,
                       _ emit: ([UnsafeRawBufferPointer]) throws -> Void) throws {
        let survey = try Survey(dataset, threads: max(1, threads), chunk: max(1, chunk))
        var keys: [String] = []
        var nextID = 0
        func declare(_ domain: String, _ name: String, _ type: AttributeType, forced: Bool = false) -> String {
            let id = "d\(nextID)"
            nextID += 1
            let xmlType: String
            switch type {
            case .int: xmlType = "long"
            case .double: xmlType = "double"
            case .bool: xmlType = "boolean"
            case .string, .json: xmlType = "string"
            }
            var line = "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\(attr(name)) attr.type=\"\(xmlType)\""
            if type == .json { line += " tnet.json=\"true\"" }
            if forced { line += " tnet.attribute=\"true\"" }
            keys.append(line + "/>\n")
            return id
        }

        // Graph keys.
        var graphData: [(String, String)] = []
        let anyDirected = dataset.hasDirectedLinks
        let edgeDefault = dataset.directed ?? anyDirected
        if let t = dataset.title { graphData.append((declare("graph", "title", .string), t)) }
        if let d = dataset.description { graphData.append((declare("graph", "description", .string), d)) }
        graphData.append((declare("graph", "tnet.directed", .string), dataset.directed.map { $0 ? "true" : "false" } ?? "by_kind"))
        if !dataset.schema.isEmpty {
            graphData.append((declare("graph", "tnet.schema", .json), AttributeType.json.encode(.object(dataset.schema.attributes))))
        }
        if !dataset.sources.isEmpty {
            graphData.append((declare("graph", "tnet.sources", .json), AttributeType.json.encode(sourcesValue(dataset.sources))))
        }
        for (k, v) in dataset.extra {
            let t = AttributeType.of([v], emptyStringIsAbsent: false)
            graphData.append((declare("graph", k, t), t.encode(v)))
        }

        // Node and edge keys: fields in use, then attributes.
        func fieldKeys(_ domain: String, _ names: [String], used: Set<String>) -> [String: String] {
            var ids: [String: String] = [:]
            for n in names where used.contains(n) {
                ids[n] = declare(domain, n, n == "weight" ? .double : (n == "directed" ? .bool : .string))
            }
            return ids
        }
        func attributeKeys(_ domain: String, _ all: [(String, AttributeValue)], fields: Set<String>) -> [String: (id: String, type: AttributeType)] {
            var order: [String] = []
            var values: [String: [AttributeValue]] = [:]
            for (k, v) in all {
                if domain == "edge" && k == "id", case .string = v { continue }
                if values[k] == nil { order.append(k) }
                values[k, default: []].append(v)
            }
            var out: [String: (String, AttributeType)] = [:]
            for k in order {
                let t = AttributeType.of(values[k]!, emptyStringIsAbsent: false)
                out[k] = (declare(domain, k, t, forced: fields.contains(k) || k == "label"), t)
            }
            return out
        }
        let nodeFields = fieldKeys("node", FieldCodec.entityFields.filter { $0 != "id" }, used: survey.entityFields)
        let edgeFields = fieldKeys("edge", FieldCodec.linkFields.filter { $0 != "source" && $0 != "target" }, used: survey.linkFields)
        let nodeAttrs = attributeKeys("node", survey.entityAttributes, fields: Set(FieldCodec.entityFields))
        let edgeAttrs = attributeKeys("edge", survey.linkAttributes, fields: Set(FieldCodec.linkFields))

        var head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        head += "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        head += "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for k in keys { head += k }
        head += "  <graph id=\"G\" edgedefault=\"\(edgeDefault ? "directed" : "undirected")\">\n"
        for (id, text) in graphData { head += "    <data key=\"\(id)\">\(XMLEscaping.text(text))</data>\n" }
        var headBytes = Array(head.utf8)
        try headBytes.withUnsafeBytes { try emit([$0]) }
        headBytes = []

        func node(_ e: Entity, into out: inout String) {
            out += "    <node id=\(attr(e.id))>"
            let fields = FieldCodec.fields(of: e)
            for f in fields where f.name != "id" {
                out += "\n      <data key=\"\(nodeFields[f.name]!)\">\(XMLEscaping.text(f.text))</data>"
            }
            for (k, v) in e.attributes {
                let key = nodeAttrs[k]!
                out += "\n      <data key=\"\(key.id)\">\(XMLEscaping.text(key.type.encode(v)))</data>"
            }
            out += e.attributes.isEmpty && fields.count == 1 ? "</node>\n" : "\n    </node>\n"
        }
        func edge(_ l: Link, into out: inout String) {
            out += "    <edge"
            if case .string(let id)? = l.attributes["id"] { out += " id=\(attr(id))" }
            out += " source=\(attr(l.source)) target=\(attr(l.target))"
            out += ">"
            for f in FieldCodec.fields(of: l) where f.name != "source" && f.name != "target" {
                out += "\n      <data key=\"\(edgeFields[f.name]!)\">\(XMLEscaping.text(f.text))</data>"
            }
            for (k, v) in l.attributes {
                if k == "id", case .string = v { continue }  // written as the edge's own id
                guard let key = edgeAttrs[k] else { continue }
                out += "\n      <data key=\"\(key.id)\">\(XMLEscaping.text(key.type.encode(v)))</data>"
            }
            out += "\n    </edge>\n"
        }

        // The nodes' chunks, then the edges', made a wave at a time; a wave is joined and handed
        // on before the next is made, so memory holds one wave, not the file.
        let entities = dataset.entities, links = dataset.links
        let size = max(1, chunk)
        let nodeChunks = (entities.count + size - 1) / size, edgeChunks = (links.count + size - 1) / size
        try ChunkWaves.write(count: nodeChunks + edgeChunks, threads: threads, make: { c in
            var text = ""
            if c < nodeChunks {
                for i in c * size ..< min(entities.count, (c + 1) * size) { node(entities[i], into: &text) }
            } else {
                let k = c - nodeChunks
                for i in k * size ..< min(links.count, (k + 1) * size) { edge(links[i], into: &text) }
            }
            return Array(text.utf8)
        }, emit)
        try Array("  </graph>\n</graphml>\n".utf8).withUnsafeBytes { try emit([$0]) }
    }

    /// Sources as a JSON-able list of objects (`id`, `title`, `publisher`, `date`, `url`, then attributes).
    static func sourcesValue(_ sources: [Source]) -> AttributeValue {
        .list(sources.map { s in
            var o: Attributes = ["id": .string(s.id)]
            if let v = s.title { o["title"] = .string(v) }
            if let v = s.publisher { o["publisher"] = .string(v) }
            if let v = s.date { o["date"] = .string(v.description) }
            if let v = s.url { o["url"] = .string(v) }
            for (k, v) in s.attributes { o[k] = v }
            return .object(o)
        })
    }

    /// The inverse of ``sourcesValue(_:)``; `nil` when the value is not such a list.
    static func sources(from value: AttributeValue?) -> [Source]? {
        guard case .list(let items)? = value else { return nil }
        var out: [Source] = []
        for case .object(var o) in items {
            guard let id = o["id"]?.string else { continue }
            var s = Source(id: id)
            s.title = o["title"]?.string
            s.publisher = o["publisher"]?.string
            s.date = o["date"]?.string.flatMap(PartialDate.init)
            s.url = o["url"]?.string
            for f in ["id", "title", "publisher", "date", "url"] { o[f] = nil }
            s.attributes = o
            out.append(s)
        }
        return out
    }

    /// XML 1.0 cannot hold most control characters, even escaped: such a text is refused
    /// rather than dropped. - Returns: the error for text `s` of `what`, or nil.
    private static func problem(_ s: String, _ what: @autoclosure () -> String) -> ReadError? {
        XMLEscaping.representable(s) ? nil : ReadError("\(what()) holds a control character that XML (GraphML) cannot represent; use JSON or CSV")
    }

    private static func problem(_ v: AttributeValue, _ what: @autoclosure () -> String) -> ReadError? {
        switch v {
        case .string(let s): return problem(s, what())
        case .list(let items): for i in items { if let p = problem(i, what()) { return p } }
        case .object(let a): for (k, x) in a { if let p = problem(k, what()) ?? problem(x, what()) { return p } }
        default: break
        }
        return nil
    }

    /// What the nodes and edges ask of the head, found on the threads a chunk at a time: the
    /// fields they use, their attributes in order of first use with every value, and the first
    /// error in the order the checks run one after another (citations that cannot be listed, in
    /// the entities then the links; then a text XML cannot hold, in the entities, the links, the
    /// sources, the title, the description and the dataset's other fields).
    private struct Survey {
        var entityFields: Set<String> = []
        var linkFields: Set<String> = []
        var entityAttributes: [(String, AttributeValue)] = []
        var linkAttributes: [(String, AttributeValue)] = []
        var listError: ReadError?
        var textError: ReadError?

        init() {}

        /// Notes one record's field names and attributes (an entity's or a link's) and the first
        /// error it holds.
        mutating func take(_ fields: [(name: String, text: String)], _ attributes: Attributes, list: @autoclosure () -> ReadError?,
                           what: @autoclosure () -> String, entity: Bool) {
            if listError == nil { listError = list() }
            for f in fields {
                if entity { entityFields.insert(f.name) } else { linkFields.insert(f.name) }
                if textError == nil { textError = problem(f.text, what()) }
            }
            for (k, v) in attributes {
                if entity { entityAttributes.append((k, v)) } else { linkAttributes.append((k, v)) }
                if textError == nil { textError = problem(k, what()) ?? problem(v, what()) }
            }
        }

        init(_ d: Dataset, threads: Int, chunk: Int) throws {
            let entities = d.entities, links = d.links
            let nodeChunks = (entities.count + chunk - 1) / chunk, edgeChunks = (links.count + chunk - 1) / chunk
            var parts = [Survey](repeating: Survey(), count: nodeChunks + edgeChunks)
            parts.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                forEachChunk(out.count, threads: threads) { c, _ in
                    var part = Survey()
                    if c < nodeChunks {
                        for i in c * chunk ..< min(entities.count, (c + 1) * chunk) {
                            let e = entities[i]
                            part.take(FieldCodec.fields(of: e), e.attributes, list: FieldCodec.listProblem(of: e),
                                      what: "entity \(quoted(e.id))", entity: true)
                        }
                    } else {
                        let k = c - nodeChunks
                        for i in k * chunk ..< min(links.count, (k + 1) * chunk) {
                            let l = links[i]
                            part.take(FieldCodec.fields(of: l), l.attributes, list: FieldCodec.listProblem(of: l),
                                      what: "link \(quoted(l.source)) → \(quoted(l.target))", entity: false)
                        }
                    }
                    out[c] = part
                }
            }
            if let e = parts.lazy.compactMap(\.listError).first { throw e }
            if let e = parts.lazy.compactMap(\.textError).first { throw e }
            for s in d.sources {
                let all: AttributeValue = .object(["id": .string(s.id), "t": .string(s.title ?? ""), "p": .string(s.publisher ?? ""),
                                                   "u": .string(s.url ?? ""), "a": .object(s.attributes)])
                if let e = problem(all, "source \(quoted(s.id))") { throw e }
            }
            if let e = problem(d.title ?? "", "the title") ?? problem(d.description ?? "", "the description") { throw e }
            for (k, v) in d.extra { if let e = problem(k, "a dataset field") ?? problem(v, "dataset field \(quoted(k))") { throw e } }
            for p in parts {
                entityFields.formUnion(p.entityFields)
                linkFields.formUnion(p.linkFields)
                entityAttributes += p.entityAttributes
                linkAttributes += p.linkAttributes
            }
        }
    }

    private static func attr(_ s: String) -> String { "\"" + XMLEscaping.attribute(s) + "\"" }
}
