import TNetGraph
import TNetModel


/// Reads an edge list straight into a `Graph`, without building a `Dataset` (the benchmarks'
/// load); its ``Scan`` is also how ``EdgeListReader`` reads a well-formed file into a dataset's
/// columns, so every command takes the same path.
///
/// Same syntax, header detection, node order, combination of parallel edges and errors as
/// ``EdgeListReader`` read through `Dataset.graph(_:)`: `u v [weight]` per line, spaces or
/// tabs, `#` comments, nodes numbered in the code point order of their ids (so the graph does
/// not depend on the order of the lines); a malformed line is an error with its line and column. Canonical decimal ids (`0`, `17`, not `007`; below max(2²⁰, file size)) are interned
/// through an array, other ids through a dictionary; weights in plain decimal notation with at most 15
/// significant digits are converted exactly as strtod would (one correctly rounded division,
/// Clinger's fast path), others by strtod.
public enum EdgeListGraphReader {
    /// The graph read, with what a caller needs to name its nodes and check its weights.
    public struct Result: Sendable {
        /// The graph: node `i` is the id `ids[i]`; parallel edges combined as asked.
        public var graph: Graph
        /// Node identifiers by index.
        public var ids: [String]
        /// Lines read as links.
        public var links: Int
        /// The first line, when it names columns instead of holding a link (``EdgeListReader/header(_:from:)``).
        public var header: EdgeListReader.Header?
        /// Where the first negative weight is, `nil` when there is none: no analysis reads a
        /// negative tie, so a caller that uses weights refuses the file there.
        public var negativeWeight: SourceLocation?
        /// Where the first zero weight is, `nil` when there is none: a caller that takes
        /// reciprocals of weights must check the combined ties for 0.
        public var zeroWeight: SourceLocation?
    }

    /// Reads the edge list. With `threads > 1` (and a file over 1 MiB) line-aligned chunks are
    /// parsed in parallel; ids are then numbered in one pass in file order, so the graph is the
    /// same for any thread count, and the first bad line in the file is the one reported.
    /// - Parameters:
    ///   - input: The file's bytes (already decoded to UTF-8).
    ///   - directed: Whether each line is an arc (else an undirected edge).
    ///   - weighted: Whether the graph carries the third column (a missing one counts 1);
    ///     weights are checked to be finite numbers either way.
    ///   - combine: How parallel edges between the same pair are combined.
    ///   - threads: How many threads may parse; 1 parses on the calling thread.
    /// - Returns: The graph, its node ids, the number of edge lines, the header line if any,
    ///   and where the first negative and zero weights are.
    /// - Throws: ``ReadError`` for a file that is not text, fields separated by commas (a CSV
    ///   file), or at the first line with the wrong number of fields or a weight that is not a
    ///   finite number.
    /// - Complexity: O(*n* + *v* log *v*) for a file of *n* bytes with *v* distinct ids (the
    ///   ids are sorted).
    public static func read(_ input: InputFile, directed: Bool = false, weighted: Bool = true, combine: LinkCombination = .sum,
                            threads: Int = 1) throws -> Result {
        let scan = try Scan(input, weighted: weighted, lines: false, threads: threads)
        if let e = scan.error { throw ReadError(e.message, at: e.location) }
        let graph = Graph(nodeCount: scan.ids.count, directed: directed, sources: scan.sources, targets: scan.targets,
                          weights: weighted ? scan.weights : nil, duplicates: combine.policy)
        return Result(graph: graph, ids: scan.ids, links: scan.sources.count, header: scan.header,
                      negativeWeight: scan.negativeWeight, zeroWeight: scan.zeroWeight)
    }

