import TNetGraph

/// A network as investigators keep it: entities, the links between them, the sources behind
/// them. A value type; filters return new datasets.
///
/// Entities are addressed by id, and also by their position (`0 ..< entities.count`), which is
/// the node index of every graph projected from the dataset.
public struct Dataset: Sendable {
    /// The native format version this library reads and writes.
    public static let formatVersion = "tnet/1"

    /// A human-readable title for the network (shown in legends, summaries and briefings); nil
    /// when the file gives none.
    public var title: String?
    /// Free text describing the network's scope and provenance, as the file gives it.
    public var description: String?
    /// Default direction for links that do not say. `nil`: by link kind (symmetric kinds such as
    /// `cooperates_with` are undirected, the rest directed).
    public var directed: Bool? { didSet { projectionMemo = ProjectionMemo() } }
    /// The documents, reports and interviews that entities and links cite by id (each with its
    /// publisher and URL), in file order.
    public var sources: [Source]
    /// Kinds and roles declared beyond the built-in ones.
    public var schema: Schema { didSet { projectionMemo = ProjectionMemo() } }
    /// Top-level fields this version does not interpret (e.g. a `licence`), kept and written back.
    public var extra: Attributes
    /// The entities in file order; an entity's position here is its node index in every graph
    /// projected from the dataset. Changed only through ``append(_:)-(Entity)`` (and a reader's
    /// `append(contentsOf:)`), so that the id index stays valid.
    public private(set) var entities: [Entity] { didSet { projectionMemo = ProjectionMemo() } }
    /// The links in file order, dangling ones (naming no entity) included; changed only through
    /// ``append(_:)-(Link)`` (and a reader's `append(_:source:target:)`, given the ends'
    /// positions it looked up), so that resolved endpoints stay valid. Stored by column and built
    /// on access (``Links``).
    public var links: Links { Links(columns: linkColumns, entities: entities) }
    /// Where each entity and link was read, when a reader recorded it.
    public var locations: ReadLocations?

    /// Each id's first position: shared by copies, replaced when entities are appended.
    private var idIndex: EntityIndex
    /// The links, by column; endpoints as entity positions (`-1` when dangling).
    package private(set) var linkColumns: LinkColumns { didSet { projectionMemo = ProjectionMemo() } }
    /// The last projected graph (``graph(_:)``); replaced, never cleared, when anything it
    /// depends on changes.
    var projectionMemo = ProjectionMemo()

    /// Builds a dataset by appending `entities`, then `links`, in order (a duplicate id is kept
    /// and left to validation; a link naming no entity is kept and skipped by projection).
    /// - Parameters:
    ///   - entities: the entities, in file order.
    ///   - links: the links, in file order.
    ///   - sources: the sources entities and links cite.
    ///   - title: the network's title.
    ///   - description: free text about the network.
    ///   - directed: default direction of links that do not say (nil: by link kind).
    ///   - schema: kinds, roles and target-policy overrides declared beyond the built-in ones.
    ///   - extra: top-level fields to keep and write back uninterpreted.
    ///   - locations: where a reader found each entity and link.
    /// - Complexity: O(*n* + *m*) expected (one hash per id and per endpoint).
    public init(entities: [Entity] = [], links: [Link] = [], sources: [Source] = [], title: String? = nil,
                description: String? = nil, directed: Bool? = nil, schema: Schema = Schema(),
                extra: Attributes = Attributes(), locations: ReadLocations? = nil) {
        self.title = title
        self.schema = schema
        self.description = description
        self.directed = directed
        self.sources = sources
        self.extra = extra
        self.entities = entities
        self.linkColumns = LinkColumns()
        self.locations = locations
        // As appending one by one would: each id's first entity, then each link's ends.
        let table = EntityIndex.firstPositions(of: entities)
        self.idIndex = EntityIndex(table)
        linkColumns.reserveCapacity(links.count)
        for l in links {
            let s = table[l.source] ?? -1, t = table[l.target] ?? -1
            linkColumns.append(l, source: s, target: t,
                               sourceEntityID: s >= 0 ? entities[Int(s)].id : nil, targetEntityID: t >= 0 ? entities[Int(t)].id : nil)
        }
    }

    /// Builds a dataset from entities whose ids are known to be unique and links already stored
    /// by column with their endpoints resolved against those entities. For readers of large
    /// files, which intern ids as they go; skips re-hashing every id.
    package init(uniqueEntities entities: [Entity], index: [String: Int32], links: LinkColumns,
                 directed: Bool?, locations: ReadLocations? = nil) {
        precondition(index.count == entities.count)
        self.init(entities: entities, firstPositions: index, links: links, directed: directed, locations: locations)
    }

