import TNetModel

/// A dataset as Cytoscape.js elements JSON (`tnet export INPUT --to cytoscape FILE.json`):
/// what `cytoscape({elements: …})` and `cy.json({elements: …})` take, and what Cytoscape
/// desktop imports as a `.cyjs` network (File → Import → Network from File).
///
/// ```json
/// {"format_version": "1.0", "generated_by": "tnet", "target_cytoscapejs_version": "~3",
///  "data": {"name": "…", "redacted": false, "sources": […]},
///  "elements": {"nodes": [{"data": {"id": "syndicate-a", "label": "Syndicate A", …}}],
///               "edges": [{"data": {"id": "e0", "source": "…", "target": "…", …}}]}}
/// ```
///
/// Node `data`: `id` (the entity's id), `label` and `name` (its name, its id when it has none:
/// Cytoscape desktop shows `name`), `kind`, `role`, `country`, `protected` (true for a victim,
/// survivor or witness: never a target of disruption), then the provenance fields, then the
/// free attributes with their JSON values (a key a built-in field has becomes `attr_KEY`).
/// Edge `data`: `id` (`e0`, `e1`, … in link order), `source`, `target`, `kind` and `interaction`
/// (Cytoscape desktop's name for it), `label`, `directed`, `weight` when finite, `agreement`,
/// then the provenance fields and free attributes. Provenance, on both: `confidence` (the
/// Admiralty grade, `B2`), `confidence_value` (A1 = 1 … F6 = 0.09), `sources` (array of the
/// cited source ids), `period_start` and `period_end` (ISO dates as written, possibly partial).
///
/// Every link with both ends present is an edge, parallel ones included. Cytoscape.js edges all
/// have a source and a target; whether one is directed is only how it is styled, so an
/// undirected link has `directed: false` (style it with `edge[!directed]`) and a warning counts
/// them. The graph's `data` holds the dataset's title (`name`), description, sources (id,
/// title, publisher, date, URL), schema and other top-level fields (a `licence`, say). Nested objects in attributes are kept as JSON, which Cytoscape.js reads and Cytoscape
/// desktop's table cannot hold (a warning names them).
public enum CytoscapeExport {
    /// The node data fields tnet always writes (when they have a value), in order.
    public static let nodeFields = ["id", "label", "name", "kind", "role", "country", "protected"] + provenanceFields
    /// The edge data fields tnet always writes (when they have a value), in order.
    public static let edgeFields = ["id", "source", "target", "kind", "interaction", "label", "directed", "weight", "agreement"]
        + provenanceFields
    static let provenanceFields = ["confidence", "confidence_value", "sources", "period_start", "period_end"]

    /// The export: the file's bytes from ``encode(_:redacted:)``; what ``write(_:to:redacted:)``
    /// wrote.
    public struct Output: Sendable {
        /// The file's UTF-8 bytes from ``encode(_:redacted:)``; empty from
        /// ``write(_:to:redacted:)``, which hands them to the file as they are made.
        public var bytes: [UInt8]
        /// Nodes and edges written.
        public var nodes: Int, edges: Int
        /// One line per kind of loss (see ``ExportLosses``).
        public var warnings: [String]
    }

    /// Encodes `dataset` as Cytoscape.js elements JSON.
    /// - Parameters:
    ///   - dataset: the dataset (already redacted and filtered).
    ///   - redacted: whether protected persons were redacted (said in the graph's data).
    /// - Returns: the file, the counts and the warnings.
    /// - Complexity: O(size of the dataset).
    public static func encode(_ dataset: Dataset, redacted: Bool) -> Output {
        var bytes: [UInt8] = []
        var out = stream(dataset, redacted: redacted) { pieces in for p in pieces { bytes.append(contentsOf: p) } }
        out.bytes = bytes
        return out
    }

