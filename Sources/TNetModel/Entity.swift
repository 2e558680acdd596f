/// Something in the network: a syndicate, a compound, a country, a person…
public struct Entity: Sendable, Hashable, Identifiable {
    /// The key links use to name this entity; unique within a dataset (a duplicate is a
    /// validation error). Compared exactly: case and spaces count.
    public var id: String
    /// What the entity is (syndicate, compound, person, …); decides how it is drawn and
    /// whether it may be proposed as a target (``TargetPolicy``).
    public var kind: EntityKind
    /// Display name; the id is shown when absent.
    public var name: String?
    /// For persons: boss, recruiter, victim… A protected role (victim, survivor, witness) keeps
    /// the person out of target lists and lets reports redact them.
    public var role: PersonRole?
    /// The id of the country entity this one belongs to, if any (validation warns when it
    /// names no entity of kind `country`).
    public var country: String?
    /// The Admiralty grade of what is known about the entity: source reliability (A–F) and
    /// information credibility (1–6). `nil` when ungraded; an ungraded entity fails every
    /// confidence filter.
    public var confidence: Confidence?
    /// Ids of the dataset's sources that support this entity.
    public var sources: [String]
    /// When the entity existed or was active; `nil` when undated (an undated entity passes
    /// every date filter).
    public var period: Period?
    /// Every other field, kept as read.
    public var attributes: Attributes

    /// An entity with the given id and kind; every other field defaults to absent.
    /// - Parameters:
    ///   - id: The key links use to name the entity.
    ///   - kind: What the entity is.
    ///   - name: Display name.
    ///   - role: For persons: their role.
    ///   - country: The id of the country entity it belongs to.
    ///   - confidence: The Admiralty grade, or `nil` when ungraded.
    ///   - sources: Ids of the sources that support the entity.
    ///   - period: When it existed or was active.
    ///   - attributes: Other fields, in order.
    /// Inlinable: a reader builds a million of them, and a call across modules copied each
    /// entity whole (retaining every field) into its result, then released the original.
    @inlinable
    public init(id: String, kind: EntityKind, name: String? = nil, role: PersonRole? = nil, country: String? = nil,
                confidence: Confidence? = nil, sources: [String] = [], period: Period? = nil,
                attributes: Attributes = Attributes()) {
        self.id = id
        self.kind = kind
        self.name = name
        self.role = role
        self.country = country
        self.confidence = confidence
        self.sources = sources
        self.period = period
        self.attributes = attributes
    }

    /// The name, or the id when there is no name.
    public var label: String { name ?? id }
}
