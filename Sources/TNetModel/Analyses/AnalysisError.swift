/// Why an analysis could not run as asked: the entity or option at fault, as NetworkX's
/// `NodeNotFound` or `NetworkXError` say it. `parameter` names the argument of the library call
/// that carried the item (`avoid`, `via`, `targets`, `sources`, `sinks`, `onto`, `through`,
/// `from`, `to`), so a caller can point at its own option for it.
public enum AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No entity has this id, name or alias (NetworkX's `NodeNotFound`), with the closest
    /// entities (`id (kind, name)`), if any.
    case entityNotFound(id: String, parameter: String, suggestions: [String] = [])
    /// The name or alias names several entities (`id (kind, name)`, at most five): give an id.
    case ambiguousEntity(text: String, parameter: String, candidates: [String])
    /// The item is neither an entity id nor a kind of entity present in the dataset.
    case nothingSelected(item: String, parameter: String)
    /// A protected person (victim, survivor, witness) was named as a target of disruption.
    case protectedTarget(id: String)
    /// The entity is not a target under the target policy, for this reason.
    case notATarget(id: String, standing: TargetPolicy.Standing, kind: EntityKind)
    /// An end of the query was also named to pass through or to avoid.
    case endOfQuery(id: String, parameter: String)
    /// An entity is on both sides of a flow.
    case onBothSides(id: String)
    /// Options that cannot be combined, in words.
    case incompatibleOptions(String)
    /// The data cannot support the analysis (a capacity that is not a number, a self-loop in a
    /// k-core, a weight with no reciprocal), with the location or entity at fault in words.
    case unsupportedData(String)

    /// One line saying what is wrong, naming the library's parameter.
    public var description: String {
        switch self {
        case .entityNotFound(let id, let parameter, let suggestions):
            "\(parameter): no entity \(quoted(id))" + (suggestions.isEmpty ? "" : "; did you mean " + suggestions.joined(separator: ", or ") + "?")
        case .ambiguousEntity(let text, let parameter, let candidates):
            "\(parameter): \(quoted(text)) names more than one entity (\(candidates.joined(separator: "; "))): give its id"
        case .nothingSelected(let item, let parameter):
            "\(parameter): \(quoted(item)) is neither an entity id nor a kind of entity present in the dataset"
        case .protectedTarget(let id):
            "targets: \(quoted(id)) is a protected person; victims, survivors and witnesses are never targets of disruption"
        case .notATarget(let id, let standing, let kind):
            "targets: \(quoted(id)) is not a target under the target policy (\(standing.rawValue), \(kind.rawValue)); the dataset's schema can override that"
        case .endOfQuery(let id, let parameter): "\(parameter): \(quoted(id)) is an end of the query itself"
        case .onBothSides(let id): "\(quoted(id)) is on both sides of the flow (sources and sinks)"
        case .incompatibleOptions(let text), .unsupportedData(let text): text
        }
    }

    /// The argument at fault, when the error is about one.
    public var parameter: String? {
        switch self {
        case .entityNotFound(_, let p, _), .ambiguousEntity(_, let p, _), .nothingSelected(_, let p), .endOfQuery(_, let p): p
        case .protectedTarget, .notATarget: "targets"
        default: nil
        }
    }
}
