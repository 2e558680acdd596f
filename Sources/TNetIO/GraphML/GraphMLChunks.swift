import Foundation
import Synchronization
import TNetGraph
import TNetModel

extension GraphMLReader {
    /// A large GraphML file read in chunks on every core.
    ///
    /// The head of the document (the XML declaration, `<graphml>`, the keys, `<graph>` and its
    /// own data: everything before the first `<node` or `<edge`) is read by libxml2 through
    /// ``GraphMLHandler``, closed with `</graph></graphml>`. The rest is cut into chunks of about
    /// ``chunkBytes``, each starting at a `<node` or `<edge` tag past its cut, read at the same
    /// time by a scanner that takes the plain form every writer uses: nodes and edges whose only
    /// children are `<data>` elements of text, and the graph's own `<data>`, with blanks
    /// between, then `</graph>` and `</graphml>`. A chunk is kept when the one before it stopped exactly at its start.
    ///
    /// Each node and edge is made by the same ``GraphMLElementBuilder`` as the streamed reader's,
    /// so the dataset, its issues and every position are the streamed reader's. Anything else
    /// (a comment, CDATA, a processing instruction, markup in `<data>`, an unknown element or
    /// key, a carriage return in text, a character XML refuses, a malformed tag) makes the reader give
    /// up, and the whole file is read by libxml2, which words any error.
    package enum Chunks {
        /// Files smaller than this are read by libxml2 alone.
        static let minimumBytes = 16 << 20
        /// About how much of the file one chunk reads.
        static let chunkBytes = 8 << 20
        /// The longest name, attribute value, text or start tag the scanner reads: libxml2
        /// refuses names past 50,000 bytes and values past 10,000,000, so the scanner gives up
        /// well before either and leaves the verdict to libxml2.
        static let longest = 1_000_000
        /// The longest attribute name the scanner reads.
        static let longestName = 1_000

        /// ``read(_:name:threads:mapped:chunkBytes:)`` on any bytes, for the fuzzer (which
        /// compares it with the streamed reader): nil unless they are UTF-8 text with no other
        /// encoding declared, as its callers make sure first.
        package static func read(unchecked buf: UnsafeBufferPointer<UInt8>, chunkBytes: Int) -> (dataset: Dataset, issues: [ValidationIssue])? {
            let bom = buf.count >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF ? 3 : 0
            guard (try? InputFile.checkText(name: "fuzz", buf)) != nil,
                  GraphMLReader.declaredEncodingName(buf, start: bom).map({ GraphMLReader.utf8Names.contains($0.name) }) ?? true
            else { return nil }
            return read(buf, name: "fuzz", threads: 2, chunkBytes: chunkBytes)
        }

        /// Reads `buf` (UTF-8 text) on `threads` threads, handing back the pages of `mapped`
        /// (the file `buf` maps, if it does) as each chunk is read.
        /// - Returns: the dataset and its issues, as the streamed reader gives them, or nil when
        ///   libxml2 must read the file.
        static func read(_ buf: UnsafeBufferPointer<UInt8>, name: String, threads: Int, mapped: MappedFile? = nil,
                         chunkBytes: Int = chunkBytes) -> (dataset: Dataset, issues: [ValidationIssue])? {
            // Byte offsets in a chunk's lists are 32-bit.
            guard buf.count < Int(Int32.max), let base = buf.baseAddress,
                  let bodyStart = elementStart(base, buf.count, from: 0) else { return nil }
            // The head, read by libxml2 and closed where the body would have gone on. A
            // `<!DOCTYPE` (refused by the caller) or any other `<!` is for libxml2 alone; the body
            // scanner gives up at one.
            guard !(0 ..< bodyStart).contains(where: { base[$0] == UInt8(ascii: "<") && base[$0 + 1] == UInt8(ascii: "!") }) else { return nil }
            var head = Array(buf[0 ..< bodyStart])
            head += Array("</graph></graphml>".utf8)
            let handler = GraphMLHandler(file: name)
            let end = head.withUnsafeBufferPointer { XMLPushParser.parse($0, handler: handler) }
            // libxml2 must have read UTF-8 with nothing to convert (the scanner reads UTF-8), and
            // no node or edge: one spelt with a prefix (`<g:node>`) is libxml2's alone.
            guard end.status == 0, !end.converted, handler.failure == nil, handler.sawGraph, !handler.readElements else { return nil }
            let keys = Keys(handler.builder)

            // Where the chunks start: the first at the body, the others at a tag past each cut.
            var starts = [bodyStart]
            let span = buf.count - bodyStart
            let count = max(1, min(4096, span / max(1, chunkBytes)))
            for i in 1 ..< count {
                if let s = elementStart(base, buf.count, from: bodyStart + span * i / count), s > starts.last! { starts.append(s) }
            }
            var parts = [Part](repeating: Part(), count: starts.count)
            let cuts = starts
            let builder = handler.builder
            let gaveUp = Atomic<Bool>(false)
            parts.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                forEachChunk(cuts.count, threads: threads) { i, _ in
                    // Once a chunk gives up, libxml2 reads the whole file: the rest are not read.
                    guard !gaveUp.load(ordering: .relaxed) else { out[i].failed = true; return }
                    var reader = ChunkReader(buf, name: name, origin: cuts[i], keys: keys, builder: builder,
                                             expected: (i + 1 < cuts.count ? cuts[i + 1] : buf.count) - cuts[i])
                    reader.run(targets: cuts, next: i + 1)
                    mapped?.release(cuts[i] ..< max(cuts[i], reader.part.end))
                    if reader.part.failed { gaveUp.store(true, ordering: .relaxed) }
                    out[i] = reader.part
                }
            }
            // Each chunk stops at the first cut it meets (every cut is a tag the scanner stops
            // at, or it gives up before), so the chain from the body's start goes through every
            // chunk: all are kept, in order, or none.
            var kept: [Part] = []
            var k = 0
            while true {
                guard !parts[k].failed else { return nil }
                kept.append(parts[k])
                parts[k] = Part()
                if kept.last!.finished { break }
                guard let next = cuts.firstIndex(of: kept.last!.end), next > k else { return nil }
                k = next
            }
            parts = []

            var positions = TextPositions(file: name, bytes: buf)
            let first = positions.location(of: bodyStart)
            let chunkStarts = RecordChunks.starts(first: (first.line - 1, first.column), cursors: kept.dropLast().map(\.cursor))
            let (meta, graphIssues) = handler.graph(later: kept.flatMap(\.graphData))
            var issues = handler.builder.issues
            for (part, s) in zip(kept, chunkStarts) { RecordChunks.shift(part.issues, s, into: &issues) }
            issues += graphIssues
            var records: [RecordChunks.Records] = []
            for k in kept.indices {
                records.append(kept[k].records)
                kept[k].records = RecordChunks.Records()
            }
            return (RecordChunks.join(&records, starts: chunkStarts, locations: ReadLocations(file: name), metadata: meta, threads: threads), issues)
        }