    /// Builds a dataset from entities, the position of each id's first entity (fewer entries
    /// than entities when ids repeat, as ``append(_:)-(Entity)`` would have kept them) and links
    /// by column whose ends were resolved against that index. For readers that number entities
    /// themselves (on several threads).
    package init(entities: [Entity], firstPositions index: [String: Int32], links: LinkColumns,
                 directed: Bool?, locations: ReadLocations? = nil) {
        precondition(index.count <= entities.count)
        self.init(entities: entities, idIndex: EntityIndex(index), links: links, directed: directed, locations: locations)
    }

    /// Builds a dataset from entities with `distinctIDs` distinct ids, as a reader that
    /// numbered them itself counted, and links by column whose ends were resolved against
    /// those entities (each id to its first entity). The index of ids by `String` is built
    /// when an id is first looked up.
    package init(entities: [Entity], distinctIDs: Int, links: LinkColumns, directed: Bool?,
                 locations: ReadLocations? = nil) {
        precondition(distinctIDs <= entities.count)
        self.init(entities: entities, idIndex: EntityIndex(distinct: distinctIDs), links: links, directed: directed, locations: locations)
    }

    private init(entities: [Entity], idIndex: EntityIndex, links: LinkColumns, directed: Bool?, locations: ReadLocations?) {
        self.title = nil
        self.description = nil
        self.directed = directed
        self.sources = []
        self.schema = Schema()
        self.extra = Attributes()
        self.entities = entities
        self.linkColumns = links
        self.locations = locations
        self.idIndex = idIndex
    }

    /// The ids' table, built now when it was not.
    private var indexByID: [String: Int32] { idIndex.table(of: entities) }

    /// Adds an entity. A duplicate id is kept (validation reports it); lookups find the first.
    /// - Parameter entity: the entity to add at the end.
    /// - Complexity: O(1) amortised, plus the endpoints of earlier links that name its id.
    public mutating func append(_ entity: Entity) {
        var table = indexByID
        // The old index let go first, so that the table grows in place (unless a copy of the
        // dataset shares it: the copy keeps it as it was).
        idIndex = Self.noIndex
        let position = Int32(entities.count)
        let new = table[entity.id] == nil
        if new { table[entity.id] = position }
        idIndex = EntityIndex(table)
        entities.append(entity)
        // Links added before this entity may name it.
        if new && !linkColumns.danglingIDs.isEmpty { linkColumns.resolve(entity.id, at: position) }
    }

    private static let noIndex = EntityIndex([:])

    /// Adds `new` entities at the end, as appending each in turn would, with one new index.
    /// - Complexity: O(`new.count`) expected.
    package mutating func append(contentsOf new: [Entity]) {
        guard !entities.isEmpty || !linkColumns.danglingIDs.isEmpty else {
            // Into an empty dataset: the entities taken whole (appended, each was copied), their
            // table made as a dataset made of them makes it.
            entities = new
            idIndex = EntityIndex(EntityIndex.firstPositions(of: new))
            return
        }
        var table = indexByID
        idIndex = Self.noIndex
        table.reserveCapacity(table.count + new.count)
        var resolve: [(String, Int32)] = []
        for (i, e) in new.enumerated() where table[e.id] == nil {
            let position = Int32(entities.count + i)
            table[e.id] = position
            if !linkColumns.danglingIDs.isEmpty { resolve.append((e.id, position)) }
        }
        idIndex = EntityIndex(table)
        entities += new
        for (id, position) in resolve { linkColumns.resolve(id, at: position) }
    }

    /// Adds a link whose ends are the entities at positions `source` and `target`, already
    /// looked up by the caller (a reader that has them).
    /// - Complexity: O(1) amortised.
    package mutating func append(_ link: Link, source: Int, target: Int) {
        linkColumns.append(link, source: Int32(source), target: Int32(target),
                           sourceEntityID: entities[source].id, targetEntityID: entities[target].id)
    }

    /// Adds a link. An endpoint that names no entity is kept (validation reports it) and is
    /// skipped by projection; an entity appended later under that id resolves it.
    /// - Parameter link: the link to add at the end.
    /// - Complexity: O(1) amortised.
    public mutating func append(_ link: Link) {
        let index = indexByID
        let s = index[link.source] ?? -1, t = index[link.target] ?? -1
        linkColumns.append(link, source: s, target: t,
                           sourceEntityID: s >= 0 ? entities[Int(s)].id : nil, targetEntityID: t >= 0 ? entities[Int(t)].id : nil)
    }

