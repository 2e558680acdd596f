import Foundation
import Synchronization
import TNetGraph

/// What a route query asks (``Dataset/routes(from:to:options:)``, ``Dataset/distances(from:options:)``).
public struct RouteOptions: Sendable {
    /// What a step costs.
    public enum Cost: Sendable, Hashable {
        /// One per link: the fewest links.
        case hops
        /// The link's weight (1 when missing) as a distance; weights must not be negative.
        case weight
        /// −ln of the link's confidence value (``Confidence/value``; an ungraded link counts as
        /// F6, 0.09): the cheapest path is the most reliable, the one whose confidences have the
        /// largest product.
        case reliability
    }

    /// What a step costs (default: one per link).
    public var cost: Cost = .hops
    /// How many paths (Yen's k shortest simple paths when more than one).
    public var count = 1
    /// Every path of least cost instead of `count` paths.
    public var allShortest = false
    /// Each item (an entity id or kind) must be passed through: the path's inner nodes hold it,
    /// or an entity of that kind.
    public var via: [String] = []
    /// Entities (ids or kinds) no path may pass through.
    public var avoid: [String] = []
    /// Most links on a path.
    public var maxHops: Int?
    /// Links must be usable in time order: there are dates t₁ ≤ t₂ ≤ … with each tᵢ in link i's
    /// period (open ends unbounded, a partial date spanning its year or month).
    public var timeRespecting = false
    /// Follow links either way, whatever their direction.
    public var undirected = false
    /// Follow links backwards (distances: who reaches the entity).
    public var reverse = false
    /// Most candidate paths examined when `timeRespecting` rejects many.
    public var candidateLimit = 100_000
    /// Most candidate paths examined for a `via` query that the direct answers below do not
    /// settle (a simple path through given entities is NP-hard in general): the search stops
    /// there and says so.
    public var viaCandidateLimit = 200
    /// Only links of these kinds may be walked (nil: every link), e.g. ``LinkFamily/route``.
    public var linkKinds: Set<LinkKind>?
    /// With ``Cost/weight``: how links between the same pair combine into one tie and what a
    /// weight means, as every other analysis of the dataset reads them (the cost of a step is
    /// the tie's length). Its `weighted` and `direction` are set by the query.
    public var projection = ProjectionOptions()

    /// Options for the common questions; the rest keep their defaults.
    /// - Parameters:
    ///   - cost: what a route's cost measures (default: hops).
    ///   - count: how many routes (the `count` cheapest simple paths, Yen's algorithm).
    ///   - undirected: follow links either way.
    ///   - linkKinds: follow only links of these kinds (nil: all).
    public init(cost: Cost = .hops, count: Int = 1, undirected: Bool = false, linkKinds: Set<LinkKind>? = nil) {
        self.cost = cost
        self.count = count
        self.undirected = undirected
        self.linkKinds = linkKinds
    }
}

/// One step of a route: the entities it joins, by id, and the link it walks, by value, so the
/// step can be cited without the dataset it was computed on.
public struct RouteStep: Sendable, Hashable {
    /// The id of the entity the step leaves.
    public var from: String
    /// The id of the entity the step reaches.
    public var to: String
    /// The link walked (its kind, grade and sources are the step's evidence).
    public var link: Link
    /// Whether the step follows the link's direction (`from` is the link's source); false when
    /// it walks the link backwards, as an undirected query may.
    public var along: Bool
}

/// One path through the dataset.
public struct Route: Sendable {
    /// Entity positions in the dataset the route was computed on, from the start to the end.
    public var entities: [Int]
    /// For each step, the position of the link taken in that dataset (the cheapest of parallel
    /// links, or for a time-respecting route the one that keeps the dates earliest).
    public var links: [Int]
    /// Sum of the step costs (hops, weights, or −ln confidence).
    public var cost: Double
    /// The steps by id and value: what a route says outside the dataset it was computed on.
    public var steps: [RouteStep]
    /// The number of links on the route.
    public var hops: Int { links.count }
}

/// The routes found, and how the search went.
public struct RouteResult: Sendable {
    /// The routes, cheapest first (ties in the search's order); empty when none exists.
    public var routes: [Route]
    /// Candidate paths examined.
    public var examined: Int
    /// False when the candidate limit stopped the search before enough routes were found.
    public var complete: Bool
    /// Why there is no route, when that was proved rather than searched for (a `via` item no
    /// route can pass through).
    public var reason: String? = nil
}

