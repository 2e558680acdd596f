import Foundation
import TNetModel

/// A dataset as the vertex and edge tables of Apache Spark (`tnet export INPUT --to spark DIR`),
/// for networks that outgrow one machine: Spark reads them natively, with their types, and
/// GraphX or GraphFrames take them as they are (`examples/spark/`).
///
/// The folder holds five files:
/// - `vertices.jsonl`, `edges.jsonl`: JSON Lines, one record a line, what Spark's
///   `DataFrameReader.json` reads (and splits across tasks) without any package. JSON rather
///   than CSV because a name may hold a line break, which a CSV file can only carry in a quoted
///   field that Spark reads with `multiLine` (one task per file); because JSON keeps types
///   (numbers, booleans, the list of sources) and escapes every string one way. An absent value
///   is left out of its record, which Spark reads as null.
/// - `vertices.schema.json`, `edges.schema.json`: each table's `StructType` as Spark writes it
///   (`DataType.fromJson` in Scala, `StructType.fromJson` in Python), every column with a
///   comment; read with it, no type is guessed and no pass over the data is spent inferring one.
/// - `export.json`, written last: the format (`tnet-spark/1`), the row counts (a job can check
///   that no file was cut short on its way to a cluster) and whether protected persons were
///   redacted.
///
/// Vertices carry a dense `id` (0 to *n* − 1, a `Long`, GraphX's `VertexId`: the entity's
/// position in the dataset) beside the entity's own id (`tnet_id`); edges name them as `src`
/// and `dst`, the columns GraphFrames expects. Every link with both ends present is an edge,
/// parallel ones included, with its direction resolved (`directed`: the link's own, else the
/// dataset's, else its kind's), so a job decides how to read them as tnet does (each
/// undirected link both ways, a pair of entities one tie).
public enum SparkExport {
    /// The value of `format` in `export.json`.
    public static let formatVersion = "tnet-spark/1"

    /// A column of an exported table: its name, Spark type (`long`, `string`, `double`,
    /// `boolean`, or `array<string>`), whether it may be null, and what it holds.
    public struct Column: Sendable {
        /// The column's name.
        public let name: String
        /// Spark's name of its type; `array<string>` is an array of strings.
        public let type: String
        /// Whether a row may lack it.
        public let nullable: Bool
        /// What it holds (the `comment` of the field's metadata).
        public let comment: String
    }

    private static func column(_ name: String, _ type: String, _ nullable: Bool, _ comment: String) -> Column {
        Column(name: name, type: type, nullable: nullable, comment: comment)
    }

    /// Columns both tables end with: the fact's provenance, period and other attributes.
    private static let provenanceColumns = [
        column("confidence", "string", true, "Admiralty grade, source reliability A-F and information credibility 1-6 (B2)"),
        column("confidence_value", "double", true, "the grade as a number in (0, 1]: A1 = 1, B2 = 0.64, F6 = 0.09"),
        column("sources", "array<string>", true, "ids of the sources cited; null when none is"),
        column("period_start", "string", true, "ISO date, possibly partial (2023, 2023-05)"),
        column("period_end", "string", true, "ISO date, possibly partial (2023, 2023-05)"),
        column("attributes", "string", true, "the other attributes as a JSON object (from_json, get_json_object)"),
    ]

    /// The vertex table's columns, in order.
    public static let vertexColumns = [
        column("id", "long", false, "dense vertex id 0..n-1 (GraphX VertexId): the entity's position in the export"),
        column("tnet_id", "string", false, "the entity's id in tnet"),
        column("name", "string", true, "display name"),
        column("kind", "string", false, "entity kind: syndicate, compound, country, person, official, agency... (node for a plain graph)"),
        column("role", "string", true, "a person's role: boss, manager, recruiter, enforcer, broker, victim, survivor, witness"),
        column("country", "string", true, "country id"),
        column("protected", "boolean", false, "a victim, survivor or witness: never a target of disruption (forced-criminality principle)"),
    ] + provenanceColumns

    /// The edge table's columns, in order.
    public static let edgeColumns = [
        column("src", "long", false, "the source's vertex id"),
        column("dst", "long", false, "the target's vertex id"),
        column("kind", "string", false, "link kind: operates, recruits_from, bribes, cooperates_with... (link for a plain graph)"),
        column("weight", "double", true, "the link's weight; null when it has none (tnet counts it 1)"),
        column("directed", "boolean", false, "true: from src to dst only; false: either way"),
        column("agreement", "string", true, "cooperates_with links: mou, police_channel, contact_point, joint_operation"),
    ] + provenanceColumns

    /// Spark's `StructType` of `columns` as JSON, the form `DataType.fromJson` reads.
    /// - Parameter columns: the table's columns.
    /// - Returns: the schema, pretty-printed, with a final newline.
    public static func schema(_ columns: [Column]) -> String {
        JSONWriter.object { w in
            w.key("type"); w.string("struct")
            w.key("fields"); w.beginArray()
            for c in columns {
                w.beginObject()
                w.key("name"); w.string(c.name)
                w.key("type")
                if c.type == "array<string>" {
                    w.beginObject()
                    w.key("type"); w.string("array")
                    w.key("elementType"); w.string("string")
                    w.key("containsNull"); w.bool(false)
                    w.endObject()
                } else {
                    w.string(c.type)
                }
                w.key("nullable"); w.bool(c.nullable)
                w.key("metadata"); w.beginObject(); w.key("comment"); w.string(c.comment); w.endObject()
                w.endObject()
            }
            w.endArray()
        }
    }

