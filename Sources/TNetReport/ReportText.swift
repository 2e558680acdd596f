import TNetIO

/// Escaping for the report's two targets.
public enum ReportText {
    /// Text for HTML content or a quoted attribute: `& < > " '` as entities; control characters
    /// (which HTML cannot show and XML cannot hold) dropped, a line break kept as a space.
    public static func html(_ s: String) -> String {
        XMLEscaping.display(s)
    }

    /// A URL that may become a link: http or https only, without spaces or control characters.
    /// Anything else (`javascript:`, `data:`, relative paths) is shown as text, never linked.
    public static func safeURL(_ s: String) -> String? {
        let lower = s.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else { return nil }
        guard s.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return nil }
        return s
    }

    /// Text for Markdown (CommonMark, GitHub): every ASCII punctuation character escaped with a
    /// backslash, `& < >` as entities (so no renderer sees HTML), line breaks as spaces. Safe in
    /// table cells (`|` is escaped too).
    public static func markdown(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\t": out += " "
            default:
                if u.value < 0x20 || u.value == 0x7F || (0x80 ..< 0xA0).contains(u.value) { continue }
                if u.isASCII && u.properties.generalCategory.isPunctuationOrSymbol { out += "\\" }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

extension Unicode.GeneralCategory {
    var isPunctuationOrSymbol: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default: return false
        }
    }
}