    /// An edge list's lines as parallel arrays, nodes numbered in the code point order of their
    /// ids: what both the graph and the dataset are built from.
    package struct Scan {
        /// Node identifiers by index, in code point order.
        package var ids: [String] = []
        /// Each line's ends (already swapped when the header names the target first).
        package var sources: [NodeIndex] = [], targets: [NodeIndex] = []
        /// Each line's weight when read weighted; a line without one weighs 1, or NaN (none)
        /// when line numbers are kept (a dataset's links, whose missing weights stay missing).
        package var weights: [Double] = []
        /// Each line's line number, when asked for.
        package var lines: [Int32] = []
        package var header: EdgeListReader.Header?
        package var negativeWeight: SourceLocation?
        package var zeroWeight: SourceLocation?
        /// Ids read as one although their bytes differ (``EdgeListReader/Respelling``).
        package var respelled: EdgeListReader.Respelling?
        /// The first malformed line: nothing else is then filled in.
        package var error: (message: String, location: SourceLocation)?

        private init() {}

        /// Scans the file. With `threads > 1` (and a file over 1 MiB) line-aligned chunks are
        /// parsed in parallel; ids are then numbered in one pass in file order, so the result is
        /// the same for any thread count, and the first bad line in the file is the one reported.
        /// - Parameters:
        ///   - input: the file's bytes (already decoded to UTF-8).
        ///   - weighted: whether weights are kept (they are checked to be finite numbers either way).
        ///   - lines: whether each link's line number is kept.
        ///   - threads: how many threads may parse.
        /// - Throws: ``ReadError`` for a file that is not text, or fields separated by commas.
        package init(_ input: InputFile, weighted: Bool, lines: Bool, threads: Int) throws {
            try input.checkText()
            self = try input.bytes.withUnsafeBufferPointer { b throws -> Scan in
                var scan = Scan()
                let tabs = try EdgeListReader.layout(b, from: input.bomLength, file: input.name)
                let header = EdgeListReader.header(b, from: input.bomLength)
                scan.header = header
                let first = header.map { min($0.end + 1, b.count) } ?? input.bomLength
                let t = threads > 1 && b.count - first > 1 << 20 ? threads : 1
                var bounds = [first]
                for i in 1 ..< t {
                    var p = max(bounds[i - 1], first + (b.count - first) * i / t)
                    while p < b.count && b[p - 1] != 0x0A { p += 1 }
                    bounds.append(p)
                }
                bounds.append(b.count)
                var chunks = [Chunk](repeating: Chunk(), count: t)
                let cuts = bounds
                // Decimal ids below this index nodes through an array; larger ones (a sparse id
                // space) go through the dictionary, so the array never outgrows the file.
                let numericLimit = Int64(max(1 << 20, b.count))
                chunks.withUnsafeMutableBufferPointer { out in
                    forEachChunk(t, threads: t) { i, _ in
                        out[i] = parse(b, from: cuts[i], to: cuts[i + 1], weighted: weighted, numericLimit: numericLimit,
                                       tabs: tabs, lines: lines, missing: lines ? .nan : 1)
                    }
                }
                var positions = TextPositions(file: input.name, bytes: b)
                for c in chunks {
                    if let e = c.error {
                        scan.error = (e.message, positions.location(of: e.offset))
                        return scan
                    }
                }
                scan.negativeWeight = chunks.lazy.compactMap(\.negative).first.map { positions.location(of: $0) }
                scan.zeroWeight = chunks.lazy.compactMap(\.zero).first.map { positions.location(of: $0) }
                // Weights and lines in file order, whichever way the nodes are numbered.
                let edges = chunks.reduce(0) { $0 + $1.ends.count / 2 }
                if weighted {
                    scan.weights.reserveCapacity(edges)
                    for c in chunks { scan.weights.append(contentsOf: c.weights) }
                }
                if lines {
                    scan.lines.reserveCapacity(edges)
                    var lineBase = Int32(header.map { $0.line + 1 } ?? 1)
                    for c in chunks {
                        for l in c.lines { scan.lines.append(lineBase + l) }
                        lineBase += c.lineCount
                    }
                }
                // Every id a plain decimal (the usual integer edge list): numbered straight into
                // canonical order, without strings or a first-mention pass.
                if chunks.allSatisfy({ $0.names.isEmpty }), let numbered = numberDecimalIDs(chunks, threads: t) {
                    scan.ids = numbered.ids
                    scan.sources = numbered.sources
                    scan.targets = numbered.targets
                    if header?.swapsEnds == true { swap(&scan.sources, &scan.targets) }
                    return scan
                }
                // Number the nodes in order of first mention.
                var numeric: [Int32] = []          // id value → node index + 1 (0: not seen)
                var named: [String: Int32] = [:]
                var ids: [String] = []
                var sources: [NodeIndex] = [], targets: [NodeIndex] = []
                sources.reserveCapacity(edges); targets.reserveCapacity(edges)
                var edgeBase = 0
                for c in chunks {
                    defer { edgeBase += c.ends.count / 2 }
                    for (k, end) in c.ends.enumerated() {
                        let node: Int32
                        if end >= 0 {
                            let value = Int(end)
                            if value >= numeric.count { numeric.append(contentsOf: repeatElement(0, count: max(value + 1 - numeric.count, numeric.count))) }
                            if numeric[value] != 0 {
                                node = numeric[value] - 1
                            } else {
                                node = Int32(ids.count)
                                numeric[value] = node + 1
                                ids.append(String(value))
                            }
                        } else {
                            let range = c.names[Int(-end - 1)]
                            let id = String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
                            if let i = named[id] {
                                node = i
                                // Equal as text, other bytes: another Unicode form of the id
                                // (either spelling may be the ASCII one: K and the Kelvin sign).
                                if !ids[Int(i)].utf8.elementsEqual(id.utf8) {
                                    let edge = edgeBase + k / 2
                                    EdgeListReader.Respelling.note(&scan.respelled, kept: ids[Int(i)], other: id,
                                                                   line: scan.lines.isEmpty ? nil : scan.lines[edge])
                                }
                            } else {
                                node = Int32(ids.count)
                                named[id] = node
                                ids.append(id)
                            }
                        }
                        if k & 1 == 0 { sources.append(node) } else { targets.append(node) }
                    }
                }
                // Canonical node order: by id, in code point (UTF-8 byte) order.
                let order = EdgeListReader.codePointOrder(ids)
                var rank = [NodeIndex](repeating: 0, count: ids.count)
                for (r, i) in order.enumerated() { rank[i] = NodeIndex(r) }
                scan.ids = order.map { ids[$0] }
                for k in sources.indices {
                    sources[k] = rank[Int(sources[k])]
                    targets[k] = rank[Int(targets[k])]
                }
                if header?.swapsEnds == true { swap(&sources, &targets) }
                scan.sources = sources
                scan.targets = targets
                return scan
            }
        }
    }

