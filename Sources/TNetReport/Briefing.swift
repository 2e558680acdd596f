import TNetModel

/// Everything a briefing states, computed once from a dataset (already filtered and, when asked,
/// redacted): the report writers only format it.
public struct Briefing: Sendable {
    /// How to reproduce the briefing.
    public struct Provenance: Sendable {
        public var tool: String
        /// The input file(s) and their SHA-256.
        public var inputs: [(path: String, sha256: String)]
        /// The filters in words ("as of 2022-01-01, confidence ≥ B3"), empty when none.
        public var filters: String
        public var redacted: Bool
        public var generated: String
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
        public var country: Int
        public var route: Route
    }

    public var dataset: Dataset
    public var provenance: Provenance
    public var summary: DatasetSummary
    public var keyPlayers: [KeyPlayer]
    public var keyPlayerSet: KeyPlayerSetResult?
    public var communities: CommunityResult
    public var routes: [CountryRoute]
    public var gaps: [CooperationGap]
    public var corruption: [CorruptionExposure]
    public var disruption: DisruptionResult
    /// For each source id: how many entities and links cite it, and the grades they carry.
    public var citations: [String: (facts: Int, grades: [String: Int])]

    /// The link kinds a route from a source country to a compound may take (recruitment,
    /// transport, employment, control, place).
    public static let routeLinkKinds: [LinkKind] = [.recruitsFrom, .recruitsVia, .traffickedTo, .transitsThrough, .employs,
                                                    .operates, .controls, .locatedIn]

    public init(dataset d: Dataset, provenance: Provenance, keyPlayers count: Int = 10, setSize: Int = 3,
                disruptionSteps: Int = 10) throws {
        dataset = d
        self.provenance = provenance
        summary = DatasetSummary(d)
        keyPlayers = Array(try d.keyPlayers().players.prefix(count))
        // KPP is O(k · n² · m): only for investigation-sized networks.
        keyPlayerSet = d.entities.count <= 2_000 && setSize > 0 ? try d.keyPlayerSet(setSize) : nil
        communities = d.communities(method: .leiden)
        gaps = d.cooperationGaps()
        corruption = d.corruptionExposure()
        var options = DisruptionOptions()
        options.strategies = [.betweenness, .degree, .articulation, .random]
        options.steps = disruptionSteps
        options.recompute = true
        disruption = try d.disruption(options)
        routes = try Self.routes(d)
        var cited: [String: (facts: Int, grades: [String: Int])] = [:]
        func cite(_ sources: [String], _ grade: Confidence?) {
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
    }

    /// For every source country, the shortest route to any compound over ``routeLinkKinds``.
    static func routes(_ d: Dataset) throws -> [CountryRoute] {
        let kinds = Set(routeLinkKinds)
        var keep = [Bool](repeating: false, count: d.links.count)
        for (i, l) in d.links.enumerated() where kinds.contains(l.kind) { keep[i] = true }
        let view = d.subset(entities: [Bool](repeating: true, count: d.entities.count), links: keep)
        var options = RouteOptions()
        options.undirected = true
        var out: [CountryRoute] = []
        for c in d.sourceCountries {
            let reached = try view.distances(from: view.entities[c].id, options: options)
            guard let nearest = reached.first(where: { view.entities[$0.entity].kind == .compound }) else { continue }
            let result = try view.routes(from: view.entities[c].id, to: view.entities[nearest.entity].id, options: options)
            if let route = result.routes.first { out.append(CountryRoute(country: c, route: route)) }
        }
        return out
    }
}
