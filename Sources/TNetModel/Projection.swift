import TNetGraph

/// How links between the same two entities (repeated calls, a call each way) become one tie.
public enum LinkCombination: String, Sendable, Hashable, CaseIterable {
    /// The tie's weight is the sum of its links' weights (a missing weight counts 1): the number
    /// of calls, or of transfers. The default, as Gephi merges parallel edges. Independent of
    /// the order of the links (summed in ascending order).
    case sum
    /// The largest weight among the links.
    case max
    /// The smallest weight among the links (the shortest of several lengths).
    case min
    /// The weight of the link that comes first in the file (order-dependent by definition).
    case first
    /// The weight of the link that comes last in the file: what NetworkX's `Graph.add_edge`
    /// does when the same edge is added twice (order-dependent by definition).
    case last

    /// The graph core's rule for the same combination, which `Graph` applies when it merges
    /// parallel edges (``first`` and ``last`` keep one edge's weight).
    public var policy: DuplicateEdgePolicy {
        switch self {
        case .sum: return .sum
        case .max: return .max
        case .min: return .min
        case .first: return .keepFirst
        case .last: return .keepLast
        }
    }
}

/// What a link weight measures, and so how each analysis reads it.
public enum WeightMeaning: String, Sendable, Hashable, CaseIterable {
    /// As NetworkX: the weight is used as given, a length in path measures (shortest paths,
    /// betweenness, closeness) and a strength in the others (PageRank, eigenvector, Katz, HITS,
    /// strength, communities, structural holes, flow capacity). The default.
    case networkx
    /// A tie strength (calls, transfers, meetings): strength measures use it as given, path
    /// measures use its reciprocal 1/w as the length, so many calls make a short tie (Opsahl,
    /// Agneessens and Skvoretz 2010; ORA reads tie strength the same way).
    case strength
    /// A length or cost (km, days, price): path measures use it as given, strength measures
    /// its reciprocal 1/w, so a long tie is a weak one.
    case distance
}

/// The role a weight plays in one analysis.
public enum WeightUse: Sendable, Hashable {
    /// Walks, spectra, communities, capacities: larger is stronger.
    case strength
    /// Shortest paths and what is built on them: larger is longer.
    case distance
}

/// How a dataset becomes a `Graph`: the one place where domain meaning becomes numbers. Every
/// analysis of one dataset reads it through the same options, so a file is one graph.
public struct ProjectionOptions: Sendable, Hashable {
    /// Whether the graph is directed, and what becomes of links of the other nature.
    public enum Direction: Sendable, Hashable {
        /// Directed when any link is directed; undirected links then become two arcs.
        /// Undirected when every link is undirected.
        case auto
        /// Every link an arc from source to target; undirected links become two arcs.
        case directed
        /// Every link an undirected edge.
        case undirected
    }

    /// Whether the graph is directed (default ``Direction/auto``: as the links are).
    public var direction: Direction
    /// Use link weights (a missing weight is 1). Without it the graph is unweighted: every tie
    /// counts one, however many links it combines.
    public var weighted: Bool
    /// How links between the same pair (and, undirected, the two directions) are combined.
    public var combine: LinkCombination
    /// What the weights mean (``WeightMeaning``).
    public var weightMeaning: WeightMeaning
    /// The role weights play in the analysis at hand; with ``weightMeaning`` it decides whether
    /// the graph carries w or 1/w.
    public var use: WeightUse

    /// Options from their parts; the defaults give an unweighted graph, directed when any link
    /// is.
    /// - Parameters:
    ///   - direction: Whether the graph is directed.
    ///   - weighted: Whether ties carry link weights.
    ///   - combine: How links between the same pair become one tie's weight.
    ///   - weightMeaning: What the weights measure.
    ///   - use: The role weights play in the analysis the graph is for.
    public init(direction: Direction = .auto, weighted: Bool = false, combine: LinkCombination = .sum,
                weightMeaning: WeightMeaning = .networkx, use: WeightUse = .strength) {
        self.direction = direction
        self.weighted = weighted
        self.combine = combine
        self.weightMeaning = weightMeaning
        self.use = use
    }

