import Foundation
import TNetModel

/// A dataset as GEXF 1.3, Gephi's own format (`tnet export INPUT --to gexf FILE.gexf`): one
/// file that Gephi opens with every attribute typed and its timeline working, and that
/// NetworkX's `read_gexf` reads back.
///
/// **Nodes** are entities: `id` the entity's id, `label` its name (its id when it has none).
/// **Edges** are links with both ends present, parallel ones included: `id` `e0`, `e1`, … in
/// link order, `label` the link kind, `weight` when the link has a finite one.
///
/// **Attributes** are declared typed in `<attributes class="node">` (ids `n0`, `n1`, …) and
/// `<attributes class="edge">` (ids `l0`, `l1`, …):
/// - nodes: `kind`, `role`, `country` (strings), `protected` (boolean: a victim, survivor or
///   witness, never a target of disruption), then the provenance columns;
/// - edges: `kind`, `directed` (boolean, the link's resolved direction), `agreement`, then the
///   provenance columns;
/// - provenance, on both: `confidence` (the Admiralty grade as written, `B2`),
///   `confidence_value` (double, A1 = 1 … F6 = 0.09), `sources` (the cited source ids joined by
///   `;`), `period_start` and `period_end` (the dates as written, possibly partial);
/// - then every free attribute, one column per key, typed `long`, `double`, `boolean` or
///   `string` by the values it holds; lists, objects, nulls and mixed types are written as JSON
///   text in a `string` column (a warning names the column). A key that a built-in column has
///   is renamed `attr_KEY` (a warning says so).
///
/// **Direction.** `defaultedgetype` is `directed` or `undirected` when every link is; when they
/// mix it is `directed` and every edge says its own `type`, `directed` or `undirected`: Gephi
/// (0.9 and later) reads that as a mixed graph. Its GEXF importer refuses `type="mutual"` (a
/// severe issue in the import report), which is why an undirected link is not written as one.
/// NetworkX's `read_gexf` refuses any mixed file ("Undirected edge found in directed graph"), so
/// a warning says how many links make the graph mixed; the `directed` attribute keeps each
/// link's direction for readers that ignore `type`.
///
/// **Parallel links.** Each edge carries its kind in GEXF 1.3's `kind` (Gephi's edge type, so
/// links of different kinds between two entities stay apart). Gephi's import merges edges of
/// one kind between the same pair unless "Edges merge strategy: Don't merge" is chosen in its
/// import dialog; a warning counts the links this concerns.
///
/// **Time.** When any entity or link has a period, the graph is `mode="dynamic"` with
/// `timeformat="date"`, and each dated node or edge has `start` and `end` attributes (GEXF's
/// single-interval form of a spell; a period is one interval): an open end is left out, which
/// GEXF reads as unbounded on that side, so Gephi's timeline shows a compound still operating
/// from its start onwards. `timeformat="date"` takes whole days (`xsd:date`), so a partial date
/// is written as the span it names, a start as its first day (`2023-05` → `2023-05-01`), an end
/// as its last (`2023` → `2023-12-31`); the dates as written stay in `period_start` and
/// `period_end`, and a warning counts them.
///
/// **Text.** Everything is XML-escaped (`& < > "` as entities, tab, line feed and carriage
/// return as character references in attribute values). Characters XML 1.0 cannot hold at all
/// (control characters other than tab, line feed and carriage return; U+FFFE and U+FFFF) are
/// replaced by U+FFFD, the replacement character, and a warning counts the texts this touched;
/// nothing else is changed (no Unicode normalisation: a decomposed `é` stays decomposed).
///
/// What GEXF has no place for is said, not dropped: the dataset's sources beyond their ids
/// (titles, publishers, URLs), its schema and its other top-level fields. The title and
/// description go into `<meta>`.
///
/// Checked against NetworkX's `read_gexf` (`Tests/tnetTests/ExportCLITests.swift`). The
/// published GEXF 1.3 XSD (gephi/gexf `1.3/gexf.xsd`) is incomplete (it names `graph-content`,
/// `node-content` and `edge-content` types it does not define), so the exports of the bundled
/// dataset, the test fixtures and a 50,000-entity generated network were validated by hand with
/// `xmllint --relaxng` against the specification's RELAX NG grammar (`1.3/gexf.rng` and
/// `dynamics.rng`, `viz.rng` stubbed: tnet writes no viz elements); the grammar is not part of
/// this repository, so no test repeats it. It is why `<attributes>` carries no `mode` (removed
/// in 1.3) and the root no `xsi:schemaLocation` (a RELAX NG grammar does not allow it).
public enum GEXFExport {
    /// The GEXF 1.3 namespace.
    public static let namespace = "http://gexf.net/1.3"

