import Foundation
import TNetGraph
import TNetModel

/// A plain edge list read straight into a graph for the measures that need nothing else: no
/// dataset is built, the fast path of a centrality ranking over a large edge list.
public enum PlainGraph {
    /// Reads an edge list and checks its weights for the measures that will read them. The
    /// graph's nodes are the ids in the file; feed it to
    /// `CentralityTable.compute(_:on:options:groups:)` (TNetModel) and print with
    /// ``CentralityListing/init(_:ids:source:projection:normalized:top:)``.
    /// - Parameters:
    ///   - path: the edge list file.
    ///   - options: direction and text encoding.
    ///   - projection: whether weights are read and how parallel links combine.
    ///   - inverting: whether a measure takes reciprocals of the weights (a tie of weight 0 in
    ///     all is then an error).
    ///   - threads: how many threads may parse.
    /// - Returns: the graph with its node ids, the number of links and the header line if any.
    /// - Throws: ``ReadError`` when the file cannot be read or parsed, at the first negative
    ///   weight, or at a tie of weight 0 that would be inverted.
    /// - Complexity: linear in the file's size, plus sorting the ids.
    public static func read(_ path: String, options: ReadOptions = ReadOptions(), projection: ProjectionOptions = ProjectionOptions(),
                            inverting: Bool = false, threads: Int = 1) throws -> EdgeListGraphReader.Result {
        let file = try InputFile.read(path).decoded(options.encoding)
        let plain = try EdgeListGraphReader.read(file, directed: options.directed, weighted: projection.weighted, combine: projection.combine, threads: threads)
        guard projection.weighted else { return plain }
        // The checks Dataset.checkWeights makes on the other path, with the line at fault.
        if let at = plain.negativeWeight {
            throw ReadError("weight is negative: no measure here reads a negative tie (a length, a strength or a capacity must be at least 0)", at: at)
        }
        if inverting {
            var zero: (Int32, Int32)?
            plain.graph.forEachEdge { _, u, v, w in if w == 0 && zero == nil { zero = (u, v) } }
            if let (u, v) = zero {
                throw ReadError("the tie \(plain.ids[Int(u)]) – \(plain.ids[Int(v)]) weighs 0 in all, which has no reciprocal (weights are inverted here, as \(projection.weightMeaning.rawValue) weights); drop its links or give them a positive weight", file: path)
            }
        }
        return plain
    }
}

extension ReadOptions {
    /// Column names for the model's fields from `FIELD=COLUMN` items (`source=Anrufer`).
    /// - Parameter items: the items, each `FIELD=COLUMN`; fields in any case.
    /// - Returns: the columns by field.
    /// - Throws: ``ReadError`` naming the item that is not `FIELD=COLUMN`, names no field, or maps
    ///   a field twice.
    public static func columns(_ items: [String]) throws -> [String: String] {
        var columns: [String: String] = [:]
        let known = FieldCodec.entityFields + FieldCodec.linkFields.filter { !FieldCodec.entityFields.contains($0) } + ["date"]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw ReadError("\(quoted(item)): expected FIELD=COLUMN, e.g. source=Caller") }
            let field = parts[0].lowercased()
            guard known.contains(field) else {
                throw ReadError("\(quoted(item)): \(quoted(parts[0])) is not a field; fields are " + known.joined(separator: ", "))
            }
            guard columns[field] == nil else { throw ReadError("\(field) is mapped twice") }
            columns[field] = parts[1]
        }
        return columns
    }
}
