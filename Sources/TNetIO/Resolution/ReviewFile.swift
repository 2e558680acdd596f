import TNetModel

/// The review file of `tnet merge`: one candidate pair per row, for the investigator to mark
/// `same`, `different` or `unsure` in its `decision` column and give back with
/// `--judgements`. Only `left`, `right` and `decision` are read back; the other columns are
/// the evidence, so that a row can be judged in a spreadsheet without tnet.
///
/// Columns: `decision` (empty), `probability`, `left`, `left_name`, `left_kind`, `right`,
/// `right_name`, `right_kind`, `name_similarity`, `for`, `against` (the evidence, `; `-separated,
/// heaviest first). `left` and `right` are `tag:id` (``RecordReference``).
public enum ReviewFile {
    /// The columns, in order.
    public static let columns = ["decision", "probability", "left", "left_name", "left_kind", "right", "right_name",
                                 "right_kind", "name_similarity", "for", "against"]

    /// The review file of `candidates` (most likely first, as given).
    /// - Parameters:
    ///   - candidates: The pairs to review.
    ///   - threads: Threads to write the rows with (the file is the same for any number).
    /// - Returns: UTF-8 CSV with a header line.
    public static func csv(_ candidates: [MergeCandidate], threads: Int = 2) -> [UInt8] {
        Array(CSVText.row(columns).utf8) + CSVText.rows(candidates.count, threads: threads) { k in
            let c = candidates[k]
            let pro = c.score.evidence.filter { $0.weight > 0 }.map(\.text).joined(separator: "; ")
            let con = c.score.evidence.filter { $0.weight < 0 }.map(\.text).joined(separator: "; ")
            return ["", format2(c.score.probability), c.left.description, cell(c.leftEntity.label),
                    c.leftEntity.kind.rawValue, c.right.description, cell(c.rightEntity.label), c.rightEntity.kind.rawValue,
                    format2(c.score.nameSimilarity), cell(pro), cell(con)]
        }
    }

    /// A text shown in a spreadsheet: one that starts like a formula (`=`, `+`, `-`, `@`) is
    /// preceded by `'`, so the spreadsheet shows it rather than running it.
    static func cell(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) else { return s }
        return "'" + s
    }

    static func format2(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// The judgements of a review file: the rows whose `decision` is `same`, `different` or
    /// `unsure` (any case); rows left empty are skipped.
    /// - Parameter input: The file (a review file as written, edited, or any CSV with `left`,
    ///   `right` and `decision` columns).
    /// - Returns: The judgements, in file order, each with its `file:line`.
    /// - Throws: ``ReadError`` at the line and column of a decision that is none of the three,
    ///   or of a reference that is not `tag:id`; when a column is missing.
    public static func judgements(_ input: InputFile) throws -> [MergeJudgement] {
        try input.checkText()
        let table = try CSVTable.read(input)
        func column(_ name: String) throws -> Int {
            guard let i = table.columns.firstIndex(where: { $0.name.lowercased() == name }) else {
                throw ReadError("no \"\(name)\" column: a judgements file has left, right and decision columns (the review file tnet merge writes)",
                                at: SourceLocation(file: input.name, line: 1, column: 1))
            }
            return i
        }
        let left = try column("left"), right = try column("right"), decision = try column("decision")
        let leftName = table.columns.firstIndex { $0.name.lowercased() == "left_name" }
        let rightName = table.columns.firstIndex { $0.name.lowercased() == "right_name" }
        var out: [MergeJudgement] = []
        for row in table.rows {
            func cell(_ i: Int) -> String { i < row.cells.count ? FieldCodec.trimmed(row.cells[i]) : "" }
            let d = cell(decision).lowercased()
            if d.isEmpty { continue }
            let at = SourceLocation(file: input.name, line: row.line, column: decision + 1)
            guard let verdict = MergeJudgement.Decision(rawValue: d) else {
                throw ReadError("decision \"\(cell(decision))\" is not same, different or unsure", at: at)
            }
            guard let l = RecordReference(cell(left)) else {
                throw ReadError("left \"\(cell(left))\" is not tag:id", at: SourceLocation(file: input.name, line: row.line, column: left + 1))
            }
            guard let r = RecordReference(cell(right)) else {
                throw ReadError("right \"\(cell(right))\" is not tag:id", at: SourceLocation(file: input.name, line: row.line, column: right + 1))
            }
            var j = MergeJudgement(left: l, right: r, decision: verdict, origin: "\(input.name):\(row.line)")
            // As shown, formula guard undone: the names the investigator saw.
            func shown(_ i: Int?) -> String? {
                guard let i else { return nil }
                let s = cell(i)
                return s.hasPrefix("'") ? String(s.dropFirst()) : s
            }
            j.leftName = shown(leftName)
            j.rightName = shown(rightName)
            out.append(j)
        }
        return out
    }
}
