/// A strict RFC 8259 JSON parser over UTF-8 bytes that records where every value starts.
///
/// It is iterative (an explicit stack of open containers), so parsing never recurses. Nesting
/// is still capped at ``maximumDepth``: releasing a very deep tree of Swift values recurses,
/// and no dataset nests anywhere near that deep. Input is valid UTF-8 (``InputFile/checkText()``)
/// wherever a result is kept; on other bytes it never faults (strings are decoded with
/// replacement characters, every read is bounded), which the chunked reader relies on: it may
/// parse a chunk's start before another thread has checked those bytes, and throws that
/// result away when any byte is not text.
struct JSONParser {
    static let maximumDepth = 512

    struct Failure: Error {
        let message: String
        let offset: Int
    }

    private let b: UnsafeBufferPointer<UInt8>
    /// Where the next value, key or punctuation is read.
    private(set) var pos: Int
    /// Whether nesting is counted as a dataset's stream reader counts it (``checkRest(inside:)``).
    private var recordDepth = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, start: Int = 0) {
        b = bytes
        pos = start
    }

    /// An open container. Its items or members live in separate stacks (``Open``), so that
    /// appending to them mutates a uniquely referenced array in place: binding an array out of
    /// an enum payload and appending copies it, which made parsing quadratic in a container's
    /// length.
    private struct Frame {
        enum Kind { case array, object }
        var kind: Kind
        var start: Int
        /// For an object: the key of the member being parsed.
        var key: String
        var keyOffset: Int
    }

    private struct Open {
        var frames: [Frame] = []
        var items: [[JSONNode]] = []
        var members: [[JSONMember]] = []
    }

    /// Parses one JSON text: a value with nothing but white space after it.
    mutating func parseDocument() throws(Failure) -> JSONNode { try parse(document: true) }

    /// A container the document is inside where ``checkRest(inside:)`` starts: an array, or an
    /// object whose member of that key is being read.
    enum Container {
        case array
        case member(String)
    }

    /// Reads the rest of a dataset from the current position, a value inside `open` (outermost
    /// first), as a record reader reads it, keeping no value: the first syntax error after this
    /// place, worded with the containers still open (a file cut after a record's comma: "an array
    /// is not closed"). Nesting is counted as the stream reader counts it: from each top-level
    /// member's value and each record, as ``parseValue()`` counts a value read alone. How a reader that knows the parse's state at a record words an error
    /// there without parsing the file again from its start.
    /// - Throws: the first syntax error from here to the end.
    mutating func checkRest(inside open: [Container]) throws(Failure) {
        recordDepth = true
        defer { recordDepth = false }
        var state = Open()
        for c in open {
            switch c {
            case .array:
                state.frames.append(Frame(kind: .array, start: pos, key: "", keyOffset: pos))
                state.items.append([])
            case .member(let key):
                state.frames.append(Frame(kind: .object, start: pos, key: key, keyOffset: pos))
                state.members.append([])
            }
        }
        _ = try parse(document: true, open: state, keep: false)
    }

    /// The error `failure` that ``parseValue()`` met in a value starting at `start` inside
    /// `open`, worded as ``checkRest(inside:)`` words it: the same byte, and the containers
    /// still open named (``parseValue()`` alone sees none outside the value, and said "no value"
    /// for a file cut after a record's comma). A stream reader's errors are then the chunked
    /// reader's, whatever the file's size.
    func worded(_ failure: Failure, valueAt start: Int, inside open: [Container]) -> Failure {
        firstError(valueAt: start, inside: open) ?? failure
    }

    /// The first syntax error of the document from a value starting at `start` inside `open`
    /// (``checkRest(inside:)``), or nil when there is none.
    func firstError(valueAt start: Int, inside open: [Container]) -> Failure? {
        var again = JSONParser(b, start: start)
        do { try again.checkRest(inside: open) } catch { return error }
        return nil
    }

    /// Parses the value at the current position and stops after it: one element of an array
    /// read in a stream (the whole document is then never a tree).
    mutating func parseValue() throws(Failure) -> JSONNode { try parse(document: false) }

    /// Skips white space and, when the next byte is `c`, consumes it.
    /// - Returns: whether `c` was there.
    mutating func consume(_ c: UInt8) -> Bool {
        skipSpace()
        guard pos < b.count && b[pos] == c else { return false }
        pos += 1
        return true
    }

    /// Skips white space and reads a string (an object key).
    /// - Returns: the string and where it starts, or nil when the next value is not a string.
    mutating func string() throws(Failure) -> (String, Int)? {
        skipSpace()
        guard pos < b.count && b[pos] == UInt8(ascii: "\"") else { return nil }
        let start = pos
        return (try parseString([]), start)
    }

    /// Whether only white space is left.
    mutating func atEnd() -> Bool {
        skipSpace()
        return pos >= b.count
    }

    /// The error of a byte after the document's value (at the current position), as
    /// ``parseDocument()`` words it.
    func trailingContent() -> Failure {
        Failure(message: "unexpected \(describeByte(at: pos)) after the end of the JSON value", offset: pos)
    }

    private mutating func parse(document: Bool, open initial: Open = Open(), keep: Bool = true) throws(Failure) -> JSONNode {
        var open = initial
        while true {
            skipSpace()
            guard pos < b.count else { throw endFailure(open.frames) }
            let start = pos
            var value: JSONNode
            switch b[pos] {
            case UInt8(ascii: "{"):
                pos += 1
                skipSpace()
                if pos < b.count && b[pos] == UInt8(ascii: "}") {
                    pos += 1
                    value = JSONNode(value: .object([]), offset: start)
                } else {
                    try checkDepth(open.frames, start)
                    let (key, keyOffset) = try parseKey(open.frames)
                    open.frames.append(Frame(kind: .object, start: start, key: key, keyOffset: keyOffset))
                    open.members.append([])
                    continue
                }
            case UInt8(ascii: "["):
                pos += 1
                skipSpace()
                if pos < b.count && b[pos] == UInt8(ascii: "]") {
                    pos += 1
                    value = JSONNode(value: .array([]), offset: start)
                } else {
                    try checkDepth(open.frames, start)
                    open.frames.append(Frame(kind: .array, start: start, key: "", keyOffset: 0))
                    open.items.append([])
                    continue
                }
            case UInt8(ascii: "\""):
                value = JSONNode(value: .string(try parseString(open.frames)), offset: start)
            case UInt8(ascii: "t"):
                try literal("true", open.frames); value = JSONNode(value: .bool(true), offset: start)
            case UInt8(ascii: "f"):
                try literal("false", open.frames); value = JSONNode(value: .bool(false), offset: start)
            case UInt8(ascii: "n"):
                try literal("null", open.frames); value = JSONNode(value: .null, offset: start)
            case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"):
                value = JSONNode(value: .number(try parseNumber()), offset: start)
            case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","):
                throw Failure(message: "expected a value, found '\(Character(UnicodeScalar(b[pos])))'" +
                              (b[pos] == UInt8(ascii: ",") ? "" : " (trailing comma?)"), offset: pos)
            default:
                throw Failure(message: "expected a value, found \(describeByte(at: pos))", offset: pos)
            }
            // Attach the finished value to its parents, closing containers as they end.
            attach: while true {
                guard let top = open.frames.last else {
                    guard document else { return value }
                    skipSpace()
                    if pos < b.count { throw trailingContent() }
                    return value
                }
                skipSpace()
                switch top.kind {
                case .array:
                    if keep { open.items[open.items.count - 1].append(value) }
                    guard pos < b.count else { throw endFailure(open.frames) }
                    if b[pos] == UInt8(ascii: ",") {
                        pos += 1
                        break attach
                    } else if b[pos] == UInt8(ascii: "]") {
                        pos += 1
                        open.frames.removeLast()
                        value = JSONNode(value: .array(open.items.removeLast()), offset: top.start)
                    } else {
                        throw Failure(message: "expected ',' or ']' in array, found \(describeByte(at: pos))", offset: pos)
                    }
                case .object:
                    if keep { open.members[open.members.count - 1].append(JSONMember(key: top.key, keyOffset: top.keyOffset, value: value)) }
                    guard pos < b.count else { throw endFailure(open.frames) }
                    if b[pos] == UInt8(ascii: ",") {
                        pos += 1
                        skipSpace()
                        let (nextKey, nextOffset) = try parseKey(open.frames)
                        open.frames[open.frames.count - 1].key = nextKey
                        open.frames[open.frames.count - 1].keyOffset = nextOffset
                        break attach
                    } else if b[pos] == UInt8(ascii: "}") {
                        pos += 1
                        open.frames.removeLast()
                        value = JSONNode(value: .object(open.members.removeLast()), offset: top.start)
                    } else {
                        throw Failure(message: "expected ',' or '}' after object member \(quotedKey(top.key)), found \(describeByte(at: pos))",
                                      offset: pos)
                    }
                }
            }
        }
    }

    private func checkDepth(_ stack: [Frame], _ at: Int) throws(Failure) {
        var depth = stack.count
        if recordDepth {
            // As the stream reader counts it: from each top-level member's value, and from each
            // record of the `sources`, `entities` and `links` arrays.
            depth -= 1
            if stack.count >= 2, stack[1].kind == .array, ["sources", "entities", "links"].contains(stack[0].key) { depth -= 1 }
        }
        if depth >= Self.maximumDepth {
            throw Failure(message: "arrays and objects nested more than \(Self.maximumDepth) deep", offset: at)
        }
    }

    private func quotedKey(_ k: String) -> String { "\"" + k.prefix(40) + (k.count > 40 ? "…" : "") + "\"" }

    private func endFailure(_ stack: [Frame]) -> Failure {
        let open: String
        switch stack.last?.kind {
        case .array?: open = "an array is not closed"
        case .object?: open = "an object is not closed"
        case nil: open = "no value"
        }
        return Failure(message: "unexpected end of input: \(open) (truncated file?)", offset: b.count)
    }

    private func describeByte(at i: Int) -> String {
        let c = b[i]
        if c >= 0x21 && c < 0x7F { return "'\(Character(UnicodeScalar(c)))'" }
        if c < 0x80 { return "byte 0x\(String(c, radix: 16, uppercase: true))" }
        return "a non-ASCII character"
    }

    @inline(__always)
    mutating func skipSpace() {
        while pos < b.count {
            let c = b[pos]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { pos += 1 } else { return }
        }
    }

    private mutating func parseKey(_ stack: [Frame]) throws(Failure) -> (String, Int) {
        guard pos < b.count else { throw endFailure(stack) }
        guard b[pos] == UInt8(ascii: "\"") else {
            throw Failure(message: "expected a quoted member name, found \(describeByte(at: pos))" +
                          (b[pos] == UInt8(ascii: "}") ? " (trailing comma?)" : ""), offset: pos)
        }
        let offset = pos
        let key = try parseString(stack)
        skipSpace()
        guard pos < b.count else { throw endFailure(stack) }
        guard b[pos] == UInt8(ascii: ":") else {
            throw Failure(message: "expected ':' after member name \(quotedKey(key)), found \(describeByte(at: pos))", offset: pos)
        }
        pos += 1
        return (key, offset)
    }

    private mutating func literal(_ word: StaticString, _ stack: [Frame]) throws(Failure) {
        let start = pos
        let n = word.utf8CodeUnitCount
        for k in 0 ..< n {
            guard pos + k < b.count else { throw endFailure(stack) }
            guard b[pos + k] == word.utf8Start[k] else {
                throw Failure(message: "invalid literal (expected '\(word)')", offset: start)
            }
        }
        pos += n
    }

    private mutating func parseNumber() throws(Failure) -> String {
        let start = pos
        func digits() -> Int {
            let s = pos
            while pos < b.count && b[pos] >= 0x30 && b[pos] <= 0x39 { pos += 1 }
            return pos - s
        }
        if b[pos] == UInt8(ascii: "-") { pos += 1 }
        let intStart = pos
        let intDigits = digits()
        guard intDigits > 0 else { throw Failure(message: "invalid number: a digit must follow '-'", offset: start) }
        if intDigits > 1 && b[intStart] == UInt8(ascii: "0") {
            throw Failure(message: "invalid number: leading zero", offset: start)
        }
        if pos < b.count && b[pos] == UInt8(ascii: ".") {
            pos += 1
            guard digits() > 0 else { throw Failure(message: "invalid number: a digit must follow '.'", offset: start) }
        }
        if pos < b.count && (b[pos] == UInt8(ascii: "e") || b[pos] == UInt8(ascii: "E")) {
            pos += 1
            if pos < b.count && (b[pos] == UInt8(ascii: "+") || b[pos] == UInt8(ascii: "-")) { pos += 1 }
            guard digits() > 0 else { throw Failure(message: "invalid number: a digit must follow the exponent", offset: start) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: b[start ..< pos]), as: UTF8.self)
        // Never a silent change of value: a number a Double cannot hold (beyond ±1.8e308, or so
        // small it becomes 0), or an integer beyond 64 bits, which would lose its last digits.
        let isInteger = !text.contains { $0 == "." || $0 == "e" || $0 == "E" }
        if isInteger {
            if Int(text) == nil {
                throw Failure(message: "integer \(text) is beyond 64 bits and cannot be held exactly; write it as a string", offset: start)
            }
        } else {
            let value = Double(text) ?? .nan
            let mantissa = text.prefix { $0 != "e" && $0 != "E" }
            if !value.isFinite {
                throw Failure(message: "number \(text) is beyond the range of a double (±1.8e308)", offset: start)
            }
            if value == 0 && mantissa.contains(where: { $0 >= "1" && $0 <= "9" }) {
                throw Failure(message: "number \(text) is too small for a double and would become 0", offset: start)
            }
        }
        return text
    }

    private mutating func parseString(_ stack: [Frame]) throws(Failure) -> String {
        let open = pos
        pos += 1
        let start = pos
        // Fast path: no escapes.
        while pos < b.count {
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: b[start ..< pos]), as: UTF8.self)
                pos += 1
                return s
            }
            if c == UInt8(ascii: "\\") { break }
            if c < 0x20 { throw controlFailure(c, open) }
            pos += 1
        }
        var out = [UInt8](UnsafeBufferPointer(rebasing: b[start ..< pos]))
        while pos < b.count {
            let c = b[pos]
            if c == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: out, as: UTF8.self)
            }
            if c < 0x20 { throw controlFailure(c, open) }
            if c != UInt8(ascii: "\\") { out.append(c); pos += 1; continue }
            let escape = pos
            pos += 1
            guard pos < b.count else { break }
            if let message = Self.unescape(b, at: &pos, into: &out) { throw Failure(message: message, offset: escape) }
        }
        throw Failure(message: "unexpected end of input inside a string that starts here (truncated file?)", offset: open)
    }

    private func controlFailure(_ c: UInt8, _ open: Int) -> Failure {
        let what = c == 0x0A ? "a line break" : "control character 0x\(String(c, radix: 16, uppercase: true))"
        return Failure(message: "\(what) inside a string (unterminated string, or escape it)", offset: pos)
    }

    /// Decodes the escape whose letter is at `pos` (just after its backslash, `pos` within
    /// `b`) onto `out`, and moves `pos` past it; a surrogate pair is one escape. Shared with the
    /// FtM line decoder, which reads strings without a tree.
    /// - Returns: nil, or why the escape is not JSON (the caller says where).
    static func unescape(_ b: UnsafeBufferPointer<UInt8>, at pos: inout Int, into out: inout [UInt8]) -> String? {
        let letter = b[pos]
        pos += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(letter)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            let hexMessage = "invalid \\u escape: four hex digits expected"
            guard var scalar = hex4(b, at: pos) else { return hexMessage }
            pos += 4
            if (0xD800 ... 0xDBFF).contains(scalar) {
                guard pos + 1 < b.count, b[pos] == UInt8(ascii: "\\"), b[pos + 1] == UInt8(ascii: "u") else {
                    return "invalid \\u escape: lone high surrogate"
                }
                guard let low = hex4(b, at: pos + 2) else { return hexMessage }
                guard (0xDC00 ... 0xDFFF).contains(low) else { return "invalid \\u escape: high surrogate not followed by a low one" }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                pos += 6
            } else if (0xDC00 ... 0xDFFF).contains(scalar) {
                return "invalid \\u escape: lone low surrogate"
            }
            out.append(contentsOf: UTF8.encode(Unicode.Scalar(scalar)!)!)
        default:
            return "invalid escape '\\\(Character(UnicodeScalar(letter)))' in string"
        }
        return nil
    }

    /// The four hex digits at `i`, or nil.
    private static func hex4(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt32? {
        guard i + 4 <= b.count else { return nil }
        var v: UInt32 = 0
        for k in 0 ..< 4 {
            let c = b[i + k]
            let d: UInt32
            switch c {
            case 0x30 ... 0x39: d = UInt32(c - 0x30)
            case 0x41 ... 0x46: d = UInt32(c - 0x41 + 10)
            case 0x61 ... 0x66: d = UInt32(c - 0x61 + 10)
            default: return nil
            }
            v = v * 16 + d
        }
        return v
    }
}
