import TNetModel

extension FtMReader {
    /// FtM lines of the shape every exporter writes, read straight from their bytes into the
    /// fields of a ``Line``, with no JSON tree.
    ///
    /// A line is one object of `id`, `schema`, `caption` (a string), `properties` (an object of
    /// lists of strings), `datasets` and `referents` (lists of strings), `first_seen`,
    /// `last_seen`, `last_change` (strings) and `target` (a boolean), each key once and written
    /// without escapes, escapes in values decoded (`\u00e9`, as Python's json writes), nothing
    /// but whitespace after it. Anything else (another key or type, a key written with an escape,
    /// a control character, an escape the parser refuses, a syntax error)
    /// is not decoded here: the caller reads the line through ``JSONParser`` and
    /// ``FtMReader/parse(_:_:_:)``, which words every error and warning. What is decoded here is
    /// what that path makes of the same line (a test compares the two on every line of generated
    /// and hand-written files). A 1M-entity file spent about half its read in the JSON trees.
    enum LineDecoder {
        /// A line's fields, before its id and schema are checked.
        struct Fields {
            var id: String?
            var schema: String?
            var properties: [(name: String, values: [String])] = []
            var top: [(key: String, value: AttributeValue)] = []
        }

        /// The fields of the line in `b`, and the offset of its object's first byte; nil when
        /// the line is not of the common shape.
        /// - Parameter skipProperties: whether, for the schema already read, the properties are
        ///   only checked, not kept (the first pass over a relation's line, read again later):
        ///   a line is of the common shape or not whatever this says.
        static func decode(_ b: UnsafeBufferPointer<UInt8>, skipProperties: (String) -> Bool = { _ in false }) -> (fields: Fields, offset: Int)? {
            var r = Cursor(b: b)
            r.skipSpace()
            let offset = r.pos
            guard r.take(UInt8(ascii: "{")) else { return nil }
            var f = Fields()
            var seen: UInt16 = 0
            r.skipSpace()
            if !r.take(UInt8(ascii: "}")) {
                while true {
                    guard let k = r.topKey() else { return nil }
                    let bit = UInt16(1) << UInt16(k)
                    guard seen & bit == 0 else { return nil }
                    seen |= bit
                    let key = topKeys[k]
                    r.skipSpace()
                    guard r.take(UInt8(ascii: ":")) else { return nil }
                    r.skipSpace()
                    switch key {
                    case "id": guard let s = r.string() else { return nil }; f.id = s
                    case "schema": guard let s = r.string() else { return nil }; f.schema = s
                    case "caption": guard r.string() != nil else { return nil }
                    case "properties":
                        if let schema = f.schema, skipProperties(schema) {
                            guard r.skipProperties() else { return nil }
                        } else {
                            guard r.properties(into: &f.properties) else { return nil }
                        }
                    case "datasets", "referents":
                        guard let items = r.strings() else { return nil }
                        f.top.append((key, .list(items.map { .string($0) })))
                    case "target":
                        if r.literal("true") { f.top.append((key, .bool(true))) } else if r.literal("false") {
                            f.top.append((key, .bool(false)))
                        } else { return nil }
                    default: // first_seen, last_seen, last_change
                        guard let s = r.string() else { return nil }
                        f.top.append((key, .string(s)))
                    }
                    r.skipSpace()
                    if r.take(UInt8(ascii: "}")) { break }
                    guard r.take(UInt8(ascii: ",")) else { return nil }
                    r.skipSpace()
                }
            }
            r.skipSpace()
            return r.pos == b.count ? (f, offset) : nil
        }

        /// The top-level keys decoded (a key given twice is not decoded).
        static let topKeys = ["id", "schema", "caption", "properties", "datasets", "referents", "first_seen", "last_seen", "last_change", "target"]
        /// Their bytes, to find a key by without making a `String` of it.
        static let topKeyBytes: [[UInt8]] = topKeys.map { Array($0.utf8) }

        /// Reads a line's bytes; every read returns nil or false at anything not decoded.
        struct Cursor {
            let b: UnsafeBufferPointer<UInt8>
            var pos = 0

            mutating func skipSpace() {
                while pos < b.count, b[pos] == 0x20 || b[pos] == 0x09 || b[pos] == 0x0D || b[pos] == 0x0A { pos += 1 }
            }

            mutating func take(_ c: UInt8) -> Bool {
                guard pos < b.count, b[pos] == c else { return false }
                pos += 1
                return true
            }

            mutating func literal(_ word: StaticString) -> Bool {
                let n = word.utf8CodeUnitCount
                guard pos + n <= b.count else { return false }
                for i in 0 ..< n where b[pos + i] != word.utf8Start[i] { return false }
                pos += n
                return true
            }

