import Foundation
import TNetModel

/// Reads FollowTheMoney entities, one JSON object a line (`.ftm.jsonl`, `.ftm.json`), as Aleph
/// exports them and OpenSanctions publishes them:
///
/// ```json
/// {"id": "p1", "schema": "Person", "properties": {"name": ["Li Wei"], "nationality": ["cn"]}, "datasets": ["…"]}
/// {"id": "own1", "schema": "Ownership", "properties": {"owner": ["p1"], "asset": ["c1"], "startDate": ["2019"]}}
/// ```
/// Things become entities, Documents sources, edges and Sanctions links, as ``FtMSchemaMap``
/// says; lines may come in any order. A line that is not JSON stops reading (file, line and
/// column); a line without an id or a schema, or with values that are not lists of strings, is
/// an error naming its line and id; whatever is reinterpreted or left out (a schema tnet has no
/// mapping for, a property the schema does not have, a reference to an entity not in the file, a
/// country code no country entity has) is a warning naming the line, the id and why. FtM's
/// `caption` is not kept: it is derived from the name.
public enum FtMReader {
    /// One parsed line.
    struct Line {
        var id: String
        var schema: FtMModel.Schema
        var properties: [(name: String, values: [String])]
        var top: [(key: String, value: AttributeValue)]
        var location: SourceLocation

        func values(_ p: String) -> [String] { properties.first(where: { $0.name == p })?.values ?? [] }
    }

