#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TNetGraph
import TNetModel

/// Writes the native dataset format; the inverse of ``NativeJSONReader``. Output is
/// deterministic: fields in a fixed order, attributes in the order they were read.
public enum NativeJSONWriter {
    /// Encodes the dataset in the native format; every dataset can be written (nothing throws).
    ///
    /// Entities and links are written as bytes, never as `String`s or `Link` values: links by
    /// column (``TNetModel/LinkColumns``), each entity id, kind, grade, citation list and period
    /// escaped once however many records carry it; records in chunks on `threads` threads,
    /// joined in order, so the bytes are the same for any number of threads (and the same as
    /// a ``JSONWriter`` writing field by field, which the tests keep as the reference).
    /// - Parameters:
    ///   - dataset: The dataset to write.
    ///   - threads: the most threads (default: the processors online, at most 8).
    /// - Returns: Pretty-printed UTF-8 JSON (two-space indentation) with `"format": "tnet/1"`
    ///   first.
    /// - Complexity: O(*n*) in the size of the dataset.
    public static func write(_ dataset: Dataset, threads: Int = defaultThreads) -> [UInt8] {
        var result: [UInt8] = []
        stream(dataset, threads: threads) { pieces in for p in pieces { result.append(contentsOf: p) } }
        return result
    }

    /// The encoding of ``write(_:threads:)`` handed to `emit` in runs of pieces, in order (each
    /// valid during its call): records are made a few chunks per thread at a time, so a file is
    /// written (and flushed) while the rest is made, and never held whole. `wave` is how many
    /// chunks are made before each run is emitted (default: four per thread, at least eight).
    static func stream(_ dataset: Dataset, threads: Int = defaultThreads, wave: Int? = nil,
                       _ emit: ([UnsafeRawBufferPointer]) throws -> Void) rethrows {
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
        // What follows is written as the JSONWriter would write it, inside the top object (which
        // has members already): `,\n  "entities": [`, each record `\n    {` … `\n    }` after a
        // comma but the first, members at six spaces, `\n  ]` (`]` when empty).
        let entities = dataset.entities, columns = dataset.linkColumns
        let n = entities.count, m = columns.count
        let t = max(1, threads)
        let ids = EscapedIDs(entities, threads: t)

        // Every distinct kind, grade, citation list, period and agreement of a link, rendered
        // once as the member(s) it writes (empty when the link has none).
        let kinds = columns.kindTable.map { escaped($0.rawValue) }
        let confidences = columns.confidenceTable.map { c in c.map { member("confidence", escaped($0.description)) } ?? [] }
        let citations = columns.citationTable.map(sourcesMember)
        let periods = columns.periodTable.map(periodMembers)
        let agreements = columns.agreementTable.map { a in a.map { member("agreement", escaped($0)) } ?? [] }

        let entityChunks = (n + entityChunk - 1) / entityChunk, linkChunks = (m + linkChunk - 1) / linkChunk
        func render(_ c: Int, _ out: ByteSink) {
            if c < entityChunks {
                let range = c * entityChunk ..< min(n, (c + 1) * entityChunk)
                out.reserve(range.count * 96)
                for i in range { writeEntity(entities[i], id: ids[i], first: i == 0, out) }
            } else {
                let range = (c - entityChunks) * linkChunk ..< min(m, (c - entityChunks + 1) * linkChunk)
                out.reserve(range.count * 112)
                for i in range {
                    out.literal(i == 0 ? "\n    {\n      \"source\": " as StaticString : ",\n    {\n      \"source\": ")
                    endpoint(columns, ids, slot: 2 * i, out)
                    out.literal(",\n      \"target\": ")
                    endpoint(columns, ids, slot: 2 * i + 1, out)
                    out.literal(",\n      \"kind\": ")
                    out.append(kinds[columns.kindOf(i)])
                    if let x = columns.weight(i) {
                        out.literal(",\n      \"weight\": ")
                        number(x, out)
                    }
                    if let d = columns.isDirected(i) { out.literal(d ? ",\n      \"directed\": true" as StaticString : ",\n      \"directed\": false") }
                    out.append(agreements[columns.agreementOf(i)])
                    out.append(confidences[columns.confidenceOf(i)])
                    out.append(citations[columns.citationOf(i)])
                    out.append(periods[columns.periodOf(i)])
                    if let a = columns.attributes(ofLink: i), !a.isEmpty { attributes(a, out) }
                    out.literal("\n    }")
                }
            }
        }

        // In order: the head and the entities' opening, the entity chunks, the entities' end
        // and the links' opening, the link chunks, the end. Chunks are made a wave at a time
        // on every thread and emitted as each wave is done.
        let head = w.bytes + Array(",\n  \"entities\": [".utf8)
        let middle = Array(((n > 0 ? "\n  ]" : "]") + ",\n  \"links\": [").utf8)
        let tail = Array(((m > 0 ? "\n  ]" : "]") + "\n}\n").utf8)
        try head.withUnsafeBytes { try emit([$0]) }
        let total = entityChunks + linkChunks, wave = max(1, wave ?? max(8, 4 * t))
        var next = 0
        var middleDone = false
        while next < total || !middleDone {
            let range = next ..< min(total, next + wave)
            let parts = range.map { _ in ByteSink() }
            forEachChunk(range.count, threads: t) { k, _ in render(range.lowerBound + k, parts[k]) }
            try middle.withUnsafeBytes { middle in
                var pieces: [UnsafeRawBufferPointer] = []
                for (k, c) in range.enumerated() {
                    if c == entityChunks && !middleDone { pieces.append(middle); middleDone = true }
                    pieces.append(parts[k].bytes)
                }
                if range.upperBound == total && !middleDone { pieces.append(middle); middleDone = true }
                try withExtendedLifetime(parts) { try emit(pieces) }
            }
            next = range.upperBound
        }
        try tail.withUnsafeBytes { try emit([$0]) }
        withExtendedLifetime(ids) {}
    }

