import Synchronization

/// A dataset's entity ids, each with the position of its first entity.
///
/// A reader that numbers entities itself (on several threads, by the ids' bytes) knows how many
/// distinct ids there are without a table of `String`s; the table is then built the first time
/// an id is looked up. `tnet info` on a million entities never looks one up, and building the
/// table (a `String` hashed per entity) took as long as resolving every link's ends. Copies of
/// a dataset share the index until one of them appends an entity (``Dataset`` copies it then).
final class EntityIndex: Sendable {
    private let state: Mutex<(table: [String: Int32]?, distinct: Int)>

    /// An index of an existing table.
    init(_ table: [String: Int32]) {
        state = Mutex((table, table.count))
    }

    /// An index of `distinct` distinct ids, built from the entities when first asked.
    init(distinct: Int) {
        state = Mutex((nil, distinct))
    }

    /// The number of distinct ids (known before the table is built).
    var distinct: Int { state.withLock { $0.distinct } }

    /// The table, built from `entities` (the dataset's, in order) when not yet built: each id
    /// with its first position.
    func table(of entities: [Entity]) -> [String: Int32] {
        state.withLock { state in
            if let table = state.table { return table }
            let built = Self.build(entities, distinct: state.distinct)
            state.table = built
            return built
        }
    }

    /// Adds `id` at `position` unless an earlier entity has it (building the table from
    /// `entities`, those before it, when not yet built). Only for an index no copy shares.
    /// - Returns: whether the id is new.
    func insert(_ id: String, at position: Int32, entities: [Entity]) -> Bool {
        state.withLock { state in
            if state.table == nil { state.table = Self.build(entities, distinct: state.distinct) }
            guard state.table![id] == nil else { return false }
            state.table![id] = position
            state.distinct += 1
            return true
        }
    }

    private static func build(_ entities: [Entity], distinct: Int) -> [String: Int32] {
        var built = [String: Int32](minimumCapacity: distinct)
        for (i, e) in entities.enumerated() where built[e.id] == nil { built[e.id] = Int32(i) }
        return built
    }
}
