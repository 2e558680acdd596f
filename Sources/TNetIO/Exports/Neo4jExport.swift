import Foundation
import TNetModel

/// A dataset as the CSV files `neo4j-admin database import` loads into Neo4j 5 (`tnet export
/// INPUT --to neo4j DIR`), with the script that runs it and a LOAD CSV alternative for a
/// running server.
///
/// The header syntax follows Neo4j's Operations Manual, "Import header format"
/// (<https://neo4j.com/docs/operations-manual/current/import/header-format/>: `<name>:<type>`
/// fields, `:ID(group)`, `:LABEL`, `:START_ID(group)`, `:END_ID(group)`, `:TYPE`, property
/// types such as `boolean`, `long`, `double`, `date` and arrays as `string[]` split on the
/// array delimiter, `;` by default) and "Full import"
/// (<https://neo4j.com/docs/operations-manual/current/import/full-import/>: the
/// `neo4j-admin database import full` options).
///
/// The folder holds:
/// - `nodes-LABEL.csv`, one per entity kind (in order of first appearance): `id:ID(Entity)`
///   (the entity's id, kept as the property `id`), `:LABEL` (`Entity`, the kind's label, and
///   `Protected` for a victim, survivor or witness), `name`, `kind`, `role`, `country`,
///   `protected:boolean`, then the provenance columns, then every free attribute typed by the
///   values it holds (`long`, `double`, `boolean`, `string`, `string[]` for lists of strings;
///   lists of other things, objects, nulls and mixed types as JSON text, with a warning).
/// - `nodes-Source.csv` when the dataset has sources: `id:ID(Source)`, `:LABEL` (`Source`),
///   `title`, `publisher`, `date` (as written), `url`; their own id group, so a source may
///   share an id with an entity. `MATCH (s:Source) WHERE s.id IN n.sources` finds what a
///   node cites.
/// - `rels-TYPE.csv`, one per link kind: `:START_ID(Entity)`, `:END_ID(Entity)`, `:TYPE`,
///   `kind`, `directed:boolean`, `weight:double`, `agreement`, then the provenance columns and
///   free attributes. Every link with both ends present is a relationship, parallel ones
///   included.
/// - Provenance, on nodes and relationships alike: `confidence` (the Admiralty grade, `B2`),
///   `confidence_value:double` (A1 = 1 … F6 = 0.09), `sources:string[]` (the cited source
///   ids), `start:date` and `end:date` (the period as whole days: a partial start is its first
///   day, a partial end its last, a warning counts them), `period_start` and `period_end` (the
///   dates as written, possibly partial). An open end is an empty field: no property.
/// - `import.sh`: the `neo4j-admin database import full` command line naming every file, with
///   `--id-type=string`, the array delimiter and `--multiline-fields=true` when a value holds
///   a line break.
/// - `load.cypher`: for a running server, a uniqueness constraint on `:Entity(id)` and
///   `:Source(id)` and one `LOAD CSV … CALL { … } IN TRANSACTIONS` statement per file,
///   converting each typed column (`toBoolean`, `toFloat`, `toInteger`, `date`, `split`).
///
/// Labels are the entity kinds in UpperCamelCase (`syndicate` → `Syndicate`), relationship types
/// the link kinds in upper case (`recruits_from` → `RECRUITS_FROM`), each cut to ASCII letters,
/// digits and `_` (Neo4j's identifier rules, and safe as file names); a kind that loses other
/// characters, or whose label or type is taken (by an earlier kind, compared without case since
/// each names a file, or by `Entity`, `Protected`, `Source`), is renamed with one warning per
/// kind saying from what to what. In `load.cypher` every label,
/// type and property name is backtick-quoted, backticks doubled. The `kind` property always
/// keeps the kind as written.
///
/// Neo4j relationships always have a direction: an undirected link is written from its source to
/// its target with `directed: false` (query it with `-[]-`), and a warning counts them.
/// The array delimiter is `;` unless a source id or list item holds one; then the first of
/// `|`, `^`, U+001F that none holds (said in `import.sh` and `load.cypher`).
public enum Neo4jExport {
    /// The export, nothing written yet.
    public struct Output: Sendable {
        /// Each file's name in the folder and bytes, `import.sh` and `load.cypher` last.
        public var files: [(name: String, bytes: [UInt8])]
        /// Nodes (entities) and relationships (links) written; sources are nodes too, counted
        /// apart.
        public var nodes: Int, relationships: Int, sourceNodes: Int
        /// The array delimiter the files use.
        public var arrayDelimiter: Character
        /// One line per kind of loss (see ``ExportLosses``).
        public var warnings: [String]
    }

