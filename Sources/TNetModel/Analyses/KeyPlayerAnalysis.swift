import TNetGraph

/// One actor's case for being a key player.
public struct KeyPlayer: Sendable {
    /// Position in the dataset the ranking was computed on.
    public var entity: Int
    /// The entity's id: what identifies it outside that dataset.
    public var id: String
    /// NetworkX's normalised betweenness on the undirected projection
    /// (``Dataset/removalProjection``), the graph the removal measures use.
    public var betweenness: Double
    /// NetworkX's PageRank (damping 0.85) on the same undirected projection.
    public var pagerank: Double
    /// The Gould–Fernandez role this actor plays most (coordinator, itinerant, representative,
    /// gatekeeper, liaison) over groups of `partition`, and how many times; nil when none.
    public var brokerageRole: String?
    /// How many times the actor plays ``brokerageRole`` (0 when none).
    public var brokerageCount: Int
    /// Whether removing it splits the network.
    public var isArticulationPoint: Bool
    /// Entities cut off from the largest part when this actor alone is removed.
    public var cutOff: Int
    /// Rise in distance-weighted fragmentation (Borgatti) when this actor alone is removed.
    public var fragmentationGain: Double
    /// A short reason, built from the above.
    public var why: String
    /// Whether the actor is a protected person, ranked only because protected persons were
    /// asked for (for analysis, never as a target).
    public var isProtected: Bool
}

/// What ``Dataset/keyPlayers(includeVictims:partition:sampling:threads:progress:)`` found: the
/// candidates ranked, who was never proposed, and how exact the values are.
public struct KeyPlayerRanking: Sendable {
    /// Ranked by fragmentation gain, then betweenness, then id.
    public var players: [KeyPlayer]
    /// Fragmentation of the intact network.
    public var fragmentation: Double
    /// Protected persons left out (0 with `includeVictims`).
    public var protectedExcluded: Int
    /// Entities the target policy left out, by reason (``TargetPolicy/Standing``), protected
    /// persons included even when `includeVictims` ranks them.
    public var excluded: [(standing: TargetPolicy.Standing, count: Int)]
    /// Exact or sampled, and the bounds of the fragmentation, of each gain and of betweenness.
    public var accuracy: RemovalAccuracy
    /// ``fragmentation`` with the sample it rests on.
    public var baseEstimate: EfficiencyEstimate
    /// Which places of the ranking by fragmentation gain the sample establishes; nil when the
    /// gains are exact. At 10⁵ entities a single actor's gain is often far below the sample's
    /// bound, and the ranking is then not established at all: every output says so.
    public var order: SampledOrder?
    /// The graph the ranking was computed on, in words.
    public var projection: String { Dataset.removalProjectionText }
}

/// What ``Dataset/keyPlayerSet(_:seed:sampling:threads:progress:)`` found: the set whose joint
/// removal fragments the network most, against the same number of actors highest by betweenness.
public struct KeyPlayerSetResult: Sendable {
    /// KPP-Neg: the set whose joint removal fragments the network most (greedy + swaps).
    public var set: [Int]
    /// The set's entity ids, in the same order.
    public var ids: [String]
    /// Borgatti's distance-weighted fragmentation once the set is removed (0 to 1).
    public var fragmentation: Double
    /// For comparison: the same number of actors ranked highest by betweenness.
    public var betweennessSet: [Int]
    /// The comparison set's entity ids, in the same order.
    public var betweennessIDs: [String]
    /// Fragmentation once the comparison set is removed.
    public var betweennessFragmentation: Double
    /// Fragmentation before any removal.
    public var baseFragmentation: Double
    /// Protected persons (victims, survivors, witnesses), never in either set.
    public var protectedExcluded: Int
    /// The candidates the search chose among (all of them, or those a pruning kept).
    public var searched: Int
    /// Every candidate of the target policy.
    public var candidates: Int
    /// Exact or sampled, and the bounds of the three fragmentations and of betweenness.
    public var accuracy: RemovalAccuracy
    /// How the search compared sets when it was sampled: the sources of its sample (ε and
    /// δ as `epsilon` and the accuracy's), and the random starts it made besides the greedy
    /// start and the betweenness set; nil when exact.
    public var search: (sources: Int, epsilon: Double, restarts: Int)?
    /// Sampled: the larger bound of the two sets' fragmentations, measured on a second sample
    /// (seed + 1) drawn independently of the one they were chosen on; 0 when exact.
    public var statedBound: Double = 0

