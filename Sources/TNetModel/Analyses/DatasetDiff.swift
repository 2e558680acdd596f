/// What changed between two states of a network: two snapshots of one dataset (as of two dates)
/// or two datasets.
public struct DatasetDiff: Sendable {
    public struct LinkKey: Sendable, Hashable {
        public var source: String
        public var target: String
        public var kind: LinkKind
    }

    public struct Change: Sendable {
        public var id: String
        public var before: Double
        public var after: Double
        public var delta: Double { after - before }
    }

    /// Entity ids present only after, or only before (code point order).
    public var entitiesAppeared: [String]
    public var entitiesEnded: [String]
    /// Links by (source, target, kind); a pair stated twice before and once after has one ended.
    public var linksAppeared: [LinkKey]
    public var linksEnded: [LinkKey]
    /// The measure's largest changes (entities absent on one side count 0), largest |Δ| first.
    public var changes: [Change]
    public var measure: CentralityMeasure

    /// Compares `before` with `after`.
    public init(before: Dataset, after: Dataset, measure: CentralityMeasure = .betweenness, top: Int = 10) throws(CentralityError) {
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
        func values(_ d: Dataset) throws(CentralityError) -> [String: Double] {
            guard !d.entities.isEmpty else { return [:] }
            let t = try d.centrality([measure])
            var out: [String: Double] = [:]
            for (r, row) in t.rows.enumerated() { out[d.entities[row.source].id] = t.values[0][r] }
            return out
        }
        let va = try values(before), vb = try values(after)
        let all = a.union(b)
        changes = all.map { Change(id: $0, before: va[$0] ?? 0, after: vb[$0] ?? 0) }
            .filter { $0.delta != 0 && $0.delta.isFinite }
            .sorted { abs($0.delta) != abs($1.delta) ? abs($0.delta) > abs($1.delta) : Dataset.precedes($0.id, $1.id) }
        changes = Array(changes.prefix(top))
        self.measure = measure
    }
}
