/// Something in the network: a syndicate, a compound, a country, a person…
public struct Entity: Sendable, Hashable, Identifiable {
    /// Unique within a dataset.
    public var id: String
    public var kind: EntityKind
    /// Display name; the id is shown when absent.
    public var name: String?
    /// For persons: boss, recruiter, victim…
    public var role: PersonRole?
    /// The id of the country entity this one belongs to, if any.
    public var country: String?
    public var confidence: Confidence?
    /// Ids of the dataset's sources that support this entity.
    public var sources: [String]
    public var period: Period?
    /// Every other field, kept as read.
    public var attributes: Attributes

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