    /// The margin by which the set's fragmentation must exceed the intact network's for the
    /// sample to establish a rise: the two values' bounds together (0 when exact).
    public var riseMargin: Double { accuracy.isExact ? 0 : accuracy.fragmentationBound + statedBound }

    /// Whether the two sets' fragmentations are exact (``statedBound`` 0): every value exact, or
    /// the network without a set small enough to search from every entity left.
    public var setsExact: Bool { statedBound == 0 }

    /// Whether the set is known to fragment the network more than the betweenness set: exact
    /// and ahead, or sampled and ahead by more than the two values' bounds together, with both
    /// bounds holding with a probability above 0 (2δ < 1).
    public var beatsBetweennessSet: Bool {
        if setsExact { return fragmentation > betweennessFragmentation }
        return 2 * accuracy.sampling.delta < 1 && fragmentation - betweennessFragmentation > 2 * statedBound
    }

    /// Whether the set found is the betweenness set itself (the same members).
    public var isBetweennessSet: Bool { Set(set) == Set(betweennessSet) }

    /// What the sample establishes of the set's two comparisons, in words: that removing it
    /// raises fragmentation, and that it fragments more than the betweenness set. Two values
    /// are told apart only when they differ by more than their bounds together (both bounds
    /// holding: probability ≥ 1 − 2δ; 1 − δ when the sets' values are exact, the network
    /// without them being small enough to search from every entity). Nil when every
    /// fragmentation is exact. At 2δ ≥ 1 (δ ≥ 0.5) nothing is established, and it says so.
    public var sampledComparison: String? {
        guard !accuracy.isExact else { return nil }
        let p = setsExact ? accuracy.sampling.delta : 2 * accuracy.sampling.delta
        let measured = setsExact
            ? "both sets' fragmentations are exact (every entity left was a source)"
            : "both sets' fragmentations are measured on a second sample (seed + 1), drawn independently of the one they were chosen on"
        guard p < 1 else {
            return "the sample establishes no comparison: at δ \(RemovalAccuracy.number(accuracy.sampling.delta)) the bounds involved hold together with probability ≥ 1 − \(setsExact ? "δ" : "2δ"), which is not above 0; \(measured)"
        }
        let rises = fragmentation - baseFragmentation > riseMargin
        let versus = isBetweennessSet ? "the set found is the betweenness set itself"
            : "\(beatsBetweennessSet ? "establishes" : "does not establish") that it fragments more than the betweenness set"
            + (setsExact ? "" : " (beyond \(RemovalAccuracy.number(2 * statedBound)))")
        return "the sample \(rises ? "establishes" : "does not establish") that removing the set raises fragmentation (a rise beyond \(RemovalAccuracy.number(riseMargin))), and \(versus); \(measured), and each comparison holds with probability ≥ \(RemovalAccuracy.complement(p))"
    }
}

/// What ``Dataset/keyPlayerSet(_:seed:sampling:threads:progress:budget:)`` may take as given or
/// spend less on, for a large network (the briefing at scale): the ranking's betweenness and
/// gains (the same graph, sampling and seed: the same values), a coarser sample for the search
/// and fewer random starts. Every field nil: the search as the size decides.
public struct SetSearchBudget: Sendable {
    /// Betweenness of every entity (candidates at least), as ``Dataset/removalBetweenness`` gives
    /// it with the same sampling and seed, and its sample when sampled.
    public var betweenness: (values: [Double], sampled: (samples: Int, bound: Double)?)?
    /// Each candidate's fragmentation gain alone (NaN elsewhere), from which the pool is chosen at
    /// scale instead of a pass of its own.
    public var gains: [Double]?
    /// The search compares sets on a sample of this ε at least (nil: ``Dataset/setSearchEpsilon``).
    public var searchEpsilon: Double?
    /// Random starts (nil: eight up to ``Dataset/setRestartLimit`` entities, two above).
    public var restarts: Int?
    /// The intact network's fragmentation as the ranking measured it with the same sampling
    /// (``KeyPlayerRanking/baseEstimate``), stated as the set's base instead of a pass of its own.
    public var base: EfficiencyEstimate?

