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
}

extension Dataset {
    /// Communities over the links read as undirected (a link ties two entities whatever its
    /// direction; parallel links between a pair count once, the last one's weight, as NetworkX's
    /// `Graph`). `weighted` uses link weights as tie strengths.
    public func communities(method: CommunityMethod, weighted: Bool = false, resolution: Double = 1,
                            seed: UInt64 = 0) -> CommunityResult {
        let g = graph(ProjectionOptions(direction: .undirected, weighted: weighted))
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
        return CommunityResult(community: found.community.map { number[$0] }, count: found.count, modularity: modularity, method: method)
    }
}
