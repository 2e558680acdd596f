import TNetGraph
import TNetModel

/// Everything a briefing states, computed once from a dataset (already filtered and, when asked,
/// redacted): the report writers only format it.
public struct Briefing: Sendable {
    /// How to reproduce the briefing.
    public struct Provenance: Sendable {
        /// The tool and its version that made the briefing ("tnet 0.1.0").
        public var tool: String
        /// The input file(s) and their SHA-256.
        public var inputs: [(path: String, sha256: String)]
        /// The filters in words ("as of 2022-01-01, confidence ≥ B3"), empty when none.
        public var filters: String
        /// Whether protected persons were replaced by pseudonyms before anything was computed.
        public var redacted: Bool
        /// The date the briefing was made (ISO 8601, `2024-05-01`).
        public var generated: String
        /// A provenance.
        /// - Parameters:
        ///   - tool: the tool and its version.
        ///   - inputs: each input file with its SHA-256 (``FileDigest/sha256(path:)``).
        ///   - filters: the filters in words, empty when none.
        ///   - redacted: whether protected persons were redacted.
        ///   - generated: the date stated.
        public init(tool: String, inputs: [(path: String, sha256: String)], filters: String, redacted: Bool, generated: String) {
            self.tool = tool
            self.inputs = inputs
            self.filters = filters
            self.redacted = redacted
            self.generated = generated
        }
    }

    /// A source country's shortest route to a compound (links read either way).
    public struct CountryRoute: Sendable {
        /// The source country's position in ``Briefing/dataset``.
        public var country: Int
        /// The route, over `LinkFamily.route` links, each step citing its link.
        public var route: Route
    }

    /// A section left out because the data cannot support it, and why, in one line.
    public struct Omission: Sendable, Hashable {
        /// The section's name: `routes`, `gaps` or `corruption`.
        public var section: String
        /// Why the data cannot support it, in one line.
        public var why: String
    }

    /// The dataset the briefing states, as filtered and redacted.
    public var dataset: Dataset
    /// How to reproduce the briefing: tool, inputs and their hashes, filters, redaction, date.
    public var provenance: Provenance
    /// Counts and shape of the dataset.
    public var summary: DatasetSummary
    /// The first key players (`Dataset.keyPlayers(includeVictims:partition:)`, TNetModel),
    /// candidates of the target policy only.
    public var keyPlayers: [KeyPlayer]
    /// Entities the target policy left out of key players, the set and disruption, by reason.
    public var targetExclusions: [(standing: TargetPolicy.Standing, count: Int)]
    /// How many entities the target policy allows to be proposed.
    public var candidateCount: Int
    /// How exact the key players are (``KeyPlayerRanking/accuracy``, TNetModel).
    public var keyPlayerAccuracy: RemovalAccuracy
    /// What the sample establishes about the order of ``keyPlayers`` (``KeyPlayerRanking/order``);
    /// nil when their gains are exact.
    public var keyPlayerOrder: SampledOrder?
    /// ``keyPlayerOrder`` in words, for the first ``keyPlayers``; nil when the gains are exact.
    public var keyPlayerOrderText: String? { keyPlayerOrder?.text(listed: keyPlayers.count, of: "fragmentation gain") }
    /// The candidates whose removal alone cuts the most entities off the largest part: three,
    /// and every one tied with the third when it cuts off more than one, most first (exact counts, whatever the sampling): what
    /// the findings name when the sample does not establish the largest gains.
    public var mostCutOff: [KeyPlayer]
    /// The set the KPP-Neg search found to remove together; nil for a set size of 0.
    public var keyPlayerSet: KeyPlayerSetResult?
    /// Leiden communities, seed 0.
    public var communities: CommunityResult
    /// Nil when the data has no source country or no compound.
    public var routes: [CountryRoute]?
    /// The cheapest cut between the source countries and the compounds: the fewest ties (and the
    /// fewest candidate entities, by the target policy) whose removal leaves no way from one side
    /// to the other over ``LinkFamily/operational`` links read either way, each tie one unit (what
    /// `tnet flow --from COUNTRIES --to compound --undirected --vertex-cut --link-kinds …` finds).
    /// Nil when ``routes`` is nil.
    public var flowCut: FlowCut?

