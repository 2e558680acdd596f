import TNetGraphviz
import TNetModel

/// Reads a DOT graph (Graphviz's language) through cgraph's own parser.
///
/// Node names are entity ids; edges are links. Attributes named as the model's fields (see
/// ``FieldCodec``) set those fields; a `label` becomes the name when there is no `name` (and is
/// dropped when it only repeats the name or id); every other attribute is kept as a string
/// attribute. DOT carries no types and no line numbers through cgraph, so messages name the
/// node or edge. Graph attributes `title` and `description` set the dataset's; others are kept.
public enum DOTDatasetReader {
    /// Where cgraph's message ("syntax error in line 3 near 'x'") puts the problem, in the
    /// file: cgraph's line (see ``countedLineBreaks(_:)``) taken to the file's, and the column
    /// where the quoted token first appears from that line's start on (the line's first column
    /// when it cannot be found).
    static func errorLocation(_ message: String, in text: String, file: String) -> SourceLocation {
        guard let range = message.range(of: "in line ") else { return SourceLocation(file: file, line: 1, column: 1) }
        let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard let line = Int(digits), line >= 1 else { return SourceLocation(file: file, line: 1, column: 1) }
        let bytes = Array(text.utf8)
        // cgraph's line `line`: from after its (line - 1)th counted break to its next one.
        let counted = countedLineBreaks(bytes)
        let from = line - 1 <= counted.count ? (line == 1 ? 0 : counted[line - 2] + 1) : bytes.count
        let to = line - 1 < counted.count ? counted[line - 1] : bytes.count
        var at = from
        if let near = message.range(of: "near '", range: range.upperBound ..< message.endIndex) {
            let token = Array(message[near.upperBound...].prefix { $0 != "'" }.utf8)
            if !token.isEmpty, from < to, let hit = (from ... max(from, to - token.count)).first(where: { i in
                i + token.count <= bytes.count && bytes[i ..< i + token.count].elementsEqual(token)
            }) {
                at = hit
            }
        }
        // The file's line and column at `at` (columns in Unicode scalars).
        var fileLine = 1, lineStart = 0
        for i in 0 ..< min(at, bytes.count) where bytes[i] == 0x0A {
            fileLine += 1
            lineStart = i + 1
        }
        let column = 1 + bytes[lineStart ..< min(at, bytes.count)].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        return SourceLocation(file: file, line: fileLine, column: column)
    }

    /// The offsets of the line breaks cgraph counts as lines: all but those inside a quoted
    /// string that no backslash escapes (cgraph reports "line 3" for a line after a label of
    /// three lines; `\` and a line break is a continuation, counted).
    static func countedLineBreaks(_ bytes: [UInt8]) -> [Int] {
        var quoted: [Range<Int>] = []
        _ = scan(bytes) { quoted.append($0) }
        var breaks: [Int] = []
        var q = 0, i = 0
        while i < bytes.count {
            if q < quoted.count && i == quoted[q].lowerBound {
                // Inside the string, a backslash takes the byte after it along.
                var j = i + 1
                while j < quoted[q].upperBound - 1 {
                    if bytes[j] == UInt8(ascii: "\\") {
                        if j + 1 < bytes.count && bytes[j + 1] == 0x0A { breaks.append(j + 1) }
                        j += 2
                    } else {
                        j += 1
                    }
                }
                i = quoted[q].upperBound
                q += 1
                continue
            }
            if bytes[i] == 0x0A { breaks.append(i) }
            i += 1
        }
        return breaks
    }

    /// How many `{ … }` bodies stand at the top level of DOT text: one per graph. Quoted strings,
    /// HTML strings and comments are skipped as DOT's lexer skips them.
    static func topLevelBodies(_ b: [UInt8]) -> Int { scan(b) { _ in } }

