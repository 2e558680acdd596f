import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// `tnet export --to spark`: dense ids the edges reference, every string escaped, victims
/// redacted, and records that hold only the columns their schema declares.
@Suite struct SparkExportTests {
    static let hostileName = "Syndicate \"A\", Ltd.\nsecond line\t— ü国 \u{2028}end\\"

    /// A victim, a name with a comma, a quote, a line break, a tab, a backslash and non-ASCII,
    /// a symmetric link kind, a parallel link, attributes, grades, sources and periods.
    static func dataset() throws -> (path: String, loaded: LoadedDataset) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-spark-\(UUID().uuidString).json").path
        var w = JSONWriter(pretty: false)
        w.beginObject()
        w.key("format"); w.string("tnet/1")
        w.key("sources"); w.beginArray(); w.beginObject(); w.key("id"); w.string("s1"); w.endObject(); w.endArray()
        w.key("entities"); w.beginArray()
        w.beginObject(); w.key("id"); w.string("syn-a"); w.key("kind"); w.string("syndicate"); w.key("name"); w.string(hostileName)
        w.key("confidence"); w.string("B2"); w.key("sources"); w.strings(["s1"]); w.key("from"); w.string("2021-03"); w.endObject()
        w.beginObject(); w.key("id"); w.string("ma-lin"); w.key("kind"); w.string("person"); w.key("name"); w.string("Ma Lin")
        w.key("role"); w.string("victim"); w.key("attributes"); w.beginObject(); w.key("home"); w.string("Ma Lin's village"); w.endObject(); w.endObject()
        w.beginObject(); w.key("id"); w.string("c1"); w.key("kind"); w.string("compound"); w.key("country"); w.string("myanmar")
        w.key("attributes"); w.beginObject(); w.key("beds"); w.int(300); w.endObject(); w.endObject()
        w.beginObject(); w.key("id"); w.string("police"); w.key("kind"); w.string("agency"); w.endObject()
        w.beginObject(); w.key("id"); w.string("myanmar"); w.key("kind"); w.string("country"); w.endObject()
        w.endArray()
        w.key("links"); w.beginArray()
        for (s, t, kind, weight) in [("syn-a", "c1", "operates", 2.5), ("syn-a", "c1", "operates", 1.0), ("syn-a", "ma-lin", "controls", nil),
                                     ("police", "myanmar", "cooperates_with", nil), ("c1", "myanmar", "located_in", nil)] as [(String, String, String, Double?)] {
            w.beginObject(); w.key("source"); w.string(s); w.key("target"); w.string(t); w.key("kind"); w.string(kind)
            if let weight { w.key("weight"); w.double(weight) }
            w.key("confidence"); w.string("C3"); w.key("sources"); w.strings(["s1"]); w.key("to"); w.string("2023")
            w.endObject()
        }
        w.endArray()
        w.endObject()
        try w.text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, try Dataset.load(path, options: LoadOptions(redactVictims: true)))
    }

    /// Each line of a JSON Lines table as an object.
    static func records(_ bytes: [UInt8]) throws -> [[String: Any]] {
        try String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    static func file(_ files: [(name: String, bytes: [UInt8])], _ name: String) throws -> [UInt8] {
        try #require(files.first { $0.name == name }).bytes
    }

    /// The schema's fields: name → (type, nullable).
    static func fields(_ bytes: [UInt8]) throws -> [(name: String, type: Any, nullable: Bool)] {
        let schema = try #require(JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        #expect(schema["type"] as? String == "struct")
        let fields = try #require(schema["fields"] as? [[String: Any]])
        return try fields.map { f in
            let metadata = try #require(f["metadata"] as? [String: Any])
            #expect((metadata["comment"] as? String)?.isEmpty == false)
            return (try #require(f["name"] as? String), try #require(f["type"]), try #require(f["nullable"] as? Bool))
        }
    }

    @Test func idsAreDenseAndEdgesReferenceThem() throws {
        let (path, loaded) = try Self.dataset()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let export = SparkExport.encode(loaded.dataset, redacted: true)
        #expect(export.files.map(\.name) == ["vertices.jsonl", "edges.jsonl", "vertices.schema.json", "edges.schema.json", "export.json"])
        let vertices = try Self.records(Self.file(export.files, "vertices.jsonl"))
        let edges = try Self.records(Self.file(export.files, "edges.jsonl"))
        #expect(vertices.map { $0["id"] as? Int } == Array(0 ..< 5))
        #expect(vertices.map { $0["tnet_id"] as? String } == ["syn-a", "victim-1", "c1", "police", "myanmar"])
        #expect(edges.count == 5 && export.edges == 5)  // the parallel operates links both kept
        let byID = Dictionary(uniqueKeysWithValues: vertices.map { ($0["id"] as! Int, $0["tnet_id"] as! String) })
        let pairs = edges.map { "\(byID[$0["src"] as! Int]!)>\(byID[$0["dst"] as! Int]!)" }
        #expect(pairs == ["syn-a>c1", "syn-a>c1", "syn-a>victim-1", "police>myanmar", "c1>myanmar"])
        #expect(edges.map { $0["directed"] as? Bool } == [true, true, true, false, true])  // cooperates_with is symmetric
        #expect(edges[0]["weight"] as? Double == 2.5 && edges[2]["weight"] == nil)  // absent, read as null
        #expect(edges[0]["confidence"] as? String == "C3" && edges[0]["confidence_value"] as? Double == 0.36)
        #expect(edges[0]["sources"] as? [String] == ["s1"] && edges[0]["period_end"] as? String == "2023")
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(Self.file(export.files, "export.json"))) as? [String: Any])
        #expect(manifest["format"] as? String == "tnet-spark/1" && manifest["vertices"] as? Int == 5)
        #expect(manifest["edges"] as? Int == 5 && manifest["redacted"] as? Bool == true)
    }

    /// A name with a comma, quotes, a line break, a tab, a backslash, U+2028 and non-ASCII stays
    /// on its one line and reads back exactly; attributes are a JSON object's text.
    @Test func stringsAreEscaped() throws {
        let (path, loaded) = try Self.dataset()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bytes = try Self.file(SparkExport.encode(loaded.dataset, redacted: true).files, "vertices.jsonl")
        #expect(bytes.filter { $0 == 0x0A }.count == 5)  // one line per vertex
        let vertices = try Self.records(bytes)
        #expect(vertices[0]["name"] as? String == Self.hostileName)
        #expect(vertices[0]["period_start"] as? String == "2021-03" && vertices[0]["confidence"] as? String == "B2")
        let attributes = try #require((vertices[2]["attributes"] as? String).map { Data($0.utf8) })
        #expect((try JSONSerialization.jsonObject(with: attributes) as? [String: Int]) == ["beds": 300])
        #expect(vertices[2]["country"] as? String == "myanmar")
    }

    /// Redacted, the victim is a pseudonym in every file, marked protected, attributes dropped.
    @Test func victimsAreRedacted() throws {
        let (path, loaded) = try Self.dataset()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let export = SparkExport.encode(loaded.dataset, redacted: true)
        for (name, bytes) in export.files {
            let text = String(decoding: bytes, as: UTF8.self).lowercased()
            #expect(!text.contains("ma lin") && !text.contains("ma-lin"), "\(name)")
        }
        let victim = try Self.records(Self.file(export.files, "vertices.jsonl"))[1]
        #expect(victim["name"] as? String == "Victim 1" && victim["protected"] as? Bool == true)
        #expect(victim["role"] as? String == "victim" && victim["attributes"] == nil)
        let unredacted = try Dataset.load(path).dataset
        #expect(String(decoding: try Self.file(SparkExport.encode(unredacted, redacted: false).files, "vertices.jsonl"), as: UTF8.self).contains("Ma Lin"))
    }

    /// The schemas are Spark's StructType JSON, with the columns in order, and every key of
    /// every record (the bundled dataset's too) is a column of its table.
    @Test func schemasDeclareEveryColumn() throws {
        let vertexFields = try Self.fields(Array(SparkExport.schema(SparkExport.vertexColumns).utf8))
        #expect(vertexFields.map(\.name) == ["id", "tnet_id", "name", "kind", "role", "country", "protected", "confidence",
                                              "confidence_value", "sources", "period_start", "period_end", "attributes"])
        #expect(vertexFields[0].type as? String == "long" && vertexFields[0].nullable == false)
        let sources = try #require(vertexFields[9].type as? [String: Any])
        #expect(sources["type"] as? String == "array" && sources["elementType"] as? String == "string")
        let edgeFields = try Self.fields(Array(SparkExport.schema(SparkExport.edgeColumns).utf8))
        #expect(edgeFields.prefix(6).map(\.name) == ["src", "dst", "kind", "weight", "directed", "agreement"])
        #expect(edgeFields.map { $0.type as? String }.prefix(5) == ["long", "long", "string", "double", "boolean"])

        let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../datasets/mekong-2023.json").path
        let loaded = try Dataset.load(bundled, options: LoadOptions(redactVictims: true))
        let export = SparkExport.encode(loaded.dataset, redacted: true)
        let vertices = try Self.records(Self.file(export.files, "vertices.jsonl"))
        let edges = try Self.records(Self.file(export.files, "edges.jsonl"))
        #expect(vertices.count == loaded.dataset.entities.count && edges.count == export.edges && export.edges == loaded.dataset.links.count)
        #expect(Set(vertices.flatMap(\.keys)).isSubset(of: vertexFields.map(\.name)))
        #expect(Set(edges.flatMap(\.keys)).isSubset(of: edgeFields.map(\.name)))
        #expect(edges.allSatisfy { (0 ..< vertices.count).contains($0["src"] as! Int) && (0 ..< vertices.count).contains($0["dst"] as! Int) })
        #expect(vertices.contains { $0["protected"] as? Bool == true })
    }

    /// The folder is created; the files replace what was there; a file in the folder's place is
    /// an error naming it.
    @Test func writesTheFolder() throws {
        let (path, loaded) = try Self.dataset()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-spark-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: dir) }
        let counts = try SparkExport.write(loaded.dataset, to: dir + "/nested/", redacted: true)
        #expect(counts.vertices == 5 && counts.edges == 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/nested").sorted()
                == ["edges.jsonl", "edges.schema.json", "export.json", "vertices.jsonl", "vertices.schema.json"])
        try SparkExport.write(loaded.dataset, to: dir + "/nested", redacted: true)
        let error = #expect(throws: ReadError.self) { try SparkExport.write(loaded.dataset, to: dir + "/nested/export.json", redacted: true) }
        #expect(error?.description.hasSuffix("export.json: is a file, not a folder") == true)
        #expect(throws: ReadError.self) { try SparkExport.write(loaded.dataset, to: "-", redacted: true) }
    }
}
