import ArgumentParser
import Foundation
import TraffickingNetworks

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Routes from one entity to another: who and what lies between them.",
        discussion: """
        The fewest links by default; --weighted uses tie lengths (the links between a pair combined by --combine, default sum, min with --weight-as distance; 1/w with --weight-as strength: the graph every other command reads); --reliable finds the most reliable route (the largest product of link confidences: Admiralty grade values, ungraded links counted as F6). --k N lists the N cheapest simple paths (Yen), --all every path of least cost. --via and --avoid take entity ids or kinds (comma-separated; each --via item must be passed through). A --via query is settled at once when no route can pass an item, or when the cheapest walk through a single item repeats no one (it is then the cheapest route); otherwise it examines at most --max-candidates candidate routes, cheapest first (a simple route through given entities is NP-hard in general), and says when it stopped. --time-respecting keeps routes whose links can be taken in time order (dates t1 ≤ t2 ≤ … within the links' periods). Links follow their direction unless --undirected. Filters apply first (e.g. --min-confidence B3, --as-of 2022).
        JSON: {"from","to","cost_measure","complete","examined","paths":[{"cost","hops","reliability"?,"nodes":[ids],"links":[{"source","target","kind","confidence","period","sources"}]}]}. CSV: path,step,id,name,kind,link_kind,link_direction (forward, backward against a directed link with --undirected, or undirected),confidence,cost. In the table, --> marks a link walked along its direction, <-- against it.
        """
    )

    @OptionGroup var input: InputOptions
    @Argument(help: "Start entity id.") var from: String
    @Argument(help: "End entity id.") var to: String
    @Flag(help: "Link weights as lengths (see --weight-as).") var weighted = false
    @OptionGroup(title: "Graph") var graphOptions: ProjectionArguments
    @Flag(help: "Most reliable route: maximise the product of link confidences.") var reliable = false
    @Option(help: "Number of paths (k shortest simple paths).") var k = 1
    @Flag(help: "Every path of least cost.") var all = false
    @Option(help: ArgumentHelp("Pass through these ids or kinds (comma-separated; each must be met).", valueName: "id|kind")) var via: String?
    @Option(help: ArgumentHelp("Never pass through these ids or kinds (comma-separated).", valueName: "id|kind")) var avoid: String?
    @Option(name: .customLong("max-hops"), help: "Most links on a path.") var maxHops: Int?
    @Flag(name: .customLong("time-respecting"), help: "Links must be usable in time order.") var timeRespecting = false
    @Flag(help: "Follow links either way.") var undirected = false
    @Option(name: .customLong("max-candidates"), help: ArgumentHelp("--via: most candidate routes examined when the query is not settled directly.", valueName: "n")) var maxCandidates: Int = 200
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    func validate() throws {
        if weighted && reliable { throw ValidationError("--weighted and --reliable exclude each other") }
        if k < 1 { throw ValidationError("--k must be at least 1") }
        if let maxHops, maxHops < 1 { throw ValidationError("--max-hops must be at least 1") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            warnIfNoWeights(dataset, weighted: weighted)
            var options = RouteOptions()
            options.cost = reliable ? .reliability : weighted ? .weight : .hops
            options.projection = graphOptions.projection(weighted: weighted)
            options.count = k
            options.allShortest = all
            options.via = splitList(via)
            options.avoid = splitList(avoid)
            options.maxHops = maxHops
            options.timeRespecting = timeRespecting
            options.viaCandidateLimit = max(1, maxCandidates)
            options.undirected = undirected
            if weighted {
                let p = options.projection.using(.distance)
                do throws(ProjectionError) { try dataset.checkWeights(p) } catch { throw CLIError(error.description) }
                Diagnostics.note(p.describe(dataset.graph(p.with(direction: undirected ? .undirected : .auto)), links: dataset.resolvedLinkCount))
            }
            let result: RouteResult
            do throws(AnalysisError) { result = try dataset.routes(from: from, to: to, options: options) } catch { throw CLIError(error.description) }
            if !result.complete {
                Diagnostics.warning("stopped after examining \(result.examined) candidate paths (a route through given entities may need many more; raise --max-candidates): \(result.routes.count) of the \(k) route\(k == 1 ? "" : "s") asked for met the conditions")
            }
            if let reason = result.reason { Diagnostics.note(reason) } else if result.routes.isEmpty {
                Diagnostics.note("no route from \(from) to \(to) under these conditions\(result.complete ? "" : " among the \(result.examined) cheapest paths examined")")
            }
            switch format {
            case .json: emit(json(dataset, result, options))
            case .csv: emit(csv(dataset, result))
            case .table: emit(text(dataset, result, options))
            }
        }
    }

    private func json(_ d: Dataset, _ r: RouteResult, _ o: RouteOptions) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        w.key("from"); w.string(from)
        w.key("to"); w.string(to)
        w.key("cost_measure"); w.string(o.cost == .hops ? "hops" : o.cost == .weight ? "weight" : "reliability")
        w.key("complete"); w.bool(r.complete)
        w.key("examined"); w.int(r.examined)
        w.key("paths"); w.beginArray()
        for route in r.routes {
            w.beginObject()
            w.key("cost"); w.double(route.cost)
            w.key("hops"); w.int(route.hops)
            if o.cost == .reliability { w.key("reliability"); w.double(exp(-route.cost)) }
            w.key("nodes"); w.beginArray(inline: true); for e in route.entities { w.string(d.entities[e].id) }; w.endArray()
            w.key("links"); w.beginArray()
            for l in route.links { writeLink(&w, d.links[l]) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text + "\n"
    }

    private func csv(_ d: Dataset, _ r: RouteResult) -> String {
        var out = CSVText.row(["path", "step", "id", "name", "kind", "link_kind", "link_direction", "confidence", "cost"])
        for (p, route) in r.routes.enumerated() {
            for (i, e) in route.entities.enumerated() {
                let entity = d.entities[e]
                let link = i > 0 ? d.links[route.links[i - 1]] : nil
                let along = i > 0 ? direction(d, route, step: i) : ""
                out += CSVText.row([String(p + 1), String(i), entity.id, entity.name ?? "", entity.kind.rawValue,
                                    link?.kind.rawValue ?? "", along, link?.confidence?.description ?? "",
                                    i == route.entities.count - 1 ? JSONWriter.format(route.cost) : ""])
            }
        }
        return out
    }

    private func text(_ d: Dataset, _ r: RouteResult, _ o: RouteOptions) -> String {
        var out = ""
        for (p, route) in r.routes.enumerated() {
            var head = "path \(p + 1): \(route.hops) link\(route.hops == 1 ? "" : "s")"
            switch o.cost {
            case .hops: break
            case .weight: head += ", cost \(String(format6: route.cost))"
            case .reliability: head += ", reliability \(String(format6: exp(-route.cost)))"
            }
            out += head + "\n"
            for (i, e) in route.entities.enumerated() {
                if i > 0 {
                    // The link as stated: --> when walked along its direction, <-- against it.
                    let link = d.links[route.links[i - 1]]
                    let arrow = ["forward": "-->", "backward": "<--", "undirected": "---"][direction(d, route, step: i)]!
                    out += TextTable.clean("    \(arrow) \(link.evidence)") + "\n"
                }
                out += "  " + entityLabel(d.entities[e]) + "\n"
            }
        }
        return out
    }
}