    /// Whether two entities share an id (a validation error).
    /// - Complexity: O(1).
    public var entityIDsRepeat: Bool { idIndex.distinct != entities.count }

    /// Position of the entity with `id` (the first, when ids repeat).
    /// - Parameter id: an entity id, compared exactly.
    /// - Returns: the position in ``entities``, or nil when no entity has that id.
    /// - Complexity: O(1) expected (a hash lookup).
    public func index(of id: String) -> Int? { indexByID[id].map(Int.init) }

    /// The entity with `id` (the first, when ids repeat), or nil when there is none.
    /// - Parameter id: an entity id, compared exactly.
    public subscript(id id: String) -> Entity? { index(of: id).map { entities[$0] } }

    /// Entity positions of a link's endpoints, `nil` for one that names no entity.
    /// - Parameter i: a position in ``links``.
    /// - Returns: the source's and the target's positions in ``entities``.
    /// - Complexity: O(1): endpoints are resolved when links are appended.
    public func endpoints(ofLink i: Int) -> (source: Int?, target: Int?) {
        let s = linkColumns.ends[2 * i], t = linkColumns.ends[2 * i + 1]
        return (s < 0 ? nil : Int(s), t < 0 ? nil : Int(t))
    }

    /// Whether link `link` is directed: its own `directed`, else the dataset's, else by kind
    /// (a kind the ``schema`` declares symmetric, such as `cooperates_with`, is undirected).
    /// - Parameter link: a link of this dataset.
    /// - Returns: true when the link runs from its source to its target only.
    public func isDirected(_ link: Link) -> Bool {
        link.directed ?? directed ?? !schema.isSymmetric(link.kind)
    }

    /// The dataset's title, description, direction, sources, schema and extra fields with
    /// no entities or links: the start of a derived dataset.
    /// - Returns: an empty dataset with this one's metadata (read locations are not kept).
    public func emptyCopy() -> Dataset {
        Dataset(sources: sources, title: title, description: description, directed: directed, schema: schema,
                extra: extra)
    }

    /// Calls `body(linkIndex, sourcePosition, targetPosition)` for every link whose endpoints
    /// both exist, in link order; dangling links are skipped.
    /// - Parameter body: called with the link's position in ``links`` and its endpoints'
    ///   positions in ``entities``.
    /// - Throws: whatever `body` throws (the iteration stops there).
    /// - Complexity: O(*m*).
    public func forEachResolvedLink(_ body: (Int, Int32, Int32) throws -> Void) rethrows {
        try linkColumns.ends.withUnsafeBufferPointer { ep in
            for i in 0 ..< ep.count / 2 {
                let s = ep[2 * i], t = ep[2 * i + 1]
                if s >= 0 && t >= 0 { try body(i, s, t) }
            }
        }
    }

