import TNetGraph

/// One actor's case for being a key player.
public struct KeyPlayer: Sendable {
    public var entity: Int
    /// NetworkX's normalised betweenness and PageRank on the dataset's graph (as `tnet centrality`).
    public var betweenness: Double
    public var pagerank: Double
    /// The Gould–Fernandez role this actor plays most (coordinator, itinerant, representative,
    /// gatekeeper, liaison) over groups of `partition`, and how many times; nil when none.
    public var brokerageRole: String?
    public var brokerageCount: Int
    /// Whether removing it splits the network (links read as undirected).
    public var isArticulationPoint: Bool
    /// Entities cut off from the largest part when this actor alone is removed.
    public var cutOff: Int
    /// Rise in distance-weighted fragmentation (Borgatti) when this actor alone is removed.
    public var fragmentationGain: Double
    /// A short reason, built from the above.
    public var why: String
    public var isProtected: Bool
}

public struct KeyPlayerRanking: Sendable {
    /// Ranked by fragmentation gain, then betweenness, then id.
    public var players: [KeyPlayer]
    /// Fragmentation of the intact network.
    public var fragmentation: Double
    /// Protected persons left out (0 with `includeVictims`).
    public var protectedExcluded: Int
}

public struct KeyPlayerSetResult: Sendable {
    /// KPP-Neg: the set whose joint removal fragments the network most (greedy + swaps).
    public var set: [Int]
    public var fragmentation: Double
    /// For comparison: the same number of actors ranked highest by betweenness.
    public var betweennessSet: [Int]
    public var betweennessFragmentation: Double
    /// Fragmentation before any removal.
    public var baseFragmentation: Double
    public var protectedExcluded: Int
}

