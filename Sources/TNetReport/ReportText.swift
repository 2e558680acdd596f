import TNetGraphviz
import TNetIO

/// Escaping for the report's two targets.
public enum ReportText {
    /// Text for HTML content or a quoted attribute: `& < > " '` as entities; control characters
    /// (which HTML cannot show and XML cannot hold) and other display controls shown as spaces,
    /// a line break too.
    /// - Parameter s: any text.
    /// - Returns: the escaped text.
    public static func html(_ s: String) -> String {
        XMLEscaping.display(s)
    }

    /// A URL that may become a link: http or https only, without spaces or control characters.
    /// Anything else (`javascript:`, `data:`, relative paths) is shown as text, never linked.
    /// - Parameter s: a source's URL as the dataset gives it.
    /// - Returns: the URL to link, or nil when it must stay text.
    public static func safeURL(_ s: String) -> String? {
        let lower = s.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        guard s.unicodeScalars.allSatisfy({ $0.value > 0x20 && !$0.isDisplayControl }) else { return nil }
        return s
    }

    /// Text for Markdown (CommonMark, GitHub) inline content and table cells: only what Markdown
    /// would read as markup is escaped — `\\ ` ` * _ [ ] | ~` with a backslash, `& < >` as
    /// entities (so no renderer sees HTML or an autolink), and at the start of the text what
    /// would open a block (`#`, `+`, `-`, `=`, `>`, a number and `.` or `)`). Line breaks and
    /// display controls (`Unicode.Scalar.isDisplayControl`, TNetGraphviz) become spaces.
    /// `0.1.0` stays `0.1.0`.
    /// - Parameter s: any text.
    /// - Returns: the escaped text, on one line.
    public static func markdown(_ s: String) -> String {
        var out = ""
        var atStart = true
        var digitsAtStart = 0
        let scalars = Array(s.unicodeScalars)
        for (i, u) in scalars.enumerated() {
            // `1. ` or `1) ` opens a list only when a space or the end follows.
            let listMarker = i + 1 == scalars.count || scalars[i + 1] == " "
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "~": out += "\\"; out.unicodeScalars.append(u)
            case _ where atStart && "#+-=".unicodeScalars.contains(u): out += "\\"; out.unicodeScalars.append(u)
            case _ where atStart && digitsAtStart > 0 && listMarker && (u == "." || u == ")"): out += "\\"; out.unicodeScalars.append(u)
            default:
                if u.isDisplayControl { out += " " } else { out.unicodeScalars.append(u) }
            }
            if atStart && u.properties.numericType == .decimal && u.isASCII { digitsAtStart += 1; continue }
            atStart = false
        }
        return out
    }
}