    /// Reads FtM JSON lines.
    /// - Parameter input: The file's bytes (already decoded to UTF-8).
    /// - Returns: The dataset, each entity's and link's line, and the problems found.
    /// - Throws: ``ReadError`` for a file that is not text, or at the line and column of a line
    ///   that is not JSON.
    /// - Complexity: O(*n*) in the size of the file.
    public static func read(_ input: InputFile) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        try input.checkText()
        return try input.bytes.withUnsafeBufferPointer { buf in
            try LineChunks.read(buf, name: input.name, start: input.bomLength, threads: ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    /// Reads FtM JSON lines from a mapped file, its pages handed back once each pass is done
    /// with them: resident memory holds what is read, not the file (a 675 MB export of a
    /// million entities was held whole beside them).
    /// - Parameter file: The mapped file, in UTF-8.
    /// - Returns: As ``read(_:)``.
    /// - Throws: As ``read(_:)``.
    static func read(mapped file: MappedFile) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        try InputFile.checkText(name: file.name, file.buffer, slice: MappedFile.releaseStep, threads: threads) { file.release($0) }
        return try LineChunks.read(file.buffer, name: file.name, start: file.bomLength, threads: threads, mapped: file)
    }

    static func parse(_ node: JSONNode, _ at: SourceLocation, _ issues: inout [ValidationIssue]) -> Line? {
        guard case .object(let members) = node.value else {
            issues.append(ValidationIssue(.error, .invalidStructure, "an FtM entity is a JSON object, found \(node.value.typeName)", at: at))
            return nil
        }
        var id: String?, schemaName: String?, props = PropertyList(), top: [(String, AttributeValue)] = []
        var propsNode: JSONNode?
        for m in members {
            switch (m.key, m.value.value) {
            case ("id", .string(let s)): id = s
            case ("schema", .string(let s)): schemaName = s
            case ("properties", _): propsNode = m.value
            case ("caption", _): break
            case ("datasets", .array(let items)), ("referents", .array(let items)):
                top.append((m.key, .list(items.compactMap { if case .string(let s) = $0.value { return .string(s) }; return nil })))
            case ("first_seen", .string(let s)), ("last_seen", .string(let s)), ("last_change", .string(let s)):
                top.append((m.key, .string(s)))
            case ("target", .bool(let b)): top.append(("target", .bool(b)))
            default:
                issues.append(ValidationIssue(.warning, .unknownField, "FtM field \"\(m.key)\" is not one tnet reads: left out", at: at))
            }
        }
        guard let (id, schema) = identified(id, schemaName, at, &issues) else { return nil }
        if let propsNode {
            guard case .object(let pm) = propsNode.value else {
                issues.append(ValidationIssue(.error, .invalidStructure, "FtM entity \(quoted(id)): \"properties\" must be an object, found \(propsNode.value.typeName)", at: at))
                return nil
            }
            for p in pm {
                guard case .array(let items) = p.value.value else {
                    issues.append(ValidationIssue(.error, .invalidStructure, "FtM entity \(quoted(id)): property \"\(p.key)\" must be a list of strings, found \(p.value.value.typeName)", at: at))
                    continue
                }
                var values: [String] = []
                for item in items {
                    if case .string(let s) = item.value { values.append(s) } else {
                        issues.append(ValidationIssue(.error, .invalidStructure, "FtM entity \(quoted(id)): property \"\(p.key)\" must hold strings, found \(item.value.typeName)", at: at))
                    }
                }
                props.add(p.key, values)
            }
        }
        return Line(id: id, schema: schema, properties: props.items, top: top, location: at)
    }

    /// The line decoded by ``LineDecoder`` from `fields`, checked as ``parse(_:_:_:)`` checks it.
    static func parse(_ fields: LineDecoder.Fields, _ at: SourceLocation, _ issues: inout [ValidationIssue]) -> Line? {
        guard let (id, schema) = identified(fields.id, fields.schema, at, &issues) else { return nil }
        return Line(id: id, schema: schema, properties: fields.properties, top: fields.top, location: at)
    }

    /// A line's id and schema, or nil with the error or warning that leaves it out.
    static func identified(_ id: String?, _ schemaName: String?, _ at: SourceLocation,
                           _ issues: inout [ValidationIssue]) -> (String, FtMModel.Schema)? {
        guard let id, !id.isEmpty else {
            issues.append(ValidationIssue(.error, .missingField, "an FtM entity needs an \"id\" (a non-empty string)", at: at))
            return nil
        }
        guard let schemaName else {
            issues.append(ValidationIssue(.error, .missingField, "FtM entity \(quoted(id)) needs a \"schema\"", at: at))
            return nil
        }
        guard let schema = FtMModel.schema(schemaName), !schema.abstract else {
            issues.append(ValidationIssue(.warning, .undeclaredKind, "FtM entity \(quoted(id)): \"\(schemaName)\" is not a schema FtM \(FtMModel.generatedFrom) can hold an entity of: left out", at: at))
            return nil
        }
        return (id, schema)
    }

    /// Turns parsed lines into a dataset.
    struct Builder {
        var issues: [ValidationIssue]
        var dataset = Dataset()
        /// Each Document's source id, with the Document's own FtM id (as spelt).
        var sourceByFtM: [String: (id: String, ftmID: String)] = [:]
        var madeSources: [String: String] = [:]
        /// The FtM ids of the things read (an entity's id is its FtM id decoded, ``ref(_:)``).
        var thingIDs = Set<String>()
        /// Each thing's schema, by its entity's position (the last thing's of an id given twice,
        /// at the first's position, where the id leads); an entity the reader made after them
        /// (an agency) has none.
        var schemas: [FtMModel.Schema] = []
        /// The first entity of each name, and how many have it: a Sanction's authority is
        /// matched by name.
        var nameIndex: [String: String] = [:]
        var nameCount: [String: Int] = [:]
        /// Whether ``nameIndex`` and ``nameCount`` are made: on the first authority matched by
        /// name, from the things (no agency is made for an authority before that), not for
        /// every file.
        var namesIndexed = false
        var entityKinds: [EntityKind] = []
        var linkKinds: [LinkKind] = []
        var roles: [PersonRole] = []
        var locations: ReadLocations

        init(issues: [ValidationIssue]) {
            self.issues = issues
            locations = ReadLocations(file: "")
        }

        mutating func warn(_ line: Line, _ message: String, code: ValidationIssue.Code = .unknownField) {
            warn(id: line.id, at: line.location, message, code: code)
        }

        mutating func warn(id: String, at location: SourceLocation, _ message: String, code: ValidationIssue.Code = .unknownField) {
            issues.append(ValidationIssue(.warning, code, "FtM entity \(quoted(id)): \(message)", at: location))
        }

        /// The schema of the entity at `position` (nil: no entity has the id), FtM's
        /// `LegalEntity` for one that is not a thing of the file.
        func schema(at position: Int?) -> FtMModel.Schema {
            guard let position, position < schemas.count else { return Self.legalEntity }
            return schemas[position]
        }

        /// Reads the sources and things of `lines` (every line but the relations', in file
        /// order), the links their properties make, and their Documentation; the relations
        /// follow, one by one (``relation(_:)``), then ``finish()``. A thing's line keeps only
        /// its id and place once its entity is made.
        mutating func begin(_ lines: inout [Line], file: String) {
            locations = ReadLocations(file: file)
            let isSource = { (l: Line) in l.schema.isDocument }
            for l in lines where isSource(l) { source(l) }
            var things: [Int] = []
            thingIDs.reserveCapacity(lines.count)
            for (k, l) in lines.enumerated() where !isSource(l) && !LineChunks.isRelation(l.schema) {
                if l.schema.isThing {
                    things.append(k)
                    thingIDs.insert(l.id)
                } else if l.schema.name != "Documentation" {
                    warn(l, "\(l.schema.name) is neither a thing nor a relation tnet maps: left out")
                }
            }
            var pending: [(Int, Link)] = []
            var entities: [Entity] = []
            entities.reserveCapacity(things.count)
            for k in things {
                entities.append(entity(lines[k], line: k, &pending))
                // Its values are the entity's now: held twice, a million things' lines and
                // entities had peaked 0.7 GB above the lines alone.
                lines[k].properties = []
                lines[k].top = []
            }
            // Countries, once every country entity is known.
            let countries = FtMCountries.entityIDs(among: entities.filter { $0.kind == .country }.map { (id: $0.id, name: $0.name) })
            for i in entities.indices { resolveCountry(&entities[i], line: lines[things[i]], countries: countries) }
            // Documentation (a document about an entity) is a citation: the entity cites the source.
            let documentation = lines.filter { $0.schema.name == "Documentation" }
            var position: [String: Int] = [:]
            if !documentation.isEmpty {
                for (i, k) in things.enumerated() where position[lines[k].id] == nil { position[lines[k].id] = i }
            }
            for l in documentation {
                guard let doc = l.values("document").first, let source = document(doc, in: l),
                      let target = l.values("entity").first, let i = position[target] else {
                    warn(l, "a Documentation whose document or entity is not in the file: left out")
                    continue
                }
                let thing = lines[things[i]].id
                if !LinkColumns.sameBytes(thing, target) {
                    warn(l, "entity \(spelledOut(target)) is \(spelledOut(thing)) in another Unicode form: read as that entity", code: .unicodeForm)
                }
                if !entities[i].sources.contains(where: { LinkColumns.sameBytes($0, source) }) { entities[i].sources.append(source) }
                warn(l, "read as \(entities[i].id) citing source \(source) (written back as its proof)")
            }
            locations.entities.reserveCapacity(things.count)
            // (Each kind and role declared once in a run of them: the built-in ones are a list.)
            var lastKind: EntityKind?, lastRole: PersonRole?
            for i in entities.indices {
                let kind = entities[i].kind, role = entities[i].role
                if kind != lastKind { declare(kind); lastKind = kind }
                if let r = role, r != lastRole, !PersonRole.builtIn.contains(r), !roles.contains(r) { roles.append(r) }
                lastRole = role
                let at = lines[things[i]].location
                locations.entities.append(.init(line: at.line, column: at.column))
            }
            // At once: appended one by one, each entity had made a new index (a tenth of reading
            // a million things).
            dataset.append(contentsOf: entities)
            entities = []
            schemas = things.map { lines[$0].schema }
            if dataset.entityIDsRepeat {
                for (i, k) in things.enumerated() { schemas[dataset.index(of: dataset.entities[i].id)!] = lines[k].schema }
            }
            for (k, link) in pending { add(link, from: lines[k]) }
        }

        /// Reads a relation's line as a link, the relations in file order.
        mutating func relation(_ l: Line) {
            relationCount += 1
            if let read = link(l, position: relationCount) { add(read.link, ends: read.ends, id: l.id, at: l.location) }
        }

        /// A relation read ahead, on any thread, from a copy of the builder: its link and what
        /// it said, to be added in file order (``add(_:)``); nil when reading it changes what
        /// later relations read (``changesWhatFollows(_:)``), so it is read in order.
        struct Drafted {
            var link: Link?
            /// The link's ends' positions, where the builder copied knew them.
            var ends: Ends
            var issues: [ValidationIssue]
            /// The line's FtM id and place (the line itself is let go on its thread).
            var id: String
            var location: SourceLocation
        }

        /// A link's ends' entity positions, nil where not (yet) known.
        struct Ends {
            var source: Int?
            var target: Int?
        }

        /// Whether reading relation `l` changes what later ones read: a Sanction's authority
        /// matched by name (an agency may be made for it), or a citation made of a publisher and
        /// URL (a source is made).
        func changesWhatFollows(_ l: Line) -> Bool {
            if l.schema.name == "Sanction",
               !l.values("description").contains(where: { FtMSchemaMap.parseMarker($0)?.key == "authority" }) { return true }
            return !l.values("proof").contains { sourceByFtM[$0] != nil } && !(l.values("publisher").isEmpty && l.values("sourceUrl").isEmpty)
        }

        /// `l` read as a link by `copy`, a copy of `builder` made for a thread (``relation(_:)``
        /// as it would read it in order at `position`); nil when it must be read in order. The
        /// copy shares the builder's tables and changes none that a later relation reads; its
        /// issues are emptied, and it is made again from `builder` if it did make something.
        static func draft(_ l: Line, position: Int, by copy: inout Builder, of builder: Builder) -> Drafted? {
            guard !copy.changesWhatFollows(l) else { return nil }
            // A new empty list, not the old one emptied: that buffer is shared (with the builder,
            // or the last draft's issues), so emptying it kept its capacity in a copy, made for
            // every relation as large as all the issues before the wave (helper-75: 3,000
            // relations after 3,000 warnings took 587 MB; 20k after 327k, 22 GB).
            copy.issues = []
            let read = copy.link(l, position: position)
            // What ``changesWhatFollows(_:)`` foresees, checked: nothing made.
            guard copy.dataset.entities.count == builder.dataset.entities.count,
                  copy.dataset.sources.count == builder.dataset.sources.count else {
                copy = builder
                return nil
            }
            return Drafted(link: read?.link, ends: read?.ends ?? Ends(), issues: copy.issues, id: l.id, location: l.location)
        }

        /// Adds a relation read ahead, in file order.
        mutating func add(_ d: Drafted) {
            relationCount += 1
            issues += d.issues
            if let link = d.link { add(link, ends: d.ends, id: d.id, at: d.location) }
        }

        /// How many relations' lines have been read: a link's default FtM id is its place.
        var relationCount = 0

        /// Adds `link`, read from `l`, when both its ends are entities.
        mutating func add(_ link: Link, from l: Line) {
            add(link, ends: Ends(), id: l.id, at: l.location)
        }

        /// Adds `link`, read from the line of FtM id `id` at `location`, when both its ends are
        /// entities. An end whose position `ends` does not give is looked up (an entity made
        /// since, an agency, may have its id); one it gives stands, as entities are only added.
        mutating func add(_ link: Link, ends: Ends, id: String, at location: SourceLocation) {
            let source = ends.source ?? dataset.index(of: link.source)
            guard let source, let target = ends.target ?? dataset.index(of: link.target) else {
                let missing = source == nil ? link.source : link.target
                warn(id: id, at: location, "refers to \(missing), which is not in the file: the \(link.kind.rawValue) link is left out")
                return
            }
            declare(link.kind)
            dataset.append(link, source: source, target: target)
            locations.links.append(.init(line: location.line, column: location.column))
        }

        /// The dataset, once every line is read.
        mutating func finish() -> Dataset {
            dataset.schema = Schema(entityKinds: entityKinds, linkKinds: linkKinds,
                                    symmetricLinkKinds: Set(linkKinds.filter { FtMSchemaMap.declaredLinkKinds[$0] == true }),
                                    roles: roles)
            dataset.locations = locations
            return dataset
        }

        mutating func declare(_ k: EntityKind) {
            if !EntityKind.builtIn.contains(k) && !entityKinds.contains(k) { entityKinds.append(k) }
        }

        mutating func declare(_ k: LinkKind) {
            if !LinkKind.builtIn.contains(k) && !linkKinds.contains(k) { linkKinds.append(k) }
        }

        mutating func source(_ l: Line) {
            var id = FtMID.decode(l.id)
            if id.hasPrefix("source.") { id = FtMID.decode(String(id.dropFirst("source.".count))) }
            var s = Source(id: id)
            for (p, values) in l.properties {
                guard let first = values.first else { continue }
                switch p {
                case "fileName" where first == id && values.count == 1: continue
                case "title" where values.count == 1: s.title = first
                case "publisher" where values.count == 1: s.publisher = first
                case "publishedAt" where values.count == 1 && PartialDate(first) != nil: s.date = PartialDate(first)
                case "sourceUrl" where values.count == 1: s.url = first
                default: attribute(p, values, schema: l.schema, into: &s.attributes, line: l)
                }
            }
            sourceByFtM[l.id] = (id, l.id)
            if !FtMID.decode(l.id).hasPrefix("source.") { s.attributes["ftm_id"] = .string(l.id) }
            dataset.sources.append(s)
            locations.sources.append(.init(line: l.location.line, column: l.location.column))
        }

        /// Puts property `p` in `attrs` under its attribute name, warning when the schema lacks it.
        mutating func attribute(_ p: String, _ values: [String], schema: FtMModel.Schema, into attrs: inout Attributes, line: Line) {
            if schema.properties[p] == nil {
                warn(line, "\"\(p)\" is not a property of FtM's \(schema.name): kept as attribute \"\(FtMSchemaMap.snakeCase(p))\"")
            }
            let key = FtMSchemaMap.attributeName(forProperty: p, schema: schema.name)
            let list = FtMSchemaMap.listAttributes[p] != nil || values.count > 1
            let value: AttributeValue = list ? .list(values.map { .string($0) }) : .string(values[0])
            if case .list(let old)? = attrs[key], case .list(let new) = value { attrs[key] = .list(old + new) } else { attrs[key] = value }
        }

        /// The source of the Document `d` names, saying so where `d` spells the Document's id in
        /// another Unicode form (`é` composed against `e` and an accent: helper-85).
        mutating func document(_ d: String, in l: Line) -> String? {
            guard let s = sourceByFtM[d] else { return nil }
            if !LinkColumns.sameBytes(s.ftmID, d) {
                warn(l, "document \(spelledOut(d)) is \(spelledOut(s.ftmID)) in another Unicode form: read as that document", code: .unicodeForm)
            }
            return s.id
        }

        /// The citations of `l`: its `proof` documents, else a source made of its publisher and URL.
        mutating func citations(_ l: Line) -> [String] {
            var out: [String] = []
            for d in l.values("proof") {
                if let s = document(d, in: l) { out.append(s) } else { warn(l, "proof \(d) is not a Document in the file: the citation is left out") }
            }
            if out.isEmpty {
                let publisher = l.values("publisher").first, url = l.values("sourceUrl").first
                if publisher != nil || url != nil {
                    let key = (publisher ?? "") + "\u{1}" + (url ?? "")
                    if let id = madeSources[key] { return [id] }
                    let id = "ftm-source-\(madeSources.count + 1)"
                    var s = Source(id: id, publisher: publisher, url: url)
                    if let u = l.values("publisherUrl").first { s.attributes["publisher_url"] = .string(u) }
                    if let r = l.values("retrievedAt").first { s.attributes["retrieved_at"] = .string(r) }
                    madeSources[key] = id
                    dataset.sources.append(s)
                    warn(l, "its publisher and sourceUrl are read as source \(id)")
                    return [id]
                }
            }
            return out
        }

        static let provenanceProperties: Set<String> = ["proof", "publisher", "publisherUrl", "sourceUrl", "retrievedAt"]

        mutating func entity(_ l: Line, line k: Int, _ pending: inout [(Int, Link)]) -> Entity {
            var e = Entity(id: FtMID.decode(l.id), kind: FtMSchemaMap.kind(forSchema: l.schema.name))
            e.sources = citations(l)
            let madeSource = l.values("proof").isEmpty && !e.sources.isEmpty
            var from: PartialDate?, to: PartialDate?
            var unnamed = false
            for (p, values) in l.properties where !values.isEmpty {
                switch p {
                case "name":
                    e.name = values[0]
                    if values.count > 1 {
                        warn(l, "has \(values.count) names: the first is its name, the others are kept as aliases")
                        var a = Attributes()
                        attribute("alias", Array(values.dropFirst()), schema: l.schema, into: &a, line: l)
                        if case .list(let more)? = a["aliases"] {
                            if case .list(let old)? = e.attributes["aliases"] { e.attributes["aliases"] = .list(more + old) } else { e.attributes["aliases"] = .list(more) }
                        }
                    }
                case "keywords":
                    var plain: [String] = []
                    for v in values {
                        guard let (k, value) = FtMSchemaMap.parseMarker(v) else { plain.append(v); continue }
                        switch k {
                        case "kind": e.kind = EntityKind(value)
                        case "role":
                            // Two role markers: a protected role is never given up for another
                            // (forced criminality), and the one not kept is said.
                            let role = PersonRole(value)
                            if let old = e.role, old != role {
                                let keep = old.isProtected || !role.isProtected ? old : role
                                warn(l, "two role markers, \(quoted(old.rawValue)) and \(quoted(role.rawValue)): \(quoted(keep.rawValue)) kept" + (keep.isProtected ? " (a protected role is never given up)" : ""))
                                e.role = keep
                            } else {
                                e.role = role
                            }
                        case "confidence":
                            if let c = Confidence(value) { e.confidence = c } else { warn(l, "marker \(v) is not an Admiralty grade: left out") }
                        case "from": from = PartialDate(value); if from == nil { warn(l, "marker \(v) is not a date: left out") }
                        case "to": to = PartialDate(value); if to == nil { warn(l, "marker \(v) is not a date: left out") }
                        case "country": e.country = value
                        case "unnamed": unnamed = true
                        default: plain.append(v)
                        }
                    }
                    if !plain.isEmpty { attribute("keywords", plain, schema: l.schema, into: &e.attributes, line: l) }
                case "country":
                    // Resolved against the country entities once all are read.
                    e.attributes["country"] = values.count == 1 ? .string(values[0]) : .list(values.map { .string($0) })
                case "proof": continue
                case _ where Self.provenanceProperties.contains(p) && madeSource: continue
                default:
                    if let prop = l.schema.properties[p], prop.type == "entity" {
                        let kind = LinkKind(FtMSchemaMap.snakeCase(p))
                        if !linkKinds.contains(kind) && !LinkKind.builtIn.contains(kind) { linkKinds.append(kind) }
                        for v in values {
                            guard thingIDs.contains(v), let target = ref(v) else {
                                warn(l, "\(p) refers to \(v), which is not in the file: left out")
                                continue
                            }
                            pending.append((k, Link(source: e.id, target: target, kind: kind)))
                        }
                    } else {
                        attribute(p, values, schema: l.schema, into: &e.attributes, line: l)
                    }
                }
            }
            if unnamed && e.name == e.id { e.name = nil }
            if from != nil || to != nil { e.period = Period(from: from, to: to) }
            for (k, v) in l.top { e.attributes[k] = v }
            if FtMSchemaMap.schema(forKind: e.kind, attributes: e.attributes) != l.schema.name {
                e.attributes["ftm_schema"] = .string(l.schema.name)
            }
            return e
        }

        mutating func resolveCountry(_ e: inout Entity, line: Line, countries: [String: String]) {
            guard let v = e.attributes["country"] else { return }
            var codes: [String] = []
            switch v {
            case .string(let s): codes = [s]
            case .list(let items): codes = items.compactMap(\.string)
            default: return
            }
            e.attributes["country"] = nil
            var rest: [String] = []
            for code in codes {
                if e.country == nil, let id = countries[code.lowercased()], id != e.id {
                    e.country = id
                } else if e.kind == .country, countries[code.lowercased()] == e.id {
                    continue
                } else {
                    rest.append(code)
                }
            }
            if !rest.isEmpty {
                warn(line, "country \(rest.joined(separator: ", ")) \(e.country == nil ? "names no country entity in the file" : "is a further country"): kept in attribute \"country\"")
                e.attributes["country"] = rest.count == 1 ? .string(rest[0]) : .list(rest.map { .string($0) })
            }
        }

        /// FtM's schema for what links entities of these schemas, the reader's default for an
        /// unknown end.
        static let legalEntity = FtMModel.schema("LegalEntity")!

        /// The schemas the writer would choose, by link kind and the schemas of its ends: a few
        /// combinations, each worked out once.
        var writtenSchemas: [WrittenSchemaKey: String] = [:]
        struct WrittenSchemaKey: Hashable {
            var kind: LinkKind
            var source: String
            var target: String
        }

        /// The schema the writer would choose for a link of `kind` between these ends.
        mutating func writtenSchema(_ kind: LinkKind, source: FtMModel.Schema, target: FtMModel.Schema) -> String {
            let key = WrittenSchemaKey(kind: kind, source: source.name, target: target.name)
            if let known = writtenSchemas[key] { return known }
            let written = FtMSchemaMap.linkSchema(kind, preferred: nil, source: source, target: target)
            writtenSchemas[key] = written
            return written
        }

        /// The entity an FtM reference names, by id: its id decoded.
        func ref(_ v: String?) -> String? { v.map(FtMID.decode) }

        /// Relation `l`, the `position`th, read as a link, with its ends' positions where known.
        mutating func link(_ l: Line, position: Int) -> (link: Link, ends: Ends)? {
            let name = l.schema.name
            var source: String?, target: String?
            // Few: an array, not a set per relation.
            var handled = ["proof", "startDate", "endDate", "description"]
            // In the order written, a key given twice in its first place with its last value, as
            // a dictionary keeps it (a dictionary's order had changed from run to run, and with
            // it the order of the markers kept in the description).
            var markers: [(key: String, value: String)] = []
            var description: [String] = []
            for v in l.values("description") {
                guard let (k, value) = FtMSchemaMap.parseMarker(v) else { description.append(v); continue }
                if let i = markers.firstIndex(where: { $0.key == k }) { markers[i].value = value } else { markers.append((k, value)) }
            }
            func marker(_ k: String) -> String? { markers.last { $0.key == k }?.value }
            if name == "Sanction" {
                target = ref(l.values("entity").first)
                handled.append("entity")
                if let v = l.values("entity").first, !thingIDs.contains(v) {
                    warn(l, "refers to \(v), which is not in the file: the sanctions link is left out")
                    return nil
                }
                if let id = marker("authority") {
                    source = id
                    handled.append("authority")
                } else if let authority = l.values("authority").first {
                    handled.append("authority")
                    if !namesIndexed {
                        namesIndexed = true
                        for e in dataset.entities {
                            guard let n = e.name else { continue }
                            if nameIndex[n] == nil { nameIndex[n] = e.id }
                            nameCount[n, default: 0] += 1
                        }
                    }
                    let named = nameCount[authority, default: 0]
                    if named == 1, let id = nameIndex[authority] {
                        source = id
                    } else {
                        // No entity of that name (or several): an agency named for the authority.
                        let id = "authority-" + String(authority.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
                        if dataset.index(of: id) == nil {
                            dataset.append(Entity(id: id, kind: .agency, name: authority))
                            locations.entities.append(.init(line: l.location.line, column: l.location.column))
                        }
                        warn(l, named == 0 ? "authority \"\(authority)\" is no entity of the file: read as agency \(id)"
                                           : "authority \"\(authority)\" names \(named) entities: read as agency \(id)")
                        source = id
                    }
                } else {
                    warn(l, "a Sanction without an authority: left out (tnet's sanctions link starts at who imposed it)")
                    return nil
                }
            } else if let (sp, tp) = l.schema.edge {
                let a = l.values(sp), b = l.values(tp)
                guard let first = a.first, let second = b.first else {
                    issues.append(ValidationIssue(.error, .missingField, "FtM entity \(quoted(l.id)): a \(name) needs \"\(sp)\" and \"\(tp)\"", at: l.location))
                    return nil
                }
                if a.count > 1 || b.count > 1 { warn(l, "names several \(sp) or \(tp): the first of each is read") }
                (source, target) = FtMSchemaMap.isReversed(name) ? (ref(second), ref(first)) : (ref(first), ref(second))
                handled += [sp, tp]
            }
            guard let source, let target else {
                issues.append(ValidationIssue(.error, .missingField, "FtM entity \(quoted(l.id)): a \(name) needs the entity it concerns", at: l.location))
                return nil
            }
            var kind = FtMSchemaMap.linkKinds[name] ?? LinkKind(FtMSchemaMap.snakeCase(name))
            var link = Link(source: source, target: target, kind: kind)
            if name == "UnknownLink", let role = l.values("role").first, l.values("role").count == 1,
               LinkKind.builtIn.contains(LinkKind(role)) || FtMSchemaMap.declaredLinkKinds[LinkKind(role)] != nil || marker("kind") == role {
                kind = LinkKind(role)
                handled.append("role")
            }
            if let k = marker("kind") { kind = LinkKind(k) }
            link.kind = kind
            link.sources = citations(l)
            let madeSource = l.values("proof").isEmpty && !link.sources.isEmpty
            func date(_ p: String) -> PartialDate? {
                guard let v = l.values(p).first else { return nil }
                if let d = PartialDate(v) ?? PartialDate(String(v.prefix(10))) { return d }
                warn(l, "\(p) \(v) is not a date: left out")
                return nil
            }
            let from = date("startDate"), to = date("endDate")
            if from != nil || to != nil { link.period = Period(from: from, to: to) }
            for (k, v) in markers {
                switch k {
                case "confidence":
                    link.confidence = Confidence(v)
                    if link.confidence == nil { warn(l, "marker tnet:confidence=\(v) is not an Admiralty grade: left out") }
                case "weight":
                    link.weight = Double(v).flatMap { $0.isFinite ? $0 : nil }
                    if link.weight == nil { warn(l, "marker tnet:weight=\(v) is not a number: left out") }
                case "directed":
                    link.directed = v == "true" ? true : v == "false" ? false : nil
                    if link.directed == nil { warn(l, "marker tnet:directed=\(v) is neither true nor false: left out") }
                case "agreement": link.agreement = v
                case "kind", "authority": break
                default: description.append(FtMSchemaMap.marker(k, v))
                }
            }
            if !description.isEmpty { attribute("description", description, schema: l.schema, into: &link.attributes, line: l) }
            for (p, values) in l.properties where !values.isEmpty && !handled.contains(p) {
                if Self.provenanceProperties.contains(p) && madeSource { continue }
                if l.schema.properties[p]?.type == "entity" {
                    warn(l, "\(p) (a reference on a relation) is not kept by tnet: left out")
                    continue
                }
                attribute(p, values, schema: l.schema, into: &link.attributes, line: l)
            }
            for (k, v) in l.top { link.attributes[k] = v }
            if l.id != "link-\(position)" { link.attributes["ftm_id"] = .string(l.id) }
            // Kept when the writer would choose another schema for this kind between these ends.
            // The ends are looked up here, for that and for adding the link (an end not known
            // yet, an agency made since the copy was taken, is looked up again when it is added).
            let ends = Ends(source: dataset.index(of: source), target: dataset.index(of: target))
            let written = writtenSchema(kind, source: schema(at: ends.source), target: schema(at: ends.target))
            if written != name { link.attributes["ftm_schema"] = .string(name) }
            return (link, ends)
        }
    }
}
