import TNetModel

/// Writes a dataset as FollowTheMoney entities, one JSON object a line (`.ftm.jsonl`), the form
/// Aleph imports and OpenSanctions publishes; the inverse of ``FtMReader``. The mapping is
/// ``FtMSchemaMap``'s: sources first (Document entities), then entities, then links (interval
/// entities), each with its provenance in `proof`.
///
/// Output is deterministic (file order, properties in a fixed order). Whatever FtM cannot hold
/// (an attribute no property of the schema takes, a value its type refuses, a link whose end is
/// missing) is left out and said, once per kind of loss with a count and the first id.
/// Protected persons are written as the dataset holds them: load it with redaction
/// (`--redact victims`) and only their pseudonyms, never their names, attributes or ids, reach
/// the file.
public enum FtMWriter {
    /// Encodes `dataset` as FtM JSON lines.
    /// - Parameter dataset: The dataset (already redacted and filtered, when asked).
    /// - Returns: The UTF-8 text, one entity a line, and a warning for each loss.
    /// - Complexity: O(*n* + *m*) in the size of the dataset, plus O(*s*) per link for the
    ///   schema's properties.
    public static func write(_ dataset: Dataset) -> (bytes: [UInt8], warnings: [String]) {
        var out: [UInt8] = []
        var state = State(dataset: dataset)
        let warnings = state.run { pieces in for p in pieces { out.append(contentsOf: p) } }
        return (out, warnings)
    }

    /// ``write(_:)`` in pieces (``OutputPieces``), for a file: each handed to `emit` as
    /// soon as it is made, so memory holds one record and one piece, not the file (a 1M-entity
    /// dataset's records and file had taken 3.5 GB). The bytes are ``write(_:)``'s.
    /// - Returns: A warning for each loss, as ``write(_:)`` gives them.
    /// - Throws: What `emit` throws.
    static func stream(_ dataset: Dataset, _ emit: ([UnsafeRawBufferPointer]) throws -> Void) throws -> [String] {
        var state = State(dataset: dataset)
        return try state.run(emit)
    }

    /// An entity being written: its schema and its properties in order.
    struct Record {
        var id: String
        var schema: String
        var properties: [(String, [String])] = []
        var top: [(String, AttributeValue)] = []
        var caption: String?

        mutating func add(_ p: String, _ values: [String]) {
            guard !values.isEmpty else { return }
            if let i = properties.firstIndex(where: { $0.0 == p }) { properties[i].1 += values } else { properties.append((p, values)) }
        }
    }

    struct State {
        let dataset: Dataset
        var losses: [String: (count: Int, first: String)] = [:]
        var lossOrder: [String] = []
        var ftmIDs: [String] = []
        var schemaOf: [String] = []
        var used: Set<String> = []
        var sourceIDs: [String: String] = [:]

        init(dataset: Dataset) { self.dataset = dataset }

        mutating func lose(_ what: String, _ id: String) {
            if losses[what] == nil { lossOrder.append(what); losses[what] = (0, id) }
            losses[what]!.count += 1
        }

        mutating func unique(_ base: String) -> String {
            var id = base, n = 1
            while used.contains(id) { n += 1; id = "\(base)-\(n)" }
            used.insert(id)
            return id
        }

