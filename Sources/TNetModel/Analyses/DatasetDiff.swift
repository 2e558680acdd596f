/// What changed between two states of a network: two snapshots of one dataset (as of two dates)
/// or two datasets.
public struct DatasetDiff: Sendable {
    /// A link as a fact to compare: its ends by id and its kind (an undirected link with the
    /// smaller id first, so either order of its ends is the same fact).
    public struct LinkKey: Sendable, Hashable {
        /// The source's id (the smaller id for an undirected link).
        public var source: String
        /// The target's id.
        public var target: String
        /// The link's kind.
        public var kind: LinkKind
    }

    /// One entity's value of the measure before and after.
    public struct Change: Sendable {
        /// The entity's id.
        public var id: String
        /// The value before (0 when the entity was absent).
        public var before: Double
        /// The value after (0 when the entity is absent).
        public var after: Double
        /// The change, `after − before`.
        public var delta: Double { after - before }
    }

    /// Entity ids present only after, or only before (code point order).
    public var entitiesAppeared: [String]
    /// Entity ids present only before (code point order).
    public var entitiesEnded: [String]
    /// Links by (source, target, kind); a pair stated twice before and once after has one ended.
    public var linksAppeared: [LinkKey]
    /// Links present before and not after, as many times as they lost statements.
    public var linksEnded: [LinkKey]
    /// The measure's largest changes (entities absent on one side count 0), largest |Δ| first.
    public var changes: [Change]
    /// The measure whose changes are listed.
    public var measure: CentralityMeasure
    /// What the measure says of its values on each side, such as a sampled measure's error
    /// bound (`before: approx-betweenness: 1204 sampled paths …`).
    public var notes: [String] = []
    /// Whether either side's values were sampled (approx-betweenness that drew a sample rather
    /// than computing exactly): a change within the two bounds may then be sampling error.
    public private(set) var isSampled = false

    /// Compares `before` with `after`: entities by id, links by (source, target, kind) counted
    /// with multiplicity, and `measure` computed on each with default options.
    /// - Parameters:
    ///   - before: the earlier state.
    ///   - after: the later state.
    ///   - measure: a per-entity measure to compare.
    ///   - top: how many of the largest changes to keep.
    ///   - options: the measure's options (threads, progress, a sampled measure's ε, δ and seed).
    /// - Throws: ``CentralityError`` when the measure cannot be computed on either dataset.
    /// - Complexity: two runs of the measure (``CentralityMeasure``), which dominate, plus
    ///   O((*n* + *m*) log(*n* + *m*)) to compare and sort.
    public init(before: Dataset, after: Dataset, measure: CentralityMeasure = .betweenness, top: Int = 10,
                options: CentralityAnalysisOptions = CentralityAnalysisOptions()) throws(CentralityError) {
        let a = Set(before.entities.map(\.id)), b = Set(after.entities.map(\.id))
        entitiesAppeared = b.subtracting(a).sorted(by: Dataset.precedes)
        entitiesEnded = a.subtracting(b).sorted(by: Dataset.precedes)
        func counts(_ d: Dataset) -> [LinkKey: Int] {
            var out: [LinkKey: Int] = [:]
            for l in d.links {
                // An undirected link is the same fact whichever end is stated first.
                let (a, b) = !d.isDirected(l) && Dataset.precedes(l.target, l.source) ? (l.target, l.source) : (l.source, l.target)
                out[LinkKey(source: a, target: b, kind: l.kind), default: 0] += 1
            }
            return out
        }
        let la = counts(before), lb = counts(after)
        func order(_ x: LinkKey, _ y: LinkKey) -> Bool {
            if x.source != y.source { return Dataset.precedes(x.source, y.source) }
            if x.target != y.target { return Dataset.precedes(x.target, y.target) }
            return x.kind < y.kind
        }
        linksAppeared = lb.flatMap { k, n in [LinkKey](repeating: k, count: max(0, n - (la[k] ?? 0))) }.sorted(by: order)
        linksEnded = la.flatMap { k, n in [LinkKey](repeating: k, count: max(0, n - (lb[k] ?? 0))) }.sorted(by: order)
        var notes: [String] = [], sampled = false
        func values(_ d: Dataset, _ side: String) throws(CentralityError) -> [String: Double] {
            guard !d.entities.isEmpty else { return [:] }
            let t = try d.centrality([measure], options: options)
            notes += t.notes.filter { $0.hasPrefix(measure.rawValue + ":") }.map { side + ": " + $0 }
            if t.approxBetweennessBound != nil { sampled = true }
            var out: [String: Double] = [:]
            for (r, row) in t.rows.enumerated() { out[d.entities[row.source].id] = t.values[0][r] }
            return out
        }
        let va = try values(before, "before"), vb = try values(after, "after")
        self.notes = notes
        isSampled = sampled
        let all = a.union(b)
        changes = all.map { Change(id: $0, before: va[$0] ?? 0, after: vb[$0] ?? 0) }
            .filter { $0.delta != 0 && $0.delta.isFinite }
            .sorted { abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta) : Dataset.precedes($0.id, $1.id) }
        changes = Array(changes.prefix(top))
        self.measure = measure
    }
}

extension Dataset {
    /// The dataset as it stood on two dates: the facts whose period overlaps each date, and the
    /// undated facts (as ``DatasetFilter/asOf``), to compare with ``DatasetDiff``.
    /// - Parameters:
    ///   - first: the earlier date.
    ///   - second: the later date.
    /// - Returns: the two snapshots.
    /// - Throws: `DatasetFilter.Failure` (not for a date filter alone).
    /// - Complexity: O(n + m) per snapshot.
    public func snapshots(_ first: PartialDate, _ second: PartialDate) throws(DatasetFilter.Failure) -> (before: Dataset, after: Dataset) {
        (try DatasetFilter(asOf: first).apply(to: self), try DatasetFilter(asOf: second).apply(to: self))
    }
}
