import TNetModel

/// A centrality table ready to print: rows sorted by the first measure with values, highest
/// first, then by id, each row naming its entity (or, for a plain edge list, its node id).
public struct CentralityListing: PrintableResult, Sendable {
    /// The computed values.
    public let result: CentralityTable
    /// Row indices of ``result`` in printing order (sorted, cut to the requested number).
    public let order: [Int]
    /// Where the data came from.
    public let source: ResultSource
    /// The projection the measures read (stated in JSON).
    public let projection: ProjectionOptions
    /// Whether values are NetworkX's normalised ones.
    public let normalized: Bool
    private let ids: [String]
    private let entities: [Entity]?

    /// A listing of `result` over `dataset`'s entities.
    /// - Parameters:
    ///   - result: the values, rows by entity index of `dataset`.
    ///   - dataset: the dataset the values were computed on.
    ///   - source: the input and filter, for the JSON header and the table's filter line.
    ///   - projection: the graph the measures read.
    ///   - normalized: whether values are normalised.
    ///   - top: keep only the first `top` rows (nil: all).
    public init(_ result: CentralityTable, dataset: Dataset, source: ResultSource, projection: ProjectionOptions, normalized: Bool = true, top: Int? = nil) {
        self.init(result, ids: dataset.entities.map(\.id), entities: dataset.entities, source: source, projection: projection, normalized: normalized, top: top)
    }

    /// A listing of `result` over the nodes of a plain graph named by `ids`.
    /// - Parameters:
    ///   - result: the values, rows by node index.
    ///   - ids: each node's id.
    ///   - source: the input, for the JSON header.
    ///   - projection: the graph the measures read.
    ///   - normalized: whether values are normalised.
    ///   - top: keep only the first `top` rows (nil: all).
    public init(_ result: CentralityTable, ids: [String], source: ResultSource, projection: ProjectionOptions, normalized: Bool = true, top: Int? = nil) {
        self.init(result, ids: ids, entities: nil, source: source, projection: projection, normalized: normalized, top: top)
    }

    private init(_ result: CentralityTable, ids: [String], entities: [Entity]?, source: ResultSource, projection: ProjectionOptions, normalized: Bool, top: Int?) {
        self.result = result
        self.ids = ids
        self.entities = entities
        self.source = source
        self.projection = projection
        self.normalized = normalized
        let sorted = result.sortedRows(ids: { ids[$0] })
        order = top.map { Array(sorted.prefix($0)) } ?? sorted
    }

    /// Columns that hold counts (written as integers in CSV).
    private var countColumns: Set<String> {
        var s: Set<String> = ["core"]
        s.formUnion(CentralityMeasure.brokerage.columns)
        if !normalized { s.formUnion(["degree", "in-degree", "out-degree"]) }
        return s
    }

    /// A CSV cell: NaN, an integer for count columns, else the shortest round-tripping decimal.
    private static func appendNumber(_ x: Double, count: Bool, to out: inout [UInt8]) {
        if x.isNaN { out.append(contentsOf: "NaN".utf8); return }
        if count && x == x.rounded() && abs(x) < 1e15 {
            var v = Int(x)
            if v < 0 { out.append(UInt8(ascii: "-")); v = -v }
            let start = out.count
            repeat {
                out.append(UInt8(ascii: "0") + UInt8(v % 10))
                v /= 10
            } while v > 0
            out[start...].reverse()
            return
        }
        out.append(contentsOf: JSONWriter.format(x).utf8)
    }

    /// `id,<measure>…` (per link: `source,target,edge-betweenness`); NaN where undefined.
    public var csv: String { String(decoding: csvBytes, as: UTF8.self) }

