import Foundation
import TNetModel

/// Writes a ``Briefing`` as one self-contained HTML file (inline CSS and SVG, no script, nothing
/// fetched) and as its Markdown twin (figures as SVG files beside it).
public enum BriefingWriter {
    /// The HTML page: every section of `b` with the two figures inlined. `diagramSVG` and
    /// `chartSVG` are SVG documents (an XML prolog, DOCTYPE and comments are dropped before
    /// they are inlined). Every dataset string is escaped (``ReportText/html(_:)``); only
    /// http and https URLs become links.
    /// - Parameters:
    ///   - b: the briefing.
    ///   - diagramSVG: the network diagram.
    ///   - chartSVG: the disruption curves.
    ///   - clustered: whether the diagram draws countries as boxes (its caption says so).
    /// - Returns: a self-contained HTML document: inline CSS and SVG, no script, nothing fetched.
    public static func html(_ b: Briefing, diagramSVG: String, chartSVG: String, clustered: Bool = false) -> String {
        let doc = BriefingDocument(b: b, diagramSVG: diagramSVG, chartSVG: chartSVG, isClustered: clustered)
        let h = ReportText.html
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>\(h(b.dataset.title ?? "Network briefing"))</title>
        <style>\(css)</style>
        </head>
        <body>
        <main>

        """
        func inline(_ items: [Inline]) -> String {
            items.map { item -> String in
                switch item {
                case .text(let s): return h(s)
                case .strong(let s): return "<strong>\(h(s))</strong>"
                case .code(let s): return "<code>\(h(s))</code>"
                case .link(let s, let url):
                    guard let safe = ReportText.safeURL(url) else { return h(s) + " (" + h(url) + ")" }
                    return "<a href=\"\(h(safe))\" rel=\"noopener noreferrer\">\(h(s))</a>"
                }
            }.joined()
        }
        for block in doc.blocks {
            switch block {
            case .heading(let s, let level): out += "<h\(level)>\(h(s))</h\(level)>\n"
            case .paragraph(let items): out += "<p>\(inline(items))</p>\n"
            case .list(let items): out += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
            case .table(let header, let rows):
                guard !rows.isEmpty else { out += "<p class=\"none\">None.</p>\n"; continue }
                out += "<div class=\"scroll\"><table\(header.count >= 4 ? " class=\"wide\"" : "")>\n<thead><tr>" + header.map { "<th>\(h($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                for row in rows { out += "<tr>" + row.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }
                out += "</tbody></table></div>\n"
            case .figure(let svg, _, let caption):
                out += "<figure>\n<div class=\"svg\">" + inlineSVG(svg) + "</div>\n<figcaption>\(h(caption))</figcaption>\n</figure>\n"
            }
        }
        if !doc.footer.isEmpty { out += "<footer><p>\(h(doc.footer))</p></footer>\n" }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    /// The Markdown twin; figures are linked as `diagram.svg` and `disruption.svg`. Every dataset
    /// string is escaped (``ReportText/markdown(_:)``).
    /// - Parameters:
    ///   - b: the briefing.
    ///   - clustered: whether the diagram draws countries as boxes (its caption says so).
    /// - Returns: CommonMark with GitHub tables, saying what the HTML page says.
    public static func markdown(_ b: Briefing, clustered: Bool = false) -> String {
        let doc = BriefingDocument(b: b, diagramSVG: "", chartSVG: "", isClustered: clustered)
        let m = ReportText.markdown
        func inline(_ items: [Inline]) -> String {
            items.map { item -> String in
                switch item {
                case .text(let s): return m(s)
                case .strong(let s): return "**\(m(s))**"
                case .code(let s): return m(s)  // escaped text: a backtick in an id cannot open code
                case .link(let s, let url):
                    guard let safe = ReportText.safeURL(url) else { return m(s) + " (" + m(url) + ")" }
                    return "[\(m(s))](<\(safe.replacingLess())>)"
                }
            }.joined()
        }
        var out = ""
        for block in doc.blocks {
            switch block {
            case .heading(let s, let level): out += String(repeating: "#", count: level) + " " + m(s) + "\n\n"
            case .paragraph(let items): out += inline(items) + "\n\n"
            case .list(let items): out += items.map { "- " + inline($0) + "\n" }.joined() + "\n"
            case .table(let header, let rows):
                guard !rows.isEmpty else { out += "None.\n\n"; continue }
                out += "| " + header.map(m).joined(separator: " | ") + " |\n"
                out += "|" + String(repeating: " --- |", count: header.count) + "\n"
                for row in rows { out += "| " + row.map(inline).joined(separator: " | ") + " |\n" }
                out += "\n"
            case .figure(_, let file, let caption):
                out += "![\(m(caption))](\(file))\n\n"
            }
        }
        if !doc.footer.isEmpty { out += m(doc.footer) + "\n" }
        return out
    }

    /// An SVG document without its XML prolog, DOCTYPE and comments, to sit inside HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        var body = String(svg[start.lowerBound...])
        // Graphviz writes comments holding node names (n0, n1…) and the graph's name: drop them.
        while let open = body.range(of: "<!--"), let close = body.range(of: "-->", range: open.upperBound ..< body.endIndex) {
            body.removeSubrange(open.lowerBound ..< close.upperBound)
        }
        return body
    }

    static let css = """
    body{font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:#1b1b1b;background:#fff;margin:0;line-height:1.45}
    main{max-width:1100px;margin:0 auto;padding:24px 28px 48px}
    h1{font-size:1.7em;margin:.2em 0 .4em}h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:2px solid #0072B2;padding-bottom:.15em}
    p{margin:.5em 0}code{font-family:Menlo,Consolas,monospace;font-size:.88em;background:#f3f3f3;padding:0 .25em;border-radius:3px;word-break:break-all}
    .scroll{overflow-x:auto}table{border-collapse:collapse;margin:.6em 0 1em;font-size:.9em;min-width:40%}table.wide{width:100%}
    th,td{border:1px solid #d6d6d6;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#eef4f9}
    tbody tr:nth-child(even){background:#fafafa}figure{margin:1em 0}.svg{overflow:auto;border:1px solid #ddd}
    .svg svg{max-width:100%;height:auto}figcaption{font-size:.85em;color:#555;margin-top:.3em}ul{padding-left:1.2em}li{margin:.25em 0}
    footer{margin-top:2.5em;font-size:.85em;color:#555;border-top:1px solid #ddd}.none{color:#777}
    @media print{.svg{max-height:none;border:none}}
    """
}

private extension String {
    /// `<` and `>` cannot stand in a Markdown link destination written as `<…>`, nor `|` in a
    /// table cell: percent-encoded, the same address.
    func replacingLess() -> String {
        var out = ""
        for u in unicodeScalars {
            switch u {
            case "<": out += "%3C"
            case ">": out += "%3E"
            case "|": out += "%7C"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
