import TNetGraph

/// How ``Dataset/communities(method:projection:resolution:seed:)`` finds groups. The raw value
/// is the method's name in outputs.
public enum CommunityMethod: String, CaseIterable, Sendable {
    /// Louvain modularity optimisation (Blondel et al. 2008; NetworkX's `louvain_communities`):
    /// fast, but a community may come out internally disconnected. O(*m*) per sweep.
    case louvain
    /// Leiden (Traag et al. 2019): Louvain with a refinement step that guarantees connected
    /// communities; two iterations, as leidenalg's default. O(*m*) per sweep.
    case leiden
    /// Asynchronous label propagation (Raghavan et al. 2007; NetworkX's
    /// `asyn_lpa_communities`): no modularity optimised, the modularity of the result reported.
    /// O(*m*) per sweep.
    case labelPropagation = "label-propagation"
}

/// Communities of a dataset: which entities form densely linked groups.
public struct CommunityResult: Sendable {
    /// Each entity's community, numbered from 0 by size (largest first), ties by smallest member id.
    public var community: [Int]
    /// The number of communities.
    public var count: Int
    /// Newman's modularity of the partition (links read as undirected), at the resolution used.
    public var modularity: Double
    /// The method that found the partition.
    public var method: CommunityMethod
    /// Each community's members by id, in code point order: `members[community[i]]` holds
    /// entity `i`'s id.
    public var members: [[String]]
}

extension Dataset {
    /// Communities over the links read as undirected (a link ties two entities whatever its
    /// direction), links between a pair combined as `projection` says (by default one tie
    /// whose weight is the sum of theirs). `projection.weighted` uses the weights as tie
    /// strengths (their reciprocals with `weightMeaning` `.distance`). The same `seed` gives the
    /// same communities.
    ///
    /// ```swift
    /// let result = dataset.communities(method: .leiden)
    /// print(result.count, "communities, modularity", result.modularity)
    /// for members in result.members.prefix(3) { print(members.joined(separator: ", ")) }
    /// ```
    /// - Parameters:
    ///   - method: Louvain, Leiden or label propagation.
    ///   - projection: how links between a pair combine and whether weights count; its direction
    ///     is ignored (always undirected).
    ///   - resolution: the modularity resolution γ (above 1: smaller communities).
    ///   - seed: the seed of the random node order.
    /// - Returns: each entity's community, numbered by size, with the members and the modularity.
    /// - Complexity: O(*m*) per sweep of the method (typically O(log *n*) levels for Louvain and
    ///   Leiden), plus O(*n* log *n*) to number and sort the members.
    public func communities(method: CommunityMethod, projection: ProjectionOptions = ProjectionOptions(), resolution: Double = 1,
                            seed: UInt64 = 0) -> CommunityResult {
        let weighted = projection.weighted
        let g = graph(projection.with(direction: .undirected).using(.strength))
        let options = LouvainOptions(weighted: weighted, resolution: resolution, seed: seed)
        let found: Communities
        switch method {
        case .louvain: found = g.louvain(options)
        case .leiden: found = g.leiden(options)
        case .labelPropagation: found = g.labelPropagation(weighted: weighted, seed: seed)
        }
        // Renumber: by size, then smallest member id (code point order), as components are.
        var size = [Int](repeating: 0, count: found.count), smallest = [Int](repeating: -1, count: found.count)
        for (v, c) in found.community.enumerated() {
            size[c] += 1
            if smallest[c] < 0 || Self.precedes(entities[v].id, entities[smallest[c]].id) { smallest[c] = v }
        }
        let order = (0 ..< found.count).sorted { a, b in
            size[a] != size[b] ? size[a] > size[b] : Self.precedes(entities[smallest[a]].id, entities[smallest[b]].id)
        }
        var number = [Int](repeating: 0, count: found.count)
        for (i, c) in order.enumerated() { number[c] = i }
        let modularity = method == .labelPropagation ? g.modularity(found.community, weighted: weighted, resolution: resolution) : found.modularity
        let community = found.community.map { number[$0] }
        var members = [[String]](repeating: [], count: found.count)
        for (v, c) in community.enumerated() { members[c].append(entities[v].id) }
        for c in members.indices { members[c].sort(by: Self.precedes) }
        return CommunityResult(community: community, count: found.count, modularity: modularity, method: method, members: members)
    }

    /// Communities with link weights as tie strengths or not, links between a pair summed:
    /// ``communities(method:projection:resolution:seed:)`` with the default projection.
    /// - Parameters:
    ///   - method: Louvain, Leiden or label propagation.
    ///   - weighted: use link weights as tie strengths.
    ///   - resolution: the modularity resolution γ.
    ///   - seed: the seed of the random node order.
    /// - Returns: each entity's community, with the members and the modularity.
    /// - Complexity: as ``communities(method:projection:resolution:seed:)``.
    public func communities(method: CommunityMethod, weighted: Bool, resolution: Double = 1, seed: UInt64 = 0) -> CommunityResult {
        communities(method: method, projection: ProjectionOptions(weighted: weighted), resolution: resolution, seed: seed)
    }
}
