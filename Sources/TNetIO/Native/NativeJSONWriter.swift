import TNetModel

/// Writes the native dataset format; the inverse of ``NativeJSONReader``. Output is
/// deterministic: fields in a fixed order, attributes in the order they were read.
public enum NativeJSONWriter {
    /// Encodes the dataset in the native format; every dataset can be written (nothing throws).
    /// - Parameter dataset: The dataset to write.
    /// - Returns: Pretty-printed UTF-8 JSON (two-space indentation) with `"format": "tnet/1"`
    ///   first.
    /// - Complexity: O(*n*) in the size of the dataset.
    public static func write(_ dataset: Dataset) -> [UInt8] {
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
