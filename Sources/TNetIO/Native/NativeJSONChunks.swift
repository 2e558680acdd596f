import Foundation
import Synchronization
import TNetGraph
import TNetModel

extension NativeJSONReader {
    /// A large native dataset read in chunks on every core.
    ///
    /// The `sources`, `entities` and `links` arrays (from the first of them to the end of the
    /// file) are cut into chunks of about ``chunkBytes``. Each chunk but the first starts at a
    /// guess: the first `{` after a `}` and a comma past its cut, read as a record of the array
    /// its keys suggest. Chunks are read at the same time, each counting lines from its own
    /// start, and each stops at the next chunk's start. They are then checked in file order:
    /// a chunk is kept only when the chunk before it, read from a known place, stopped exactly at
    /// its start in the same array. A wrong guess (a `},{` inside a string, inside an attribute,
    /// a record of another array) is read again from where the chunk before it stopped, so the
    /// result never depends on the guesses: it is the stream reader's, record for record, issue
    /// for issue, position for position.
    ///
    /// Within a chunk, a record made of the usual fields with plain string values is decoded
    /// straight from its bytes; any other record (attributes, an unknown field, an escape, a
    /// value of another type, a key given twice, a missing id) goes through the same parser and
    /// decoder as the stream reader. Link ends are kept as bytes and resolved once every entity
    /// is numbered, against a table of ids compared byte for byte when all ids are ASCII (where
    /// that is what `String` equality means) and through `String` lookups otherwise.
    ///
    /// Anything the chunks cannot take (a syntax error, a key given twice at the top) returns
    /// nil, and the caller reads the file with the stream reader, which words the error.
    enum Chunks {
        /// Files smaller than this are read by the stream reader alone.
        static let minimumBytes = 16 << 20
        /// About how much of the file one chunk reads.
        static let chunkBytes = 8 << 20

        /// The array a record belongs to.
        /// The array a record belongs to, named by its top-level key.
        enum Mode: String, Equatable, Sendable {
            case sources, entities, links
        }

