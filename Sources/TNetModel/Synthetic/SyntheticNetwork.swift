import TNetGraph

/// A synthetic network shaped like a trafficking network, for tests and benchmarks:
/// syndicates operate compounds in host countries' regions and sites, recruit through brokers
/// and platforms from source countries, are protected by officials they bribe, launder through
/// front companies and payment channels; police and international bodies cooperate,
/// rescue and sanction. Victims appear only as persons with role `victim` trafficked to
/// compounds (they are synthetic).
///
/// Attachment is preferential (a new link picks an endpoint in proportion to the links it
/// already has, plus one), so hubs emerge and degrees follow a power law, as in Barabási and
/// Albert (1999). The same `nodes`, `seed` and `averageDegree` give the same dataset on every
/// platform (`SplitMix64`).
///
/// Every entity and link cites the one source `synthetic` and carries a grade and, mostly, a
/// period, so every filter and report has something to work on. The data describes no one.
public struct SyntheticNetwork: Sendable {
    /// How many entities to generate (a negative count gives an empty dataset).
    public var nodes: Int
    /// The random seed: the same seed (with the same ``nodes`` and ``averageDegree``) gives the
    /// same dataset.
    public var seed: UInt64
    /// Target mean degree (2 × links / entities).
    public var averageDegree: Double

    /// A generator's settings.
    /// - Parameters:
    ///   - nodes: How many entities to generate.
    ///   - seed: The random seed.
    ///   - averageDegree: Target mean degree; the structural links alone may exceed it.
    public init(nodes: Int, seed: UInt64 = 1, averageDegree: Double = 4) {
        self.nodes = nodes
        self.seed = seed
        self.averageDegree = averageDegree
    }

    private enum Category: Int, CaseIterable {
        case country, region, site, syndicate, compound, official, agency, company, financial, platform,
             boss, manager, recruiter, broker, enforcer, victim, survivor, witness
    }

    /// Share of non-country entities in each category, per thousand.
    private static let shares: [(Category, Int)] = [
        (.region, 30), (.site, 40), (.syndicate, 20), (.compound, 60), (.official, 50), (.agency, 20),
        (.company, 50), (.financial, 50), (.platform, 10), (.boss, 10), (.manager, 40), (.recruiter, 150),
        (.broker, 80), (.enforcer, 150), (.victim, 150), (.survivor, 30), (.witness, 10),
    ]

