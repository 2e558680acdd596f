import CSV
import TNetModel

/// One CSV file read through the CSV.swift package: a header row of column names and the
/// rows after it, each with the line it starts on.
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
    }

    struct Row {
        var line: Int
        var cells: [String]
    }

    let file: String
    let columns: [Column]
    let rows: [Row]
    /// Read with `;` between cells: numbers may then write their decimals after a comma (2,5).
    var decimalComma = false

    static func read(_ input: InputFile) throws -> CSVTable {
        try input.checkText()
        let separator = UInt8(ascii: Self.delimiter(String(decoding: input.bytes.dropFirst(input.bomLength).prefix(65536), as: UTF8.self)) == ";" ? ";" : ",")
        try checkQuotes(input, separator: separator)
        let text = String(decoding: input.bytes.dropFirst(input.bomLength), as: UTF8.self)
        let delimiter = Self.delimiter(text)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, delimiter: delimiter)
        } catch {
            throw ReadError("cannot read CSV: \(error)", file: input.name)
        }
        var line = 1
        var header: [String]?
        var rows: [Row] = []
        while let cells = reader.next() {
            let start = line
            line += 1 + cells.reduce(0) { $0 + lineBreaks(in: $1) }
            if cells.allSatisfy(\.isEmpty) { continue }
            if header == nil { header = cells; continue }
            if let header, cells.count > header.count {
                throw ReadError("row has \(cells.count) cells but the header has \(header.count) columns",
                                at: SourceLocation(file: input.name, line: start, column: 1))
            }
            rows.append(Row(line: start, cells: cells))
        }
        if let error = reader.error { throw ReadError("cannot read CSV: \(error)", file: input.name) }
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
            var column = Column(name: name, type: nil)
            if let colon = name.lastIndex(of: ":"), let t = AttributeType(rawValue: String(name[name.index(after: colon)...])) {
                column = Column(name: String(name[..<colon]), type: t)
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
        return CSVTable(file: input.name, columns: columns, rows: rows, decimalComma: delimiter == ";")
    }

    /// `;` when the header line has semicolons and no commas (Excel's CSV where the comma is the
    /// decimal separator: German, French, Spanish Windows), else `,`.
    static func delimiter(_ text: String) -> Unicode.Scalar {
        let header = text.prefix { $0 != "\n" && $0 != "\r" }
        return header.contains(";") && !header.contains(",") ? ";" : ","
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

    private static func lineBreaks(in s: String) -> Int {
        var n = 0
        var previousCR = false
        for u in s.unicodeScalars {
            if u == "\n" { if !previousCR { n += 1 } } else if u == "\r" { n += 1 }
            previousCR = u == "\r"
        }
        return n
    }

    /// RFC 4180 quoting: a quote opens a quoted field only at the start of a field, `""`
    /// inside is one quote, and the closing quote ends the field. CSV.swift reads an
    /// unterminated quoted field, or text after a closing quote, into the rest of the file
    /// without complaint; this finds either first and says where.
    private static func checkQuotes(_ input: InputFile, separator: UInt8) throws {
        var inQuotes = false, atFieldStart = true
        var line = 1, column = 1, openLine = 0, openColumn = 0
        let b = input.bytes
        var i = input.bomLength
        while i < b.count {
            let c = b[i]
            if inQuotes {
                if c == UInt8(ascii: "\"") {
                    if i + 1 < b.count && b[i + 1] == UInt8(ascii: "\"") { i += 2; column += 2; continue }
                    inQuotes = false
                    // CSV.swift would swallow the rest of the file into this field.
                    if i + 1 < b.count, ![separator, 0x0A, 0x0D].contains(b[i + 1]) {
                        throw ReadError("text after the closing quote of a quoted field (a quote inside a quoted field is written \"\")",
                                        at: SourceLocation(file: input.name, line: line, column: column + 1))
                    }
                }
            } else if c == UInt8(ascii: "\"") && atFieldStart {
                inQuotes = true
                openLine = line; openColumn = column
            }
            atFieldStart = !inQuotes && (c == separator || c == 0x0A || c == 0x0D)
            if c == 0x0A { line += 1; column = 1 } else if c & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        if inQuotes {
            throw ReadError("quoted field is never closed (a \" is missing)",
                            at: SourceLocation(file: input.name, line: openLine, column: openColumn))
        }
    }
}