            /// A top-level key, by its place in ``topKeys``: nil for another key or one written
            /// with an escape (the parser reads it).
            mutating func topKey() -> Int? {
                guard take(UInt8(ascii: "\"")) else { return nil }
                let start = pos
                while pos < b.count, b[pos] != UInt8(ascii: "\"") {
                    if b[pos] == UInt8(ascii: "\\") || b[pos] < 0x20 { return nil }
                    pos += 1
                }
                guard pos < b.count else { return nil }
                let key = UnsafeBufferPointer(rebasing: b[start ..< pos])
                pos += 1
                return LineDecoder.topKeyBytes.firstIndex { $0.count == key.count && $0.elementsEqual(key) }
            }

            /// A string with no control character; its escapes decoded as ``JSONParser`` decodes
            /// them (nil at one it refuses: the parser words the error).
            mutating func string() -> String? {
                guard take(UInt8(ascii: "\"")) else { return nil }
                let start = pos
                while pos < b.count {
                    let c = b[pos]
                    if c == UInt8(ascii: "\"") {
                        pos += 1
                        return String(decoding: UnsafeBufferPointer(rebasing: b[start ..< pos - 1]), as: UTF8.self)
                    }
                    if c == UInt8(ascii: "\\") { return escaped(from: start) }
                    if c < 0x20 { return nil }
                    pos += 1
                }
                return nil
            }

            /// The rest of a string from its first escape (`pos`), `start` its first byte.
            mutating func escaped(from start: Int) -> String? {
                var out = [UInt8](UnsafeBufferPointer(rebasing: b[start ..< pos]))
                while pos < b.count {
                    let c = b[pos]
                    if c == UInt8(ascii: "\"") {
                        pos += 1
                        return String(decoding: out, as: UTF8.self)
                    }
                    if c < 0x20 { return nil }
                    pos += 1
                    guard c == UInt8(ascii: "\\") else { out.append(c); continue }
                    guard pos < b.count, JSONParser.unescape(b, at: &pos, into: &out) == nil else { return nil }
                }
                return nil
            }

            /// A list of strings.
            mutating func strings() -> [String]? {
                guard take(UInt8(ascii: "[")) else { return nil }
                var out: [String] = []
                skipSpace()
                if take(UInt8(ascii: "]")) { return out }
                while true {
                    guard let s = string() else { return nil }
                    out.append(s)
                    skipSpace()
                    if take(UInt8(ascii: "]")) { return out }
                    guard take(UInt8(ascii: ",")) else { return nil }
                    skipSpace()
                }
            }

            /// A string, checked as ``string()`` checks it and not made (plain bytes are only
            /// scanned; one with an escape is decoded, and the escape checked).
            mutating func skipString() -> Bool {
                guard take(UInt8(ascii: "\"")) else { return false }
                let start = pos
                while pos < b.count {
                    let c = b[pos]
                    if c == UInt8(ascii: "\"") { pos += 1; return true }
                    if c == UInt8(ascii: "\\") { return escaped(from: start) != nil }
                    if c < 0x20 { return false }
                    pos += 1
                }
                return false
            }

            /// The properties object, checked as ``properties(into:)`` checks it, nothing kept.
            mutating func skipProperties() -> Bool {
                guard take(UInt8(ascii: "{")) else { return false }
                skipSpace()
                if take(UInt8(ascii: "}")) { return true }
                while true {
                    guard skipString() else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: "[")) else { return false }
                    skipSpace()
                    if !take(UInt8(ascii: "]")) {
                        while true {
                            guard skipString() else { return false }
                            skipSpace()
                            if take(UInt8(ascii: "]")) { break }
                            guard take(UInt8(ascii: ",")) else { return false }
                            skipSpace()
                        }
                    }
                    skipSpace()
                    if take(UInt8(ascii: "}")) { return true }
                    guard take(UInt8(ascii: ",")) else { return false }
                    skipSpace()
                }
            }

            /// The properties object; a property given twice has its values joined, as
            /// ``FtMReader/parse(_:_:_:)`` joins them.
            mutating func properties(into props: inout [(name: String, values: [String])]) -> Bool {
                guard take(UInt8(ascii: "{")) else { return false }
                skipSpace()
                var list = PropertyList()
                defer { props = list.items }
                if take(UInt8(ascii: "}")) { return true }
                while true {
                    guard let name = string() else { return false }
                    skipSpace()
                    guard take(UInt8(ascii: ":")) else { return false }
                    skipSpace()
                    guard let values = strings() else { return false }
                    list.add(name, values)
                    skipSpace()
                    if take(UInt8(ascii: "}")) { return true }
                    guard take(UInt8(ascii: ",")) else { return false }
                    skipSpace()
                }
            }
        }
    }
}
