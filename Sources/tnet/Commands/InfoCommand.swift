import ArgumentParser
import TraffickingNetworks

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a dataset: counts by kind, density, components, degrees.",
        discussion: """
        JSON shape: {"file", "title", "filter": null or {"description", "entities_before", "links_before"}, "entities", "links", "sources", "entity_kinds": {KIND: N}, "link_kinds": {KIND: N}, "graph": {"directed", "nodes", "edges", "combined_links", "density", "self_loops", "isolated", "components", "largest_component"}, "degree": {"min", "median", "mean", "max"}, and for a directed graph "in_degree" and "out_degree" of the same shape}. CSV: section,key,value rows.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    /// Counts before the filters, when any is set.
    typealias Before = (entities: Int, links: Int)?

    func run() throws {
        try Diagnostics.reporting {
            Progress.step("reading \(input.input)")
            let (dataset, before) = try input.loadCounting()
            let summary = DatasetSummary(dataset, progress: Progress.step)
            Progress.clear()
            switch format {
            case .table: emit(table(summary, before: before))
            case .json: emit(json(summary, before: before))
            case .csv: emit(csv(summary, before: before))
            }
        }
    }

    private func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(format6: x)
    }

    private func degreeLine(_ d: DatasetSummary.Distribution) -> String {
        "min \(d.min), median \(number(d.median)), mean \(String(format6: d.mean)), max \(d.max)"
    }

    func table(_ s: DatasetSummary, before: Before) -> String {
        var t = TextTable()
        t.append(["file", input.input])
        if let title = s.title { t.append(["title", title]) }
        if let before {
            t.append(["filter", "\(input.filters.filter): kept \(s.entityCount) of \(before.entities) entities, \(s.linkCount) of \(before.links) links"])
        }
        t.append(["entities", String(s.entityCount)])
        t.append(["links", String(s.linkCount)])
        if s.sourceCount > 0 { t.append(["sources", String(s.sourceCount)]) }
        t.append(["graph", "\(s.directed ? "directed" : "undirected"), \(s.nodeCount) nodes, \(s.edgeCount) edges (ties)"])
        if s.combinedLinks > 0 {
            t.append(["combined", "links between the same pair (repeated, or both directions when undirected) are one tie: \(s.combinedLinks) fewer ties than links; analyses read the ties (--combine says how weights add up)"])
        }
        t.append(["density", String(format6: s.density)])
        t.append(["components", "\(s.components)\(s.directed ? " (weakly connected)" : ""), largest \(s.largestComponent) nodes"])
        t.append(["isolated", String(s.isolated)])
        t.append(["self-loops", String(s.selfLoops)])
        t.append(["degree", degreeLine(s.degree)])
        if let d = s.inDegree { t.append(["in-degree", degreeLine(d)]) }
        if let d = s.outDegree { t.append(["out-degree", degreeLine(d)]) }
        var out = t.text
        var kinds = TextTable(header: ["entity kind", "count"], rightAligned: [1])
        for (k, n) in s.entitiesByKind { kinds.append([k.rawValue, String(n)]) }
        out += "\n" + kinds.text
        var links = TextTable(header: ["link kind", "count"], rightAligned: [1])
        for (k, n) in s.linksByKind { links.append([k.rawValue, String(n)]) }
        out += "\n" + links.text
        return out
    }

    func json(_ s: DatasetSummary, before: Before) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("file"); w.string(input.input)
        w.key("title"); if let t = s.title { w.string(t) } else { w.null() }
        w.key("filter")
        if let before {
            w.beginObject()
            w.key("description"); w.string(input.filters.filter.description)
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
        w.endObject()
        return w.text + "\n"
    }

    func csv(_ s: DatasetSummary, before: Before) -> String {
        var out = CSVText.row(["section", "key", "value"])
        func row(_ a: String, _ b: String, _ c: String) { out += CSVText.row([a, b, c]) }
        row("dataset", "file", input.input)
        row("dataset", "title", s.title ?? "")
        if let before {
            row("filter", "description", input.filters.filter.description)
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
        row("graph", "density", JSONWriter.format(s.density))
        row("graph", "self_loops", String(s.selfLoops))
        row("graph", "isolated", String(s.isolated))
        row("graph", "components", String(s.components))
        row("graph", "largest_component", String(s.largestComponent))
        func dist(_ name: String, _ d: DatasetSummary.Distribution) {
            row(name, "min", String(d.min)); row(name, "median", JSONWriter.format(d.median))
            row(name, "mean", JSONWriter.format(d.mean)); row(name, "max", String(d.max))
        }
        dist("degree", s.degree)
        if let d = s.inDegree { dist("in_degree", d) }
        if let d = s.outDegree { dist("out_degree", d) }
        return out
    }
}

extension String {
    /// Up to six significant decimals, trailing zeros removed (for tables, not for data).
    init(format6 x: Double) {
        guard x.isFinite else { self = "\(x)"; return }
        let scaled = (x * 1_000_000).rounded() / 1_000_000
        if scaled == 0 && x != 0 { self = "\(x)"; return }
        self = scaled == scaled.rounded() && abs(scaled) < 1e15 ? String(Int(scaled)) : "\(scaled)"
    }
}
