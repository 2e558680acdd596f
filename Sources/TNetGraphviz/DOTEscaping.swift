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

    /// Wraps `s` at spaces so no line is much longer than `width` characters.
    public static func wrapped(_ s: String, width: Int) -> String {
        guard s.count > width else { return s }
        var lines: [String] = []
        var current = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: true) {
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
