/// Quoting for DOT, so that any text survives cgraph's parser and Graphviz's label escapes.
public enum DOTEscaping {
    /// `s` as a DOT quoted string for an escString attribute (label, tooltip, xlabel): quotes and
    /// backslashes escaped (so `\N` and friends stay literal), line breaks as `\n`, other
    /// control characters (which XML output cannot hold) as spaces.
    /// - Parameter s: any text.
    /// - Returns: the quoted string, quotes included.
    public static func quoted(_ s: String) -> String { escaped(s, ampersands: false) }

    /// `s` as a DOT quoted string for text Graphviz draws (label, tooltip, xlabel): as
    /// ``quoted(_:)``, and `&` written `&amp;`, because Graphviz decodes HTML entities in
    /// plain labels (`AT&amp;T` would otherwise be drawn `AT&T`).
    /// - Parameter s: the text to draw.
    /// - Returns: the quoted string, quotes included.
    public static func text(_ s: String) -> String { escaped(s, ampersands: true) }

    /// Works on UTF-8 bytes: every byte that needs escaping is ASCII, so multi-byte characters
    /// pass through untouched, and a text with nothing to escape is copied whole.
    /// Display controls beyond ASCII (C1, bidirectional overrides: ``Unicode/Scalar/isDisplayControl``)
    /// are drawn as spaces too, so a label cannot reverse the text around it in the drawing.
    private static func escaped(_ s: String, ampersands: Bool) -> String {
        var s = s
        if s.utf8.contains(where: { $0 >= 0xC2 }), s.unicodeScalars.contains(where: { $0.value >= 0x80 && $0.isDisplayControl }) {
            s = String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value >= 0x80 && $0.isDisplayControl ? " " : $0 }))
        }
        return s.withUTF8 { bytes -> String in
            func special(_ b: UInt8) -> Bool {
                b < 0x20 || b == 0x7F || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") || (ampersands && b == UInt8(ascii: "&"))
            }
            guard bytes.contains(where: special) else { return "\"" + String(decoding: bytes, as: UTF8.self) + "\"" }
            var out: [UInt8] = [UInt8(ascii: "\"")]
            out.reserveCapacity(bytes.count + 16)
            for b in bytes {
                switch b {
                case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), b]
                case UInt8(ascii: "\\"): out += [b, b]
                case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): break
                case UInt8(ascii: "&") where ampersands: out += Array("&amp;".utf8)
                default: out.append(b < 0x20 || b == 0x7F ? UInt8(ascii: " ") : b)
                }
            }
            out.append(UInt8(ascii: "\""))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// `s` escaped as text of HTML or XML (an HTML-like label `<TABLE>…`, a chart, a report),
    /// content or quoted attribute alike: `& < > " '` as entities; control characters (C0, DEL,
    /// C1) and U+FFFE/U+FFFF, which XML cannot hold, as spaces, with the bidirectional controls
    /// (``Swift/Unicode/Scalar/isDisplayControl``).
    /// - Parameter s: any text.
    /// - Returns: the escaped text.
    public static func html(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.isDisplayControl { out += " " }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Wraps `s` at spaces so no line is much longer than `width` characters.
    /// A word longer than one and a half lines is cut.
    /// - Parameters:
    ///   - s: the label text.
    ///   - width: the line length aimed at, in characters.
    /// - Returns: the text with line breaks (`\n`) between lines; `s` itself when it fits.
    public static func wrapped(_ s: String, width: Int) -> String {
        guard s.count > width else { return s }
        var lines: [String] = []
        var current = ""
        var words: [Substring] = []
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var w = word
            // Counted once, then down by each cut: recounting the rest after every cut took
            // time quadratic in a long word (minutes for a two-megabyte name).
            var left = w.count
            while left > width + width / 2 {
                let cut = w.index(w.startIndex, offsetBy: width)
                words.append(w[..<cut])
                w = w[cut...]
                left -= width
            }
            words.append(w)
        }
        for word in words {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