    /// The same options for an analysis that uses weights as `use`.
    /// - Parameter use: The role weights play in that analysis.
    /// - Returns: A copy with ``use`` replaced.
    public func using(_ use: WeightUse) -> ProjectionOptions {
        var o = self
        o.use = use
        return o
    }

    /// The same options with `direction`.
    /// - Parameter direction: Whether the graph is directed.
    /// - Returns: A copy with ``direction`` replaced.
    public func with(direction: Direction) -> ProjectionOptions {
        var o = self
        o.direction = direction
        return o
    }

    /// Whether the combined weight is replaced by its reciprocal for ``use``: strengths read
    /// as lengths, or lengths read as strengths. Never with ``WeightMeaning/networkx``.
    public var inverts: Bool {
        switch (weightMeaning, use) {
        case (.strength, .distance), (.distance, .strength): return true
        default: return false
        }
    }

    /// One line saying how the graph was made, for every output's notes: its direction and
    /// size, how parallel links were combined and how weights were read, so a reader of the
    /// results knows what a number measured.
    /// - Parameters:
    ///   - g: The graph these options produced.
    ///   - links: How many links of the dataset went into it (see
    ///     ``Dataset/resolvedLinkCount``).
    /// - Returns: The sentence, without a final full stop.
    public func describe(_ g: Graph, links: Int) -> String {
        var s = "\(g.isDirected ? "directed" : "undirected") graph: \(g.nodeCount) entities, \(g.edgeCount) ties from \(links) links"
        if weighted {
            s += "; parallel and reciprocal links combined by \(combine.rawValue) of weights"
            switch weightMeaning {
            case .networkx: s += "; weights as given (NetworkX: lengths for paths, strengths otherwise)"
            case .strength: s += "; weights are strengths\(use == .distance ? " (length 1/w for paths)" : "")"
            case .distance: s += "; weights are lengths\(use == .strength ? " (strength 1/w)" : "")"
            }
        } else {
            s += "; unweighted (a tie counts 1 however many links it combines)"
        }
        return s
    }
}

/// A link weight that no analysis may read: out of range for the projection asked for.
public struct ProjectionError: Error, Sendable, CustomStringConvertible {
    /// The problem in words: the link (with its place in the file when known) or tie at
    /// fault, its weight, and where it helps what would fix it.
    public let description: String
    /// An error with the given message.
    /// - Parameter description: The problem in words.
    public init(_ description: String) { self.description = description }
}

extension Dataset {
    /// Projects the dataset to a graph whose node `i` is `entities[i]`: links between the same
    /// pair combined by ``ProjectionOptions/combine``, then each weight transformed as
    /// ``ProjectionOptions/weightMeaning`` and ``ProjectionOptions/use`` say. Links with a
    /// dangling endpoint are skipped (validation reports them). The graph depends on the order
    /// of the links only with `combine` `first` or `last`.
    ///
    /// In a directed graph a link that is not itself directed (``Dataset/isDirected(_:)``)
    /// becomes two arcs, one each way. Call ``checkWeights(_:)`` first: this does not check
    /// the weights it reads.
    /// - Parameter options: Direction, weighting, combination and the meaning and use of
    ///   weights; the defaults give an unweighted graph, directed when any link is.
    /// - Returns: A graph with one node per entity, in entity order.
    /// - Complexity: O(*n* + *m*) for *n* entities and *m* links, as the graph core builds a
    ///   graph from an edge list; O(1) when the dataset's last projection had the same options
    ///   (the graph is kept until the dataset changes).
    public func graph(_ options: ProjectionOptions = ProjectionOptions()) -> Graph {
        projectionMemo.graph(for: options) { project(options) }
    }

