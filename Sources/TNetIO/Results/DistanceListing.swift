import Foundation
import TNetModel

/// Distances from one entity to every entity it reaches, nearest first.
public struct DistanceListing: PrintableResult, Sendable {
    /// The dataset measured.
    public let dataset: Dataset
    /// Each reached entity (index), its distance and the links on the way.
    public let rows: [(entity: Int, distance: Double, hops: Int)]
    /// The start as asked.
    public let from: String
    /// Whether distances run towards the start rather than from it.
    public let reverse: Bool
    /// What a distance measures.
    public let cost: RouteOptions.Cost

    /// A listing of `rows`.
    /// - Parameters:
    ///   - rows: the distances, as `Dataset.distances(from:options:)` returns them.
    ///   - dataset: the dataset measured.
    ///   - from: the start as asked.
    ///   - reverse: whether distances run towards the start.
    ///   - cost: what a distance measures.
    public init(_ rows: [(entity: Int, distance: Double, hops: Int)], in dataset: Dataset, from: String, reverse: Bool, cost: RouteOptions.Cost) {
        self.rows = rows
        self.dataset = dataset
        self.from = from
        self.reverse = reverse
        self.cost = cost
    }

    private func number(_ x: Double) -> String { cost == .hops ? String(Int(x)) : ResultText.exact(x) }

    /// `id,distance`.
    public var csv: String { String(decoding: csvBytes, as: UTF8.self) }

    /// The CSV, built as bytes (no String per row: a distance to each of 200,000 entities is
    /// written in a few hundredths of a second).
    public var csvBytes: [UInt8] {
        var out = Array(CSVText.row(["id", "distance"]).utf8)
        out.reserveCapacity(out.count + rows.count * 24)
        let entities = dataset.entities
        for r in rows {
            CSVText.append(field: entities[r.entity].id, to: &out)
            out.append(UInt8(ascii: ","))
            out.append(contentsOf: number(r.distance).utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// `{"from","reverse","rows":[{"id","name","kind","distance","hops"}]}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("from"); w.string(from)
            w.key("reverse"); w.bool(reverse)
            w.key("rows"); w.beginArray()
            for r in rows {
                let e = dataset.entities[r.entity]
                w.beginObject()
                w.entityFields(e)
                w.key("distance"); if cost == .hops { w.int(Int(r.distance)) } else { w.double(r.distance) }
                w.key("hops"); w.int(r.hops)
                w.endObject()
            }
            w.endArray()
        }
    }

    /// Entity, distance and hops, nearest first.
    public var table: String {
        var table = TextTable(header: ["entity", "distance", "hops"], rightAligned: [1, 2])
        for r in rows {
            table.append([ResultText.entity(dataset.entities[r.entity]), cost == .hops ? String(Int(r.distance)) : ResultText.short(r.distance), String(r.hops)])
        }
        return table.text
    }
}
