import TNetGraphviz

/// Long quoted strings set aside while cgraph parses a DOT document.
///
/// cgraph's lexer is given its input a few kilobytes at a time and, inside a token, matches the
/// token again from its start after each refill, so a quoted string of *n* bytes costs time in
/// *n*² (a 4 MB label took 11 s to read, 2 MB 2.9 s, 1 MB 0.8 s). Each quoted string of
/// ``threshold`` bytes or more is cut into pieces of about ``pieceBytes``, which cgraph decodes
/// by its own rules as the values of a small document of their own; in the document itself the
/// string is replaced by a short marker, one per distinct decoded text (so that two spellings
/// cgraph takes as one node name stay one node), followed by the line breaks it held; and every
/// marker in what cgraph gives back is replaced by its text. What is not certainly what cgraph
/// makes of the whole text is read whole (``restore(_:)``, ``DOTDatasetReader/parse(_:)``).
///
/// A piece ends only between two plain bytes: neither a backslash, a quote, a line break nor a
/// UTF-8 continuation byte (cgraph's escapes, and its quirks around them, such as a newline
/// after an escaped quote at a string's end being dropped, never straddle a cut).
/// HTML strings (`<…>`) are left to cgraph as they are.
struct DOTLongStrings {
    /// Quoted strings this long or longer (bytes, quotes included) are set aside.
    static let threshold = 65_536
    /// About how long each piece is.
    static let pieceBytes = 16_384
    /// What starts and ends a marker: a byte no DOT file given here holds (checked).
    static let markByte: UInt8 = 0x01

    /// The document with markers in place of the long strings.
    let text: String
    /// The text of each marker, by its number.
    private let decoded: [String]