    /// One column: its header field and how `load.cypher` converts it.
    struct Column {
        let header: String
        /// The property it sets, nil for `:ID`-like fields that only structure the import.
        let property: String?
        /// `string`, `boolean`, `double`, `long`, `date`, `string[]`.
        let type: String
    }

    /// `kind` as a Neo4j label: ASCII letters and digits in UpperCamelCase (`call_centre` →
    /// `CallCentre`), `K` before a leading digit, `Kind` when empty.
    public static func label(_ kind: String) -> String {
        var out = "", upper = true
        for u in kind.unicodeScalars {
            if u.isASCII, u.properties.isAlphabetic || ("0" ... "9").contains(u) {
                out += upper ? String(u).uppercased() : String(u)
                upper = false
            } else {
                upper = true
            }
        }
        if out.isEmpty { return "Kind" }
        if out.first!.isNumber { out = "K" + out }
        return out
    }

    /// `kind` as a Neo4j relationship type: ASCII letters and digits in upper case, anything
    /// else as `_` (runs collapsed), `R_` before a leading digit, `RELATED` when empty.
    public static func relationshipType(_ kind: String) -> String {
        var out = ""
        for u in kind.unicodeScalars {
            if u.isASCII, u.properties.isAlphabetic || ("0" ... "9").contains(u) {
                out += String(u).uppercased()
            } else if !out.isEmpty && !out.hasSuffix("_") {
                out += "_"
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        if out.isEmpty { return "RELATED" }
        if out.first!.isNumber { out = "R_" + out }
        return out
    }

    /// Who holds a name, for a rename's warning: `entity kind "drug_lab"`, with its own
    /// spelling when it differs from `wanted` only in case (`(DrugLab; file names may ignore case)`).
    static func taker(_ owner: (owner: String, name: String), _ wanted: String) -> String {
        owner.name == wanted ? owner.owner : owner.owner + " (\(owner.name); file names may ignore case)"
    }

    /// `name` as a Cypher identifier in backticks, any backtick doubled.
    public static func cypherName(_ name: String) -> String {
        "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
    }

    /// Whether `kind` keeps every character in its label or type, apart from case and the
    /// `_`, `-` and space that separate words.
    static func isPlain(_ kind: String) -> Bool {
        kind.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0" ... "9").contains($0) || $0 == "_" || $0 == "-" || $0 == " ") }
    }

    /// Encodes `dataset` as the import folder's files.
    /// - Parameters:
    ///   - dataset: the dataset (already redacted and filtered).
    ///   - redacted: whether protected persons were redacted (said in the scripts' comments).
    /// - Returns: the files, the counts, the array delimiter and the warnings.
    /// - Complexity: O(size of the dataset).
    public static func encode(_ dataset: Dataset, redacted: Bool) -> Output {
        var losses = ExportLosses(format: "Neo4j")
        let links = dataset.links
        var resolved: [(Int, Int32, Int32)] = []
        dataset.forEachResolvedLink { i, s, t in resolved.append((i, s, t)) }

        // Property names: a `:` would end the name in a header field.
        let legal = { (k: String) -> String in k.isEmpty ? "attr" : k.replacingOccurrences(of: ":", with: "_") }
        let nodeFree = ExportAttributeColumns(dataset.entities.map(\.attributes),
                                              reserved: provenanceNames.union(["id", "name", "kind", "role", "country", "protected"]),
                                              emptyStringIsAbsent: false, legal: legal, losses: &losses, what: "entity")
        let relFree = ExportAttributeColumns(resolved.map { links[$0.0].attributes },
                                             reserved: provenanceNames.union(["kind", "directed", "weight", "agreement"]),
                                             emptyStringIsAbsent: false, legal: legal, losses: &losses, what: "link")

        // The array delimiter: one that no array item holds.
        var arrayItems: [String] = []
        for e in dataset.entities { arrayItems += e.sources }
        for (i, _, _) in resolved { arrayItems += links[i].sources }
        for (columns, records) in [(nodeFree, dataset.entities.map(\.attributes)), (relFree, resolved.map { links[$0.0].attributes })] {
            for c in columns.columns where c.isStringList {
                for a in records { if case .list(let items)? = a[c.key] { arrayItems += items.compactMap(\.string) } }
            }
        }
        let candidates: [Character] = [";", "|", "^", "\u{1F}"]
        let delimiter = candidates.first { d in !arrayItems.contains { $0.contains(d) } } ?? ";"
        if arrayItems.contains(where: { $0.contains(delimiter) }) {
            losses.note("list items hold every array delimiter tnet can use (; | ^ U+001F): those lists split wrongly on import", at: "the dataset")
        }
        let arraySeparator = String(delimiter)

        // Columns.
        func typeName(_ c: ExportAttributeColumns.Column) -> String {
            if c.isStringList { return "string[]" }
            switch c.type {
            case .int: return "long"
            case .double: return "double"
            case .bool: return "boolean"
            case .string, .json: return "string"
            }
        }
        for c in nodeFree.columns + relFree.columns where c.type == .json && !c.isStringList {
            losses.note("attribute \(ExportAttributeColumns.quoted(c.name)) holds lists, objects, nulls or mixed types: written as JSON text in a string property",
                        at: "the dataset")
        }
        func column(_ name: String, _ type: String) -> Column {
            Column(header: type == "string" ? name : name + ":" + type, property: name, type: type)
        }
        let provenanceColumns = [column("confidence", "string"), column("confidence_value", "double"), column("sources", "string[]"),
                                 column("start", "date"), column("end", "date"), column("period_start", "string"), column("period_end", "string")]
        let nodeColumns = [Column(header: "id:ID(Entity)", property: "id", type: "string"), Column(header: ":LABEL", property: nil, type: "label"),
                           column("name", "string"), column("kind", "string"), column("role", "string"), column("country", "string"),
                           column("protected", "boolean")] + provenanceColumns + nodeFree.columns.map { column($0.name, typeName($0)) }
        let relColumns = [Column(header: ":START_ID(Entity)", property: nil, type: "start"), Column(header: ":END_ID(Entity)", property: nil, type: "end"),
                          Column(header: ":TYPE", property: nil, type: "type"), column("kind", "string"), column("directed", "boolean"),
                          column("weight", "double"), column("agreement", "string")] + provenanceColumns + relFree.columns.map { column($0.name, typeName($0)) }

        var multiline = false
        var partialDates = 0, firstPartial = ""
        func cell(_ s: String?, _ out: inout [UInt8]) {
            if let s {
                if !multiline, s.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) { multiline = true }
                CSVText.append(field: s, to: &out)
            }
        }
        func row(_ cells: [String?], _ out: inout [UInt8]) {
            for (i, c) in cells.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                cell(c, &out)
            }
            out.append(0x0A)
        }
        func provenance(_ c: Confidence?, _ sources: [String], _ period: Period?, _ place: String) -> [String?] {
            func day(_ d: PartialDate?, end: Bool) -> String? {
                guard let d else { return nil }
                if ExportDates.isPartial(d) { partialDates += 1; if firstPartial.isEmpty { firstPartial = place } }
                return ExportDates.day(d, end: end)
            }
            return [c?.description, c.map { JSONWriter.format($0.value) }, sources.isEmpty ? nil : sources.joined(separator: arraySeparator),
                    day(period?.from, end: false), day(period?.to, end: true), period?.from?.description, period?.to?.description]
        }
        func free(_ columns: ExportAttributeColumns, _ attributes: Attributes, _ place: String) -> [String?] {
            columns.columns.map { c in
                guard let v = attributes[c.key] else { return nil }
                if c.isStringList, case .list(let items) = v {
                    if items.isEmpty { losses.note("empty lists written as no property (an empty field)", at: place) }
                    return items.isEmpty ? nil : items.compactMap(\.string).joined(separator: arraySeparator)
                }
                if case .string(let s) = v, s.isEmpty { losses.note("empty strings written as no property (an empty field)", at: place) }
                if case .null = v, c.type != .json { return nil }
                return c.type.encode(v)
            }
        }

        // Labels and types, unique per kind, compared without case: each names a file
        // (`nodes-LABEL.csv`), and `nodes-DrugLab.csv` and `nodes-Druglab.csv` are one file where
        // names ignore case (macOS, Windows). Every label or type that is not the kind's own
        // spelling under the naming rule is one warning, from what to what and why.
        var labelOf: [EntityKind: String] = [:], kindOrder: [EntityKind] = []
        var labelOwner: [String: (owner: String, name: String)] = ["entity": ("tnet's own label", "Entity"), "protected": ("tnet's own label", "Protected"),
                                                                   "source": ("tnet's own label", "Source")]
        for e in dataset.entities where labelOf[e.kind] == nil {
            var l = label(e.kind.rawValue)
            let base = l
            var n = 2
            while labelOwner[l.lowercased()] != nil { l = base + "Kind" + (n > 2 ? "\(n - 1)" : ""); n += 1 }
            let owner = labelOwner[base.lowercased()]
            labelOwner[l.lowercased()] = ("entity kind " + ExportAttributeColumns.quoted(e.kind.rawValue), l)
            labelOf[e.kind] = l
            kindOrder.append(e.kind)
            if l != base {
                losses.note("entity kind \(ExportAttributeColumns.quoted(e.kind.rawValue)) renamed: label \(l), as \(base) is taken by \(Self.taker(owner!, base)) (the kind property keeps the kind)",
                            at: "the dataset")
            } else if !isPlain(e.kind.rawValue) {
                losses.note("entity kind \(ExportAttributeColumns.quoted(e.kind.rawValue)) renamed: label \(l) (Neo4j identifiers: letters, digits, _; the kind property keeps the kind)",
                            at: "the dataset")
            }
        }
        var typeOf: [LinkKind: String] = [:], linkKindOrder: [LinkKind] = []
        var typeOwner: [String: (owner: String, name: String)] = [:]
        for (i, _, _) in resolved where typeOf[links[i].kind] == nil {
            let kind = links[i].kind
            var t = relationshipType(kind.rawValue)
            let base = t
            var n = 2
            while typeOwner[t.lowercased()] != nil { t = base + "_\(n)"; n += 1 }
            let owner = typeOwner[base.lowercased()]
            typeOwner[t.lowercased()] = ("link kind " + ExportAttributeColumns.quoted(kind.rawValue), t)
            typeOf[kind] = t
            linkKindOrder.append(kind)
            if t != base {
                losses.note("link kind \(ExportAttributeColumns.quoted(kind.rawValue)) renamed: type \(t), as \(base) is taken by \(Self.taker(owner!, base)) (the kind property keeps the kind)",
                            at: "the dataset")
            } else if !isPlain(kind.rawValue) {
                losses.note("link kind \(ExportAttributeColumns.quoted(kind.rawValue)) renamed: type \(t) (Neo4j identifiers: letters, digits, _; the kind property keeps the kind)",
                            at: "the dataset")
            }
        }

        var files: [(name: String, bytes: [UInt8])] = []
        var nodeFiles: [(file: String, label: String)] = [], relFiles: [(file: String, type: String)] = []
        var byKind: [EntityKind: [Int]] = [:]
        for (i, e) in dataset.entities.enumerated() { byKind[e.kind, default: []].append(i) }
        for kind in kindOrder {
            let l = labelOf[kind]!
            var out: [UInt8] = []
            row(nodeColumns.map(\.header), &out)
            for i in byKind[kind]! {
                let e = dataset.entities[i]
                let place = "entity " + e.id
                let labels = ["Entity", l] + (e.isProtected ? ["Protected"] : [])
                var cells: [String?] = [e.id, labels.joined(separator: arraySeparator), e.name, e.kind.rawValue, e.role?.rawValue, e.country,
                                        e.isProtected ? "true" : "false"]
                cells += provenance(e.confidence, e.sources, e.period, place)
                cells += free(nodeFree, e.attributes, place)
                row(cells, &out)
            }
            let name = "nodes-\(l).csv"
            files.append((name, out))
            nodeFiles.append((name, l))
        }
        if !dataset.sources.isEmpty {
            var out: [UInt8] = []
            row(["id:ID(Source)", ":LABEL", "title", "publisher", "date", "url"], &out)
            for s in dataset.sources { row([s.id, "Source", s.title, s.publisher, s.date?.description, s.url], &out) }
            files.append(("nodes-Source.csv", out))
            nodeFiles.append(("nodes-Source.csv", "Source"))
            if dataset.sources.contains(where: { !$0.attributes.isEmpty }) {
                losses.note("sources' other fields left out (only id, title, publisher, date and url are written)", at: "the dataset")
            }
        }
        var byLinkKind: [LinkKind: [(Int, Int32, Int32)]] = [:]
        var undirected = 0
        for r in resolved { byLinkKind[links[r.0].kind, default: []].append(r) }
        for kind in linkKindOrder {
            let t = typeOf[kind]!
            var out: [UInt8] = []
            row(relColumns.map(\.header), &out)
            for (i, s, tt) in byLinkKind[kind]! {
                let l = links[i]
                let place = "link \(i) (\(dataset.entities[Int(s)].id) → \(dataset.entities[Int(tt)].id))"
                let directed = dataset.isDirected(l)
                if !directed { undirected += 1 }
                var weight: String?
                if let w = l.weight {
                    if w.isFinite { weight = JSONWriter.format(w) } else { losses.note("weights that are not finite numbers left out", at: place) }
                }
                var cells: [String?] = [dataset.entities[Int(s)].id, dataset.entities[Int(tt)].id, t, l.kind.rawValue, directed ? "true" : "false",
                                        weight, l.agreement]
                cells += provenance(l.confidence, l.sources, l.period, place)
                cells += free(relFree, l.attributes, place)
                row(cells, &out)
            }
            let name = "rels-\(t).csv"
            files.append((name, out))
            relFiles.append((name, t))
        }
        if undirected > 0 {
            losses.note("Neo4j relationships always have a direction: \(undirected) undirected link\(undirected == 1 ? "" : "s") written source → target with directed=false (match them with -[]-)",
                        at: "the dataset")
        }
        if partialDates > 0 {
            losses.note("\(partialDates) partial date\(partialDates == 1 ? "" : "s") (a year or a month) written in start/end as the whole days they span (a start as the first day, an end as the last); period_start and period_end keep them as written (first: \(firstPartial))",
                        at: "the dataset")
        }
        if dataset.title != nil || dataset.description != nil || !dataset.extra.isEmpty || !dataset.schema.isEmpty {
            losses.note("the dataset's title, description, schema and top-level fields have no place in a Neo4j import: left out (the title heads the scripts)", at: "the dataset")
        }

        // import.sh
        var sh = "#!/bin/sh\n"
        sh += "# Loads this folder into a new Neo4j 5 database with neo4j-admin (written by tnet export --to neo4j\(redacted ? " --redact victims" : "")).\n"
        if let t = dataset.title { sh += "# Dataset: " + oneLine(t) + "\n" }
        sh += "# Usage: sh import.sh [DATABASE]   (default neo4j). The database must not exist yet (add\n"
        sh += "# --overwrite-destination=true to replace it) and the DBMS must be stopped for the default one.\n"
        sh += "# Afterwards: CREATE DATABASE <name> (Enterprise), or start the DBMS for the default database.\n"
        sh += "set -eu\nhere=$(cd \"$(dirname \"$0\")\" && pwd)\n"
        let delimiterArgument = delimiter == "\u{1F}" ? "\"$(printf '\\037')\"" : "'\(delimiter)'"
        var arguments = ["exec neo4j-admin database import full \"${1:-neo4j}\"", "  --id-type=string", "  --array-delimiter=\(delimiterArgument)"]
        if multiline { arguments.append("  --multiline-fields=true") }
        arguments += nodeFiles.map { "  --nodes=\"$here/\($0.file)\"" } + relFiles.map { "  --relationships=\"$here/\($0.file)\"" }
        sh += arguments.joined(separator: " \\\n") + "\n"

        // load.cypher
        var cy = "// LOAD CSV alternative to import.sh, for a running Neo4j 5 server (written by tnet export --to neo4j\(redacted ? " --redact victims" : "")).\n"
        if let t = dataset.title { cy += "// Dataset: " + oneLine(t) + "\n" }
        cy += "// Copy the CSV files into the server's import folder (server.directories.import), then run\n"
        cy += "//   cypher-shell -u neo4j -f load.cypher\n"
        cy += "// (in Neo4j Browser, put :auto before each statement: CALL { } IN TRANSACTIONS needs an implicit transaction).\n"
        cy += "// Array fields are split on \(delimiter == "\u{1F}" ? "U+001F" : String(delimiter)).\n\n"
        cy += "CREATE CONSTRAINT tnet_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n"
        if !dataset.sources.isEmpty { cy += "CREATE CONSTRAINT tnet_source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;\n" }
        let delimiterLiteral = delimiter == "\u{1F}" ? "'\\u001F'" : "'\(delimiter)'"
        func value(_ c: Column) -> String {
            let field = "row." + cypherName(c.header)
            switch c.type {
            case "boolean": return "toBoolean(\(field))"
            case "double": return "toFloat(\(field))"
            case "long": return "toInteger(\(field))"
            case "date": return "date(\(field))"
            case "string[]": return "split(\(field), \(delimiterLiteral))"
            default: return field
            }
        }
        func sets(_ variable: String, _ columns: [Column]) -> String {
            columns.filter { $0.property != nil && $0.header != "id:ID(Entity)" }
                .map { "\(variable).\(cypherName($0.property!)) = \(value($0))" }.joined(separator: ",\n      ")
        }
        for (file, l) in nodeFiles {
            cy += "\nLOAD CSV WITH HEADERS FROM 'file:///\(file)' AS row\nCALL {\n  WITH row\n"
            if l == "Source" {
                cy += "  CREATE (n:Source {id: row.`id:ID(Source)`})\n"
                cy += "  SET n.title = row.title, n.publisher = row.publisher, n.date = row.date, n.url = row.url\n"
            } else {
                cy += "  CREATE (n:Entity:\(cypherName(l)) {id: row.`id:ID(Entity)`})\n"
                cy += "  SET " + sets("n", nodeColumns) + "\n"
                cy += "  FOREACH (_ IN CASE WHEN n.protected THEN [1] ELSE [] END | SET n:Protected)\n"
            }
            cy += "} IN TRANSACTIONS OF 1000 ROWS;\n"
        }
        for (file, t) in relFiles {
            cy += "\nLOAD CSV WITH HEADERS FROM 'file:///\(file)' AS row\nCALL {\n  WITH row\n"
            cy += "  MATCH (a:Entity {id: row.`:START_ID(Entity)`})\n  MATCH (b:Entity {id: row.`:END_ID(Entity)`})\n"
            cy += "  CREATE (a)-[r:\(cypherName(t))]->(b)\n"
            cy += "  SET " + sets("r", relColumns) + "\n"
            cy += "} IN TRANSACTIONS OF 1000 ROWS;\n"
        }
        files.append(("import.sh", Array(sh.utf8)))
        files.append(("load.cypher", Array(cy.utf8)))
        return Output(files: files, nodes: dataset.entities.count, relationships: resolved.count, sourceNodes: dataset.sources.count,
                      arrayDelimiter: delimiter, warnings: losses.warnings)
    }

