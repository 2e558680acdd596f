import ArgumentParser
import Foundation
import TraffickingNetworks

struct CorruptionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corruption",
        abstract: "Corruption exposure: officials and agencies tied to syndicates, and what each ties to the state.",
        discussion: """
        State actors (officials, agencies) linked to syndicates by protects, bribes, pays or colludes_with, either way; for each, the syndicates, the compounds those syndicates operate or control, and the pairs (state contact, criminal contact) it alone connects (its neighbours on the two sides that are not linked to each other). Ranked by those pairs, then syndicates, then id.
        CSV: id,name,kind,syndicates,compounds,state_contacts,criminal_contacts,brokered_pairs,links. JSON: {"exposures":[{"id","name","kind","syndicates":[ids],"compounds":[ids],"state_contacts","criminal_contacts","brokered_pairs","links":[{"source","target","kind","confidence","sources"}]}]}.
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
                var out = CSVText.row(["id", "name", "kind", "syndicates", "compounds", "state_contacts", "criminal_contacts", "brokered_pairs", "links"])
                for r in rows {
                    let e = d.entities[r.entity]
                    out += CSVText.row([e.id, e.name ?? "", e.kind.rawValue, ids(r.syndicates).joined(separator: ";"), ids(r.compounds).joined(separator: ";"),
                                        String(r.stateContacts), String(r.criminalContacts), String(r.brokeredPairs),
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
                    w.key("syndicates"); w.beginArray(inline: true); for s in ids(r.syndicates) { w.string(s) }; w.endArray()
                    w.key("compounds"); w.beginArray(inline: true); for s in ids(r.compounds) { w.string(s) }; w.endArray()
                    w.key("state_contacts"); w.int(r.stateContacts)
                    w.key("criminal_contacts"); w.int(r.criminalContacts)
                    w.key("brokered_pairs"); w.int(r.brokeredPairs)
                    w.key("links"); w.beginArray()
                    for l in r.links { writeLink(&w, d.links[l]) }
                    w.endArray()
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                emit(w.text + "\n")
            case .table:
                var table = TextTable(header: ["state actor", "tied to", "shields", "brokered pairs", "links"], rightAligned: [3])
                for r in rows {
                    let links = r.links.map { d.links[$0].evidence }
                    table.append([entityLabel(d.entities[r.entity]), r.syndicates.map { d.entities[$0].label }.joined(separator: ", "),
                                  r.compounds.map { d.entities[$0].label }.joined(separator: ", "), String(r.brokeredPairs), links.joined(separator: "; ")])
                }
                emit("\(rows.count) state actor\(rows.count == 1 ? "" : "s") tied to syndicates\n" + table.text)
            }
        }
    }
}
