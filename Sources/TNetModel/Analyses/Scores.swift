

/// One value per entity (a centrality, say), looked up by entity id, ranked, and filtered by
/// the target policy: what a NetworkX user gets as a `dict` from `nx.betweenness_centrality`.
///
/// ```swift
/// let betweenness = try dataset.betweenness()
/// betweenness["syndicate-a"]                        // one entity's value
/// for (entity, value) in betweenness.top(5, targetsOnly: true) { print(entity.label, value) }
/// ```
public struct Scores: Sendable, Sequence {
    /// What the values measure (a ``CentralityMeasure`` column name, such as `betweenness`).
    public let measure: String
    /// The dataset the values belong to.
    public let dataset: Dataset
    /// The values in entity order (`values[i]` is `dataset.entities[i]`'s); NaN where undefined.
    public let values: [Double]

    /// Values for the entities of `dataset`, in entity order.
    /// - Parameters:
    ///   - measure: what the values measure.
    ///   - dataset: the dataset.
    ///   - values: one value per entity of `dataset`, in its order.
    public init(measure: String, dataset: Dataset, values: [Double]) {
        precondition(values.count == dataset.entities.count, "one value per entity")
        self.measure = measure
        self.dataset = dataset
        self.values = values
    }

    /// The value of the entity with this id, nil when there is none (NaN when the measure is
    /// undefined for it).
    public subscript(id: String) -> Double? { dataset.index(of: id).map { values[$0] } }

    /// The values by entity id, as NetworkX returns them (an id given twice, in a dataset built
    /// in code and not validated, keeps its first entity's value).
    /// - Complexity: O(*n*).
    public var byID: [String: Double] {
        Dictionary(zip(dataset.entities.map(\.id), values), uniquingKeysWith: { first, _ in first })
    }

    /// Every entity with its value, highest first, ties (and NaN, last) by id in code point order.
    /// - Complexity: O(n log n).
    public var ranked: [(entity: Entity, value: Double)] { top(values.count) }

    /// The `k` entities with the highest values, highest first, ties by id.
    /// - Parameters:
    ///   - k: how many.
    ///   - targetsOnly: keep only entities the target policy allows to be proposed for
    ///     disruption (``TargetPolicy``): never victims, survivors, witnesses, authorities or places.
    /// - Returns: up to `k` entities with their values.
    /// - Complexity: O(n log n).
    public func top(_ k: Int, targetsOnly: Bool = false) -> [(entity: Entity, value: Double)] {
        let allowed = targetsOnly ? dataset.targetCandidates() : []
        let rows = values.indices.filter { !targetsOnly || allowed[$0] }.sorted { a, b in
            let x = values[a], y = values[b]
            if x.isNaN != y.isNaN { return y.isNaN }
            if x != y && !x.isNaN { return x > y }
            return Dataset.precedes(dataset.entities[a].id, dataset.entities[b].id)
        }
        return rows.prefix(Swift.max(0, k)).map { (dataset.entities[$0], values[$0]) }
    }

    /// Iterates over the entities in dataset order with their values.
    public func makeIterator() -> some IteratorProtocol<(entity: Entity, value: Double)> {
        zip(dataset.entities, values).lazy.map { (entity: $0.0, value: $0.1) }.makeIterator()
    }
}
