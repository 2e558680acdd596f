import Foundation
import TNetGraph
import TNetModel

/// Reads a dataset kept as spreadsheets: `entities.csv` and `links.csv`, with optional
/// `sources.csv` (`id`, `title`, `publisher`, `date`, `url`, …) and `dataset.csv` (`key`,
/// `value` rows: `title`, `description`, `directed`, and other dataset fields as JSON text).
///
/// Columns are found by their header, in any case. The model's fields have fixed names (see
/// ``FieldCodec``); every other column is an attribute, a string unless its header gives a
/// type (`count:int`, `score:double`, `verified:bool`, `extra:json`). An empty cell is an
/// absent value. Required: `id` in entities.csv, `source` and `target` in links.csv; without
/// `kind` an entity is a `node` and a link a `link` (a plain graph).
///
/// Files as partners export them are read too, and every reinterpretation is reported as a
/// warning: any other `.csv` file whose header has a source and a target is a link table (one
/// with only an `id` an entity table); a link table without `source`/`target` columns may
/// name them `caller`/`callee`, `src`/`dst`, `sender`/`receiver`, `a_number`/`b_number` and
/// the like, or `from`/`to` in a table without `id`; a link table without `weight` reads a
/// `calls`, `count` or `amount` column as it, one without `from`/`to` a `date` column as the
/// link's day; Gephi's edge table (`Source,Target,Type,Id,Label,Weight`) is read with `Type`
/// as the direction, and Gephi's node table's `Label` as the name; ``ReadOptions/columns``
/// names any other column, ``ReadOptions/dateFormat`` reads dates in another layout,
/// ``ReadOptions/encoding`` a legacy code page.
///
/// A link table with no `entities.csv` beside it is read as a plain edge table: its
/// endpoints become entities of kind `node` (with a warning), ordered by id.
public enum CSVDatasetReader {
    /// Reads a CSV dataset from a folder, from one of its files, or from any single `.csv`
    /// table.
    /// - Parameters:
    ///   - path: A folder holding `entities.csv` and `links.csv`, a path ending in one of the
    ///     four file names, or any other `.csv` file (read as ``read(table:options:)`` does).
    ///   - options: Encoding, column names, date layout and direction.
    /// - Returns: The dataset, with the place each row was read from, and the problems of form
    ///   (and column renamings) found on the way.
    /// - Throws: ``ReadError`` when a file is missing (`links.csv` is required beside
    ///   `entities.csv`), cannot be decoded, is not well-formed CSV, or lacks a required
    ///   column.
    /// - Complexity: O(*n*) in the total size of the files.
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        try read(path: path, options: options, rowsPerChunk: rowsPerChunk)
    }

    /// Rows read together on one thread: about 4 MB of call records.
    static let rowsPerChunk = 65_536

    /// ``read(path:options:)`` with chunks of `rowsPerChunk` rows (tests use small ones).
    static func read(path: String, options: ReadOptions, rowsPerChunk: Int) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        func table(_ file: String) throws -> CSVTable { try CSVTable.read(InputFile.read(file).decoded(options.encoding)) }
        guard let files = CSVDatasetFiles(path: path) else {
            // Any other .csv file: a link table or an entity table, as its header says.
            guard path.lowercased().hasSuffix(".csv") else {
                throw ReadError("a CSV dataset is a folder holding entities.csv and links.csv, or a .csv file with a header", file: path)
            }
            guard CSVDatasetFiles.exists(path) else { throw ReadError("no such file", file: path) }
            var (entityTable, linkTable) = try single(table(path), options, &issues)
            return try assemble(&entityTable, &linkTable, files: nil, options: options, issues: issues, rowsPerChunk: rowsPerChunk)
        }
        let hasEntities = CSVDatasetFiles.exists(files.entities)
        guard CSVDatasetFiles.exists(files.links) else {
            if hasEntities { throw ReadError("no links.csv beside the entities (expected \(files.links))", file: files.entities) }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue {
                throw ReadError("is a directory without links.csv: a CSV dataset folder holds entities.csv and links.csv", file: path)
            }
            throw ReadError("no such file or CSV folder", file: path)
        }
        var entityTable = hasEntities ? try table(files.entities).mapped(.entities, options.columns, &issues) : nil
        var linkTable: CSVTable? = try table(files.links).mapped(.links, options.columns, &issues)
        return try assemble(&entityTable, &linkTable, files: files, options: options, issues: issues, rowsPerChunk: rowsPerChunk)
    }

    /// The dataset of an entity table and a link table (either may be missing), with the
    /// sources.csv and dataset.csv of `files` when they exist (a table read alone has none).
    ///
    /// The rows are read in chunks on every core and joined in file order, as the JSON and
    /// GraphML readers join theirs (``RecordChunks``): appending a million and a half call
    /// records one by one to a dataset took longer than reading the file.
    private static func assemble(_ entityTable: inout CSVTable?, _ linkTable: inout CSVTable?, files: CSVDatasetFiles?, options: ReadOptions,
                                 issues: [ValidationIssue], rowsPerChunk: Int) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        var issues = issues
        func table(_ file: String) throws -> CSVTable { try CSVTable.read(InputFile.read(file).decoded(options.encoding)) }
        var meta = Dataset()
        var sourcePositions: [ReadLocations.Position] = []
        if let files, CSVDatasetFiles.exists(files.dataset) {
            try readMetadata(table(files.dataset), into: &meta, &issues)
        }
        if let files, CSVDatasetFiles.exists(files.sources) {
            try readSources(table(files.sources), options.dateFormat, into: &meta, &issues, &sourcePositions)
        }
        try entityTable?.require(["id"], what: "entities")
        try linkTable?.require(["source", "target"], what: "links")
        for table in [entityTable, linkTable].compactMap({ $0 }) {
            if table.emptyRows.count > 0 {
                let n = table.emptyRows.count
                issues.append(ValidationIssue(.warning, .invalidValue, "\(n) row\(n == 1 ? "" : "s") with every cell empty skipped (the first on this line)",
                                              at: SourceLocation(file: table.file, line: table.emptyRows.firstLine, column: 1)))
            }
            if table.repeatedHeaders.count > 0 {
                let n = table.repeatedHeaders.count
                issues.append(ValidationIssue(.warning, .invalidValue,
                                              "\(n) row\(n == 1 ? " repeats" : "s repeat") the header (files joined together?) and \(n == 1 ? "is" : "are") skipped (the first on this line)",
                                              at: SourceLocation(file: table.file, line: table.repeatedHeaders.firstLine, column: 1)))
            }
        }
        var locations = ReadLocations(file: entityTable?.file ?? linkTable!.file, sources: sourcePositions)
        if let files, CSVDatasetFiles.exists(files.sources) { locations.sourcesFile = files.sources }
        if let linkTable { locations.linksFile = linkTable.file }

        // Chunks of rows: the entity table's first, then the link table's, each read on its own.
        let threads = ProcessInfo.processInfo.activeProcessorCount
        func cuts(_ count: Int) -> [Range<Int>] {
            stride(from: 0, to: count, by: rowsPerChunk).map { $0 ..< min(count, $0 + rowsPerChunk) }
        }
        // Read through these (an inout parameter cannot be captured), let go with the originals below.
        var (entityRows, linkRows) = (entityTable, linkTable)
        let entityCuts = cuts(entityTable?.rows.count ?? 0), linkCuts = cuts(linkTable?.rows.count ?? 0)
        let entityFields = entityTable.map(entityFields) ?? [], linkFields = linkTable.map(linkFields) ?? []
        let entityNumberSurveys = entityTable.map { numberConventions($0, weight: nil, stated: options.decimal) } ?? []
        let linkNumberSurveys = linkTable.map { numberConventions($0, weight: linkFields.firstIndex { $0 == .weight }, stated: options.decimal) } ?? []
        let entityNumbers = entityNumberSurveys.map { $0?.convention }, linkNumbers = linkNumberSurveys.map { $0?.convention }
        if let entityTable { issues += numberWarnings(entityTable, entityNumberSurveys) }
        if let linkTable { issues += numberWarnings(linkTable, linkNumberSurveys) }
        let dates = options.dateFormat
        let chunkCount = entityCuts.count + linkCuts.count
        nonisolated(unsafe) var records = [RecordChunks.Records](repeating: RecordChunks.Records(), count: chunkCount)
        nonisolated(unsafe) var chunkIssues = [[ValidationIssue]](repeating: [], count: chunkCount)
        records.withUnsafeMutableBufferPointer { records in
            chunkIssues.withUnsafeMutableBufferPointer { chunkIssues in
                nonisolated(unsafe) let records = records, chunkIssues = chunkIssues
                forEachChunk(chunkCount, threads: threads) { k, _ in
                    // Each chunk's records made new here: the array's placeholders share one store.
                    var r = RecordChunks.Records()
                    var found: [ValidationIssue] = []
                    if k < entityCuts.count, let entityTable = entityRows {
                        for row in entityTable.rows[entityCuts[k]] {
                            if let e = entity(row, entityTable, entityFields, entityNumbers, dates, &found) {
                                r.append(e, at: ReadLocations.Position(line: row.line, column: 1))
                            }
                        }
                    } else if let linkTable = linkRows {
                        for row in linkTable.rows[linkCuts[k - entityCuts.count]] {
                            if let l = link(row, linkTable, linkFields, linkNumbers, dates, &found) {
                                r.append(l, at: ReadLocations.Position(line: row.line, column: 1))
                            }
                        }
                    }
                    records[k] = r
                    chunkIssues[k] = found
                }
            }
        }
        for found in chunkIssues { issues += found }
        let implied = entityTable == nil ? linkTable?.file : nil
        // The rows are records now: let them go before the join builds the dataset (a call
        // table's rows held as much memory as the dataset).
        entityTable = nil
        linkTable = nil
        (entityRows, linkRows) = (nil, nil)
        if let implied {
            issues.append(ValidationIssue(.warning, .missingField,
                                          "a link table with no entity table: entities are implied by the links (kind \"node\", ordered by id)",
                                          at: SourceLocation(file: implied, line: 1, column: 1)))
            records.insert(impliedEntities(records), at: 0)
        }
        if options.directed && meta.directed == nil { meta.directed = true }
        return (RecordChunks.join(&records, starts: Array(repeating: (0, 1), count: records.count), locations: locations,
                                  metadata: meta, threads: threads), issues)
    }

    /// The entities a link table implies: one of kind `node` per distinct end, ordered by id
    /// (byte order of the UTF-8, ``EdgeListReader/codePointOrder(_:)`` as an edge list's are),
    /// not by first mention, so that the dataset does not depend on the order of the rows. Read
    /// as a chunk of its own, without positions (no row holds them).
    private static func impliedEntities(_ records: [RecordChunks.Records]) -> RecordChunks.Records {
        var ids: [String] = []
        if records.contains(where: \.ends.nonASCII) {
            // Ends compared as Swift compares strings (canonical equivalents are one id, as the
            // dataset's index finds them): a byte table would make two entities of them.
            var seen = Set<String>()
            for r in records {
                r.ends.forEach { _, p, count, _ in
                    let id = String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)
                    if seen.insert(id).inserted { ids.append(id) }
                }
            }
        } else {
            var table = ByteKeyTable(capacity: 1024)
            for r in records {
                r.ends.forEach { _, p, count, hash in
                    if table.insert(p, count, hash: hash).inserted { ids.append(String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)) }
                }
            }
        }
        var implied = RecordChunks.Records()
        implied.entities = RecordChunks.EntityStore(capacity: ids.count)
        for i in EdgeListReader.codePointOrder(ids) {
            implied.ids.append(ids[i])
            implied.entities.append(Entity(id: ids[i], kind: .node))
        }
        return implied
    }

    /// Whether digits begin with a date written without separators (YYYYMMDD, 1990–2040, then
    /// an hour or more): such a value is a compact timestamp, not Unix time (helper-59: the hint
    /// to read 2024010213 with %s gave 2034-02-20).
    static func compactDate(_ t: String) -> Bool {
        let b = Array(t.utf8.prefix(8))
        guard b.count == 8 else { return false }
        let n = b.reduce(0) { $0 * 10 + Int($1 &- 0x30) }
        let (y, m, d) = (n / 10_000, n / 100 % 100, n % 100)
        return (1990 ... 2040).contains(y) && (1 ... 12).contains(m) && (1 ... 31).contains(d)
    }

    /// One table read alone (a file, or standard input): a link table when its header has a
    /// source and a target (under any of the names above, or named in the options' column
    /// map), else an entity table when it has an id, else an error that lists its columns.
    /// Spaces around ids are removed, with a warning.
    /// - Parameters:
    ///   - input: The table's bytes.
    ///   - options: Encoding, column names, date layout and direction.
    /// - Returns: The dataset (a link table's endpoints become `node` entities) and the
    ///   problems of form found on the way.
    /// - Throws: ``ReadError`` when the table cannot be decoded, is not well-formed CSV, or is
    ///   neither a link table nor an entity table.
    public static func read(table input: InputFile, options: ReadOptions = ReadOptions()) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        var issues: [ValidationIssue] = []
        var (entities, links) = try single(CSVTable.read(input.decoded(options.encoding)), options, &issues)
        return try assemble(&entities, &links, files: nil, options: options, issues: issues, rowsPerChunk: rowsPerChunk)
    }

    private static func single(_ read: CSVTable, _ options: ReadOptions, _ issues: inout [ValidationIssue]) throws -> (CSVTable?, CSVTable?) {
        var linkIssues: [ValidationIssue] = []
        let asLinks = try read.mapped(.links, options.columns, &linkIssues, trimmingIDs: true)
        if asLinks.column("source") != nil && asLinks.column("target") != nil { issues += linkIssues; return (nil, asLinks) }
        let asEntities = try read.mapped(.entities, options.columns, &issues, trimmingIDs: true)
        guard asEntities.column("id") != nil else {
            throw ReadError("neither a link table nor an entity table: no source and target columns, and no id column (found "
                            + read.columns.map { quoted($0.name) }.joined(separator: ", ")
                            + "); name the columns that hold them: --map source=COLUMN,target=COLUMN",
                            at: SourceLocation(file: read.file, line: 1, column: 1))
        }
        return (asEntities, nil)
    }

    /// `text` of a date column in ISO form, converted from `format` when one is given.
    private static func isoDate(_ column: CSVTable.Column, _ text: String, _ format: DateFormat?, _ at: @autoclosure () -> SourceLocation,
                                _ issues: inout [ValidationIssue]) -> String {
        guard column.isDate, !text.isEmpty else { return text }
        guard let format else {
            let t = FieldCodec.trimmed(text)
            // Nine to eleven digits and nothing else: seconds since 1970, which need saying.
            let unixLike = column.name != "date" && (9 ... 11).contains(t.utf8.count) && t.utf8.allSatisfy({ (0x30 ... 0x39).contains($0) })
                && !Self.compactDate(t)
            if unixLike && !column.repeatsCell {
                issues.append(ValidationIssue(.error, .invalidValue, "\(quoted(column.header.isEmpty ? column.name : column.header)): \(quoted(t)) is not a date; "
                                              + "if it is Unix time (seconds since 1970), --date-format %s reads it", at: at()))
                return ""
            }
            if unixLike { return "" }
            // A timestamp (2024-01-02 13:45:00, 2024-01-02T13:45Z) is read as its day.
            if t.count > 10, PartialDate(String(t.prefix(10))) != nil, [" ", "T"].contains(t[t.index(t.startIndex, offsetBy: 10)]) {
                return String(t.prefix(10))
            }
            return text
        }
        if let iso = format.iso(FieldCodec.trimmed(text)) { return iso }
        // One message per cell: a call's date is read as both from and to.
        if !column.repeatsCell {
            let name = column.header == column.name || column.header.isEmpty ? quoted(column.name) : "\(quoted(column.header)) (read as \(column.name))"
            issues.append(ValidationIssue(.error, .invalidValue, "\(name) does not follow the date layout \(format): \(quoted(text))", at: at()))
        }
        return ""
    }

    /// Each column's way of writing numbers, for the number columns of a `;` table (its weight,
    /// `:double` and `:int` attributes): nil for the others, and for every column of a `,` table.
    static func numberConventions(_ table: CSVTable, weight: Int?, stated: DecimalSeparator? = nil) -> [(convention: CSVNumberConvention, survey: CSVNumberConvention.Survey)?] {
        table.columns.enumerated().map { i, column in
            guard i == weight || column.type == .double || column.type == .int else { return nil }
            // Stated (--decimal): that way, in any table.
            if let stated { return (stated == .comma ? .decimalComma : .decimalPoint, CSVNumberConvention.Survey()) }
            guard table.decimalComma else { return nil }
            let survey = CSVNumberConvention.survey(table.rows.lazy.map { cell($0, column) })
            return (CSVNumberConvention.deciding(survey), survey)
        }
    }

    /// What each number column's values decided, when that concerns values that read both ways:
    /// read one way (how many, on how many others' word), or refused.
    static func numberWarnings(_ table: CSVTable, _ conventions: [(convention: CSVNumberConvention, survey: CSVNumberConvention.Survey)?]) -> [ValidationIssue] {
        table.columns.indices.compactMap { i in
            guard let (way, s) = conventions[i], way == .mixed || s.ambiguous > 0 else { return nil }
            let name = quoted(table.columns[i].header.isEmpty ? table.columns[i].name : table.columns[i].header)
            let both = "\(s.ambiguous) value\(s.ambiguous == 1 ? " that reads" : "s that read") both ways (\(quoted(s.example ?? "")))"
            let message: String
            switch way {
            case .mixed:
                message = "column \(name) writes numbers both with a decimal comma (2,5) and with a decimal point (2.5): a value that reads both ways (1,500, 12.500) is refused"
            case .decimalComma, .decimalPoint:
                let told = way == .decimalComma ? s.comma : s.point
                message = "column \(name): \(both) \(s.ambiguous == 1 ? "is" : "are") read with a decimal \(way == .decimalComma ? "comma" : "point"), "
                    + "as \(told) other value\(told == 1 ? "" : "s") write\(told == 1 ? "s" : "") numbers (\(quoted(s.witness ?? "")))"
            case .unknown:
                let told = s.comma + s.point
                message = "column \(name): \(both) \(s.ambiguous == 1 ? "is" : "are") refused: "
                    + (told == 0 ? "no other value says how the column writes numbers" : "only \(told) other value\(told == 1 ? " says" : "s say") which way (\(quoted(s.witness ?? "")))")
            }
            return ValidationIssue(.warning, .invalidValue, message, at: SourceLocation(file: table.file, line: 1, column: 1))
        }
    }

    /// The message for a number that reads both ways in a column that does not say which.
    static func ambiguousNumber(_ column: CSVTable.Column, _ text: String) -> String {
        "\(quoted(column.header.isEmpty ? column.name : column.header)): \(quoted(text)) reads both as a whole number with a thousands separator "
            + "and as a decimal, and the column's other values do not say which; write it without the separator between thousands, or say how the file writes decimals (--decimal comma or point)"
    }

    /// A field's message naming the column as the file's header does (`"Datum" (read as from)`),
    /// when the two differ.
    private static func fieldMessage(_ message: String, _ column: CSVTable.Column) -> String {
        guard !column.header.isEmpty, column.header != column.name, message.hasPrefix(quoted(column.name)) else { return message }
        return "\(quoted(column.header)) (read as \(column.name))" + message.dropFirst(quoted(column.name).count)
    }

    /// Where the cell of field `name` begins in `row` (the row's start when the table has no such column).
    private static func cellLocation(_ table: CSVTable, _ row: CSVTable.Row, _ name: String) -> SourceLocation {
        guard let i = table.column(name) else { return location(table, row) }
        return table.location(of: row, cell: table.columns[i].cell)
    }

    private static func location(_ table: CSVTable, _ row: CSVTable.Row) -> SourceLocation {
        SourceLocation(file: table.file, line: row.line, column: 1)
    }

    private static func cell(_ row: CSVTable.Row, _ column: CSVTable.Column) -> String {
        column.cell < row.cells.count ? row.cells[column.cell] : ""
    }

    /// How many attributes `row` will have, when that is more than a few: its non-empty cells
    /// outside the fields' columns (a bad value among them is left out, so this may be more).
    /// Room is made for these, not for every column (helper-53: a sparse table of 1,000
    /// columns reserved for all of them in every row took 5× the memory); 0 for a narrow row,
    /// which grows as it is read.
    private static func attributeCount<Field>(_ row: CSVTable.Row, _ fields: [Field?]) -> Int {
        guard fields.count > Attributes.indexedAbove else { return 0 }
        var count = 0
        for (i, text) in row.cells.prefix(fields.count).enumerated() where fields[i] == nil && !text.isEmpty { count += 1 }
        return count
    }

    private static func attribute(_ column: CSVTable.Column, _ text: String, _ at: @autoclosure () -> SourceLocation,
                                  _ issues: inout [ValidationIssue]) -> AttributeValue? {
        guard !text.isEmpty else { return nil }
        let type = column.type ?? .string
        if let v = type.decode(text) { return v }
        issues.append(ValidationIssue(.error, .invalidValue, "column \(quoted(column.name)): \(quoted(text)) is not a \(type.rawValue)", at: at()))
        return nil
    }

    /// Each column's entity field, nil for a typed column or one that is not a field: found
    /// once per table, not once per cell.
    static func entityFields(_ table: CSVTable) -> [FieldCodec.EntityField?] {
        table.columns.map { $0.type == nil ? FieldCodec.EntityField(rawValue: $0.name) : nil }
    }

    /// Each column's link field, as ``entityFields(_:)``.
    static func linkFields(_ table: CSVTable) -> [FieldCodec.LinkField?] {
        table.columns.map { $0.type == nil ? FieldCodec.LinkField(rawValue: $0.name) : nil }
    }

    static func entity(_ row: CSVTable.Row, _ table: CSVTable, _ fields: [FieldCodec.EntityField?], _ numbers: [CSVNumberConvention?],
                       _ dates: DateFormat?, _ issues: inout [ValidationIssue]) -> Entity? {
        var e = Entity(id: "", kind: .node)
        e.attributes.reserveCapacity(attributeCount(row, fields))
        for (i, column) in table.columns.enumerated() {
            var text = isoDate(column, cell(row, column), dates, table.location(of: row, cell: column.cell), &issues)
            if let way = numbers[i], !text.isEmpty {
                guard let number = way.normalized(text) else {
                    issues.append(ValidationIssue(.error, .invalidValue, ambiguousNumber(column, text), at: table.location(of: row, cell: column.cell)))
                    continue
                }
                text = number
            }
            if let field = fields[i] {
                switch FieldCodec.set(field, text, on: &e) {
                case .stored: continue
                case .invalid(let message):
                    if !column.repeatsCell { issues.append(ValidationIssue(.error, .invalidValue, fieldMessage(message, column), at: table.location(of: row, cell: column.cell))) }
                    continue
                case .notAField: break
                }
            }
            if let v = attribute(column, text, table.location(of: row, cell: column.cell), &issues) { e.attributes[column.name] = v }
        }
        guard !e.id.isEmpty else {
            issues.append(ValidationIssue(.error, .missingField, "entity has an empty \"id\"", at: cellLocation(table, row, "id")))
            return nil
        }
        return e
    }

    static func link(_ row: CSVTable.Row, _ table: CSVTable, _ fields: [FieldCodec.LinkField?], _ numbers: [CSVNumberConvention?],
                     _ dates: DateFormat?, _ issues: inout [ValidationIssue]) -> Link? {
        var l = Link(source: "", target: "", kind: .link)
        l.attributes.reserveCapacity(attributeCount(row, fields))
        var date: (cell: Int, text: String)?
        for (i, column) in table.columns.enumerated() {
            // A call's date is read once, for from and for to.
            var text: String
            if column.repeatsCell, let date, date.cell == column.cell {
                text = date.text
            } else {
                text = isoDate(column, cell(row, column), dates, table.location(of: row, cell: column.cell), &issues)
                if column.isDate { date = (column.cell, text) }
            }
            // A semicolon table's numbers may be written 2,5 or 12.500,75 (or 12,500.75).
            if let way = numbers[i], !text.isEmpty {
                guard let number = way.normalized(text) else {
                    issues.append(ValidationIssue(.error, .invalidValue, ambiguousNumber(column, text), at: table.location(of: row, cell: column.cell)))
                    continue
                }
                text = number
            }
            if let field = fields[i] {
                switch FieldCodec.set(field, text, on: &l) {
                case .stored: continue
                case .invalid(let message):
                    if !column.repeatsCell { issues.append(ValidationIssue(.error, .invalidValue, fieldMessage(message, column), at: table.location(of: row, cell: column.cell))) }
                    continue
                case .notAField: break
                }
            }
            if let v = attribute(column, text, table.location(of: row, cell: column.cell), &issues) { l.attributes[column.name] = v }
        }
        guard !l.source.isEmpty, !l.target.isEmpty else {
            let end = l.source.isEmpty ? "source" : "target"
            issues.append(ValidationIssue(.error, .missingField, "link has an empty \"\(end)\"", at: cellLocation(table, row, end)))
            return nil
        }
        return l
    }

    static func readSources(_ table: CSVTable, _ dates: DateFormat?, into dataset: inout Dataset, _ issues: inout [ValidationIssue],
                            _ positions: inout [ReadLocations.Position]) throws {
        try table.require(["id"], what: "sources")
        for row in table.rows {
            var s = Source(id: "")
            for column in table.columns {
                let text = isoDate(column, cell(row, column), dates, table.location(of: row, cell: column.cell), &issues)
                switch column.type == nil ? column.name : "" {
                case "id": s.id = text
                case "title": s.title = text.isEmpty ? nil : text
                case "publisher": s.publisher = text.isEmpty ? nil : text
                case "url": s.url = text.isEmpty ? nil : text
                case "date":
                    if text.isEmpty { break }
                    if let d = PartialDate(FieldCodec.trimmed(text)) { s.date = d } else {
                        issues.append(ValidationIssue(.error, .invalidValue, "\"date\" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): \(quoted(text))",
                                                      at: table.location(of: row, cell: column.cell)))
                    }
                default:
                    if let v = attribute(column, text, table.location(of: row, cell: column.cell), &issues) { s.attributes[column.name] = v }
                }
            }
            if s.id.isEmpty {
                issues.append(ValidationIssue(.error, .missingField, "source has an empty \"id\"", at: cellLocation(table, row, "id")))
            } else {
                dataset.sources.append(s)
                positions.append(ReadLocations.Position(line: row.line, column: 1))
            }
        }
    }

    static func readMetadata(_ table: CSVTable, into dataset: inout Dataset, _ issues: inout [ValidationIssue]) throws {
        try table.require(["key", "value"], what: "dataset fields")
        let k = table.column("key")!, v = table.column("value")!
        for row in table.rows {
            let key = cell(row, table.columns[k]), value = cell(row, table.columns[v])
            let at = table.location(of: row, cell: table.columns[v].cell)
            switch key {
            case "format": continue
            case "title": dataset.title = value
            case "description": dataset.description = value
            case "directed":
                switch FieldCodec.trimmed(value).lowercased() {
                case "true": dataset.directed = true
                case "false": dataset.directed = false
                case "": dataset.directed = nil
                default: issues.append(ValidationIssue(.error, .invalidValue, "\"directed\" must be true or false, found \(quoted(value))", at: at))
                }
            case "schema":
                guard let parsed = AttributeType.parseJSON(value), case .object(let fields) = parsed else {
                    issues.append(ValidationIssue(.error, .invalidValue, "\"schema\" must be a JSON object", at: at))
                    continue
                }
                dataset.schema = Schema(attributes: fields)
            default:
                guard let parsed = AttributeType.parseJSON(value) else {
                    issues.append(ValidationIssue(.error, .invalidValue, "dataset field \(quoted(key)) must hold JSON text", at: at))
                    continue
                }
                dataset.extra[key] = parsed
            }
        }
    }
}

