/// A relation between two entities, with its provenance.
public struct Link: Sendable, Hashable {
    /// Entity id at the tail (for a directed link: where it starts).
    public var source: String
    /// Entity id at the head.
    public var target: String
    public var kind: LinkKind
    /// Strength or count (e.g. number of victims on a `trafficked_to` link). `nil` means 1.
    public var weight: Double?
    /// `nil` means: as the link kind implies (see ``Dataset/isDirected(_:)``).
    public var directed: Bool?
    public var confidence: Confidence?
    public var sources: [String]
    public var period: Period?
    /// For `cooperates_with`: mou, police_channel, contact_point, joint_operation.
    public var agreement: String?
    public var attributes: Attributes

    public init(source: String, target: String, kind: LinkKind, weight: Double? = nil, directed: Bool? = nil,
                confidence: Confidence? = nil, sources: [String] = [], period: Period? = nil,
                agreement: String? = nil, attributes: Attributes = Attributes()) {
        self.source = source
        self.target = target
        self.kind = kind
        self.weight = weight
        self.directed = directed
        self.confidence = confidence
        self.sources = sources
        self.period = period
        self.agreement = agreement
        self.attributes = attributes
    }

    /// The link's kind with its grade and citations, as every output states a link:
    /// `bribes [C4] (track15-2023, icg-2023)`.
    public var evidence: String {
        var s = kind.rawValue
        if let confidence { s += " [\(confidence)]" }
        if !sources.isEmpty { s += " (" + sources.joined(separator: ", ") + ")" }
        return s
    }
}

/// A citation target: a report, an article, a court record.
public struct Source: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String?
    public var publisher: String?
    public var date: PartialDate?
    public var url: String?
    public var attributes: Attributes

    public init(id: String, title: String? = nil, publisher: String? = nil, date: PartialDate? = nil,
                url: String? = nil, attributes: Attributes = Attributes()) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
        self.attributes = attributes
    }
}
