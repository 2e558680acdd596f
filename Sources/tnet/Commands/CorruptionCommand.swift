import ArgumentParser
import Foundation
import TraffickingNetworks

struct CorruptionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corruption",
        abstract: "Corruption exposure: officials and agencies tied to the perpetrator side, and what only they connect.",
        discussion: """
        State actors (officials, agencies) with a corruption link (protects, bribes, pays, colludes_with; either way) to the perpetrator side (syndicates, companies, financial channels, compounds, persons in a perpetrator role). For each: every corruption link that touches it (those to other state actors too), the counterparts, the compounds they shield (counterparts that are compounds, and compounds a counterpart operates or controls), and the pairs only it connects: pairs (another state actor, a perpetrator-side entity) that are connected in the network of ties and apart without it. The network of ties is every link but located_in, sanctions, rescued_from and repatriated_to, read either way. Ranked by those pairs, then counterparts, then id.
        CSV: id,name,kind,counterparts,compounds,pairs_only_it_connects,links. JSON: {"exposures":[{"id","name","kind","counterparts":[ids],"compounds":[ids],"pairs_only_it_connects","links":[{"source","target","kind","confidence","sources"}]}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    func run() throws {
        try Diagnostics.reporting {
            let d = try input.load()
            let rows = d.corruptionExposure()
            let ids = { (list: [Int]) in list.map { d.entities[$0].id } }
            switch format {
            case .csv:
                var out = CSVText.row(["id", "name", "kind", "counterparts", "compounds", "pairs_only_it_connects", "links"])
                for r in rows {
                    let e = d.entities[r.entity]
                    out += CSVText.row([e.id, e.name ?? "", e.kind.rawValue, ids(r.counterparts).joined(separator: ";"), ids(r.compounds).joined(separator: ";"),
                                        String(r.pairsOnlyItConnects),
                                        r.links.map { "\(d.links[$0].source) \(d.links[$0].kind.rawValue) \(d.links[$0].target)" }.joined(separator: ";")])
                }
                emit(out)
            case .json:
                var w = JSONWriter(pretty: true)
                w.beginObject()
                w.key("exposures"); w.beginArray()
                for r in rows {
                    let e = d.entities[r.entity]
                    w.beginObject()
                    w.key("id"); w.string(e.id)
                    w.key("name"); if let n = e.name { w.string(n) } else { w.null() }
                    w.key("kind"); w.string(e.kind.rawValue)
                    w.key("counterparts"); w.beginArray(inline: true); for s in ids(r.counterparts) { w.string(s) }; w.endArray()
                    w.key("compounds"); w.beginArray(inline: true); for s in ids(r.compounds) { w.string(s) }; w.endArray()
                    w.key("pairs_only_it_connects"); w.int(r.pairsOnlyItConnects)
                    w.key("links"); w.beginArray()
                    for l in r.links { writeLink(&w, d.links[l]) }
                    w.endArray()
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                emit(w.text + "\n")
            case .table:
                var table = TextTable(header: ["state actor", "tied to", "shields", "pairs only it connects", "links"], rightAligned: [3])
                for r in rows {
                    let links = r.links.map { d.links[$0].evidence }
                    table.append([entityLabel(d.entities[r.entity]), r.counterparts.map { d.entities[$0].label }.joined(separator: ", "),
                                  r.compounds.map { d.entities[$0].label }.joined(separator: ", "), String(r.pairsOnlyItConnects), links.joined(separator: "; ")])
                }
                emit("\(rows.count) state actor\(rows.count == 1 ? "" : "s") with corruption links to the perpetrator side\n" + table.text)
            }
        }
    }
}