/// The graph a route query walks, and the links behind each of its steps.
struct RouteGraph {
    let graph: Graph
    let cost: RouteOptions.Cost
    /// The links behind each step, indexed when a route first asks (a distance listing never
    /// does, and a million links would cost more to index than to search).
    let steps: StepIndex
    let linkCost: [Double]

    /// Links joining u to v (a step of the graph), in link order.
    func links(_ u: Int, _ v: Int) -> [Int] { steps.links(u, v) }
}

/// Which links make each step `u → v` of a route graph. The first few questions (a route's
/// handful of steps) are answered by one pass over the links each; after that, from `(u << 32
/// | v, link)` pairs sorted once (many routes, as a briefing asks).
final class StepIndex: Sendable {
    /// The pairs, all of them or (given a key) only that step's.
    private let make: @Sendable (UInt64?) -> [(key: UInt64, link: Int)]
    private let state = Mutex<(asked: Int, pairs: [(key: UInt64, link: Int)]?)>((0, nil))
    /// Questions answered by a pass over the links before the index is built.
    static let passes = 32

    init(_ make: @escaping @Sendable (UInt64?) -> [(key: UInt64, link: Int)]) { self.make = make }

    static func key(_ u: Int, _ v: Int) -> UInt64 { UInt64(u) << 32 | UInt64(v) }

    func links(_ u: Int, _ v: Int) -> [Int] {
        let key = Self.key(u, v)
        let indexed = state.withLock { state -> [(key: UInt64, link: Int)]? in
            state.asked += 1
            if state.pairs == nil && state.asked > Self.passes {
                state.pairs = make(nil).sorted { $0.key != $1.key ? $0.key < $1.key : $0.link < $1.link }
            }
            return state.pairs
        }
        guard let all = indexed else { return make(key).map(\.link) }
        var lo = 0, hi = all.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if all[mid].key < key { lo = mid + 1 } else { hi = mid }
        }
        var out: [Int] = []
        while lo < all.count && all[lo].key == key { out.append(all[lo].link); lo += 1 }
        return out
    }
}

/// Dates as comparable integers (yyyymmdd); open ends unbounded.
private func begin(_ link: Link) -> Int {
    guard let from = link.period?.from?.earliest else { return Int.min }
    return from.0 * 10_000 + from.1 * 100 + from.2
}

private func end(_ link: Link) -> Int {
    guard let to = link.period?.to?.latest else { return Int.max }
    return to.0 * 10_000 + to.1 * 100 + to.2
}

extension Dataset {
    /// Confidence value given to ungraded links by ``RouteOptions/Cost/reliability``.
    public static let ungradedReliability = Confidence("F6")!.value

    func routeGraph(_ options: RouteOptions) throws(AnalysisError) -> RouteGraph {
        if options.cost == .weight {
            var p = options.projection
            p.weighted = true
            p.use = .distance
            do { try checkWeights(p) } catch { throw .unsupportedData(error.description) }
        }
        var linkCost = [Double](repeating: 1, count: links.count)
        for i in links.indices {
            switch options.cost {
            case .hops: linkCost[i] = 1
            case .weight:
                // Checked above with every other weight rule (checkWeights), with the link's place.
                // A strength's length is 1/w, so the link a step cites is its strongest.
                let w = weight(ofLink: i) ?? 1
                linkCost[i] = options.projection.weightMeaning == .strength ? 1 / w : w
            case .reliability: linkCost[i] = -log(confidence(ofLink: i)?.value ?? Self.ungradedReliability)
            }
        }
        let directedGraph = !options.undirected && hasDirectedLinks
        let dataset = self, kinds = options.linkKinds, direction = linkDirections()
        let steps = StepIndex { only in
            var pairs: [(key: UInt64, link: Int)] = []
            dataset.forEachResolvedLink { i, s, t in
                let forward = StepIndex.key(Int(s), Int(t)), backward = StepIndex.key(Int(t), Int(s))
                if let only, only != forward && only != backward { return }
                if let kinds, !kinds.contains(dataset.kind(ofLink: i)) { return }
                if only == nil || only == forward { pairs.append((forward, i)) }
                if s != t && (only == nil || only == backward) && (!directedGraph || !direction(i)) {
                    pairs.append((backward, i))
                }
            }
            return pairs
        }
        let graph: Graph
        if options.linkKinds == nil && options.cost != .reliability {
            // The graph every other analysis reads (and the command's note has just described):
            // ties with their combined lengths, or unweighted.
            var p = options.projection
            p.weighted = options.cost == .weight
            p.use = .distance
            p.direction = options.undirected ? .undirected : .auto
            graph = self.graph(p)
        } else {
            graph = restrictedRouteGraph(options, directed: directedGraph, linkCost: linkCost)
        }
        return RouteGraph(graph: graph, cost: options.cost, steps: steps, linkCost: linkCost)
    }