    /// The nodes of chunks whose ends are all canonical decimal ids (below 2^31), numbered
    /// in canonical order (by id in code point order, as ``EdgeListReader/codePointOrder(_:)``
    /// sorts them) directly from the values: a decimal string's order is that of its digits
    /// padded with zeros to 17 places, shorter first on a tie (`12` < `120` < `1200` < `13`).
    /// The ends are mapped on `threads` threads. Same result as numbering by first mention
    /// and then sorting the ids' strings.
    static func numberDecimalIDs(_ chunks: [Chunk], threads: Int) -> (ids: [String], sources: [NodeIndex], targets: [NodeIndex])? {
        var maxValue: Int64 = -1
        for c in chunks { for e in c.ends where e > maxValue { maxValue = e } }
        guard maxValue >= 0, maxValue < Int64(Int32.max) else { return nil }
        var rank = [Int32](repeating: -1, count: Int(maxValue) + 1)
        for c in chunks { for e in c.ends { rank[Int(e)] = 0 } }
        // Sort keys: the value padded to 17 digits, times 32, plus its digit count.
        var pow10 = [UInt64](repeating: 1, count: 18)
        for k in 1 ..< 18 { pow10[k] = pow10[k - 1] * 10 }
        var keys: [UInt64] = []
        for v in 0 ..< rank.count where rank[v] == 0 {
            var digits = 1
            while digits < 17 && UInt64(v) >= pow10[digits] { digits += 1 }
            keys.append((UInt64(v) * pow10[17 - digits]) << 5 | UInt64(digits))
        }
        keys.sort()
        var ids: [String] = []
        ids.reserveCapacity(keys.count)
        for (r, key) in keys.enumerated() {
            let v = Int((key >> 5) / pow10[17 - Int(key & 31)])
            rank[v] = Int32(r)
            ids.append(String(v))
        }
        // Each chunk's ends into its place, on every thread.
        var offsets: [Int] = [0]
        for c in chunks { offsets.append(offsets.last! + c.ends.count / 2) }
        let edges = offsets.last!
        var sources = [NodeIndex](repeating: 0, count: edges), targets = [NodeIndex](repeating: 0, count: edges)
        let table = rank
        sources.withUnsafeMutableBufferPointer { sp in
            targets.withUnsafeMutableBufferPointer { tp in
                nonisolated(unsafe) let sp = sp, tp = tp
                forEachChunk(chunks.count, threads: threads) { i, _ in
                    let ends = chunks[i].ends
                    var k = offsets[i]
                    var j = 0
                    while j + 1 < ends.count {
                        sp[k] = NodeIndex(table[Int(ends[j])])
                        tp[k] = NodeIndex(table[Int(ends[j + 1])])
                        k += 1
                        j += 2
                    }
                }
            }
        }
        return (ids, sources, targets)
    }

