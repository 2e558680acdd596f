/// Writes JSON text, pretty-printed with two-space indentation or compact, escaping every
/// string so that any text (quotes, control characters, U+2028/2029) round-trips.
///
/// Values are written in call order: open a container, write keys and values into it, close
/// it. The writer does not check that the calls make well-formed JSON (a key outside an
/// object, a container left open).
public struct JSONWriter: Sendable {
    /// The UTF-8 text written so far.
    public private(set) var bytes: [UInt8] = []
    /// Whether containers are broken over indented lines (else everything is on one line,
    /// without spaces).
    public let pretty: Bool
    private struct Level { var isObject: Bool; var count: Int; var inline: Bool }
    private var levels: [Level] = []
    private var afterKey = false

    /// An empty writer.
    /// - Parameter pretty: Two-space indentation and a line per member or item (default), or
    ///   compact text.
    public init(pretty: Bool = true) { self.pretty = pretty }

    /// A writer whose next call writes a value that stands `depth` containers deep, after its
    /// key (a record's attributes, written by ``NativeJSONWriter`` apart from the record): its
    /// lines are indented as they are in the whole document.
    /// - Parameters:
    ///   - pretty: as ``init(pretty:)``.
    ///   - depth: the containers open around the value (the document's object, an array, a record).
    init(pretty: Bool, valueAtDepth depth: Int) {
        self.pretty = pretty
        levels = Array(repeating: Level(isObject: true, count: 1, inline: false), count: depth)
        afterKey = true
    }

    /// The text written so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private var inline: Bool { !pretty || (levels.last?.inline ?? false) }

    private mutating func newline(depth: Int) {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    /// Comma and indentation before a value or key.
    private mutating func prefix() {
        if afterKey { afterKey = false; return }
        guard !levels.isEmpty else { return }
        if levels[levels.count - 1].count > 0 { bytes.append(UInt8(ascii: ",")); if inline && pretty { bytes.append(0x20) } }
        levels[levels.count - 1].count += 1
        if !inline { newline(depth: levels.count) }
    }

    /// Opens an object, as a value (after a ``key(_:)``, in an array, or at the top).
    public mutating func beginObject() { prefix(); bytes.append(UInt8(ascii: "{")); levels.append(Level(isObject: true, count: 0, inline: false)) }
    /// Opens an array, as a value.
    /// - Parameter inline: Keep the array's items on one line even when pretty-printing
    ///   (short lists such as a link's sources).
    public mutating func beginArray(inline: Bool = false) {
        prefix(); bytes.append(UInt8(ascii: "[")); levels.append(Level(isObject: false, count: 0, inline: inline || self.inline))
    }

    /// Closes the innermost open object.
    public mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Closes the innermost open array.
    public mutating func endArray() { close(UInt8(ascii: "]")) }

    private mutating func close(_ c: UInt8) {
        let level = levels.removeLast()
        if level.count > 0 && !(level.inline || !pretty) { newline(depth: levels.count) }
        bytes.append(c)
    }

    /// Writes a member name; the next call writes its value.
    /// - Parameter k: The name, escaped as a string is.
    public mutating func key(_ k: String) {
        prefix()
        appendString(k)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    /// Writes a string value, escaping quotes, backslashes, control characters and U+2028/2029.
    /// - Parameter s: Any text.
    public mutating func string(_ s: String) { prefix(); appendString(s) }
    /// Writes an integer value in decimal.
    /// - Parameter i: The integer.
    public mutating func int(_ i: Int) { prefix(); bytes.append(contentsOf: String(i).utf8) }
    /// Writes `true` or `false`.
    /// - Parameter v: The boolean.
    public mutating func bool(_ v: Bool) { prefix(); bytes.append(contentsOf: (v ? "true" : "false").utf8) }
    /// Writes `null`.
    public mutating func null() { prefix(); bytes.append(contentsOf: "null".utf8) }
    /// A finite number in the shortest form that reads back exactly; non-finite becomes `null`
    /// (JSON has no NaN or infinity).
    /// - Parameter d: The number; integral values keep a fraction (`3.0`).
    public mutating func double(_ d: Double) {
        prefix()
        bytes.append(contentsOf: (d.isFinite ? JSONWriter.format(d) : "null").utf8)
    }

    /// Shortest round-trip text of a finite double (`1.0`, `0.25`, `1e-05`).
    /// - Parameter d: A finite number (a non-finite one gives `inf` or `nan`, which is not JSON).
    /// - Returns: The text, with a sign for negative zero (`-0.0`).
    public static func format(_ d: Double) -> String { d == 0 ? (d.sign == .minus ? "-0.0" : "0.0") : "\(d)" }

    /// Ends a line of JSON Lines (a line feed after a complete top-level value): with a compact
    /// writer, one value per line.
    public mutating func lineFeed() { bytes.append(0x0A) }

    /// Forgets the bytes written so far, keeping their storage: a writer that streams hands
    /// them on, then clears.
    mutating func clear() { bytes.removeAll(keepingCapacity: true) }

    /// Writes a raw number text as read (keeps integers of any size exact).
    /// - Parameter text: A valid JSON number, written unchecked.
    public mutating func numberText(_ text: String) { prefix(); bytes.append(contentsOf: text.utf8) }

    /// Reserves room for `n` more bytes (a writer of a large document whose size is known
    /// roughly grows its buffer once).
    /// - Parameter n: The bytes expected.
    public mutating func reserveCapacity(_ n: Int) { bytes.reserveCapacity(bytes.count + n) }

    /// Writes a string value already escaped by ``escaped(_:)`` (a value written many times,
    /// such as an entity id in every link that names it, is escaped once).
    /// - Parameter quoted: The bytes ``escaped(_:)`` returned, quotes included.
    mutating func escapedString(_ quoted: [UInt8]) { prefix(); bytes.append(contentsOf: quoted) }

    /// Writes a member name already escaped by ``escaped(_:)``.
    /// - Parameter quoted: The bytes ``escaped(_:)`` returned for the name.
    mutating func escapedKey(_ quoted: [UInt8]) {
        prefix()
        bytes.append(contentsOf: quoted)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(0x20) }
        afterKey = true
    }

    /// `s` as a JSON string, quotes and escapes included, for ``escapedString(_:)``.
    /// - Parameter s: Any text.
    /// - Returns: The UTF-8 bytes.
    static func escaped(_ s: String) -> [UInt8] {
        var w = JSONWriter(pretty: false)
        w.appendString(s)
        return w.bytes
    }

    /// Appends `"…"` with JSON escapes. U+2028 and U+2029 are legal JSON but end a JavaScript
    /// string literal, so they are escaped too.
    private mutating func appendString(_ s: String) {
        bytes.append(0x22)
        // Most strings (keys, ids, kinds) need no escape: their bytes as they are, without a copy.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xE2 }) {
            bytes.append(contentsOf: s.utf8)
            bytes.append(0x22)
            return
        }
        var utf8 = Array(s.utf8)[...]
        while let unit = utf8.popFirst() {
            switch unit {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0x00 ..< 0x20, 0x7F:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(JSONWriter.hex[Int(unit >> 4)]); bytes.append(JSONWriter.hex[Int(unit & 0xF)])
            case 0xE2 where utf8.count >= 2 && utf8[utf8.startIndex] == 0x80
                && (utf8[utf8.startIndex + 1] == 0xA8 || utf8[utf8.startIndex + 1] == 0xA9):
                bytes.append(contentsOf: Array((utf8[utf8.startIndex + 1] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                utf8.removeFirst(2)
            default: bytes.append(unit)
            }
        }
        bytes.append(0x22)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)
}
