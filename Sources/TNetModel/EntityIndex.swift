import Synchronization

/// A dataset's entity ids, each with the position of its first entity.
///
/// A reader that numbers entities itself (on several threads, by the ids' bytes) knows how many
/// distinct ids there are without a table of `String`s; the table is then built the first time
/// an id is looked up. `tnet info` on a million entities never looks one up, and building the
/// table (a `String` hashed per entity) took as long as resolving every link's ends. A table
/// given whole is read without a lock; one built on first use is read under one. An index is
/// never changed once made: ``Dataset`` makes a new one when it appends an entity, so copies of
/// a dataset keep their own.
package final class EntityIndex: Sendable {
    private let given: [String: Int32]?
    private let built: Mutex<[String: Int32]?>
    /// The number of distinct ids (known before the table is built).
    let distinct: Int

    /// An index of an existing table.
    init(_ table: [String: Int32]) {
        given = table
        built = Mutex(nil)
        distinct = table.count
    }

    /// An index of `distinct` distinct ids, built from the entities when first asked.
    init(distinct: Int) {
        given = nil
        built = Mutex(nil)
        self.distinct = distinct
    }

    /// The table, built from `entities` (the dataset's, in order) when not yet built: each id
    /// with its first position.
    func table(of entities: [Entity]) -> [String: Int32] {
        if let given { return given }
        return built.withLock { table in
            if let table { return table }
            let made = Self.firstPositions(of: entities)
            table = made
            return made
        }
    }

    /// Each id of `entities` with the position of its first entity (as appending them one by
    /// one keeps it).
    package static func firstPositions(of entities: [Entity]) -> [String: Int32] {
        var table = [String: Int32](minimumCapacity: entities.count)
        // From the last to the first, each id set once (one hash, the id read in place, not
        // the entity copied): what remains is each id's first position.
        entities.withUnsafeBufferPointer { es in
            for i in es.indices.reversed() { table[es[i].id] = Int32(i) }
        }
        return table
    }
}
