extension Dataset {
    /// Entity indices named by a list of ids or entity kinds, as route, flow and projection
    /// queries take them: each item is an id first, else a kind with at least one entity.
    /// - Parameters:
    ///   - items: entity ids or kinds (`syndicate-a`, `compound`).
    ///   - what: the parameter the items came from, named in the error.
    /// - Returns: the positions, in order of first mention, each once.
    /// - Throws: ``AnalysisError/nothingSelected(item:parameter:)`` for an item that is neither.
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
                throw .nothingSelected(item: item, parameter: what)
            }
            for i in members where seen.insert(i).inserted { result.append(i) }
        }
        return result
    }

    /// The entity index of `id`, or an error naming `what`.
    /// - Parameters:
    ///   - id: an entity id.
    ///   - what: the parameter the id came from, named in the error.
    /// - Returns: the entity's position.
    /// - Throws: ``AnalysisError/entityNotFound(id:parameter:)`` when no entity has the id.
    public func require(_ id: String, what: String) throws(AnalysisError) -> Int {
        guard let i = index(of: id) else { throw .entityNotFound(id: id, parameter: what) }
        return i
    }
}
