import ArgumentParser
import TraffickingNetworks

struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "Which parts of the network are connected: weakly, or with --strong strongly.",
        discussion: """
        Components are numbered from 0 by size (largest first), ties by their smallest member id. Weak: links either way. Strong: each member reaches every other along link directions. CSV: id,component (rows by component, then id). JSON: {"strong","count","components":[{"component","size","members":[ids]}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Flag(help: "Strongly connected components (follow link directions).") var strong = false
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            let component = dataset.components(strong: strong)
            let count = (component.max() ?? -1) + 1
            var members = [[Int]](repeating: [], count: count)
            for (i, c) in component.enumerated() { members[c].append(i) }
            for c in members.indices { members[c].sort { Dataset.precedes(dataset.entities[$0].id, dataset.entities[$1].id) } }
            switch format {
            case .csv:
                var out = CSVText.row(["id", "component"])
                for (c, list) in members.enumerated() { for i in list { out += CSVText.row([dataset.entities[i].id, String(c)]) } }
                emit(out)
            case .json:
                var w = JSONWriter(pretty: true)
                w.beginObject()
                w.key("strong"); w.bool(strong)
                w.key("count"); w.int(count)
                w.key("components"); w.beginArray()
                for (c, list) in members.enumerated() {
                    w.beginObject()
                    w.key("component"); w.int(c)
                    w.key("size"); w.int(list.count)
                    w.key("members"); w.beginArray(inline: true); for i in list { w.string(dataset.entities[i].id) }; w.endArray()
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                emit(w.text + "\n")
            case .table:
                var table = TextTable(header: ["component", "size", "members"], rightAligned: [0, 1])
                for (c, list) in members.enumerated() {
                    let names = list.prefix(6).map { dataset.entities[$0].label }.joined(separator: ", ") + (list.count > 6 ? ", …" : "")
                    table.append([String(c), String(list.count), names])
                }
                emit("\(count) \(strong ? "strongly" : "weakly") connected component\(count == 1 ? "" : "s")\n" + table.text)
            }
        }
    }
}
