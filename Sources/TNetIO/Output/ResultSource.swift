import TNetModel

/// Where a result's data came from: the input as given, and the filter that made the view.
public struct ResultSource: Sendable {
    /// The input path as the user gave it (`-` for standard input).
    public var file: String
    /// The filter applied before the analysis, when one was set.
    public var filter: DatasetFilter?
    /// The entity and link counts before ``filter`` applied (nil without a filter).
    public var before: DatasetCounts?

    /// A source description.
    /// - Parameters:
    ///   - file: the input path as given.
    ///   - filter: the filter applied, or nil.
    ///   - before: the counts before the filter, or nil.
    public init(file: String, filter: DatasetFilter? = nil, before: DatasetCounts? = nil) {
        self.file = file
        self.filter = filter
        self.before = before
    }
}

/// How many entities and links a dataset holds.
public struct DatasetCounts: Sendable, Equatable {
    /// The number of entities.
    public var entities: Int
    /// The number of links.
    public var links: Int

    /// The counts of `dataset`.
    /// - Parameter dataset: the dataset counted.
    public init(_ dataset: Dataset) { self.init(entities: dataset.entities.count, links: dataset.links.count) }

    /// Counts given directly.
    /// - Parameters:
    ///   - entities: the number of entities.
    ///   - links: the number of links.
    public init(entities: Int, links: Int) { self.entities = entities; self.links = links }
}
