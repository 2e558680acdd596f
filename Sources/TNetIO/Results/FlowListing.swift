import Foundation
import TNetModel

/// A maximum flow and its minimum cut ready to print, each cut tie with the links behind it.
public struct FlowListing: PrintableResult, Sendable {
    /// The dataset the flow ran on.
    public let dataset: Dataset
    /// The flow, the cut and the vertex cut.
    public let result: FlowResult
    /// Whether the fewest separating entities were asked for.
    public let vertexCut: Bool

    /// A listing of `result`.
    /// - Parameters:
    ///   - result: the flow.
    ///   - dataset: the dataset it ran on.
    ///   - vertexCut: whether the vertex cut was asked for.
    public init(_ result: FlowResult, in dataset: Dataset, vertexCut: Bool) {
        self.result = result
        self.dataset = dataset
        self.vertexCut = vertexCut
    }

    private func id(_ i: Int) -> String { dataset.entities[i].id }

    /// `{"value","cut":[[u,v]],"cut_ties":[{"from","to","capacity","links"}],"cut_links":[…]}`,
    /// with the vertex cut `"cut_nodes"` and `"protected_excluded"`.
    public var json: String {
        let r = result
        return JSONWriter.object { w in
            w.key("value"); w.double(orNull: r.value)
            w.key("cut"); w.beginArray()
            for c in r.cut { w.strings([id(c.from), id(c.to)]) }
            w.endArray()
            w.key("cut_ties"); w.beginArray()
            for c in r.cut {
                w.beginObject()
                w.key("from"); w.string(id(c.from)); w.key("to"); w.string(id(c.to))
                w.key("capacity"); w.double(c.capacity); w.key("links"); w.int(c.links.count)
                w.endObject()
            }
            w.endArray()
            w.links("cut_links", r.cut.flatMap(\.links).map { dataset.links[$0] })
            if vertexCut {
                w.key("cut_nodes")
                if let nodes = r.cutEntities { w.strings(nodes.map(id)) } else { w.null() }
                w.key("protected_excluded"); w.int(r.protectedExcluded)
            }
        }
    }

    /// `type,from,to,capacity,links` (type cut_tie or cut_node).
    public var csv: String {
        var out = CSVText.row(["type", "from", "to", "capacity", "links"])
        for c in result.cut { out += CSVText.row(["cut_tie", id(c.from), id(c.to), ResultText.exact(c.capacity), String(c.links.count)]) }
        for n in result.cutEntities ?? [] { out += CSVText.row(["cut_node", id(n), "", "", ""]) }
        return out
    }

    /// The value, the cut ties with their capacities and link kinds, and the vertex cut.
    public var table: String {
        let r = result
        var out = "maximum flow \(r.value.isFinite ? ResultText.short(r.value) : "unbounded")\n"
        let linkCount = r.cut.reduce(0) { $0 + $1.links.count }
        let capacityTotal = r.cut.reduce(0.0) { $0 + $1.capacity }
        out += "minimum cut: \(ResultText.counted(r.cut.count, "tie")) of capacity \(ResultText.short(capacityTotal)) in all, \(ResultText.counted(linkCount, "link")) behind them (from the sources' side → to the other side)\n"
        out += TextTable.boundedLines(r.cut, "ties") { c in
            // In order of first appearance, each found by hash (a search of the list per link
            // was quadratic: 36 s for 100,000 kinds behind one tie).
            var kinds: [(String, Int)] = [], position: [String: Int] = [:]
            for l in c.links {
                let k = dataset.links[l].kind.rawValue
                if let i = position[k] { kinds[i].1 += 1 } else { position[k] = kinds.count; kinds.append((k, 1)) }
            }
            // Counted by the kind as written, each cleaned and cut only as it is shown, with a
            // hash when that changed it (kinds that would show alike stay apart); shown until
            // the list passes 400 characters, where it is cut.
            var behind = ""
            for (k, n) in kinds where behind.count <= 400 {
                let shown = TextTable.shownText(k, limit: 40)
                behind += (behind.isEmpty ? "" : ", ") + (n == 1 ? shown : "\(n) \(shown)")
            }
            return "  " + ResultText.entity(dataset.entities[c.from]) + " → " + ResultText.entity(dataset.entities[c.to])
                + "  capacity \(ResultText.short(c.capacity))" + (behind.isEmpty ? "" : " (\(TextTable.bounded(behind, to: 400)))") + "\n"
        }
        if vertexCut {
            if let nodes = r.cutEntities {
                out += "vertex cut: \(ResultText.counted(nodes.count, "entity", "entities"))\n"
                out += TextTable.boundedLines(nodes, "entities") { "  " + ResultText.entity(dataset.entities[$0]) + "\n" }
            } else {
                out += "vertex cut: none (a source touches a sink, or only protected persons stand between them)\n"
            }
            if r.protectedExcluded > 0 {
                out += "(\(r.protectedExcluded) protected person\(r.protectedExcluded == 1 ? " was" : "s were") never candidates: forced-criminality principle)\n"
            }
        }
        return out
    }
}