    /// A minimum cut, by dataset positions of ``Briefing/dataset``.
    public struct FlowCut: Sendable {
        /// The maximum flow (the number of ties in the minimum cut).
        public var value: Double
        /// The links behind the cut's ties, dataset positions.
        public var links: [Int]
        /// The fewest candidate entities separating the sides; nil when no set of candidates does.
        public var entities: [Int]?
        /// When no set of candidates separates the sides, a shortest route from a source country
        /// to a compound over the same links with no candidate on it (dataset positions, the
        /// country first): why, from the data (a direct link, or victims, places or authorities
        /// between). Nil otherwise.
        public var uncutRoute: [Int]? = nil
    }

    /// Nil when no trafficking flow joins two countries.
    public var gaps: [CooperationGap]?
    /// Nil when the data has no official and no agency.
    public var corruption: [CorruptionExposure]?
    /// Disruption scenarios: betweenness, degree, articulation and random, ranked again after
    /// each removal (above the exact limit with ε ``disruptionEpsilon`` at least).
    public var disruption: DisruptionResult
    /// For each source id: how many entities and links cite it, and the grades they carry.
    public var citations: [String: (facts: Int, grades: [String: Int])]
    /// Entities and links that cite no source.
    public var uncitedFacts: Int
    /// Whether every entity is of kind `node` (an edge list, a GraphML file without kinds): only
    /// its structure can be analysed.
    public var isPlainGraph: Bool
    /// Sections left out, in the order they would have stood.
    public var omitted: [Omission]

    /// What the diagram draws of a network above ``diagramLimit`` entities: the ``diagramTop``
    /// highest by `measure` (betweenness; sampled betweenness above the exact limit) of `of`,
    /// and the links among them; nil when it draws every entity.
    public var diagramView: (shown: Int, of: Int, measure: CentralityMeasure)?

    /// Above this many entities the briefing's diagram draws a view of the ``diagramTop``
    /// entities highest by betweenness: a drawing of thousands of entities cannot be read
    /// (and its layout takes minutes).
    public static let diagramLimit = 500
    /// How many entities the diagram's view draws above ``diagramLimit``.
    public static let diagramTop = 150

    /// Above the exact limit, the disruption scenarios are measured with this ε at least (about
    /// 1,700 sources at δ 0.1), and say so.
    public static let disruptionEpsilon = 0.03

    /// Above this many entities (unless `--exact`) the briefing keeps to a budget, stated in it
    /// (``scaleNote``): at ε 0.01 one pass of fragmentation gains over 100,000 entities takes
    /// about 15,000 sources, some 6 minutes of two cores, and the set search makes dozens.
    public static let scaleLimit = 50_000
    /// At scale: the ε (at least) of the key players' fragmentation gains and betweenness and
    /// of the set's stated fragmentations (about 1,700 sources at δ 0.1).
    public static let scaleEpsilon = 0.03
    /// At scale: the ε (at least) of the sample the set search compares sets on (about 150
    /// sources at δ 0.1); the set's values are then measured at ``scaleEpsilon``.
    public static let scaleSearchEpsilon = 0.1
    /// At scale: random starts of the set search besides the greedy start and the betweenness set.
    public static let scaleRestarts = 0
    /// At scale: the ε (at least) of the disruption curves (about 150 sources at δ 0.1; the
    /// same sources at every step, so the curves' steps are measured far closer than the bound).
    public static let scaleDisruptionEpsilon = 0.1

    /// What the briefing did differently because the network is above ``scaleLimit`` entities,
    /// in one paragraph (every value's bound is stated with it too); nil below it or with
    /// `--exact`.
    public var scaleNote: String?

    /// How the removal measures read the network, printed with them.
    public var projection: String { Dataset.removalProjectionText }