        /// Reads `buf` from `start`, on `threads` threads, in chunks of about `chunkBytes`,
        /// each chunk checked to be UTF-8 text before it is read: a mapped file's pages are
        /// touched once, not once to check and again to read.
        /// - Returns: the dataset and its issues, as the stream reader gives them, or nil when
        ///   the stream reader must read the file (and ``InputFile/checkText()`` word a byte
        ///   that is not UTF-8 text).
        /// - Throws: a syntax error after a place whose parse state is known, as the
        ///   whole-document parser (and so the stream reader) words it, at the same offset.
        static func read(_ buf: UnsafeBufferPointer<UInt8>, name: String, start: Int, mapped: MappedFile?,
                         threads: Int, chunkBytes: Int = chunkBytes) throws(JSONParser.Failure) -> (dataset: Dataset, issues: [ValidationIssue])? {
            // Byte offsets within a chunk's lists are 32-bit.
            guard buf.count > start, buf.count < Int(Int32.max), let base = buf.baseAddress else { return nil }
            // The top of the document, up to the first of the three arrays, as the stream reads it.
            var top = Decoder(positions: TextPositions(file: name, bytes: buf))
            var p = JSONParser(buf, start: start)
            guard p.consume(UInt8(ascii: "{")) else { return nil }
            let root = p.pos - 1
            var members: [JSONMember] = []
            var keys: [String] = []
            var firstMode: Mode?
            while firstMode == nil {
                guard let (key, keyOffset) = try? p.string(), p.consume(UInt8(ascii: ":")) else { return nil }
                keys.append(key)
                p.skipSpace()
                if let mode = Mode(rawValue: key), p.pos < buf.count, buf[p.pos] == UInt8(ascii: "[") {
                    firstMode = mode
                    break
                }
                guard let value = try? p.parseValue() else { return nil }
                members.append(JSONMember(key: key, keyOffset: keyOffset, value: value))
                guard p.consume(UInt8(ascii: ",")) else { return nil }
            }
            let arrayStart = p.pos
            // Where the chunks start: the first at the array, the others at a guess past each cut.
            var starts = [arrayStart]
            let span = buf.count - arrayStart
            let count = max(1, min(4096, span / max(1, chunkBytes)))
            for i in 1 ..< count {
                if let s = recordStart(base, buf.count, after: arrayStart + span * i / count), s > starts.last! { starts.append(s) }
            }
            // Every byte is checked: the top here, each chunk's own bytes by its reader. Cuts
            // fall on a `{`, an ASCII byte, so the file is UTF-8 exactly when each piece is.
            guard UTF8Check.firstInvalidOffset(UnsafeBufferPointer(rebasing: buf[..<arrayStart])) == nil else { return nil }
            var parts = [Part?](repeating: nil, count: starts.count)
            let cuts = starts
            // Set by the first chunk found not to be text: the chunks not yet started skip
            // reading (a file in a legacy code page is refused without being read whole).
            let notText = Atomic<Bool>(false)
            parts.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                forEachChunk(cuts.count, threads: threads) { i, _ in
                    let expected = (i + 1 < cuts.count ? cuts[i + 1] : buf.count) - cuts[i]
                    guard !notText.load(ordering: .relaxed),
                          UTF8Check.firstInvalidOffset(UnsafeBufferPointer(rebasing: buf[cuts[i] ..< cuts[i] + expected])) == nil else {
                        notText.store(true, ordering: .relaxed)
                        var part = Part()
                        part.failed = true
                        out[i] = part
                        return
                    }
                    let mode = i == 0 ? firstMode : guessMode(buf, at: cuts[i])
                    var reader = ChunkReader(buf, name: name, origin: cuts[i], expected: expected, mode: mode)
                    if i == 0 {
                        reader.run(mode: firstMode!, opened: true, targets: cuts, next: 1)
                    } else if let mode {
                        reader.run(mode: mode, opened: false, targets: cuts, next: i + 1)
                    } else {
                        reader.part.failed = true
                    }
                    mapped?.release(cuts[i] ..< (reader.part.end > 0 ? reader.part.end : cuts[i]))
                    out[i] = reader.part
                }
            }
            guard !notText.load(ordering: .relaxed) else { return nil }
            // Keep the chunks whose starts are confirmed, reading again where a guess was wrong.
            var kept: [Part] = []
            var current = parts[0]!
            while true {
                guard !current.failed else {
                    // This chunk started where the document's parse state is known (the first
                    // array's `[`, or a record where the chunk before it, read from such a
                    // place, stopped): every byte before it was read as the whole-document parser
                    // reads it. A syntax error after it is then found and worded from here, as
                    // that parser would (a broken end of a 555 MB file took 12 s, read again
                    // whole by the stream). Anything else is left to the stream.
                    var check = JSONParser(buf, start: current.start)
                    let key = current.startMode.rawValue
                    try check.checkRest(inside: current.start == arrayStart ? [.member(key)] : [.member(key), .array])
                    return nil
                }
                kept.append(current)
                if current.finished { break }
                let end = current.end, mode = current.endMode
                guard let k = cuts.firstIndex(of: end) else { return nil }
                if let next = parts[k], !next.failed, next.startMode == mode {
                    current = next
                } else {
                    var reader = ChunkReader(buf, name: name, origin: end)
                    reader.run(mode: mode, opened: false, targets: cuts, next: k + 1)
                    mapped?.release(end ..< max(end, reader.part.end))
                    current = reader.part
                }
            }
            // Only `kept` holds the parts now: each column is let go as it is joined.
            parts = []
            current = Part()
            return assemble(&kept, top: &top, members: members, keys: keys, root: root, arrayStart: arrayStart,
                            buf: buf, threads: threads)
        }

        /// The first `{` after a `}` and a comma (white space allowed between) at or after `from`.
        static func recordStart(_ b: UnsafePointer<UInt8>, _ n: Int, after from: Int) -> Int? {
            var i = from
            while i < n {
                if b[i] == UInt8(ascii: "}") {
                    var j = skipSpace(b, n, i + 1)
                    if j < n && b[j] == UInt8(ascii: ",") {
                        j = skipSpace(b, n, j + 1)
                        if j < n && b[j] == UInt8(ascii: "{") { return j }
                    }
                }
                i += 1
            }
            return nil
        }

        /// The array a record at `offset` most likely belongs to, by its keys; nil when no
        /// object can be read there.
        static func guessMode(_ buf: UnsafeBufferPointer<UInt8>, at offset: Int) -> Mode? {
            var p = JSONParser(buf, start: offset)
            guard let node = try? p.parseValue(), case .object(let members) = node.value else { return nil }
            let keys = Set(members.map(\.key))
            if keys.contains("source") || keys.contains("target") { return .links }
            if keys.contains("kind") || keys.contains("name") || keys.contains("role") { return .entities }
            if !keys.isDisjoint(with: ["title", "publisher", "url", "date"]) { return .sources }
            return .entities
        }

