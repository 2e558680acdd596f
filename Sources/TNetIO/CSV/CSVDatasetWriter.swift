import TNetModel

/// Writes a dataset as the CSV files ``CSVDatasetReader`` reads: entities.csv, links.csv,
/// sources.csv and dataset.csv. Every fixed column is always present, in ``FieldCodec`` order;
/// attribute columns follow in the order first seen, typed in the header when not strings
/// (`count:int`), so reading the files back gives the same dataset.
///
/// Cells are written as they are: a cell that starts with `=`, `+`, `-` or `@` may be taken for
/// a formula by a spreadsheet program, but changing it would change the data.
public enum CSVDatasetWriter {
    /// Whether a cell begins as a spreadsheet formula does: `=`, `@`, or `+`/`-` not starting a
    /// finite number (`-3.5` is a number; `-2+3`, `+cmd` and `-inf` are not).
    public static func isFormulaLike(_ cell: String) -> Bool {
        guard let c = cell.unicodeScalars.first else { return false }
        if c == "=" || c == "@" { return true }
        guard c == "+" || c == "-" else { return false }
        return Double(cell.dropFirst()).map { !$0.isFinite } ?? true
    }

    /// The files' contents, keyed by path.
    /// - Parameters:
    ///   - dataset: The dataset to write.
    ///   - files: Where the four files go.
    /// - Returns: `dataset.csv`, `sources.csv`, `entities.csv` and `links.csv`, in that order,
    ///   each with its path; nothing is written to disk here.
    /// - Throws: ``ReadError`` when a cited source id cannot be written in a `;`-separated list
    ///   (empty, holding `;`, or with spaces around it).
    /// - Complexity: O(*n*) in the size of the dataset.
    public static func write(_ dataset: Dataset, to files: CSVDatasetFiles) throws -> [(path: String, bytes: [UInt8])] {
        try written(dataset, to: files).files
    }

    /// ``write(_:to:)``, and how many of the cells written, headers included, a spreadsheet may
    /// run as formulas (``isFormulaLike(_:)``), counted as each row is written.
    public static func written(_ dataset: Dataset, to files: CSVDatasetFiles) throws
        -> (files: [(path: String, bytes: [UInt8])], formulaCells: Int) {
        try FieldCodec.checkListable(dataset)
        var formulaCells = 0
        func row(_ cells: [String]) -> String {
            for c in cells where isFormulaLike(c) { formulaCells += 1 }
            return CSVText.row(cells)
        }
        var meta = row(["key", "value"])
        meta += row(["format", Dataset.formatVersion])
        if let t = dataset.title { meta += row(["title", t]) }
        if let d = dataset.description { meta += row(["description", d]) }
        if let d = dataset.directed { meta += row(["directed", d ? "true" : "false"]) }
        if !dataset.schema.isEmpty { meta += row(["schema", AttributeType.json.encode(.object(dataset.schema.attributes))]) }
        for (k, v) in dataset.extra { meta += row([k, AttributeType.json.encode(v)]) }

        let sources = table(dataset.sources, fixed: ["id", "title", "publisher", "date", "url"], attributes: \.attributes, row: row) { s in
            var f: [(String, String)] = [("id", s.id)]
            if let v = s.title { f.append(("title", v)) }
            if let v = s.publisher { f.append(("publisher", v)) }
            if let v = s.date { f.append(("date", v.description)) }
            if let v = s.url { f.append(("url", v)) }
            return f
        }
        let entities = table(dataset.entities, fixed: FieldCodec.entityFields, attributes: \.attributes, row: row, fields: FieldCodec.fields(of:))
        let links = table(dataset.links, fixed: FieldCodec.linkFields, attributes: \.attributes, row: row, fields: FieldCodec.fields(of:))
        return ([(files.dataset, Array(meta.utf8)), (files.sources, Array(sources.utf8)),
                 (files.entities, Array(entities.utf8)), (files.links, Array(links.utf8))], formulaCells)
    }

    private static func table<C: Collection>(_ items: C, fixed: [String], attributes: (C.Element) -> Attributes,
                                 row: ([String]) -> String,
                                 fields: (C.Element) -> [(name: String, text: String)]) -> String {
        // Attribute columns: names in first-seen order, one type per column.
        var names: [String] = []
        var valuesByName: [String: [AttributeValue]] = [:]
        for item in items {
            for (k, v) in attributes(item) {
                if valuesByName[k] == nil { names.append(k) }
                valuesByName[k, default: []].append(v)
            }
        }
        let types = names.map { AttributeType.of(valuesByName[$0]!, emptyStringIsAbsent: true) }
        let fixedSet = Set(fixed)
        var header = fixed
        for (n, t) in zip(names, types) {
            // A name that is a field, or that looks typed, gets an explicit type so it reads back as an attribute.
            let looksTyped = n.lastIndex(of: ":").map { AttributeType(rawValue: String(n[n.index(after: $0)...])) != nil } ?? false
            header.append(t != .string || fixedSet.contains(n) || looksTyped ? "\(n):\(t.rawValue)" : n)
        }
        var out = row(header)
        let position = Dictionary(uniqueKeysWithValues: fixed.enumerated().map { ($1, $0) })
        let attributeColumn = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        for item in items {
            var cells = [String](repeating: "", count: header.count)
            for (name, text) in fields(item) { cells[position[name]!] = text }
            for (k, v) in attributes(item) {
                let i = attributeColumn[k]!
                cells[fixed.count + i] = types[i].encode(v)
            }
            out += row(cells)
        }
        return out
    }
}