    /// Generates the dataset: countries (a few hosts, the rest sources), regions, sites,
    /// syndicates, compounds, officials, agencies, companies, payment channels, platforms and
    /// persons in fixed shares, then the links between them, filled with preferential ties among
    /// perpetrators up to the target degree. Entities come grouped (countries first, persons
    /// last, by role) with ids such as `compound-12`.
    /// - Returns: A dataset of exactly ``nodes`` entities with a title, a description that says
    ///   it is synthetic, and one source.
    /// - Complexity: O(*n* + *m*) for *n* entities and *m* links generated.
    public func generate() -> Dataset {
        var rng = SplitMix64(seed: seed)
        let n = max(nodes, 0)
        // Countries: a few hosts, the rest sources (about one per 500 entities, 5 to 60).
        let countryCount = min(n, max(min(5, n), min(60, n / 500)))
        var counts = [Int](repeating: 0, count: Category.allCases.count)
        counts[Category.country.rawValue] = countryCount
        let rest = n - countryCount
        var assigned = 0
        for (c, perMille) in Self.shares {
            let k = rest * perMille / 1000
            counts[c.rawValue] = k
            assigned += k
        }
        counts[Category.recruiter.rawValue] += rest - assigned

        var entities: [Entity] = []
        entities.reserveCapacity(n)
        var members: [[Int32]] = Array(repeating: [], count: Category.allCases.count)
        let prefixes = ["country", "region", "site", "syndicate", "compound", "official", "agency", "company", "financial",
                        "platform", "boss", "manager", "recruiter", "broker", "enforcer", "victim", "survivor", "witness"]
        for c in Category.allCases {
            for k in 0 ..< counts[c.rawValue] {
                let id = "\(prefixes[c.rawValue])-\(k + 1)"
                var e = Entity(id: id, kind: Self.kind(c), sources: ["synthetic"])
                if let role = Self.role(c) { e.role = role }
                e.confidence = Self.grade(&rng)
                if c != .country && c != .region && c != .site && c != .victim { e.period = Self.period(&rng) }
                members[c.rawValue].append(Int32(entities.count))
                entities.append(e)
            }
        }
        let hostCount = max(1, min(4, countryCount / 2))

        var b = Builder(rng: rng, members: members, degree: [Int32](repeating: 0, count: n))
        b.links.reserveCapacity(Int(Double(n) * averageDegree / 2) + n)
        // Geography: regions in host countries, sites in regions (or countries), compounds in regions or sites.
        for r in members[Category.region.rawValue] {
            b.link(r, b.uniform(.country, limit: hostCount), .locatedIn)
        }
        for s in members[Category.site.rawValue] {
            b.link(s, b.pick(.region) ?? b.uniform(.country), .locatedIn)
        }
        for c in members[Category.compound.rawValue] {
            b.link(c, b.pick(.site) ?? b.pick(.region) ?? b.uniform(.country, limit: hostCount), .locatedIn)
            if let s = b.pick(.syndicate) { b.link(s, c, .operates) }
        }
        // Hierarchy and recruitment.
        for cat in [Category.boss, .manager, .enforcer] {
            for p in members[cat.rawValue] { if let s = b.pick(.syndicate) { b.link(p, s, .memberOf) } }
        }
        for p in members[Category.manager.rawValue] { if let c = b.pick(.compound) { b.link(p, c, .controls) } }
        for p in members[Category.recruiter.rawValue] {
            if let s = b.pick(.syndicate) { b.link(s, p, .employs) }
            b.link(p, b.uniform(.country, from: hostCount), .recruitsFrom)
            if let pl = b.pick(.platform) { b.link(p, pl, .recruitsVia) }
        }
        for p in members[Category.broker.rawValue] {
            if let s = b.pick(.syndicate) { b.link(p, s, .memberOf) }
            if let c = b.pick(.compound) { b.link(p, c, .traffickedTo) }
        }
        for v in members[Category.victim.rawValue] {
            if let c = b.pick(.compound) { b.link(v, c, .traffickedTo) }
            b.link(v, b.uniform(.country, from: hostCount), .recruitsFrom)
        }
        for s in members[Category.survivor.rawValue] {
            if let c = b.pick(.compound) { b.link(s, c, .rescuedFrom) }
            b.link(s, b.uniform(.country, from: hostCount), .repatriatedTo)
        }
        for w in members[Category.witness.rawValue] { if let c = b.pick(.compound) { b.link(w, c, .locatedIn) } }
        // Corruption, money, advertising, enforcement.
        for o in members[Category.official.rawValue] {
            if let s = b.pick(.syndicate) { b.link(s, o, .bribes); b.link(o, s, .protects) }
            b.link(o, b.uniform(.country, limit: hostCount), .memberOf)
        }
        for c in members[Category.company.rawValue] {
            if let s = b.pick(.syndicate) { b.link(s, c, .controls) }
            if let f = b.pick(.financial) { b.link(c, f, .laundersVia) }
        }
        for f in members[Category.financial.rawValue] { if let s = b.pick(.syndicate) { b.link(s, f, .pays) } }
        for pl in members[Category.platform.rawValue] { if let s = b.pick(.syndicate) { b.link(s, pl, .advertisesOn) } }
        for a in members[Category.agency.rawValue] {
            b.link(a, b.uniform(.country), .memberOf)
            if let other = b.pick(.agency), other != a { b.link(a, other, .cooperatesWith, agreement: true) }
            if let s = b.pick(.syndicate), b.rng.unit() < 0.3 { b.link(a, s, .sanctions) }
        }
        // Fill to the target mean degree with preferential ties among perpetrators.
        let target = Int(Double(n) * averageDegree / 2)
        let perpetrators: [Category] = [.boss, .manager, .recruiter, .broker, .enforcer, .syndicate, .official]
        var attempts = 0
        while b.links.count < target && attempts < 4 * target {
            attempts += 1
            let a = perpetrators[b.rng.below(perpetrators.count)], c = perpetrators[b.rng.below(perpetrators.count)]
            guard let u = b.pick(a), let v = b.pick(c), u != v else { continue }
            b.link(u, v, a == .official || c == .official ? .colludesWith : (a == .syndicate || c == .syndicate ? .memberOf : .colludesWith))
        }

        var index: [String: Int32] = [:]
        index.reserveCapacity(n)
        for (i, e) in entities.enumerated() { index[e.id] = Int32(i) }
        var links = LinkColumns()
        links.reserveCapacity(b.links.count)
        for raw in b.links {
            var l = Link(source: entities[Int(raw.u)].id, target: entities[Int(raw.v)].id, kind: raw.kind,
                         confidence: raw.grade, sources: ["synthetic"], period: raw.period)
            if raw.kind == .cooperatesWith { l.agreement = Agreement.allCases[Int(raw.extra) % Agreement.allCases.count].rawValue }
            if raw.kind == .traffickedTo && raw.extra > 0 { l.weight = Double(raw.extra) }
            links.append(l, source: raw.u, target: raw.v)
        }
        var d = Dataset(uniqueEntities: entities, index: index, links: links, directed: nil)
        d.title = "Synthetic trafficking network (\(n) entities, seed \(seed))"
        d.description = "Generated by tnet generate: a typed, power-law network shaped like a trafficking network. Not real data."
        d.sources = [Source(id: "synthetic", title: "tnet synthetic generator", publisher: "tnet")]
        return d
    }