    /// The processors online, at most 8.
    public static var defaultThreads: Int { max(1, min(8, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))) }

    /// Records per chunk.
    static let entityChunk = 8192, linkChunk = 16384

    private static func escaped(_ s: String) -> [UInt8] { JSONWriter.escaped(s) }

    /// `,\n      "NAME": VALUE`: a member of a record, after the record's first.
    private static func member(_ name: String, _ value: [UInt8]) -> [UInt8] {
        Array(",\n      ".utf8) + escaped(name) + Array(": ".utf8) + value
    }

    /// A record's `sources` member, inline (`["a", "b"]`); empty for no sources.
    private static func sourcesMember(_ sources: [String]) -> [UInt8] {
        guard !sources.isEmpty else { return [] }
        var list: [UInt8] = [UInt8(ascii: "[")]
        for (k, s) in sources.enumerated() {
            if k > 0 { list += Array(", ".utf8) }
            list += escaped(s)
        }
        list.append(UInt8(ascii: "]"))
        return member("sources", list)
    }

    /// A record's `from` and `to` members, those it has.
    private static func periodMembers(_ p: Period?) -> [UInt8] {
        var out: [UInt8] = []
        if let f = p?.from { out += member("from", escaped(f.description)) }
        if let t = p?.to { out += member("to", escaped(t.description)) }
        return out
    }

    /// A record's `attributes` member, indented as in the whole document.
    private static func attributes(_ a: Attributes, _ out: ByteSink) {
        out.literal(",\n      \"attributes\": ")
        var w = JSONWriter(pretty: true, valueAtDepth: 3)
        value(.object(a), &w)
        out.append(w.bytes)
    }

    private static func writeEntity(_ e: Entity, id: UnsafeRawBufferPointer, first: Bool, _ out: ByteSink) {
        out.literal(first ? "\n    {\n      \"id\": " as StaticString : ",\n    {\n      \"id\": ")
        out.append(id)
        out.literal(",\n      \"kind\": ")
        out.string(e.kind.rawValue)
        if let n = e.name { out.literal(",\n      \"name\": "); out.string(n) }
        if let r = e.role { out.literal(",\n      \"role\": "); out.string(r.rawValue) }
        if let c = e.country { out.literal(",\n      \"country\": "); out.string(c) }
        if let c = e.confidence { out.literal(",\n      \"confidence\": "); out.string(c.description) }
        if !e.sources.isEmpty {
            out.literal(",\n      \"sources\": [")
            for (k, s) in e.sources.enumerated() {
                if k > 0 { out.literal(", ") }
                out.string(s)
            }
            out.literal("]")
        }
        if let f = e.period?.from { out.literal(",\n      \"from\": "); out.string(f.description) }
        if let t = e.period?.to { out.literal(",\n      \"to\": "); out.string(t.description) }
        if !e.attributes.isEmpty { attributes(e.attributes, out) }
        out.literal("\n    }")
    }

    /// An endpoint as the link spells it: its entity's id, the link's own spelling of it
    /// (LinkColumns.spellings), or the id it names when dangling.
    private static func endpoint(_ columns: LinkColumns, _ ids: EscapedIDs, slot: Int, _ out: ByteSink) {
        let position = columns.ends[slot]
        if position < 0 { out.string(columns.danglingIDs[slot] ?? "") }
        else if !columns.spellings.isEmpty, let own = columns.spellings[slot] { out.string(own) }
        else { out.append(ids[Int(position)]) }
    }

    /// Integral values within ±2^53 are written without a fraction (`3`, not `3.0`), so counts
    /// read back as the same number; other finite values as ``JSONWriter/format(_:)``; NaN and
    /// infinities as `null`.
    private static func number(_ x: Double, _ out: ByteSink) {
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { out.decimal(Int(x)) }
        else if x.isFinite { out.double(x) }
        else { out.literal("null") }
    }

    /// Integral values within ±2^53 are written without a fraction (`3`, not `3.0`), so counts
    /// read back as the same number.
    private static func number(_ x: Double, _ w: inout JSONWriter) {
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { w.int(Int(x)) } else { w.double(x) }
    }

    /// The schema in its one JSON form (``Schema/attributes``, shared with CSV, GraphML and DOT).
    private static func schema(_ s: Schema, _ w: inout JSONWriter) {
        w.key("schema")
        value(.object(s.attributes), &w)
    }

    static func value(_ v: AttributeValue, _ w: inout JSONWriter) {
        switch v {
        case .string(let s): w.string(s)
        case .int(let i): w.int(i)
        case .double(let d): w.double(d)
        case .bool(let b): w.bool(b)
        case .null: w.null()
        case .list(let items):
            w.beginArray(inline: items.allSatisfy { if case .list = $0 { return false }; if case .object = $0 { return false }; return true })
            for i in items { value(i, &w) }
            w.endArray()
        case .object(let attrs):
            w.beginObject()
            for (k, x) in attrs { w.key(k); value(x, &w) }
            w.endObject()
        }
    }
}

