import Foundation
import TNetModel

/// Reads the native dataset format (`"format": "tnet/1"`).
///
/// ```json
/// { "format": "tnet/1", "title": "…", "directed": true,
///   "sources":  [ { "id": "ohchr-2023", "title": "…", "publisher": "…", "date": "2023-08-29", "url": "…" } ],
///   "entities": [ { "id": "mm", "kind": "country", "name": "Myanmar", "sources": ["icg-2023"], "confidence": "B2",
///                   "from": "2021", "to": "2023-08", "attributes": { … } } ],
///   "links":    [ { "source": "a", "target": "b", "kind": "operates", "weight": 2, "directed": true, … } ] }
/// ```
/// Problems of form that do not stop reading (a missing field, a value of the wrong type, an
/// unknown field) are returned as issues with their line and column; a syntax error throws.
/// Unknown top-level fields are kept in `Dataset.extra`; unknown fields of an entity or link
/// are kept as attributes (with a warning), so nothing read is lost.
public enum NativeJSONReader {
    /// Reads a native JSON dataset.
    /// - Parameter input: The file's bytes (already decoded to UTF-8).
    /// - Returns: The dataset, with the line and column of each entity, link and source, and
    ///   the problems of form (missing or unsupported `format`, wrong types, missing or unknown
    ///   fields, duplicate keys, unreadable values).
    /// - Throws: ``ReadError`` for a file that is not text, at the line and column of a JSON
    ///   syntax error, or when the document is not a JSON object.
    /// - Complexity: O(*n*) in the size of the file.
    public static func read(_ input: InputFile) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        try input.checkText()
        return try input.bytes.withUnsafeBufferPointer { buf in
            try read(buf, name: input.name, start: input.bomLength, mapped: nil)
        }
    }

    /// Reads a native JSON dataset from a file mapped into memory, handing back its pages as
    /// the reading passes them: resident memory holds the dataset, not the file.
    /// - Parameters:
    ///   - file: The mapped file.
    ///   - minimumBytes: The size from which the chunks are tried (a test tries them on less).
    /// - Returns: As ``read(_:)``.
    /// - Throws: As ``read(_:)``.
    static func read(mapped file: MappedFile, minimumBytes: Int = Chunks.minimumBytes) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        // A large file is read in chunks on every core, which check that it is text as they go;
        // whatever the chunks cannot take (bytes that are not UTF-8, a syntax error) is checked
        // and read again by the stream, which words it.
        if file.buffer.count >= minimumBytes {
            do {
                if let read = try Chunks.read(file.buffer, name: file.name, start: file.bomLength, mapped: file, threads: threads) {
                    return read
                }
            } catch let error {
                var positions = TextPositions(file: file.name, bytes: file.buffer)
                throw ReadError(error.message, at: positions.location(of: error.offset))
            }
            file.releaseAll()
        }
        try InputFile.checkText(name: file.name, file.buffer, slice: MappedFile.releaseStep, threads: threads) { file.release($0) }
        file.releaseAll()
        return try read(file.buffer, name: file.name, start: file.bomLength, mapped: file)
    }

    private static func read(_ buf: UnsafeBufferPointer<UInt8>, name: String, start: Int,
                             mapped: MappedFile?) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        // Streamed: each entity, link and source is decoded as soon as it is parsed, so the
        // document is never held as a tree (a million entities took 3.4 GB that way). A
        // document the stream cannot take (a syntax error, a top level that is not an
        // object, a key given twice) is read again whole, which words its errors as before.
        var streaming = Decoder(positions: TextPositions(file: name, bytes: buf))
        streaming.mapped = mapped
        var stream = JSONParser(buf, start: start)
        do {
            if let dataset = try streaming.stream(&stream) { return (dataset, streaming.issues) }
        } catch let error {
            // A syntax error: the stream has read everything before it as the whole-document
            // parser would (the same parser, the same grammar), so that parser would stop at
            // the same byte with the same words. Said now, not after reading the document again
            // as a tree (18 s and gigabytes for an error at the end of 555 MB).
            var positions = TextPositions(file: name, bytes: buf)
            throw ReadError(error.message, at: positions.location(of: error.offset))
        }
        mapped?.releaseAll()
        var positions = TextPositions(file: name, bytes: buf)
        var parser = JSONParser(buf, start: start)
        let root: JSONNode
        do {
            root = try parser.parseDocument()
        } catch let error {
            throw ReadError(error.message, at: positions.location(of: error.offset))
        }
        var decoder = Decoder(positions: positions)
        let dataset = try decoder.decodeDataset(root)
        positions = decoder.positions
        return (dataset, decoder.issues)
    }

    struct Decoder {
        var positions: TextPositions
        var issues: [ValidationIssue] = []
        /// The mapped file being read, whose pages behind each record are handed back.
        var mapped: MappedFile? = nil

        mutating func issue(_ severity: ValidationIssue.Severity, _ code: ValidationIssue.Code, _ message: String, _ offset: Int) {
            issues.append(ValidationIssue(severity, code, message, at: positions.location(of: offset)))
        }

        /// Members of an object, reporting duplicate keys.
        mutating func members(_ node: JSONNode, what: String) -> [JSONMember]? {
            guard case .object(let members) = node.value else {
                issue(.error, .invalidStructure, "\(what) must be an object, found \(node.value.typeName)", node.offset)
                return nil
            }
            // Entities and links have a handful of keys: comparing pairs beats hashing them.
            if members.count <= 16 {
                for j in members.indices.dropFirst() where members[..<j].contains(where: { $0.key == members[j].key }) {
                    issue(.error, .invalidStructure, "duplicate key \(quoted(members[j].key)) in \(what) (the last one would win)", members[j].keyOffset)
                }
            } else {
                var seen: Set<String> = []
                for m in members where !seen.insert(m.key).inserted {
                    issue(.error, .invalidStructure, "duplicate key \(quoted(m.key)) in \(what) (the last one would win)", m.keyOffset)
                }
            }
            return members
        }

        mutating func string(_ node: JSONNode, _ field: String) -> String? {
            if case .string(let s) = node.value { return s }
            issue(.error, .invalidStructure, "\(quoted(field)) must be a string, found \(node.value.typeName)", node.offset)
            return nil
        }

        mutating func stringList(_ node: JSONNode, _ field: String) -> [String] {
            switch node.value {
            case .string(let s): return [s]
            case .array(let items):
                return items.compactMap { string($0, field) }
            default:
                issue(.error, .invalidStructure, "\(quoted(field)) must be a list of strings, found \(node.value.typeName)", node.offset)
                return []
            }
        }

        mutating func date(_ node: JSONNode, _ field: String) -> PartialDate? {
            guard let text = string(node, field) else { return nil }
            if let d = PartialDate(text) { return d }
            issue(.error, .invalidValue, "\(quoted(field)) is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): \(quoted(text))", node.offset)
            return nil
        }

        mutating func confidence(_ node: JSONNode) -> Confidence? {
            guard let text = string(node, "confidence") else { return nil }
            if let c = Confidence(text) { return c }
            issue(.error, .invalidValue, "\"confidence\" must be an Admiralty grade such as \"B2\" (A-F then 1-6), found \(quoted(text))", node.offset)
            return nil
        }

        mutating func attributeValue(_ node: JSONNode) -> AttributeValue {
            switch node.value {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .string(let s): return .string(s)
            case .number(let text): return Self.number(text)
            case .array(let items): return .list(items.map { attributeValue($0) })
            case .object(let members):
                var attrs = Attributes()
                for m in members { attrs[m.key] = attributeValue(m.value) }
                return .object(attrs)
            }
        }

        static func number(_ text: String) -> AttributeValue {
            if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let i = Int(text) { return .int(i) }
            return .double(Double(text) ?? .nan)
        }

        mutating func attributes(_ node: JSONNode, into attrs: inout Attributes) {
            guard let members = members(node, what: "\"attributes\"") else { return }
            for m in members { attrs[m.key] = attributeValue(m.value) }
        }

        mutating func decodeDataset(_ root: JSONNode) throws -> Dataset {
            guard case .object = root.value else {
                throw ReadError("a tnet dataset is a JSON object, found \(root.value.typeName)", at: positions.location(of: root.offset))
            }
            let top = members(root, what: "the dataset") ?? []
            var dataset = Dataset()
            var locations = ReadLocations(file: positions.file)
            var format: JSONMember?
            var entityNodes: [JSONNode] = [], linkNodes: [JSONNode] = [], sourceNodes: [JSONNode] = []
            for m in top {
                switch m.key {
                case "entities", "links", "sources":
                    guard case .array(let items) = m.value.value else {
                        issue(.error, .invalidStructure, "\(quoted(m.key)) must be an array, found \(m.value.value.typeName)", m.value.offset)
                        continue
                    }
                    if m.key == "entities" { entityNodes = items } else if m.key == "links" { linkNodes = items } else { sourceNodes = items }
                default:
                    member(m, of: &dataset, format: &format)
                }
            }
            checkFormat(format, root: root.offset)
            // Each record's place is found before it is decoded: its warnings lie after its start,
            // so the position cursor only moves forward within a record (TextPositions).
            for node in sourceNodes {
                let at = position(node.offset)
                if let s = decodeSource(node) {
                    dataset.sources.append(s)
                    locations.sources.append(at)
                }
            }
            for node in entityNodes {
                let at = position(node.offset)
                if let e = decodeEntity(node) {
                    dataset.append(e)
                    locations.entities.append(at)
                }
            }
            for node in linkNodes {
                let at = position(node.offset)
                if let l = decodeLink(node) {
                    dataset.append(l)
                    locations.links.append(at)
                }
            }
            dataset.locations = locations
            return dataset
        }

        /// A top-level member other than the entities, links and sources.
        mutating func member(_ m: JSONMember, of dataset: inout Dataset, format: inout JSONMember?) {
            switch m.key {
            case "format": format = m
            case "title": dataset.title = string(m.value, "title")
            case "description": dataset.description = string(m.value, "description")
            case "directed":
                if case .bool(let b) = m.value.value { dataset.directed = b } else {
                    issue(.error, .invalidStructure, "\"directed\" must be true or false, found \(m.value.value.typeName)", m.value.offset)
                }
            case "schema": dataset.schema = decodeSchema(m.value)
            default:
                dataset.extra[m.key] = attributeValue(m.value)
            }
        }

        mutating func checkFormat(_ format: JSONMember?, root: Int) {
            if let format {
                if case .string(let f) = format.value.value, f == Dataset.formatVersion {
                } else if case .string(let f) = format.value.value {
                    issue(.error, .unsupportedFormat, "unsupported format version \(quoted(f)); this tnet reads \(quoted(Dataset.formatVersion))", format.value.offset)
                } else {
                    issue(.error, .unsupportedFormat, "\"format\" must be the string \(quoted(Dataset.formatVersion))", format.value.offset)
                }
            } else {
                issue(.error, .unsupportedFormat, "missing \"format\": \(quoted(Dataset.formatVersion)) at the top of the dataset", root)
            }
        }

        /// Decodes the document member by member, each element of `entities`, `links` and
        /// `sources` as soon as it is parsed. Issues come out in the order of the whole-document
        /// path: top-level members, format, then sources, entities and links.
        /// - Returns: nil when the stream cannot take the document (not an object, a key given
        ///   twice at the top); the caller then reads it whole.
        /// - Throws: the first syntax error, content after the top object among them (the
        ///   caller reports it as the whole-document parser would).
        mutating func stream(_ p: inout JSONParser) throws(JSONParser.Failure) -> Dataset? {
            guard p.consume(UInt8(ascii: "{")) else { return nil }
            let root = p.pos - 1
            var dataset = Dataset()
            var locations = ReadLocations(file: positions.file)
            var format: JSONMember?
            var keys: Set<String> = []
            var buckets: [String: [ValidationIssue]] = ["sources": [], "entities": [], "links": []]
            // The last value read (a record, or a top-level member's value) and the containers
            // around it: a comma or bracket missing after it is worded from there, as the chunked
            // reader words it (nesting counted from each value), not by the whole-document parser.
            // Only offsets and a flag per record (the stream's hot loop); the containers are made
            // for an error.
            var last: (start: Int, key: String, inArray: Bool)?
            func inside(_ key: String, inArray: Bool) -> [JSONParser.Container] { inArray ? [.member(key), .array] : [.member(key)] }
            func structural() throws(JSONParser.Failure) {
                if let last, let failure = p.firstError(valueAt: last.start, inside: inside(last.key, inArray: last.inArray)) { throw failure }
            }
            if !p.consume(UInt8(ascii: "}")) {
                repeat {
                    guard let (key, keyOffset) = try p.string(), keys.insert(key).inserted, p.consume(UInt8(ascii: ":")) else { return nil }
                    p.skipSpace()
                    last = (p.pos, key, false)
                    guard buckets[key] != nil, p.consume(UInt8(ascii: "[")) else {
                        let start = p.pos
                        let value: JSONNode
                        do { value = try p.parseValue() } catch { throw p.worded(error, valueAt: start, inside: inside(key, inArray: false)) }
                        if buckets[key] != nil {
                            issue(.error, .invalidStructure, "\(quoted(key)) must be an array, found \(value.value.typeName)", value.offset)
                        } else {
                            member(JSONMember(key: key, keyOffset: keyOffset, value: value), of: &dataset, format: &format)
                        }
                        continue
                    }
                    // Decode into this array's bucket of issues.
                    var outer = buckets[key]!
                    swap(&issues, &outer)
                    if !p.consume(UInt8(ascii: "]")) {
                        repeat {
                            let start = p.pos
                            last?.start = start
                            last?.inArray = true
                            let node: JSONNode
                            do { node = try p.parseValue() } catch { throw p.worded(error, valueAt: start, inside: inside(key, inArray: true)) }
                            // The record's place before its warnings (which lie after its start):
                            // the position cursor only moves forward, and never goes back over
                            // pages already handed back (TextPositions, MappedFile).
                            let at = position(node.offset)
                            switch key {
                            case "sources":
                                if let s = decodeSource(node) { dataset.sources.append(s); locations.sources.append(at) }
                            case "entities":
                                if let e = decodeEntity(node) { dataset.append(e); locations.entities.append(at) }
                            default:
                                if let l = decodeLink(node) { dataset.append(l); locations.links.append(at) }
                            }
                            mapped?.release(before: p.pos)
                        } while p.consume(UInt8(ascii: ","))
                        guard p.consume(UInt8(ascii: "]")) else { try structural(); return nil }
                    }
                    swap(&issues, &outer)
                    buckets[key] = outer
                } while p.consume(UInt8(ascii: ","))
                guard p.consume(UInt8(ascii: "}")) else { try structural(); return nil }
            }
            guard p.atEnd() else { throw p.trailingContent() }
            checkFormat(format, root: root)
            issues += buckets["sources"]! + buckets["entities"]! + buckets["links"]!
            dataset.locations = locations
            return dataset
        }

        /// `{"entity_kinds": [..], "link_kinds": [.. or {"name", "symmetric"}], "roles": [..]}`.
        mutating func decodeSchema(_ node: JSONNode) -> Schema {
            var schema = Schema()
            guard let fields = members(node, what: "\"schema\"") else { return schema }
            for m in fields {
                switch m.key {
                case "entity_kinds": schema.entityKinds = stringList(m.value, "entity_kinds").map { EntityKind($0) }
                case "roles": schema.roles = stringList(m.value, "roles").map { PersonRole($0) }
                case "link_kinds":
                    guard case .array(let items) = m.value.value else {
                        issue(.error, .invalidStructure, "\"link_kinds\" must be a list", m.value.offset)
                        continue
                    }
                    for item in items {
                        if case .string(let s) = item.value {
                            schema.linkKinds.append(LinkKind(s))
                        } else if let kindFields = members(item, what: "a link kind") {
                            var name: String?, symmetric = false
                            for f in kindFields {
                                switch f.key {
                                case "name": name = string(f.value, "name")
                                case "symmetric":
                                    if case .bool(let b) = f.value.value { symmetric = b } else {
                                        issue(.error, .invalidStructure, "\"symmetric\" must be true or false", f.value.offset)
                                    }
                                default: issue(.warning, .unknownField, "unknown link-kind field \(quoted(f.key)) ignored", f.keyOffset)
                                }
                            }
                            guard let name, !name.isEmpty else {
                                issue(.error, .missingField, "link kind has no \"name\"", item.offset)
                                continue
                            }
                            schema.linkKinds.append(LinkKind(name))
                            if symmetric { schema.symmetricLinkKinds.insert(LinkKind(name)) }
                        }
                    }
                case "targets": schema.targets = decodeTargets(m.value)
                default:
                    issue(.warning, .unknownField, "unknown schema field \(quoted(m.key)) ignored", m.keyOffset)
                }
            }
            return schema
        }

        /// `{"kinds": {KIND: "candidate"|"excluded"}, "entities": {ID: …}}`.
        mutating func decodeTargets(_ node: JSONNode) -> TargetPolicy {
            var policy = TargetPolicy()
            guard let fields = members(node, what: "\"targets\"") else { return policy }
            for m in fields {
                guard m.key == "kinds" || m.key == "entities" else {
                    issue(.warning, .unknownField, "unknown targets field \(quoted(m.key)) ignored", m.keyOffset)
                    continue
                }
                guard let entries = members(m.value, what: "\"\(m.key)\"") else { continue }
                for e in entries {
                    guard let text = string(e.value, e.key), let verdict = TargetPolicy.Override(rawValue: text) else {
                        issue(.error, .invalidValue, "target override for \(quoted(e.key)) must be \"candidate\" or \"excluded\"", e.value.offset)
                        continue
                    }
                    if m.key == "kinds" { policy.kinds[EntityKind(e.key)] = verdict } else { policy.entities[e.key] = verdict }
                }
            }
            return policy
        }

        /// A record's place; its warnings, found next, are counted from there (anchorHere).
        mutating func position(_ offset: Int) -> ReadLocations.Position {
            let l = positions.location(of: offset)
            positions.anchorHere()
            return ReadLocations.Position(line: l.line, column: l.column)
        }

        mutating func decodeSource(_ node: JSONNode) -> Source? {
            guard let fields = members(node, what: "a source") else { return nil }
            var source = Source(id: "")
            var hasID = false
            for m in fields {
                switch m.key {
                case "id": if let s = string(m.value, "id") { source.id = s; hasID = true }
                case "title": source.title = string(m.value, "title")
                case "publisher": source.publisher = string(m.value, "publisher")
                case "date": source.date = date(m.value, "date")
                case "url": source.url = string(m.value, "url")
                default: source.attributes[m.key] = attributeValue(m.value)
                }
            }
            guard hasID, !source.id.isEmpty else {
                issue(.error, .missingField, "source has no \"id\"", node.offset)
                return nil
            }
            return source
        }

        mutating func decodeEntity(_ node: JSONNode) -> Entity? {
            guard let fields = members(node, what: "an entity") else { return nil }
            var entity = Entity(id: "", kind: .node)
            var hasID = false, hasKind = false
            var period = Period()
            for m in fields {
                switch m.key {
                case "id": if let s = string(m.value, "id") { entity.id = s; hasID = !s.isEmpty }
                case "kind": if let s = string(m.value, "kind") { entity.kind = EntityKind(s); hasKind = !s.isEmpty }
                case "name": entity.name = string(m.value, "name")
                case "role": entity.role = string(m.value, "role").map { PersonRole($0) }
                case "country": entity.country = string(m.value, "country")
                case "confidence": entity.confidence = confidence(m.value)
                case "sources": entity.sources = stringList(m.value, "sources")
                case "from": period.from = date(m.value, "from")
                case "to": period.to = date(m.value, "to")
                case "attributes": attributes(m.value, into: &entity.attributes)
                default:
                    issue(.warning, .unknownField, "unknown entity field \(quoted(m.key)) kept as an attribute", m.keyOffset)
                    entity.attributes[m.key] = attributeValue(m.value)
                }
            }
            if period.from != nil || period.to != nil { entity.period = period }
            guard hasID else {
                issue(.error, .missingField, "entity has no \"id\"", node.offset)
                return nil
            }
            if !hasKind { issue(.error, .missingField, "entity \(quoted(entity.id)) has no \"kind\"", node.offset) }
            return entity
        }

        mutating func decodeLink(_ node: JSONNode) -> Link? {
            guard let fields = members(node, what: "a link") else { return nil }
            var link = Link(source: "", target: "", kind: .link)
            var hasSource = false, hasTarget = false, hasKind = false
            var period = Period()
            for m in fields {
                switch m.key {
                case "source": if let s = string(m.value, "source") { link.source = s; hasSource = true }
                case "target": if let s = string(m.value, "target") { link.target = s; hasTarget = true }
                case "kind": if let s = string(m.value, "kind") { link.kind = LinkKind(s); hasKind = !s.isEmpty }
                case "weight":
                    if case .number(let text) = m.value.value, let w = Double(text), w.isFinite {
                        link.weight = w
                    } else {
                        issue(.error, .invalidValue, "\"weight\" must be a finite number, found \(m.value.value.typeName)", m.value.offset)
                    }
                case "directed":
                    if case .bool(let b) = m.value.value { link.directed = b } else {
                        issue(.error, .invalidStructure, "\"directed\" must be true or false, found \(m.value.value.typeName)", m.value.offset)
                    }
                case "confidence": link.confidence = confidence(m.value)
                case "sources": link.sources = stringList(m.value, "sources")
                case "from": period.from = date(m.value, "from")
                case "to": period.to = date(m.value, "to")
                case "agreement": link.agreement = string(m.value, "agreement")
                case "attributes": attributes(m.value, into: &link.attributes)
                default:
                    issue(.warning, .unknownField, "unknown link field \(quoted(m.key)) kept as an attribute", m.keyOffset)
                    link.attributes[m.key] = attributeValue(m.value)
                }
            }
            if period.from != nil || period.to != nil { link.period = period }
            guard hasSource, hasTarget else {
                issue(.error, .missingField, "link has no \(hasSource ? "\"target\"" : "\"source\"")", node.offset)
                return nil
            }
            if !hasKind { issue(.error, .missingField, "link \(quoted(link.source)) → \(quoted(link.target)) has no \"kind\"", node.offset) }
            return link
        }
    }
}