        /// The first `<node` or `<edge` tag at or after `from`.
        static func elementStart(_ b: UnsafePointer<UInt8>, _ n: Int, from: Int) -> Int? {
            var i = from
            while i < n {
                guard let hit = memchr(b + i, Int32(UInt8(ascii: "<")), n - i) else { return nil }
                let at = b.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if at + 5 < n, isElement(b, at, "node") || isElement(b, at, "edge"), isNameEnd(b[at + 5]) { return at }
                i = at + 1
            }
            return nil
        }

        /// Whether the four bytes after the `<` at `at` are `name` (four bytes).
        @inline(__always)
        static func isElement(_ b: UnsafePointer<UInt8>, _ at: Int, _ name: StaticString) -> Bool {
            UnsafeRawPointer(b + at + 1).loadUnaligned(as: UInt32.self) == UnsafeRawPointer(name.utf8Start).loadUnaligned(as: UInt32.self)
        }

        /// Whether `c` ends a tag's name: a blank, `/` or `>`.
        @inline(__always)
        static func isNameEnd(_ c: UInt8) -> Bool {
            c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == UInt8(ascii: "/") || c == UInt8(ascii: ">")
        }

        /// The declared keys' ids by their bytes, each with its place in the builder's keys.
        struct Keys: Sendable {
            var table = ByteKeyTable()
            var numbers: [Int] = []
            /// Keys whose data the scanner leaves to libxml2 (yEd's graphics).
            var refused: [Bool] = []