    /// A budget that changes nothing.
    public init() {}
}

extension Dataset {
    /// The graph every removal measure reads (key players, the key-player set, disruption):
    /// every entity, links read either way, parallel and reciprocal links once, weights ignored.
    /// - Complexity: O(*n* + *m*) to build.
    public var removalProjection: Graph { graph(ProjectionOptions(direction: .undirected)) }

    /// ``removalProjection`` in words, printed with every result computed on it.
    public static let removalProjectionText = "links read either way, parallel links once, weights ignored"

    /// Ranks the candidates of the ``TargetPolicy`` (with `includeVictims`, protected persons
    /// too, marked) by what removing each alone would do: the rise in Borgatti's distance-weighted
    /// fragmentation, with betweenness, PageRank and articulation status on the same undirected
    /// projection (``removalProjection``), and the Gould–Fernandez brokerage role over groups of
    /// `partition` on the links as directed. NetworkX has no counterpart; its
    /// `betweenness_centrality` and `pagerank` give two of the columns.
    ///
    /// Every candidate is evaluated, all at once (``TNetGraph/Graph/removalGains(present:candidates:sampling:threads:progress:)``:
    /// one breadth-first search per source serves every candidate; only what a candidate
    /// dominates is searched again). Up to ``TNetGraph/EfficiencySampling/exactLimit`` entities
    /// (and with ``TNetGraph/EfficiencySampling/exact``) every value is exact; above it the
    /// fragmentations come from sampled sources and betweenness from sampled paths, with the
    /// bounds in ``KeyPlayerRanking/accuracy``.
    ///
    /// ```swift
    /// let ranking = try dataset.keyPlayers()
    /// for player in ranking.players.prefix(5) { print(player.id, player.fragmentationGain, player.why) }
    /// ```
    /// - Parameters:
    ///   - includeVictims: rank protected persons too, marked ``KeyPlayer/isProtected``, for
    ///     analysis only (they remain outside every proposal).
    ///   - partition: the groups of brokerage roles: `kind`, `country`, `role` or an attribute name.
    ///   - sampling: exact or sampled, ε, δ and seed (``TNetGraph/EfficiencySampling``).
    ///   - threads: worker threads (the result does not depend on them).
    ///   - progress: told what runs and the fraction done, from worker threads.
    /// - Returns: the ranked candidates, the intact network's fragmentation, the exclusions and
    ///   the accuracy.
    /// - Throws: ``CentralityError`` when the brokerage partition gives no entity a group, or
    ///   PageRank does not converge.
    /// - Complexity: O(*k* · (*m* + Σ deg · h)) for *k* sources (every entity when exact), h the
    ///   depth of an entity in a source's dominator tree; betweenness adds O(*n* · *m*) when
    ///   exact, O(*r* · (*n* + *m*)) at worst for *r* sampled paths.
    public func keyPlayers(includeVictims: Bool = false, partition: String = "kind", sampling: EfficiencySampling = EfficiencySampling(),
                           threads: Int = 1, progress: (@Sendable (String, Double) -> Void)? = nil) throws(CentralityError) -> KeyPlayerRanking {
        var options = CentralityAnalysisOptions()
        options.partition = partition
        let table = try centrality([.brokerage], options: options)
        var value = [[Double]](repeating: [Double](repeating: 0, count: entities.count), count: table.columns.count)
        for (r, row) in table.rows.enumerated() { for c in table.columns.indices { value[c][row.source] = table.values[c][r] } }
        let roles = BrokerageRole.allCases.map(\.rawValue)
        let g = removalProjection
        let (betweenness, betweennessSample) = Self.removalBetweenness(g, entities: entities.count, sampling: sampling, threads: threads,
                                                                       progress: Self.handler(progress, "betweenness"))
        let pagerank: [Double]
        do { pagerank = try g.pageRank(threads: threads) } catch { throw CentralityError("PageRank: \(error)") }
        let articulation = Set(g.cutStructure().articulationPoints.map(Int.init))
        let largestAfter = g.largestPartWithout()
        let largestBefore = g.connectedComponents().sizes.max() ?? 0
        let standings = targetStandings()
        let isRanked = entities.indices.map { standings[$0].isCandidate || (includeVictims && standings[$0] == .protectedPerson) }
        let candidates = entities.indices.filter { isRanked[$0] }
        let removal = g.removalGains(candidates: isRanked, sampling: sampling, threads: threads,
                                     progress: Self.handler(progress, "fragmentation"))
        let base = removal.base.value
        func rank(_ values: [Double]) -> [Int: Int] {
            let column = values.map(Self.rankingScore)
            let order = candidates.sorted { column[$0] != column[$1] ? column[$0] > column[$1] : Self.precedes(entities[$0].id, entities[$1].id) }
            return Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0 + 1) })
        }
        let betweennessRank = rank(betweenness), pagerankRank = rank(pagerank)
        // Sampled betweenness (every value within ±b together) places an actor among the three
        // highest only when its estimate exceeds the fourth highest by more than 2b; its exact
        // place among them is not claimed.
        let betweennessBound = betweennessSample?.bound ?? 0
        let fourthBetweenness = betweennessBound > 0
            ? candidates.map { Self.rankingScore(betweenness[$0]) }.sorted(by: >).dropFirst(3).first ?? -.infinity : 0
        // A rise is stated in a row only beyond the bound that holds for every gain together, the
        // one the ranking's order rests on (helper-63: each gain's own bound was used here).
        let jointGainBound = removal.gainBound > 0 ? SampledOrder.jointBound(removal.gainBound, count: candidates.count, delta: sampling.delta) : 0
        var players: [KeyPlayer] = []
        for i in candidates {
            let gain = removal.gains[i]
            let cutOff = max(0, largestBefore - largestAfter[i] - 1)
            var best: (String, Int)? = nil
            for (k, role) in roles.enumerated() {
                let count = Int(value[1 + k][i])
                if count > 0 && count > (best?.1 ?? 0) { best = (role, count) }
            }
            var why: [String] = []
            if articulation.contains(i) { why.append("articulation point: removing it cuts \(cutOff) entit\(cutOff == 1 ? "y" : "ies") off") }
            if let r = betweennessRank[i], r <= 3, betweenness[i] > 0 {
                if betweennessBound == 0 {
                    why.append("on the most shortest paths (betweenness #\(r))")
                } else if betweenness[i] - fourthBetweenness > 2 * betweennessBound {
                    why.append("on the most shortest paths (among the 3 highest by betweenness, sampled)")
                }
            }
            if let (role, count) = best, count >= 5 { why.append("\(role) broker (\(count) pairs)") }
            if let r = pagerankRank[i], r <= 3 { why.append("most linked-to (PageRank #\(r))") }
            // Sampled, a rise is stated only when the gain exceeds the joint bound.
            if why.isEmpty && gain > jointGainBound { why.append("removal raises fragmentation by \(Self.percent(gain))") }
            players.append(KeyPlayer(entity: i, id: entities[i].id, betweenness: betweenness[i], pagerank: pagerank[i], brokerageRole: best?.0,
                                     brokerageCount: best?.1 ?? 0, isArticulationPoint: articulation.contains(i), cutOff: cutOff,
                                     fragmentationGain: gain, why: why.joined(separator: "; "),
                                     isProtected: standings[i] == .protectedPerson))
        }
        players.sort { a, b in
            let (ga, gb) = (Self.rankingScore(a.fragmentationGain), Self.rankingScore(b.fragmentationGain))
            if ga != gb { return ga > gb }
            let (ba, bb) = (Self.rankingScore(a.betweenness), Self.rankingScore(b.betweenness))
            if ba != bb { return ba > bb }
            return Self.precedes(entities[a.entity].id, entities[b.entity].id)
        }
        let protectedCount = standings.filter { $0 == .protectedPerson }.count
        return KeyPlayerRanking(players: players, fragmentation: base, protectedExcluded: includeVictims ? 0 : protectedCount,
                                excluded: TargetPolicy.counts(standings).filter { !$0.standing.isCandidate },
                                accuracy: RemovalAccuracy(removal.base, sampling: sampling, gainBound: removal.gainBound,
                                                          betweenness: betweennessSample),
                                baseEstimate: removal.base,
                                order: removal.gainBound > 0
                                    ? SampledOrder(sortedValues: players.map(\.fragmentationGain), eachWithin: removal.gainBound,
                                                   delta: sampling.delta)
                                    : nil)
    }

    /// Borgatti's KPP-Neg over the candidates of the ``TargetPolicy`` (a set is a proposal to
    /// remove), against the top `k` candidates by betweenness, on ``removalProjection``: a
    /// greedy start, then Borgatti's swaps, from several seeded starts (eight up to
    /// ``setRestartLimit`` entities, two above) and the betweenness set, so the set found is
    /// never worse than the betweenness set
    /// (``TNetGraph/Graph/keyPlayerSet(_:candidates:seed:restarts:starts:sampling:threads:progress:)``).
    /// A heuristic (the optimum is NP-hard); NetworkX has no counterpart.
    ///
    /// Above ``TNetGraph/EfficiencySampling/exactLimit`` entities the search is pruned: it
    /// chooses among the ``setPoolSize`` candidates whose removal alone raises fragmentation
    /// most and the as many highest by betweenness (``KeyPlayerSetResult/searched``), with two
    /// random starts among them, comparing sets on a sample of ε ``setSearchEpsilon`` at least;
    /// the fragmentations stated come from the full sample (the bounds in
    /// ``KeyPlayerSetResult/accuracy``).
    ///
    /// ```swift
    /// let set = try dataset.keyPlayerSet(3)
    /// print(set.ids, set.fragmentation, "against", set.betweennessIDs, set.betweennessFragmentation)
    /// ```
    /// - Parameters:
    ///   - k: the size of the set.
    ///   - seed: the seed of the random starts and of sampling (the same seed gives the same set).
    ///   - sampling: exact or sampled, ε, δ (its seed is replaced by `seed`).
    ///   - threads: worker threads (the result does not depend on them).
    ///   - progress: told what runs and the fraction done, from worker threads.
    ///   - budget: values already computed and a cheaper search, for a large network
    ///     (``SetSearchBudget``); by default none.
    /// - Returns: the set, its fragmentation, and the betweenness set for comparison.
    /// - Throws: ``CentralityError`` (reserved; the search itself cannot fail).
    /// - Complexity: one ``TNetGraph/Graph/removalGains(present:candidates:sampling:threads:progress:)``
    ///   pass per greedy step and per swap tried: O(*k* · *r* · *s*) passes for *r* rounds and
    ///   *s* starts.
    public func keyPlayerSet(_ k: Int, seed: UInt64 = 0, sampling: EfficiencySampling = EfficiencySampling(), threads: Int = 1,
                             progress: (@Sendable (String, Double) -> Void)? = nil,
                             budget: SetSearchBudget = SetSearchBudget()) throws(CentralityError) -> KeyPlayerSetResult {
        var sampling = sampling
        sampling.seed = seed
        let g = removalProjection
        let standings = targetStandings()
        let candidates = standings.map(\.isCandidate)
        let candidateCount = candidates.filter { $0 }.count
        let exact = sampling.exact || entities.count <= sampling.exactLimit
        let (rawBetweenness, betweennessSample) = budget.betweenness
            ?? Self.removalBetweenness(g, entities: entities.count, sampling: sampling, threads: threads,
                                       progress: Self.handler(progress, "betweenness"))
        let betweenness = rawBetweenness.map(Self.rankingScore)
        func byScore(_ score: [Double]) -> [Int] {
            entities.indices.filter { candidates[$0] }.sorted { a, b in
                score[a] != score[b] ? score[a] > score[b] : Self.precedes(entities[a].id, entities[b].id)
            }
        }
        let order = byScore(betweenness)
        let top = Array(order.prefix(k))
        // The search compares sets on a smaller sample at scale (it is a heuristic); the values
        // stated are measured on the full one.
        var search = sampling
        if !exact { search.epsilon = max(sampling.epsilon, budget.searchEpsilon ?? Self.setSearchEpsilon) }
        // Pruning, at scale: the candidates best alone and the highest by betweenness.
        var pool = candidates
        if !exact {
            let gains = budget.gains ?? g.removalGains(candidates: candidates, sampling: search, threads: threads,
                                                       progress: Self.handler(progress, "fragmentation")).gains
            let size = max(Self.setPoolSize, 4 * k)
            pool = [Bool](repeating: false, count: entities.count)
            for i in byScore(gains.map(Self.rankingScore)).prefix(size) + order.prefix(size) { pool[i] = true }
        }
        // The top k by betweenness is one of the starts, so the set found is never worse.
        let restarts = budget.restarts ?? (entities.count <= Self.setRestartLimit ? 8 : 2)
        let found = g.keyPlayerSet(k, candidates: pool, seed: seed, restarts: restarts, starts: [top.map { NodeIndex($0) }],
                                   sampling: search, threads: threads, progress: Self.handler(progress, "set search"))
        func fragmentation(without nodes: [Int], on sample: EfficiencySampling) -> EfficiencyEstimate {
            var present = [Bool](repeating: true, count: entities.count)
            for i in nodes { present[i] = false }
            return g.fragmentationEstimate(present: present, sampling: sample, threads: threads)
        }
        var topFragmentation = fragmentation(without: top, on: sampling)
        var chosen = found.nodes.map(Int.init), chosenFragmentation = found.fragmentation
        var statedBound = 0.0
        if !exact {
            chosenFragmentation = fragmentation(without: chosen, on: sampling).value
            // Measured on the full sample, the betweenness set may come out ahead: then it is the set.
            if topFragmentation.value > chosenFragmentation { (chosen, chosenFragmentation) = (top, topFragmentation.value) }
            // Both sets were chosen on this sample (the search's sources are its first ones):
            // its values of them are biased upwards, and a bound holds only for a set fixed
            // before the sample is drawn. The values stated come from a second sample, seed + 1,
            // drawn independently of the choice (helper-62).
            var second = sampling
            second.seed = seed &+ 1
            let chosenEstimate = fragmentation(without: chosen, on: second)
            topFragmentation = chosen == top ? chosenEstimate : fragmentation(without: top, on: second)
            chosenFragmentation = chosenEstimate.value
            statedBound = max(chosenEstimate.errorBound, topFragmentation.errorBound)
        }
        // Drawn as the ranking's gains pass draws its sources, so that the ranking and the set
        // state the same intact fragmentation (helper-63: 8,567 sources against 8,565).
        let baseFragmentation = budget.base ?? g.fragmentationEstimate(sampling: sampling, threads: threads,
                                                                       sampleWidth: RemovalGains.sampleWidth(nodes: entities.count))
        let set = chosen.sorted { Self.precedes(entities[$0].id, entities[$1].id) }
        return KeyPlayerSetResult(set: set, ids: set.map { entities[$0].id }, fragmentation: chosenFragmentation,
                                  betweennessSet: top, betweennessIDs: top.map { entities[$0].id },
                                  betweennessFragmentation: topFragmentation.value,
                                  baseFragmentation: baseFragmentation.value,
                                  protectedExcluded: standings.filter { $0 == .protectedPerson }.count,
                                  searched: pool.filter { $0 }.count, candidates: candidateCount,
                                  accuracy: RemovalAccuracy(baseFragmentation, sampling: sampling, betweenness: betweennessSample),
                                  search: exact ? nil : (Self.searchSources(entities.count, search), search.epsilon, restarts),
                                  statedBound: statedBound)
    }

    /// The sources a removal-gains pass samples among `n` present nodes (all of them when the
    /// sample would hold every node).
    static func searchSources(_ n: Int, _ sampling: EfficiencySampling) -> Int {
        n <= 2 ? n : sampling.sourceCount(population: n, width: RemovalGains.sampleWidth(nodes: n))
    }

    /// Above ``TNetGraph/EfficiencySampling/exactLimit`` entities, ``keyPlayerSet(_:seed:sampling:threads:progress:)``
    /// chooses among this many candidates best alone, and as many highest by betweenness.
    public static let setPoolSize = 50

    /// Up to this many entities the set search makes eight random starts (Borgatti: the swaps
    /// have plateaus); above it two, each start costing a few passes over the whole network.
    public static let setRestartLimit = 1_000

    /// Above ``TNetGraph/EfficiencySampling/exactLimit`` entities, the set search compares sets
    /// on a sample of this ε at least (about 2,000 sources at δ 0.05); the fragmentations
    /// stated are measured on the full sample.
    public static let setSearchEpsilon = 0.03

    static func percent(_ x: Double) -> String {
        let p = (x * 1000).rounded() / 10
        // A rise that rounds to 0.0 read as none at all (helper-62: 1.7e-5 said "by 0.0 points").
        return p == 0 && x > 0 ? "less than 0.05 points" : "\(p) points"
    }
}