    /// The route graph of the links of `options.linkKinds` only, or with reliabilities as
    /// lengths: built here, as no other analysis reads it.
    private func restrictedRouteGraph(_ options: RouteOptions, directed directedGraph: Bool, linkCost: [Double]) -> Graph {
        var sources: [NodeIndex] = [], targets: [NodeIndex] = [], weights: [Double] = []
        func usable(_ i: Int) -> Bool { options.linkKinds.map { $0.contains(kind(ofLink: i)) } ?? true }
        let direction = linkDirections()
        forEachResolvedLink { i, s, t in
            guard usable(i) else { return }
            // The graph combines the links' own weights, then takes the tie's length (below);
            // linkCost only chooses which link of a tie a step cites.
            let w = options.cost == .weight ? weight(ofLink: i) ?? 1 : linkCost[i]
            sources.append(s); targets.append(t); weights.append(w)
            if directedGraph && s != t && !direction(i) { sources.append(t); targets.append(s); weights.append(w) }
        }
        var graph = Graph(nodeCount: entities.count, directed: directedGraph, sources: sources, targets: targets,
                          weights: options.cost == .hops ? nil : weights,
                          duplicates: options.cost == .weight ? options.projection.combine.policy : .min)
        if options.cost == .weight {
            // The tie's length, as every other analysis reads it: weights combined, then 1/w
            // when they are strengths.
            var p = options.projection
            p.weighted = true
            p.use = .distance
            if p.inverts { graph = graph.mappingWeights { 1 / $0 } }
        }
        return graph
    }

    /// Whether the links along `nodes` can be taken in time order, and which ones (the
    /// earliest-finishing choice at each step is never worse for the steps after it).
    func timeOrderedLinks(_ nodes: [NodeIndex], in route: RouteGraph) -> [Int]? {
        var earliest = Int.min
        var chosen: [Int] = []
        for i in nodes.indices.dropLast() {
            var best: (date: Int, cost: Double, link: Int)?
            for l in route.links(Int(nodes[i]), Int(nodes[i + 1])) where end(links[l]) >= earliest {
                let date = max(earliest, begin(links[l]))
                let candidate = (date, route.linkCost[l], l)
                if best == nil || (candidate.0, candidate.1) < (best!.date, best!.cost) { best = candidate }
            }
            guard let best else { return nil }
            earliest = best.date
            chosen.append(best.link)
        }
        return chosen
    }

    /// The cheapest link of each step (the first in file order among equals).
    func cheapestLinks(_ nodes: [NodeIndex], in route: RouteGraph) -> [Int] {
        nodes.indices.dropLast().map { i in
            route.links(Int(nodes[i]), Int(nodes[i + 1])).min { route.linkCost[$0] < route.linkCost[$1] }!
        }
    }

    private func blockedMask(_ options: RouteOptions, exempt: [Int]) throws(AnalysisError) -> [Bool]? {
        guard !options.avoid.isEmpty else { return nil }
        var mask = [Bool](repeating: false, count: entities.count)
        for i in try select(options.avoid, what: "avoid") { mask[i] = true }
        for e in exempt where mask[e] {
            throw .endOfQuery(id: entities[e].id, parameter: "avoid")
        }
        return mask
    }

