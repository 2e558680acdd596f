import Foundation
import PropertyBased
import Testing
import TNetGraph
import TNetModel
@testable import TNetIO

/// The native JSON writer as it was before it wrote bytes in parallel chunks (commit 079d8ce):
/// field by field through a ``JSONWriter``, whose escaping, indentation and commas define the
/// format. The fast writer must give these bytes exactly.
enum ReferenceNativeJSONWriter {
    /// - Complexity: O(*n*) in the size of the dataset.
    static func write(_ dataset: Dataset) -> [UInt8] {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("format"); w.string(Dataset.formatVersion)
        if let t = dataset.title { w.key("title"); w.string(t) }
        if let d = dataset.description { w.key("description"); w.string(d) }
        if let d = dataset.directed { w.key("directed"); w.bool(d) }
        if !dataset.schema.isEmpty { schema(dataset.schema, &w) }
        for (k, v) in dataset.extra { w.key(k); value(v, &w) }
        w.key("sources"); w.beginArray()
        for s in dataset.sources {
            w.beginObject()
            w.key("id"); w.string(s.id)
            if let t = s.title { w.key("title"); w.string(t) }
            if let p = s.publisher { w.key("publisher"); w.string(p) }
            if let d = s.date { w.key("date"); w.string(d.description) }
            if let u = s.url { w.key("url"); w.string(u) }
            for (k, v) in s.attributes { w.key(k); value(v, &w) }
            w.endObject()
        }
        w.endArray()
        w.key("entities"); w.beginArray()
        for e in dataset.entities {
            w.beginObject()
            w.key("id"); w.string(e.id)
            w.key("kind"); w.string(e.kind.rawValue)
            if let n = e.name { w.key("name"); w.string(n) }
            if let r = e.role { w.key("role"); w.string(r.rawValue) }
            if let c = e.country { w.key("country"); w.string(c) }
            provenance(e.confidence, e.sources, e.period, &w)
            if !e.attributes.isEmpty { w.key("attributes"); value(.object(e.attributes), &w) }
            w.endObject()
        }
        w.endArray()
        w.key("links"); w.beginArray()
        // Read by column, never as `Link` values: each entity id and each kind is escaped once,
        // however many links name it (a million links are written in a fraction of a second).
        let columns = dataset.linkColumns
        let ids = dataset.entities.map { JSONWriter.escaped($0.id) }
        let kinds = columns.kindTable.map { JSONWriter.escaped($0.rawValue) }
        w.reserveCapacity(columns.count * 110)
        // An endpoint as the link spells it: its entity's id, the link's own spelling of it
        // (LinkColumns.spellings), or the id it names when dangling.
        func endpoint(_ slot: Int, _ position: Int32) {
            if position < 0 { w.string(columns.danglingIDs[slot] ?? "") }
            else if let own = columns.spellings.isEmpty ? nil : columns.spellings[slot] { w.string(own) }
            else { w.escapedString(ids[Int(position)]) }
        }
        for i in 0 ..< columns.count {
            w.beginObject()
            let s = columns.ends[2 * i], t = columns.ends[2 * i + 1]
            w.escapedKey(Key.source); endpoint(2 * i, s)
            w.escapedKey(Key.target); endpoint(2 * i + 1, t)
            w.escapedKey(Key.kind); w.escapedString(kinds[columns.kindOf(i)])
            if let x = columns.weight(i) { w.escapedKey(Key.weight); number(x, &w) }
            if let d = columns.isDirected(i) { w.key("directed"); w.bool(d) }
            if let a = columns.agreement(i) { w.key("agreement"); w.string(a) }
            provenance(columns.confidence(i), columns.sources(i), columns.period(i), &w)
            if let a = columns.attributes(ofLink: i), !a.isEmpty { w.key("attributes"); value(.object(a), &w) }
            w.endObject()
        }
        w.endArray()
        w.endObject()
        var bytes = w.bytes
        bytes.append(0x0A)
        return bytes
    }

    /// The member names every link has, escaped once.
    private enum Key {
        static let source = JSONWriter.escaped("source")
        static let target = JSONWriter.escaped("target")
        static let kind = JSONWriter.escaped("kind")
        static let weight = JSONWriter.escaped("weight")
    }

    /// The schema in its one JSON form (``Schema/attributes``, shared with CSV, GraphML and DOT).
    private static func schema(_ s: Schema, _ w: inout JSONWriter) {
        w.key("schema")
        value(.object(s.attributes), &w)
    }

    private static func provenance(_ c: Confidence?, _ sources: [String], _ p: Period?, _ w: inout JSONWriter) {
        if let c { w.key("confidence"); w.string(c.description) }
        if !sources.isEmpty {
            w.key("sources"); w.beginArray(inline: true)
            for s in sources { w.string(s) }
            w.endArray()
        }
        if let f = p?.from { w.key("from"); w.string(f.description) }
        if let t = p?.to { w.key("to"); w.string(t.description) }
    }