extension Schema {
    /// A schema from its JSON form held as attributes (CSV `dataset.csv`, GraphML graph data).
    init(attributes a: Attributes) {
        self.init()
        func strings(_ v: AttributeValue?) -> [String] {
            guard case .list(let items)? = v else { return [] }
            return items.compactMap(\.string)
        }
        entityKinds = strings(a["entity_kinds"]).map { EntityKind($0) }
        roles = strings(a["roles"]).map { PersonRole($0) }
        if case .list(let items)? = a["link_kinds"] {
            for item in items {
                if case .string(let s) = item { linkKinds.append(LinkKind(s)) }
                if case .object(let o) = item, let name = o["name"]?.string {
                    linkKinds.append(LinkKind(name))
                    if o["symmetric"] == .bool(true) { symmetricLinkKinds.insert(LinkKind(name)) }
                }
            }
        }
        if case .object(let t)? = a["targets"] {
            func table(_ v: AttributeValue?) -> [(String, TargetPolicy.Override)] {
                guard case .object(let o)? = v else { return [] }
                return o.compactMap { e in e.value.string.flatMap(TargetPolicy.Override.init(rawValue:)).map { (e.key, $0) } }
            }
            for (k, v) in table(t["kinds"]) { targets.kinds[EntityKind(k)] = v }
            for (k, v) in table(t["entities"]) { targets.entities[k] = v }
        }
    }

    /// The JSON form of the schema.
    var attributes: Attributes {
        var a = Attributes()
        if !entityKinds.isEmpty { a["entity_kinds"] = .list(entityKinds.map { .string($0.rawValue) }) }
        if !linkKinds.isEmpty {
            a["link_kinds"] = .list(linkKinds.map {
                symmetricLinkKinds.contains($0) ? .object(["name": .string($0.rawValue), "symmetric": .bool(true)]) : .string($0.rawValue)
            })
        }
        if !roles.isEmpty { a["roles"] = .list(roles.map { .string($0.rawValue) }) }
        if !targets.isEmpty {
            var t = Attributes()
            func table(_ d: [String: TargetPolicy.Override]) -> AttributeValue {
                var o = Attributes()
                for k in d.keys.sorted() { o[k] = .string(d[k]!.rawValue) }
                return .object(o)
            }
            if !targets.kinds.isEmpty { t["kinds"] = table(Dictionary(uniqueKeysWithValues: targets.kinds.map { ($0.key.rawValue, $0.value) })) }
            if !targets.entities.isEmpty { t["entities"] = table(targets.entities) }
            a["targets"] = .object(t)
        }
        return a
    }
}
