import TNetModel

/// Writes a dataset as the CSV files ``CSVDatasetReader`` reads: entities.csv, links.csv,
/// sources.csv and dataset.csv. Every fixed column is always present, in ``FieldCodec`` order;
/// attribute columns follow in the order first seen, typed in the header when not strings
/// (`count:int`), so reading the files back gives the same dataset.
///
/// Cells are written as they are: a cell that starts with `=`, `+`, `-` or `@` may be taken for
/// a formula by a spreadsheet program, but changing it would change the data.
public enum CSVDatasetWriter {
    /// How many of the texts written as cells (ids, names, kinds, roles, countries, attribute
    /// texts, source fields, and the attribute keys that head columns) begin as a spreadsheet
    /// formula does: `=`, `@`, or `+`/`-` not starting a finite number (`-3.5` is a number,
    /// `-2+3`, `+cmd` and `-inf` are not). A list is written as JSON (`[…`): not counted.
    public static func formulaLikeCells(_ dataset: Dataset) -> Int {
        func risky(_ s: String) -> Bool {
            guard let c = s.unicodeScalars.first else { return false }
            if c == "=" || c == "@" { return true }
            guard c == "+" || c == "-" else { return false }
            return Double(s.dropFirst()).map { !$0.isFinite } ?? true
        }
        func count(_ v: AttributeValue) -> Int {
            if case .string(let s) = v { return risky(s) ? 1 : 0 }
            return 0
        }
        var n = 0
        var headers = Set<String>()
        for e in dataset.entities {
            for s in [e.id, e.kind.rawValue, e.name, e.role?.rawValue, e.country] { if let s, risky(s) { n += 1 } }
            for (k, v) in e.attributes { n += count(v); headers.insert(k) }
        }
        for l in dataset.links {
            for s in [l.source, l.target, l.kind.rawValue, l.agreement] { if let s, risky(s) { n += 1 } }
            for (k, v) in l.attributes { n += count(v); headers.insert(k) }
        }
        for src in dataset.sources {
            for s in [src.id, src.title, src.publisher, src.url] { if let s, risky(s) { n += 1 } }
            for (k, v) in src.attributes { n += count(v); headers.insert(k) }
        }
        return n + headers.filter(risky).count
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
        try FieldCodec.checkListable(dataset)
        var meta = CSVText.row(["key", "value"])
        meta += CSVText.row(["format", Dataset.formatVersion])
        if let t = dataset.title { meta += CSVText.row(["title", t]) }
        if let d = dataset.description { meta += CSVText.row(["description", d]) }
        if let d = dataset.directed { meta += CSVText.row(["directed", d ? "true" : "false"]) }
        if !dataset.schema.isEmpty { meta += CSVText.row(["schema", AttributeType.json.encode(.object(dataset.schema.attributes))]) }
        for (k, v) in dataset.extra { meta += CSVText.row([k, AttributeType.json.encode(v)]) }

        let sources = table(dataset.sources, fixed: ["id", "title", "publisher", "date", "url"], attributes: \.attributes) { s in
            var f: [(String, String)] = [("id", s.id)]
            if let v = s.title { f.append(("title", v)) }
            if let v = s.publisher { f.append(("publisher", v)) }
            if let v = s.date { f.append(("date", v.description)) }
            if let v = s.url { f.append(("url", v)) }
            return f
        }
        let entities = table(dataset.entities, fixed: FieldCodec.entityFields, attributes: \.attributes, fields: FieldCodec.fields(of:))
        let links = table(dataset.links, fixed: FieldCodec.linkFields, attributes: \.attributes, fields: FieldCodec.fields(of:))
        return [(files.dataset, Array(meta.utf8)), (files.sources, Array(sources.utf8)),
                (files.entities, Array(entities.utf8)), (files.links, Array(links.utf8))]
    }

    private static func table<C: Collection>(_ items: C, fixed: [String], attributes: (C.Element) -> Attributes,
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
        var out = CSVText.row(header)
        let position = Dictionary(uniqueKeysWithValues: fixed.enumerated().map { ($1, $0) })
        let attributeColumn = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        for item in items {
            var row = [String](repeating: "", count: header.count)
            for (name, text) in fields(item) { row[position[name]!] = text }
            for (k, v) in attributes(item) {
                let i = attributeColumn[k]!
                row[fixed.count + i] = types[i].encode(v)
            }
            out += CSVText.row(row)
        }
        return out
    }
}
