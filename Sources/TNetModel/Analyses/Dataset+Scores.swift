

extension Dataset {
    /// One per-entity measure as ``Scores``.
    /// - Parameters:
    ///   - measure: a per-entity measure (not edge betweenness; brokerage gives its total).
    ///   - options: how to compute it (NetworkX's defaults unless changed).
    /// - Returns: the values by entity.
    /// - Throws: `CentralityError` when the measure cannot be computed here (a per-link
    ///   measure, a failed convergence, a zero-length tie).
    /// - Complexity: the measure's (``CentralityMeasure``).
    public func scores(_ measure: CentralityMeasure, options: CentralityAnalysisOptions = CentralityAnalysisOptions()) throws(CentralityError) -> Scores {
        guard !measure.isPerLink else { throw CentralityError("\(measure.rawValue): one value per linked pair, not per entity") }
        let table = try centrality([measure], options: options)
        if let failure = table.failure { throw CentralityError(failure) }
        var values = [Double](repeating: .nan, count: entities.count)
        for (r, row) in table.rows.enumerated() { values[row.source] = table.values[0][r] }
        return Scores(measure: measure.columns[0], dataset: self, values: values)
    }

    private func options(weighted: Bool) -> CentralityAnalysisOptions {
        var o = CentralityAnalysisOptions()
        o.weighted = weighted
        return o
    }

    /// Degree centrality (NetworkX's `degree_centrality`: degree / (n − 1)).
    /// - Parameter weighted: use link weights (NetworkX's weighted degree).
    /// - Returns: the values by entity.
    /// - Throws: `CentralityError` when a weight cannot be used.
    /// - Complexity: O(n + m).
    public func degree(weighted: Bool = false) throws(CentralityError) -> Scores { try scores(.degree, options: options(weighted: weighted)) }

    /// Betweenness centrality (NetworkX's `betweenness_centrality`, exact, Brandes 2001): the
    /// share of shortest paths between other pairs that pass through each entity, on the
    /// dataset's default projection (directed when any link is).
    ///
    /// ```swift
    /// let brokers = try dataset.betweenness().top(5, targetsOnly: true)
    /// for (entity, value) in brokers { print(entity.label, value) }
    /// ```
    /// - Parameter weighted: read link weights as lengths.
    /// - Returns: the values by entity, normalised as NetworkX's.
    /// - Throws: `CentralityError` when a tie has length 0.
    /// - Complexity: O(nm) unweighted, O(nm + n² log n) weighted.
    public func betweenness(weighted: Bool = false) throws(CentralityError) -> Scores { try scores(.betweenness, options: options(weighted: weighted)) }

    /// Closeness centrality (NetworkX's `closeness_centrality`, Wasserman–Faust correction).
    /// - Parameter weighted: read link weights as lengths.
    /// - Returns: the values by entity.
    /// - Throws: `CentralityError` when a weight cannot be used.
    /// - Complexity: O(n(n + m)) unweighted, O(n(n + m) log n) weighted.
    public func closeness(weighted: Bool = false) throws(CentralityError) -> Scores { try scores(.closeness, options: options(weighted: weighted)) }

    /// PageRank (NetworkX's `pagerank`).
    /// - Parameters:
    ///   - damping: the damping factor (NetworkX's `alpha`).
    ///   - weighted: use link weights as strengths.
    /// - Returns: the values by entity, summing to 1.
    /// - Throws: `CentralityError` when the iteration does not converge.
    /// - Complexity: O(m) per iteration, at most 100 iterations.
    public func pagerank(damping: Double = 0.85, weighted: Bool = false) throws(CentralityError) -> Scores {
        var o = options(weighted: weighted)
        o.damping = damping
        return try scores(.pagerank, options: o)
    }

    /// Eigenvector centrality (NetworkX's `eigenvector_centrality`).
    /// - Parameter weighted: use link weights as strengths.
    /// - Returns: the values by entity, unit Euclidean norm.
    /// - Throws: `CentralityError` when the iteration does not converge.
    /// - Complexity: O(m) per iteration, at most 100 iterations.
    public func eigenvector(weighted: Bool = false) throws(CentralityError) -> Scores { try scores(.eigenvector, options: options(weighted: weighted)) }

    /// Gould–Fernandez brokerage: how many pairs of others each entity brokers between groups
    /// of entity kinds (links as directed).
    /// - Parameter partition: group by `kind`, `country`, `role` or an attribute name.
    /// - Returns: each entity's total brokerage count.
    /// - Throws: `CentralityError` when the partition cannot be made.
    /// - Complexity: O(Σ in-degree × out-degree).
    public func brokerage(partition: String = "kind") throws(CentralityError) -> Scores {
        var o = CentralityAnalysisOptions()
        o.partition = partition
        return try scores(.brokerage, options: o)
    }

    /// Core numbers (NetworkX's `core_number`; directed: in- plus out-degree).
    /// - Returns: each entity's core number.
    /// - Throws: `CentralityError` on self-loops, as NetworkX.
    /// - Complexity: O(n + m).
    public func coreNumbers() throws(CentralityError) -> Scores { try scores(.core) }
}
