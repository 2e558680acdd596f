import HeapModule

/// A path and what it costs.
public struct WeightedPath: Sendable, Hashable {
    /// Nodes from the start to the end.
    public var nodes: [NodeIndex]
    /// Sum of the edge costs along the path, in path order (hops when unweighted).
    public var cost: Double
    /// Edges on the path.
    public var hops: Int { nodes.count - 1 }

    /// A path.
    ///
    /// - Parameters:
    ///   - nodes: the nodes, start first.
    ///   - cost: the summed edge costs.
    public init(nodes: [NodeIndex], cost: Double) {
        self.nodes = nodes
        self.cost = cost
    }
}

/// Conditions on the paths that ``Graph/shortestSimplePaths(from:to:count:options:constraints:)`` returns,
/// beyond what the search itself enforces (blocked nodes, hop limit).
public struct SimplePathConstraints {
    /// A test that, once failed by a path, fails for every extension of it (e.g. time order):
    /// asked of candidate paths and of the prefixes from which new candidates branch, so that
    /// hopeless branches are cut.
    public var prefix: (([NodeIndex]) -> Bool)?
    /// A test of complete paths only (e.g. "passes through a compound").
    public var complete: (([NodeIndex]) -> Bool)?
    /// Most candidate paths examined: when the tests reject many, the search stops there and
    /// says so (``SimplePathsResult/complete`` is false).
    public var candidateLimit: Int

    /// Constraints on the paths.
    ///
    /// - Parameters:
    ///   - prefix: a test every prefix of an accepted path passes (nil: none).
    ///   - complete: a test accepted paths pass (nil: none).
    ///   - candidateLimit: the most candidates examined.
    public init(prefix: (([NodeIndex]) -> Bool)? = nil, complete: (([NodeIndex]) -> Bool)? = nil, candidateLimit: Int = 100_000) {
        self.prefix = prefix
        self.complete = complete
        self.candidateLimit = candidateLimit
    }
}

/// The paths found and whether the search saw every simple path it had to.
public struct SimplePathsResult: Sendable {
    /// Up to the number asked for, cheapest first (ties: fewer hops, then node order).
    public var paths: [WeightedPath]
    /// Simple paths examined (accepted or not).
    public var examined: Int
    /// False when the search stopped at the candidate limit before finding enough paths.
    public var complete: Bool
}

extension Graph {
    /// The cost of the cheapest edge from `u` to `v` in `direction`, nil when there is none.
    func stepCost(_ u: NodeIndex, _ v: NodeIndex, direction: PathSearchOptions.Direction, weighted: Bool) -> Double? {
        var best: Double?
        for adjacency in adjacencies(direction) {
            for slot in adjacency.slots(of: u) where adjacency.neighbors[slot] == v {
                let c = weighted ? adjacency.weight(atSlot: slot) : 1
                if best == nil || c < best! { best = c }
            }
        }
        return best
    }

    /// The cost of a path, summed from its start; each step costs its cheapest edge.
    ///
    /// - Parameters:
    ///   - nodes: the path's nodes, start first.
    ///   - options: the direction of the steps and whether weights are costs (else hops).
    /// - Returns: the cost, or nil when a step has no edge.
    /// - Complexity: O(Σ deg) over the path's nodes.
    public func pathCost(_ nodes: [NodeIndex], options: PathSearchOptions = PathSearchOptions()) -> Double? {
        var total = 0.0
        for i in nodes.indices.dropLast() {
            guard let c = stepCost(nodes[i], nodes[i + 1], direction: options.direction, weighted: options.weighted && isWeighted) else { return nil }
            total += c
        }
        return total
    }

