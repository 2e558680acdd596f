/// The kind of an entity. Built-in kinds are static members; a dataset may use others (they
/// should be declared in its schema).
public struct EntityKind: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The entity kind as written in a dataset (`compound`), compared exactly: case and spaces count.
    public let rawValue: String
    /// The entity kind named `rawValue`; any text is accepted (an unknown entity kind is a validation
    /// warning, not an error).
    /// - Parameter rawValue: The name as written in a dataset, such as `compound`.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The entity kind named `rawValue`; the same as ``init(rawValue:)``, without the label.
    /// - Parameter rawValue: The name as written in a dataset, such as `compound`.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The entity kind named by a string literal, as the built-in static members are written.
    /// - Parameter value: The name, such as `"compound"`.
    public init(stringLiteral value: String) { rawValue = value }
    /// The name, as in ``rawValue``.
    public var description: String { rawValue }
    /// Orders by name, in `String` order, so lists and tables of entity kinds are stable.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// An organised crime group that runs compounds, recruits and pays for protection.
    public static let syndicate: Self = "syndicate"
    /// A scam compound: a guarded site where trafficked people are held and made to defraud.
    public static let compound: Self = "compound"
    /// A state: a source of victims, a transit or a host of compounds. An entity's
    /// ``Entity/country`` names one of these.
    public static let country: Self = "country"
    /// A state, province or special economic zone.
    public static let region: Self = "region"
    /// A city, border crossing or transit point.
    public static let site: Self = "site"
    /// An individual; their ``PersonRole`` (``Entity/role``) says on which side they stand.
    public static let person: Self = "person"
    /// A public official (police officer, border guard, local authority) in their personal
    /// capacity: the one who may be bribed or protect a syndicate.
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

    /// Every built-in entity kind, in the order listed here; a ``Schema`` adds others.
    public static let builtIn: [Self] = [.syndicate, .compound, .country, .region, .site, .person, .official,
                                         .agency, .company, .financial, .platform, .node]
}

