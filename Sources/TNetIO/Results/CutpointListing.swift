import TNetModel

/// Single points of failure ready to print: articulation points (protected persons marked) and
/// bridges.
public struct CutpointListing: PrintableResult, Sendable {
    /// The dataset examined.
    public let dataset: Dataset
    /// Articulation points (entity indices), in id order.
    public let points: [Int]
    /// Bridges as pairs of entity indices.
    public let bridges: [(Int, Int)]

    /// A listing of `dataset`'s cut points.
    /// - Parameters:
    ///   - points: the articulation points.
    ///   - bridges: the bridges.
    ///   - dataset: the dataset examined.
    public init(points: [Int], bridges: [(Int, Int)], in dataset: Dataset) {
        self.points = points
        self.bridges = bridges
        self.dataset = dataset
    }

    /// The articulation points that are protected persons: never targets.
    public var protected: [Int] { points.filter { dataset.entities[$0].isProtected } }

    private func id(_ i: Int) -> String { dataset.entities[i].id }

    /// `{"articulation_points":[ids],"protected":[ids],"bridges":[[u,v]]}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("articulation_points"); w.strings(points.map(id))
            w.key("protected"); w.strings(protected.map(id))
            w.key("bridges"); w.beginArray()
            for (u, v) in bridges { w.strings([id(u), id(v)]) }
            w.endArray()
        }
    }

    /// `type,id,other` (type articulation_point or bridge).
    public var csv: String {
        var out = CSVText.row(["type", "id", "other"])
        for p in points { out += CSVText.row(["articulation_point", id(p), ""]) }
        for (u, v) in bridges { out += CSVText.row(["bridge", id(u), id(v)]) }
        return out
    }

    /// The articulation points, how many are protected, then the bridges.
    public var table: String {
        var out = "\(ResultText.counted(points.count, "articulation point"))\n"
        out += TextTable.boundedLines(points, "articulation points") { "  " + ResultText.entity(dataset.entities[$0]) + "\n" }
        let protected = protected
        if !protected.isEmpty {
            out += "(\(protected.count) of them protected person\(protected.count == 1 ? "" : "s"): not targets of disruption)\n"
        }
        out += "\(ResultText.counted(bridges.count, "bridge"))\n"
        out += TextTable.boundedLines(bridges, "bridges") { "  " + ResultText.entity(dataset.entities[$0.0]) + " — " + ResultText.entity(dataset.entities[$0.1]) + "\n" }
        return out
    }
}