    /// Number of entities of each kind, most numerous first, ties by kind name.
    /// - Returns: one pair per kind present.
    /// - Complexity: O(*n*).
    public func entityCountsByKind() -> [(kind: EntityKind, count: Int)] {
        var counts: [EntityKind: Int] = [:]
        // Counted by runs of one kind (files list entities mostly kind by kind): a hash per run.
        var run: (kind: EntityKind, count: Int)?
        for e in entities {
            if run?.kind == e.kind { run!.count += 1; continue }
            if let run { counts[run.kind, default: 0] += run.count }
            run = (e.kind, 1)
        }
        if let run { counts[run.kind, default: 0] += run.count }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Number of links of each kind, most numerous first, ties by kind name.
    /// - Returns: one pair per kind present.
    /// - Complexity: O(*m*).
    public func linkCountsByKind() -> [(kind: LinkKind, count: Int)] {
        var byIndex = [Int](repeating: 0, count: linkColumns.kindTable.count)
        for i in 0 ..< linkColumns.count { byIndex[linkColumns.kindOf(i)] += 1 }
        var counts: [LinkKind: Int] = [:]
        for (k, n) in zip(linkColumns.kindTable, byIndex) where n > 0 { counts[k, default: 0] += n }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}

/// Positions recorded by a reader: one file, a line and column per entity and per link.
public struct ReadLocations: Sendable, Hashable {
    /// A line and column in a file, both from 1, stored compactly (millions are kept for a
    /// large file).
    public struct Position: Sendable, Hashable {
        /// The line, from 1.
        public var line: Int32
        /// The column, from 1.
        public var column: Int32
        /// A position; values beyond `Int32` are clamped.
        /// - Parameters:
        ///   - line: the line, from 1.
        ///   - column: the column, from 1.
        public init(line: Int, column: Int) {
            self.line = Int32(clamping: line)
            self.column = Int32(clamping: column)
        }
    }

    /// The file the entities were read from (and everything else, unless named below).
    public var file: String
    /// When links were read from another file than entities (CSV): that file.
    public var linksFile: String?
    /// When sources were read from another file (CSV): that file.
    public var sourcesFile: String?
    /// Where each entity starts, by entity position (may be shorter than the entities).
    public var entities: [Position]
    /// Where each link starts, by link position (may be shorter than the links).
    public var links: [Position]
    /// Where each source starts, by source position (may be shorter than the sources).
    public var sources: [Position]

    /// Recorded positions in `file`.
    /// - Parameters:
    ///   - file: the file read.
    ///   - entities: the entities' positions, in entity order.
    ///   - links: the links' positions, in link order.
    ///   - sources: the sources' positions, in source order.
    public init(file: String, entities: [Position] = [], links: [Position] = [], sources: [Position] = []) {
        self.file = file
        self.entities = entities
        self.links = links
        self.sources = sources
    }

    private func location(_ positions: [Position], _ i: Int, _ file: String) -> SourceLocation? {
        i < positions.count ? SourceLocation(file: file, line: Int(positions[i].line), column: Int(positions[i].column)) : nil
    }

    /// Where source `i` was read, in ``sourcesFile`` when set, else ``file``; nil when not recorded.
    /// - Parameter i: a position in the dataset's sources.
    public func source(_ i: Int) -> SourceLocation? { location(sources, i, sourcesFile ?? file) }
    /// Where entity `i` was read, in ``file``; nil when not recorded.
    /// - Parameter i: a position in the dataset's entities.
    public func entity(_ i: Int) -> SourceLocation? { location(entities, i, file) }
    /// Where link `i` was read, in ``linksFile`` when set, else ``file``; nil when not recorded.
    /// - Parameter i: a position in the dataset's links.
    public func link(_ i: Int) -> SourceLocation? { location(links, i, linksFile ?? file) }
}

extension Dataset {
    /// The entities and links whose flags are set, with everything else of the dataset kept.
    /// Links are kept only when both endpoints are; read locations follow what is kept.
    /// - Parameters:
    ///   - keepEntity: one flag per entity, in entity order.
    ///   - keepLink: one flag per link, in link order (dangling links are always dropped).
    /// - Returns: the subset, entities and links in their original order.
    /// - Complexity: O(*n* + *m*).
    public func subset(entities keepEntity: [Bool], links keepLink: [Bool]) -> Dataset {
        precondition(keepEntity.count == entities.count && keepLink.count == links.count)
        var loc = locations.map { l -> ReadLocations in
            var r = ReadLocations(file: l.file, sources: l.sources)
            r.linksFile = l.linksFile
            r.sourcesFile = l.sourcesFile
            return r
        }
        var position = [Int32](repeating: -1, count: entities.count)
        var kept: [Entity] = []
        kept.reserveCapacity(keepEntity.lazy.filter { $0 }.count)
        for i in entities.indices where keepEntity[i] {
            position[i] = Int32(kept.count)
            kept.append(entities[i])
            if let p = locations?.entities, i < p.count { loc?.entities.append(p[i]) }
        }
        // A link names the first entity of its id (ids may repeat in a dataset built in code;
        // loading refuses them).
        let (columns, keptLinks) = linkColumns.subset(position: position) { i, s, t in
            keepLink[i] && keepEntity[Int(s)] && keepEntity[Int(t)]
        }
        if let p = locations?.links { for i in keptLinks where i < p.count { loc?.links.append(p[i]) } }
        // Built whole, not entity by entity: the table of ids by `String` is made only when
        // an id is looked up (or now, when ids repeat, to know each one's first entity).
        var out = entityIDsRepeat
            ? Dataset(entities: kept, firstPositions: EntityIndex.firstPositions(of: kept), links: columns, directed: directed, locations: loc)
            : Dataset(entities: kept, distinctIDs: kept.count, links: columns, directed: directed, locations: loc)
        out.title = title
        out.description = description
        out.sources = sources
        out.schema = schema
        out.extra = extra
        return out
    }
}