/// Every entity's id as a JSON string (quotes and escapes included), made in chunks on every
/// thread: each id is escaped once, however many links name it.
struct EscapedIDs: @unchecked Sendable {
    private static let chunk = 16384
    /// The chunks' bytes (malloc'd, never moved once written).
    private let parts: [ByteSink]
    /// Where each id ends in its chunk.
    private let ends: [Int]

    init(_ entities: [Entity], threads: Int) {
        let n = entities.count, chunk = Self.chunk
        let chunks = (n + chunk - 1) / chunk
        let parts = (0 ..< chunks).map { _ in ByteSink() }
        var ends = [Int](repeating: 0, count: n)
        ends.withUnsafeMutableBufferPointer { ends in
            forEachChunk(chunks, threads: threads) { c, _ in
                let out = parts[c]
                for i in c * chunk ..< min(n, (c + 1) * chunk) {
                    out.string(entities[i].id)
                    ends[i] = out.count
                }
            }
        }
        self.parts = parts
        self.ends = ends
    }

    /// Entity `i`'s id, escaped; valid while this value lives.
    @inline(__always) subscript(i: Int) -> UnsafeRawBufferPointer {
        let start = i % Self.chunk == 0 ? 0 : ends[i - 1]
        return UnsafeRawBufferPointer(start: parts[i / Self.chunk].base! + start, count: ends[i] - start)
    }
}

/// A growable byte buffer that is never zeroed (``NativeJSONWriter``'s chunks): appends copy
/// straight into malloc'd memory, grown by `realloc`.
final class ByteSink: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<UInt8>?
    private(set) var count = 0
    private var capacity = 0

    init() {}
    deinit { free(base) }

    /// The bytes written so far; valid until the next append or the sink's end.
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// Room for `n` more bytes without growing.
    func reserve(_ n: Int) {
        guard count + n > capacity else { return }
        capacity = max(count + n, 2 * capacity, 256)
        base = realloc(base, capacity)!.assumingMemoryBound(to: UInt8.self)
    }

    @inline(__always) func append(_ p: UnsafeRawBufferPointer) {
        guard p.count > 0 else { return }
        reserve(p.count)
        UnsafeMutableRawPointer(base! + count).copyMemory(from: p.baseAddress!, byteCount: p.count)
        count += p.count
    }

    @inline(__always) func append(_ a: [UInt8]) { a.withUnsafeBytes { append($0) } }

    @inline(__always) func literal(_ s: StaticString) {
        append(UnsafeRawBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    @inline(__always) func text(_ s: String) {
        var s = s
        s.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always) func append(byte b: UInt8) {
        reserve(1)
        base![count] = b
        count += 1
    }

    /// `s` as a JSON string, as ``JSONWriter`` escapes it: copied as it is when nothing in it
    /// needs an escape (ids, kinds, names: the usual case).
    func string(_ s: String) {
        var s = s
        let plain = s.withUTF8 { utf8 -> Bool in
            for b in utf8 where b < 0x20 || b == 0x22 || b == 0x5C || b == 0x7F || b == 0xE2 { return false }
            reserve(utf8.count + 2)
            base![count] = 0x22
            if utf8.count > 0 { (base! + count + 1).update(from: utf8.baseAddress!, count: utf8.count) }
            base![count + 1 + utf8.count] = 0x22
            count += utf8.count + 2
            return true
        }
        if !plain { append(JSONWriter.escaped(s)) }
    }

    /// A finite double as ``JSONWriter/format(_:)`` writes it: the shortest decimal that reads
    /// back, straight into the buffer when ``ShortestDecimal`` applies.
    func double(_ x: Double) {
        reserve(24)
        let n = ShortestDecimal.write(x, to: base! + count)
        if n > 0 { count += n } else { text(JSONWriter.format(x)) }
    }

    /// `i` in decimal.
    func decimal(_ i: Int) {
        reserve(20)
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var v = i.magnitude
        var k = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[k] = UInt8(truncatingIfNeeded: v % 10) + 0x30
                v /= 10
                k += 1
            } while v > 0
            if i < 0 { base![count] = UInt8(ascii: "-"); count += 1 }
            for j in 0 ..< k { base![count + j] = d[k - 1 - j] }
        }
        count += k
    }
}
