import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TNetModel

/// Reads GraphML as written by NetworkX, Gephi, yEd, Cytoscape and tnet.
///
/// - `<key>`s are typed (`int`, `long`, `float`, `double`, `boolean`, `string`) and may have a
///   `<default>`, applied to elements without that data.
/// - Keys named as the model's fields (``FieldCodec``) set them; every other key is an attribute
///   of its type. Node `label` (Gephi) is the name when there is no `name` key; yEd's node
///   graphics give their label text as the name.
/// - `edgedefault` and per-edge `directed` are kept. A graph with no `kind` key is a plain graph.
/// - Security: a `<!DOCTYPE` (and so any entity declaration) is refused before parsing;
///   external entities are never resolved.
/// - Refused with line and column: nested graphs, hyperedges, ports, a second graph.
public enum GraphMLReader {
    /// Reads one GraphML graph as a dataset.
    /// - Parameter input: The file's bytes; an XML declaration of Latin-1 is honoured.
    /// - Returns: The dataset (nodes and edges in file order, each with its line and column)
    ///   and the problems of form found on the way: errors for a value that does not read as
    ///   its key's type or field; warnings for data under an undeclared or repeated key, and
    ///   for yEd graphics that are not kept.
    /// - Throws: ``ReadError`` for a file that is not text, declares an encoding other than
    ///   UTF-8, ASCII or Latin-1, has a `<!DOCTYPE`, is not well-formed XML, has no `<graph>`,
    ///   or uses what is refused above.
    public static func read(_ input: InputFile) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        let input = try declaredEncoding(input)
        try input.checkText()
        try refuseDoctype(input)
        let handler = Handler(file: input.name)
        // From a stream, libxml2 is fed in chunks; given the whole document at once it stops
        // with an internal error past 10 MB (its "huge input" limit).
        let parser = XMLParser(stream: InputStream(data: Data(input.bytes)))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = handler
        let ok = parser.parse()
        if let failure = handler.failure { throw failure }
        if !ok || parser.parserError != nil {
            let message = parser.parserError.map(describe) ?? "malformed XML"
            throw ReadError("XML error: \(message)", at: SourceLocation(file: input.name, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber)))
        }
        guard handler.sawGraph else { throw ReadError("no <graph> element: not a GraphML file", file: input.name) }
        return try handler.finish()
    }

    /// The document as UTF-8 with an XML declaration that says so. libxml2 is always handed
    /// UTF-8; a declaration of Latin-1 is honoured (the bytes decoded, when they are not already
    /// UTF-8), UTF-8 and ASCII are left as they are, and any other declared encoding is refused:
    /// libxml2 2.9 crashes converting some of them (UTF-7, found by fuzzing).
    static func declaredEncoding(_ input: InputFile) throws -> InputFile {
        let b = input.bytes
        let start = input.bomLength
        guard b.count >= start + 5, Array(b[start ..< start + 5]) == Array("<?xml".utf8),
              let close = b[start...].firstIndex(of: UInt8(ascii: ">")) else { return input }
        let declaration = Array(b[start ..< close])
        let key = Array("encoding".utf8)
        guard let k = (0 ... max(0, declaration.count - key.count)).first(where: { Array(declaration[$0 ..< min(declaration.count, $0 + key.count)]) == key }) else { return input }
        var i = k + key.count
        while i < declaration.count && (declaration[i] == 0x20 || declaration[i] == UInt8(ascii: "=")) { i += 1 }
        guard i < declaration.count, declaration[i] == UInt8(ascii: "\"") || declaration[i] == UInt8(ascii: "'") else { return input }
        let quote = declaration[i]
        let valueStart = i + 1
        guard let valueEnd = declaration[valueStart...].firstIndex(of: quote) else { return input }
        let name = String(decoding: declaration[valueStart ..< valueEnd], as: UTF8.self).lowercased()
        var bytes = b
        if ["utf-8", "utf8", "us-ascii", "ascii"].contains(name) { return input }
        if ["iso-8859-1", "latin1", "latin-1", "iso_8859-1", "l1"].contains(name) {
            if b.withUnsafeBufferPointer({ UTF8Check.firstInvalidOffset($0) }) != nil {
                bytes = try TextEncoding.latin1.utf8(b, file: input.name)
            }
        } else {
            throw ReadError("the XML declaration names the encoding \(quoted(name)); GraphML is read as UTF-8 (or Latin-1): save it as UTF-8",
                            at: SourceLocation(file: input.name, line: 1, column: valueStart + 1))
        }
        // Say UTF-8, since UTF-8 is what libxml2 gets.
        let offset = start + valueStart
        let end = start + valueEnd
        bytes.replaceSubrange(offset ..< end, with: Array("UTF-8".utf8))
        return InputFile(name: input.name, bytes: bytes)
    }

    /// A readable phrase for libxml2's error codes (Foundation on Linux gives only the code).
    static func describe(_ error: Error) -> String {
        let code = (error as NSError).code
        let phrases: [Int: String] = [
            4: "document is empty", 5: "unexpected end of document (an element is not closed)",
            9: "invalid character", 23: "'&' not followed by an entity or character reference",
            26: "undefined entity", 38: "attribute value not quoted", 39: "'<' in an attribute value",
            41: "attribute without a value", 42: "duplicate attribute", 64: "XML declaration not at the start",
            73: "'>' expected", 76: "end tag does not match the open element",
            77: "'>' expected after an end tag name", 85: "extra content after the document element",
        ]
        if let p = phrases[code] { return p }
        let text = (error as NSError).localizedDescription
        return text.isEmpty || text.contains("(null)") || text.hasPrefix("The operation") ? "malformed XML (libxml2 error \(code))" : text
    }

    private static func refuseDoctype(_ input: InputFile) throws {
        let needle = Array("<!DOCTYPE".utf8)
        let b = input.bytes
        guard b.count >= needle.count else { return }
        var i = 0
        while i <= b.count - needle.count {
            if b[i] == needle[0] && Array(b[i ..< i + needle.count]) == needle {
                var positions = b.withUnsafeBufferPointer { TextPositions(file: input.name, bytes: $0) }
                let at = b.withUnsafeBufferPointer { _ in positions.location(of: i) }
                throw ReadError("a <!DOCTYPE> is not accepted in GraphML (GraphML needs none; tnet never loads DTDs or entities): remove it", at: at)
            }
            i += 1
        }
    }

    private struct Key {
        var domain: String
        var name: String
        var type: AttributeType
        var defaultText: String?
        var yfiles: String?
        /// Written by tnet for an attribute that shares a field's name.
        var forcedAttribute = false
    }

    private final class Handler: NSObject, XMLParserDelegate {
        let file: String
        var failure: ReadError?
        var issues: [ValidationIssue] = []
        var keys: [String: Key] = [:]
        var sawGraph = false
        var graphDepth = 0
        var edgeDefaultDirected = false
        var dataset = Dataset()
        var graphData: [(key: Key, text: String)] = []
        var locations: ReadLocations

        // The element being read.
        var node: (id: String, data: [(String, String)], line: Int, column: Int)?
        var edge: (source: String, target: String, id: String?, directed: Bool?, data: [(String, String)], line: Int, column: Int)?
        var keyInProgress: (id: String, key: Key)?
        var dataKey: String?
        var text = ""
        var inDefault = false
        var labelDepth = 0
        var labelText = ""
        var warnedYFiles = false
        var pendingLinks: [(Link, ReadLocations.Position)] = []

        init(file: String) {
            self.file = file
            locations = ReadLocations(file: file)
        }

        func fail(_ parser: XMLParser, _ message: String) {
            guard failure == nil else { return }
            failure = ReadError(message, at: SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber)))
            parser.abortParsing()
        }

        func here(_ parser: XMLParser) -> SourceLocation {
            SourceLocation(file: file, line: max(1, parser.lineNumber), column: max(1, parser.columnNumber))
        }

        static func localName(_ qualified: String) -> String {
            qualified.split(separator: ":").last.map(String.init) ?? qualified
        }

        func parser(_ parser: XMLParser, didStartElement qualified: String, namespaceURI: String?, qualifiedName: String?,
                    attributes a: [String: String] = [:]) {
            guard failure == nil else { return }
            let name = Self.localName(qualified)
            if dataKey != nil {
                // Markup inside <data> (yEd graphics): keep label text only.
                if name == "NodeLabel" || name == "EdgeLabel" { labelDepth += 1 }
                return
            }
            switch name {
            case "graphml": break
            case "key":
                guard let id = a["id"] else { return fail(parser, "<key> without an id") }
                let domain = a["for"] ?? "all"
                let typeName = (a["attr.type"] ?? "string").lowercased()
                var type: AttributeType
                switch typeName {
                case "int", "long": type = .int
                case "float", "double": type = .double
                case "boolean": type = .bool
                case "string": type = .string
                default: return fail(parser, "key \(quoted(id)) has unknown attr.type \(quoted(typeName))")
                }
                if a["tnet.json"] == "true" { type = .json }
                var key = Key(domain: domain, name: a["attr.name"] ?? id, type: type, defaultText: nil, yfiles: a["yfiles.type"])
                key.forcedAttribute = a["tnet.attribute"] == "true"
                keyInProgress = (id, key)
            case "default":
                if keyInProgress != nil { inDefault = true; text = "" }
            case "graph":
                if sawGraph && graphDepth == 0 { return fail(parser, "a second <graph>: one graph per file") }
                if graphDepth > 0 || node != nil { return fail(parser, "nested graphs (a <graph> inside a node) are not supported") }
                sawGraph = true
                graphDepth += 1
                edgeDefaultDirected = a["edgedefault"] == "directed"
                dataset.directed = edgeDefaultDirected
            case "node":
                guard let id = a["id"] else { return fail(parser, "<node> without an id") }
                node = (id, [], max(1, parser.lineNumber), max(1, parser.columnNumber))
            case "edge":
                guard let s = a["source"], let t = a["target"] else { return fail(parser, "<edge> needs source and target") }
                var directed: Bool?
                if let d = a["directed"] { directed = d == "true" || d == "1" }
                edge = (s, t, a["id"], directed, [], max(1, parser.lineNumber), max(1, parser.columnNumber))
            case "data":
                guard let k = a["key"] else { return fail(parser, "<data> without a key") }
                guard keys[k] != nil else { return fail(parser, "<data> names key \(quoted(k)), which is not declared") }
                dataKey = k
                text = ""
                labelText = ""
            case "hyperedge": return fail(parser, "hyperedges are not supported")
            case "port": return fail(parser, "ports are not supported")
            case "desc", "locator", "endpoint": break
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if labelDepth > 0 { labelText += string } else if dataKey != nil || inDefault { text += string }
        }

        /// `<![CDATA[…]]>` (yEd writes it) is text like any other.
        func parser(_ parser: XMLParser, foundCDATA block: Data) {
            self.parser(parser, foundCharacters: String(decoding: block, as: UTF8.self))
        }

        func parser(_ parser: XMLParser, didEndElement qualified: String, namespaceURI: String?, qualifiedName: String?) {
            guard failure == nil else { return }
            let name = Self.localName(qualified)
            if let k = dataKey, name != "data" {
                if (name == "NodeLabel" || name == "EdgeLabel") && labelDepth > 0 { labelDepth -= 1 }
                _ = k
                return
            }
            switch name {
            case "default": inDefault = false; keyInProgress?.key.defaultText = text
            case "key":
                if let (id, key) = keyInProgress { keys[id] = key }
                keyInProgress = nil
            case "data":
                guard let k = dataKey, let key = keys[k] else { return }
                dataKey = nil
                var value = text
                if let y = key.yfiles {
                    if y == "nodegraphics" || y == "edgegraphics" {
                        value = labelText.trimmingCharacters(in: .whitespacesAndNewlines)
                        if value.isEmpty { return }
                    } else {
                        if !warnedYFiles {
                            warnedYFiles = true
                            issues.append(ValidationIssue(.warning, .unknownField, "yEd graphics data (shapes, layout, resources) is not kept; labels are", at: here(parser)))
                        }
                        return
                    }
                }
                if node != nil { node!.data.append((k, value)) } else if edge != nil { edge!.data.append((k, value)) } else { graphData.append((key, value)) }
            case "node":
                if let n = node { finishNode(n, parser) }
                node = nil
            case "edge":
                if let e = edge { finishEdge(e, parser) }
                edge = nil
            case "graph": graphDepth -= 1
            default: break
            }
        }

        /// Swift Foundation on Linux keeps parsing after a well-formedness error (and `parse()`
        /// may still return true), so the first error is taken here and parsing stops.
        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            fail(parser, "XML error: " + GraphMLReader.describe(parseError))
        }

        private func applies(_ key: Key, to domain: String) -> Bool { key.domain == domain || key.domain == "all" }

        /// Keys with a default, per domain, in id order (computed once, after the keys).
        private var defaultsCache: [String: [(id: String, key: Key, text: String)]] = [:]

        private func defaults(_ domain: String) -> [(id: String, key: Key, text: String)] {
            if let d = defaultsCache[domain] { return d }
            let d = keys.keys.sorted().compactMap { id -> (id: String, key: Key, text: String)? in
                let key = keys[id]!
                guard applies(key, to: domain), let text = key.defaultText else { return nil }
                return (id, key, text)
            }
            defaultsCache[domain] = d
            return d
        }

        /// Data of an element in document order, then the defaults of keys it has no data for.
        /// Data under an undeclared key, a key for another domain, or a key already given is
        /// reported (a warning) rather than dropped unseen.
        private func values(_ data: [(String, String)], domain: String, what: @autoclosure () -> String,
                            at: SourceLocation) -> [(Key, String)] {
            var out: [(Key, String)] = []
            var seen: Set<String> = []
            for (id, v) in data {
                guard let key = keys[id] else {
                    issues.append(ValidationIssue(.warning, .unknownField, "\(what()): <data key=\(quoted(id))> has no <key> declaration; ignored", at: at))
                    continue
                }
                guard applies(key, to: domain) else {
                    issues.append(ValidationIssue(.warning, .unknownField, "\(what()): key \(quoted(key.name)) is declared for \(key.domain), not \(domain); ignored", at: at))
                    continue
                }
                if seen.insert(id).inserted {
                    out.append((key, v))
                } else {
                    issues.append(ValidationIssue(.warning, .unknownField, "\(what()): key \(quoted(key.name)) given twice; the first is kept", at: at))
                }
            }
            for d in defaults(domain) where !seen.contains(d.id) { out.append((d.key, d.text)) }
            return out
        }

        private lazy var hasNameKeyCache: Bool = keys.values.contains { applies($0, to: "node") && $0.name == "name" && !$0.forcedAttribute }

        private var hasNameKey: Bool { hasNameKeyCache }

        private func finishNode(_ n: (id: String, data: [(String, String)], line: Int, column: Int), _ parser: XMLParser) {
            var e = Entity(id: n.id, kind: .node)
            let at = SourceLocation(file: file, line: n.line, column: n.column)
            var graphicsLabel: String?
            for (key, text) in values(n.data, domain: "node", what: "node \(quoted(n.id))", at: at) {
                if key.yfiles == "nodegraphics" { graphicsLabel = text; continue }
                if !key.forcedAttribute && key.name != "id" {
                    switch FieldCodec.set(key.name, text, on: &e) {
                    case .stored: continue
                    case .invalid(let m): issues.append(ValidationIssue(.error, .invalidValue, "node \(quoted(n.id)): \(m)", at: at)); continue
                    case .notAField: break
                    }
                    if key.name == "label" && !hasNameKey && e.name == nil { e.name = text; continue }
                }
                guard let v = key.type.decode(text) else {
                    issues.append(ValidationIssue(.error, .invalidValue, "node \(quoted(n.id)): \(quoted(key.name)) = \(quoted(text)) is not a \(key.type.rawValue)", at: at))
                    continue
                }
                e.attributes[key.name] = v
            }
            if e.name == nil, let graphicsLabel { e.name = graphicsLabel }
            dataset.append(e)
            locations.entities.append(ReadLocations.Position(line: n.line, column: n.column))
        }

        private func finishEdge(_ x: (source: String, target: String, id: String?, directed: Bool?, data: [(String, String)], line: Int, column: Int),
                                _ parser: XMLParser) {
            var l = Link(source: x.source, target: x.target, kind: .link)
            let at = SourceLocation(file: file, line: x.line, column: x.column)
            var explicitDirected = false
            for (key, text) in values(x.data, domain: "edge", what: "edge \(quoted(x.source)) → \(quoted(x.target))", at: at) {
                if key.yfiles == "edgegraphics" { l.attributes["label"] = .string(text); continue }
                if !key.forcedAttribute && key.name != "source" && key.name != "target" {
                    switch FieldCodec.set(key.name, text, on: &l) {
                    case .stored: if key.name == "directed" { explicitDirected = true }; continue
                    case .invalid(let m): issues.append(ValidationIssue(.error, .invalidValue, "edge \(quoted(x.source)) → \(quoted(x.target)): \(m)", at: at)); continue
                    case .notAField: break
                    }
                }
                guard let v = key.type.decode(text) else {
                    issues.append(ValidationIssue(.error, .invalidValue, "edge \(quoted(x.source)) → \(quoted(x.target)): \(quoted(key.name)) = \(quoted(text)) is not a \(key.type.rawValue)", at: at))
                    continue
                }
                l.attributes[key.name] = v
            }
            if let id = x.id, l.attributes["id"] == nil { l.attributes["id"] = .string(id) }
            // A file tnet wrote records explicit directions as data; the XML attribute then only
            // repeats what the kind implies. From other tools, the XML attribute is the fact.
            if !explicitDirected && !writtenByTNet, let d = x.directed { l.directed = d }
            pendingLinks.append((l, ReadLocations.Position(line: x.line, column: x.column)))
        }

        private lazy var writtenByTNet: Bool = keys.values.contains { $0.domain == "graph" && $0.name == "tnet.directed" }

        func finish() throws -> (dataset: Dataset, issues: [ValidationIssue]) {
            for (key, text) in graphData {
                switch key.name {
                case "title": dataset.title = text
                case "description": dataset.description = text
                case "tnet.directed": dataset.directed = text == "true" ? true : text == "false" ? false : nil
                case "tnet.schema":
                    guard case .object(let a)? = AttributeType.parseJSON(text) else {
                        issues.append(ValidationIssue(.error, .invalidValue, "graph data \"tnet.schema\" is not a JSON object", at: SourceLocation(file: file, line: 1, column: 1)))
                        continue
                    }
                    dataset.schema = Schema(attributes: a)
                case "tnet.sources":
                    guard let list = GraphMLWriter.sources(from: AttributeType.parseJSON(text)) else {
                        issues.append(ValidationIssue(.error, .invalidValue, "graph data \"tnet.sources\" is not a JSON list", at: SourceLocation(file: file, line: 1, column: 1)))
                        continue
                    }
                    dataset.sources += list
                default:
                    guard let v = key.type.decode(text) else {
                        issues.append(ValidationIssue(.error, .invalidValue, "graph data \(quoted(key.name)) = \(quoted(text)) is not a \(key.type.rawValue)", at: SourceLocation(file: file, line: 1, column: 1)))
                        continue
                    }
                    dataset.extra[key.name] = v
                }
            }
            for (l, p) in pendingLinks {
                dataset.append(l)
                locations.links.append(p)
            }
            dataset.locations = locations
            return (dataset, issues)
        }
    }
}
