import TNetGraph
import TNetModel

/// Reads an edge list straight into a ``Graph``, without building a ``Dataset``: the fast path
/// for plain graphs (the benchmark load, and `tnet centrality` on an edge list with no filter).
///
/// Same syntax, node order and errors as ``EdgeListReader``: `u v [weight]` per line, spaces or
/// tabs, `#` comments, nodes numbered in order of first mention; a malformed line is an error
/// with its line and column. Canonical decimal ids (`0`, `17`, not `007`) are interned through
/// an array, other ids through a dictionary; weights in plain decimal notation with at most 15
/// significant digits are converted exactly as strtod would (one correctly rounded division,
/// Clinger's fast path), others by strtod.
public enum EdgeListGraphReader {
    public struct Result: Sendable {
        public var graph: Graph
        /// Node identifiers by index.
        public var ids: [String]
    }

    public static func read(_ input: InputFile, directed: Bool = false, weighted: Bool = true) throws -> Result {
        try input.checkText()
        return try input.bytes.withUnsafeBufferPointer { b throws -> Result in
            var numeric: [Int32] = []          // id value → node index + 1 (0: not seen)
            var named: [String: Int32] = [:]
            var ids: [String] = []
            var sources: [NodeIndex] = [], targets: [NodeIndex] = [], weights: [Double] = []
            let estimate = b.count / 16
            sources.reserveCapacity(estimate); targets.reserveCapacity(estimate)
            if weighted { weights.reserveCapacity(estimate) }
            var positions = TextPositions(file: input.name, bytes: b)

            func intern(_ start: Int, _ end: Int) -> Int32 {
                var value = 0, canonical = end - start <= 9 && (b[start] != 0x30 || end - start == 1)
                if canonical {
                    for k in start ..< end {
                        let d = Int(b[k]) - 48
                        if d < 0 || d > 9 { canonical = false; break }
                        value = value * 10 + d
                    }
                }
                if canonical {
                    if value >= numeric.count { numeric.append(contentsOf: repeatElement(0, count: max(value + 1 - numeric.count, numeric.count))) }
                    if numeric[value] != 0 { return numeric[value] - 1 }
                    let i = Int32(ids.count)
                    numeric[value] = i + 1
                    ids.append(String(value))
                    return i
                }
                let id = String(decoding: UnsafeBufferPointer(rebasing: b[start ..< end]), as: UTF8.self)
                if let i = named[id] { return i }
                let i = Int32(ids.count)
                named[id] = i
                ids.append(id)
                return i
            }
            func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0B || c == 0x0C }

            var fields: [(start: Int, end: Int)] = []
            var lineStart = input.bomLength
            let n = b.count
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n && b[lineEnd] != 0x0A { lineEnd += 1 }
                fields.removeAll(keepingCapacity: true)
                var i = lineStart
                while i < lineEnd {
                    let c = b[i]
                    if c == UInt8(ascii: "#") { break }
                    if isSpace(c) { i += 1; continue }
                    let s = i
                    while i < lineEnd && !isSpace(b[i]) && b[i] != UInt8(ascii: "#") { i += 1 }
                    fields.append((s, i))
                }
                switch fields.count {
                case 0: break
                case 2, 3:
                    var w = 1.0
                    if fields.count == 3 {
                        guard let x = fastDecimal(b, fields[2]) ?? EdgeListReader.parseWeight(b, fields[2]) else {
                            let text = String(decoding: UnsafeBufferPointer(rebasing: b[fields[2].start ..< fields[2].end]), as: UTF8.self)
                            throw ReadError("weight \(quoted(text)) is not a finite number", at: positions.location(of: fields[2].start))
                        }
                        w = x
                    }
                    sources.append(intern(fields[0].start, fields[0].end))
                    targets.append(intern(fields[1].start, fields[1].end))
                    if weighted { weights.append(w) }
                default:
                    let at = fields.count == 1 ? fields[0].end : fields[3].start
                    throw ReadError("expected 'source target [weight]', found \(fields.count) field\(fields.count == 1 ? "" : "s")",
                                    at: positions.location(of: at))
                }
                lineStart = lineEnd + 1
            }
            let graph = Graph(nodeCount: ids.count, directed: directed, sources: sources, targets: targets,
                              weights: weighted ? weights : nil)
            return Result(graph: graph, ids: ids)
        }
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