    /// Paths from `from` to `to` (entity ids): the cheapest, the `count` cheapest simple paths,
    /// or every cheapest path; restricted by `via`, `avoid`, `maxHops` and time order. The
    /// filters of the dataset (confidence, dates, kinds) apply before, as for every analysis.
    /// One cheapest path is NetworkX's `shortest_path`; `count` above 1,
    /// `shortest_simple_paths` (Yen's algorithm); ``RouteOptions/allShortest``,
    /// `all_shortest_paths`. Each step cites the link it walks (the cheapest of parallel links).
    ///
    /// ```swift
    /// let result = try dataset.routes(from: "india", to: "compound-kayin-1")
    /// for step in result.routes.first?.steps ?? [] {
    ///     print(step.from, step.link.kind, step.to, step.link.sources)
    /// }
    /// ```
    /// - Parameters:
    ///   - from: the start's entity id.
    ///   - to: the end's entity id.
    ///   - options: cost, how many routes, entities to pass or avoid, hop limit, time order,
    ///     direction and link kinds.
    /// - Returns: the routes found, how many candidates were examined, whether the search was
    ///   complete, and why there is none when that was proved.
    /// - Throws: ``AnalysisError`` when an end or a `via`/`avoid` item names no entity, an end
    ///   is also to be avoided or passed through, options are incompatible (``RouteOptions/allShortest``
    ///   with `via`, time order, a count or a hop limit), or a weight cannot be used.
    /// - Complexity: one search is O(*n* + *m*) for hops and O((*n* + *m*) log *n*) with weights
    ///   (Dijkstra); *k* routes of up to *L* entities cost O(*k* · *L*) searches (Yen). Time
    ///   order and `via` constraints are bounded by ``RouteOptions/candidateLimit`` and
    ///   ``RouteOptions/viaCandidateLimit``.
    public func routes(from: String, to: String, options: RouteOptions = RouteOptions()) throws(AnalysisError) -> RouteResult {
        let s = try require(from, what: "from"), t = try require(to, what: "to")
        let route = try routeGraph(options)
        var search = PathSearchOptions(weighted: options.cost != .hops, blocked: try blockedMask(options, exempt: [s, t]),
                                       maxHops: options.maxHops)
        search.direction = .forward
        let g = route.graph
        let links: ([NodeIndex]) -> [Int] = { nodes in
            options.timeRespecting ? self.timeOrderedLinks(nodes, in: route)! : self.cheapestLinks(nodes, in: route)
        }
        func make(_ nodes: [NodeIndex]) -> Route {
            let chosen = links(nodes)
            // A time-respecting route costs the links it takes (they may not be the cheapest);
            // any other route the ties it walks, as the graph has them.
            var cost = 0.0
            if options.timeRespecting {
                for l in chosen { cost += options.cost == .hops ? 1 : route.linkCost[l] }
            } else {
                for i in nodes.indices.dropLast() { cost += g.tieWeight(nodes[i], nodes[i + 1]) ?? .nan }
            }
            return Route(entities: nodes.map(Int.init), links: chosen, cost: cost, steps: self.steps(nodes.map(Int.init), chosen))
        }
        if options.allShortest {
            guard options.via.isEmpty && !options.timeRespecting && options.count == 1 && options.maxHops == nil else {
                throw .incompatibleOptions("every path of least cost (allShortest) cannot be combined with via, timeRespecting, a count above 1 or maxHops")
            }
            let paths = g.allShortestPaths(from: NodeIndex(s), to: NodeIndex(t), options: search)
            return RouteResult(routes: paths.map(make), examined: paths.count, complete: true)
        }
        let viaSets = try options.via.map { item throws(AnalysisError) in Set(try select([item], what: "via")) }
        var constraints = SimplePathConstraints(candidateLimit: options.candidateLimit)
        if options.timeRespecting {
            constraints.prefix = { nodes in self.timeOrderedLinks(nodes, in: route) != nil }
        }
        if !viaSets.isEmpty {
            constraints.complete = { nodes in
                let inner = nodes.dropFirst().dropLast()
                return viaSets.allSatisfy { set in inner.contains { set.contains(Int($0)) } }
            }
            if !options.timeRespecting {
                // Settled in polynomial time where possible: a via item that no walk from the start
                // to the end can pass through proves there is no route; for one item, the cheapest
                // walk through it (cheapest to it plus cheapest from it) is the cheapest route when
                // it repeats no entity. Otherwise a bounded search.
                var forward = search, backward = search
                forward.direction = .forward
                backward.direction = .reverse
                let fromStart = g.shortestPathTree(from: NodeIndex(s), options: forward)
                let toEnd = g.shortestPathTree(from: NodeIndex(t), options: backward)
                for (item, set) in zip(options.via, viaSets) {
                    if set.allSatisfy({ $0 == s || $0 == t }) {
                        throw .endOfQuery(id: item, parameter: "via")
                    }
                    let passable = set.contains { v in v != s && v != t && fromStart.distance[v] < .infinity && toEnd.distance[v] < .infinity }
                    if !passable {
                        return RouteResult(routes: [], examined: 0, complete: true,
                                           reason: "no route from \(from) to \(to) can pass through \(item): no such entity is reachable from \(from) and reaches \(to)\(options.avoid.isEmpty ? "" : " without the avoided ones")")
                    }
                }
                if viaSets.count == 1 && options.count == 1 && options.maxHops == nil {
                    let order = viaSets[0].filter { $0 != s && $0 != t }.sorted { a, b in
                        let ca = fromStart.distance[a] + toEnd.distance[a], cb = fromStart.distance[b] + toEnd.distance[b]
                        return ca != cb ? ca < cb : Self.precedes(entities[a].id, entities[b].id)
                    }
                    if let v = order.first, let head = fromStart.path(to: NodeIndex(v)), let tail = toEnd.path(to: NodeIndex(v)) {
                        let nodes = head + tail.reversed().dropFirst()
                        if Set(nodes).count == nodes.count {
                            return RouteResult(routes: [make(nodes)], examined: 1, complete: true)
                        }
                    }
                }
                constraints.candidateLimit = min(constraints.candidateLimit, options.viaCandidateLimit)
            }
        }
        let found = g.shortestSimplePaths(from: NodeIndex(s), to: NodeIndex(t), count: max(1, options.count),
                                          options: search, constraints: constraints)
        return RouteResult(routes: found.paths.map { make($0.nodes) }, examined: found.examined, complete: found.complete)
    }

