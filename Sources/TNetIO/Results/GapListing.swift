import Foundation
import TNetModel

/// Cooperation gaps ready to print: each flow of people from a source country to a host
/// country, with the cooperation channels between their authorities and the sources behind it.
public struct GapListing: PrintableResult, Sendable {
    /// The dataset examined.
    public let dataset: Dataset
    /// The gaps printed.
    public let gaps: [CooperationGap]
    /// Whether flows with a strong channel are included.
    public let all: Bool

    /// A listing of `gaps`.
    /// - Parameters:
    ///   - gaps: the gaps, as `Dataset.cooperationGaps()` returns them.
    ///   - dataset: the dataset examined.
    ///   - all: keep flows with a strong channel too (by default they are left out).
    public init(_ gaps: [CooperationGap], in dataset: Dataset, all: Bool = false) {
        self.gaps = gaps.filter { all || $0.strength != .strong }
        self.dataset = dataset
        self.all = all
    }

    private func channelText(_ c: CooperationChannel) -> String {
        let (s, t) = dataset.endpoints(ofLink: c.link)
        var text = "\(dataset.entities[s!].id)–\(dataset.entities[t!].id) \(c.agreement ?? "unspecified")"
        if let via = c.via { text = "via \(dataset.entities[via].id): " + text }
        return text
    }

    private func count(_ x: Double?) -> String { x.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "" }

    /// `source,host,victims,strength,channels,flow_sources`.
    public var csv: String {
        var out = CSVText.row(["source", "host", "victims", "strength", "channels", "flow_sources"])
        for g in gaps {
            out += CSVText.row([dataset.entities[g.source].id, dataset.entities[g.host].id, count(g.victims), g.strength.name,
                                g.channels.map(channelText).joined(separator: "; "), g.citations.joined(separator: ";")])
        }
        return out
    }

    /// `{"gaps":[{"source","host","victims","strength","channels":[{"source","target","agreement","via"}],"flow_links","sources"}]}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("gaps"); w.beginArray()
            for g in gaps {
                w.beginObject()
                w.key("source"); w.string(dataset.entities[g.source].id)
                w.key("host"); w.string(dataset.entities[g.host].id)
                w.key("victims"); if let v = g.victims { w.double(v) } else { w.null() }
                w.key("strength"); w.string(g.strength.name)
                w.key("channels"); w.beginArray()
                for c in g.channels {
                    let (s, t) = dataset.endpoints(ofLink: c.link)
                    w.beginObject()
                    w.key("source"); w.string(dataset.entities[s!].id)
                    w.key("target"); w.string(dataset.entities[t!].id)
                    w.key("agreement"); w.string(orNull: c.agreement)
                    w.key("via"); w.string(orNull: c.via.map { dataset.entities[$0].id })
                    w.endObject()
                }
                w.endArray()
                w.key("flow_links"); w.beginArray(inline: true); for l in g.flowLinks { w.int(l) }; w.endArray()
                w.key("sources"); w.strings(g.citations)
                w.endObject()
            }
            w.endArray()
        }
    }

    /// A count line, then one row per flow.
    public var table: String {
        var table = TextTable(header: ["from", "to", "people", "cooperation", "channels", "sources"], rightAligned: [2])
        for g in gaps {
            table.append([dataset.entities[g.source].label, dataset.entities[g.host].label, count(g.victims).isEmpty ? "?" : count(g.victims),
                          g.strength.name, g.channels.isEmpty ? "—" : g.channels.map(channelText).joined(separator: "; "),
                          g.citations.joined(separator: ", ")])
        }
        let none = gaps.filter { $0.strength == .none }.count, unknown = gaps.filter { $0.strength == .noAuthorityRecorded }.count
        return "\(gaps.count) flow\(gaps.count == 1 ? "" : "s") \(all ? "" : "without a strong channel ")(\(none) with no channel between recorded authorities, \(unknown) where a country has no authority in the data)\n" + table.text
    }
}