/// The kind of a link.
public struct LinkKind: RawRepresentable, Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The link kind as written in a dataset (`trafficked_to`), compared exactly: case and spaces count.
    public let rawValue: String
    /// The link kind named `rawValue`; any text is accepted (an unknown link kind is a validation
    /// warning, not an error).
    /// - Parameter rawValue: The name as written in a dataset, such as `trafficked_to`.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The link kind named `rawValue`; the same as ``init(rawValue:)``, without the label.
    /// - Parameter rawValue: The name as written in a dataset, such as `trafficked_to`.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The link kind named by a string literal, as the built-in static members are written.
    /// - Parameter value: The name, such as `"trafficked_to"`.
    public init(stringLiteral value: String) { rawValue = value }
    /// The name, as in ``rawValue``.
    public var description: String { rawValue }
    /// Orders by name, in `String` order, so lists and tables of link kinds are stable.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// `operates`: a syndicate, company or person runs the target (typically a compound).
    public static let operates: Self = "operates"
    /// `controls`: the source holds command over the target (a manager over a compound, a
    /// syndicate over a front company, a company over the zone it holds).
    public static let controls: Self = "controls"
    /// `member_of`: the source belongs to the target group (a person in a syndicate, an
    /// agency in a joint centre, a state in a regional body).
    public static let memberOf: Self = "member_of"
    /// `located_in`: the source is in the target place (a compound in a site or region, a
    /// region in a country).
    public static let locatedIn: Self = "located_in"
    /// `recruits_from`: the source (a recruiter, a syndicate) draws victims from the target,
    /// usually a source country.
    public static let recruitsFrom: Self = "recruits_from"
    /// `recruits_via`: the source recruits through the target channel (a job board, a social
    /// network, a messaging app).
    public static let recruitsVia: Self = "recruits_via"
    /// `trafficked_to`: people are moved from the source (a country, a broker, a victim) to
    /// the target (a compound or host country); the weight may count them.
    public static let traffickedTo: Self = "trafficked_to"
    /// `transits_through`: a route or the people on it pass through the target (a border
    /// crossing, a transit city or country).
    public static let transitsThrough: Self = "transits_through"
    /// `employs`: the source engages the target as staff or agent (a syndicate and its
    /// recruiters, managers, enforcers).
    public static let employs: Self = "employs"
    /// `protects`: the source (typically an official) shields the target from enforcement.
    public static let protects: Self = "protects"
    /// `bribes`: the source pays the target (typically an official) for favour.
    public static let bribes: Self = "bribes"
    /// `colludes_with`: the two sides act together in the scheme; symmetric by default.
    public static let colludesWith: Self = "colludes_with"
    /// `launders_via`: the source moves proceeds through the target (a bank account, wallet,
    /// payment service or front company).
    public static let laundersVia: Self = "launders_via"
    /// `pays`: money goes from the source to the target (a payment channel, a person).
    public static let pays: Self = "pays"
    /// `advertises_on`: the source posts lures (fake job offers) on the target platform.
    public static let advertisesOn: Self = "advertises_on"
    /// `cooperates_with`: two agencies or states work together against the network;
    /// symmetric by default, and qualified by an ``Agreement`` in ``Link/agreement``.
    public static let cooperatesWith: Self = "cooperates_with"
    /// `rescued_from`: the source (a survivor, or a group of them) was freed from the target
    /// compound.
    public static let rescuedFrom: Self = "rescued_from"
    /// `repatriated_to`: the source (a survivor, or a group of them) was returned to the
    /// target country.
    public static let repatriatedTo: Self = "repatriated_to"
    /// `sanctions`: the source (a designating agency or state) has imposed sanctions on the
    /// target; dated from the designation.
    public static let sanctions: Self = "sanctions"
    /// A link of a plain graph (edge list, GraphML without kinds).
    public static let link: Self = "link"

    /// Every built-in link kind, in the order listed here; a ``Schema`` adds others.
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
    /// The role as written in a dataset (`recruiter`), compared exactly: case and spaces count.
    public let rawValue: String
    /// The role named `rawValue`; any text is accepted (an unknown role is a validation
    /// warning, not an error).
    /// - Parameter rawValue: The name as written in a dataset, such as `recruiter`.
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The role named `rawValue`; the same as ``init(rawValue:)``, without the label.
    /// - Parameter rawValue: The name as written in a dataset, such as `recruiter`.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    /// The role named by a string literal, as the built-in static members are written.
    /// - Parameter value: The name, such as `"recruiter"`.
    public init(stringLiteral value: String) { rawValue = value }
    /// The name, as in ``rawValue``.
    public var description: String { rawValue }
    /// Orders by name, in `String` order, so lists and tables of roles are stable.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// A leader of a syndicate; perpetrator side.
    public static let boss: Self = "boss"
    /// Runs a compound or a part of it day to day; perpetrator side.
    public static let manager: Self = "manager"
    /// Finds and lures victims (fake job offers, personal contact); perpetrator side.
    public static let recruiter: Self = "recruiter"
    /// Guards, disciplines or punishes people in a compound; perpetrator side.
    public static let enforcer: Self = "enforcer"
    /// Arranges the movement or sale of people between recruiters and compounds; perpetrator
    /// side.
    public static let broker: Self = "broker"
    /// A person trafficked into a compound; protected: never a target, redacted on request.
    public static let victim: Self = "victim"
    /// A former victim who has left or been rescued; protected.
    public static let survivor: Self = "survivor"
    /// A person who has seen the network's workings and may give evidence; protected.
    public static let witness: Self = "witness"

    /// Every built-in role, perpetrator roles first; a ``Schema`` adds others.
    public static let builtIn: [Self] = [.boss, .manager, .recruiter, .enforcer, .broker, .victim, .survivor, .witness]

    /// Roles protected by the forced-criminality principle: never a target, redacted on request.
    public static let protected: [Self] = [.victim, .survivor, .witness]

    /// Roles on the perpetrator side: a person with one of them may be proposed as a target.
    public static let perpetrator: Set<Self> = [.boss, .manager, .recruiter, .enforcer, .broker]

    /// The role trimmed and lower-cased, plurals of the protected roles made singular: how a
    /// spreadsheet's `Victim ` or `survivors` is compared, so a spelling slip never makes a victim
    /// a target or lets a filter that excludes the `victim` role miss one.
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

}
