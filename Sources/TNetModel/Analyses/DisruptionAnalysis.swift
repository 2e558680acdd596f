import TNetGraph

/// How a disruption scenario picks the next actor to remove. Only candidates of the
/// ``TargetPolicy`` are ever picked; ties go to the smaller id.
public enum DisruptionStrategy: String, CaseIterable, Sendable {
    /// Most ties first, on what is left of ``Dataset/removalProjection``.
    case degree
    /// Highest betweenness (brokers between parts of the network) first.
    case betweenness
    /// Highest PageRank first (degree when PageRank does not converge).
    case pagerank
    /// Articulation points (whose removal splits the network) first, by betweenness; then the
    /// others by betweenness.
    case articulation
    /// A seeded random order: the baseline any targeted strategy should beat.
    case random
    /// The actors named in ``DisruptionOptions/targets``, in that order.
    case list
}

/// Options of ``Dataset/disruption(_:)``.
public struct DisruptionOptions: Sendable {
    /// The strategies to run, each from the intact network, in this order.
    public var strategies: [DisruptionStrategy] = [.betweenness, .degree, .random]
    /// Removals per strategy (fewer when the candidates run out).
    public var steps = 10
    /// Rank again after every removal (adaptive attack); otherwise the first ranking is followed.
    public var recompute = false
    /// The seed of the ``DisruptionStrategy/random`` order (the same seed gives the same run).
    public var seed: UInt64 = 0
    /// Entity ids for the `list` strategy; each must be a candidate of the ``TargetPolicy``.
    public var targets: [String] = []
    /// Exact or sampled efficiency and betweenness (its seed is replaced by ``seed``): exact up
    /// to ``TNetGraph/EfficiencySampling/exactLimit`` entities.
    public var sampling = EfficiencySampling()
    /// Worker threads of the searches (the result does not depend on them).
    public var threads = 1
    /// Told what runs and the fraction done.
    public var progress: (@Sendable (String, Double) -> Void)? = nil
    /// Betweenness, degree and random, 10 removals each, ranked once, seed 0.
    public init() {}
}

/// The state of the network after a number of removals.
public struct DisruptionStep: Sendable {
    /// The entity removed at this step; nil for the intact network (step 0).
    public var removed: Int?
    /// Entities in the largest connected part, as a share of all entities at the start.
    public var largestShare: Double
    /// Connected parts among the entities still present.
    public var components: Int
    /// NetworkX's global efficiency of what is left (hops, links either way); estimated from
    /// sampled sources above the exact limit (``DisruptionResult/accuracy``).
    public var efficiency: Double
    /// Maximum flow from the source countries to the compounds over the operational links (see
    /// ``DisruptionResult/flowLinkKinds``); nil when the dataset has no source country or no compound.
    public var flow: Double?
}

/// One strategy's scenario: the network measured before any removal, then after each.
public struct DisruptionRun: Sendable {
    /// The strategy that picked the removals.
    public var strategy: DisruptionStrategy
    /// The intact network (step 0), then one step per removal.
    public var steps: [DisruptionStep]
    /// The ids of the entities removed, in order (one per step after the first).
    public var removedIDs: [String]
}

/// What ``Dataset/disruption(_:)`` found: one run per strategy, and who was never removed.
public struct DisruptionResult: Sendable {
    /// One run per strategy, in the order asked for.
    public var runs: [DisruptionRun]
    /// Protected persons (victims, survivors, witnesses), never removal candidates.
    public var protectedExcluded: Int
    /// Entities that are places (countries, regions, sites, compounds): measured, never removed.
    public var placesExcluded: Int
    /// Every entity the target policy left out, by reason.
    public var excluded: [(standing: TargetPolicy.Standing, count: Int)]
    /// Source countries of the flow measure (``Dataset/sourceCountries``), by position.
    public var flowSources: [Int]
    /// Compounds of the flow measure (its sinks), by position.
    public var flowSinks: [Int]
    /// The link kinds of the flow measure (``LinkFamily/operational``): recruitment, transport,
    /// employment and control. Each link carries one unit; links are read either way.
    public static var flowLinkKinds: Set<LinkKind> { LinkFamily.operational }
    /// Exact or sampled efficiency (the same sampled sources at every step: common random
    /// numbers) and betweenness rankings, with their bounds.
    public var accuracy: RemovalAccuracy
    /// The graph the removals and measures run on, in words.
    public var projection: String { Dataset.removalProjectionText }