    /// The steps of a path through entity positions `nodes` along link positions `links`.
    func steps(_ nodes: [Int], _ chosen: [Int]) -> [RouteStep] {
        chosen.indices.map { i in
            let link = links[chosen[i]]
            let from = entities[nodes[i]].id, to = entities[nodes[i + 1]].id
            return RouteStep(from: from, to: to, link: link, along: link.source == from && link.target == to)
        }
    }

    /// Cost of the cheapest path from `from` to every entity it reaches (with `reverse`, from
    /// every entity that reaches it), with the links' hops; `avoid` and `maxHops` apply.
    /// Ordered by distance, then by id. NetworkX's `single_source_shortest_path_length` (or
    /// `single_source_dijkstra_path_length` with a cost other than hops); the start is included
    /// at distance 0.
    /// - Parameters:
    ///   - from: the start's entity id.
    ///   - options: cost, `avoid`, `maxHops`, direction, ``RouteOptions/reverse`` and link kinds
    ///     (`count`, `via` and time order do not apply).
    /// - Returns: each entity reached, with its distance and the hops of its cheapest path.
    /// - Throws: ``AnalysisError`` when `from` or an `avoid` item names no entity, `from` is to
    ///   be avoided, or a weight cannot be used.
    /// - Complexity: O(*n* + *m*) for hops, O((*n* + *m*) log *n*) with weights, plus sorting
    ///   the entities reached.
    public func distances(from: String, options: RouteOptions) throws(AnalysisError) -> [(entity: Int, distance: Double, hops: Int)] {
        let s = try require(from, what: "from")
        let route = try routeGraph(options)
        var search = PathSearchOptions(weighted: options.cost != .hops, blocked: try blockedMask(options, exempt: [s]),
                                       maxHops: options.maxHops)
        search.direction = options.reverse ? .reverse : .forward
        let tree = route.graph.shortestPathTree(from: NodeIndex(s), options: search)
        var rows: [(entity: Int, distance: Double, hops: Int)] = []
        for v in entities.indices where tree.distance[v] < .infinity {
            rows.append((v, tree.distance[v], Int(tree.hops[v])))
        }
        return rows.sorted { a, b in
            a.distance != b.distance ? a.distance < b.distance : entities[a.entity].id.utf8.lexicographicallyPrecedes(entities[b.entity].id.utf8)
        }
    }
}