    /// One chunk's edges before numbering: each end is a canonical decimal id (≥ 0) or
    /// −(k + 1) for the k-th entry of `names` (a byte range); the first problem stops the chunk.
    struct Chunk {
        var ends: [Int64] = []
        var names: [Range<Int>] = []
        var weights: [Double] = []
        /// With `lines`: each link's line, counted from the chunk's first line (0), and the
        /// number of lines in the chunk.
        var lines: [Int32] = []
        var lineCount: Int32 = 0
        var error: (offset: Int, message: String)?
        /// Byte offsets of the first negative and the first zero weight.
        var negative: Int?
        var zero: Int?
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>, from lower: Int, to upper: Int, weighted: Bool,
                      numericLimit: Int64, tabs: Bool = false, lines: Bool = false, missing: Double = 1) -> Chunk {
        var chunk = Chunk()
        let estimate = (upper - lower) / 16
        chunk.ends.reserveCapacity(2 * estimate)
        if weighted { chunk.weights.reserveCapacity(estimate) }
        if lines { chunk.lines.reserveCapacity(estimate) }
        func end(_ start: Int, _ stop: Int) -> Int64 {
            if stop - start <= 9 && (b[start] != 0x30 || stop - start == 1) {
                var value: Int64 = 0
                var canonical = true
                for k in start ..< stop {
                    let d = Int64(b[k]) - 48
                    if d < 0 || d > 9 { canonical = false; break }
                    value = value * 10 + d
                }
                if canonical && value < numericLimit { return value }
            }
            chunk.names.append(start ..< stop)
            return -Int64(chunk.names.count)
        }
        var fields: [(start: Int, end: Int)] = []
        var lineStart = lower
        while lineStart < upper {
            var lineEnd = lineStart
            while lineEnd < upper && b[lineEnd] != 0x0A { lineEnd += 1 }
            EdgeListReader.splitFields(b, lineStart, lineEnd, into: &fields, tabs: tabs)
            switch fields.count {
            case 0: break
            case 2, 3:
                var w = missing
                if fields.count == 3 {
                    guard let x = fastDecimal(b, fields[2]) ?? EdgeListReader.parseWeight(b, fields[2]) else {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: b[fields[2].start ..< fields[2].end]), as: UTF8.self)
                        chunk.error = (fields[2].start, "weight \(quoted(text)) is not a finite number")
                        return chunk
                    }
                    w = x
                    if x < 0 && chunk.negative == nil { chunk.negative = fields[2].start }
                    if x == 0 && chunk.zero == nil { chunk.zero = fields[2].start }
                }
                chunk.ends.append(end(fields[0].start, fields[0].end))
                chunk.ends.append(end(fields[1].start, fields[1].end))
                if weighted { chunk.weights.append(w) }
                if lines { chunk.lines.append(chunk.lineCount) }
            default:
                let at = fields.count == 1 ? fields[0].end : fields[3].start
                chunk.error = (at, "expected 'source target [weight]', found \(fields.count) field\(fields.count == 1 ? "" : "s")")
                return chunk
            }
            lineStart = lineEnd + 1
            chunk.lineCount += 1
        }
        return chunk
    }

    private static let powersOfTen: [Double] = (0 ... 22).map { k in (0 ..< k).reduce(1.0) { x, _ in x * 10 } }

    /// `[-]digits[.digits]` with at most 15 significant digits: the mantissa and 10^k are exact
    /// doubles, so one division gives the correctly rounded value. `nil`: use strtod.
    static func fastDecimal(_ b: UnsafeBufferPointer<UInt8>, _ f: (start: Int, end: Int)) -> Double? {
        var i = f.start
        let negative = b[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa: Int64 = 0, digits = 0, fraction = 0, seenDot = false, any = false
        while i < f.end {
            let c = b[i]
            if c == UInt8(ascii: ".") {
                if seenDot { return nil }
                seenDot = true
            } else if c >= 0x30 && c <= 0x39 {
                any = true
                if mantissa > 0 || c != 0x30 { digits += 1 }
                if digits > 15 { return nil }
                mantissa = mantissa * 10 + Int64(c - 0x30)
                if seenDot { fraction += 1 }
            } else {
                return nil
            }
            i += 1
        }
        guard any, fraction <= 22 else { return nil }
        let value = Double(mantissa) / powersOfTen[fraction]
        return negative ? -value : value
    }
}
