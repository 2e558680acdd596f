/// A relation between two entities, with its provenance.
public struct Link: Sendable, Hashable {
    /// Entity id at the tail (for a directed link: where it starts). An id that names no
    /// entity is a dangling endpoint: a validation error, and the link is left out of graphs.
    public var source: String
    /// Entity id at the head (for a directed link: where it ends).
    public var target: String
    /// What the relation is (`operates`, `bribes`, …); decides the default direction and which
    /// analyses read the link (``LinkFamily``).
    public var kind: LinkKind
    /// Strength or count (e.g. number of victims on a `trafficked_to` link). `nil` means 1.
    /// How analyses read it (strength or length) is set by ``ProjectionOptions``.
    public var weight: Double?
    /// `nil` means: the dataset's direction, else as the link kind implies (see
    /// ``Dataset/isDirected(_:)``).
    public var directed: Bool?
    /// The Admiralty grade of this relation: how reliable its source is (A–F) and how credible
    /// the claim (1–6). `nil` when ungraded; an ungraded link fails every confidence filter.
    public var confidence: Confidence?
    /// Ids of the dataset's ``Dataset/sources`` that report this relation. Once a dataset has
    /// sources, a link that cites none is a validation warning.
    public var sources: [String]
    /// When the relation held; `nil` when undated (an undated link passes every date filter).
    public var period: Period?
    /// For `cooperates_with`: the form of cooperation, one of the ``Agreement`` raw values
    /// (`mou`, `police_channel`, `contact_point`, `joint_operation`). Kept as text, so an
    /// unknown value survives a round trip (validation warns about it).
    public var agreement: String?
    /// Every other field of the link, kept as read.
    public var attributes: Attributes

    /// A link from `source` to `target`; every other field defaults to absent.
    /// - Parameters:
    ///   - source: Entity id at the tail.
    ///   - target: Entity id at the head.
    ///   - kind: What the relation is.
    ///   - weight: Strength or count; `nil` counts 1.
    ///   - directed: Whether the link is an arc; `nil` defers to the dataset and the kind.
    ///   - confidence: The Admiralty grade, or `nil` when ungraded.
    ///   - sources: Ids of the sources that report the relation.
    ///   - period: When the relation held, or `nil`.
    ///   - agreement: For `cooperates_with`: the form of cooperation.
    ///   - attributes: Other fields, in order.
    /// Inlinable, as ``Entity``'s: a reader builds millions, and a call across modules copied
    /// each link whole into its result.
    @inlinable
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

/// A citation target: a report, an article, a court record. Entities and links cite it by
/// ``id`` in their `sources`.
public struct Source: Sendable, Hashable, Identifiable {
    /// The short key that entities and links cite (`ohchr-2023`); unique within a dataset (a
    /// duplicate is a validation error).
    public var id: String
    /// The title of the report, article or record.
    public var title: String?
    /// Who issued it: an agency, a newspaper, a court, a research body.
    public var publisher: String?
    /// When it was published, possibly partial (`2023`, `2023-08`).
    public var date: PartialDate?
    /// Where it can be read, as written in the dataset (not checked).
    public var url: String?
    /// Every other field of the source, kept as read.
    public var attributes: Attributes

    /// A source with the given citation key; every other field defaults to absent.
    /// - Parameters:
    ///   - id: The key entities and links cite.
    ///   - title: The title of the document.
    ///   - publisher: Who issued it.
    ///   - date: When it was published.
    ///   - url: Where it can be read.
    ///   - attributes: Other fields, in order.
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
