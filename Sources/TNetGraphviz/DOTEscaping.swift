/// Quoting for DOT, so that any text survives cgraph's parser and Graphviz's label escapes.
public enum DOTEscaping {
    /// `s` as a DOT quoted string for an escString attribute (label, tooltip, xlabel): quotes and
    /// backslashes escaped (so `\N` and friends stay literal), line breaks as `\n`, other
    /// control characters (which XML output cannot hold) as spaces.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// `s` as a DOT quoted string for text Graphviz draws (label, tooltip, xlabel): as
    /// ``quoted(_:)``, and `&` written `&amp;`, because Graphviz decodes HTML entities in
    /// plain labels (`AT&amp;T` would otherwise be drawn `AT&T`).
    public static func text(_ s: String) -> String {
        quoted(s.contains("&") ? s.split(separator: "&", omittingEmptySubsequences: false).joined(separator: "&amp;") : s)
    }

    /// `s` escaped for the text of an HTML-like label (`<TABLE>…`): `& < > "` as entities,
    /// control characters (which XML cannot hold) as spaces.
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
                if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE ... 0xFFFF).contains(scalar.value) { out += " " }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Wraps `s` at spaces so no line is much longer than `width` characters.
    /// A word longer than one and a half lines is cut.
    public static func wrapped(_ s: String, width: Int) -> String {
        guard s.count > width else { return s }
        var lines: [String] = []
        var current = ""
        var words: [Substring] = []
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
            var w = word
            while w.count > width + width / 2 {
                let cut = w.index(w.startIndex, offsetBy: width)
                words.append(w[..<cut])
                w = w[cut...]
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
