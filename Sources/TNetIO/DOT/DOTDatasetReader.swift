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
    /// file: the line (see ``fileLine(ofErrorIn:)``) and the column where the quoted token first
    /// appears on it (1 when it cannot be found).
    static func errorLocation(_ message: String, in text: String, file: String) -> SourceLocation {
        guard let range = message.range(of: "in line ") else { return SourceLocation(file: file, line: 1, column: 1) }
        let digits = message[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
        guard var line = Int(digits), line >= 1 else { return SourceLocation(file: file, line: 1, column: 1) }
        if let l = fileLine(ofErrorIn: text) { line = l }
        var column = 1
        if let near = message.range(of: "near '", range: range.upperBound ..< message.endIndex) {
            // Lines split at line-feed bytes (a CR LF is one `Character`, which `split` would
            // not cut); the column counts scalars.
            let token = Array(message[near.upperBound...].prefix { $0 != "'" }.utf8)
            let lines = Array(text.utf8).split(separator: 0x0A, maxSplits: line, omittingEmptySubsequences: false)
            if line <= lines.count, !token.isEmpty {
                let l = lines[line - 1]
                if let at = l.indices.first(where: { i in i + token.count <= l.endIndex && l[i ..< i + token.count].elementsEqual(token) }) {
                    column = 1 + l[l.startIndex ..< at].reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
                }
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    /// The file's line of the syntax error in `text`, when quoted strings hold line breaks: cgraph
    /// does not count all of those (an error after a label of three lines is "in line 3"; which
    /// breaks it counts depends on the escapes around them), so the text is parsed again with each
    /// quoted string replaced by an empty one followed by its line breaks, and that error's line
    /// is the file's. Nil when no quoted string holds a line break (cgraph's line is the file's).
    static func fileLine(ofErrorIn text: String) -> Int? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var copied = 0, moved = false
        _ = scan(bytes) { r in
            let breaks = bytes[r].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            guard breaks > 0 else { return }
            out += bytes[copied ..< r.lowerBound]
            out += [UInt8(ascii: "\""), UInt8(ascii: "\"")] + [UInt8](repeating: 0x0A, count: breaks)
            copied = r.upperBound
            moved = true
        }
        guard moved else { return nil }
        out += bytes[copied...]
        do {
            _ = try GraphvizRenderer.shared.parse(dot: String(decoding: out, as: UTF8.self))
            return nil
        } catch let error as GraphvizError {
            guard let range = error.message.range(of: "in line ") else { return nil }
            return Int(error.message[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
        } catch {
            return nil
        }
    }

    /// How many `{ … }` bodies stand at the top level of DOT text: one per graph. Quoted strings,
    /// HTML strings and comments are skipped as DOT's lexer skips them.
    static func topLevelBodies(_ b: [UInt8]) -> Int { scan(b) { _ in } }

    /// Walks DOT text as DOT's lexer does, calling `quoted` with each quoted string's bytes
    /// (both quotes included; a backslash escapes the byte after it) outside comments and HTML
    /// strings. A `#` starts a comment to the end of its line wherever it stands, as in
    /// Graphviz 2.43 (`a # 5" pipe` is node `a`). - Returns: how many `{ … }` bodies stand at the
    /// top level.
    static func scan(_ b: [UInt8], quoted: (Range<Int>) -> Void) -> Int {
        var i = 0, depth = 0, bodies = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                let open = i
                i += 1
                while i < b.count && b[i] != UInt8(ascii: "\"") { i += b[i] == UInt8(ascii: "\\") ? 2 : 1 }
                // An unclosed string runs to the end: cgraph reports it.
                if i < b.count { quoted(open ..< i + 1) }
            } else if c == UInt8(ascii: "<") {
                var nest = 1
                i += 1
                while i < b.count && nest > 0 {
                    if b[i] == UInt8(ascii: "<") { nest += 1 } else if b[i] == UInt8(ascii: ">") { nest -= 1 }
                    i += 1
                }
                continue
            } else if c == UInt8(ascii: "/") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "/") || c == UInt8(ascii: "#") {
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

    /// The document cgraph makes of `text`, with long quoted strings set aside while it lexes
    /// (``DOTLongStrings``: cgraph reads them in time quadratic in their length). When what comes
    /// back is not certainly what cgraph makes of the whole text (a string set aside did not come
    /// back, two names became one, a syntax error), the whole text is read as it is: slowly, but
    /// as cgraph reads it.
    /// - Throws: ``GraphvizError`` with cgraph's message for a syntax error.
    static func parse(_ text: String) throws -> DOTDocument {
        let cgraph = { (dot: String) throws -> DOTDocument in try GraphvizRenderer.shared.parse(dot: dot) }
        if let long = try? DOTLongStrings(text, parse: cgraph), let marked = try? cgraph(long.text),
           let restored = long.restore(marked) {
            return restored
        }
        return try cgraph(text)
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
        let doc: DOTDocument
        do {
            doc = try parse(text)
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
