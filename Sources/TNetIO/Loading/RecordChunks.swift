import Foundation
import TNetGraph
import TNetModel

/// Entities and links read in chunks on every core, then joined in file order: what the chunked
/// readers (native JSON, GraphML) share once each chunk has made its records.
enum RecordChunks {
    /// A chunk's entities, moved (not copied) into the dataset's array at the end: copying
    /// an `Entity` retains each of its strings and lists, a million times over.
    final class EntityStore: @unchecked Sendable {
        private var base: UnsafeMutablePointer<Entity>
        private(set) var count = 0
        private var capacity: Int

        init(capacity: Int) {
            self.capacity = max(16, capacity)
            base = .allocate(capacity: self.capacity)
        }

        /// Takes `e` (moved in, not copied: a copy retains each of its strings and lists).
        func append(_ e: consuming Entity) {
            if count == capacity {
                capacity *= 2
                let grown = UnsafeMutablePointer<Entity>.allocate(capacity: capacity)
                grown.moveInitialize(from: base, count: count)
                base.deallocate()
                base = grown
            }
            (base + count).initialize(to: e)
            count += 1
        }

        /// Moves every entity to `p` (uninitialized memory), leaving the store empty.
        func move(to p: UnsafeMutablePointer<Entity>) {
            p.moveInitialize(from: base, count: count)
            count = 0
        }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }
    }

    /// Byte strings one after another, with their hashes.
    struct ByteList: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int32] = []
        var hashes: [UInt64] = []
        /// Whether any string has a byte beyond ASCII.
        var nonASCII = false

        mutating func append(_ p: UnsafePointer<UInt8>, _ count: Int) {
            bytes.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
            ends.append(Int32(bytes.count))
            hashes.append(ByteKeyTable.hash(p, count))
            if !nonASCII { for i in 0 ..< count where p[i] >= 0x80 { nonASCII = true; break } }
        }

        mutating func append(_ s: String) {
            var s = s
            s.withUTF8 { u in
                if let b = u.baseAddress { append(b, u.count) } else {
                    ends.append(Int32(bytes.count))
                    hashes.append(ByteKeyTable.hash(UnsafePointer(bitPattern: 1)!, 0))
                }
            }
        }

        func range(_ i: Int) -> Range<Int> { (i == 0 ? 0 : Int(ends[i - 1])) ..< Int(ends[i]) }

        /// Calls `body(i, bytes, count, hash)` for each string, in order. With `ahead`, calls it
        /// first for each string's hash some strings ahead (to ask a table to bring what their
        /// lookups will read into the cache: ``ByteKeyTable/prefetch(_:entry:)``).
        func forEach(ahead: ((UInt64, _ entry: Bool) -> Void)? = nil, _ body: (Int, UnsafePointer<UInt8>, Int, UInt64) -> Void) {
            bytes.withUnsafeBufferPointer { all in
                // An empty list has no base address; an empty string needs none.
                let base = all.baseAddress ?? UnsafePointer(bitPattern: 1)!
                let n = ends.count
                for i in 0 ..< n {
                    if let ahead {
                        // A slot asked for 16 lookups ahead has arrived by 8 ahead, when the
                        // entry it names is asked for.
                        if i + 16 < n { ahead(hashes[i + 16], false) }
                        if i + 8 < n { ahead(hashes[i + 8], true) }
                    }
                    let r = range(i)
                    body(i, base + r.lowerBound, r.count, hashes[i])
                }
            }
        }

        mutating func reserve(_ count: Int, bytes: Int) {
            self.bytes.reserveCapacity(bytes)
            ends.reserveCapacity(count)
            hashes.reserveCapacity(count)
        }
    }

    /// What one chunk read: its entities and links, each with its position (counted from the
    /// chunk's start), and the bytes of the entities' ids and of the links' ends.
    struct Records: @unchecked Sendable {
        var entities = EntityStore(capacity: 0)
        var entityPositions: [ReadLocations.Position] = []
        var links = LinkColumns.Parts()
        var linkPositions: [ReadLocations.Position] = []
        /// Ids' bytes (entity `i`: `ids.bytes[ids.ends[i - 1] ..< ids.ends[i]]`) and hashes.
        var ids = ByteList()
        /// Link ends' bytes, two per link, and hashes.
        var ends = ByteList()

        /// Appends an entity read at `at` (moved in, not copied).
        mutating func append(_ e: consuming Entity, at: ReadLocations.Position) {
            ids.append(e.id)
            entityPositions.append(at)
            entities.append(e)
        }

        /// Appends a link read at `at`, its values numbered in the chunk's tables.
        mutating func append(_ l: Link, at: ReadLocations.Position) {
            ends.append(l.source)
            ends.append(l.target)
            links.append(valuesOf: l)
            linkPositions.append(at)
        }
    }

    /// Each chunk's start in the file (0-based line, column): the first's is `first`, and each
    /// next one is where the one before stopped, its `cursor` counted from its own start.
    static func starts(first: (line: Int, column: Int), cursors: [(line: Int, column: Int)]) -> [(line: Int, column: Int)] {
        var starts = [first]
        for c in cursors {
            let s = starts.last!
            starts.append(c.line == 0 ? (s.line, s.column + c.column - 1) : (s.line + c.line, c.column))
        }
        return starts
    }

    /// Positions counted from a chunk's start, moved to the file's: `s` is the chunk's start
    /// (0-based line, column).
    static func shift(_ positions: [ReadLocations.Position], _ s: (line: Int, column: Int), into out: inout [ReadLocations.Position]) {
        for p in positions {
            out.append(ReadLocations.Position(line: Int(p.line) + s.line, column: p.line == 1 ? Int(p.column) + s.column - 1 : Int(p.column)))
        }
    }

    /// Issues located from a chunk's start, moved to the file's.
    static func shift(_ issues: [ValidationIssue], _ s: (line: Int, column: Int), into out: inout [ValidationIssue]) {
        for var i in issues {
            i.location = i.location.map { TextPositions.shifted($0, by: s) }
            out.append(i)
        }
    }

    /// Joins the chunks' records, in order, into one dataset: the entities moved into one array,
    /// the links' value tables merged in order of first use, the ends resolved (as
    /// ``Dataset/init(entities:links:sources:title:description:directed:schema:extra:)``
    /// resolves them), the positions moved to the file's. Each chunk's columns are let go as
    /// they are joined.
    /// - Parameters:
    ///   - records: Each chunk's records, emptied.
    ///   - starts: Each chunk's start in the file (0-based line, column).
    ///   - locations: The positions known so far (of sources); entities' and links' are set.
    ///   - metadata: The dataset's direction, title, description, sources, schema and extra
    ///     fields, as the reader found them (its entities and links are not read).
    static func join(_ records: inout [Records], starts: [(line: Int, column: Int)], locations: ReadLocations,
                     metadata: Dataset, threads: Int) -> Dataset {
        let directed = metadata.directed
        var locations = locations
        // Three jobs on the threads: the entities moved into one array with their positions;
        // their ids indexed by bytes; the links' columns merged with their positions. Each
        // chunk's columns are let go once copied: peak memory holds the dataset once.
        let entityCount = records.reduce(0) { $0 + $1.entities.count }
        let linkCount = records.reduce(0) { $0 + $1.links.kindIndex.count }
        // Ids by their bytes, each with its first entity (as the dataset's index keeps it),
        // where byte equality is String equality: every id ASCII.
        let byBytesUsable = !records.contains { $0.ids.nonASCII }
        nonisolated(unsafe) var entities: [Entity] = []
        nonisolated(unsafe) var entityPositions: [ReadLocations.Position] = []
        nonisolated(unsafe) var byBytes = ByteKeyTable(capacity: byBytesUsable ? entityCount : 0)
        nonisolated(unsafe) var firstPosition: [Int32] = []
        nonisolated(unsafe) var links = LinkColumns.Parts()
        nonisolated(unsafe) var linkPositions: [ReadLocations.Position] = []
        var linkBase: [Int] = []
        var offset = 0
        for r in records {
            linkBase.append(offset)
            offset += r.links.kindIndex.count
        }
        // Each job gets its own lists, taken out of the records first: no two threads ever
        // touch the same value (a value read or written whole by one job while another
        // replaces one of its fields is a race, and a debug build copies whole values).
        nonisolated(unsafe) var stores: [EntityStore] = [], entityPositionLists: [[ReadLocations.Position]] = []
        nonisolated(unsafe) var idLists: [ByteList] = []
        nonisolated(unsafe) var linkParts: [LinkColumns.Parts] = [], linkPositionLists: [[ReadLocations.Position]] = []
        for k in records.indices {
            stores.append(records[k].entities)
            records[k].entities = EntityStore(capacity: 0)
            entityPositionLists.append(records[k].entityPositions)
            records[k].entityPositions = []
            idLists.append(records[k].ids)
            records[k].ids = ByteList()
            linkParts.append(records[k].links)
            records[k].links = LinkColumns.Parts()
            linkPositionLists.append(records[k].linkPositions)
            records[k].linkPositions = []
        }
        let count = records.count
        forEachChunk(3, threads: threads) { job, _ in
            switch job {
            case 0:
                var moved = 0
                entities = [Entity](unsafeUninitializedCapacity: entityCount) { out, count in
                    for store in stores where store.count > 0 {
                        let c = store.count
                        store.move(to: out.baseAddress! + moved)
                        moved += c
                    }
                    count = moved
                }
                stores = []
                entityPositions.reserveCapacity(entityCount)
                for k in 0 ..< count {
                    shift(entityPositionLists[k], starts[k], into: &entityPositions)
                    entityPositionLists[k] = []
                }
            case 1:
                guard byBytesUsable else { idLists = []; return }
                var position: Int32 = 0
                for k in 0 ..< count {
                    idLists[k].forEach { _, p, count, hash in
                        if byBytes.insert(p, count, hash: hash).inserted { firstPosition.append(position) }
                        position += 1
                    }
                    idLists[k] = ByteList()
                }
            default:
                // Value tables merged in order of first use, as appending them one by one would.
                links.ends = [Int32](repeating: -1, count: 2 * linkCount)
                links.reserveCapacity(linkCount)
                linkPositions.reserveCapacity(linkCount)
                for k in 0 ..< count {
                    let c = linkParts[k]
                    linkParts[k] = LinkColumns.Parts()
                    links.appendValues(of: c)
                    shift(linkPositionLists[k], starts[k], into: &linkPositions)
                    linkPositionLists[k] = []
                }
            }
        }
        locations.entities = entityPositions
        locations.links = linkPositions
        entityPositions = []
        linkPositions = []

        // Ends: by bytes where that is exact (every id ASCII, and the end too), the chunks
        // shared out between the threads. The others by String (a non-ASCII end may equal an
        // ASCII id as Swift compares strings: the Kelvin sign and "K"), against the
        // dataset's own index, built here only when one needs it.
        var index: [String: Int32]?
        var dangling: [(slot: Int, id: String)] = []
        var later: [(slot: Int, id: String)] = []
        links.ends.withUnsafeMutableBufferPointer { ends in
            nonisolated(unsafe) let ends = ends
            if byBytesUsable {
                var missed = [(dangling: [(slot: Int, id: String)], later: [(slot: Int, id: String)])](repeating: ([], []), count: records.count)
                missed.withUnsafeMutableBufferPointer { missed in
                    nonisolated(unsafe) let missed = missed
                    let byBytes = byBytes, firstPosition = firstPosition
                    forEachChunk(records.count, threads: threads) { k, _ in
                        let maybeNonASCII = records[k].ends.nonASCII
                        records[k].ends.forEach(ahead: { byBytes.prefetch($0, entry: $1) }) { e, p, count, hash in
                            let slot = 2 * linkBase[k] + e
                            let bytes = UnsafeBufferPointer(start: p, count: count)
                            if maybeNonASCII && bytes.contains(where: { $0 >= 0x80 }) {
                                missed[k].later.append((slot, String(decoding: bytes, as: UTF8.self)))
                            } else if let number = byBytes.find(p, count, hash: hash) {
                                ends[slot] = firstPosition[Int(number)]
                            } else {
                                missed[k].dangling.append((slot, String(decoding: bytes, as: UTF8.self)))
                            }
                        }
                    }
                }
                dangling = missed.flatMap(\.dangling)
                later = missed.flatMap(\.later)
            } else {
                for (k, r) in records.enumerated() {
                    r.ends.forEach { e, p, count, _ in
                        later.append((2 * linkBase[k] + e, String(decoding: UnsafeBufferPointer(start: p, count: count), as: UTF8.self)))
                    }
                }
            }
            guard !later.isEmpty || !byBytesUsable else { return }
            let table = EntityIndex.firstPositions(of: entities)
            for (slot, id) in later {
                if let found = table[id] {
                    ends[slot] = found
                    if !entities[Int(found)].id.utf8.elementsEqual(id.utf8) { links.spellings[slot] = id }
                } else {
                    dangling.append((slot, id))
                }
            }
            index = table
        }
        dangling.sort { $0.slot < $1.slot }
        links.dangling = dangling

        var dataset = index.map {
            Dataset(entities: entities, firstPositions: $0, links: LinkColumns(links), directed: directed, locations: locations)
        } ?? Dataset(entities: entities, distinctIDs: byBytes.count, links: LinkColumns(links), directed: directed,
                     locations: locations)
        dataset.title = metadata.title
        dataset.description = metadata.description
        dataset.sources = metadata.sources
        dataset.schema = metadata.schema
        dataset.extra = metadata.extra
        return dataset
    }
}