    /// Integral values within ±2^53 are written without a fraction (`3`, not `3.0`), so counts
    /// read back as the same number.
    private static func number(_ x: Double, _ w: inout JSONWriter) {
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { w.int(Int(x)) } else { w.double(x) }
    }

    static func value(_ v: AttributeValue, _ w: inout JSONWriter) { NativeJSONWriter.value(v, &w) }
}

@Suite struct NativeJSONWriterTests {
    /// A dataset with what the hostile builder has not: dangling endpoints, endpoints spelt
    /// differently from their entity's id (a decomposed "é" naming the composed one), an
    /// empty id, ids needing escapes, weights of every shape (integral, -0, NaN, ±∞, beyond 2^53).
    static func oddities() -> Dataset {
        var d = Dataset()
        d.append(Entity(id: "caf\u{E9}", kind: .person, name: "Caf\u{E9}"))
        d.append(Entity(id: "", kind: .node))
        d.append(Entity(id: "q\"uote\\\n\u{2028}", kind: "odd kind", confidence: Confidence("B2"), sources: ["s1", "s\"2"]))
        let weights: [Double?] = [nil, 3, -0.0, .nan, .infinity, -.infinity, 1e16, 9_007_199_254_740_993, 2.5, -7, 1e-7]
        for (k, w) in weights.enumerated() {
            d.append(Link(source: k % 2 == 0 ? "cafe\u{301}" : "caf\u{E9}", target: k % 3 == 0 ? "nowhere \(k)" : "", kind: .link, weight: w,
                          directed: [nil, true, false][k % 3]))
        }
        return d
    }

    /// The bytes of the reference writer, for hostile random datasets (every field, attributes
    /// nested, text needing every escape), on one thread and on several.
    @Test func sameBytesAsTheReference() async {
        await propertyCheck(count: 150, input: RoundTripTests.seeds, RoundTripTests.sizes) { seed, n in
            var b = HostileDatasetBuilder(rng: SplitMix64(seed: seed))
            let d = b.dataset(entities: n, links: 2 * n)
            let expected = ReferenceNativeJSONWriter.write(d)
            for threads in [1, 2, 3] {
                let got = NativeJSONWriter.write(d, threads: threads)
                #expect(got == expected, "seed \(seed), \(n) entities, \(threads) threads")
            }
        }
        let odd = Self.oddities()
        #expect(odd.linkColumns.spellings.isEmpty == false && odd.linkColumns.danglingIDs.isEmpty == false)
        #expect(NativeJSONWriter.write(odd, threads: 2) == ReferenceNativeJSONWriter.write(odd))
        let empty = Dataset()
        #expect(NativeJSONWriter.write(empty, threads: 2) == ReferenceNativeJSONWriter.write(empty))
        #expect(String(decoding: NativeJSONWriter.write(empty), as: UTF8.self) == "{\n  \"format\": \"tnet/1\",\n  \"sources\": [],\n  \"entities\": [],\n  \"links\": []\n}\n")
    }

    /// Across chunk boundaries (8,192 entities, 16,384 links a chunk; ids escaped in chunks of
    /// 16,384): the same bytes for 1 and 2 threads as the reference's.
    @Test func sameBytesAcrossChunks() {
        var b = HostileDatasetBuilder(rng: SplitMix64(seed: 19))
        let d = b.dataset(entities: 17_000, links: 34_000)
        let expected = ReferenceNativeJSONWriter.write(d)
        #expect(NativeJSONWriter.write(d, threads: 1) == expected)
        #expect(NativeJSONWriter.write(d, threads: 2) == expected)
        // Streamed a few chunks at a time (3 entity chunks, 3 link chunks): the entities' end
        // and the links' opening fall inside a run, at its start, at its end, and with no
        // entities or no links; the runs join to the reference's bytes.
        var noEntities = Dataset()
        noEntities.append(Link(source: "a", target: "b", kind: .link))
        for (dataset, reference) in [(d, expected), (Dataset(entities: d.entities), ReferenceNativeJSONWriter.write(Dataset(entities: d.entities))),
                                     (noEntities, ReferenceNativeJSONWriter.write(noEntities)), (Dataset(), ReferenceNativeJSONWriter.write(Dataset()))] {
            for wave in [1, 2, 3, 4, 5] {
                var runs: [[UInt8]] = []
                NativeJSONWriter.stream(dataset, threads: 2, wave: wave) { pieces in runs.append(pieces.flatMap { Array($0) }) }
                #expect(runs.flatMap { $0 } == reference, "wave \(wave)")
            }
        }
    }

    /// The bundled dataset: read and written again, byte for byte the file (and the reference's).
    @Test func bundledDatasetIsWrittenAsRead() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("datasets/mekong-2023.json").path
        let (d, _) = try DatasetFormat.read(path: path)
        let written = NativeJSONWriter.write(d, threads: 2)
        #expect(written == ReferenceNativeJSONWriter.write(d))
        #expect(written == Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }
}
