import TNetModel

/// One CSV file: a header row of column names and the rows after it, each with the line it
/// starts on.
///
/// Accepts what spreadsheets write: UTF-8 with or without a byte-order mark, CRLF or LF line
/// ends, quoted fields with commas, quotes and line breaks, blank lines, rows shorter than
/// the header (missing cells are empty). Refuses, with line and column: an unterminated quoted
/// field, a row longer than the header, duplicate or empty column names.
struct CSVTable {
    struct Column {
        var name: String
        /// From a `name:type` header (`count:int`); `nil` for a plain column.
        var type: AttributeType?
        /// The cell of a row that holds the column's value: its own, or another column's that
        /// it repeats (a call's date read as both `from` and `to`), shared rather than copied
        /// into every row.
        var cell: Int
        /// The column's name as the file's header writes it (`Datum`), for messages.
        var header: String = ""
        /// Whether the column reads another column's cell (`to` from a call's date).
        var repeatsCell = false
        /// A date field's column (`from`, `to`, `date`), read in the date layout.
        var isDate: Bool { type == nil && (name == "from" || name == "to" || name == "date") }
    }

    struct Row {
        var line: Int
        var cells: [String]
        /// Where the row starts in ``CSVTable/text`` (a byte offset), to find a cell's column.
        var offset: Int = 0
    }

    let file: String
    let columns: [Column]
    let rows: [Row]
    /// Read with `;` between cells: numbers may then write their decimals after a comma (2,5).
    var decimalComma = false
    /// The file's bytes after any byte-order mark (the same array as read, not a copy): a
    /// message about a value finds its cell's column in them.
    var text: ArraySlice<UInt8> = []
    /// Rows of separators with every cell empty (`,,,`, as spreadsheets save an empty row),
    /// skipped: how many, and the line of the first. Blank lines are not counted.
    var emptyRows = (count: 0, firstLine: 0)
    /// Rows that repeat the header cell for cell (exports of several months joined into one
    /// file), skipped: how many, and the line of the first.
    var repeatedHeaders = (count: 0, firstLine: 0)

    static func read(_ input: InputFile) throws -> CSVTable {
        try input.checkText()
        var header: [String]?
        var rows: [Row] = []
        var emptyRows = (count: 0, firstLine: 0), repeatedHeaders = (count: 0, firstLine: 0)
        let delimiter = try input.bytes.withUnsafeBufferPointer { all -> UInt8 in
            let bytes = UnsafeBufferPointer(rebasing: all[input.bomLength...])
            let delimiter = Self.delimiter(bytes)
            try forEachRecord(bytes, delimiter: delimiter, file: input.name) { cells, line, offset in
                if cells.allSatisfy(\.isEmpty) {
                    if cells.count > 1 && header != nil {
                        if emptyRows.count == 0 { emptyRows.firstLine = line }
                        emptyRows.count += 1
                    }
                    return
                }
                guard let header else { header = cells; return }
                if Self.sameHeader(cells, header) {
                    if repeatedHeaders.count == 0 { repeatedHeaders.firstLine = line }
                    repeatedHeaders.count += 1
                    return
                }
                if cells.count > header.count {
                    throw ReadError("row has \(cells.count) cells but the header has \(header.count) columns",
                                    at: SourceLocation(file: input.name, line: line, column: 1))
                }
                rows.append(Row(line: line, cells: cells, offset: offset))
            }
            return delimiter
        }
        guard var header else { throw ReadError("no header row", file: input.name) }
        // Excel saves empty columns after the last used one: unnamed columns at the end whose
        // every cell is empty are not columns.
        while let last = header.last, FieldCodec.trimmed(last).isEmpty,
              rows.allSatisfy({ $0.cells.count < header.count || $0.cells[header.count - 1].isEmpty }) {
            header.removeLast()
            for r in rows.indices where rows[r].cells.count > header.count { rows[r].cells.removeLast(rows[r].cells.count - header.count) }
        }
        var columns: [Column] = []
        var seen: Set<String> = []
        for (i, raw) in header.enumerated() {
            let name = FieldCodec.trimmed(raw)
            var column = Column(name: name, type: nil, cell: i, header: name)
            if let colon = name.lastIndex(of: ":"), let t = AttributeType(rawValue: String(name[name.index(after: colon)...])) {
                column = Column(name: String(name[..<colon]), type: t, cell: i, header: name)
            }
            // A model field's column is found in any case (`Role`, `NAME`): a capitalised header
            // must never switch a field, and with it a victim's protection, off.
            if column.type == nil, Self.fieldNames.contains(column.name.lowercased()) { column.name = column.name.lowercased() }
            guard !column.name.isEmpty else {
                throw ReadError("column \(i + 1) of the header has no name", at: SourceLocation(file: input.name, line: 1, column: 1))
            }
            // `sources` (the field) and `sources:string` (an attribute of that name) may coexist.
            guard seen.insert(column.type == nil ? column.name : column.name + ":").inserted else {
                throw ReadError("column \(quoted(column.name)) appears twice in the header", at: SourceLocation(file: input.name, line: 1, column: 1))
            }
            columns.append(column)
        }
        return CSVTable(file: input.name, columns: columns, rows: rows, decimalComma: delimiter == UInt8(ascii: ";"),
                        text: input.bytes[input.bomLength...], emptyRows: emptyRows, repeatedHeaders: repeatedHeaders)
    }

