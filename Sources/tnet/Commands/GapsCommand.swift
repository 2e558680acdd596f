import ArgumentParser
import Foundation
import TraffickingNetworks

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Cooperation gaps: trafficking flows between countries whose authorities have no channel, or only weak ones.",
        discussion: """
        A flow is a trafficked_to link from a country to another country, or to a compound in it (the compound's country field, or up its located_in links). Its cooperation, as far as the data shows: strong = a cooperates_with link between the two countries or anything in them (their agencies) with agreement police_channel, contact_point or joint_operation; weak = such a link that is an mou or gives no agreement type, or else a shared multilateral body (an agency with no country, such as ASEAN or INTERPOL, that both sides cooperate with or are members of); none = both countries have an authority (an agency) in the data and no channel joins them; no authority recorded = no channel, and one of the two countries has no agency in the data, so the data cannot tell a gap from an authority nobody recorded. Listed none first, then no authority recorded, weak, strong; then by the people counted (the flow links' weights), with the sources behind each flow. --all lists strongly covered flows too.
        CSV: source,host,victims,strength,channels,flow_sources. JSON: {"gaps":[{"source","host","victims","strength","channels":[{"source","target","agreement","via"}],"flow_links","sources"}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Flag(help: "List strongly covered flows too.") var all = false
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    func run() throws {
        try Diagnostics.reporting {
            let d = try input.load()
            let gaps = d.cooperationGaps().filter { all || $0.strength != .strong }
            func channelText(_ c: CooperationChannel) -> String {
                let (s, t) = d.endpoints(ofLink: c.link)
                var text = "\(d.entities[s!].id)–\(d.entities[t!].id) \(c.agreement ?? "unspecified")"
                if let via = c.via { text = "via \(d.entities[via].id): " + text }
                return text
            }
            func count(_ x: Double?) -> String { x.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "" }
            switch format {
            case .csv:
                var out = CSVText.row(["source", "host", "victims", "strength", "channels", "flow_sources"])
                for g in gaps {
                    out += CSVText.row([d.entities[g.source].id, d.entities[g.host].id, count(g.victims), g.strength.name,
                                        g.channels.map(channelText).joined(separator: "; "), g.citations.joined(separator: ";")])
                }
                emit(out)
            case .json:
                var w = JSONWriter(pretty: true)
                w.beginObject()
                w.key("gaps"); w.beginArray()
                for g in gaps {
                    w.beginObject()
                    w.key("source"); w.string(d.entities[g.source].id)
                    w.key("host"); w.string(d.entities[g.host].id)
                    w.key("victims"); if let v = g.victims { w.double(v) } else { w.null() }
                    w.key("strength"); w.string(g.strength.name)
                    w.key("channels"); w.beginArray()
                    for c in g.channels {
                        let (s, t) = d.endpoints(ofLink: c.link)
                        w.beginObject()
                        w.key("source"); w.string(d.entities[s!].id)
                        w.key("target"); w.string(d.entities[t!].id)
                        w.key("agreement"); if let a = c.agreement { w.string(a) } else { w.null() }
                        w.key("via"); if let v = c.via { w.string(d.entities[v].id) } else { w.null() }
                        w.endObject()
                    }
                    w.endArray()
                    w.key("flow_links"); w.beginArray(inline: true); for l in g.flowLinks { w.int(l) }; w.endArray()
                    w.key("sources"); w.beginArray(inline: true); for c in g.citations { w.string(c) }; w.endArray()
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                emit(w.text + "\n")
            case .table:
                var table = TextTable(header: ["from", "to", "people", "cooperation", "channels", "sources"], rightAligned: [2])
                for g in gaps {
                    table.append([d.entities[g.source].label, d.entities[g.host].label, count(g.victims).isEmpty ? "?" : count(g.victims),
                                  g.strength.name, g.channels.isEmpty ? "—" : g.channels.map(channelText).joined(separator: "; "),
                                  g.citations.joined(separator: ", ")])
                }
                let none = gaps.filter { $0.strength == .none }.count, unknown = gaps.filter { $0.strength == .noAuthorityRecorded }.count
                emit("\(gaps.count) flow\(gaps.count == 1 ? "" : "s") \(all ? "" : "without a strong channel ")(\(none) with no channel between recorded authorities, \(unknown) where a country has no authority in the data)\n" + table.text)
            }
        }
    }
}
