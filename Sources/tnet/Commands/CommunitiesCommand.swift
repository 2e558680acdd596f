import ArgumentParser
import TraffickingNetworks

extension CommunityMethod: ExpressibleByArgument {}

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Groups of entities more densely linked to each other than to the rest (Louvain, Leiden, label propagation).",
        discussion: """
        Links are read as undirected ties (parallel links between a pair count once). louvain = NetworkX's louvain_communities (plus one refinement round); leiden = Traag et al. 2019, communities guaranteed connected; label-propagation = NetworkX's asyn_lpa_communities. --resolution above 1 gives smaller groups. The same --seed gives the same communities. Communities are numbered from 0 by size, ties by smallest member id.
        CSV: id,community. JSON: {"method","resolution","seed","modularity","count","communities":[{"community","size","members":[ids]}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: "louvain, leiden or label-propagation.") var method: CommunityMethod = .leiden
    @Option(help: "Resolution γ of modularity (1: Newman's).") var resolution: Double = 1
    @Option(help: "Random seed.") var seed: UInt64 = 0
    @Flag(help: "Use link weights as tie strengths.") var weighted = false
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    func validate() throws {
        if !(resolution > 0 && resolution.isFinite) { throw ValidationError("--resolution must be a positive number") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            Progress.step("finding communities (\(method.rawValue))")
            let r = dataset.communities(method: method, weighted: weighted, resolution: resolution, seed: seed)
            Progress.clear()
            var members = [[Int]](repeating: [], count: r.count)
            for (i, c) in r.community.enumerated() { members[c].append(i) }
            for c in members.indices { members[c].sort { Dataset.precedes(dataset.entities[$0].id, dataset.entities[$1].id) } }
            switch format {
            case .csv:
                var out = CSVText.row(["id", "community"])
                for (c, list) in members.enumerated() { for i in list { out += CSVText.row([dataset.entities[i].id, String(c)]) } }
                emit(out)
            case .json:
                var w = JSONWriter(pretty: true)
                w.beginObject()
                w.key("method"); w.string(method.rawValue)
                w.key("resolution"); w.double(resolution)
                w.key("seed"); w.numberText(String(seed))
                w.key("modularity"); r.modularity.isFinite ? w.double(r.modularity) : w.null()
                w.key("count"); w.int(r.count)
                w.key("communities"); w.beginArray()
                for (c, list) in members.enumerated() {
                    w.beginObject()
                    w.key("community"); w.int(c)
                    w.key("size"); w.int(list.count)
                    w.key("members"); w.beginArray(inline: true); for i in list { w.string(dataset.entities[i].id) }; w.endArray()
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                emit(w.text + "\n")
            case .table:
                var table = TextTable(header: ["community", "size", "members"], rightAligned: [0, 1])
                for (c, list) in members.enumerated() {
                    let names = list.prefix(6).map { dataset.entities[$0].label }.joined(separator: ", ") + (list.count > 6 ? ", …" : "")
                    table.append([String(c), String(list.count), names])
                }
                emit("\(r.count) communit\(r.count == 1 ? "y" : "ies") (\(method.rawValue)), modularity \(r.modularity.isFinite ? JSONWriter.format(r.modularity) : "undefined")\n" + table.text)
            }
        }
    }
}
