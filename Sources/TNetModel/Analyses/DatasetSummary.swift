import TNetGraph

/// Counts and shape of a dataset and of the graph projected from it (NetworkX's
/// `number_of_nodes`, `density`, `number_of_selfloops`, `isolates` and connected components in
/// one value).
public struct DatasetSummary: Sendable {
    /// Minimum, median, mean and maximum of a degree sequence.
    public struct Distribution: Sendable, Hashable {
        /// The smallest value.
        public var min: Int
        /// The middle value (the mean of the two middle ones for an even count).
        public var median: Double
        /// The arithmetic mean.
        public var mean: Double
        /// The largest value.
        public var max: Int

        /// Statistics of `values` (all zero when empty). Median of an even count is the mean of
        /// the two middle values, as Python's `statistics.median`.
        /// - Parameter values: a degree sequence, in any order.
        /// - Complexity: O(*k* + *r*) for *k* values spanning a range *r* of at most 4*k*
        ///   (a degree sequence: the middle values found by counting), else O(*k* log *k*).
        public init(_ values: [Int]) {
            guard !values.isEmpty else { self.init(min: 0, median: 0, mean: 0, max: 0); return }
            let n = values.count
            var lo = values[0], hi = values[0], sum = 0
            // The total as `sum` + `wraps`·2⁶⁴: wrapping additions, each wrap counted, so the
            // mean is exact whenever the total fits in an Int and never traps when it does not.
            var wraps = 0
            for v in values {
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
                let (s, wrapped) = sum.addingReportingOverflow(v)
                if wrapped { wraps += v > 0 ? 1 : -1 }
                sum = s
            }
            let mean = wraps == 0 ? Double(sum) / Double(n) : (Double(sum) + Double(wraps) * 0x1p64) / Double(n)
            // The values at sorted positions (n - 1) / 2 and n / 2 (the same one for an odd count).
            var lower = 0, upper = 0
            let (span, overflow) = hi.subtractingReportingOverflow(lo)
            if !overflow && span <= 4 * n {
                var counts = [Int](repeating: 0, count: hi - lo + 1)
                for v in values { counts[v - lo] += 1 }
                var seen = 0, foundLower = false
                for (offset, c) in counts.enumerated() where c > 0 {
                    seen += c
                    if !foundLower && seen > (n - 1) / 2 { lower = lo + offset; foundLower = true }
                    if seen > n / 2 { upper = lo + offset; break }
                }
            } else {
                let sorted = values.sorted()
                lower = sorted[(n - 1) / 2]
                upper = sorted[n / 2]
            }
            // The two middle values' mean, rounded once when their sum fits (as before), else
            // averaged in Double.
            let (pair, pairOverflows) = lower.addingReportingOverflow(upper)
            let median = n % 2 == 1 ? Double(upper) : pairOverflows ? (Double(lower) + Double(upper)) / 2 : Double(pair) / 2
            self.init(min: lo, median: median, mean: mean, max: hi)
        }

        /// Statistics given directly.
        /// - Parameters:
        ///   - min: the smallest value.
        ///   - median: the middle value.
        ///   - mean: the mean.
        ///   - max: the largest value.
        public init(min: Int, median: Double, mean: Double, max: Int) {
            self.min = min
            self.median = median
            self.mean = mean
            self.max = max
        }
    }

    /// The dataset's title.
    public var title: String?
    /// The number of entities.
    public var entityCount: Int
    /// The number of links, dangling ones included.
    public var linkCount: Int
    /// The number of sources.
    public var sourceCount: Int
    /// Entities per kind, most numerous first (``Dataset/entityCountsByKind()``).
    public var entitiesByKind: [(kind: EntityKind, count: Int)]
    /// Links per kind, most numerous first (``Dataset/linkCountsByKind()``).
    public var linksByKind: [(kind: LinkKind, count: Int)]
    /// Whether the projected graph (``ProjectionOptions`` defaults) is directed: true when any
    /// link is. Parallel links are merged there, so ``edgeCount`` may be below ``linkCount``.
    public var directed: Bool
    /// Nodes of the projected graph: one per entity.
    public var nodeCount: Int
    /// Ties of the projected graph, after parallel links are merged.
    public var edgeCount: Int
    /// Links folded into another link's tie: repeated links between the same pair (and, when
    /// undirected, the two directions), combined as ``ProjectionOptions/combine`` says.
    public var combinedLinks: Int
    /// The projected graph's density, as NetworkX's `density`: *m* / (*n*(*n* − 1)) directed,
    /// twice that undirected.
    public var density: Double
    /// Ties from an entity to itself.
    public var selfLoops: Int
    /// Entities with no tie at all (NetworkX's `isolates`).
    public var isolated: Int
    /// Connected components (weakly connected when directed), isolated nodes included.
    public var components: Int
    /// Entities in the largest component.
    public var largestComponent: Int
    /// Degree as NetworkX counts it (in + out when directed).
    public var degree: Distribution
    /// In-degree, for a directed graph (nil when undirected).
    public var inDegree: Distribution?
    /// Out-degree, for a directed graph (nil when undirected).
    public var outDegree: Distribution?

    /// Summarises `dataset` through its default projection.
    /// - Parameters:
    ///   - dataset: the dataset (already filtered, when a view is wanted).
    ///   - progress: called with a short label before each stage (for a large file).
    /// - Complexity: O(*n* log *n* + *m*): the projection and components are linear; sorting
    ///   the degree sequences dominates on sparse graphs.
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
        let direction = dataset.linkDirections()
        dataset.forEachResolvedLink { i, s, t in
            arcs += graph.isDirected && !direction(i) && s != t ? 2 : 1
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