    /// The `count` cheapest simple paths from `source` to `target`, cheapest first: Yen's
    /// algorithm (J. Y. Yen, "Finding the K shortest loopless paths in a network", Management
    /// Science 17, 1971), as NetworkX's `shortest_simple_paths`. Each new path branches from a
    /// prefix (root) of the last one: the spur search from the root's end may not use the root's
    /// other nodes, nor an edge by which an earlier path with the same root left it.
    ///
    /// `options.blocked` and `options.maxHops` restrict every path; `constraints` filter them:
    /// the result is then the `count` cheapest paths that pass, exactly, as long as the
    /// candidate limit was not reached.
    ///
    /// - Parameters:
    ///   - source: where the paths start.
    ///   - target: where they end.
    ///   - count: the number of paths wanted.
    ///   - options: weights, direction, blocked nodes and hop limit.
    ///   - constraints: tests of prefixes and of complete paths, and the candidate limit.
    /// - Returns: up to `count` paths, cheapest first, with the number examined and whether the
    ///   search was complete.
    /// - Complexity: O(k · L · (n + m log m)) time for k paths examined of at most L nodes (one
    ///   shortest-path search per prefix), O(n + k · L) memory.
    public func shortestSimplePaths(from source: NodeIndex, to target: NodeIndex, count: Int,
                                    options: PathSearchOptions = PathSearchOptions(),
                                    constraints: SimplePathConstraints = SimplePathConstraints()) -> SimplePathsResult {
        guard count > 0 else { return SimplePathsResult(paths: [], examined: 0, complete: true) }
        if source == target {
            let trivial = WeightedPath(nodes: [source], cost: 0)
            let ok = constraints.prefix?([source]) != false && constraints.complete?([source]) != false
            return SimplePathsResult(paths: ok ? [trivial] : [], examined: 1, complete: true)
        }
        let weighted = options.weighted && isWeighted
        func cost(_ nodes: [NodeIndex]) -> Double {
            var total = 0.0
            for i in nodes.indices.dropLast() {
                total += stepCost(nodes[i], nodes[i + 1], direction: options.direction, weighted: weighted)!
            }
            return total
        }
        /// Candidates ordered by cost, then hops, then node order: a deterministic choice among ties.
        struct Candidate: Comparable {
            var path: WeightedPath
            static func < (a: Candidate, b: Candidate) -> Bool {
                if a.path.cost != b.path.cost { return a.path.cost < b.path.cost }
                if a.path.hops != b.path.hops { return a.path.hops < b.path.hops }
                return a.path.nodes.lexicographicallyPrecedes(b.path.nodes)
            }
        }
        var accepted: [WeightedPath] = []
        var found: [[NodeIndex]] = []
        var seen = Set<[NodeIndex]>()
        var candidates = Heap<Candidate>()
        let first = shortestPathTree(from: source, options: options, target: target)
        guard let firstPath = first.path(to: target) else {
            return SimplePathsResult(paths: [], examined: 0, complete: true)
        }
        seen.insert(firstPath)
        var next: WeightedPath? = WeightedPath(nodes: firstPath, cost: cost(firstPath))
        var examined = 0
        var blocked = options.blocked ?? [Bool](repeating: false, count: nodeCount)
        while let current = next, accepted.count < count {
            if examined == constraints.candidateLimit {
                return SimplePathsResult(paths: accepted, examined: examined, complete: false)
            }
            examined += 1
            let passes = constraints.prefix?(current.nodes) != false && constraints.complete?(current.nodes) != false
            if passes { accepted.append(current) }
            found.append(current.nodes)
            if accepted.count == count { break }
            // Branch from every prefix of the current path.
            let nodes = current.nodes
            for i in 0 ..< nodes.count - 1 {
                let root = Array(nodes[0 ... i])
                if i > 0, constraints.prefix?(root) == false { break }
                if let limit = options.maxHops, i >= limit { break }
                var excluded = Set<NodeIndex>()
                for p in found where p.count > i + 1 && p[0 ... i].elementsEqual(root) { excluded.insert(p[i + 1]) }
                for v in root.dropLast() { blocked[Int(v)] = true }
                var spurOptions = options
                spurOptions.blocked = blocked
                if let limit = options.maxHops { spurOptions.maxHops = limit - i }
                let tree = shortestPathTree(from: nodes[i], options: spurOptions, target: target, excludingFirstHops: excluded)
                for v in root.dropLast() { blocked[Int(v)] = options.blocked?[Int(v)] ?? false }
                guard let spur = tree.path(to: target) else { continue }
                let path = root + spur.dropFirst()
                if seen.insert(path).inserted {
                    candidates.insert(Candidate(path: WeightedPath(nodes: path, cost: cost(path))))
                }
            }
            next = candidates.popMin()?.path
        }
        return SimplePathsResult(paths: accepted, examined: examined, complete: true)
    }
}