    /// What the sample establishes of the efficiency columns, in words; nil when efficiency is
    /// exact. Every sampled efficiency is within its own bound with probability 1 − δ: the intact
    /// network's ``RemovalAccuracy/fragmentationBound``, and at most ε after any removals (the
    /// sample is sized so). Two are told apart only when they differ by more than the two bounds
    /// together, b + ε (both holding: probability ≥ 1 − 2δ); then the sample establishes the
    /// direction of the change (that efficiency falls), and its size only as an estimate. At
    /// 10⁵ entities ten removals move efficiency by about 0.003, far inside that, and the columns
    /// then rank nothing: this says so, run by run, and which strategies' last efficiencies are
    /// told apart, in groups (a ranking of the strategies holds only between groups; helper-63
    /// found "differ by more than that" said of three strategies, two of them tied). At δ ≥ 0.5
    /// nothing is established, and it says so. The largest part, the parts and the flow are exact.
    public var sampledEfficiencyText: String? {
        guard !accuracy.isExact, accuracy.fragmentationBound > 0 else { return nil }
        let delta = accuracy.sampling.delta
        let margin = accuracy.fragmentationBound + max(accuracy.sampling.epsilon, accuracy.fragmentationBound)
        let exactRest = "; the largest part, the parts and the flow are exact"
        let measured = runs.filter { $0.steps.count > 1 }
        guard !measured.isEmpty else { return nil }
        guard 2 * delta < 1 else {
            return "the sample establishes no change of efficiency: at δ \(RemovalAccuracy.number(delta)) two values' bounds hold together with probability ≥ 1 − 2δ, which is not above 0" + exactRest
        }
        var falls: [String] = [], rises: [String] = [], untold: [String] = []
        for run in measured {
            let change = run.steps.last!.efficiency - run.steps.first!.efficiency
            let words = "\(run.strategy.rawValue) (estimated \(change >= 0 ? "+" : "−")\(RemovalAccuracy.number(abs(change))))"
            if abs(change) <= margin { untold.append(words) } else if change < 0 { falls.append(words) } else { rises.append(words) }
        }
        func over(_ names: [String]) -> String { (names.count == 1 ? "the run of " : "the runs of ") + names.joined(separator: ", ") }
        var parts: [String] = []
        if !falls.isEmpty { parts.append("the sample establishes that efficiency falls over " + over(falls)) }
        if !rises.isEmpty { parts.append("the sample establishes that efficiency rises over " + over(rises)) }
        if !untold.isEmpty {
            parts.append((parts.isEmpty ? "the sample does not establish a change of efficiency over " : "it does not establish one over ") + over(untold))
        }
        var text = parts.joined(separator: "; ")
            + ": two sampled efficiencies are told apart only by more than \(RemovalAccuracy.number(margin)), their bounds together (each comparison holding with probability ≥ \(RemovalAccuracy.complement(2 * delta)))"
        if measured.count > 1 {
            // The strategies by last efficiency, lowest (most disruptive) first, split where
            // two neighbours differ by more than two bounds after removals (each at most ε) —
            // a claim about all s last values at once, holding with probability ≥ 1 − sδ
            // (helper-65: b + ε, and each comparison's 1 − 2δ, were stated).
            let finalMargin = 2 * max(accuracy.sampling.epsilon, accuracy.fragmentationBound)
            // s·δ without the product's binary noise (3 × 0.05 is 0.15000000000000002).
            let joint = (Double(measured.count) * delta * 1e12).rounded() / 1e12
            let finals = measured.map { ($0.strategy.rawValue, $0.steps.last!.efficiency) }.sorted { $0.1 < $1.1 }
            // SampledOrder's split, lowest first: the values negated are highest first.
            let order = SampledOrder(sortedValues: finals.map { -$0.1 }, bound: finalMargin / 2, confidence: RemovalAccuracy.complement(min(1, joint)))
            let places = joint < 1 ? order.ranges(listed: finals.count) ?? [(1, finals.count, false)] : [(1, finals.count, false)]
            let groups = places.map { r in finals[(r.first - 1) ..< r.last].map(\.0) }
            let basis = " (last efficiencies told apart beyond \(RemovalAccuracy.number(finalMargin)), all \(measured.count) bounds holding together with probability ≥ \(order.confidence))"
            if groups.count == 1 {
                text += "; the sample does not rank the strategies by last efficiency" + basis
            } else if groups.allSatisfy({ $0.count == 1 }) {
                text += "; the sample ranks the strategies by last efficiency, lowest first: " + groups.map { $0[0] }.joined(separator: ", ") + basis
            } else {
                text += "; the sample tells the strategies' last efficiencies apart only in groups, lowest first: "
                    + groups.map { $0.count == 1 ? $0[0] : "{" + $0.joined(separator: ", ") + "}" }.joined(separator: "; ")
                    + " (within a group it does not rank them)" + basis
            }
        }
        return text + exactRest
    }
}

extension Dataset {
    /// Mixed into the seed of the random removal order (`disrupt --strategy random`), so that its
    /// stream is not the one the sampled sources are drawn from (SplitMix64 streams from seeds
    /// that differ by this are far apart: it is not a small multiple of the generator's step).
    static let randomOrderSalt: UInt64 = 0xD1B5_4A32_D192_ED03