    /// The node attributes tnet always declares, with their GEXF types, in order.
    public static let nodeColumns: [(name: String, type: String)] = [
        ("kind", "string"), ("role", "string"), ("country", "string"), ("protected", "boolean"),
    ] + provenanceColumns
    /// The edge attributes tnet always declares, with their GEXF types, in order.
    public static let edgeColumns: [(name: String, type: String)] = [
        ("kind", "string"), ("directed", "boolean"), ("agreement", "string"),
    ] + provenanceColumns
    static let provenanceColumns: [(name: String, type: String)] = [
        ("confidence", "string"), ("confidence_value", "double"), ("sources", "string"),
        ("period_start", "string"), ("period_end", "string"),
    ]

    /// The export: the file's bytes from ``encode(_:)``; what ``write(_:to:)`` wrote.
    public struct Output: Sendable {
        /// The file's UTF-8 bytes from ``encode(_:)``; empty from ``write(_:to:)``, which
        /// hands them to the file as they are made.
        public var bytes: [UInt8]
        /// Nodes and edges written.
        public var nodes: Int, edges: Int
        /// One line per kind of loss (see ``ExportLosses``).
        public var warnings: [String]
    }

    /// Encodes `dataset` as GEXF 1.3.
    /// - Parameter dataset: the dataset (already redacted and filtered: see `Dataset.load`).
    /// - Returns: the file, the counts and the warnings.
    /// - Complexity: O(size of the dataset).
    public static func encode(_ dataset: Dataset) -> Output {
        var bytes: [UInt8] = []
        var out = stream(dataset) { pieces in for p in pieces { bytes.append(contentsOf: p) } }
        out.bytes = bytes
        return out
    }

