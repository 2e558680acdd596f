import TNetGraph

/// How `tnet communities` finds groups.
public enum CommunityMethod: String, CaseIterable, Sendable {
    case louvain, leiden
    case labelPropagation = "label-propagation"
}

/// Communities of a dataset: which entities form densely linked groups.
public struct CommunityResult: Sendable {
    /// Each entity's community, numbered from 0 by size (largest first), ties by smallest member id.
    public var community: [Int]
    public var count: Int
    /// Newman's modularity of the partition (links read as undirected), at the resolution used.
    public var modularity: Double
    public var method: CommunityMethod
    /// Each community's members by id, in code point order: `members[community[i]]` holds
    /// entity `i`'s id.
    public var members: [[String]]
}

extension Dataset {
    /// Communities over the links read as undirected (a link ties two entities whatever its
    /// direction), links between a pair combined as `projection` says (by default one tie
    /// whose weight is the sum of theirs). `projection.weighted` uses the weights as tie
    /// strengths (their reciprocals with `weightMeaning` `.distance`).
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

    /// Communities with link weights as tie strengths or not, links between a pair summed.
    public func communities(method: CommunityMethod, weighted: Bool, resolution: Double = 1, seed: UInt64 = 0) -> CommunityResult {
        communities(method: method, projection: ProjectionOptions(weighted: weighted), resolution: resolution, seed: seed)
    }
}