    /// Walks DOT text as DOT's lexer does, calling `quoted` with each quoted string's bytes
    /// (both quotes included; a backslash escapes the byte after it) outside comments and HTML
    /// strings. - Returns: how many `{ … }` bodies stand at the top level.
    static func scan(_ b: [UInt8], quoted: (Range<Int>) -> Void) -> Int {
        var i = 0, depth = 0, bodies = 0, atLineStart = true
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let open = i
                i += 1
                while i < b.count && b[i] != UInt8(ascii: "\"") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
                // An unclosed string runs to the end: cgraph reports it.
                if i < b.count { quoted(open ..< i + 1) }
            } else if c == UInt8(ascii: "<") && depth > 0 {
                var nest = 1
                i += 1
                while i < b.count && nest > 0 {
                    if b[i] == UInt8(ascii: "<") { nest += 1 } else if b[i] == UInt8(ascii: ">") { nest -= 1 }
                    i += 1
                }
                continue
            } else if c == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "/") || (c == UInt8(ascii: "#") && atLineStart) {
                while i < b.count && b[i] != 0x0A { i += 1 }
                continue
            } else if c == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "*") {
                i += 2
                while i + 1 < b.count && !(b[i] == UInt8(ascii: "*") && b[i + 1] == UInt8(ascii: "/")) { i += 1 }
                i += 2
                continue
            } else if c == UInt8(ascii: "{") {
                if depth == 0 { bodies += 1 }
                depth += 1
            } else if c == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            }
            atLineStart = c == 0x0A || (atLineStart && (c == 0x20 || c == 0x09))
            i += 1
        }
        return bodies
    }

    /// Whether the DOT text sets `charset` to Latin-1 (`latin1`, `latin-1`, `l1`, `ISO-8859-1`,
    /// `ISO_8859-1`, `ISO8859-1`, `ISO-IR-100`, `CP819`, `IBM819`, as Graphviz accepts), quoted
    /// or not. Looked for in the bytes, before any decoding.
    static func declaresLatin1(_ bytes: [UInt8]) -> Bool {
        let names: Set<String> = ["latin1", "latin-1", "l1", "iso-8859-1", "iso_8859-1", "iso8859-1", "iso-ir-100", "cp819", "ibm819", "csisolatin1"]
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count <= bytes.count {
            if bytes[i] | 0x20 == key[0], Array(bytes[i ..< i + key.count]).map({ $0 | 0x20 }) == key {
                var j = i + key.count
                func skip() { while j < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[j]) { j += 1 } }
                skip()
                if j < bytes.count, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    skip()
                    if j < bytes.count, bytes[j] == UInt8(ascii: "\"") { j += 1 }
                    var value: [UInt8] = []
                    while j < bytes.count, value.count < 16, bytes[j] == UInt8(ascii: "-") || bytes[j] == UInt8(ascii: "_")
                            || (bytes[j] | 0x20 >= UInt8(ascii: "a") && bytes[j] | 0x20 <= UInt8(ascii: "z")) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) {
                        value.append(bytes[j] | (bytes[j] >= 0x41 && bytes[j] <= 0x5A ? 0x20 : 0))
                        j += 1
                    }
                    if names.contains(String(decoding: value, as: UTF8.self)) { return true }
                }
            }
            i += 1
        }
        return false
    }

    /// Reads one DOT graph as a dataset.
    ///
    /// A graph that declares `charset` Latin-1 is decoded first. What ``DOTDatasetWriter``
    /// wrote comes back whole: sources, schema, direction and extra fields from its `tnet_`
    /// graph attributes, and attributes whose names it had to prefix.
    /// - Parameter input: The file's bytes.
    /// - Returns: The dataset (nodes and edges in file order) and the field values that could
    ///   not be read (a bad grade or date), as issues naming the node or edge.
    /// - Throws: ``ReadError`` for a file that is not text, holds more than one graph, or does
    ///   not parse (at the line cgraph names), or whose `tnet_` graph attributes are not the
    ///   JSON they must be.
    public static func read(_ input: InputFile) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        // A graph declaring charset=latin1 (Graphviz's other charset) is Latin-1 text: read as
        // such, and the declaration dropped, since the dataset is UTF-8 from here on.
        let latin1 = declaresLatin1(input.bytes)
        let input = latin1 ? try input.decoded(.latin1) : input
        try input.checkText()
        let text = String(decoding: input.bytes.dropFirst(input.bomLength), as: UTF8.self)
        let graphs = topLevelBodies(Array(text.utf8))
        if graphs > 1 {
            throw ReadError("the file holds \(graphs) graphs; tnet reads one dataset per file (cgraph would read the first alone): split it, or join them into one graph",
                            at: SourceLocation(file: input.name, line: 1, column: 1))
        }
        var doc: DOTDocument
        do {
            // Long quoted strings are set aside, since cgraph reads them in time quadratic in
            // their length; line numbers stay those of `text`.
            if let long = try DOTLongStrings(text, parse: { try GraphvizRenderer.shared.parse(dot: $0) }) {
                doc = long.restore(try GraphvizRenderer.shared.parse(dot: long.text))
            } else {
                doc = try GraphvizRenderer.shared.parse(dot: text)
            }
        } catch let error as GraphvizError {
            throw ReadError(error.message, at: errorLocation(error.message, in: text, file: input.name))
        }
        var issues: [ValidationIssue] = []
        var dataset = Dataset(directed: doc.directed)
        let writtenByTNet = doc.graphAttributes.contains(where: { $0.name == "tnet_directed" })
        if writtenByTNet { dataset.directed = nil }
        for (name, value) in doc.graphAttributes {
            if latin1 && name == "charset" { continue }
            switch name {
            case "title": dataset.title = value
            case "description": dataset.description = value
            case "tnet_sources":
                guard let list = GraphMLWriter.sources(from: AttributeType.parseJSON(value)) else {
                    throw ReadError("graph attribute \"tnet_sources\" is not a JSON list of sources", file: input.name)
                }
                dataset.sources = list
            case "tnet_schema":
                guard case .object(let a)? = AttributeType.parseJSON(value) else {
                    throw ReadError("graph attribute \"tnet_schema\" is not a JSON object", file: input.name)
                }
                dataset.schema = Schema(attributes: a)
            case "tnet_directed": dataset.directed = value == "true" ? true : value == "false" ? false : nil
            case "tnet_extra":
                guard case .object(let a)? = AttributeType.parseJSON(value) else {
                    throw ReadError("graph attribute \"tnet_extra\" is not a JSON object", file: input.name)
                }
                for (k, v) in a { dataset.extra[k] = v }
            default: dataset.extra[name] = .string(value)
            }
        }
        let at = SourceLocation(file: input.name, line: 1, column: 1)
        for node in doc.nodes {
            var e = Entity(id: node.name, kind: .node)
            var label: String?
            for (name, value) in node.attributes {
                if name.hasPrefix(DOTDatasetWriter.attributePrefix) {
                    e.attributes[String(name.dropFirst(DOTDatasetWriter.attributePrefix.count))] = .string(value)
                    continue
                }
                if name == "label" { label = value; continue }
                if name != "id" {
                    switch FieldCodec.set(name, value, on: &e) {
                    case .stored: continue
                    case .invalid(let message):
                        issues.append(ValidationIssue(.error, .invalidValue, "node \(quoted(node.name)): \(message)", at: at))
                        continue
                    case .notAField: break
                    }
                }
                e.attributes[name] = .string(value)
            }
            if let label, label != "\\N", label != e.id, label != e.name {
                if e.name == nil { e.name = label } else { e.attributes["label"] = .string(label) }
            }
            dataset.append(e)
        }
        for edge in doc.edges {
            var l = Link(source: edge.tail, target: edge.head, kind: .link)
            for (name, value) in edge.attributes {
                if name.hasPrefix(DOTDatasetWriter.attributePrefix) {
                    l.attributes[String(name.dropFirst(DOTDatasetWriter.attributePrefix.count))] = .string(value)
                    continue
                }
                if writtenByTNet && name == "dir" { continue }
                if name != "source" && name != "target" && name != "key" {
                    switch FieldCodec.set(name, value, on: &l) {
                    case .stored: continue
                    case .invalid(let message):
                        issues.append(ValidationIssue(.error, .invalidValue, "edge \(quoted(edge.tail)) → \(quoted(edge.head)): \(message)", at: at))
                        continue
                    case .notAField: break
                    }
                }
                if name == "key" { continue }
                l.attributes[name] = .string(value)
            }
            dataset.append(l)
        }
        return (dataset, issues)
    }
}
