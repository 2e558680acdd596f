import ArgumentParser
import TraffickingNetworks

struct CutpointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cutpoints",
        abstract: "Single points of failure: actors (articulation points) and links (bridges) whose removal splits the network.",
        discussion: """
        Computed on the network taken as undirected. Protected persons (victims, survivors) can be articulation points — they hold the network together as people who were moved through it — and are marked, never proposed as targets. JSON: {"articulation_points":[ids],"protected":[ids],"bridges":[[u,v]]}, ids in code point order. CSV: type,id,other (type articulation_point or bridge).
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            let (points, bridges) = dataset.cutpoints()
            let id = { (i: Int) in dataset.entities[i].id }
            let protected = points.filter { dataset.entities[$0].role?.isProtected == true }
            switch format {
            case .json:
                var w = JSONWriter(pretty: true)
                w.beginObject()
                w.key("articulation_points"); w.beginArray(inline: true); for p in points { w.string(id(p)) }; w.endArray()
                w.key("protected"); w.beginArray(inline: true); for p in protected { w.string(id(p)) }; w.endArray()
                w.key("bridges"); w.beginArray()
                for (u, v) in bridges { w.beginArray(inline: true); w.string(id(u)); w.string(id(v)); w.endArray() }
                w.endArray()
                w.endObject()
                emit(w.text + "\n")
            case .csv:
                var out = CSVText.row(["type", "id", "other"])
                for p in points { out += CSVText.row(["articulation_point", id(p), ""]) }
                for (u, v) in bridges { out += CSVText.row(["bridge", id(u), id(v)]) }
                emit(out)
            case .table:
                var out = "\(points.count) articulation point\(points.count == 1 ? "" : "s")\n"
                for p in points { out += "  " + entityLabel(dataset.entities[p]) + "\n" }
                if !protected.isEmpty {
                    out += "(\(protected.count) of them protected person\(protected.count == 1 ? "" : "s"): not targets of disruption)\n"
                }
                out += "\(bridges.count) bridge\(bridges.count == 1 ? "" : "s")\n"
                for (u, v) in bridges { out += "  " + entityLabel(dataset.entities[u]) + " — " + entityLabel(dataset.entities[v]) + "\n" }
                emit(out)
            }
        }
    }
}
