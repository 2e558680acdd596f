/// The kind of an entity. Built-in kinds are static members; a dataset may use others (they
/// should be declared in its schema).
public struct EntityKind: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public static let syndicate: Self = "syndicate"
    public static let compound: Self = "compound"
    public static let country: Self = "country"
    /// A state, province or special economic zone.
    public static let region: Self = "region"
    /// A city, border crossing or transit point.
    public static let site: Self = "site"
    public static let person: Self = "person"
    public static let official: Self = "official"
    /// Police, ministry, NGO, international body.
    public static let agency: Self = "agency"
    /// Front company, casino, developer.
    public static let company: Self = "company"
    /// Bank account, wallet, payment service.
    public static let financial: Self = "financial"
    /// Job board, social network, messaging app.
    public static let platform: Self = "platform"
    /// A node of a plain graph (edge list, GraphML without kinds).
    public static let node: Self = "node"

    public static let builtIn: [Self] = [.syndicate, .compound, .country, .region, .site, .person, .official,
                                         .agency, .company, .financial, .platform, .node]
}

/// The kind of a link.
public struct LinkKind: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public static let operates: Self = "operates"
    public static let controls: Self = "controls"
    public static let memberOf: Self = "member_of"
    public static let locatedIn: Self = "located_in"
    public static let recruitsFrom: Self = "recruits_from"
    public static let recruitsVia: Self = "recruits_via"
    public static let traffickedTo: Self = "trafficked_to"
    public static let transitsThrough: Self = "transits_through"
    public static let employs: Self = "employs"
    public static let protects: Self = "protects"
    public static let bribes: Self = "bribes"
    public static let colludesWith: Self = "colludes_with"
    public static let laundersVia: Self = "launders_via"
    public static let pays: Self = "pays"
    public static let advertisesOn: Self = "advertises_on"
    public static let cooperatesWith: Self = "cooperates_with"
    public static let rescuedFrom: Self = "rescued_from"
    public static let repatriatedTo: Self = "repatriated_to"
    public static let sanctions: Self = "sanctions"
    /// A link of a plain graph (edge list, GraphML without kinds).
    public static let link: Self = "link"

    public static let builtIn: [Self] = [.operates, .controls, .memberOf, .locatedIn, .recruitsFrom, .recruitsVia,
                                         .traffickedTo, .transitsThrough, .employs, .protects, .bribes,
                                         .colludesWith, .laundersVia, .pays, .advertisesOn, .cooperatesWith,
                                         .rescuedFrom, .repatriatedTo, .sanctions, .link]

    /// Kinds that are symmetric by nature; every other kind is directed unless a link says otherwise.
    public static let symmetric: Set<Self> = [.colludesWith, .cooperatesWith, .link]
}

/// The role of a person. Victims, survivors and witnesses are distinct from perpetrators: under
/// the forced-criminality principle a protected person is never proposed as a target
/// (``TargetPolicy``) and is redacted on request (``Redaction``).
public struct PersonRole: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public static let boss: Self = "boss"
    public static let manager: Self = "manager"
    public static let recruiter: Self = "recruiter"
    public static let enforcer: Self = "enforcer"
    public static let broker: Self = "broker"
    public static let victim: Self = "victim"
    public static let survivor: Self = "survivor"
    public static let witness: Self = "witness"

    public static let builtIn: [Self] = [.boss, .manager, .recruiter, .enforcer, .broker, .victim, .survivor, .witness]

    /// Roles protected by the forced-criminality principle: never a target, redacted on request.
    public static let protected: [Self] = [.victim, .survivor, .witness]

    /// Roles on the perpetrator side: a person with one of them may be proposed as a target.
    public static let perpetrator: Set<Self> = [.boss, .manager, .recruiter, .enforcer, .broker]

    /// The role trimmed and lower-cased, plurals of the protected roles made singular: how a
    /// spreadsheet's `Victim ` or `survivors` is compared, so a spelling slip never makes a victim
    /// a target or lets `--exclude-role victim` miss one.
    public var canonical: PersonRole {
        var s = rawValue.lowercased()[...]
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        switch s {
        case "victims": return .victim
        case "survivors": return .survivor
        case "witnesses": return .witness
        default: return PersonRole(String(s))
        }
    }

    /// Whether the role is protected (victim, survivor, witness, compared in ``canonical`` form).
    public var isProtected: Bool {
        Self.protected.contains(self) || Self.protected.contains(canonical)
    }
}