    /// Computes every section of the briefing of `d`. Sections the data cannot support (no
    /// compound, no flow between countries, no state actor) are nil and listed in ``omitted``.
    /// - Parameters:
    ///   - d: the dataset, already filtered and, when asked, redacted.
    ///   - provenance: how to reproduce the briefing.
    ///   - count: how many key players to list.
    ///   - setSize: the size of the key-player set (0: none).
    ///   - disruptionSteps: removals per disruption strategy.
    ///   - sampling: exact or sampled removal measures above the exact limit (TNetGraph's
    ///     `EfficiencySampling`); every section states which, with its bounds.
    ///   - threads: worker threads (the briefing does not depend on them).
    ///   - progress: told what runs and the fraction done.
    ///   - scaleLimit: above this many entities the briefing samples more coarsely
    ///     (``scaleNote``); ``scaleLimit`` by default.
    /// - Throws: `CentralityError` from the key-player ranking (a brokerage partition with no
    ///   group, say), `AnalysisError` from routes or disruption (both TNetModel).
    /// - Complexity: dominated by the removal measures: O(*k* · *m*) per pass of *k* sources
    ///   (every entity up to the exact limit): one for the key players, a few dozen for the set,
    ///   one efficiency per disruption step.
    public init(dataset d: Dataset, provenance: Provenance, keyPlayers count: Int = 10, setSize: Int = 3,
                disruptionSteps: Int = 10, sampling: EfficiencySampling = EfficiencySampling(), threads: Int = 1,
                progress: (@Sendable (String, Double) -> Void)? = nil, scaleLimit: Int = Briefing.scaleLimit) throws {
        dataset = d
        self.provenance = provenance
        summary = DatasetSummary(d)
        let exactBetweenness = sampling.exact || d.entities.count <= sampling.exactLimit
        diagramView = d.entities.count > Self.diagramLimit
            ? (Self.diagramTop, d.entities.count, exactBetweenness ? .betweenness : .approxBetweenness) : nil
        isPlainGraph = !d.entities.isEmpty && d.entities.allSatisfy { $0.kind == .node }
        let atScale = !sampling.exact && d.entities.count > scaleLimit
        // The removal measures' sampling: at scale a coarser sample, stated with every value.
        var measured = sampling
        if atScale { measured.epsilon = max(sampling.epsilon, Self.scaleEpsilon) }
        let ranking = try d.keyPlayers(sampling: measured, threads: threads, progress: progress)
        keyPlayers = Array(ranking.players.prefix(count))
        keyPlayerAccuracy = ranking.accuracy
        keyPlayerOrder = ranking.order
        // The three that cut most off, and every one tied with the third (helper-63: a fourth
        // cutting off as many was left out without a word).
        let byCutOff = ranking.players.filter { $0.cutOff > 0 }
            .sorted { $0.cutOff != $1.cutOff ? $0.cutOff > $1.cutOff : Dataset.precedes($0.id, $1.id) }
        let third = byCutOff.prefix(3).last?.cutOff
        // Not when the third cuts off one entity: hundreds of recruiters each cutting off their
        // one victim are not "the removals that cut most off" (helper-65).
        mostCutOff = Array(byCutOff.enumerated().prefix { $0.offset < 3 || ($0.element.cutOff == third && third! > 1) }.map(\.element))
        targetExclusions = ranking.excluded
        candidateCount = ranking.players.count
        // The set search takes the ranking's betweenness (the same graph, sampling and seed: the
        // same values) and, sampled, chooses its pool from the ranking's gains.
        var budget = SetSearchBudget()
        var betweenness = [Double](repeating: 0, count: d.entities.count), gains = [Double](repeating: .nan, count: d.entities.count)
        for p in ranking.players { betweenness[p.entity] = p.betweenness; gains[p.entity] = p.fragmentationGain }
        budget.betweenness = (betweenness, ranking.accuracy.betweenness)
        if !ranking.accuracy.isExact {
            budget.gains = gains
            budget.base = ranking.baseEstimate
        }
        if atScale {
            budget.searchEpsilon = Self.scaleSearchEpsilon
            budget.restarts = Self.scaleRestarts
        }
        keyPlayerSet = setSize > 0 ? try d.keyPlayerSet(setSize, seed: sampling.seed, sampling: measured, threads: threads, progress: progress,
                                                        budget: budget) : nil
        progress?("communities", 0)
        communities = d.communities(method: .leiden)
        var omitted: [Omission] = []
        let compounds = d.entities.contains { $0.kind == .compound }
        let sourceCountries = d.sourceCountries
        if !sourceCountries.isEmpty && compounds {
            progress?("routes and the cheapest cut", 0)
            routes = try Self.routes(d, from: sourceCountries)
            flowCut = try Self.flowCut(d, from: sourceCountries)
        } else {
            routes = nil
            flowCut = nil
            omitted.append(Omission(section: "routes", why: isPlainGraph ? "a plain graph has no kinds to trace a route by"
                                        : "no " + (sourceCountries.isEmpty ? "source country (a country that is the source of a trafficked_to link or the target of a recruits_from link)" : "compound") + " in the data"))
        }
        progress?("cooperation gaps and corruption", 0)
        let flows = d.cooperationGaps()
        if !flows.isEmpty {
            gaps = flows
        } else {
            gaps = nil
            omitted.append(Omission(section: "gaps", why: isPlainGraph ? "a plain graph has no kinds to find flows between states by"
                                        : "no trafficked_to link from a country to another country or to a compound in it"))
        }
        if d.entities.contains(where: { $0.kind == .official || $0.kind == .agency }) {
            corruption = d.corruptionExposure()
        } else {
            corruption = nil
            omitted.append(Omission(section: "corruption", why: isPlainGraph ? "a plain graph has no kinds to tell state actors by"
                                        : "no official or agency in the data"))
        }
        self.omitted = omitted
        var options = DisruptionOptions()
        options.strategies = [.betweenness, .degree, .articulation, .random]
        options.steps = disruptionSteps
        options.recompute = true
        options.seed = sampling.seed
        // Above the exact limit the curves are measured on a coarser sample (their steps move
        // together on the same sources; the bound is stated with them): 40 measures and 20
        // rankings of the whole network at ε 0.01 would take minutes.
        options.sampling = sampling
        options.sampling.epsilon = max(sampling.epsilon, atScale ? Self.scaleDisruptionEpsilon : Self.disruptionEpsilon)
        options.threads = threads
        options.progress = progress
        disruption = try d.disruption(options)
        scaleNote = atScale ? Self.scaleText(entities: d.entities.count, limit: scaleLimit, sampling: sampling, keyPlayers: ranking.accuracy, set: keyPlayerSet,
                                             disruption: disruption.accuracy) : nil
        var cited: [String: (facts: Int, grades: [String: Int])] = [:]
        var uncited = 0
        func cite(_ sources: [String], _ grade: Confidence?) {
            if sources.isEmpty { uncited += 1 }
            for s in sources {
                var entry = cited[s] ?? (0, [:])
                entry.facts += 1
                entry.grades[grade?.description ?? "ungraded", default: 0] += 1
                cited[s] = entry
            }
        }
        for e in d.entities { cite(e.sources, e.confidence) }
        for l in d.links { cite(l.sources, l.confidence) }
        citations = cited
        uncitedFacts = uncited
    }

