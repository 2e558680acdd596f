import Synchronization
import TNetGraph

/// CSV writing (RFC 4180): a field is quoted when it holds a comma, a quote, a line break or
/// leading/trailing space; quotes inside are doubled. Lines end with `\n`.
public enum CSVText {
    /// One CSV field: `s` itself, or quoted with its quotes doubled when it holds a comma, a
    /// quote, a line break or leading or trailing white space.
    /// - Parameter s: the field's text.
    /// - Returns: the field as it stands in a row.
    public static func field(_ s: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        let scalars = s.unicodeScalars
        guard let head = scalars.first, let tail = scalars.last else { return s }
        func asciiSpace(_ u: Unicode.Scalar) -> Bool { u == " " || (u.value >= 0x09 && u.value <= 0x0D) }
        // Edges: ASCII decided by value (a space before a combining mark is quoted too, which
        // is harmless); other scalars by Character, as before.
        let edgeSpace = head.isASCII && tail.isASCII ? asciiSpace(head) || asciiSpace(tail)
            : s.first!.isWhitespace || s.last!.isWhitespace
        let needsQuotes = edgeSpace || scalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return s }
        // Scalars again: a quote followed by a combining mark is one Character.
        var out = "\""
        for u in s.unicodeScalars {
            if u == "\"" { out += "\"\"" } else { out.unicodeScalars.append(u) }
        }
        return out + "\""
    }

    /// One CSV record: the fields (each as ``field(_:)``) joined by commas, ending with `\n`.
    /// - Parameter fields: the fields' texts.
    /// - Returns: the line.
    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// The records `row(0)` … `row(count − 1)` as UTF-8, made in parallel in chunks and joined
    /// in order: the same bytes for any number of threads (a large merge's files have hundreds
    /// of thousands of rows).
    /// - Parameters:
    ///   - count: the number of records.
    ///   - threads: the most threads.
    ///   - row: the fields of the record at a position.
    /// - Returns: the lines, without a header.
    public static func rows(_ count: Int, threads: Int, _ row: (Int) -> [String]) -> [UInt8] {
        let chunk = 4096
        let chunks = (count + chunk - 1) / chunk
        let parts = Mutex<[[UInt8]]>(Array(repeating: [], count: chunks))
        forEachChunk(chunks, threads: threads) { c, _ in
            var text = ""
            for i in c * chunk ..< min(count, (c + 1) * chunk) { text += Self.row(row(i)) }
            let bytes = Array(text.utf8)
            parts.withLock { $0[c] = bytes }
        }
        return parts.withLock { $0.flatMap { $0 } }
    }

    /// Appends ``field(_:)`` of `s` as UTF-8 bytes: the same text, without building a String
    /// per field when both ends of `s` are ASCII (the usual case, decided on bytes).
    /// - Parameters:
    ///   - s: the field's text.
    ///   - out: the bytes to append to.
    public static func append(field s: String, to out: inout [UInt8]) {
        var text = s
        let plain = text.withUTF8 { utf8 -> Bool in
            guard let head = utf8.first, let tail = utf8.last else { return true }
            guard head < 0x80 && tail < 0x80 else { return false }
            func space(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
            var special = space(head) || space(tail)
            for b in utf8 where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D { special = true; break }
            if !special {
                out.append(contentsOf: utf8)
                return true
            }
            out.append(0x22)
            for b in utf8 {
                if b == 0x22 { out.append(0x22) }
                out.append(b)
            }
            out.append(0x22)
            return true
        }
        if !plain { out.append(contentsOf: field(s).utf8) }
    }
}