        @inline(__always)
        static func skipSpace(_ b: UnsafePointer<UInt8>, _ n: Int, _ from: Int) -> Int {
            var i = from
            let raw = UnsafeRawPointer(b)
            // Indentation: eight spaces at a time.
            while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) == 0x2020_2020_2020_2020 { i += 8 }
            while i < n {
                let c = b[i]
                guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { break }
                i += 1
            }
            return i
        }

        /// What one chunk read, its positions counted from its own start.
        struct Part: @unchecked Sendable {
            var start = 0
            var startMode: Mode = .entities
            /// Where reading stopped: the next chunk's start (a record's `{`), or the file's end.
            var end = 0
            var endMode: Mode = .entities
            /// Whether the document's closing brace was read.
            var finished = false
            /// Whether something was found that only the stream reader can word.
            var failed = false
            /// The cursor (0-based line from the start, column) where reading stopped.
            var cursor = (line: 0, column: 1)

            var sources: [Source] = []
            var sourcePositions: [ReadLocations.Position] = []
            /// The entities and links read, with their ids' and ends' bytes.
            var records = RecordChunks.Records()
            /// Issues of each array, in file order.
            var sourceIssues: [ValidationIssue] = []
            var entityIssues: [ValidationIssue] = []
            var linkIssues: [ValidationIssue] = []
            /// Top-level members met after the first array (each key, arrays included).
            var keys: [String] = []
            var members: [JSONMember] = []
        }

        typealias EntityStore = RecordChunks.EntityStore
        typealias ByteList = RecordChunks.ByteList

        /// The last `sources` list read (most records cite what the one before cited).
        struct ListCache {
            var start = 0, count = -1
            var items: [String] = []
            /// For links: the list's number among the chunk's citations.
            var number: UInt32 = 0
        }

        /// Where a record's fields are, by field number (at most ten): no allocation per record.
        struct Spans {
            private var lower = (-1, -1, -1, -1, -1, -1, -1, -1, -1, -1)
            private var upper = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            subscript(i: Int) -> Range<Int>? {
                mutating get {
                    let l = withUnsafeMutableBytes(of: &lower) { $0.load(fromByteOffset: i * 8, as: Int.self) }
                    guard l >= 0 else { return nil }
                    return l ..< withUnsafeMutableBytes(of: &upper) { $0.load(fromByteOffset: i * 8, as: Int.self) }
                }
                set {
                    let r = newValue ?? -1 ..< 0
                    withUnsafeMutableBytes(of: &lower) { $0.storeBytes(of: r.lowerBound, toByteOffset: i * 8, as: Int.self) }
                    withUnsafeMutableBytes(of: &upper) { $0.storeBytes(of: r.upperBound, toByteOffset: i * 8, as: Int.self) }
                }
            }
        }

        /// The file's bytes and what reads plain values from them: small, so a reader copies it
        /// freely. (As methods of ``ChunkReader``, called while the reader was being changed, each
        /// call copied the whole reader, 952 bytes, several times per record.)
        struct Bytes {
            let buf: UnsafeBufferPointer<UInt8>
            let b: UnsafePointer<UInt8>
            let n: Int

            init(_ buf: UnsafeBufferPointer<UInt8>) {
                self.buf = buf
                b = buf.baseAddress!
                n = buf.count
            }

            /// A string with no escape and no control character at `p` (its opening quote).
            /// - Returns: its bytes' range, or nil.
            @inline(__always)
            func plainString(_ p: Int) -> Range<Int>? {
                guard p < n, b[p] == UInt8(ascii: "\"") else { return nil }
                var q = p + 1
                while q < n {
                    let c = b[q]
                    if c == UInt8(ascii: "\"") { return p + 1 ..< q }
                    if c == UInt8(ascii: "\\") || c < 0x20 { return nil }
                    q += 1
                }
                return nil
            }

            /// Up to eight bytes of a key, little-endian, for comparing with a constant.
            @inline(__always)
            func word(_ r: Range<Int>) -> UInt64 {
                let count = min(8, r.count)
                if r.lowerBound + 8 <= n {
                    let w = UnsafeRawPointer(b).loadUnaligned(fromByteOffset: r.lowerBound, as: UInt64.self)
                    return count == 8 ? w : w & ((1 << (8 * UInt64(count))) - 1)
                }
                var w: UInt64 = 0
                for k in 0 ..< count { w |= UInt64(b[r.lowerBound + k]) << (8 * UInt64(k)) }
                return w
            }

            static func constant(_ s: StaticString) -> UInt64 {
                var w: UInt64 = 0
                for k in 0 ..< min(8, s.utf8CodeUnitCount) { w |= UInt64(s.utf8Start[k]) << (8 * UInt64(k)) }
                return w
            }

            // The keys' first eight bytes as ``constant(_:)`` makes them, written out: a `static
            // let` is initialised lazily, and each read of one checked that it was (`swift_once`),
            // several times per record. A test compares each with ``constant(_:)``.
            static let id: UInt64 = 0x6469, to: UInt64 = 0x6F74, kind: UInt64 = 0x646E_696B, name: UInt64 = 0x656D_616E,
                       role: UInt64 = 0x656C_6F72, from: UInt64 = 0x6D6F_7266, country: UInt64 = 0x79_7274_6E75_6F63,
                       sources: UInt64 = 0x73_6563_7275_6F73, confidence: UInt64 = 0x6E65_6469_666E_6F63,
                       source: UInt64 = 0x6563_7275_6F73, target: UInt64 = 0x7465_6772_6174, weight: UInt64 = 0x7468_6769_6577,
                       directed: UInt64 = 0x6465_7463_6572_6964, agreement: UInt64 = 0x6E65_6D65_6572_6761

            /// Which of an entity's fields a key names (0 id, 1 kind, 2 name, 3 role, 4 country,
            /// 5 confidence, 6 sources, 7 from, 8 to), or -1.
            @inline(__always)
            func entityField(_ r: Range<Int>) -> Int {
                let w = word(r)
                switch r.count {
                case 2: return w == Self.id ? 0 : w == Self.to ? 8 : -1
                case 4: return w == Self.kind ? 1 : w == Self.name ? 2 : w == Self.role ? 3 : w == Self.from ? 7 : -1
                case 7: return w == Self.country ? 4 : w == Self.sources ? 6 : -1
                case 10: return w == Self.confidence && b[r.lowerBound + 8] == UInt8(ascii: "c") && b[r.lowerBound + 9] == UInt8(ascii: "e") ? 5 : -1
                default: return -1
                }
            }

            /// Which of a link's fields a key names (0 source, 1 target, 2 kind, 3 weight,
            /// 4 directed, 5 confidence, 6 sources, 7 from, 8 to, 9 agreement), or -1.
            @inline(__always)
            func linkField(_ r: Range<Int>) -> Int {
                let w = word(r)
                switch r.count {
                case 2: return w == Self.to ? 8 : -1
                case 4: return w == Self.kind ? 2 : w == Self.from ? 7 : -1
                case 6: return w == Self.source ? 0 : w == Self.target ? 1 : w == Self.weight ? 3 : -1
                case 7: return w == Self.sources ? 6 : -1
                case 8: return w == Self.directed ? 4 : -1
                case 9: return w == Self.agreement && b[r.lowerBound + 8] == UInt8(ascii: "t") ? 9 : -1
                case 10: return w == Self.confidence && b[r.lowerBound + 8] == UInt8(ascii: "c") && b[r.lowerBound + 9] == UInt8(ascii: "e") ? 5 : -1
                default: return -1
                }
            }

            func text(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: buf[r]), as: UTF8.self) }

            /// A `sources` value: a plain string or an array of them. - Returns: the list and the
            /// offset after it, or nil.
            func list(_ p: Int, _ cache: inout ListCache) -> (list: [String], end: Int, fresh: Bool)? {
                if let s = plainString(p) {
                    // Not cached: the cache stands for an array's bytes.
                    cache.count = -1
                    return ([text(s)], s.upperBound + 1, true)
                }
                guard p < n, b[p] == UInt8(ascii: "[") else { return nil }
                var q = p + 1
                while q < n && b[q] != UInt8(ascii: "]") && b[q] != UInt8(ascii: "\\") { q += 1 }
                guard q < n, b[q] == UInt8(ascii: "]") else { return nil }
                let count = q + 1 - p
                if count == cache.count, memcmp(b + p, b + cache.start, count) == 0 { return (cache.items, q + 1, false) }
                var items: [String] = []
                var i = Chunks.skipSpace(b, n, p + 1)
                if b[i] != UInt8(ascii: "]") {
                    while true {
                        guard let s = plainString(i) else { return nil }
                        items.append(text(s))
                        i = Chunks.skipSpace(b, n, s.upperBound + 1)
                        if b[i] == UInt8(ascii: ",") { i = Chunks.skipSpace(b, n, i + 1); continue }
                        guard b[i] == UInt8(ascii: "]") else { return nil }
                        break
                    }
                }
                cache.start = p
                cache.count = count
                cache.items = items
                return (items, q + 1, true)
            }

            /// The grade spelt by the two bytes at `c` (a letter A–F in either case, a digit 1–6):
            /// its place in a table of 36, or nil for any other text.
            @inline(__always)
            func gradeSlot(_ c: Range<Int>) -> Int? {
                guard c.count == 2 else { return nil }
                let letter = Int(b[c.lowerBound] & 0xDF) - Int(UInt8(ascii: "A")), digit = Int(b[c.lowerBound + 1]) - Int(UInt8(ascii: "1"))
                guard letter >= 0, letter < 6, digit >= 0, digit < 6 else { return nil }
                return letter * 6 + digit
            }

            /// A JSON number in its plain forms (`-12`, `0.5`), as the parser would accept it.
            func number(_ p: Int) -> Range<Int>? {
                var q = p
                if q < n && b[q] == UInt8(ascii: "-") { q += 1 }
                let digits = q
                while q < n && b[q] >= 0x30 && b[q] <= 0x39 { q += 1 }
                guard q > digits, q - digits <= 15, !(q - digits > 1 && b[digits] == UInt8(ascii: "0")) else { return nil }
                if q < n && b[q] == UInt8(ascii: ".") {
                    q += 1
                    let fraction = q
                    while q < n && b[q] >= 0x30 && b[q] <= 0x39 { q += 1 }
                    guard q > fraction, q - fraction <= 15 else { return nil }
                }
                guard q < n, b[q] != UInt8(ascii: "e"), b[q] != UInt8(ascii: "E") else { return nil }
                return p ..< q
            }

            /// A plain number's value when it is an integer (at most 15 digits, so exact as a
            /// `Double`), read from its digits; nil for one with a fraction.
            @inline(__always)
            func integer(_ r: Range<Int>) -> Double? {
                // A sign and 15 digits at most (``number(_:)`` takes no more): no overflow.
                guard r.count <= 16 else { return nil }
                var i = r.lowerBound
                let negative = b[i] == UInt8(ascii: "-")
                if negative { i += 1 }
                var v = 0
                while i < r.upperBound {
                    let d = b[i] &- UInt8(ascii: "0")
                    guard d < 10 else { return nil }
                    v = v * 10 + Int(d)
                    i += 1
                }
                // "-0" is the Double -0.0, as Double("-0") reads it.
                return negative ? -Double(v) : Double(v)
            }

        }

        /// Reads records from a chunk's start until it reaches the next chunk's start.
        struct ChunkReader {
            let buf: UnsafeBufferPointer<UInt8>
            let b: UnsafePointer<UInt8>
            let n: Int
            /// The same bytes, with the functions that read plain values from them.
            let bytes: Bytes
            var decoder: Decoder
            var part = Part()
            // Values seen before, by their bytes.
            var entityKinds = ByteKeyTable(), entityKindValues: [EntityKind] = []
            var roles = ByteKeyTable(), roleValues: [PersonRole] = []
            var countries = ByteKeyTable(), countryValues: [String] = []
            var linkKinds = ByteKeyTable(), linkKindNumbers: [UInt32] = []
            var agreements = ByteKeyTable(), agreementNumbers: [UInt32] = []
            /// The last `sources` list read by entities and by links, by its bytes.
            var entityList = ListCache(), linkList = ListCache()
            /// Grades by letter (A–F, either case) and digit: the value's number + 1, 0 unread.
            var grades = [UInt32](repeating: 0, count: 36)
            /// Entities' grades by letter and digit, as for links.
            var entityGrades = [Confidence?](repeating: nil, count: 36)
            /// Periods seen before, by the bytes of their `from` and `to` (a date is read once
            /// per distinct pair, not once per record); nil for a pair that does not parse.
            var periodKeys = ByteKeyTable(), periodValues: [Period?] = []
            /// Each of those periods' number among the chunk's link periods, `.max` unnumbered.
            var linkPeriodNumbers: [UInt32] = []

            /// A reader from `origin`, with room for the records of about `expected` bytes of
            /// `mode` (growing arrays copy, and touch fresh pages, for every doubling).
            init(_ buf: UnsafeBufferPointer<UInt8>, name: String, origin: Int, expected: Int = 0, mode: Mode? = nil) {
                self.buf = buf
                b = buf.baseAddress!
                n = buf.count
                bytes = Bytes(buf)
                decoder = Decoder(positions: TextPositions(file: name, bytes: buf, origin: origin))
                part.start = origin
                // A usual record takes 100 to 200 bytes; reserving for the shortest possible (40)
                // costs more than growing: the allocator commits what is reserved.
                let records = expected / 128
                if mode == .entities {
                    part.records.entities = EntityStore(capacity: records)
                    part.records.entityPositions.reserveCapacity(records)
                    part.records.ids.reserve(records, bytes: 16 * records)
                } else if mode == .links {
                    part.records.links.reserveCapacity(records)
                    part.records.linkPositions.reserveCapacity(records)
                    part.records.ends.reserve(2 * records, bytes: 32 * records)
                }
            }

            /// Reads records in `mode` (the array just opened when `opened`) until a record
            /// starts at `targets[k]` for some `k ≥ next`, or the document ends.
            mutating func run(mode: Mode, opened: Bool, targets: [Int], next: Int) {
                enum State { case first, element, afterArray }
                part.startMode = mode
                var mode = mode
                var state: State = opened ? .first : .element
                var p = opened ? part.start + 1 : part.start
                var t = next
                let firstRecord = p
                func stop(_ at: Int) {
                    part.end = at
                    part.endMode = mode
                    _ = decoder.positions.location(of: at)
                    part.cursor = decoder.positions.cursor
                }
                while true {
                    switch state {
                    case .first:
                        p = Chunks.skipSpace(b, n, p)
                        guard p < n else { part.failed = true; return }
                        if b[p] == UInt8(ascii: "]") { p += 1; state = .afterArray } else { state = .element }
                    case .element:
                        while t < targets.count && targets[t] < p { t += 1 }
                        if t < targets.count && targets[t] == p && p != firstRecord { stop(p); return }
                        // A comma then only white space to the end (helper-51: read one byte
                        // past the file, a fault when its size is a whole number of pages).
                        guard p < n, let q = record(at: p, mode) else { part.failed = true; return }
                        p = Chunks.skipSpace(b, n, q)
                        guard p < n else { part.failed = true; return }
                        if b[p] == UInt8(ascii: ",") {
                            p = Chunks.skipSpace(b, n, p + 1)
                        } else if b[p] == UInt8(ascii: "]") {
                            p += 1
                            state = .afterArray
                        } else {
                            part.failed = true; return
                        }
                    case .afterArray:
                        p = Chunks.skipSpace(b, n, p)
                        guard p < n else { part.failed = true; return }
                        if b[p] == UInt8(ascii: "}") {
                            p = Chunks.skipSpace(b, n, p + 1)
                            guard p == n else { part.failed = true; return }
                            part.finished = true
                            stop(n)
                            return
                        }
                        guard b[p] == UInt8(ascii: ",") else { part.failed = true; return }
                        var parser = JSONParser(buf, start: p + 1)
                        guard let (key, keyOffset) = try? parser.string(), parser.consume(UInt8(ascii: ":")) else {
                            part.failed = true; return
                        }
                        part.keys.append(key)
                        p = Chunks.skipSpace(b, n, parser.pos)
                        if let m = Mode(rawValue: key), p < n, b[p] == UInt8(ascii: "[") {
                            mode = m
                            p += 1
                            state = .first
                        } else {
                            var value = JSONParser(buf, start: p)
                            guard let node = try? value.parseValue() else { part.failed = true; return }
                            part.members.append(JSONMember(key: key, keyOffset: keyOffset, value: node))
                            p = value.pos
                        }
                    }
                }
            }

            /// Reads the record at `p` into its array. - Returns: the offset after it, or nil
            /// on a syntax error.
            mutating func record(at p: Int, _ mode: Mode) -> Int? {
                let at = decoder.position(p)
                if b[p] == UInt8(ascii: "{") {
                    if mode == .entities, let q = entity(p, at) { return q }
                    if mode == .links, let q = link(p, at) { return q }
                }
                var parser = JSONParser(buf, start: p)
                guard let node = try? parser.parseValue() else { return nil }
                switch mode {
                case .sources:
                    if let s = decoder.decodeSource(node) { part.sources.append(s); part.sourcePositions.append(at) }
                    part.sourceIssues += decoder.issues
                case .entities:
                    if let e = decoder.decodeEntity(node) {
                        part.records.entities.append(e)
                        part.records.entityPositions.append(at)
                        part.records.ids.append(e.id)
                    }
                    part.entityIssues += decoder.issues
                case .links:
                    if let l = decoder.decodeLink(node) { part.records.append(l, at: at) }
                    part.linkIssues += decoder.issues
                }
                decoder.issues.removeAll(keepingCapacity: true)
                return parser.pos
            }

            // MARK: Plain records, from their bytes

            /// Reads the members of a plain object at `p` (its `{`): each key is one of the
            /// fields `field` knows, given once, whose value `value` reads.
            /// - Returns: the offset after the closing brace, or nil for anything else.
            @inline(__always)
            mutating func members(_ p: Int, links: Bool, value: (inout Self, Int, Int) -> Int?) -> Int? {
                var p = Chunks.skipSpace(b, n, p + 1)
                var seen = 0
                while true {
                    guard let key = bytes.plainString(p) else { return nil }
                    let f = links ? bytes.linkField(key) : bytes.entityField(key)
                    guard f >= 0, seen & (1 << f) == 0 else { return nil }
                    seen |= 1 << f
                    p = Chunks.skipSpace(b, n, key.upperBound + 1)
                    guard p < n, b[p] == UInt8(ascii: ":") else { return nil }
                    p = Chunks.skipSpace(b, n, p + 1)
                    guard let q = value(&self, f, p) else { return nil }
                    p = Chunks.skipSpace(b, n, q)
                    guard p < n else { return nil }
                    if b[p] == UInt8(ascii: ",") {
                        p = Chunks.skipSpace(b, n, p + 1)
                    } else if b[p] == UInt8(ascii: "}") {
                        return p + 1
                    } else {
                        return nil
                    }
                }
            }

            /// The number of the bytes `r` of the file in `table`, added when new.
            static func intern(_ table: inout ByteKeyTable, _ b: UnsafePointer<UInt8>, _ r: Range<Int>) -> Int {
                Int(table.insert(b + r.lowerBound, r.count, hash: ByteKeyTable.hash(b + r.lowerBound, r.count)).number)
            }

            /// The period of the dates whose bytes are at `from` and `to` (either may be absent),
            /// parsed the first time the pair is met. - Returns: its number in ``periodValues``,
            /// or nil when a date does not parse (or is longer than any date).
            mutating func period(_ from: Range<Int>?, _ to: Range<Int>?) -> Int? {
                let fromCount = from?.count ?? 0, toCount = to?.count ?? 0
                guard fromCount <= 16, toCount <= 16 else { return nil }
                // The key: each date's length + 1 (0 when absent), then its bytes.
                let found: (number: Int32, inserted: Bool) = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 34) { key in
                    let k = key.baseAddress!
                    var n = 0
                    func put(_ r: Range<Int>?) {
                        guard let r else { k[n] = 0; n += 1; return }
                        k[n] = UInt8(r.count + 1)
                        (k + n + 1).update(from: b + r.lowerBound, count: r.count)
                        n += r.count + 1
                    }
                    put(from)
                    put(to)
                    return periodKeys.insert(k, n, hash: ByteKeyTable.hash(k, n))
                }
                let i = Int(found.number)
                if found.inserted {
                    let f = from.flatMap { PartialDate(bytes.text($0)) }, t = to.flatMap { PartialDate(bytes.text($0)) }
                    // Nil when a date is given and does not parse.
                    let parsed = (from == nil || f != nil) && (to == nil || t != nil)
                    periodValues.append(parsed ? Period(from: f, to: t) : nil)
                    linkPeriodNumbers.append(.max)
                }
                return periodValues[i] == nil ? nil : i
            }

            mutating func entity(_ start: Int, _ at: ReadLocations.Position) -> Int? {
                var spans = Spans()
                var sources: [String] = []
                let end = members(start, links: false) { me, f, p in
                    if f == 6 {
                        var cache = me.entityList
                        guard let (l, q, _) = me.bytes.list(p, &cache) else { return nil }
                        me.entityList = cache
                        sources = l
                        return q
                    }
                    guard let s = me.bytes.plainString(p) else { return nil }
                    spans[f] = s
                    return s.upperBound + 1
                }
                guard let end, let id = spans[0], !id.isEmpty, let kind = spans[1], !kind.isEmpty else { return nil }
                var confidence: Confidence?
                if let c = spans[5] {
                    if let slot = bytes.gradeSlot(c) {
                        if entityGrades[slot] == nil { entityGrades[slot] = Confidence(bytes.text(c)) }
                        confidence = entityGrades[slot]
                    } else {
                        guard let g = Confidence(bytes.text(c)) else { return nil }
                        confidence = g
                    }
                }
                var period: Period?
                if spans[7] != nil || spans[8] != nil {
                    guard let i = self.period(spans[7], spans[8]) else { return nil }
                    period = periodValues[i]
                }
                let k = Self.intern(&entityKinds, b, kind)
                if k == entityKindValues.count { entityKindValues.append(EntityKind(bytes.text(kind))) }
                var role: PersonRole?
                if let r = spans[3] {
                    let i = Self.intern(&roles, b, r)
                    if i == roleValues.count { roleValues.append(PersonRole(bytes.text(r))) }
                    role = roleValues[i]
                }
                var country: String?
                if let r = spans[4] {
                    let i = Self.intern(&countries, b, r)
                    if i == countryValues.count { countryValues.append(bytes.text(r)) }
                    country = countryValues[i]
                }
                part.records.entities.append(Entity(id: bytes.text(id), kind: entityKindValues[k], name: spans[2].map(bytes.text), role: role,
                                            country: country, confidence: confidence, sources: sources, period: period))
                part.records.entityPositions.append(at)
                part.records.ids.append(b + id.lowerBound, id.count)
                return end
            }

            mutating func link(_ start: Int, _ at: ReadLocations.Position) -> Int? {
                var spans = Spans()
                var weight: Double?, directed: Bool?
                var citation: UInt32 = 0
                let end = members(start, links: true) { me, f, p in
                    switch f {
                    case 3:
                        guard let r = me.bytes.number(p) else { return nil }
                        if let w = me.bytes.integer(r) { weight = w; return r.upperBound }
                        guard let w = Double(me.bytes.text(r)), w.isFinite else { return nil }
                        weight = w
                        return r.upperBound
                    case 4:
                        if p + 4 <= me.n, memcmp(me.b + p, "true", 4) == 0 { directed = true; return p + 4 }
                        if p + 5 <= me.n, memcmp(me.b + p, "false", 5) == 0 { directed = false; return p + 5 }
                        return nil
                    case 6:
                        var cache = me.linkList
                        guard let (l, q, fresh) = me.bytes.list(p, &cache) else { return nil }
                        if fresh { cache.number = l.isEmpty ? 0 : me.part.records.links.number(citation: l) }
                        me.linkList = cache
                        citation = cache.number
                        return q
                    default:
                        guard let s = me.bytes.plainString(p) else { return nil }
                        spans[f] = s
                        return s.upperBound + 1
                    }
                }
                guard let end, let source = spans[0], let target = spans[1], let kind = spans[2], !kind.isEmpty else { return nil }
                var confidence: UInt32 = 0
                if let c = spans[5] {
                    if c.count == 2 {
                        guard let slot = bytes.gradeSlot(c) else { return nil }
                        if grades[slot] == 0 {
                            guard let g = Confidence(bytes.text(c)) else { return nil }
                            grades[slot] = part.records.links.number(confidence: g) + 1
                        }
                        confidence = grades[slot] - 1
                    } else {
                        guard let g = Confidence(bytes.text(c)) else { return nil }
                        confidence = part.records.links.number(confidence: g)
                    }
                }
                var period: UInt32 = 0
                if spans[7] != nil || spans[8] != nil {
                    guard let i = self.period(spans[7], spans[8]) else { return nil }
                    if linkPeriodNumbers[i] == .max { linkPeriodNumbers[i] = part.records.links.number(period: periodValues[i]) }
                    period = linkPeriodNumbers[i]
                }
                let k = Self.intern(&linkKinds, b, kind)
                if k == linkKindNumbers.count { linkKindNumbers.append(part.records.links.number(kind: LinkKind(bytes.text(kind)))) }
                var agreement: UInt32 = 0
                if let r = spans[9] {
                    let i = Self.intern(&agreements, b, r)
                    if i == agreementNumbers.count { agreementNumbers.append(part.records.links.number(agreement: bytes.text(r))) }
                    agreement = agreementNumbers[i]
                }
                part.records.ends.append(b + source.lowerBound, source.count)
                part.records.ends.append(b + target.lowerBound, target.count)
                part.records.links.append(kind: linkKindNumbers[k], weight: weight, directed: directed, confidence: confidence,
                                  citation: citation, period: period, agreement: agreement)
                part.records.linkPositions.append(at)
                return end
            }
        }

        /// Joins the kept chunks: positions and issues moved to their place in the file, value
        /// tables merged in order of first use, link ends resolved.
        static func assemble(_ parts: inout [Part], top: inout Decoder, members: [JSONMember], keys: [String], root: Int,
                             arrayStart: Int, buf: UnsafeBufferPointer<UInt8>,
                             threads: Int) -> (dataset: Dataset, issues: [ValidationIssue])? {
            // The top level, in file order, as the stream reader decodes it.
            let allKeys = keys + parts.flatMap(\.keys)
            guard Set(allKeys).count == allKeys.count else { return nil }
            var meta = Dataset()
            var format: JSONMember?
            func decode(_ m: JSONMember) {
                if Mode(rawValue: m.key) != nil {
                    top.issue(.error, .invalidStructure, "\(quoted(m.key)) must be an array, found \(m.value.value.typeName)", m.value.offset)
                } else {
                    top.member(m, of: &meta, format: &format)
                }
            }
            for m in members { decode(m) }
            let first = top.positions.location(of: arrayStart)
            for part in parts { for m in part.members { decode(m) } }
            top.checkFormat(format, root: root)

            // Each chunk's start in the file: 0-based line and column.
            let starts = RecordChunks.starts(first: (first.line - 1, first.column), cursors: parts.dropLast().map(\.cursor))
            var issues = top.issues
            var locations = ReadLocations(file: top.positions.file)
            var sources: [Source] = []
            for (part, s) in zip(parts, starts) {
                sources += part.sources
                RecordChunks.shift(part.sourcePositions, s, into: &locations.sources)
                RecordChunks.shift(part.sourceIssues, s, into: &issues)
            }
            for (part, s) in zip(parts, starts) { RecordChunks.shift(part.entityIssues, s, into: &issues) }
            for (part, s) in zip(parts, starts) { RecordChunks.shift(part.linkIssues, s, into: &issues) }

            var records: [RecordChunks.Records] = []
            for k in parts.indices {
                records.append(parts[k].records)
                parts[k].records = RecordChunks.Records()
            }
            meta.sources = sources
            return (RecordChunks.join(&records, starts: starts, locations: locations, metadata: meta, threads: threads), issues)
        }
    }
}
