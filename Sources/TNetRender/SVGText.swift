import TNetIO

/// Small helpers the hand-written SVG drawings (``Timeline``, ``GeoMap``) share.
enum SVGText {
    /// A coordinate with at most one decimal (`12`, `12.5`), never in exponent form.
    static func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let tenths = Int((x * 10).rounded())
        let sign = tenths < 0 ? "-" : "", a = abs(tenths)
        return a % 10 == 0 ? sign + String(a / 10) : sign + String(a / 10) + "." + String(a % 10)
    }

    /// Text for element content: escaped, display controls shown as spaces.
    /// Characters XML 1.0 cannot hold (C0 controls, U+FFFE, U+FFFF) become spaces too.
    static func text(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0xFFFE || $0.value == 0xFFFF }) else { return XMLEscaping.display(s) }
        return XMLEscaping.display(String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0xFFFE || $0.value == 0xFFFF ? " " : $0 })))
    }

    /// Text for a double-quoted attribute value (the same rules: quotes are escaped too).
    static func attribute(_ s: String) -> String { text(s) }

    /// An id prefix with only ASCII letters, digits, `-` and `_` kept (safe in an id and a `url(#…)`).
    static func idPrefix(_ s: String) -> String {
        String(s.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }

    /// `s` cut to `limit` characters, with an ellipsis when cut.
    static func truncated(_ s: String, to limit: Int) -> String {
        s.count <= limit ? s : String(s.prefix(max(1, limit - 1))) + "…"
    }

    /// `s` broken at spaces into lines of at most about `limit` characters (a longer word stays
    /// whole on its own line).
    static func wrapped(_ s: String, to limit: Int) -> [String] {
        var lines: [String] = [], line = ""
        for word in s.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count > limit {
                lines.append(line)
                line = String(word)
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        lines.append(line)
        return lines
    }

    /// An SVG dash pattern for a Graphviz line style (``LinkStyle/lineStyle(_:)``).
    static func dash(_ style: String) -> String {
        switch style {
        case "dashed": return " stroke-dasharray=\"6 3\""
        case "dotted": return " stroke-dasharray=\"1.5 3\""
        default: return ""
        }
    }

    /// The opening of a standalone SVG document (no XML declaration, so that the same text can be
    /// placed inline in an HTML page).
    static func open(width: Double, height: Double, font: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(n(width))\" height=\"\(n(height))\" viewBox=\"0 0 \(n(width)) \(n(height))\" font-family=\"\(attribute(font)), Helvetica, Arial, sans-serif\" font-size=\"11\">\n"
            + "<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n"
    }
}
