import Crypto
import Foundation
import TNetModel

/// Writes a ``Briefing`` as one self-contained HTML file (inline CSS, script, data and SVG,
/// admitted by its Content-Security-Policy; nothing fetched) and as its Markdown twin (figures as SVG files beside it).
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
    /// - Returns: a self-contained HTML document: inline CSS, SVG and (with `pageJSON`) script, nothing fetched.
    ///   - pageJSON: the explorer's data (``PageData``, as ``BriefingFiles`` makes it); nil draws
    ///     the static diagram instead, and the page has no script.
    ///   - views: further drawings the explorer shows in tabs of their own (a timeline, a map),
    ///     each an SVG document with its tab's title; no tab stands for a view not given.
    public static func html(_ b: Briefing, diagramSVG: String, chartSVG: String, clustered: Bool = false,
                            pageJSON: String? = nil, views: [(title: String, svg: String)] = []) -> String {
        let doc = BriefingDocument(b: b, diagramSVG: diagramSVG, chartSVG: chartSVG, isClustered: clustered)
        let h = ReportText.html
        var pageLinks = [Int?](repeating: nil, count: b.dataset.links.count)
        var resolved = 0
        b.dataset.forEachResolvedLink { i, _, _ in pageLinks[i] = resolved; resolved += 1 }
        let style = pageJSON == nil ? css : css + "\n" + PageScript.css
        // Only the page's own style and script run: admitted by their hashes, nothing else.
        let policy = "default-src 'none'; style-src '\(cspHash(style))'"
            + (pageJSON == nil ? "" : "; script-src '\(cspHash(PageScript.js))'")
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="\(policy)">
        <title>\(h(b.dataset.title ?? "Network briefing"))</title>
        <style>\(style)</style>
        </head>
        <body>
        <main\(pageJSON == nil ? "" : " class=\"explore\"")>

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
                case .entity(let i):
                    let e = b.dataset.entities[i]
                    return pageJSON == nil ? h(e.label) : "<button type=\"button\" class=\"ref\" data-e=\"\(i)\" title=\"\(h(e.id))\">\(h(e.label))</button>"
                case .dataLink(let i):
                    let text = Findings.linkText(b.dataset, i)
                    guard pageJSON != nil, let k = pageLinks[i] else { return h(text) }
                    return "<button type=\"button\" class=\"ref\" data-l=\"\(k)\">\(h(text))</button>"
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
            case .explorer(_, let caption):
                guard let pageJSON else {
                    out += "<figure>\n<div class=\"svg\">" + inlineSVG(diagramSVG) + "</div>\n<figcaption>\(h(caption))</figcaption>\n</figure>\n"
                    continue
                }
                out += explorer(b, views: views)
                out += "<script type=\"application/json\" id=\"tnet-data\">" + pageJSON + "</script>\n"
            }
        }
        if !doc.footer.isEmpty { out += "<footer><p>\(h(doc.footer))</p></footer>\n" }
        if pageJSON != nil { out += "<script>" + PageScript.js + "</script>\n" }
        out += "</main>\n</body>\n</html>\n"
        return out
    }

    /// A CSP source expression admitting exactly this inline script or style.
    static func cspHash(_ text: String) -> String {
        "sha256-" + Data(SHA256.hash(data: Data(text.utf8))).base64EncodedString()
    }

    /// The explorer's controls (the script fills them and draws the network): search, filters,
    /// the date slider, the drawing, the panel, and a tab per extra view.
    static func explorer(_ b: Briefing, views: [(title: String, svg: String)]) -> String {
        let h = ReportText.html
        let n = b.dataset.entities.count
        // A plain graph has no grades: no confidence bar (and no word the data cannot back).
        let grades = """
        <label>Source reliability at least <select id="f-rel" aria-label="Minimum source reliability"></select></label>
        <label>Information credibility at least <select id="f-cred" aria-label="Minimum information credibility"></select></label>

        """
        var out = "<section id=\"explorer\" aria-label=\"Network explorer\">\n"
        out += "<div class=\"tabs\" role=\"tablist\"><button type=\"button\" role=\"tab\" aria-selected=\"true\" aria-controls=\"view-network\">Network</button>"
        for (k, v) in views.enumerated() {
            out += "<button type=\"button\" role=\"tab\" aria-selected=\"false\" aria-controls=\"view-\(k)\">\(h(v.title))</button>"
        }
        out += "</div>\n<div id=\"view-network\" role=\"tabpanel\">\n"
        out += """
        <div class="toolbar">
        <label>Find <input type="search" id="search" placeholder="name, id or alias" aria-label="Find an entity by name, id or alias" autocomplete="off"></label>
        <fieldset id="f-kinds"><legend>Entity kinds</legend></fieldset>
        <fieldset id="f-fams"><legend>Link families</legend></fieldset>
        \(b.isPlainGraph ? "" : grades)<label>From <input type="date" id="f-from" aria-label="Show facts holding on or after"></label>
        <label>to <input type="date" id="f-to" aria-label="Show facts holding on or before"></label>
        <span id="asof-box"><label><input type="checkbox" id="asof-on"> As of</label> <input type="range" id="asof" step="1" aria-label="The network as of a date"> <output id="asof-out" for="asof"></output></span>
        <button type="button" id="f-reset">Show all</button>
        </div>
        <ul id="results" role="listbox" aria-label="Matching entities" hidden></ul>
        <div class="stage">
        <div class="canvas">
        <svg id="net" tabindex="0" role="application" aria-label="Network drawing: drag or arrow keys to pan, wheel or + and - to zoom, 0 to fit; click an entity for its evidence" aria-describedby="explorer-help"></svg>
        <div class="zoomctl"><button type="button" id="zin" aria-label="Zoom in">+</button><button type="button" id="zout" aria-label="Zoom out">−</button><button type="button" id="zfit" aria-label="Fit the network">⤢</button></div>
        <div class="legend" id="legend"></div>
        </div>
        <aside id="panel" aria-live="polite" aria-label="Details"><p class="small">\(b.isPlainGraph ? "Click an entity, or find one by name, to see its attributes and every link." : "Click an entity or a finding, or find one by name, to see its kind, role, attributes, sources and grades, and every link with its evidence.")</p></aside>
        </div>
        <div class="status"><span id="status-counts"></span><span id="zoomlevel"></span><span id="route-out"></span></div>

        """
        out += "<p class=\"small\" id=\"explorer-help\">Filters follow tnet's: an entity shows when its kind is ticked\(b.isPlainGraph ? "" : ", its grade meets the bar (both letter and digit at least as good; an ungraded fact fails any bar)") and its period covers the dates; a link when both ends show and it passes the same tests. \"As of\" shows what <code>--as-of</code> keeps for that day. A route is a shortest path over the links shown, read either way, found in the page. "
        out += (n > PageData.overviewThreshold
                ? "Above \(PageData.overviewThreshold) entities (this network has \(n)) the page opens on its communities (Leiden), each one circle sized by its members and named after its best-linked member; zoom in past 400 % or click one to see its entities."
                : "Networks above \(PageData.overviewThreshold) entities open on an overview of their communities.") + "</p>\n"
        out += "</div>\n"
        for (k, v) in views.enumerated() {
            out += "<div id=\"view-\(k)\" role=\"tabpanel\" class=\"view\" hidden>" + inlineSVG(v.svg) + "</div>\n"
        }
        out += "</section>\n"
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
                case .entity(let i):
                    let e = b.dataset.entities[i]
                    return e.name == nil ? m(e.id) : m(e.label) + " (" + m(e.id) + ")"
                case .dataLink(let i): return m(Findings.linkText(b.dataset, i))
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
            case .figure(_, let file, let caption), .explorer(let file, let caption):
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
    main{max-width:1100px;margin:0 auto;padding:24px 28px 48px;overflow-wrap:anywhere}
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