    static let provenanceNames: Set<String> = ["confidence", "confidence_value", "sources", "start", "end", "period_start", "period_end"]

    /// `s` on one line, for a comment.
    static func oneLine(_ s: String) -> String {
        String(s.unicodeScalars.map { $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : Character($0) })
    }

    /// Writes the export into `folder` (created if missing), each file atomically, the scripts
    /// last. Earlier `nodes-*.csv` and `rels-*.csv` files in the folder are removed first, so
    /// that `import.sh` never meets a stale one.
    /// - Parameters:
    ///   - dataset: the dataset (already redacted and filtered).
    ///   - folder: the folder to write into.
    ///   - redacted: whether protected persons were redacted.
    /// - Returns: the files written, the counts and the warnings (the caller says them).
    /// - Throws: ``ReadError`` when the folder is `-`, is a file or cannot be created;
    ///   ``AtomicFile/WriteError`` when a file cannot be written.
    @discardableResult
    public static func write(_ dataset: Dataset, to folder: String, redacted: Bool) throws -> Output {
        guard folder != "-" else { throw ReadError("the Neo4j import is several files: give a folder", file: folder) }
        try makeFolder(folder)
        let dir = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        let out = encode(dataset, redacted: redacted)
        for script in ["import.sh", "load.cypher"] { try? FileManager.default.removeItem(atPath: dir + "/" + script) }
        if let old = try? FileManager.default.contentsOfDirectory(atPath: dir) {
            for f in old where f.hasSuffix(".csv") && (f.hasPrefix("nodes-") || f.hasPrefix("rels-")) {
                try? FileManager.default.removeItem(atPath: dir + "/" + f)
            }
        }
        for (name, bytes) in out.files { try AtomicFile.write(bytes, to: dir + "/" + name) }
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir + "/import.sh")
        return out
    }
}