    private struct RawLink {
        var u: Int32, v: Int32
        var kind: LinkKind
        var grade: Confidence
        var period: Period?
        var extra: Int32
    }

    private struct Builder {
        var rng: SplitMix64
        var members: [[Int32]]
        var degree: [Int32]
        var links: [RawLink] = []
        /// Per category, one entry per link end: sampling it is preferential attachment.
        var ends: [[Int32]] = Array(repeating: [], count: Category.allCases.count)
        var categoryOf: [Int8] = []

        init(rng: SplitMix64, members: [[Int32]], degree: [Int32]) {
            self.rng = rng
            self.members = members
            self.degree = degree
            categoryOf = [Int8](repeating: 0, count: degree.count)
            for (c, list) in members.enumerated() { for m in list { categoryOf[Int(m)] = Int8(c) } }
        }

        /// Preferential: with probability in proportion to (links + 1).
        mutating func pick(_ c: Category) -> Int32? {
            let list = members[c.rawValue]
            guard !list.isEmpty else { return nil }
            let e = ends[c.rawValue]
            let r = rng.below(list.count + e.count)
            return r < list.count ? list[r] : e[r - list.count]
        }

        mutating func uniform(_ c: Category, from: Int = 0, limit: Int? = nil) -> Int32 {
            let list = members[c.rawValue]
            let hi = min(limit ?? list.count, list.count)
            let lo = min(from, max(hi - 1, 0))
            return list[lo + rng.below(max(hi - lo, 1))]
        }

        mutating func link(_ u: Int32, _ v: Int32, _ kind: LinkKind, agreement: Bool = false) {
            let grade = SyntheticNetwork.grade(&rng)
            let period = rng.unit() < 0.8 ? SyntheticNetwork.period(&rng) : nil
            var extra: Int32 = 0
            if agreement { extra = Int32(rng.below(4)) }
            if kind == .traffickedTo && rng.unit() < 0.5 { extra = Int32(1 + rng.below(200)) }
            links.append(RawLink(u: u, v: v, kind: kind, grade: grade, period: period, extra: extra))
            ends[Int(categoryOf[Int(u)])].append(u)
            ends[Int(categoryOf[Int(v)])].append(v)
        }
    }

    private static let grades: [Confidence] = ["A1", "A2", "B1", "B2", "B2", "B3", "C2", "C3", "C3", "C4", "D3", "F6"].map { Confidence($0)! }

    fileprivate static func grade(_ rng: inout SplitMix64) -> Confidence { grades[rng.below(grades.count)] }

    fileprivate static func period(_ rng: inout SplitMix64) -> Period {
        let start = 2016 + rng.below(8)
        let from = PartialDate(year: start, month: 1 + rng.below(12))
        let to: PartialDate? = rng.unit() < 0.4 ? PartialDate(year: min(2025, start + 1 + rng.below(4)), month: 1 + rng.below(12)) : nil
        return Period(from: from, to: to)
    }

    private static func kind(_ c: Category) -> EntityKind {
        switch c {
        case .country: return .country
        case .region: return .region
        case .site: return .site
        case .syndicate: return .syndicate
        case .compound: return .compound
        case .official: return .official
        case .agency: return .agency
        case .company: return .company
        case .financial: return .financial
        case .platform: return .platform
        default: return .person
        }
    }

    private static func role(_ c: Category) -> PersonRole? {
        switch c {
        case .boss: return .boss
        case .manager: return .manager
        case .recruiter: return .recruiter
        case .broker: return .broker
        case .enforcer: return .enforcer
        case .victim: return .victim
        case .survivor: return .survivor
        case .witness: return .witness
        default: return nil
        }
    }
}