    /// ``encode(_:redacted:)`` in pieces (``OutputPieces``), each handed to `emit` as soon
    /// as it is made: memory holds a piece, not the file.
    /// - Returns: the counts and the warnings; `bytes` empty.
    /// - Throws: what `emit` throws.
    static func stream(_ dataset: Dataset, redacted: Bool, _ emit: ([UnsafeRawBufferPointer]) throws -> Void) rethrows -> Output {
        var losses = ExportLosses(format: "Cytoscape.js")
        var resolved: [(Int, Int32, Int32)] = []
        dataset.forEachResolvedLink { i, s, t in resolved.append((i, s, t)) }
        let links = dataset.links
        let nodeFree = ExportAttributeColumns(dataset.entities.map(\.attributes), reserved: Set(nodeFields), emptyStringIsAbsent: false,
                                              losses: &losses, what: "entity")
        let edgeFree = ExportAttributeColumns(resolved.map { links[$0.0].attributes }, reserved: Set(edgeFields), emptyStringIsAbsent: false,
                                              losses: &losses, what: "link")
        func hasObject(_ v: AttributeValue) -> Bool {
            // Iterative: no recursion whose depth grows with the input.
            var stack = [v]
            while let top = stack.popLast() {
                switch top {
                case .object: return true
                case .list(let items): stack.append(contentsOf: items)
                default: break
                }
            }
            return false
        }
        var renamedNode: [String: String] = [:], renamedEdge: [String: String] = [:]
        for c in nodeFree.columns { renamedNode[c.key] = c.name }
        for c in edgeFree.columns { renamedEdge[c.key] = c.name }

        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.key("format_version"); w.string("1.0")
        w.key("generated_by"); w.string("tnet")
        w.key("target_cytoscapejs_version"); w.string("~3")
        w.key("data"); w.beginObject()
        if let t = dataset.title { w.key("name"); w.string(t) }
        if let d = dataset.description { w.key("description"); w.string(d) }
        w.key("redacted"); w.bool(redacted)
        if !dataset.sources.isEmpty {
            w.key("sources"); w.beginArray()
            for s in dataset.sources {
                w.beginObject()
                w.key("id"); w.string(s.id)
                if let t = s.title { w.key("title"); w.string(t) }
                if let p = s.publisher { w.key("publisher"); w.string(p) }
                if let d = s.date { w.key("date"); w.string(d.description) }
                if let u = s.url { w.key("url"); w.string(u) }
                w.endObject()
            }
            w.endArray()
        }
        if !dataset.schema.isEmpty {
            // The schema as tnet writes it: declared kinds, roles and target overrides.
            w.key("schema"); NativeJSONWriter.value(.object(dataset.schema.attributes), &w)
        }
        // The dataset's other top-level fields (a licence, say), beside the built-in ones.
        for (k, v) in dataset.extra {
            let name = ["name", "description", "redacted", "sources", "schema"].contains(k) ? "attr_" + k : k
            if name != k { losses.note("the dataset's field \(ExportAttributeColumns.quoted(k)) written as \(ExportAttributeColumns.quoted(name)) in the graph's data", at: "the dataset") }
            w.key(name); NativeJSONWriter.value(v, &w)
        }
        w.endObject()

        func provenance(_ c: Confidence?, _ sources: [String], _ period: Period?) {
            if let c { w.key("confidence"); w.string(c.description); w.key("confidence_value"); w.double(c.value) }
            if !sources.isEmpty { w.key("sources"); w.strings(sources) }
            if let f = period?.from { w.key("period_start"); w.string(f.description) }
            if let t = period?.to { w.key("period_end"); w.string(t.description) }
        }
        func free(_ attributes: Attributes, _ names: [String: String], _ place: @autoclosure () -> String) {
            for (k, v) in attributes {
                if hasObject(v) { losses.note("attributes holding objects kept as JSON objects, which Cytoscape desktop's tables cannot hold", at: place()) }
                w.key(names[k] ?? k)
                NativeJSONWriter.value(v, &w)
            }
        }

        w.key("elements"); w.beginObject()
        w.key("nodes"); w.beginArray()
        for e in dataset.entities {
            w.beginObject(); w.key("data"); w.beginObject()
            w.key("id"); w.string(e.id)
            w.key("label"); w.string(e.label)
            w.key("name"); w.string(e.label)
            w.key("kind"); w.string(e.kind.rawValue)
            if let r = e.role { w.key("role"); w.string(r.rawValue) }
            if let c = e.country { w.key("country"); w.string(c) }
            w.key("protected"); w.bool(e.isProtected)
            provenance(e.confidence, e.sources, e.period)
            free(e.attributes, renamedNode, "entity " + e.id)
            w.endObject(); w.endObject()
            try OutputPieces.handOn(&w, emit)
        }
        w.endArray()
        w.key("edges"); w.beginArray()
        var undirected = 0
        for (n, (i, s, t)) in resolved.enumerated() {
            let l = links[i]
            let place = "link \(i) (\(dataset.entities[Int(s)].id) → \(dataset.entities[Int(t)].id))"
            w.beginObject(); w.key("data"); w.beginObject()
            w.key("id"); w.string("e\(n)")
            w.key("source"); w.string(dataset.entities[Int(s)].id)
            w.key("target"); w.string(dataset.entities[Int(t)].id)
            w.key("kind"); w.string(l.kind.rawValue)
            w.key("interaction"); w.string(l.kind.rawValue)
            w.key("label"); w.string(l.kind.rawValue)
            let directed = dataset.isDirected(l)
            if !directed { undirected += 1 }
            w.key("directed"); w.bool(directed)
            if let x = l.weight {
                if x.isFinite { w.key("weight"); w.double(x) } else { losses.note("weights that are not finite numbers left out (JSON has no infinity or NaN)", at: place) }
            }
            if let a = l.agreement { w.key("agreement"); w.string(a) }
            provenance(l.confidence, l.sources, l.period)
            free(l.attributes, renamedEdge, place)
            w.endObject(); w.endObject()
            try OutputPieces.handOn(&w, emit)
        }
        w.endArray()
        w.endObject()
        w.endObject()
        w.lineFeed()
        try OutputPieces.handOn(&w, force: true, emit)
        if undirected > 0 {
            losses.note("Cytoscape.js edges have no direction of their own: \(undirected) undirected link\(undirected == 1 ? " carries" : "s carry") directed=false in their data (draw them without arrows with the selector edge[!directed])",
                        at: "the dataset")
        }
        return Output(bytes: [], nodes: dataset.entities.count, edges: resolved.count, warnings: losses.warnings)
    }

    /// Writes the export to `path`, atomically, a piece at a time.
    /// - Parameters:
    ///   - dataset: the dataset (already redacted and filtered).
    ///   - path: the file to write (`.json` or `.cyjs`).
    ///   - redacted: whether protected persons were redacted.
    /// - Returns: the counts and the warnings (the caller says them); `bytes` empty.
    /// - Throws: ``ReadError`` for `-` or a folder; ``AtomicFile/WriteError`` when the file
    ///   cannot be written.
    @discardableResult
    public static func write(_ dataset: Dataset, to path: String, redacted: Bool) throws -> Output {
        try checkFilePath(path, what: "the Cytoscape.js JSON")
        var out = Output(bytes: [], nodes: 0, edges: 0, warnings: [])
        try AtomicFile.write(to: path) { emit in out = try stream(dataset, redacted: redacted, emit) }
        return out
    }
}
