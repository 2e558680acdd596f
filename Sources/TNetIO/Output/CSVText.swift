/// CSV writing (RFC 4180): a field is quoted when it holds a comma, a quote, a line break or
/// leading/trailing space; quotes inside are doubled. Lines end with `\n`.
public enum CSVText {
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

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }
}
