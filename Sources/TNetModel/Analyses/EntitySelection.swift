extension Dataset {
    /// Entity indices named by a list of ids, entity kinds or names, as route, flow and
    /// projection queries take them: each item is an id first, else a kind with at least one
    /// entity, else a name or alias of one entity (``resolveEntity(_:what:)``).
    /// - Parameters:
    ///   - items: entity ids or kinds (`syndicate-a`, `compound`).
    ///   - what: the parameter the items came from, named in the error.
    /// - Returns: the positions, in order of first mention, each once.
    /// - Throws: ``AnalysisError/nothingSelected(item:parameter:)`` for an item that is none of
    ///   them; ``AnalysisError/ambiguousEntity(text:parameter:candidates:)`` for a name of several.
    /// - Complexity: O(*n*) per item that is a kind, O(1) expected per id.
    public func select(_ items: [String], what: String) throws(AnalysisError) -> [Int] {
        var result: [Int] = []
        var seen = Set<Int>()
        for item in items {
            if let i = index(of: item) {
                if seen.insert(i).inserted { result.append(i) }
                continue
            }
            let kind = EntityKind(item)
            let members = entities.indices.filter { entities[$0].kind == kind }
            guard !members.isEmpty else {
                do {
                    let i = try resolveEntity(item, what: what).index
                    if seen.insert(i).inserted { result.append(i) }
                    continue
                } catch .entityNotFound(_, _, let suggestions) where suggestions.isEmpty {
                    throw .nothingSelected(item: item, parameter: what)
                }
            }
            for i in members where seen.insert(i).inserted { result.append(i) }
        }
        return result
    }

    /// The entity index of `id`, or of the one entity it names (a name or alias, any case or
    /// spelling ``EntityLookup`` folds), or an error naming `what`.
    /// - Parameters:
    ///   - id: an entity id, name or alias.
    ///   - what: the parameter the id came from, named in the error.
    /// - Returns: the entity's position.
    /// - Throws: ``AnalysisError/entityNotFound(id:parameter:suggestions:)`` (with the closest
    ///   names) when it names none, ``AnalysisError/ambiguousEntity(text:parameter:candidates:)``
    ///   when it names several.
    public func require(_ id: String, what: String) throws(AnalysisError) -> Int {
        if let i = index(of: id) { return i }
        return try resolveEntity(id, what: what).index
    }
}
