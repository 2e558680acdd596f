/// Who may be proposed as a target of disruption, and who never: the one rule that key players,
/// the key-player set, disruption scenarios, flow cuts, the briefing and scripts all apply.
///
/// By default only the perpetrator side is proposed:
/// - syndicates, companies and financial channels;
/// - persons in a perpetrator role (boss, manager, recruiter, enforcer, broker);
/// - officials with a corruption link (``LinkFamily/corruption``) to the perpetrator side
///   (``Dataset/isPerpetratorSide(_:)``);
/// - the nodes of a plain graph (kind `node`), which carry nothing to judge by.
///
/// Never proposed: authorities and international bodies (`agency`), places (countries, regions,
/// sites, compounds: a compound is where people are held; its operators are the target), platforms
/// (intermediaries that are asked to act), officials without a corruption link, persons without a
/// perpetrator role, kinds the policy does not know, and — whatever any override says — protected
/// persons (victims, survivors, witnesses: the forced-criminality principle).
///
/// A dataset overrides the default per kind or per entity in its schema:
/// ```json
/// "schema": { "targets": { "kinds": { "militia": "candidate", "platform": "candidate" },
///                          "entities": { "syndicate-x": "excluded" } } }
/// ```
/// An entity's override beats its kind's, which beats the default; no override reaches a
/// protected person.
public struct TargetPolicy: Sendable, Hashable {
    /// An override's verdict.
    public enum Override: String, Sendable, Hashable, CaseIterable {
        /// May be proposed for disruption (never reaches a protected person).
        case candidate
        /// Never proposed, whatever the default says.
        case excluded
    }

    /// Why an entity may or may not be proposed. The raw value is how outputs name the reason.
    public enum Standing: String, Sendable, Hashable, CaseIterable {
        /// May be proposed for disruption: on the perpetrator side by default, or made a
        /// candidate by the schema.
        case candidate
        /// A victim, survivor or witness (``Entity/isProtected``): never proposed, whatever any
        /// override says.
        case protectedPerson = "protected person"
        /// An agency or international body (kind `agency`): asked to act, not acted against.
        case authority
        /// A country, region, site or compound (``TargetPolicy/placeKinds``): measured, never
        /// removed.
        case place
        /// A platform (kind `platform`): an intermediary that is asked to act.
        case intermediary
        /// An official with no corruption link to the perpetrator side.
        case officialWithoutCorruptionLink = "official without a corruption link"
        /// A person whose role is not a perpetrator role (or who has no role).
        case personWithoutPerpetratorRole = "person without a perpetrator role"
        /// An entity of a kind the policy does not know as a perpetrator kind (a kind declared in
        /// the schema, say).
        case notPerpetratorKind = "not a perpetrator kind"
        /// A default candidate that the schema excludes, by its id or its kind.
        case excludedBySchema = "excluded by the schema"

        /// Whether this standing allows the entity to be proposed (only ``candidate``).
        public var isCandidate: Bool { self == .candidate }
    }

    /// Overrides by entity kind.
    public var kinds: [EntityKind: Override]
    /// Overrides by entity id (beat the kind's).
    public var entities: [String: Override]

    /// A policy with these overrides; with none, the default policy.
    /// - Parameters:
    ///   - kinds: verdicts by entity kind.
    ///   - entities: verdicts by entity id, which beat the kind's.
    public init(kinds: [EntityKind: Override] = [:], entities: [String: Override] = [:]) {
        self.kinds = kinds
        self.entities = entities
    }

    /// Whether the dataset overrides nothing.
    public var isEmpty: Bool { kinds.isEmpty && entities.isEmpty }

    /// Kinds whose members are places: measured, never removed.
    public static let placeKinds: Set<EntityKind> = [.country, .region, .site, .compound]

