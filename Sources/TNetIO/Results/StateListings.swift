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

/// Corruption exposure ready to print: each state actor with corruption links to the
/// perpetrator side, its counterparts, the compounds it shields and the links behind it.
public struct CorruptionListing: PrintableResult, Sendable {
    /// The dataset examined.
    public let dataset: Dataset
    /// One row per state actor.
    public let rows: [CorruptionExposure]

    /// A listing of `rows`.
    /// - Parameters:
    ///   - rows: as `Dataset.corruptionExposure()` returns them.
    ///   - dataset: the dataset examined.
    public init(_ rows: [CorruptionExposure], in dataset: Dataset) {
        self.rows = rows
        self.dataset = dataset
    }

    private func ids(_ list: [Int]) -> [String] { list.map { dataset.entities[$0].id } }

    /// `id,name,kind,counterparts,compounds,pairs_only_it_connects,links`.
    public var csv: String {
        var out = CSVText.row(["id", "name", "kind", "counterparts", "compounds", "pairs_only_it_connects", "links"])
        for r in rows {
            let e = dataset.entities[r.entity]
            out += CSVText.row([e.id, e.name ?? "", e.kind.rawValue, ids(r.counterparts).joined(separator: ";"), ids(r.compounds).joined(separator: ";"),
                                String(r.pairsOnlyItConnects),
                                r.links.map { "\(dataset.links[$0].source) \(dataset.links[$0].kind.rawValue) \(dataset.links[$0].target)" }.joined(separator: ";")])
        }
        return out
    }

    /// `{"exposures":[{"id","name","kind","counterparts","compounds","pairs_only_it_connects","links":[…]}]}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("exposures"); w.beginArray()
            for r in rows {
                let e = dataset.entities[r.entity]
                w.beginObject()
                w.key("id"); w.string(e.id)
                w.key("name"); w.string(orNull: e.name)
                w.key("kind"); w.string(e.kind.rawValue)
                w.key("counterparts"); w.strings(ids(r.counterparts))
                w.key("compounds"); w.strings(ids(r.compounds))
                w.key("pairs_only_it_connects"); w.int(r.pairsOnlyItConnects)
                w.key("links"); w.beginArray()
                for l in r.links { w.link(dataset.links[l]) }
                w.endArray()
                w.endObject()
            }
            w.endArray()
        }
    }

    /// A count line, then one row per state actor.
    public var table: String {
        var table = TextTable(header: ["state actor", "tied to", "shields", "pairs only it connects", "links"], rightAligned: [3])
        for r in rows {
            table.append([ResultText.entity(dataset.entities[r.entity]), r.counterparts.map { dataset.entities[$0].label }.joined(separator: ", "),
                          r.compounds.map { dataset.entities[$0].label }.joined(separator: ", "), String(r.pairsOnlyItConnects),
                          r.links.map { dataset.links[$0].evidence }.joined(separator: "; ")])
        }
        return "\(ResultText.counted(rows.count, "state actor")) with corruption links to the perpetrator side\n" + table.text
    }
}

/// What changed between two datasets ready to print: entities and links that appeared or
/// ended, and the largest changes of a centrality measure.
public struct DiffListing: PrintableResult, Sendable {
    /// The differences.
    public let diff: DatasetDiff
    /// The earlier and later datasets.
    public let before: Dataset, after: Dataset
    /// The measure whose changes are listed.
    public let measure: CentralityMeasure

    /// A listing of `diff`.
    /// - Parameters:
    ///   - diff: the differences.
    ///   - before: the earlier dataset.
    ///   - after: the later dataset.
    ///   - measure: the measure compared.
    public init(_ diff: DatasetDiff, before: Dataset, after: Dataset, measure: CentralityMeasure) {
        self.diff = diff
        self.before = before
        self.after = after
        self.measure = measure
    }

    /// `change,id,source,target,kind,before,after`.
    public var csv: String {
        var out = CSVText.row(["change", "id", "source", "target", "kind", "before", "after"])
        for id in diff.entitiesAppeared { out += CSVText.row(["entity_appeared", id, "", "", after[id: id]?.kind.rawValue ?? "", "", ""]) }
        for id in diff.entitiesEnded { out += CSVText.row(["entity_ended", id, "", "", before[id: id]?.kind.rawValue ?? "", "", ""]) }
        for l in diff.linksAppeared { out += CSVText.row(["link_appeared", "", l.source, l.target, l.kind.rawValue, "", ""]) }
        for l in diff.linksEnded { out += CSVText.row(["link_ended", "", l.source, l.target, l.kind.rawValue, "", ""]) }
        for c in diff.changes { out += CSVText.row(["measure", c.id, "", "", measure.rawValue, ResultText.exact(c.before), ResultText.exact(c.after)]) }
        return out
    }

    /// `{"measure","entities_appeared","entities_ended","links_appeared","links_ended","changes":[{"id","before","after","delta"}]}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("measure"); w.string(measure.rawValue)
            w.key("entities_appeared"); w.strings(diff.entitiesAppeared)
            w.key("entities_ended"); w.strings(diff.entitiesEnded)
            for (key, list) in [("links_appeared", diff.linksAppeared), ("links_ended", diff.linksEnded)] {
                w.key(key); w.beginArray()
                for l in list {
                    w.beginObject()
                    w.key("source"); w.string(l.source); w.key("target"); w.string(l.target); w.key("kind"); w.string(l.kind.rawValue)
                    w.endObject()
                }
                w.endArray()
            }
            w.key("changes"); w.beginArray()
            for c in diff.changes {
                w.beginObject()
                w.key("id"); w.string(c.id); w.key("before"); w.double(c.before); w.key("after"); w.double(c.after); w.key("delta"); w.double(c.delta)
                w.endObject()
            }
            w.endArray()
        }
    }

    /// The counts, what appeared and ended, and the largest changes.
    public var table: String {
        let label = { (id: String, d: Dataset) in d[id: id].map { ResultText.entity($0) } ?? id }
        var out = "before: \(before.entities.count) entities, \(before.links.count) links; after: \(after.entities.count) entities, \(after.links.count) links\n"
        out += "entities appeared (\(diff.entitiesAppeared.count)):\n" + diff.entitiesAppeared.map { "  + " + label($0, after) + "\n" }.joined()
        out += "entities ended (\(diff.entitiesEnded.count)):\n" + diff.entitiesEnded.map { "  - " + label($0, before) + "\n" }.joined()
        out += "links appeared (\(diff.linksAppeared.count)):\n" + diff.linksAppeared.map { "  + \($0.source) \($0.kind.rawValue) \($0.target)\n" }.joined()
        out += "links ended (\(diff.linksEnded.count)):\n" + diff.linksEnded.map { "  - \($0.source) \($0.kind.rawValue) \($0.target)\n" }.joined()
        var table = TextTable(header: ["entity", "before", "after", "change"], rightAligned: [1, 2, 3])
        for c in diff.changes {
            table.append([label(c.id, after[id: c.id] != nil ? after : before), ResultText.fixed4(c.before),
                          ResultText.fixed4(c.after), String(format: "%+.4f", c.delta)])
        }
        out += "largest \(measure.rawValue) changes:\n" + table.text
        return out
    }
}
