import TNetModel

extension Timeline {
    private typealias N = SVGText

    /// The y of the top of row `r`.
    func rowTop(_ r: Int) -> Double { 84 + Double(r) * options.rowHeight }

    func render() -> String {
        let theme = options.theme, width = options.width, rh = options.rowHeight
        let title = options.title ?? dataset.title ?? "Timeline"
        let pre = N.idPrefix(options.idPrefix)
        let plotLeft = 16 + options.labelWidth, plotRight = width - 30
        let rowsBottom = rowTop(rows.count)
        let legendTop = rowsBottom + 34
        let textLines = (options.notes + notes + [
            "Bars: an entity's own period, from the first day its start covers to the last day its end covers (2023 = the whole year). Open end (unknown, or still holding): drawn to the edge of the axis, fading, dashed. An arrow at an edge: the bar goes on beyond the axis.",
            "Connectors: a dated link, drawn where it begins, from its source row (dot) to its target row (arrow when directed); a hollow dot: only its end date is known. A row without a bar: the entity has no dates of its own.",
            "Line: " + LinkStyle.lineStyles.map { "\($0.style) \($0.meaning)" }.joined(separator: "; ") + ". Hover a bar or connector for dates, grade and sources.",
        ]).flatMap { N.wrapped($0, to: Int((width - 32) / 5.4)) }
        let height = legendTop + 26 + Double(textLines.count) * 15 + 10
        var out = N.open(width: width, height: height, font: theme.font)
        out += "<title>\(N.text(title))</title>\n"
        // Gradients for open ends, one pair per colour used.
        var fills: [String] = []
        for r in rows { if let e = r.entity, r.bar != nil { let f = fill(e); if !fills.contains(f) { fills.append(f) } } }
        out += "<defs>\n<pattern id=\"\(pre)protected\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#E6E6E6\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9A9A9A\" stroke-width=\"2\"/></pattern>\n"
        for (i, f) in fills.enumerated() {
            out += "<linearGradient id=\"\(pre)fade-right-\(i)\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\"><stop offset=\"0\" stop-color=\"\(N.attribute(f))\"/><stop offset=\"0.55\" stop-color=\"\(N.attribute(f))\"/><stop offset=\"1\" stop-color=\"\(N.attribute(f))\" stop-opacity=\"0.1\"/></linearGradient>\n"
            out += "<linearGradient id=\"\(pre)fade-left-\(i)\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\"><stop offset=\"0\" stop-color=\"\(N.attribute(f))\" stop-opacity=\"0.1\"/><stop offset=\"0.45\" stop-color=\"\(N.attribute(f))\"/><stop offset=\"1\" stop-color=\"\(N.attribute(f))\"/></linearGradient>\n"
        }
        out += "</defs>\n"
        out += "<text x=\"16\" y=\"30\" font-size=\"16\" font-weight=\"bold\">\(N.text(title))</text>\n"
        out += "<text x=\"16\" y=\"47\" fill=\"#555555\">\(N.text("Periods of entities and dated links, \(rows.filter { $0.entity != nil }.count) entities, \(events.reduce(0) { $0 + $1.count }) links"))</text>\n"
        guard !rows.isEmpty else {
            for (i, line) in textLines.enumerated() { out += "<text x=\"16\" y=\"\(N.n(legendTop + 26 + Double(i) * 15))\" font-size=\"10.5\">\(N.text(line))</text>\n" }
            return out + "</svg>\n"
        }
        // Zebra rows, year grid, ticks.
        out += "<g>\n"
        for r in rows.indices where r % 2 == 1 {
            out += "<rect x=\"8\" y=\"\(N.n(rowTop(r)))\" width=\"\(N.n(width - 16))\" height=\"\(N.n(rh))\" fill=\"#F5F5F5\"/>"
        }
        out += "\n</g>\n"
        let first = Timeline.civil(axis.start).year, last = Timeline.civil(axis.end).year
        let yearWidth = x(day: Timeline.day(year: first + 1, month: 1, day: 1)) - x(day: axis.start)
        let labelEvery = yearWidth >= 34 ? 1 : yearWidth >= 17 ? 2 : yearWidth >= 7 ? 5 : 10
        out += "<g stroke=\"#CCCCCC\" stroke-width=\"0.6\">\n"
        for y in first ... last {
            let yearDay = Timeline.day(year: y, month: 1, day: 1)
            guard yearDay >= axis.start && yearDay <= axis.end else { continue }
            let xx = x(day: yearDay)
            out += "<line x1=\"\(N.n(xx))\" y1=\"\(N.n(rowTop(0) - 10))\" x2=\"\(N.n(xx))\" y2=\"\(N.n(rowsBottom))\"/>"
            if yearWidth / 12 >= 4 && y < last {
                for m in 2 ... 12 where Timeline.day(year: y, month: m, day: 1) < axis.end {
                    let mx = x(day: Timeline.day(year: y, month: m, day: 1))
                    out += "<line x1=\"\(N.n(mx))\" y1=\"\(N.n(rowTop(0) - 4))\" x2=\"\(N.n(mx))\" y2=\"\(N.n(rowTop(0)))\"/>"
                }
            }
        }
        out += "\n</g>\n<g fill=\"#333333\" text-anchor=\"middle\">\n"
        for y in first ..< last where (y - first) % labelEvery == 0 {
            let a = x(day: Timeline.day(year: y, month: 1, day: 1))
            let cx = labelEvery == 1 ? a + yearWidth / 2 : a
            guard cx >= plotLeft && cx <= plotRight else { continue }
            out += "<text x=\"\(N.n(cx))\" y=\"\(N.n(rowTop(0) - 14))\">\(y)</text>"
        }
        out += "\n</g>\n"
        out += "<line x1=\"\(N.n(plotLeft))\" y1=\"\(N.n(rowTop(0) - 10))\" x2=\"\(N.n(plotRight))\" y2=\"\(N.n(rowTop(0) - 10))\" stroke=\"#333333\"/>\n"
        // Labels and bars.
        let chars = max(8, Int((options.labelWidth - 24) / 5.9))
        for (r, row) in rows.enumerated() {
            let top = rowTop(r), mid = top + rh / 2
            if let kind = row.heading {
                out += "<text x=\"16\" y=\"\(N.n(mid + 4))\" font-weight=\"bold\">\(N.text(kind.rawValue))</text>\n"
                continue
            }
            guard let i = row.entity else { continue }
            let e = dataset.entities[i]
            let label = e.label + (e.isProtected ? " (protected)" : "")
            out += "<text x=\"28\" y=\"\(N.n(mid + 4))\"\(e.isProtected ? " fill=\"#555555\" font-style=\"italic\"" : "")><title>\(N.text(label))</title>\(N.text(N.truncated(label, to: chars)))</text>\n"
            guard let bar = row.bar else {
                out += "<line x1=\"\(N.n(plotLeft))\" y1=\"\(N.n(mid))\" x2=\"\(N.n(plotRight))\" y2=\"\(N.n(mid))\" stroke=\"#D8D8D8\" stroke-width=\"1\"/>\n"
                continue
            }
            let x0 = max(plotLeft, bar.start.map { x(day: $0) } ?? plotLeft)
            var x1 = min(plotRight, bar.end.map { x(day: $0) } ?? plotRight)
            let cutLeft = bar.start.map { $0 < axis.start } ?? true, cutRight = bar.end.map { $0 > axis.end } ?? true
            if x1 - x0 < 4 { x1 = x0 + 4 }
            let f = fill(i), fi = fills.firstIndex(of: f) ?? 0
            let paint = e.isProtected ? "url(#\(pre)protected)" : bar.start == nil ? "url(#\(pre)fade-left-\(fi))" : bar.end == nil ? "url(#\(pre)fade-right-\(fi))" : f
            let period = e.period.map { ($0.from?.description ?? "open") + " – " + ($0.to?.description ?? "open") } ?? ""
            let tip = "\(e.label) (\(e.kind.rawValue)): \(period)" + (e.confidence.map { " [\($0)]" } ?? "") + (e.sources.isEmpty ? "" : " (" + e.sources.joined(separator: ", ") + ")")
            out += "<rect x=\"\(N.n(x0))\" y=\"\(N.n(top + 3))\" width=\"\(N.n(x1 - x0))\" height=\"\(N.n(rh - 6))\" fill=\"\(N.attribute(paint))\" stroke=\"#444444\" stroke-width=\"0.6\"\(bar.start == nil || bar.end == nil ? " stroke-dasharray=\"3 2\"" : "")><title>\(N.text(tip))</title></rect>\n"
            if cutRight {
                out += "<path d=\"M\(N.n(plotRight)),\(N.n(top + 2)) L\(N.n(plotRight + 9)),\(N.n(mid)) L\(N.n(plotRight)),\(N.n(top + rh - 2)) z\" fill=\"#444444\"/>\n"
            }
            if cutLeft {
                out += "<path d=\"M\(N.n(plotLeft)),\(N.n(top + 2)) L\(N.n(plotLeft - 9)),\(N.n(mid)) L\(N.n(plotLeft)),\(N.n(top + rh - 2)) z\" fill=\"#444444\"/>\n"
            }
        }
        // Connectors; links that begin on the same day are spread 3 px apart.
        var sameDay: [Int: Int] = [:]
        out += "<g stroke-width=\"1.4\">\n"
        for ev in events {
            let link = dataset.links[ev.link]
            let shownDay = min(axis.end, max(axis.start, ev.day))
            let k = sameDay[shownDay, default: 0]
            sameDay[shownDay] = k + 1
            let xx = min(plotRight, max(plotLeft, x(day: ev.day))) + Double(k % 6) * 3
            let ys = rowTop(ev.sourceRow) + rh / 2, yt = rowTop(ev.targetRow) + rh / 2
            let color = N.attribute(theme.color(for: link.kind))
            let s = dataset.entities[dataset.endpoints(ofLink: ev.link).source!], t = dataset.entities[dataset.endpoints(ofLink: ev.link).target!]
            let tip = ev.count == 1 ? "\(s.label) → \(t.label): \(link.evidence)" + GeoMap.periodText(link.period)
                : "\(s.label) → \(t.label): \(ev.count) \(link.kind.rawValue) links from \(Self.dateText(ev.day)) to \(Self.dateText(ev.lastDay)) (drawn together; the first: \(link.evidence))"
            out += "<g><title>\(N.text(tip))</title>"
            if ev.sourceRow != ev.targetRow {
                let dir: Double = yt > ys ? 1 : -1
                let end = yt - dir * (dataset.isDirected(link) ? 6 : 3)
                out += "<line x1=\"\(N.n(xx))\" y1=\"\(N.n(ys))\" x2=\"\(N.n(xx))\" y2=\"\(N.n(end))\" stroke=\"\(color)\"\(N.dash(LinkStyle.lineStyle(link.confidence)))/>"
                if dataset.isDirected(link) {
                    out += "<path d=\"M\(N.n(xx - 3.5)),\(N.n(yt - dir * 7)) L\(N.n(xx)),\(N.n(yt)) L\(N.n(xx + 3.5)),\(N.n(yt - dir * 7)) z\" fill=\"\(color)\"/>"
                } else {
                    out += "<circle cx=\"\(N.n(xx))\" cy=\"\(N.n(yt))\" r=\"2.6\" fill=\"\(color)\"/>"
                }
            }
            out += "<circle cx=\"\(N.n(xx))\" cy=\"\(N.n(ys))\" r=\"2.8\" fill=\"\(ev.endOnly ? "#FFFFFF" : color)\" stroke=\"\(color)\"/></g>\n"
        }
        out += "</g>\n"
        // Legend.
        var lx = 16.0
        let ly = legendTop
        out += "<rect x=\"\(N.n(lx))\" y=\"\(N.n(ly - 9))\" width=\"30\" height=\"10\" fill=\"#BBBBBB\" stroke=\"#444444\" stroke-width=\"0.6\"/><text x=\"\(N.n(lx + 36))\" y=\"\(N.n(ly))\">period</text>\n"
        lx += 90
        out += "<rect x=\"\(N.n(lx))\" y=\"\(N.n(ly - 9))\" width=\"30\" height=\"10\" fill=\"#BBBBBB\" fill-opacity=\"0.5\" stroke=\"#444444\" stroke-width=\"0.6\" stroke-dasharray=\"3 2\"/><path d=\"M\(N.n(lx + 30)),\(N.n(ly - 10)) L\(N.n(lx + 38)),\(N.n(ly - 4)) L\(N.n(lx + 30)),\(N.n(ly + 2)) z\" fill=\"#444444\"/><text x=\"\(N.n(lx + 44))\" y=\"\(N.n(ly))\">open end</text>\n"
        lx += 110
        out += "<rect x=\"\(N.n(lx))\" y=\"\(N.n(ly - 9))\" width=\"30\" height=\"10\" fill=\"url(#\(pre)protected)\" stroke=\"#444444\" stroke-width=\"0.6\"/><text x=\"\(N.n(lx + 36))\" y=\"\(N.n(ly))\">protected person</text>\n"
        lx += 140
        let kindsUsed = Set(events.map { dataset.links[$0.link].kind })
        for fam in LinkStyle.families where fam.kinds.contains(where: kindsUsed.contains) {
            out += "<line x1=\"\(N.n(lx))\" y1=\"\(N.n(ly - 4))\" x2=\"\(N.n(lx + 24))\" y2=\"\(N.n(ly - 4))\" stroke=\"\(N.attribute(theme.color(for: fam.kinds[0])))\" stroke-width=\"2\"/><text x=\"\(N.n(lx + 30))\" y=\"\(N.n(ly))\">\(N.text(fam.name))</text>\n"
            lx += 40 + Double(fam.name.count) * 6
        }
        if kindsUsed.contains(where: { k in !LinkStyle.families.contains { $0.kinds.contains(k) } }) {
            out += "<line x1=\"\(N.n(lx))\" y1=\"\(N.n(ly - 4))\" x2=\"\(N.n(lx + 24))\" y2=\"\(N.n(ly - 4))\" stroke=\"\(N.attribute(theme.linkColor))\" stroke-width=\"2\"/><text x=\"\(N.n(lx + 30))\" y=\"\(N.n(ly))\">other links</text>\n"
        }
        for (i, line) in textLines.enumerated() {
            out += "<text x=\"16\" y=\"\(N.n(ly + 24 + Double(i) * 15))\" fill=\"#333333\" font-size=\"10.5\">\(N.text(line))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// The bar colour of entity `i`: its kind's fill.
    private func fill(_ i: Int) -> String { options.theme.style(for: dataset.entities[i].kind).fill }
}