    /// The files of the export, nothing written yet.
    /// - Parameters:
    ///   - dataset: the dataset (already redacted and filtered: see `Dataset.load`).
    ///   - redacted: whether protected persons were redacted (said in `export.json`).
    /// - Returns: each file's name in the folder and bytes, `export.json` last, and the number
    ///   of edges (links with both ends present).
    /// - Complexity: O(*n* + *m*) in the size of the dataset.
    public static func encode(_ dataset: Dataset, redacted: Bool) -> (files: [(name: String, bytes: [UInt8])], edges: Int) {
        var v = JSONWriter(pretty: false)
        for (i, e) in dataset.entities.enumerated() {
            v.beginObject()
            v.key("id"); v.int(i)
            v.key("tnet_id"); v.string(e.id)
            if let n = e.name { v.key("name"); v.string(n) }
            v.key("kind"); v.string(e.kind.rawValue)
            if let r = e.role { v.key("role"); v.string(r.rawValue) }
            if let c = e.country { v.key("country"); v.string(c) }
            v.key("protected"); v.bool(e.isProtected)
            provenance(e.confidence, e.sources, e.period, e.attributes, &v)
            v.endObject()
            v.lineFeed()
        }
        var edges = JSONWriter(pretty: false)
        var edgeCount = 0
        dataset.forEachResolvedLink { i, s, t in
            let l = dataset.links[i]
            edges.beginObject()
            edges.key("src"); edges.int(Int(s))
            edges.key("dst"); edges.int(Int(t))
            edges.key("kind"); edges.string(l.kind.rawValue)
            if let x = l.weight, x.isFinite { edges.key("weight"); edges.double(x) }
            edges.key("directed"); edges.bool(dataset.isDirected(l))
            if let a = l.agreement { edges.key("agreement"); edges.string(a) }
            provenance(l.confidence, l.sources, l.period, l.attributes, &edges)
            edges.endObject()
            edges.lineFeed()
            edgeCount += 1
        }
        let manifest = JSONWriter.object { w in
            w.key("format"); w.string(formatVersion)
            w.key("vertices"); w.int(dataset.entities.count)
            w.key("edges"); w.int(edgeCount)
            w.key("redacted"); w.bool(redacted)
            w.key("tables"); w.beginObject()
            for t in ["vertices", "edges"] {
                w.key(t); w.beginObject()
                w.key("data"); w.string(t + ".jsonl")
                w.key("schema"); w.string(t + ".schema.json")
                w.endObject()
            }
            w.endObject()
        }
        return ([("vertices.jsonl", v.bytes), ("edges.jsonl", edges.bytes),
                 ("vertices.schema.json", Array(schema(vertexColumns).utf8)), ("edges.schema.json", Array(schema(edgeColumns).utf8)),
                 ("export.json", Array(manifest.utf8))], edgeCount)
    }

    private static func provenance(_ confidence: Confidence?, _ sources: [String], _ period: Period?, _ attributes: Attributes,
                                   _ w: inout JSONWriter) {
        if let c = confidence {
            w.key("confidence"); w.string(c.description)
            w.key("confidence_value"); w.double(c.value)
        }
        if !sources.isEmpty { w.key("sources"); w.strings(sources) }
        if let f = period?.from { w.key("period_start"); w.string(f.description) }
        if let t = period?.to { w.key("period_end"); w.string(t.description) }
        if !attributes.isEmpty { w.key("attributes"); w.string(AttributeType.json.encode(.object(attributes))) }
    }

    /// Writes the export into `folder` (created if missing), each file atomically, `export.json`
    /// last: a folder with `export.json` holds a whole export.
    /// - Parameters:
    ///   - dataset: the dataset (already redacted and filtered).
    ///   - folder: the folder to write into.
    ///   - redacted: whether protected persons were redacted.
    /// - Returns: the number of vertices and edges written.
    /// - Throws: ``ReadError`` when the folder is `-` (the tables are several files), is a file
    ///   or cannot be created; ``AtomicFile/WriteError`` when a file cannot be written.
    @discardableResult
    public static func write(_ dataset: Dataset, to folder: String, redacted: Bool) throws -> (vertices: Int, edges: Int) {
        guard folder != "-" else { throw ReadError("the Spark tables are several files: give a folder", file: folder) }
        try makeFolder(folder)
        let dir = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let export = encode(dataset, redacted: redacted)
        // An earlier export's manifest goes first, so that the folder never pairs it with new tables.
        try? FileManager.default.removeItem(atPath: dir + "/export.json")
        for (name, bytes) in export.files { try AtomicFile.write(bytes, to: dir + "/" + name) }
        return (dataset.entities.count, export.edges)
    }
}

/// Creates `folder` and its parents when missing.
/// - Throws: ``ReadError`` naming the folder when it is a file or cannot be made.
func makeFolder(_ folder: String) throws {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
        guard isDirectory.boolValue else { throw ReadError("is a file, not a folder", file: folder) }
        return
    }
    do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
        throw ReadError("cannot create the folder: \(error.localizedDescription)", file: folder)
    }
}