    /// The CSV, built as bytes (a million rows in well under a second).
    public var csvBytes: [UInt8] {
        let t = result
        var out = Array(CSVText.row((t.isPerLink ? ["source", "target"] : ["id"]) + t.columns).utf8)
        out.reserveCapacity(out.count + order.count * (12 + 12 * t.values.count))
        let counts = t.columns.map(countColumns.contains)
        // Gathered into output order first, in plain loops whose random reads overlap in memory,
        // then written in one sequential pass.
        let sources = order.map { ids[t.rows[$0].source] }
        let targets = t.isPerLink ? order.map { ids[t.rows[$0].target!] } : []
        let columns = t.values.map { column in order.map { column[$0] } }
        for i in order.indices {
            CSVText.append(field: sources[i], to: &out)
            if t.isPerLink {
                out.append(UInt8(ascii: ","))
                CSVText.append(field: targets[i], to: &out)
            }
            for c in columns.indices {
                out.append(UInt8(ascii: ","))
                Self.appendNumber(columns[c][i], count: counts[c], to: &out)
            }
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// `{"file","filter","weighted","combine","weight_as","normalized","measures","notes","rows":[…]}`.
    public var json: String {
        let t = result
        return JSONWriter.object { w in
            w.key("file"); w.string(source.file)
            w.key("filter"); w.string(orNull: source.before != nil ? source.filter?.description : nil)
            w.key("weighted"); w.bool(projection.weighted)
            w.key("combine"); w.string(projection.combine.rawValue)
            w.key("weight_as"); w.string(projection.weightMeaning.rawValue)
            w.key("normalized"); w.bool(normalized)
            w.key("measures"); w.beginArray(); for c in t.columns { w.string(c) }; w.endArray()
            w.key("notes"); w.beginArray(); for n in t.notes { w.string(n) }; w.endArray()
            w.key("rows"); w.beginArray()
            func entity(_ prefix: String, _ i: Int) {
                let e = entities?[i]
                w.key(prefix + "id"); w.string(ids[i])
                w.key(prefix + "name"); w.string(orNull: e?.name)
                w.key(prefix + "kind"); w.string(e?.kind.rawValue ?? "node")
                w.key(prefix + "role"); w.string(orNull: e?.role?.rawValue)
                w.key(prefix + "protected"); w.bool(e?.isProtected ?? false)
            }
            for r in order {
                let row = t.rows[r]
                w.beginObject()
                if let target = row.target {
                    entity("source_", row.source)
                    entity("target_", target)
                } else {
                    entity("", row.source)
                }
                for (c, name) in t.columns.enumerated() {
                    w.key(name)
                    w.double(orNull: t.values[c][r])
                }
                w.endObject()
            }
            w.endArray()
        }
    }

    /// Ranked rows, a filter line when a filter was set, and a note when protected persons appear.
    public var table: String {
        let t = result
        func label(_ i: Int) -> String { entities.map { ResultText.entity($0[i], kind: false) } ?? ids[i] }
        func isProtected(_ i: Int) -> Bool { entities?[i].isProtected == true }
        let header = (t.isPerLink ? ["#", "source", "target"] : ["#", "entity", "kind"]) + t.columns
        // Three leading columns either way: rank, then entity and kind, or source and target.
        var table = TextTable(header: header, rightAligned: Set([0] + (3 ..< 3 + t.columns.count)))
        var protectedShown = false
        // A row's cells, made only for the rows the table shows (TextTable.rowLimit).
        func fields(_ rank: Int, _ r: Int) -> [String] {
            let row = t.rows[r]
            var fields = [String(rank + 1), label(row.source)]
            if let target = row.target { fields.append(label(target)) } else { fields.append(entities?[row.source].kind.rawValue ?? "node") }
            for c in t.values.indices { fields.append(ResultText.short(t.values[c][r])) }
            return fields
        }
        for (rank, r) in order.enumerated() {
            let row = t.rows[r]
            // Only rows the table shows call for the note.
            if rank < TextTable.rowLimit && (isProtected(row.source) || row.target.map(isProtected) == true) { protectedShown = true }
            table.append(fields(rank, r))
        }
        var out = ""
        if let before = source.before, let filter = source.filter {
            out += "filter: \(filter): kept \(ids.count) of \(before.entities) entities (\(before.links) links before)\n"
        }
        out += table.text
        if order.count < t.rows.count { out += "(\(order.count) of \(t.rows.count) rows; top \(order.count))\n" }
        if protectedShown {
            out += "Protected persons (victims, survivors) rank here by position only: under the forced-criminality principle they are never targets of disruption.\n"
        }
        return out
    }
}