    /// ``scaleNote``: what was sampled more coarsely above ``scaleLimit`` entities, with the
    /// samples and seed.
    static func scaleText(entities n: Int, limit: Int, sampling: EfficiencySampling, keyPlayers: RemovalAccuracy, set: KeyPlayerSetResult?,
                          disruption: RemovalAccuracy) -> String {
        // ε rounded up, the probability 1 − δ worked in decimal, as every section states them
        // (rounded to the nearest, 0.03004 read 0.03 and 1 − 0.00004 read 1).
        let eps = RemovalAccuracy.number
        // Betweenness exact in place of its sample is said as such, not as sampled at ε.
        let sampledBetweenness = keyPlayers.betweennessSampled
        var parts = [(sampledBetweenness ? "key players' fragmentation gains and betweenness" : "key players' fragmentation gains")
                     + " at ε \(eps(keyPlayers.sampling.epsilon)) (\(keyPlayers.sources) sources"
                     + (keyPlayers.betweenness.map { sampledBetweenness ? ", \($0.samples) shortest paths" : "; betweenness exact" } ?? "") + ")"]
        if let set, let search = set.search {
            parts.append("the set to act on searched among \(set.searched) of \(set.candidates) candidates, comparing sets on \(search.sources) sources (ε \(eps(search.epsilon))) from the greedy start and the betweenness set"
                         + (search.restarts == 0 ? " without random restarts" : " and \(search.restarts) random starts")
                         + ", its fragmentations then measured at ε \(eps(set.accuracy.sampling.epsilon)) (\(set.accuracy.sources) sources; the two sets' on a second sample, seed \(sampling.seed &+ 1))")
        }
        parts.append("disruption curves at ε \(eps(disruption.sampling.epsilon)) (\(disruption.sources) sources)")
        return "Above \(limit) entities (this network has \(n)) the briefing samples more coarsely to finish in minutes: "
            + parts.joined(separator: "; ") + "; seed \(sampling.seed), each bound holding on its own with probability ≥ \(RemovalAccuracy.complement(sampling.delta)) and stated with its section. "
            + "tnet report --exact (hours at this size), or a filter to a part of the network, gives finer values."
    }