            init(_ builder: GraphMLElementBuilder) {
                for (id, k) in builder.keyIndex {
                    var id = id
                    id.withUTF8 { u in
                        let p = u.baseAddress ?? UnsafePointer(bitPattern: 1)!
                        if table.insert(p, u.count, hash: ByteKeyTable.hash(p, u.count)).inserted { numbers.append(k) }
                    }
                }
                refused = builder.keys.map { $0.yfiles != nil }
            }

            func find(_ p: UnsafePointer<UInt8>, _ count: Int) -> Int? {
                table.find(p, count, hash: ByteKeyTable.hash(p, count)).map { numbers[Int($0)] }
            }
        }

        /// What one chunk read, its positions counted from its own start.
        struct Part: Sendable {
            /// Where reading stopped: the next chunk's start (a `<node` or `<edge`), or the file's end.
            var end = 0
            /// Whether `</graphml>` and the file's end were read.
            var finished = false
            /// Whether something was found that only libxml2 can take (or the chunk was not read,
            /// another having given up).
            var failed = false
            /// The cursor (0-based line from the start, column) where reading stopped.
            var cursor = (line: 0, column: 1)
            var records = RecordChunks.Records()
            /// The problems of its nodes and edges, in file order.
            var issues: [ValidationIssue] = []
            /// The graph's own data met between nodes and edges, in file order.
            var graphData: [GraphMLElementBuilder.Datum] = []
        }

        /// An element's attribute as read: its name's bytes, its value's bytes, and its value
        /// as text when that differs from the bytes (a reference, a tab or newline).
        struct Attribute {
            var name: Range<Int>
            var raw: Range<Int>
            var decoded: String?
        }

        /// The file's bytes and what reads them without changing anything: small, so a reader
        /// copies it freely. (As methods of ``ChunkReader``, called while the reader was being
        /// changed, calls copied the whole reader, 712 bytes, for each datum.)
        struct Scanner {
            let b: UnsafePointer<UInt8>
            let n: Int

            /// The offset of the first byte at or after `p` that is not a blank (space, tab,
            /// newline, carriage return: libxml2's line ends are not needed there, since tnet
            /// counts positions itself).
            @inline(__always)
            func blanks(_ p: Int) -> Int {
                var i = p
                while i < n, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
                return i
            }

            /// `</name` then blanks and `>` at `p`. - Returns: the offset after it, or nil.
            func endTag(_ p: Int, _ name: StaticString) -> Int? {
                let count = name.utf8CodeUnitCount
                guard p + 2 + count < n, b[p] == UInt8(ascii: "<"), b[p + 1] == UInt8(ascii: "/"),
                      memcmp(b + p + 2, name.utf8Start, count) == 0 else { return nil }
                let q = blanks(p + 2 + count)
                guard q < n, b[q] == UInt8(ascii: ">") else { return nil }
                return q + 1
            }

            /// Whether `c` may be in a name the scanner takes: ASCII letters, digits, `_`, `-`,
            /// `.` (no `:`, so no prefix).
            @inline(__always)
            func isNameByte(_ c: UInt8) -> Bool {
                (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                    || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            }

            func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(start: b + r.lowerBound, count: r.count), as: UTF8.self) }

            /// Whether attribute `a` is named `name`.
            @inline(__always)
            func named(_ a: Attribute, _ name: StaticString) -> Bool {
                a.name.count == name.utf8CodeUnitCount && memcmp(b + a.name.lowerBound, name.utf8Start, a.name.count) == 0
            }

            /// Attribute `a`'s value as text.
            func value(_ a: Attribute) -> String { a.decoded ?? string(a.raw) }

