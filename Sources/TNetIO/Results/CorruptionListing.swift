import Foundation
import TNetModel

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
                w.entityFields(e)
                w.key("counterparts"); w.strings(ids(r.counterparts))
                w.key("compounds"); w.strings(ids(r.compounds))
                w.key("pairs_only_it_connects"); w.int(r.pairsOnlyItConnects)
                w.links("links", r.links.map { dataset.links[$0] })
                w.endObject()
            }
            w.endArray()
        }
    }

    /// A count line, then one row per state actor.
    public var table: String {
        var table = TextTable(header: ["state actor", "tied to", "shields", "pairs only it connects", "links"], rightAligned: [3])
        for r in rows {
            table.append([ResultText.entity(dataset.entities[r.entity]), r.counterparts.map { ResultText.listed(dataset.entities[$0]) }.joined(separator: ", "),
                          r.compounds.map { ResultText.listed(dataset.entities[$0]) }.joined(separator: ", "), String(r.pairsOnlyItConnects),
                          r.links.map { dataset.links[$0].evidence }.joined(separator: "; ")])
        }
        return "\(ResultText.counted(rows.count, "state actor")) with corruption links to the perpetrator side\n" + table.text
    }
}