        /// Writes the sources, then the entities, then the links, one record at a time, to
        /// `emit` in pieces (``OutputPieces``).
        /// - Returns: A warning for each kind of loss.
        mutating func run(_ emit: ([UnsafeRawBufferPointer]) throws -> Void) rethrows -> [String] {
            let entities = dataset.entities
            for e in entities {
                let schema = Self.chosenSchema(e.attributes, fallback: FtMSchemaMap.schema(forKind: e.kind, attributes: e.attributes), edge: false)
                schemaOf.append(schema)
                ftmIDs.append(unique(FtMID.encode(e.id)))
            }
            for s in dataset.sources {
                let own = s.attributes["ftm_id"]?.string.flatMap { FtMID.isValid($0) ? $0 : nil }
                sourceIDs[s.id] = unique(own ?? "source." + FtMID.encode(s.id))
            }
            var w = JSONWriter(pretty: false)
            func put(_ r: Record) throws {
                Self.encode(r, &w)
                w.lineFeed()
                try OutputPieces.handOn(&w, emit)
            }
            for s in dataset.sources { try put(source(s)) }
            // Links written as a property of their source's record (`parent`, `holder`), found
            // before the entities are written; the others are written after them, in order.
            let links = dataset.links
            // Each link's ends, and whether it is written as a property (nil: an end is missing).
            var ends: [(source: Int, target: Int, asProperty: Bool)?] = []
            ends.reserveCapacity(links.count)
            var asProperty: [Int: [(property: String, target: String)]] = [:]
            for i in 0 ..< links.count {
                let e = dataset.endpoints(ofLink: i)
                guard let s = e.source, let t = e.target else { ends.append(nil); continue }
                let p = propertyLink(links[i], source: s, target: t)
                ends.append((s, t, p != nil))
                if let p { asProperty[s, default: []].append((p, ftmIDs[t])) }
            }
            for i in entities.indices {
                var r = entity(i)
                for (p, target) in asProperty[i] ?? [] { r.add(p, [target]) }
                try put(r)
            }
            asProperty = [:]
            // Labels that name one entity only: a Sanction's authority is matched back by name.
            var labelCount: [String: Int] = [:]
            for e in entities { labelCount[e.label, default: 0] += 1 }
            for i in 0 ..< links.count {
                let l = links[i]
                guard let (s, t, isProperty) = ends[i] else {
                    lose("links with an end that names no entity: left out", "\(l.source) → \(l.target)")
                    continue
                }
                if !isProperty { try put(link(l, index: i, source: s, target: t, labelCount: labelCount)) }
            }
            try OutputPieces.handOn(&w, force: true, emit)
            // FtM has entities only, no record of the dataset itself.
            var top: [String] = []
            if dataset.title != nil { top.append("title") }
            if dataset.description != nil { top.append("description") }
            if let d = dataset.directed { top.append("direction (directed: \(d); links read back by their kind)") }
            top += dataset.extra.map { "\"\($0.key)\"" }
            if !top.isEmpty { lose("the dataset's \(top.joined(separator: ", ")) has no place in FtM, which holds entities only: left out", "the dataset") }
            if !dataset.schema.targets.isEmpty {
                lose("the schema's target overrides have no place in FtM: left out (read back, the built-in target policy applies)", "the dataset")
            }
            let symmetric = dataset.schema.symmetricLinkKinds.subtracting(FtMSchemaMap.declaredLinkKinds.filter(\.value).keys)
            if !symmetric.isEmpty {
                lose("link kinds declared symmetric (\(symmetric.map(\.rawValue).sorted().joined(separator: ", "))) are not declared so in FtM: read back, their links are directed", "the dataset")
            }
            return lossOrder.map { what -> String in
                let l = losses[what]!
                if l.first == "the dataset" { return "FtM: \(what)" }
                return "FtM: \(what) (\(l.count == 1 ? "1 time" : "\(l.count) times"), first: \(l.first))"
            }
        }

        /// `ftm_schema` when it names a concrete schema of the right sort, else `fallback`.
        static func chosenSchema(_ attributes: Attributes, fallback: String, edge: Bool) -> String {
            guard let name = attributes["ftm_schema"]?.string, let s = FtMModel.schema(name), !s.abstract,
                  (s.edge != nil || name == "Sanction") == edge, s.isA("Thing") != edge else { return fallback }
            return name
        }

        mutating func source(_ s: Source) -> Record {
            var r = Record(id: sourceIDs[s.id]!, schema: "Document")
            let schema = FtMModel.schema("Document")!
            r.add("fileName", [s.attributes["file_name"]?.string ?? s.id])
            if let t = s.title { r.add("title", [t]) }
            if let p = s.publisher { r.add("publisher", [p]) }
            if let d = s.date { r.add("publishedAt", [d.description]) }
            if let u = s.url {
                if FtMValues.accepts(u, type: "url") { r.add("sourceUrl", [u]) } else { lose("source URL that is not http(s): left out", s.id) }
            }
            r.caption = s.title ?? s.id
            attributes(s.attributes, schema: schema, into: &r, what: "source", id: s.id, handled: ["fileName", "title", "publisher", "publishedAt", "sourceUrl"], skip: ["file_name"])
            return r
        }

