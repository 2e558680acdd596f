import ArgumentParser
import TraffickingNetworks

struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "How much can move from one side to the other, and the smallest cut that stops it.",
        discussion: """
        Maximum flow from every --from entity to every --to entity (ids or kinds, comma-separated), along link directions (undirected links both ways; --undirected for all), over the same graph as every other command: the links between a pair are one tie (both directions when undirected), whose capacity is 1 or, with --capacity ATTR (a numeric link attribute, or weight; missing values count 1), the links' capacities combined by --combine (default sum; --weight-as distance reads capacity 1/w). The minimum cut lists the ties whose removal stops all flow, with the links behind each; their capacities add up to the value. --vertex-cut also lists the fewest entities whose removal leaves no route; protected persons (victims, survivors) are never among them (forced-criminality principle) and the output says how many were excluded. JSON: {"value","cut":[[u,v]…],"cut_ties":[{"from","to","capacity","links"}…],"cut_links":[…]} and with --vertex-cut "cut_nodes":[ids] (null when no set of removable entities separates the sides), "protected_excluded". CSV: type,from,to,capacity,links (type cut_tie or cut_node).
        """
    )

    @OptionGroup var input: InputOptions
    @Option(name: .customLong("from"), help: ArgumentHelp("Sources: ids or kinds, comma-separated.", valueName: "id|kind")) var sources: String
    @Option(name: .customLong("to"), help: ArgumentHelp("Sinks: ids or kinds, comma-separated.", valueName: "id|kind")) var sinks: String
    @Option(help: ArgumentHelp("Link attribute holding each link's capacity (or weight).", valueName: "attr")) var capacity: String?
    @Flag(name: .customLong("vertex-cut"), help: "Also the fewest entities that separate the sides.") var vertexCut = false
    @Flag(help: "Follow links either way.") var undirected = false
    @OptionGroup(title: "Graph") var graphOptions: ProjectionArguments
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            var options = FlowOptions()
            options.capacity = capacity
            options.vertexCut = vertexCut
            options.undirected = undirected
            options.projection = graphOptions.projection(weighted: capacity != nil)
            if capacity == "weight" {
                Diagnostics.note(options.projection.describe(dataset.graph(options.projection.with(direction: undirected ? .undirected : .auto)), links: dataset.resolvedLinkCount))
            }
            let r: FlowResult
            do throws(AnalysisError) { r = try dataset.flow(from: splitList(sources), to: splitList(sinks), options: options) } catch { throw CLIError(error.description) }
            let id = { (i: Int) in dataset.entities[i].id }
            if vertexCut && r.uncuttable > 0 {
                Diagnostics.note("the vertex cut takes only targets under the target policy: \(r.uncuttable) entities (\(r.protectedExcluded) protected persons, and authorities, places and bystanders) may not be in it")
            }
            switch format {
            case .json:
                var w = JSONWriter(pretty: true)
                w.beginObject()
                w.key("value"); if r.value.isFinite { w.double(r.value) } else { w.null() }
                w.key("cut"); w.beginArray()
                for c in r.cut { w.beginArray(inline: true); w.string(id(c.from)); w.string(id(c.to)); w.endArray() }
                w.endArray()
                w.key("cut_ties"); w.beginArray()
                for c in r.cut {
                    w.beginObject()
                    w.key("from"); w.string(id(c.from)); w.key("to"); w.string(id(c.to))
                    w.key("capacity"); w.double(c.capacity); w.key("links"); w.int(c.links.count)
                    w.endObject()
                }
                w.endArray()
                w.key("cut_links"); w.beginArray()
                for c in r.cut { for l in c.links { writeLink(&w, dataset.links[l]) } }
                w.endArray()
                if vertexCut {
                    w.key("cut_nodes")
                    if let nodes = r.cutEntities { w.beginArray(inline: true); for n in nodes { w.string(id(n)) }; w.endArray() } else { w.null() }
                    w.key("protected_excluded"); w.int(r.protectedExcluded)
                }
                w.endObject()
                emit(w.text + "\n")
            case .csv:
                var out = CSVText.row(["type", "from", "to", "capacity", "links"])
                for c in r.cut { out += CSVText.row(["cut_tie", id(c.from), id(c.to), JSONWriter.format(c.capacity), String(c.links.count)]) }
                for n in r.cutEntities ?? [] { out += CSVText.row(["cut_node", id(n), "", "", ""]) }
                emit(out)
            case .table:
                var out = "maximum flow \(r.value.isFinite ? String(format6: r.value) : "unbounded")\n"
                let linkCount = r.cut.reduce(0) { $0 + $1.links.count }
                let capacityTotal = r.cut.reduce(0.0) { $0 + $1.capacity }
                out += "minimum cut: \(r.cut.count) tie\(r.cut.count == 1 ? "" : "s") of capacity \(String(format6: capacityTotal)) in all, \(linkCount) link\(linkCount == 1 ? "" : "s") behind them (from the --from side → to the other side)\n"
                for c in r.cut {
                    var kinds: [(String, Int)] = []
                    for l in c.links {
                        let k = dataset.links[l].kind.rawValue
                        if let i = kinds.firstIndex(where: { $0.0 == k }) { kinds[i].1 += 1 } else { kinds.append((k, 1)) }
                    }
                    let behind = kinds.map { $0.1 == 1 ? $0.0 : "\($0.1) \($0.0)" }.joined(separator: ", ")
                    out += "  " + entityLabel(dataset.entities[c.from]) + " → " + entityLabel(dataset.entities[c.to])
                        + "  capacity \(String(format6: c.capacity))" + (behind.isEmpty ? "" : " (\(behind))") + "\n"
                }
                if vertexCut {
                    if let nodes = r.cutEntities {
                        out += "vertex cut: \(nodes.count) entit\(nodes.count == 1 ? "y" : "ies")\n"
                        for n in nodes { out += "  " + entityLabel(dataset.entities[n]) + "\n" }
                    } else {
                        out += "vertex cut: none (a source touches a sink, or only protected persons stand between them)\n"
                    }
                    if r.protectedExcluded > 0 {
                        out += "(\(r.protectedExcluded) protected person\(r.protectedExcluded == 1 ? " was" : "s were") never candidates: forced-criminality principle)\n"
                    }
                }
                emit(out)
            }
        }
    }
}