    /// `;` when the header line has more semicolons than commas (Excel's CSV where the comma is
    /// the decimal separator: German, French, Spanish Windows; a header such as
    /// `Anrufer;Angerufener;Dauer (Min, Sek)` has one comma in a name), else `,`.
    static func delimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        // Counted outside quotes: `id,name,"aliases; a; b"` is a `,` table (helper-59).
        var semicolons = 0, commas = 0, quoted = false
        for b in bytes {
            if b == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if quoted { continue }
            if b == 0x0A || b == 0x0D { break }
            if b == UInt8(ascii: ";") { semicolons += 1 } else if b == UInt8(ascii: ",") { commas += 1 }
        }
        return semicolons > commas ? UInt8(ascii: ";") : UInt8(ascii: ",")
    }

    /// Whether a row repeats the header: the same cells but for case, spaces around them and a
    /// byte-order mark (each part of a joined file saved by Excel starts with one; helper-59).
    static func sameHeader(_ cells: [String], _ header: [String]) -> Bool {
        guard cells.count == header.count else { return false }
        func normal(_ s: String) -> String { FieldCodec.trimmed(s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s).lowercased() }
        return zip(cells, header).allSatisfy { normal($0) == normal($1) }
    }

    /// The model's field names in entity, link, source and metadata files (``FieldCodec``).
    static let fieldNames: Set<String> = ["id", "kind", "name", "role", "country", "confidence", "sources", "from", "to",
                                          "source", "target", "weight", "directed", "agreement", "title", "publisher", "url",
                                          "date", "key", "value"]

    /// Index of the plain (untyped) column `name`, or `nil`.
    func column(_ name: String) -> Int? { columns.firstIndex { $0.name == name && $0.type == nil } }

    /// Throws unless the file has every column in `names`, naming the first missing one.
    func require(_ names: [String], what: String) throws {
        for n in names where column(n) == nil {
            throw ReadError("missing required column \(quoted(n)) (\(what) need \(names.map { quoted($0) }.joined(separator: ", ")); found "
                            + columns.map { quoted($0.name) }.joined(separator: ", ") + ")",
                            at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Where cell `cell` of `row` begins in the file: its line (a quoted line break before it
    /// moves it down) and its column in characters. Past the row's last cell: where the row
    /// ends. Found again from the bytes, only for a message.
    func location(of row: Row, cell: Int) -> SourceLocation {
        text.withUnsafeBufferPointer { b in
            let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
            let delimiter = decimalComma ? UInt8(ascii: ";") : UInt8(ascii: ",")
            let n = b.count
            var i = min(row.offset, n), line = row.line, lineStart = i
            for _ in 0 ..< cell {
                if i < n && b[i] == quote {
                    i += 1
                    while i < n {
                        if b[i] == quote {
                            if i + 1 < n && b[i + 1] == quote { i += 2; continue }
                            i += 1
                            break
                        }
                        if b[i] == lf || (b[i] == cr && !(i + 1 < n && b[i + 1] == lf)) { line += 1; lineStart = i + 1 }
                        i += 1
                    }
                } else {
                    while i < n && b[i] != delimiter && b[i] != lf && b[i] != cr { i += 1 }
                }
                guard i < n && b[i] == delimiter else { break }
                i += 1
            }
            var column = 1
            for k in lineStart ..< i where b[k] & 0xC0 != 0x80 { column += 1 }
            return SourceLocation(file: file, line: line, column: column)
        }
    }

    /// Calls `body` with each record's cells, the line it starts on and its offset in `b`, blank
    /// lines included (as one empty cell).
    ///
    /// RFC 4180, on the bytes: a record ends at LF, CRLF or CR outside quotes; a quote opens a
    /// quoted field only at the start of a field, `""` inside is one quote, and the closing
    /// quote must end the field. Anything else is an error at its line and column: an
    /// unterminated quoted field (at its opening quote), text after a closing quote.
    ///
    /// Written here rather than taken from CSV.swift, which tnet used before: that package reads
    /// through Unicode scalars at about 50 MB/s (1.5 s of a 74 MB call-records table), took an
    /// unterminated quoted field or text after a closing quote into the rest of the file without
    /// complaint (tnet checked the quotes in a pass of its own first), and gives no positions.
    /// - Complexity: O(*n*) in the number of bytes.
    static func forEachRecord(_ b: UnsafeBufferPointer<UInt8>, delimiter: UInt8, file: String,
                              _ body: (_ cells: [String], _ line: Int, _ offset: Int) throws -> Void) throws {
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        let n = b.count
        var i = 0, line = 1
        // Room for as many cells as the header has, up to 32: a stray line of 16,000 separators
        // made every later row reserve 16,000 cells (helper-57: 16 GB for a 700 KB file).
        var width = 0
        var unquoted: [UInt8] = []
        /// The line breaks in `b[from..<to]`: LF, CRLF and a lone CR each count once.
        func breaks(_ from: Int, _ to: Int) -> Int {
            var count = 0
            for k in from ..< to where b[k] == cr || (b[k] == lf && (k == 0 || b[k - 1] != cr)) { count += 1 }
            return count
        }
        /// The column (in characters, from 1) of byte `p` on its line.
        func column(_ p: Int) -> Int {
            var start = p
            while start > 0 && b[start - 1] != lf && b[start - 1] != cr { start -= 1 }
            var count = 1
            for k in start ..< p where b[k] & 0xC0 != 0x80 { count += 1 }
            return count
        }
        while i < n {
            let recordLine = line, recordStart = i
            var cells: [String] = []
            cells.reserveCapacity(width == 0 ? 8 : width)
            while true {
                if i < n && b[i] == quote {
                    let open = i, openLine = line
                    i += 1
                    unquoted.removeAll(keepingCapacity: true)
                    var start = i
                    while true {
                        while i < n && b[i] != quote { i += 1 }
                        guard i < n else {
                            throw ReadError("quoted field is never closed (a \" is missing)",
                                            at: SourceLocation(file: file, line: openLine, column: column(open)))
                        }
                        line += breaks(start, i)
                        if i + 1 < n && b[i + 1] == quote {
                            unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: b[start ... i]))
                            i += 2
                            start = i
                            continue
                        }
                        unquoted.append(contentsOf: UnsafeBufferPointer(rebasing: b[start ..< i]))
                        i += 1
                        break
                    }
                    cells.append(String(decoding: unquoted, as: UTF8.self))
                    if i < n && b[i] != delimiter && b[i] != lf && b[i] != cr {
                        throw ReadError("text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")",
                                        at: SourceLocation(file: file, line: line, column: column(i)))
                    }
                } else {
                    let start = i
                    while i < n && b[i] != delimiter && b[i] != lf && b[i] != cr { i += 1 }
                    cells.append(String(decoding: UnsafeBufferPointer(rebasing: b[start ..< i]), as: UTF8.self))
                }
                if i < n && b[i] == delimiter { i += 1; continue }
                if i < n {
                    i += b[i] == cr && i + 1 < n && b[i + 1] == lf ? 2 : 1
                    line += 1
                }
                break
            }
            if width == 0 && !cells.allSatisfy(\.isEmpty) { width = min(cells.count, 32) }
            try body(cells, recordLine, recordStart)
        }
    }
}
