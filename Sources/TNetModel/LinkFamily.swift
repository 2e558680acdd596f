/// Link kinds grouped by what they mean for the investigator's questions. Each analysis that
/// reads only some kinds names its family here, and the documentation quotes these lists.
public enum LinkFamily {
    /// What a victim's way from a source country to a compound runs along: recruitment,
    /// transport, employment and control. The flow of ``Dataset/disruption(_:)``.
    public static let operational: Set<LinkKind> = [.recruitsFrom, .recruitsVia, .traffickedTo, .transitsThrough,
                                                    .employs, .operates, .controls]

    /// The briefing's routes from source countries to compounds: the operational kinds and
    /// `located_in` (a compound in a region of a country).
    public static let route: Set<LinkKind> = operational.union([.locatedIn])

    /// Ties between a state actor and the perpetrator side that corruption consists of.
    public static let corruption: Set<LinkKind> = [.protects, .bribes, .pays, .colludesWith]

    /// Links that are not ties between actors: where something is (`located_in`), and acts
    /// against the network or for its victims (`sanctions`, `rescued_from`, `repatriated_to`).
    /// Left out of the graph of ``Dataset/corruptionExposure()``'s pairs.
    public static let nonTies: Set<LinkKind> = [.locatedIn, .sanctions, .rescuedFrom, .repatriatedTo]

    /// The kinds' names in ascending order, for notes and JSON.
    /// - Parameter kinds: A family, such as ``operational``.
    /// - Returns: The raw values, sorted.
    /// - Complexity: O(*k* log *k*) for *k* kinds.
    public static func names(_ kinds: Set<LinkKind>) -> [String] { kinds.map(\.rawValue).sorted() }
}
