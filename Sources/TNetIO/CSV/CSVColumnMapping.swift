import TNetModel

extension CSVTable {
    /// What a table holds, for matching its columns to fields.
    enum Contents { case entities, links }

    /// Headers read as `source` in a link table that has no `source` column, in order of preference.
    static let sourceNames = ["from", "caller", "calling", "calling_number", "src", "sender", "origin", "a_number", "source_id",
                              "calling_party", "msisdn_a", "a-number", "a-nummer", "a_nummer", "anrufer", "appelant"]
    /// Headers read as `weight` in a link table with ends and no `weight` column: counts of calls
    /// or an amount moved.
    static let weightNames = ["calls", "call_count", "n_calls", "number_of_calls", "count", "amount"]
    /// Headers read as a link's day (its period from and to) in a link table with no period.
    static let dateNames = ["date", "call_date", "calldate", "call date", "day", "timestamp", "datetime", "date_time", "start_time", "start",
                            "datum", "fecha"]
    /// Headers read as `target` in a link table that has no `target` column.
    static let targetNames = ["to", "callee", "called", "called_number", "dst", "dest", "destination", "receiver", "recipient",
                              "b_number", "target_id", "called_party", "msisdn_b", "b-number", "b-nummer", "b_nummer", "angerufener",
                              "appelé", "appele"]

    /// The table with its columns named as the model's fields: first the names given in
    /// `map` (field → header, case-insensitive; a header that is not there is an error), then,
    /// for a field still missing, the usual synonyms: a link table's ends, as a pair
    /// (``sourceNames``, ``targetNames``; `from`/`to` only in a table without `id`, since they
    /// are otherwise a period), its weight (``weightNames``), a `date` as the link's day,
    /// Gephi's `Type` column of Directed/Undirected as `directed`, and an entity table's
    /// `Label` as `name`. Every renaming is reported in `issues` as a warning.
    ///
    /// With `trimmingIDs` (a table as a partner exported it, not a tnet dataset folder, whose ids
    /// are kept exactly), spaces around ids are removed and counted in a warning.
    func mapped(_ contents: Contents, _ map: [String: String], _ issues: inout [ValidationIssue], trimmingIDs: Bool = false) throws -> CSVTable {
        var columns = self.columns
        var rows = self.rows
        var renamed: [String] = []
        func index(ofHeader header: String) -> Int? {
            columns.firstIndex { $0.type == nil && $0.name.lowercased() == header.lowercased() }
        }
        func has(_ field: String) -> Bool { columns.contains { $0.type == nil && $0.name == field } }
        func rename(_ i: Int, _ field: String) {
            renamed.append("\(quoted(columns[i].name)) as \(field)")
            columns[i].name = field
            columns[i].type = nil
        }
        let fields = contents == .links ? FieldCodec.linkFields : FieldCodec.entityFields
        for (field, header) in map.sorted(by: { $0.key < $1.key }) {
            // A mapping for the other kind of table (entities' `id` on a link table) is not this table's.
            guard fields.contains(field) || !(FieldCodec.linkFields + FieldCodec.entityFields).contains(field) else { continue }
            guard let i = index(ofHeader: header) else {
                if has(field) { continue }
                throw ReadError("no column \(quoted(header)) to read as \(field) (found " + columns.map { quoted($0.name) }.joined(separator: ", ") + ")",
                                at: SourceLocation(file: file, line: 1, column: 1))
            }
            if columns[i].name == field { continue }
            if let clash = columns.firstIndex(where: { $0.type == nil && $0.name == field }) {
                throw ReadError("column \(quoted(header)) cannot be read as \(field): the column \(quoted(columns[clash].name)) already is",
                                at: SourceLocation(file: file, line: 1, column: 1))
            }
            rename(i, field)
        }
        switch contents {
        case .links:
            // The ends are renamed as a pair, and only when the table names neither: a lone
            // `source` (a provenance column, say) never pairs with a `callee`.
            if !has("source") && !has("target") {
                let sources = Self.sourceNames.dropFirst().compactMap(index(ofHeader:))
                let targets = Self.targetNames.dropFirst().compactMap(index(ofHeader:))
                if let f = sources.first, let t = targets.first {
                    rename(f, "source"); rename(t, "target")
                } else if sources.isEmpty && targets.isEmpty, index(ofHeader: "id") == nil,
                          let f = index(ofHeader: "from"), let t = index(ofHeader: "to") {
                    // from/to are otherwise a period: ends only in a table without ids.
                    rename(f, "source"); rename(t, "target")
                }
            }
            if has("source") && has("target") && !has("weight"),
               let i = Self.weightNames.lazy.compactMap(index(ofHeader:)).first {
                rename(i, "weight")
            }
            // A call or transfer on one day: its date is the link's period.
            if has("source") && has("target") && !has("from") && !has("to"),
               let i = Self.dateNames.lazy.compactMap(index(ofHeader:)).first {
                // Named by the file's header (`Datum`), not by a name it was given on the way (`date`).
                if let k = renamed.firstIndex(of: "\(quoted(columns[i].header)) as date") { renamed.remove(at: k) }
                renamed.append("\(quoted(columns[i].header)) as from and to (the link's day)")
                columns[i].name = "from"
                columns[i].type = nil
                columns.append(Column(name: "to", type: nil, cell: columns[i].cell, header: columns[i].header, repeatsCell: true))
            }
            // Gephi's edge table: Type is Directed or Undirected.
            if !has("directed"), let i = index(ofHeader: "type") {
                let c = columns[i].cell
                let values = Set(rows.map { $0.cells.count > c ? FieldCodec.trimmed($0.cells[c]).lowercased() : "" })
                // Gephi's values, or most of them: a stray value is then an error on its row.
                let gephi = values.filter { $0 == "directed" || $0 == "undirected" }
                if !gephi.isEmpty && gephi.count + (values.contains("") ? 1 : 0) >= values.count - 1 {
                    rename(i, "directed")
                    for r in rows.indices where rows[r].cells.count > c {
                        let v = FieldCodec.trimmed(rows[r].cells[c]).lowercased()
                        rows[r].cells[c] = v == "directed" ? "true" : v == "undirected" ? "false" : rows[r].cells[c]
                    }
                }
            }
        case .entities:
            if !has("name"), let i = index(ofHeader: "label") { rename(i, "name") }
        }
        if !renamed.isEmpty {
            issues.append(ValidationIssue(.warning, .missingField, "columns read as the model's fields: " + renamed.joined(separator: ", "),
                                          at: SourceLocation(file: file, line: 1, column: 1)))
        }
        // Ids with spaces around them (" +855103", "Bob ") would be other entities than the
        // same ids without: the spaces are removed, and said.
        var trimmed = 0, firstLine = 0
        for column in columns where trimmingIDs && column.type == nil && ["id", "source", "target"].contains(column.name) {
            let i = column.cell
            for r in rows.indices where rows[r].cells.count > i {
                let t = FieldCodec.trimmed(rows[r].cells[i])
                if t != rows[r].cells[i] {
                    rows[r].cells[i] = t
                    trimmed += 1
                    if firstLine == 0 { firstLine = rows[r].line }
                }
            }
        }
        if trimmed > 0 {
            issues.append(ValidationIssue(.warning, .invalidValue, "\(trimmed) id\(trimmed == 1 ? "" : "s") had spaces around them, removed (the first on this line)",
                                          at: SourceLocation(file: file, line: firstLine, column: 1)))
        }
        return CSVTable(file: file, columns: columns, rows: rows, decimalComma: decimalComma, text: text, emptyRows: emptyRows,
                        repeatedHeaders: repeatedHeaders)
    }
}