    /// The default standing of an entity, before overrides. `corrupt`: whether it has a corruption
    /// link to the perpetrator side (only asked of officials).
    static func defaultStanding(_ e: Entity, corrupt: () -> Bool) -> Standing {
        switch e.kind {
        case .syndicate, .company, .financial, .node: return .candidate
        case .person: return e.hasPerpetratorRole ? .candidate : .personWithoutPerpetratorRole
        case .official: return corrupt() ? .candidate : .officialWithoutCorruptionLink
        case .agency: return .authority
        case .platform: return .intermediary
        default: return placeKinds.contains(e.kind) ? .place : .notPerpetratorKind
        }
    }
}

extension Dataset {
    /// Whether entity `i` is on the perpetrator side: a syndicate, company, financial channel or
    /// compound, or a person in a perpetrator role. What a corruption link must reach.
    /// - Parameter i: a position in ``entities``.
    /// - Returns: true for the perpetrator side (a compound counts, though it is never a target).
    public func isPerpetratorSide(_ i: Int) -> Bool {
        let e = entities[i]
        switch e.kind {
        case .syndicate, .company, .financial, .compound: return true
        case .person: return e.hasPerpetratorRole
        default: return false
        }
    }

    /// Whether entity `i` is a state actor: an official or an agency.
    /// - Parameter i: a position in ``entities``.
    public func isStateActor(_ i: Int) -> Bool { entities[i].kind == .official || entities[i].kind == .agency }

    /// Each entity's standing under the dataset's ``TargetPolicy`` (``Schema/targets``), in entity
    /// order: protected persons first of all, then the entity's override, then its kind's, then
    /// the default.
    /// - Returns: one standing per entity.
    /// - Complexity: O(*n* + *m*): one pass over the links finds officials with a corruption link.
    public func targetStandings() -> [TargetPolicy.Standing] {
        var corrupt = [Bool](repeating: false, count: entities.count)
        forEachResolvedLink { l, s, t in
            guard LinkFamily.corruption.contains(kind(ofLink: l)) else { return }
            let (a, b) = (Int(s), Int(t))
            if entities[a].kind == .official && isPerpetratorSide(b) { corrupt[a] = true }
            if entities[b].kind == .official && isPerpetratorSide(a) { corrupt[b] = true }
        }
        let policy = schema.targets
        return entities.enumerated().map { i, e in
            if e.isProtected { return .protectedPerson }
            let standing = TargetPolicy.defaultStanding(e) { corrupt[i] }
            switch policy.entities[e.id] ?? policy.kinds[e.kind] {
            case .candidate: return .candidate
            case .excluded: return standing == .candidate ? .excludedBySchema : standing
            case nil: return standing
            }
        }
    }

    /// For each entity, whether it may be proposed as a target (``targetStandings()``).
    /// - Returns: one flag per entity, in entity order.
    /// - Complexity: O(*n* + *m*).
    public func targetCandidates() -> [Bool] { targetStandings().map(\.isCandidate) }

    /// How many entities each standing holds, candidates first, then the reasons in
    /// ``TargetPolicy/Standing`` order; standings that hold none are left out.
    /// - Returns: the counts, for a line such as "never proposed: protected person 4, place 12".
    /// - Complexity: O(*n* + *m*).
    public func targetStandingCounts() -> [(standing: TargetPolicy.Standing, count: Int)] {
        TargetPolicy.counts(targetStandings())
    }
}

extension TargetPolicy {
    /// How many of `standings` each standing holds, in ``Standing`` order, leaving out those that
    /// hold none.
    /// - Parameter standings: standings, such as ``Dataset/targetStandings()`` returns.
    /// - Returns: one pair per standing present, ``Standing/candidate`` first.
    public static func counts(_ standings: [Standing]) -> [(standing: Standing, count: Int)] {
        var counts: [Standing: Int] = [:]
        for s in standings { counts[s, default: 0] += 1 }
        return Standing.allCases.compactMap { s in counts[s].map { (s, $0) } }
    }
}
