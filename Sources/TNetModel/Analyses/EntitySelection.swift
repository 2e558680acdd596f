extension Dataset {
    /// Entity indices named by a list of ids or entity kinds (`ID|KIND`, as the CLI's `--from`,
    /// `--via`, `--avoid`): an id first, else a kind with at least one entity. `what` names the
    /// option in the error for anything else.
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
    public func require(_ id: String, what: String) throws(AnalysisError) -> Int {
        guard let i = index(of: id) else { throw .entityNotFound(id: id, parameter: what) }
        return i
    }
}
