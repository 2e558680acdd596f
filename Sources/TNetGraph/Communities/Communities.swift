/// A partition of the nodes and its modularity.
public struct Communities: Sendable {
    /// The community of every node, by node index: communities are numbered from 0 by size,
    /// largest first, ties by smallest member.
    public var community: [Int]
    /// Number of communities.
    public var count: Int
    /// Modularity of the partition (``Graph/modularity(_:weighted:resolution:)``), NaN for a
    /// graph without edges.
    public var modularity: Double
    /// Levels of aggregation that raised modularity (Louvain, Leiden), or sweeps (label propagation).
    public var levels: Int

    /// Renumbers `raw` labels by size descending, ties by smallest member.
    init(labels raw: [Int], modularity: Double, levels: Int) {
        var first: [Int: Int] = [:], size: [Int: Int] = [:]
        for (u, c) in raw.enumerated() {
            if first[c] == nil { first[c] = u }
            size[c, default: 0] += 1
        }
        let order = size.keys.sorted { size[$0]! != size[$1]! ? size[$0]! > size[$1]! : first[$0]! < first[$1]! }
        var number: [Int: Int] = [:]
        for (i, c) in order.enumerated() { number[c] = i }
        community = raw.map { number[$0]! }
        count = order.count
        self.modularity = modularity
        self.levels = levels
    }
}
