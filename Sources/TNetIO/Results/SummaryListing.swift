import TNetModel

/// A dataset's summary ready to print: counts by kind, the graph's size, density, components
/// and degrees.
public struct SummaryListing: PrintableResult, Sendable {
    /// The summary.
    public let summary: DatasetSummary
    /// Where the data came from and the filter applied.
    public let source: ResultSource

    /// A listing of `summary`.
    /// - Parameters:
    ///   - summary: the summary of the (filtered) dataset.
    ///   - source: the input and the filter, with the counts before it.
    public init(_ summary: DatasetSummary, source: ResultSource) {
        self.summary = summary
        self.source = source
    }

    private func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : ResultText.short(x) }

    private func degreeLine(_ d: DatasetSummary.Distribution) -> String {
        "min \(d.min), median \(number(d.median)), mean \(ResultText.short(d.mean)), max \(d.max)"
    }

    /// Key and value lines, then the counts by entity kind and by link kind.
    public var table: String {
        let s = summary
        var t = TextTable()
        t.append(["file", source.file])
        if let title = s.title { t.append(["title", title]) }
        if let before = source.before, let filter = source.filter {
            t.append(["filter", "\(filter): kept \(s.entityCount) of \(before.entities) entities, \(s.linkCount) of \(before.links) links"])
        }
        t.append(["entities", String(s.entityCount)])
        t.append(["links", String(s.linkCount)])
        if s.sourceCount > 0 { t.append(["sources", String(s.sourceCount)]) }
        t.append(["graph", "\(s.directed ? "directed" : "undirected"), \(s.nodeCount) nodes, \(s.edgeCount) edges (ties)"])
        // Arcs: each link once, an undirected link in a directed graph twice (one each way).
        let arcs = s.edgeCount + s.combinedLinks, twoWay = arcs - s.linkCount
        if twoWay > 0 {
            t.append(["two-way", "\(twoWay) undirected link\(twoWay == 1 ? " is an edge" : "s are edges") both ways in the directed graph: \(s.linkCount) links make \(arcs) edges before combining"])
        }
        if s.combinedLinks > 0 {
            t.append(["combined", "edges between the same pair in the same direction are one tie: \(s.combinedLinks) fewer, \(s.edgeCount) ties; analyses read the ties (weights summed unless another rule is chosen)"])
        }
        t.append(["density", ResultText.short(s.density)])
        t.append(["components", "\(s.components)\(s.directed ? " (weakly connected)" : ""), largest \(s.largestComponent) nodes"])
        t.append(["isolated", String(s.isolated)])
        t.append(["self-loops", String(s.selfLoops)])
        t.append(["degree", degreeLine(s.degree)])
        if let d = s.inDegree { t.append(["in-degree", degreeLine(d)]) }
        if let d = s.outDegree { t.append(["out-degree", degreeLine(d)]) }
        var out = t.text
        // A file whose kind column holds a name per row has as many kinds as rows: the table
        // shows the most numerous and says how many more there are.
        for (heading, member, counts) in [("entity kind", ("entity", "entities"), s.entitiesByKind.map { ($0.kind.rawValue, $0.count) }),
                                          ("link kind", ("link", "links"), s.linksByKind.map { ($0.kind.rawValue, $0.count) })] {
            var table = TextTable(header: [heading, "count"], rightAligned: [1])
            for (k, n) in counts.prefix(Self.kindRows) { table.append([k, String(n)]) }
            out += "\n" + table.text
            if counts.count > Self.kindRows {
                let rest = counts.dropFirst(Self.kindRows)
                let members = rest.reduce(0) { $0 + $1.1 }, noun = members == 1 ? member.0 : member.1
                out += "(\(rest.count) more \(heading)\(rest.count == 1 ? "" : "s"), \(counts.count) in all, holding \(members) \(noun); --format csv lists every one)\n"
            }
        }
        return out
    }

    /// Most kinds listed in the table (the JSON and CSV list them all).
    public static let kindRows = 40

    /// `{"file","title","filter","entities","links","sources","entity_kinds","link_kinds","graph":{…},"degree":{…}}`.
    public var json: String {
        let s = summary
        return JSONWriter.object { w in
            w.key("file"); w.string(source.file)
            w.key("title"); w.string(orNull: s.title)
            w.key("filter")
            if let before = source.before, let filter = source.filter {
                w.beginObject()
                w.key("description"); w.string(filter.description)
                w.key("entities_before"); w.int(before.entities)
                w.key("links_before"); w.int(before.links)
                w.endObject()
            } else {
                w.null()
            }
            w.key("entities"); w.int(s.entityCount)
            w.key("links"); w.int(s.linkCount)
            w.key("sources"); w.int(s.sourceCount)
            w.key("entity_kinds"); w.beginObject()
            for (k, n) in s.entitiesByKind { w.key(k.rawValue); w.int(n) }
            w.endObject()
            w.key("link_kinds"); w.beginObject()
            for (k, n) in s.linksByKind { w.key(k.rawValue); w.int(n) }
            w.endObject()
            w.key("graph"); w.beginObject()
            w.key("directed"); w.bool(s.directed)
            w.key("nodes"); w.int(s.nodeCount)
            w.key("edges"); w.int(s.edgeCount)
            w.key("combined_links"); w.int(s.combinedLinks)
            w.key("density"); w.double(s.density)
            w.key("self_loops"); w.int(s.selfLoops)
            w.key("isolated"); w.int(s.isolated)
            w.key("components"); w.int(s.components)
            w.key("largest_component"); w.int(s.largestComponent)
            w.endObject()
            func dist(_ name: String, _ d: DatasetSummary.Distribution) {
                w.key(name); w.beginObject()
                w.key("min"); w.int(d.min)
                w.key("median"); w.double(d.median)
                w.key("mean"); w.double(d.mean)
                w.key("max"); w.int(d.max)
                w.endObject()
            }
            dist("degree", s.degree)
            if let d = s.inDegree { dist("in_degree", d) }
            if let d = s.outDegree { dist("out_degree", d) }
        }
    }

    /// `section,key,value` rows.
    public var csv: String {
        let s = summary
        var out = CSVText.row(["section", "key", "value"])
        func row(_ a: String, _ b: String, _ c: String) { out += CSVText.row([a, b, c]) }
        row("dataset", "file", source.file)
        row("dataset", "title", s.title ?? "")
        if let before = source.before, let filter = source.filter {
            row("filter", "description", filter.description)
            row("filter", "entities_before", String(before.entities))
            row("filter", "links_before", String(before.links))
        }
        row("dataset", "entities", String(s.entityCount))
        row("dataset", "links", String(s.linkCount))
        row("dataset", "sources", String(s.sourceCount))
        for (k, n) in s.entitiesByKind { row("entity_kinds", k.rawValue, String(n)) }
        for (k, n) in s.linksByKind { row("link_kinds", k.rawValue, String(n)) }
        row("graph", "directed", s.directed ? "true" : "false")
        row("graph", "nodes", String(s.nodeCount))
        row("graph", "edges", String(s.edgeCount))
        row("graph", "combined_links", String(s.combinedLinks))
        row("graph", "density", ResultText.exact(s.density))
        row("graph", "self_loops", String(s.selfLoops))
        row("graph", "isolated", String(s.isolated))
        row("graph", "components", String(s.components))
        row("graph", "largest_component", String(s.largestComponent))
        func dist(_ name: String, _ d: DatasetSummary.Distribution) {
            row(name, "min", String(d.min)); row(name, "median", ResultText.exact(d.median))
            row(name, "mean", ResultText.exact(d.mean)); row(name, "max", String(d.max))
        }
        dist("degree", s.degree)
        if let d = s.inDegree { dist("in_degree", d) }
        if let d = s.outDegree { dist("out_degree", d) }
        return out
    }
}