    /// The long strings of `text` set aside, their pieces decoded by `parse` (cgraph's parser),
    /// or nil when `text` has none (or holds the marker byte: it is read as it is).
    /// - Throws: what `parse` throws.
    init?(_ text: String, parse: (String) throws -> DOTDocument) throws {
        let bytes = Array(text.utf8)
        guard !bytes.contains(Self.markByte) else { return nil }
        var long: [Range<Int>] = []
        _ = DOTDatasetReader.scan(bytes) { quoted in if quoted.count >= Self.threshold { long.append(quoted) } }
        guard !long.isEmpty else { return nil }
        // Every piece of every long string, as one node's value each.
        var doc: [UInt8] = Array("graph {\n".utf8)
        var pieceCounts: [Int] = []
        var n = 0
        for r in long {
            let pieces = Self.cut(bytes, r.lowerBound + 1 ..< r.upperBound - 1)
            pieceCounts.append(pieces.count)
            for piece in pieces {
                doc += Array("n\(n) [v=\"".utf8)
                doc += piece
                doc += Array("\"]\n".utf8)
                n += 1
            }
        }
        doc += Array("}\n".utf8)
        let parsed = try parse(String(decoding: doc, as: UTF8.self))
        // An empty value is not listed: a piece that decodes to nothing.
        var values: [String: String] = [:]
        for node in parsed.nodes { values[node.name] = node.attributes.first { $0.name == "v" }?.value ?? "" }
        // One marker per distinct text, in the document in place of each long string.
        // By bytes: cgraph tells names apart by their bytes, not as Swift compares strings.
        var numbers: [[UInt8]: Int] = [:]
        var decoded: [String] = []
        var out: [UInt8] = []
        var copied = 0
        n = 0
        for (r, count) in zip(long, pieceCounts) {
            var whole = ""
            for _ in 0 ..< count {
                whole += values["n\(n)"] ?? ""
                n += 1
            }
            let key = Array(whole.utf8), number: Int
            if let known = numbers[key] {
                number = known
            } else {
                number = decoded.count
                numbers[key] = number
                decoded.append(whole)
            }
            out += bytes[copied ..< r.lowerBound]
            out += Array("\"\u{1}tnet:\(number)\u{1}\"".utf8)
            out += [UInt8](repeating: 0x0A, count: bytes[r].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) })
            copied = r.upperBound
        }
        out += bytes[copied...]
        self.text = String(decoding: out, as: UTF8.self)
        self.decoded = decoded
    }

    /// Whether a cut may fall before `bytes[i]`: both sides plain.
    static func plain(_ c: UInt8) -> Bool { c != UInt8(ascii: "\\") && c != UInt8(ascii: "\"") && c != 0x0A && c != 0x0D }

    /// `range` of `bytes` in pieces of about ``pieceBytes``, each cut between two plain bytes
    /// (the second not a UTF-8 continuation byte); a stretch with no such place stays whole.
    static func cut(_ bytes: [UInt8], _ range: Range<Int>) -> [ArraySlice<UInt8>] {
        var pieces: [ArraySlice<UInt8>] = []
        var start = range.lowerBound
        while range.upperBound - start > pieceBytes {
            var end = start + pieceBytes
            while end < range.upperBound && !(plain(bytes[end - 1]) && plain(bytes[end]) && bytes[end] & 0xC0 != 0x80) { end += 1 }
            guard end < range.upperBound else { break }
            pieces.append(bytes[start ..< end])
            start = end
        }
        pieces.append(bytes[start ..< range.upperBound])
        return pieces
    }

    /// `s` with each marker replaced by its text, the markers met noted in `used`.
    func restore(_ s: String, _ used: inout [Bool]) -> String {
        guard s.utf8.contains(Self.markByte) else { return s }
        var out = ""
        var rest = Substring(s)
        while let open = rest.utf8.firstIndex(of: Self.markByte) {
            out += rest[..<open]
            let after = rest.utf8.index(after: open)
            guard let close = rest.utf8[after...].firstIndex(of: Self.markByte),
                  let k = Int(rest[after ..< close].dropFirst("tnet:".count)), k < decoded.count else {
                // Not one of ours (cannot happen: the file held no marker byte); kept as it is.
                return out + rest
            }
            out += decoded[k]
            used[k] = true
            rest = rest[rest.utf8.index(after: close)...]
        }
        return out + rest
    }

    /// `doc` with every name and value restored, or nil when the result may not be what cgraph
    /// makes of the whole text: a marker did not come back (it fell in a comment this reader
    /// did not see), an attribute is named by one (cgraph orders attributes by name), or two
    /// nodes, or two edges between the same nodes with the same `key`, got the same name (a
    /// string joined with `+`, or decoded to a short one spelt elsewhere, which cgraph would
    /// have taken as one).
    func restore(_ doc: DOTDocument) -> DOTDocument? {
        var used = [Bool](repeating: false, count: decoded.count)
        func named(_ attributes: [(name: String, value: String)]) -> [(name: String, value: String)]? {
            guard !attributes.contains(where: { $0.name.utf8.contains(Self.markByte) }) else { return nil }
            return attributes.map { ($0.name, restore($0.value, &used)) }
        }
        var d = doc
        d.name = restore(d.name, &used)
        guard let graph = named(d.graphAttributes) else { return nil }
        d.graphAttributes = graph
        for i in d.nodes.indices {
            d.nodes[i].name = restore(d.nodes[i].name, &used)
            guard let a = named(d.nodes[i].attributes) else { return nil }
            d.nodes[i].attributes = a
        }
        for i in d.edges.indices {
            d.edges[i].tail = restore(d.edges[i].tail, &used)
            d.edges[i].head = restore(d.edges[i].head, &used)
            guard let a = named(d.edges[i].attributes) else { return nil }
            d.edges[i].attributes = a
        }
        guard !used.contains(false) else { return nil }
        var names = Set<[UInt8]>()
        for n in d.nodes { guard names.insert(Array(n.name.utf8)).inserted else { return nil } }
        var keyed = Set<[[UInt8]]>()
        for e in d.edges {
            guard let key = e.attributes.first(where: { $0.name == "key" })?.value else { continue }
            guard keyed.insert([Array(e.tail.utf8), Array(e.head.utf8), Array(key.utf8)]).inserted else { return nil }
        }
        return d
    }
}
