import TNetGraphviz
import TNetModel

/// Escaping for XML 1.0 text and attribute values. Characters XML 1.0 cannot hold at all
/// (control characters other than tab, line feed, carriage return) make the writer throw
/// before this is reached.
public enum XMLEscaping {
    /// `s` as XML character data: `&`, `<`, `>` as entities, a carriage return as `&#13;` (so
    /// a parser does not fold it into a line feed); everything else unchanged.
    /// - Parameter s: text XML 1.0 can hold (``representable(_:)``).
    /// - Returns: the escaped text; a parser reads back exactly `s`.
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// `s` as a double-quoted XML attribute value: `& < > "` as entities, and tab, line feed and
    /// carriage return as character references (so attribute normalisation keeps them).
    /// - Parameter s: text XML 1.0 can hold (``representable(_:)``).
    /// - Returns: the escaped value, without the quotes; a parser reads back exactly `s`.
    public static func attribute(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Text shown to a reader in XML or HTML (a chart's labels, a report's cells), content or
    /// quoted attribute alike; unlike ``text(_:)`` and ``attribute(_:)``, which keep data
    /// exactly, this is for display: the rules of `DOTEscaping.html(_:)`, which legends use too.
    /// - Parameter s: any text.
    /// - Returns: the escaped text, display controls shown as spaces.
    public static func display(_ s: String) -> String { DOTEscaping.html(s) }

    /// Whether XML 1.0 can hold every character of `s`: tab, line feed, carriage return and
    /// U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and above.
    /// - Parameter s: any text.
    public static func representable(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { u in
            u == "\t" || u == "\n" || u == "\r" || (u.value >= 0x20 && u.value <= 0xD7FF)
                || (u.value >= 0xE000 && u.value <= 0xFFFD) || u.value >= 0x10000
        }
    }
}