        mutating func entity(_ i: Int) -> Record {
            let e = dataset.entities[i]
            let schemaName = schemaOf[i]
            let schema = FtMModel.schema(schemaName)!
            var r = Record(id: ftmIDs[i], schema: schemaName)
            r.caption = e.label
            var markers: [String] = []
            // A schema that requires a name gets the id when there is none, marked so it reads back unnamed.
            if let n = e.name { r.add("name", [n]) } else if schema.required.contains("name") {
                r.add("name", [e.id])
                markers.append(FtMSchemaMap.marker("unnamed", "true"))
            }
            if FtMSchemaMap.kind(forSchema: schemaName) != e.kind { markers.append(FtMSchemaMap.marker("kind", e.kind.rawValue)) }
            if let role = e.role { markers.append(FtMSchemaMap.marker("role", role.rawValue)) }
            if let c = e.confidence { markers.append(FtMSchemaMap.marker("confidence", c.description)) }
            if let f = e.period?.from { markers.append(FtMSchemaMap.marker("from", f.description)) }
            if let t = e.period?.to { markers.append(FtMSchemaMap.marker("to", t.description)) }
            // A country entity carries its own code, as FtM's users look for it.
            if e.kind == .country, e.country == nil, let code = countryCode(e.id) { r.add("country", [code]) }
            if let c = e.country {
                if let code = countryCode(c) {
                    r.add("country", [code])
                } else {
                    markers.append(FtMSchemaMap.marker("country", c))
                    lose("country with no ISO code FtM knows: kept as a tnet:country marker in keywords", c)
                }
            }
            r.add("keywords", markers)
            r.add("proof", proof(e.sources, id: e.id))
            attributes(e.attributes, schema: schema, into: &r, what: "entity", id: e.id, handled: ["name", "proof"])
            return r
        }

        /// The ISO code of the country entity `id` names (by its name, or its id).
        func countryCode(_ id: String) -> String? {
            if let c = dataset[id: id], let n = c.name, let code = FtMCountries.code(forName: n) { return code }
            if let code = FtMCountries.code(forName: id) { return code }
            return FtMCountries.isCode(id.lowercased()) ? id.lowercased() : nil
        }

        mutating func proof(_ sources: [String], id: String) -> [String] {
            sources.compactMap { s in
                if let f = sourceIDs[s] { return f }
                lose("citations of a source the dataset does not have: left out", "\(id) cites \(s)")
                return nil
            }
        }

        /// Writes each attribute as the schema's property of that name, or says why not.
        mutating func attributes(_ attrs: Attributes, schema: FtMModel.Schema, into r: inout Record, what: String, id: String,
                                 handled: Set<String>, skip: Set<String> = []) {
            for (key, value) in attrs {
                if key == "ftm_schema" || key == "ftm_id" || skip.contains(key) { continue }
                if let t = FtMSchemaMap.topLevel.first(where: { $0.key == key }) {
                    if t.list ? FtMValues.texts(value) != nil : value.string != nil { r.top.append((key, value)); continue }
                }
                if key == "target", case .bool = value { r.top.append((key, value)); continue }
                guard let p = FtMSchemaMap.property(forAttribute: key, schema: schema), p.type != "entity", !handled.contains(p.name) else {
                    lose("\(what) attribute \"\(key)\" has no property in FtM's \(schema.name): left out", id)
                    continue
                }
                guard let texts = FtMValues.texts(value) else {
                    lose("\(what) attribute \"\(key)\" is not text, a number or a list of them: left out", id)
                    continue
                }
                var ok: [String] = []
                for t in texts {
                    if FtMValues.accepts(t, type: p.type) { ok.append(t) } else { lose("\(what) attribute \"\(key)\" value FtM's \(p.type) type refuses: left out", "\(id): \(t)") }
                }
                r.add(p.name, ok)
            }
        }

        /// The property of its source's record a link is written as: a bare link named for an
        /// entity property of its source (`parent`, `holder`); nil for any other link.
        func propertyLink(_ l: Link, source s: Int, target t: Int) -> String? {
            guard l.confidence == nil, l.sources.isEmpty, l.period == nil, l.weight == nil, l.directed == nil,
                  l.agreement == nil, l.attributes.isEmpty, l.kind.rawValue == l.kind.rawValue.lowercased() else { return nil }
            let srcSchema = FtMModel.schema(schemaOf[s])!, dstSchema = FtMModel.schema(schemaOf[t])!
            guard let p = srcSchema.properties[FtMSchemaMap.camelCase(l.kind.rawValue)], p.type == "entity", p.name != "proof",
                  p.range.map(dstSchema.isA) ?? true else { return nil }
            return p.name
        }