extension Dataset {
    /// Ranks actors (never places; protected persons only with `includeVictims`, and marked) by
    /// what removing each alone would do, with betweenness, PageRank, brokerage role and
    /// articulation status beside it. Links are read as undirected for the removal measures.
    public func keyPlayers(includeVictims: Bool = false, partition: String = "kind") throws(CentralityError) -> KeyPlayerRanking {
        // One fragmentation per candidate is O(n · m): past this size the ranking would run for hours.
        guard entities.count <= Self.keyPlayerLimit else {
            throw CentralityError("key players are computed for networks of up to \(Self.keyPlayerLimit) entities (this one has \(entities.count)); filter it or rank with tnet centrality")
        }
        var options = CentralityAnalysisOptions()
        options.partition = partition
        let table = try centrality([.betweenness, .pagerank, .brokerage], options: options)
        var value = [[Double]](repeating: [Double](repeating: 0, count: entities.count), count: table.columns.count)
        for (r, row) in table.rows.enumerated() { for c in table.columns.indices { value[c][row.source] = table.values[c][r] } }
        let roles = BrokerageRole.allCases.map(\.rawValue)
        let g = graph(ProjectionOptions(direction: .undirected))
        let articulation = Set(g.cutStructure().articulationPoints.map(Int.init))
        let base = g.fragmentation()
        func largest(_ present: [Bool]) -> Int {
            let sub = Self.without(g, present)
            let labels = sub.connectedComponents()
            var sizes = [Int](repeating: 0, count: labels.count)
            for v in 0 ..< entities.count where present[v] { sizes[Int(labels.labels[v])] += 1 }
            return sizes.max() ?? 0
        }
        var present = [Bool](repeating: true, count: entities.count)
        let largestBefore = largest(present)
        let candidates = entities.indices.filter { isRemovalCandidate($0) || (includeVictims && entities[$0].role?.isProtected == true) }
        func rank(_ column: [Double]) -> [Int: Int] {
            let order = candidates.sorted { column[$0] != column[$1] ? column[$0] > column[$1] : Self.precedes(entities[$0].id, entities[$1].id) }
            return Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0 + 1) })
        }
        let betweennessRank = rank(value[0]), pagerankRank = rank(value[1])
        var players: [KeyPlayer] = []
        for i in candidates {
            present[i] = false
            let f = g.fragmentation(present: present)
            let cutOff = max(0, largestBefore - largest(present) - 1)
            present[i] = true
            var best: (String, Int)? = nil
            for (k, role) in roles.enumerated() {
                let count = Int(value[2 + 1 + k][i])
                if count > 0 && count > (best?.1 ?? 0) { best = (role, count) }
            }
            var why: [String] = []
            if articulation.contains(i) { why.append("articulation point: removing it cuts \(cutOff) entit\(cutOff == 1 ? "y" : "ies") off") }
            if let r = betweennessRank[i], r <= 3, value[0][i] > 0 { why.append("on the most shortest paths (betweenness #\(r))") }
            if let (role, count) = best, count >= 5 { why.append("\(role) broker (\(count) pairs)") }
            if let r = pagerankRank[i], r <= 3 { why.append("most linked-to (PageRank #\(r))") }
            if why.isEmpty && f > base { why.append("removal raises fragmentation by \(Self.percent(f - base))") }
            players.append(KeyPlayer(entity: i, betweenness: value[0][i], pagerank: value[1][i], brokerageRole: best?.0,
                                     brokerageCount: best?.1 ?? 0, isArticulationPoint: articulation.contains(i), cutOff: cutOff,
                                     fragmentationGain: f - base, why: why.joined(separator: "; "),
                                     isProtected: entities[i].role?.isProtected == true))
        }
        players.sort { a, b in
            if a.fragmentationGain != b.fragmentationGain { return a.fragmentationGain > b.fragmentationGain }
            if a.betweenness != b.betweenness { return a.betweenness > b.betweenness }
            return Self.precedes(entities[a.entity].id, entities[b.entity].id)
        }
        let protectedCount = entities.filter { $0.role?.isProtected == true }.count
        return KeyPlayerRanking(players: players, fragmentation: base, protectedExcluded: includeVictims ? 0 : protectedCount)
    }

    /// Borgatti's KPP-Neg over the actors (never places, never protected persons: a set is a
    /// proposal to remove), against the top-`k` by betweenness.
    public func keyPlayerSet(_ k: Int, seed: UInt64 = 0) throws(CentralityError) -> KeyPlayerSetResult {
        guard entities.count <= Self.keyPlayerLimit else {
            throw CentralityError("key-player sets are computed for networks of up to \(Self.keyPlayerLimit) entities (this one has \(entities.count)); filter it first")
        }
        let g = graph(ProjectionOptions(direction: .undirected))
        let candidates = entities.indices.map(isRemovalCandidate)
        let table = try centrality([.betweenness])
        let order = table.sortedRows(ids: { self.entities[$0].id }).map { table.rows[$0].source }.filter { candidates[$0] }
        let top = Array(order.prefix(k))
        // The top k by betweenness is one of the starts, so the set found is never worse.
        let found = g.keyPlayerSet(k, candidates: candidates, seed: seed, starts: [top.map { NodeIndex($0) }])
        var present = [Bool](repeating: true, count: entities.count)
        for i in top { present[i] = false }
        let topFragmentation = g.fragmentation(present: present)
        return KeyPlayerSetResult(set: found.nodes.map(Int.init).sorted { Self.precedes(entities[$0].id, entities[$1].id) },
                                  fragmentation: found.fragmentation,
                                  betweennessSet: top, betweennessFragmentation: topFragmentation,
                                  baseFragmentation: g.fragmentation(),
                                  protectedExcluded: entities.filter { $0.role?.isProtected == true }.count)
    }

    /// Largest network ``keyPlayers(includeVictims:partition:)`` and ``keyPlayerSet(_:seed:)`` take.
    public static let keyPlayerLimit = 5_000

    static func percent(_ x: Double) -> String {
        let p = (x * 1000).rounded() / 10
        return "\(p) points"
    }
}
