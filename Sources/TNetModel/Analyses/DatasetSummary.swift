import TNetGraph

/// Counts and shape of a dataset and of the graph projected from it: what `tnet info` shows.
public struct DatasetSummary: Sendable {
    /// Minimum, median, mean and maximum of a degree sequence.
    public struct Distribution: Sendable, Hashable {
        public var min: Int
        public var median: Double
        public var mean: Double
        public var max: Int

        /// Statistics of `values` (all zero when empty). Median of an even count is the mean of
        /// the two middle values, as Python's `statistics.median`.
        public init(_ values: [Int]) {
            guard !values.isEmpty else { self.init(min: 0, median: 0, mean: 0, max: 0); return }
            let sorted = values.sorted()
            let n = sorted.count
            self.init(min: sorted[0],
                      median: n % 2 == 1 ? Double(sorted[n / 2]) : Double(sorted[n / 2 - 1] + sorted[n / 2]) / 2,
                      mean: Double(sorted.reduce(0, +)) / Double(n),
                      max: sorted[n - 1])
        }

        public init(min: Int, median: Double, mean: Double, max: Int) {
            self.min = min
            self.median = median
            self.mean = mean
            self.max = max
        }
    }

    public var title: String?
    public var entityCount: Int
    public var linkCount: Int
    public var sourceCount: Int
    public var entitiesByKind: [(kind: EntityKind, count: Int)]
    public var linksByKind: [(kind: LinkKind, count: Int)]
    /// Projected graph (``ProjectionOptions`` defaults): parallel links merged, so `edgeCount`
    /// may be below `linkCount`.
    public var directed: Bool
    public var nodeCount: Int
    public var edgeCount: Int
    /// Links folded into another link's tie: repeated links between the same pair (and, when
    /// undirected, the two directions), combined as ``ProjectionOptions/combine`` says.
    public var combinedLinks: Int
    public var density: Double
    public var selfLoops: Int
    public var isolated: Int
    /// Connected components (weakly connected when directed), isolated nodes included.
    public var components: Int
    public var largestComponent: Int
    /// Degree as NetworkX counts it (in + out when directed).
    public var degree: Distribution
    /// In- and out-degree, for a directed graph.
    public var inDegree: Distribution?
    public var outDegree: Distribution?

    /// Summarises `dataset` through its default projection.
    public init(_ dataset: Dataset, progress: (String) -> Void = { _ in }) {
        title = dataset.title
        entityCount = dataset.entities.count
        linkCount = dataset.links.count
        sourceCount = dataset.sources.count
        entitiesByKind = dataset.entityCountsByKind()
        linksByKind = dataset.linkCountsByKind()
        progress("building the graph")
        let graph = dataset.graph()
        directed = graph.isDirected
        nodeCount = graph.nodeCount
        edgeCount = graph.edgeCount
        var arcs = 0
        dataset.forEachResolvedLink { i, s, t in
            arcs += graph.isDirected && !dataset.isDirected(dataset.links[i]) && s != t ? 2 : 1
        }
        combinedLinks = arcs - graph.edgeCount
        density = graph.density
        selfLoops = graph.selfLoopCount
        isolated = graph.isolatedNodeCount
        progress("finding components")
        let comps = graph.connectedComponents()
        components = comps.count
        largestComponent = comps.sizes.max() ?? 0
        progress("computing degrees")
        degree = Distribution(graph.degrees())
        if graph.isDirected {
            inDegree = Distribution(graph.inDegrees())
            outDegree = Distribution(graph.outDegrees())
        }
    }
}