    /// The minimum cut of ``flowCut``, computed on the operational links only and mapped back to
    /// the dataset's own link positions (a result carries identities, not another view's positions).
    static func flowCut(_ d: Dataset, from sourceCountries: [Int]) throws -> FlowCut? {
        let filter = DatasetFilter(linkKinds: LinkFamily.operational)
        let view = try filter.apply(to: d)
        var original: [Int] = []
        d.forEachResolvedLink { i, _, _ in if filter.keeps(d.links[i]) { original.append(i) } }
        guard view.entities.count == d.entities.count, original.count == view.links.count else { return nil }
        var options = FlowOptions()
        options.undirected = true
        options.vertexCut = true
        let r = try view.flow(from: sourceCountries.map { d.entities[$0].id }, to: [EntityKind.compound.rawValue], options: options)
        guard r.value.isFinite else { return nil }
        var cut = FlowCut(value: r.value, links: r.cut.flatMap { $0.links.map { original[$0] } }.sorted(), entities: r.cutEntities)
        if r.cutEntities == nil && r.value > 0 { cut.uncutRoute = try uncutRoute(d, from: sourceCountries, over: filter) }
        return cut
    }

    /// A shortest route from one of `sources` to a compound over the links `filter` keeps, read
    /// either way, that passes no candidate of the target policy: what keeps a vertex cut of
    /// candidates from separating the two sides (helper-64: the finding said "links join a
    /// country to a compound directly, or only places and authorities stand between" where
    /// victims stood between). The briefing's own routes, avoiding the candidates.
    static func uncutRoute(_ d: Dataset, from sources: [Int], over filter: DatasetFilter) throws -> [Int]? {
        var options = RouteOptions()
        options.undirected = true
        options.linkKinds = filter.linkKinds
        let standings = d.targetStandings()
        options.avoid = d.entities.indices.filter { standings[$0] == .candidate }.map { d.entities[$0].id }
        return try routes(d, from: sources, options: options).min { $0.route.hops < $1.route.hops }?.route.entities
    }

    /// The routes' query: ``LinkFamily/route`` links read either way.
    static var routeOptions: RouteOptions {
        var options = RouteOptions()
        options.undirected = true
        options.linkKinds = LinkFamily.route
        return options
    }

    /// For every source country, the shortest route to a nearest compound over
    /// ``LinkFamily/route`` links read either way, on the dataset itself (so every step's link
    /// is the one walked).
    static func routes(_ d: Dataset, from sourceCountries: [Int], options: RouteOptions = Briefing.routeOptions) throws -> [CountryRoute] {
        var out: [CountryRoute] = []
        for c in sourceCountries {
            let reached = try d.distances(from: d.entities[c].id, options: options)
            guard let nearest = reached.first(where: { d.entities[$0.entity].kind == .compound }) else { continue }
            let result = try d.routes(from: d.entities[c].id, to: d.entities[nearest.entity].id, options: options)
            if let route = result.routes.first { out.append(CountryRoute(country: c, route: route)) }
        }
        return out
    }
}