            /// The reference after a `&` at `p` (before `limit`): one of XML's five entities or a
            /// character's number that XML allows. - Returns: its character and the offset
            /// after its `;`, or nil.
            func reference(_ p: Int, _ limit: Int) -> (Unicode.Scalar, Int)? {
                var semicolon = p
                while semicolon < limit, semicolon - p < 12, b[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
                guard semicolon < limit, b[semicolon] == UInt8(ascii: ";"), semicolon > p else { return nil }
                let body = string(p ..< semicolon)
                switch body {
                case "amp": return ("&", semicolon + 1)
                case "lt": return ("<", semicolon + 1)
                case "gt": return (">", semicolon + 1)
                case "quot": return ("\"", semicolon + 1)
                case "apos": return ("'", semicolon + 1)
                default: break
                }
                guard body.hasPrefix("#") else { return nil }
                let digits = body.dropFirst()
                let value: UInt32?
                if digits.hasPrefix("x") {
                    let hex = digits.dropFirst()
                    value = hex.isEmpty || !hex.allSatisfy(\.isHexDigit) ? nil : UInt32(hex, radix: 16)
                } else {
                    value = digits.isEmpty || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) ? nil : UInt32(digits)
                }
                // XML's characters: tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD,
                // U+10000–U+10FFFF.
                guard let v = value, v == 0x09 || v == 0x0A || v == 0x0D || (v >= 0x20 && v <= 0xD7FF)
                        || (v >= 0xE000 && v <= 0xFFFD) || (v >= 0x10000 && v <= 0x10FFFF),
                      let scalar = Unicode.Scalar(v) else { return nil }
                return (scalar, semicolon + 1)
            }

        }

        /// Reads nodes and edges from a chunk's start until it reaches the next chunk's start.
        struct ChunkReader {
            let b: UnsafePointer<UInt8>
            let n: Int
            /// The same bytes, with what reads them.
            let bytes: Scanner
            let keys: Keys
            var builder: GraphMLElementBuilder
            var positions: TextPositions
            var part = Part()
            var data: [GraphMLElementBuilder.Datum] = []
            /// The start tag's attributes: the first ``attributeCount`` (slots are reused).
            var attributes: [Attribute] = []
            var attributeCount = 0
            var scratch: [UInt8] = []

            init(_ buf: UnsafeBufferPointer<UInt8>, name: String, origin: Int, keys: Keys, builder: GraphMLElementBuilder, expected: Int) {
                b = buf.baseAddress!
                n = buf.count
                bytes = Scanner(b: buf.baseAddress!, n: buf.count)
                self.keys = keys
                self.builder = builder
                self.builder.issues = []
                positions = TextPositions(file: name, bytes: buf, origin: origin)
                part.end = origin
                // A usual node or edge takes 100 to 250 bytes.
                let records = expected / 160
                part.records.entityPositions.reserveCapacity(records / 3)
                part.records.linkPositions.reserveCapacity(records)
            }

            /// Reads elements until one starts at `targets[k]` for some `k ≥ next`, or the
            /// document ends; marks the part failed at anything it does not take.
            mutating func run(targets: [Int], next: Int) {
                let first = part.end
                var p = first
                var t = next
                while true {
                    p = bytes.blanks(p)
                    guard p < n, b[p] == UInt8(ascii: "<") else { part.failed = true; return }
                    while t < targets.count && targets[t] < p { t += 1 }
                    if t < targets.count && targets[t] == p && p != first {
                        part.end = p
                        _ = positions.location(of: p)
                        part.cursor = positions.cursor
                        return
                    }
                    if p + 5 < n, Chunks.isElement(b, p, "node"), Chunks.isNameEnd(b[p + 5]) {
                        guard let q = element(p, node: true) else { part.failed = true; return }
                        p = q
                    } else if p + 5 < n, Chunks.isElement(b, p, "edge"), Chunks.isNameEnd(b[p + 5]) {
                        guard let q = element(p, node: false) else { part.failed = true; return }
                        p = q
                    } else if p + 5 < n, Chunks.isElement(b, p, "data"), Chunks.isNameEnd(b[p + 5]) {
                        // The graph's own data (NetworkX writes it after the edges).
                        data.removeAll(keepingCapacity: true)
                        guard let q = datum(p) else { part.failed = true; return }
                        part.graphData += data
                        p = q
                    } else {
                        // `</graph>`, `</graphml>`, blanks, the end: nothing else.
                        guard let q = bytes.endTag(p, "graph"), let r = bytes.endTag(bytes.blanks(q), "graphml"), bytes.blanks(r) == n else {
                            part.failed = true; return
                        }
                        part.end = n
                        part.finished = true
                        return
                    }
                }
            }

            /// A `<node>` or `<edge>` at `p`, with its data, made into an entity or a link.
            /// - Returns: the offset after it, or nil for anything the scanner does not take.
            mutating func element(_ p: Int, node: Bool) -> Int? {
                guard let (afterTag, empty) = startTag(p + 5) else { return nil }
                let at = positions.location(of: p)
                var id: String?, source: String?, target: String?, edgeID: String?, directedText: String?
                for a in attributes[..<attributeCount] {
                    if bytes.named(a, "id") {
                        if node { id = bytes.value(a) } else { edgeID = bytes.value(a) }
                    } else if !node {
                        if bytes.named(a, "source") { source = bytes.value(a) } else if bytes.named(a, "target") { target = bytes.value(a) } else if bytes.named(a, "directed") { directedText = bytes.value(a) }
                    }
                }
                data.removeAll(keepingCapacity: true)
                var q = afterTag
                if !empty {
                    while true {
                        q = bytes.blanks(q)
                        guard q + 5 < n, b[q] == UInt8(ascii: "<") else { return nil }
                        if Chunks.isElement(b, q, "data"), Chunks.isNameEnd(b[q + 5]) {
                            guard let r = datum(q) else { return nil }
                            q = r
                        } else {
                            guard let r = bytes.endTag(q, node ? "node" : "edge") else { return nil }
                            q = r
                            break
                        }
                    }
                }
                if node {
                    guard let id else { return nil }
                    part.records.append(builder.entity(id: id, data: data, line: at.line, column: at.column),
                                        at: ReadLocations.Position(line: at.line, column: at.column))
                } else {
                    guard let source, let target else { return nil }
                    let directed = directedText.map { $0 == "true" || $0 == "1" }
                    part.records.append(builder.link(source: source, target: target, edgeID: edgeID, directed: directed,
                                                     data: data, line: at.line, column: at.column),
                                        at: ReadLocations.Position(line: at.line, column: at.column))
                }
                if !builder.issues.isEmpty {
                    part.issues += builder.issues
                    builder.issues.removeAll(keepingCapacity: true)
                }
                return q
            }

            /// A `<data key="…">text</data>` (or `<data key="…"/>`) at `p`, appended to ``data``.
            mutating func datum(_ p: Int) -> Int? {
                guard let (afterTag, empty) = startTag(p + 5) else { return nil }
                guard let key = attributes[..<attributeCount].first(where: { [bytes] in bytes.named($0, "key") }) else { return nil }
                let found: Int?
                if var decoded = key.decoded {
                    found = decoded.withUTF8 { u in keys.find(u.baseAddress ?? UnsafePointer(bitPattern: 1)!, u.count) }
                } else {
                    found = keys.find(b + key.raw.lowerBound, key.raw.count)
                }
                guard let k = found, !keys.refused[k] else { return nil }
                if empty {
                    data.append(.init(key: k, text: ""))
                    return afterTag
                }
                guard let (text, close) = text(afterTag, attribute: false) else { return nil }
                guard let r = bytes.endTag(close, "data") else { return nil }
                data.append(.init(key: k, text: text ?? bytes.string(afterTag ..< close)))
                return r
            }

            /// The attributes of a start tag whose name ends at `p`, into ``attributes``.
            /// - Returns: the offset after its `>` and whether it was `/>`, or nil for a
            ///   malformed tag, a name with a prefix, or an attribute given twice.
            mutating func startTag(_ p: Int) -> (Int, empty: Bool)? {
                attributeCount = 0
                var q = p
                while true {
                    guard q - p < Chunks.longest else { return nil }
                    let gap = bytes.blanks(q)
                    guard gap < n else { return nil }
                    if b[gap] == UInt8(ascii: ">") { return (gap + 1, false) }
                    if b[gap] == UInt8(ascii: "/") {
                        guard gap + 1 < n, b[gap + 1] == UInt8(ascii: ">") else { return nil }
                        return (gap + 2, true)
                    }
                    // XML needs a blank before each attribute.
                    guard gap > q else { return nil }
                    var e = gap
                    while e < n, bytes.isNameByte(b[e]) { e += 1 }
                    guard e > gap, !(b[gap] >= 0x30 && b[gap] <= 0x39) && b[gap] != UInt8(ascii: "-") && b[gap] != UInt8(ascii: ".") else { return nil }
                    guard e - gap < Chunks.longestName else { return nil }
                    let nameRange = gap ..< e
                    // Namespaced attributes (and `xmlns`) are libxml2's to read.
                    if nameRange.count >= 5, memcmp(b + gap, "xmlns", 5) == 0 { return nil }
                    var eq = bytes.blanks(e)
                    guard eq < n, b[eq] == UInt8(ascii: "=") else { return nil }
                    eq = bytes.blanks(eq + 1)
                    guard eq < n, b[eq] == UInt8(ascii: "\"") || b[eq] == UInt8(ascii: "'") else { return nil }
                    guard let (decoded, close) = text(eq + 1, attribute: true, quote: b[eq]) else { return nil }
                    for a in attributes[..<attributeCount] where a.name.count == nameRange.count && b[a.name.lowerBound] == b[gap]
                        && memcmp(b + a.name.lowerBound, b + gap, nameRange.count) == 0 {
                        return nil
                    }
                    let attribute = Attribute(name: nameRange, raw: eq + 1 ..< close, decoded: decoded)
                    if attributeCount < attributes.count { attributes[attributeCount] = attribute } else { attributes.append(attribute) }
                    attributeCount += 1
                    q = close + 1
                }
            }

            /// Character data from `p` up to the next `<` (text) or `quote` (an attribute's value),
            /// references replaced, as libxml2 hands it over; in an attribute's value a tab or
            /// newline is a space.
            /// - Returns: the text (nil when it is the bytes as they are) and the offset of the
            ///   `<` or closing quote; nil for a carriage return, a character XML refuses, `]]>`
            ///   in text, a `<` in a value, a reference that is not one of XML's five or a
            ///   character's number, or more than ``Chunks/longest`` bytes.
            mutating func text(_ p: Int, attribute: Bool, quote: UInt8 = UInt8(ascii: "<")) -> (String?, Int)? {
                let stop = attribute ? quote : UInt8(ascii: "<")
                var q = p
                var plain = true
                while q < n {
                    let c = b[q]
                    if c == stop { break }
                    if c == UInt8(ascii: "&") || c < 0x20 || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == 0xEF {
                        if c == 0x0A || c == 0x09 { if attribute { plain = false }; q += 1; continue }
                        if c == UInt8(ascii: "&") { plain = false; q += 1; continue }
                        if c == UInt8(ascii: ">") {
                            // `]]>` is not allowed in text.
                            if !attribute, q >= 2, b[q - 1] == UInt8(ascii: "]"), b[q - 2] == UInt8(ascii: "]") { return nil }
                            q += 1; continue
                        }
                        if c == 0xEF {
                            // U+FFFE and U+FFFF are not XML characters.
                            if q + 2 < n, b[q + 1] == 0xBF, b[q + 2] == 0xBE || b[q + 2] == 0xBF { return nil }
                            q += 1; continue
                        }
                        // A `<` in a value, a carriage return, another control character.
                        return nil
                    }
                    q += 1
                }
                guard q < n, q - p < Chunks.longest else { return nil }
                if plain { return (nil, q) }
                scratch.removeAll(keepingCapacity: true)
                var i = p
                while i < q {
                    let c = b[i]
                    if c == UInt8(ascii: "&") {
                        guard let (scalar, after) = bytes.reference(i + 1, q) else { return nil }
                        scratch.append(contentsOf: String(Character(scalar)).utf8)
                        i = after
                    } else {
                        scratch.append(attribute && (c == 0x0A || c == 0x09) ? 0x20 : c)
                        i += 1
                    }
                }
                return (String(decoding: scratch, as: UTF8.self), q)
            }

        }
    }
}
