#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TNetGraphviz
import TNetModel

/// Reads a plain edge list: one edge per line, `u v [weight]`, separated by spaces or tabs;
/// `#` starts a comment (to the end of the line); blank lines are skipped. A first line that
/// names its columns (`source target weight`, `caller callee calls`, ``header(_:from:)``) is
/// a header, reported as a warning. Nodes have kind `node` and are ordered by
/// id (code point order), so the dataset does not depend on the order of the lines; links get
/// kind `link`, in file order.
///
/// Like NetworkX's `read_edgelist`, the graph is undirected unless `directed` is set. Unlike it,
/// a line with one field, more than three, or a weight that is not a finite number is an error
/// with its line and column, never skipped.
public enum EdgeListReader {
    /// Most problems reported before reading stops.
    public static let issueLimit = 100

    /// Reads the edge list as a dataset.
    /// - Parameters:
    ///   - input: The file's bytes (already decoded to UTF-8).
    ///   - directed: Whether the dataset's links are directed (it sets the dataset's
    ///     direction).
    /// - Returns: The dataset, with the line of each link, and the problems found: the header
    ///   line as a warning, malformed lines and bad weights as errors (those lines are
    ///   skipped), at most ``issueLimit`` of them before reading stops.
    /// - Throws: ``ReadError`` for a file that is not text, or whose fields are separated by
    ///   commas (a CSV file).
    /// - Complexity: O(*n* + *v* log *v*) for a file of *n* bytes with *v* distinct ids.
    public static func read(_ input: InputFile, directed: Bool = false, threads: Int = 2) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        // The common case, a well-formed file: parsed in parallel into columns. A file with
        // problems is read again line by line below, which lists them all.
        let scan = try EdgeListGraphReader.Scan(input, weighted: true, lines: true, threads: threads)
        if scan.error == nil {
            let possible = scan.header == nil ? input.bytes.withUnsafeBufferPointer { possibleHeaderWarning($0, from: input.bomLength, input) } : []
            return (dataset(scan, file: input.name, directed: directed),
                    headerWarning(scan.header, input) + possible + respellingWarning(scan.respelled, input))
        }
        var respelled: Respelling?
        var issues: [ValidationIssue] = []
        var index: [String: Int32] = [:]
        var entities: [Entity] = []
        var links = LinkColumns()
        let dataset: Dataset = try input.bytes.withUnsafeBufferPointer { b throws -> Dataset in
            // A rough size hint: ~12 bytes per line.
            links.reserveCapacity(b.count / 12)
            var positions = TextPositions(file: input.name, bytes: b)
            var fields: [(start: Int, end: Int)] = []
            var lineStart = input.bomLength
            let tabs = try layout(b, from: lineStart, file: input.name)
            var swapped = false
            var line = 1
            var linkPositions: [ReadLocations.Position] = []
            if let header = header(b, from: lineStart) {
                issues += headerWarning(header, input)
                lineStart = header.end + 1
                line = header.line + 1
                swapped = header.swapsEnds
            } else {
                issues += possibleHeaderWarning(b, from: lineStart, input)
            }
            let n = b.count
            func intern(_ f: (start: Int, end: Int)) -> Int32 {
                let id = String(decoding: UnsafeBufferPointer(rebasing: b[f.start ..< f.end]), as: UTF8.self)
                if let i = index[id] {
                    if !entities[Int(i)].id.utf8.elementsEqual(id.utf8) {
                        Respelling.note(&respelled, kept: entities[Int(i)].id, other: id, line: Int32(line))
                    }
                    return i
                }
                let i = Int32(entities.count)
                index[id] = i
                entities.append(Entity(id: id, kind: .node))
                return i
            }
            while lineStart < n && issues.count < issueLimit {
                var lineEnd = lineStart
                while lineEnd < n && b[lineEnd] != 0x0A { lineEnd += 1 }
                splitFields(b, lineStart, lineEnd, into: &fields, tabs: tabs)
                switch fields.count {
                case 0: break
                case 2, 3:
                    var weight: Double? = nil
                    if fields.count == 3 {
                        weight = parseWeight(b, fields[2])
                        if weight == nil {
                            let text = String(decoding: UnsafeBufferPointer(rebasing: b[fields[2].start ..< fields[2].end]), as: UTF8.self)
                            issues.append(ValidationIssue(.error, .invalidValue, "weight \(quoted(text)) is not a finite number",
                                                          at: positions.location(of: fields[2].start)))
                            break
                        }
                    }
                    let ui = intern(fields[swapped ? 1 : 0])
                    let vi = intern(fields[swapped ? 0 : 1])
                    links.appendPlain(source: ui, target: vi, kind: .link, weight: weight)
                    linkPositions.append(ReadLocations.Position(line: line, column: 1))
                default:
                    let at = fields.count == 1 ? fields[0].end : fields[3].start
                    issues.append(ValidationIssue(.error, .invalidStructure,
                                                  "expected 'source target [weight]', found \(fields.count) field\(fields.count == 1 ? "" : "s")",
                                                  at: positions.location(of: at)))
                }
                lineStart = lineEnd + 1
                line += 1
            }
            if issues.count >= issueLimit {
                issues.append(ValidationIssue(.error, .invalidStructure, "too many problems; stopped reading", at: positions.location(of: lineStart)))
            }
            // Canonical entity order: by id, in code point (UTF-8 byte) order.
            let order = codePointOrder(entities.map(\.id))
            var rank = [Int32](repeating: 0, count: entities.count)
            for (r, i) in order.enumerated() { rank[i] = Int32(r) }
            let sorted = order.map { entities[$0] }
            for (id, i) in index { index[id] = rank[Int(i)] }
            links.renumber(rank)
            var locations = ReadLocations(file: input.name)
            locations.links = linkPositions
            return Dataset(uniqueEntities: sorted, index: index, links: links, directed: directed, locations: locations)
        }
        return (dataset, issues + respellingWarning(respelled, input))
    }

    /// Ids read as one entity although their bytes differ (the same text in two Unicode forms,
    /// `é` against `e` + U+0301, which `String` holds equal): the first such pair, the line of
    /// its second spelling when lines are kept, and how many mentions were spelt another way.
    package struct Respelling: Sendable {
        package var kept: String, other: String, line: Int32?, count = 1

        /// Counts a mention spelt `other` of the entity whose id is spelt `kept`; the first
        /// such mention is kept whole.
        package static func note(_ r: inout Respelling?, kept: String, other: String, line: Int32?) {
            if r == nil { r = Respelling(kept: kept, other: other, line: line) } else { r!.count += 1 }
        }
    }

    /// The warning that ids spelt with different bytes were read as one entity (never merged
    /// silently): the two spellings with their code points beyond ASCII written out.
    static func respellingWarning(_ r: Respelling?, _ input: InputFile) -> [ValidationIssue] {
        guard let r else { return [] }
        return [ValidationIssue(.warning, .unicodeForm,
                                "ids \(spelledOut(r.kept)) and \(spelledOut(r.other)) are the same text in two Unicode forms and were read as one entity"
                                + (r.count > 1 ? " (\(r.count) mentions of these or other ids spelt otherwise than first in all)" : "")
                                + "; write each id one way (JSON refuses such ids as duplicates)",
                                at: r.line.map { SourceLocation(file: input.name, line: Int($0), column: 1) })]
    }

    /// The dataset of a well-formed file's scan: one entity of kind `node` per id, one link of
    /// kind `link` per line, with its line.
    static func dataset(_ scan: EdgeListGraphReader.Scan, file: String, directed: Bool) -> Dataset {
        // The ids are distinct (the scan interned them): the table of ids is left to the first
        // lookup by id, which a command on numbers alone (info, kcore, components) never makes.
        let entities = scan.ids.map { Entity(id: $0, kind: .node) }
        let links = LinkColumns(plainSources: scan.sources, targets: scan.targets, kind: .link,
                                weights: scan.weights.map { $0.isNaN ? nil : $0 })
        var locations = ReadLocations(file: file)
        locations.links = scan.lines.map { ReadLocations.Position(line: Int($0), column: 1) }
        return Dataset(entities: entities, distinctIDs: scan.ids.count, links: links, directed: directed, locations: locations)
    }

    /// The warning that a first line was read as a header.
    static func headerWarning(_ header: Header?, _ input: InputFile) -> [ValidationIssue] {
        guard let header else { return [] }
        // The header starts its line: its place is known without indexing the file's lines.
        return [ValidationIssue(.warning, .invalidStructure,
                                "line \(header.line) read as a header naming the columns (\(header.names.joined(separator: ", "))), not as a link"
                                + (header.swapsEnds ? "; it names the target first, so each line is read target then source" : ""),
                                at: SourceLocation(file: input.name, line: header.line, column: 1))]
    }

    /// The warning that the first line, read as a link, may name the columns in words tnet does
    /// not know (`Teilnehmer Gegenstelle`): its two ends have no digit and the next line's are
    /// both numbers (phone or account numbers). helper-58 found such a line loaded as two entities
    /// and a call without a word.
    static func possibleHeaderWarning(_ b: UnsafeBufferPointer<UInt8>, from start: Int, _ input: InputFile) -> [ValidationIssue] {
        var lineStart = start, line = 1
        var fields: [(start: Int, end: Int)] = []
        var first: (line: Int, names: [String])?
        while lineStart < b.count {
            var lineEnd = lineStart
            while lineEnd < b.count && b[lineEnd] != 0x0A { lineEnd += 1 }
            splitFields(b, lineStart, lineEnd, into: &fields)
            if !fields.isEmpty {
                guard fields.count >= 2 else { return [] }
                let digits = fields.prefix(2).map { f in b[f.start ..< f.end].contains { (0x30 ... 0x39).contains($0) } }
                // A number: digits and the punctuation of phone and account numbers, nothing else
                // (`carol1` under `alice bob` is a name, and the first line a link like it).
                let numbers = fields.prefix(2).allSatisfy { f in
                    b[f.start ..< f.end].allSatisfy { (0x30 ... 0x39).contains($0) || "+-()./".utf8.contains($0) }
                }
                if let first {
                    guard digits.allSatisfy({ $0 }) && numbers else { return [] }
                    return [ValidationIssue(.warning, .invalidValue,
                                            "line \(first.line) (\(first.names.joined(separator: ", "))) is read as a link, though its ends have no digits and the next line's do; "
                                            + "if it names the columns, name them source and target (or caller and callee) to have it read as a header",
                                            at: SourceLocation(file: input.name, line: first.line, column: 1))]
                }
                guard !digits.contains(true) else { return [] }
                first = (line, fields.prefix(2).map { TextTable.clean(String(decoding: UnsafeBufferPointer(rebasing: b[$0.start ..< $0.end]), as: UTF8.self)) })
            }
            lineStart = lineEnd + 1
            line += 1
        }
        return []
    }

    /// Column names a header line may use for the first end, the second end, or either
    /// (lowercased): the link tables' names (``CSVTable/sourceNames``, ``CSVTable/targetNames``).
    static let sourceHeaderNames = Set(["source"] + CSVTable.sourceNames)
    static let targetHeaderNames = Set(["target"] + CSVTable.targetNames)
    static let neutralHeaderNames: Set<String> = ["node1", "node2", "id1", "id2", "node_1", "node_2"]
    /// Column names a header line may use for the weight (lowercased).
    public static let weightNames: Set<String> = Set(["weight", "weights", "w", "n", "value", "frequency", "freq", "duration",
                                                       "minutes", "strength"] + CSVTable.weightNames)

    /// A header line: where it is, its names, and whether it names the target first
    /// (`callee caller`), so that each line's ends are read the other way round.
    public struct Header: Sendable {
        /// `start`, `end`: the byte offsets of the header line's first byte and of the line
        /// feed (or end of file) after it; `line`: its line number, from 1.
        public var start: Int, end: Int, line: Int
        /// The header's fields as written (`caller`, `callee`, `calls`).
        public var names: [String]
        /// Whether the header names the target first (`callee caller`), so every line's ends
        /// are swapped.
        public var swapsEnds: Bool
    }

    /// The first line with fields, when it is a header: its two first fields name the ends
    /// (a source and a target name in either order, or two neutral names such as node1 node2),
    /// or it has three fields and the third is a weight's name (``weightNames``) rather than a
    /// number.
    /// - Parameters:
    ///   - b: The file's bytes.
    ///   - start: Where to start looking (after a byte-order mark).
    /// - Returns: The header, or `nil` when the first line with fields holds a link.
    public static func header(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Header? {
        var lineStart = start, line = 1
        var fields: [(start: Int, end: Int)] = []
        while lineStart < b.count {
            var lineEnd = lineStart
            while lineEnd < b.count && b[lineEnd] != 0x0A { lineEnd += 1 }
            splitFields(b, lineStart, lineEnd, into: &fields)
            if fields.isEmpty { lineStart = lineEnd + 1; line += 1; continue }
            guard fields.count == 2 || fields.count == 3 else { return nil }
            let names = fields.map { String(decoding: UnsafeBufferPointer(rebasing: b[$0.start ..< $0.end]), as: UTF8.self) }
            let lower = names.map { $0.lowercased() }
            let forward = sourceHeaderNames.contains(lower[0]) && targetHeaderNames.contains(lower[1])
            let backward = targetHeaderNames.contains(lower[0]) && sourceHeaderNames.contains(lower[1])
            let neutral = neutralHeaderNames.contains(lower[0]) && neutralHeaderNames.contains(lower[1])
            let weight = fields.count == 3 && weightNames.contains(lower[2]) && parseWeight(b, fields[2]) == nil
            guard forward || backward || neutral || weight else { return nil }
            return Header(start: lineStart, end: lineEnd, line: line, names: names, swapsEnds: backward && !forward)
        }
        return nil
    }

    /// The positions of `ids` in code point (UTF-8 byte) order. Most comparisons are of one
    /// integer: the first eight bytes, big-endian and zero-padded (ids hold no NUL byte, so a
    /// shorter id that is a prefix of a longer one sorts first, as it should); the ids in full
    /// only where those tie.
    static func codePointOrder(_ ids: [String]) -> [Int] {
        let keys = ids.map { id -> UInt64 in
            var key: UInt64 = 0, count = 0
            for b in id.utf8.prefix(8) { key = key << 8 | UInt64(b); count += 1 }
            return count == 0 ? 0 : key << (8 * UInt64(8 - count))
        }
        return ids.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return ids[a].utf8.lexicographicallyPrecedes(ids[b].utf8)
        }
    }

    /// How the file separates its fields, from its first line with fields: tabs when it has a
    /// tab (ids may then hold spaces: `Unit 7`), else any run of spaces and tabs. A first line
    /// whose fields are separated by commas (`A,B,3`, `A, B, 3`) is a CSV file: an error that
    /// says so, rather than ids that end in commas.
    /// - Parameters:
    ///   - b: The file's bytes.
    ///   - start: Where to start looking (after a byte-order mark).
    ///   - file: The file's name, for the error.
    /// - Returns: `true` when fields are separated by tabs only.
    /// - Throws: ``ReadError`` at the first line with fields when they are separated by commas.
    public static func layout(_ b: UnsafeBufferPointer<UInt8>, from start: Int, file: String) throws -> Bool {
        var lineStart = start
        var fields: [(start: Int, end: Int)] = []
        while lineStart < b.count {
            var lineEnd = lineStart
            while lineEnd < b.count && b[lineEnd] != 0x0A { lineEnd += 1 }
            splitFields(b, lineStart, lineEnd, into: &fields)
            if fields.isEmpty { lineStart = lineEnd + 1; continue }
            let comma = UInt8(ascii: ",")
            let hasTab = b[lineStart ..< lineEnd].contains(0x09)
            if !hasTab && (fields.dropLast().contains { b[$0.end - 1] == comma } || (fields.count == 1 && b[fields[0].start ..< fields[0].end].contains(comma))) {
                var positions = TextPositions(file: file, bytes: b)
                throw ReadError("fields are separated by commas: this is a CSV table, not an edge list (name it .csv, or read it with the csv input format)",
                                at: positions.location(of: lineStart))
            }
            return hasTab
        }
        return false
    }

    /// The fields of the line `b[start ..< end]`: runs of bytes between spaces, tabs, CR, VT or
    /// FF (with `tabs`, between tabs only, spaces around them trimmed), up to a `#` (a comment).
    /// Shared by both edge-list readers.
    static func splitFields(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into fields: inout [(start: Int, end: Int)], tabs: Bool = false) {
        fields.removeAll(keepingCapacity: true)
        if tabs {
            var i = start
            var stop = end
            if let hash = (start ..< end).first(where: { b[$0] == UInt8(ascii: "#") }) { stop = hash }
            func blank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0D || c == 0x0B || c == 0x0C }
            while i < stop {
                var j = i
                while j < stop && b[j] != 0x09 { j += 1 }
                var s = i, e = j
                while s < e && blank(b[s]) { s += 1 }
                while e > s && blank(b[e - 1]) { e -= 1 }
                if s < e { fields.append((s, e)) }
                i = j + 1
            }
            return
        }
        func separates(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C }
        var i = start
        while i < end {
            let c = b[i]
            if c == UInt8(ascii: "#") { break }
            if separates(c) { i += 1; continue }
            let s = i
            while i < end && !separates(b[i]) && b[i] != UInt8(ascii: "#") { i += 1 }
            fields.append((s, i))
        }
    }

    /// Parses a finite decimal number (strtod syntax, C locale); `nil` for anything else.
    static func parseWeight(_ b: UnsafeBufferPointer<UInt8>, _ f: (start: Int, end: Int)) -> Double? {
        let length = f.end - f.start
        guard length > 0, length < 64 else { return nil }
        // strtod accepts "inf", "nan" and hex floats; keep to plain decimals.
        for k in 0 ..< length {
            let c = b[f.start + k]
            let ok = (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: ".") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+")
                || c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
            if !ok { return nil }
        }
        // A NUL-terminated copy on the stack: no heap allocation per line.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buf -> Double? in
            for k in 0 ..< length { buf[k] = CChar(bitPattern: b[f.start + k]) }
            buf[length] = 0
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(buf.baseAddress!, &end)
            guard let end, end - buf.baseAddress! == length, value.isFinite else { return nil }
            return value
        }
    }
}
