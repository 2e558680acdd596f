import TNetGraphviz
import TNetModel
import TNetIO

/// The legend: the diagram's title and what its shapes, colours and lines mean, for the kinds
/// present only. Written as the graph's HTML-like label at the bottom left, so it is no node
/// and does not disturb the layout. Every dataset string in it is escaped for HTML.
enum Legend {
    /// Most entity kinds the legend lists (the most common; the rest are counted in a row).
    static let kindLimit = 24
    /// Most link kinds named in one row (the rest are counted).
    static let listLimit = 12

    static func html(_ dataset: Dataset, options: DiagramOptions) -> String {
        let theme = options.theme
        let h = DOTEscaping.html
        var rows: [String] = []
        func text(_ s: String, bold: Bool = false, span: Int = 2) -> String {
            let t = bold ? "<B>\(h(s))</B>" : h(s)
            return "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"\(span)\">\(t)</TD></TR>"
        }
        func swatch(_ color: String, _ label: String) -> String {
            "<TR><TD BGCOLOR=\"\(color)\" BORDER=\"1\" COLOR=\"#777777\" WIDTH=\"16\" HEIGHT=\"10\" FIXEDSIZE=\"TRUE\"></TD><TD ALIGN=\"LEFT\">\(h(label))</TD></TR>"
        }
        func line(_ glyphs: String, _ color: String, _ label: String) -> String {
            "<TR><TD ALIGN=\"LEFT\"><FONT COLOR=\"\(color)\">\(glyphs)</FONT></TD><TD ALIGN=\"LEFT\">\(h(label))</TD></TR>"
        }

        // Bounded like any text a diagram shows: a title of 120 characters, 24 entity kinds
        // (the most common; the rest counted), 12 link kinds to a row (helper-45: a
        // 100,000-character title and 3,000 kinds made a legend 100,000 points tall).
        func listed(_ kinds: [LinkKind]) -> String {
            kinds.prefix(Self.listLimit).map { TextTable.bounded($0.rawValue, to: 40) }.joined(separator: ", ")
                + (kinds.count > Self.listLimit ? " and \(kinds.count - Self.listLimit) more" : "")
        }
        if let title = options.title ?? dataset.title, !title.isEmpty { rows.append(text(TextTable.bounded(title, to: 120), bold: true)) }
        rows.append(text("\(dataset.entities.count) entities, \(dataset.links.count) links"))

        rows.append(text("Entities", bold: true))
        let byKind = dataset.entityCountsByKind()
        let shown = byKind.count <= Self.kindLimit ? byKind
            : Array(byKind.sorted { ($0.count, $1.kind) > ($1.count, $0.kind) }.prefix(Self.kindLimit))
        for (kind, count) in shown.sorted(by: { $0.kind < $1.kind }) {
            let style = theme.style(for: kind)
            rows.append(swatch(style.fill, "\(TextTable.bounded(kind.rawValue, to: 40)) (\(style.shape)): \(count)"))
        }
        if byKind.count > shown.count {
            let others = byKind.count - shown.count, entities = byKind.reduce(0) { $0 + $1.count } - shown.reduce(0) { $0 + $1.count }
            rows.append(text("\(others) more kind\(others == 1 ? "" : "s"): \(entities) entit\(entities == 1 ? "y" : "ies")"))
        }
        let protected = dataset.entities.filter(\.isProtected).count
        if protected > 0 {
            rows.append(text("\(protected) protected person\(protected == 1 ? "" : "s") (victim, survivor): never a target of disruption"))
        }

        if !dataset.links.isEmpty {
            rows.append(text("Links", bold: true))
            let kinds = Set(dataset.links.map(\.kind))
            var named = Set<LinkKind>()
            for family in LinkStyle.families {
                let present = family.kinds.filter(kinds.contains)
                guard !present.isEmpty else { continue }
                // A theme may recolour a kind: a family row shows the colour its kinds share.
                let colors = Set(present.map(theme.color(for:)))
                if colors.count == 1 {
                    rows.append(line("———", colors.first!, "\(family.name): " + listed(present)))
                    named.formUnion(present)
                }
            }
            let rest = kinds.subtracting(named).sorted()
            var byColor: [(String, [LinkKind])] = [], colorRow: [String: Int] = [:]
            for k in rest {
                let c = theme.color(for: k)
                if let i = colorRow[c] { byColor[i].1.append(k) } else { colorRow[c] = byColor.count; byColor.append((c, [k])) }
            }
            // A theme may give every kind its own colour: at most listLimit such rows, the rest counted.
            for (c, ks) in byColor.prefix(Self.listLimit) { rows.append(line("———", c, listed(ks))) }
            if byColor.count > Self.listLimit {
                let more = byColor.dropFirst(Self.listLimit).reduce(0) { $0 + $1.1.count }
                rows.append(text("\(more) more link kind\(more == 1 ? "" : "s") in \(byColor.count - Self.listLimit) more colours"))
            }
            let styles = Set(dataset.links.map { LinkStyle.lineStyle($0.confidence) })
            let glyphs = ["solid": "———", "dashed": "– – –", "dotted": "· · · ·"]
            // The grade key only where some link is graded: a plain graph's legend says nothing of sources.
            let graded = dataset.links.contains { $0.confidence != nil }
            for (style, meaning) in LinkStyle.lineStyles where graded && styles.contains(style) {
                rows.append(line(glyphs[style]!, "#333333", meaning))
            }
            if dataset.links.contains(where: { ($0.weight ?? 1) != (dataset.links.first?.weight ?? 1) }) {
                rows.append(text("wider line: larger weight"))
            }
        }
        if let measure = options.sizeMeasure, options.sizes != nil { rows.append(text("larger node: higher \(measure)")) }
        if let c = options.clustering, !c.labels.isEmpty { rows.append(text("boxes: \(c.basis)")) }
        if !options.highlightedEntities.isEmpty || !options.highlightedLinks.isEmpty {
            rows.append(text("outlined: highlighted; the rest is dimmed"))
        }
        for note in options.notes { rows.append(text(note)) }
        return "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">" + rows.joined() + "</TABLE>"
    }
}
