import TNetGraph

/// How a dataset becomes a `Graph`: the one place where domain meaning becomes numbers.
public struct ProjectionOptions: Sendable, Hashable {
    public enum Direction: Sendable, Hashable {
        /// Directed when any link is directed; undirected links then become two arcs.
        /// Undirected when every link is undirected.
        case auto
        /// Every link an arc from source to target; undirected links become two arcs.
        case directed
        /// Every link an undirected edge.
        case undirected
    }

    public var direction: Direction
    /// Use link weights (a missing weight is 1). Without it the graph is unweighted.
    public var weighted: Bool
    /// How links between the same pair are merged; the default, last-wins, is what NetworkX
    /// does when the same edges are added to a `Graph`/`DiGraph`.
    public var duplicates: DuplicateEdgePolicy

    public init(direction: Direction = .auto, weighted: Bool = false, duplicates: DuplicateEdgePolicy = .keepLast) {
        self.direction = direction
        self.weighted = weighted
        self.duplicates = duplicates
    }
}

extension Dataset {
    /// Projects the dataset to a graph whose node `i` is `entities[i]`. Links with a dangling
    /// endpoint are skipped (validation reports them).
    public func graph(_ options: ProjectionOptions = ProjectionOptions()) -> Graph {
        let directedGraph: Bool
        switch options.direction {
        case .directed: directedGraph = true
        case .undirected: directedGraph = false
        case .auto: directedGraph = links.contains { isDirected($0) }
        }
        var sources: [NodeIndex] = [], targets: [NodeIndex] = [], weights: [Double] = []
        sources.reserveCapacity(links.count)
        targets.reserveCapacity(links.count)
        if options.weighted { weights.reserveCapacity(links.count) }
        forEachResolvedLink { i, s, t in
            let link = links[i]
            let w = link.weight ?? 1
            sources.append(s); targets.append(t)
            if options.weighted { weights.append(w) }
            if directedGraph && !isDirected(link) && s != t {
                sources.append(t); targets.append(s)
                if options.weighted { weights.append(w) }
            }
        }
        return Graph(nodeCount: entities.count, directed: directedGraph, sources: sources, targets: targets,
                     weights: options.weighted ? weights : nil, duplicates: options.duplicates)
    }
}
