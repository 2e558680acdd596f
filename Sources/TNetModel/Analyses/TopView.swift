extension Dataset {
    /// The `count` entities ranked highest by `measure` (ties by id in code point order) and the
    /// links among them: a readable summary of a large network (what a diagram's view draws).
    /// - Parameters:
    ///   - count: how many entities to keep.
    ///   - measure: a per-entity measure (not edge betweenness, not brokerage).
    ///   - options: how to compute the measure.
    /// - Returns: the view (entities in their original order, links among them kept) and the
    ///   measure's value of each kept entity, in the view's entity order.
    /// - Throws: ``CentralityError`` when the measure is per link or brokerage, or cannot be
    ///   computed on this graph.
    /// - Complexity: the measure's (``CentralityMeasure``), plus O(*n* log *n*) to rank.
    public func top(_ count: Int, by measure: CentralityMeasure,
                    options: CentralityAnalysisOptions = CentralityAnalysisOptions()) throws(CentralityError) -> (dataset: Dataset, values: [Double]) {
        guard !measure.isPerLink, measure != .brokerage else {
            throw CentralityError("\(measure.rawValue): a view needs one value per entity")
        }
        let table = try centrality([measure], options: options)
        // A measure that did not converge ranks nothing: ordering by its NaN would pick the
        // first ids and call them the highest (helper-66).
        if let failure = table.failure { throw CentralityError(failure) }
        let order = table.sortedRows(ids: { self.entities[$0].id })
        var keep = [Bool](repeating: false, count: entities.count)
        var values: [Double] = []
        for r in order.prefix(count) { keep[table.rows[r].source] = true }
        for (row, key) in table.rows.enumerated() where keep[key.source] { values.append(table.values[0][row]) }
        return (subset(entities: keep, links: [Bool](repeating: true, count: links.count)), values)
    }
}