    private func project(_ options: ProjectionOptions) -> Graph {
        let directedGraph: Bool
        switch options.direction {
        case .directed: directedGraph = true
        case .undirected: directedGraph = false
        case .auto: directedGraph = hasDirectedLinks
        }
        var sources: [NodeIndex] = [], targets: [NodeIndex] = [], weights: [Double] = []
        sources.reserveCapacity(links.count)
        targets.reserveCapacity(links.count)
        if options.weighted { weights.reserveCapacity(links.count) }
        let direction = linkDirections()
        forEachResolvedLink { i, s, t in
            let w = weight(ofLink: i) ?? 1
            sources.append(s); targets.append(t)
            if options.weighted { weights.append(w) }
            if directedGraph && s != t && !direction(i) {
                sources.append(t); targets.append(s)
                if options.weighted { weights.append(w) }
            }
        }
        let g = Graph(nodeCount: entities.count, directed: directedGraph, sources: sources, targets: targets,
                      weights: options.weighted ? weights : nil, duplicates: options.combine.policy)
        return options.weighted && options.inverts ? g.mappingWeights { 1 / $0 } : g
    }

    /// Checks that every weight the projection reads is a number it can use: finite and not
    /// negative (no analysis here reads a negative tie: NetworkX's Dijkstra refuses negative
    /// lengths, and a negative strength or capacity has no meaning in PageRank, eigenvector,
    /// HITS, modularity or flow); and, where the projection takes reciprocals, no tie whose
    /// combined weight is 0. Throws naming the first link (with its place in the file) or tie
    /// at fault.
    /// - Parameter options: The projection the weights are about to be read for; an
    ///   unweighted one reads no weight and always passes.
    /// - Throws: ``ProjectionError`` for the first non-finite or negative weight, or the first
    ///   tie whose combined weight is 0 when the projection takes reciprocals.
    /// - Complexity: O(*m*) for *m* links, plus one projection when it takes reciprocals.
    public func checkWeights(_ options: ProjectionOptions) throws(ProjectionError) {
        guard options.weighted else { return }
        for i in links.indices {
            guard let w = weight(ofLink: i), !w.isFinite || w < 0 else { continue }
            let link = links[i]
            let at = (locations?.link(i).map { "\($0): " } ?? "link \(i + 1): ") + "\(link.source) → \(link.target)"
            if !w.isFinite { throw ProjectionError("\(at): weight \(w) is not a finite number") }
            if w < 0 { throw ProjectionError("\(at): weight \(w == w.rounded() && abs(w) < 1e15 ? String(Int(w)) : String(w)) is negative: no analysis reads a negative tie (a length, strength or capacity is at least 0)") }
        }
        guard options.inverts else { return }
        var plain = options
        plain.weightMeaning = .networkx
        var zero: (Int32, Int32)?
        graph(plain).forEachEdge { _, u, v, w in if w == 0 && zero == nil { zero = (u, v) } }
        if let (u, v) = zero {
            throw ProjectionError("the tie \(entities[Int(u)].id) – \(entities[Int(v)].id) weighs 0 in all, which has no reciprocal (weights read as \(options.weightMeaning == .strength ? "strengths" : "lengths") are inverted here); drop its links or give them a positive weight")
        }
    }

    /// How many links the projection reads (links with both ends present); dangling links
    /// are the difference from `links.count`.
    /// - Complexity: O(*m*) for *m* links.
    public var resolvedLinkCount: Int {
        var n = 0
        forEachResolvedLink { _, _, _ in n += 1 }
        return n
    }
}

extension Dataset {
    /// Checks the weights for `projection` and states the graph it makes, in one line (what
    /// every command prints on standard error).
    /// - Parameter projection: how links become ties.
    /// - Returns: the description, as ``ProjectionOptions/describe(_:links:)`` gives it.
    /// - Throws: ``ProjectionError`` for a weight the projection cannot use.
    /// - Complexity: O(n + m log m), the projection's.
    public func describeGraph(_ projection: ProjectionOptions) throws(ProjectionError) -> String {
        try checkWeights(projection)
        return projection.describe(graph(projection), links: resolvedLinkCount)
    }
}