/// How step `step` of a route walks its link: `forward` (source to target), `backward`
/// (against a directed link, as `--undirected` allows) or `undirected`.
func direction(_ d: Dataset, _ route: Route, step: Int) -> String {
    let link = d.links[route.links[step - 1]]
    if !d.isDirected(link) { return "undirected" }
    return link.source == d.entities[route.entities[step - 1]].id ? "forward" : "backward"
}

/// Writes a link's facts and provenance as a JSON object.
func writeLink(_ w: inout JSONWriter, _ link: Link) {
    w.beginObject()
    w.key("source"); w.string(link.source)
    w.key("target"); w.string(link.target)
    w.key("kind"); w.string(link.kind.rawValue)
    w.key("confidence"); if let c = link.confidence { w.string(c.description) } else { w.null() }
    w.key("period")
    if let p = link.period {
        w.beginObject()
        w.key("from"); if let f = p.from { w.string(f.description) } else { w.null() }
        w.key("to"); if let t = p.to { w.string(t.description) } else { w.null() }
        w.endObject()
    } else { w.null() }
    w.key("sources"); w.beginArray(inline: true); for s in link.sources { w.string(s) }; w.endArray()
    w.endObject()
}

/// "Name (id) [kind, role]" for tables, control characters shown as spaces.
func entityLabel(_ e: Entity) -> String {
    var s = e.name.map { "\($0) (\(e.id))" } ?? e.id
    var tags = [e.kind.rawValue]
    if let r = e.role { tags.append(r.isProtected ? "\(r.rawValue), protected" : r.rawValue) }
    s += " [\(tags.joined(separator: ", "))]"
    return TextTable.clean(s)
}

/// A comma-separated option as trimmed, non-empty items.
func splitList(_ text: String?) -> [String] {
    guard let text else { return [] }
    return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