        /// The link as an interval entity (one ``propertyLink(_:source:target:)`` does not
        /// take).
        mutating func link(_ l: Link, index: Int, source s: Int, target t: Int, labelCount: [String: Int]) -> Record {
            let srcSchema = FtMModel.schema(schemaOf[s])!, dstSchema = FtMModel.schema(schemaOf[t])!
            let preferred = l.attributes["ftm_schema"]?.string
            let name = FtMSchemaMap.linkSchema(l.kind, preferred: preferred, source: srcSchema, target: dstSchema)
            let schema = FtMModel.schema(name)!
            var base = "link-\(index + 1)"
            if let own = l.attributes["ftm_id"]?.string, FtMID.isValid(own) { base = own }
            var r = Record(id: unique(base), schema: name)
            let label = "\(l.source) → \(l.target) (\(l.kind.rawValue))"
            var markers: [String] = []
            var handled: Set<String> = ["proof", "startDate", "endDate"]
            if name == "Sanction" {
                r.add("entity", [ftmIDs[t]])
                let authority = dataset.entities[s].label
                r.add("authority", [authority])
                if labelCount[authority, default: 0] > 1 || dataset.entities[s].name == nil { markers.append(FtMSchemaMap.marker("authority", dataset.entities[s].id)) }
                handled.formUnion(["entity", "authority"])
            } else {
                let (sp, tp) = schema.edge!
                let (a, b) = FtMSchemaMap.isReversed(name) ? (t, s) : (s, t)
                r.add(sp, [ftmIDs[a]])
                r.add(tp, [ftmIDs[b]])
                handled.formUnion([sp, tp])
            }
            let expected: LinkKind = FtMSchemaMap.linkKinds[name] ?? LinkKind(FtMSchemaMap.snakeCase(name))
            if name == "UnknownLink" && expected != l.kind {
                r.add("role", [l.kind.rawValue])
                handled.insert("role")
                if !LinkKind.builtIn.contains(l.kind) && FtMSchemaMap.declaredLinkKinds[l.kind] == nil {
                    markers.append(FtMSchemaMap.marker("kind", l.kind.rawValue))
                }
            } else if expected != l.kind {
                markers.append(FtMSchemaMap.marker("kind", l.kind.rawValue))
            }
            if let f = l.period?.from { r.add("startDate", [f.description]) }
            if let t = l.period?.to { r.add("endDate", [t.description]) }
            if let c = l.confidence { markers.append(FtMSchemaMap.marker("confidence", c.description)) }
            if let w = l.weight { markers.append(FtMSchemaMap.marker("weight", JSONWriter.format(w))) }
            if let d = l.directed { markers.append(FtMSchemaMap.marker("directed", d ? "true" : "false")) }
            if let a = l.agreement { markers.append(FtMSchemaMap.marker("agreement", a)) }
            r.add("proof", proof(l.sources, id: label))
            if l.attributes["role"] != nil && handled.contains("role") {
                lose("link attribute \"role\" of a link written as an UnknownLink (whose role is the link's kind): left out", label)
            }
            attributes(l.attributes, schema: schema, into: &r, what: "link", id: label, handled: handled)
            // The markers after any description the link has, so its own text comes first.
            r.add("description", markers)
            return r
        }

        static func encode(_ r: Record, _ w: inout JSONWriter) {
            w.beginObject()
            w.key("id"); w.string(r.id)
            w.key("schema"); w.string(r.schema)
            if let c = r.caption { w.key("caption"); w.string(c) }
            w.key("properties"); w.beginObject()
            for (p, values) in r.properties {
                w.key(p); w.beginArray()
                for v in values { w.string(v) }
                w.endArray()
            }
            w.endObject()
            for (k, v) in r.top {
                w.key(k)
                switch v {
                case .bool(let b): w.bool(b)
                case .string(let s): w.string(s)
                default:
                    w.beginArray()
                    for t in FtMValues.texts(v) ?? [] { w.string(t) }
                    w.endArray()
                }
            }
            w.endObject()
        }
    }
}