    /// ``encode(_:)`` in pieces (``OutputPieces``), each handed to `emit` as soon as it is
    /// made: memory holds a piece, not the file (a 1M-entity export had taken 3.5 GB).
    /// - Returns: the counts and the warnings; `bytes` empty.
    /// - Throws: what `emit` throws.
    static func stream(_ dataset: Dataset, _ emit: ([UnsafeRawBufferPointer]) throws -> Void) rethrows -> Output {
        var losses = ExportLosses(format: "GEXF")
        var x = ""
        x.reserveCapacity(OutputPieces.bytes + 65536)

        func clean(_ s: String, _ place: @autoclosure () -> String) -> String {
            if XMLEscaping.representable(s) { return s }
            losses.note("characters XML 1.0 cannot hold (control characters) replaced by U+FFFD", at: place())
            var out = String.UnicodeScalarView()
            for u in s.unicodeScalars {
                let ok = u == "\t" || u == "\n" || u == "\r" || (u.value >= 0x20 && u.value <= 0xD7FF)
                    || (u.value >= 0xE000 && u.value <= 0xFFFD) || u.value >= 0x10000
                out.append(ok ? u : "\u{FFFD}")
            }
            return String(out)
        }
        func attr(_ s: String, _ place: @autoclosure () -> String) -> String {
            "\"" + XMLEscaping.attribute(clean(s, place())) + "\""
        }

        // Free attribute columns.
        let nodeFree = ExportAttributeColumns(dataset.entities.map(\.attributes), reserved: Set(nodeColumns.map(\.name) + ["label", "id"]),
                                              emptyStringIsAbsent: false, losses: &losses, what: "entity")
        var linkAttributes: [Attributes] = []
        var resolved: [(Int, Int32, Int32)] = []
        dataset.forEachResolvedLink { i, s, t in resolved.append((i, s, t)); linkAttributes.append(dataset.links[i].attributes) }
        let edgeFree = ExportAttributeColumns(linkAttributes, reserved: Set(edgeColumns.map(\.name) + ["label", "id", "weight"]),
                                              emptyStringIsAbsent: false, losses: &losses, what: "link")
        for c in nodeFree.columns + edgeFree.columns where c.type == .json {
            losses.note("attribute \(ExportAttributeColumns.quoted(c.name)) holds lists, objects, nulls or mixed types: written as JSON text in a string column",
                        at: "the dataset")
        }
        func gexfType(_ t: AttributeType) -> String {
            switch t {
            case .int: return "long"
            case .double: return "double"
            case .bool: return "boolean"
            case .string, .json: return "string"
            }
        }

        // Direction and time.
        let links = dataset.links
        var directedCount = 0, undirectedCount = 0
        for (i, _, _) in resolved { if dataset.isDirected(links[i]) { directedCount += 1 } else { undirectedCount += 1 } }
        let mixed = directedCount > 0 && undirectedCount > 0
        let defaultType = mixed || directedCount > 0 ? "directed" : (undirectedCount > 0 ? "undirected" : (dataset.directed == false ? "undirected" : "directed"))
        if mixed {
            losses.note("\(undirectedCount) undirected link\(undirectedCount == 1 ? "" : "s") among directed ones: a mixed graph, each edge with its own type, which Gephi reads and NetworkX's read_gexf refuses (the edge attribute directed keeps each link's direction)",
                        at: "the dataset")
        }
        struct PairKind: Hashable {
            var a: Int32, b: Int32
            var directed: Bool
            var kind: LinkKind
        }
        var pairKinds: [PairKind: Int] = [:]
        for (i, s, t) in resolved {
            let directed = dataset.isDirected(links[i])
            let (a, b) = directed || s <= t ? (s, t) : (t, s)
            pairKinds[PairKind(a: a, b: b, directed: directed, kind: links[i].kind), default: 0] += 1
        }
        let parallel = pairKinds.values.filter { $0 > 1 }.reduce(0, +)
        if parallel > 0 {
            losses.note("\(parallel) links share their pair of entities and their kind with another: Gephi merges such edges on import unless its import dialog's edges merge strategy is \"Don't merge\"",
                        at: "the dataset")
        }
        let dynamic = dataset.entities.contains { $0.period.map { $0.from != nil || $0.to != nil } ?? false }
            || resolved.contains { links[$0.0].period.map { $0.from != nil || $0.to != nil } ?? false }

        // What GEXF has no place for.
        if !dataset.sources.isEmpty {
            losses.note("the dataset's \(dataset.sources.count) source\(dataset.sources.count == 1 ? " (its title, publisher, date, URL) has" : "s (titles, publishers, dates, URLs) have") no place in GEXF: only their ids are written, in each entity's and link's sources",
                        at: "the dataset")
        }
        if !dataset.schema.isEmpty { losses.note("the dataset's schema (declared kinds, roles, target overrides) has no place in GEXF: left out", at: "the dataset") }
        if !dataset.extra.isEmpty {
            losses.note("no place in GEXF for the dataset's top-level fields (\(dataset.extra.map { ExportAttributeColumns.quoted($0.key) }.joined(separator: ", "))): left out",
                        at: "the dataset")
        }

        x += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<gexf xmlns=\"\(namespace)\" version=\"1.3\">\n"
        x += "  <meta>\n    <creator>tnet</creator>\n"
        if dataset.title != nil || dataset.description != nil {
            let text = [dataset.title, dataset.description].compactMap { $0 }.joined(separator: "\n\n")
            x += "    <description>" + XMLEscaping.text(clean(text, "the dataset")) + "</description>\n"
        }
        x += "  </meta>\n"
        x += "  <graph defaultedgetype=\"\(defaultType)\" mode=\"\(dynamic ? "dynamic" : "static")\"\(dynamic ? " timeformat=\"date\"" : "")>\n"
        x += "    <attributes class=\"node\">\n"
        let nodeDeclared = nodeColumns.map { ($0.name, $0.type) } + nodeFree.columns.map { ($0.name, gexfType($0.type)) }
        for (i, (name, type)) in nodeDeclared.enumerated() {
            x += "      <attribute id=\"n\(i)\" title=\(attr(name, "the dataset")) type=\"\(type)\"/>\n"
        }
        x += "    </attributes>\n    <attributes class=\"edge\">\n"
        let edgeDeclared = edgeColumns.map { ($0.name, $0.type) } + edgeFree.columns.map { ($0.name, gexfType($0.type)) }
        for (i, (name, type)) in edgeDeclared.enumerated() {
            x += "      <attribute id=\"l\(i)\" title=\(attr(name, "the dataset")) type=\"\(type)\"/>\n"
        }
        x += "    </attributes>\n"

        var partialDates = 0
        var firstPartial = ""
        func times(_ period: Period?, _ place: String) -> String {
            guard let p = period else { return "" }
            var s = ""
            if let f = p.from {
                s += " start=\"\(ExportDates.day(f, end: false))\""
                if ExportDates.isPartial(f) { partialDates += 1; if firstPartial.isEmpty { firstPartial = place } }
            }
            if let t = p.to {
                s += " end=\"\(ExportDates.day(t, end: true))\""
                if ExportDates.isPartial(t) { partialDates += 1; if firstPartial.isEmpty { firstPartial = place } }
            }
            return s
        }
        func values(_ idPrefix: String, _ fixed: [(Int, String)], _ free: ExportAttributeColumns, offset: Int, _ attributes: Attributes, _ place: String) {
            var items = fixed
            if !attributes.isEmpty {
                for (j, c) in free.columns.enumerated() {
                    if let v = attributes[c.key] { items.append((offset + j, c.type.encode(v))) }
                }
            }
            guard !items.isEmpty else { return }
            x += "        <attvalues>\n"
            for (id, value) in items {
                x += "          <attvalue for=\"\(idPrefix)\(id)\" value=\(attr(value, place))/>\n"
            }
            x += "        </attvalues>\n"
        }
        func provenance(_ c: Confidence?, _ sources: [String], _ period: Period?, from index: Int) -> [(Int, String)] {
            var out: [(Int, String)] = []
            if let c { out.append((index, c.description)); out.append((index + 1, JSONWriter.format(c.value))) }
            if !sources.isEmpty { out.append((index + 2, sources.joined(separator: ";"))) }
            if let f = period?.from { out.append((index + 3, f.description)) }
            if let t = period?.to { out.append((index + 4, t.description)) }
            return out
        }