    /// Countries that victims come from: the source of a `trafficked_to` link, or what a
    /// recruiter `recruits_from`. Positions in ascending order.
    /// - Complexity: O(*m*).
    public var sourceCountries: [Int] {
        var out = Set<Int>()
        forEachResolvedLink { i, s, t in
            let l = links[i]
            if l.kind == .traffickedTo && entities[Int(s)].kind == .country { out.insert(Int(s)) }
            if l.kind == .recruitsFrom && entities[Int(t)].kind == .country { out.insert(Int(t)) }
        }
        return out.sorted()
    }

    /// Disruption scenarios: for each strategy, actors removed one at a time, and after each
    /// removal the largest part's share, the number of parts, global efficiency and the
    /// remaining source-country → compound flow, on ``removalProjection``; a removed entity takes
    /// its links with it. Only candidates of the ``TargetPolicy`` are removed. Ties in a ranking go
    /// to the smaller id (code point order). The largest part's share and efficiency follow
    /// NetworkX's `connected_components` and `global_efficiency`; the flow, `maximum_flow_value`
    /// with unit capacities.
    ///
    /// ```swift
    /// var options = DisruptionOptions()
    /// options.strategies = [.betweenness, .random]
    /// options.recompute = true
    /// let result = try dataset.disruption(options)
    /// for run in result.runs { print(run.strategy, run.removedIDs, run.steps.last!.largestShare) }
    /// ```
    /// - Parameter options: the strategies, how many removals, whether to rank again, the seed.
    /// - Returns: one run per strategy, with the counts of entities the policy kept out.
    /// - Throws: ``AnalysisError`` for a `list` target that is unknown, protected or not a
    ///   candidate.
    /// Above ``TNetGraph/EfficiencySampling/exactLimit`` entities, efficiency is estimated from
    /// sampled sources (the same ones at every step, so that the curves compare) and betweenness
    /// rankings from sampled shortest paths, with the bounds in ``DisruptionResult/accuracy``.
    /// A network measured twice (the intact one, or the same removals by two strategies) is
    /// measured once.
    /// - Complexity: O(*s* · *k* · *q* · *m*) for *s* strategies, *k* steps and *q* sources
    ///   (every entity when exact): every step measures global efficiency (one breadth-first
    ///   search per source) and maximum flow (Dinic); betweenness ranking costs another
    ///   O(*n* · *m*) per ranking when exact.
    public func disruption(_ options: DisruptionOptions) throws(AnalysisError) -> DisruptionResult {
        let n = entities.count
        let g = removalProjection
        let standings = targetStandings()
        var sampling = options.sampling
        sampling.seed = options.seed
        let threads = options.threads
        func progress(_ label: String) -> ProgressHandler? { Self.handler(options.progress, label) }
        let candidates = (0 ..< n).filter { standings[$0].isCandidate }
        var listed: [Int] = []
        if options.strategies.contains(.list) {
            for id in options.targets {
                let i = try require(id, what: "targets")
                switch standings[i] {
                case .candidate: listed.append(i)
                case .protectedPerson:
                    throw .protectedTarget(id: id)
                case let reason:
                    throw .notATarget(id: id, standing: reason, kind: entities[i].kind)
                }
            }
        }
        // The flow network: operational links only, undirected, one unit each (parallel links add).
        let sources = sourceCountries, sinks = (0 ..< n).filter { entities[$0].kind == .compound }
        var flowFrom: [NodeIndex] = [], flowTo: [NodeIndex] = []
        forEachResolvedLink { i, s, t in
            if DisruptionResult.flowLinkKinds.contains(kind(ofLink: i)) && s != t { flowFrom.append(s); flowTo.append(t) }
        }
        let measureFlow = !sources.isEmpty && !sinks.isEmpty

        var measured: [[Bool]: DisruptionStep] = [:]
        var efficiencyAccuracy: EfficiencyEstimate?
        func measure(_ present: [Bool], removed: Int?) -> DisruptionStep {
            if var known = measured[present] {
                known.removed = removed
                return known
            }
            let sub = Self.without(g, present)
            let labels = sub.connectedComponents()
            var sizes = [Int](repeating: 0, count: labels.count)
            for v in 0 ..< n where present[v] { sizes[Int(labels.labels[v])] += 1 }
            let parts = sizes.filter { $0 > 0 }.count
            var flow: Double?
            if measureFlow {
                var f: [NodeIndex] = [], t: [NodeIndex] = []
                for (a, b) in zip(flowFrom, flowTo) where present[Int(a)] && present[Int(b)] { f.append(a); t.append(b) }
                let fg = Graph(nodeCount: n, directed: false, sources: f, targets: t, weights: [Double](repeating: 1, count: f.count), duplicates: .sum)
                let s = sources.filter { present[$0] }.map { NodeIndex($0) }, k = sinks.filter { present[$0] }.map { NodeIndex($0) }
                flow = s.isEmpty || k.isEmpty ? 0 : fg.maximumFlow(from: s, to: k, weighted: true).value
            }
            let efficiency = sub.efficiencyEstimate(present: present, sampling: sampling, threads: threads, progress: progress("efficiency"))
            if efficiencyAccuracy == nil { efficiencyAccuracy = efficiency }
            let step = DisruptionStep(removed: removed, largestShare: Double(sizes.max() ?? 0) / Double(max(n, 1)), components: parts,
                                      efficiency: efficiency.value, flow: flow)
            measured[present] = step
            return step
        }
        var betweennessSample: (samples: Int, bound: Double)?
        var ranked: [[Bool]: [Double]] = [:]
        func betweenness(_ sub: Graph, _ present: [Bool]) -> [Double] {
            if let known = ranked[present] { return known }
            let r = Self.removalBetweenness(sub, entities: present.lazy.filter { $0 }.count, sampling: sampling, threads: threads,
                                            progress: progress("betweenness"))
            // With --recompute each ranking has its own sample, sized for the network as it is
            // then: the widest bound and the smallest sample are stated, so each ranking is
            // within the bound stated (each with probability ≥ 1 − δ on its own), and a ranking
            // computed exactly (bound 0) never hides a sampled one.
            if let s = r.sampled {
                if let old = betweennessSample, old.bound > 0 {
                    if s.bound > 0 { betweennessSample = (min(old.samples, s.samples), max(old.bound, s.bound)) }
                } else {
                    betweennessSample = s
                }
            }
            ranked[present] = r.values
            return r.values
        }

        func ranking(_ strategy: DisruptionStrategy, _ present: [Bool], rng: inout SplitMix64) -> [Int] {
            let pool = candidates.filter { present[$0] }
            func byScore(_ values: [Double], first: Set<Int> = []) -> [Int] {
                let score = values.map(Self.rankingScore)
                return pool.sorted { a, b in
                    let fa = first.contains(a), fb = first.contains(b)
                    if fa != fb { return fa }
                    if score[a] != score[b] { return score[a] > score[b] }
                    return Self.precedes(entities[a].id, entities[b].id)
                }
            }
            let sub = Self.without(g, present)
            switch strategy {
            case .degree: return byScore(sub.degrees().map(Double.init))
            case .betweenness: return byScore(betweenness(sub, present))
            case .pagerank: return byScore((try? sub.pageRank(threads: threads)) ?? sub.degrees().map(Double.init))
            case .articulation:
                let cut = Set(sub.cutStructure().articulationPoints.map(Int.init))
                return byScore(betweenness(sub, present), first: cut)
            case .random:
                var order = pool
                rng.shuffle(&order)
                return order
            case .list: return listed.filter { present[$0] }
            }
        }

        var runs: [DisruptionRun] = []
        for strategy in options.strategies {
            // The random order's stream is not the sampled sources' (seeded by the same
            // --seed): a bound holds for removals chosen independently of the sample (helper-63).
            var rng = SplitMix64(seed: options.seed ^ Self.randomOrderSalt)
            var present = [Bool](repeating: true, count: n)
            var steps = [measure(present, removed: nil)]
            var order = ranking(strategy, present, rng: &rng)
            for _ in 0 ..< options.steps {
                if options.recompute && steps.count > 1 { order = ranking(strategy, present, rng: &rng) }
                guard let next = order.first(where: { present[$0] }) else { break }
                present[next] = false
                steps.append(measure(present, removed: next))
            }
            runs.append(DisruptionRun(strategy: strategy, steps: steps, removedIDs: steps.dropFirst().map { entities[$0.removed!].id }))
        }
        return DisruptionResult(runs: runs, protectedExcluded: standings.filter { $0 == .protectedPerson }.count,
                                placesExcluded: standings.filter { $0 == .place }.count,
                                excluded: TargetPolicy.counts(standings).filter { !$0.standing.isCandidate },
                                flowSources: sources, flowSinks: sinks,
                                accuracy: RemovalAccuracy(efficiencyAccuracy ?? EfficiencyEstimate(value: 0, sources: 0, nodes: n, isExact: true, errorBound: 0),
                                                          sampling: sampling, betweenness: betweennessSample))
    }

    /// `g` without the edges of absent nodes (the nodes stay, isolated, so indices hold).
    static func without(_ g: Graph, _ present: [Bool]) -> Graph {
        var f: [NodeIndex] = [], t: [NodeIndex] = []
        g.forEachEdge { _, u, v, _ in
            if present[Int(u)] && present[Int(v)] { f.append(u); t.append(v) }
        }
        return Graph(nodeCount: g.nodeCount, directed: g.isDirected, sources: f, targets: t)
    }
}