        x += "    <nodes count=\"\(dataset.entities.count)\">\n"
        for e in dataset.entities {
            let place = "entity " + e.id
            x += "      <node id=\(attr(e.id, place)) label=\(attr(e.label, place))\(times(e.period, place))>\n"
            var fixed: [(Int, String)] = [(0, e.kind.rawValue)]
            if let r = e.role { fixed.append((1, r.rawValue)) }
            if let c = e.country { fixed.append((2, c)) }
            fixed.append((3, e.isProtected ? "true" : "false"))
            fixed += provenance(e.confidence, e.sources, e.period, from: 4)
            values("n", fixed, nodeFree, offset: nodeColumns.count, e.attributes, place)
            x += "      </node>\n"
            try OutputPieces.handOn(&x, emit)
        }
        x += "    </nodes>\n"
        x += "    <edges count=\"\(resolved.count)\">\n"
        for (n, (i, s, t)) in resolved.enumerated() {
            let l = links[i]
            let place = "link \(i) (\(dataset.entities[Int(s)].id) → \(dataset.entities[Int(t)].id))"
            let directed = dataset.isDirected(l)
            var line = "      <edge id=\"e\(n)\" source=\(attr(dataset.entities[Int(s)].id, place)) target=\(attr(dataset.entities[Int(t)].id, place))"
            if mixed { line += directed ? " type=\"directed\"" : " type=\"undirected\"" }
            line += " kind=\(attr(l.kind.rawValue, place)) label=\(attr(l.kind.rawValue, place))"
            if let w = l.weight {
                if w.isFinite { line += " weight=\"\(JSONWriter.format(w))\"" } else { losses.note("weights that are not finite numbers left out", at: place) }
            }
            x += line + times(l.period, place) + ">\n"
            var fixed: [(Int, String)] = [(0, l.kind.rawValue), (1, directed ? "true" : "false")]
            if let a = l.agreement { fixed.append((2, a)) }
            fixed += provenance(l.confidence, l.sources, l.period, from: 3)
            values("l", fixed, edgeFree, offset: edgeColumns.count, l.attributes, place)
            x += "      </edge>\n"
            try OutputPieces.handOn(&x, emit)
        }
        x += "    </edges>\n  </graph>\n</gexf>\n"
        try OutputPieces.handOn(&x, force: true, emit)
        if partialDates > 0 {
            losses.note("\(partialDates) partial date\(partialDates == 1 ? "" : "s") (a year or a month) written as the whole days they span (a start as the first day, an end as the last); period_start and period_end keep them as written (first: \(firstPartial))",
                        at: "the dataset")
        }
        return Output(bytes: [], nodes: dataset.entities.count, edges: resolved.count, warnings: losses.warnings)
    }

    /// Writes the export to `path`, atomically, a piece at a time.
    /// - Parameters:
    ///   - dataset: the dataset (already redacted and filtered).
    ///   - path: the file to write (`.gexf`).
    /// - Returns: the counts and the warnings (the caller says them); `bytes` empty.
    /// - Throws: ``ReadError`` for `-` or a folder; ``AtomicFile/WriteError`` when the file
    ///   cannot be written.
    @discardableResult
    public static func write(_ dataset: Dataset, to path: String) throws -> Output {
        try checkFilePath(path, what: "the GEXF file")
        var out = Output(bytes: [], nodes: 0, edges: 0, warnings: [])
        try AtomicFile.write(to: path) { emit in out = try stream(dataset, emit) }
        return out
    }
}

/// Refuses `-` and an existing folder as the path of a one-file export.
func checkFilePath(_ path: String, what: String) throws {
    guard path != "-" else { throw ReadError("give a file to write \(what) to", file: path) }
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
        throw ReadError("is a folder: give a file to write \(what) to", file: path)
    }
}
