import TNetModel

/// Something a filter asked for that the dataset does not have: a typo would otherwise empty
/// the result without a word.
public enum FilterWarning: Sendable, Hashable, CustomStringConvertible {
    /// No entity has this kind.
    case noEntityOfKind(EntityKind)
    /// No link has this kind.
    case noLinkOfKind(LinkKind)
    /// No entity has this role.
    case noEntityWithRole(PersonRole)
    /// A date filter was set but nothing in the dataset has a date, so every fact is kept.
    case nothingDated

    /// The warning in words, without the option that asked (the caller names it).
    public var description: String {
        switch self {
        case .noEntityOfKind(let k): "no entity has kind \(quoted(k.rawValue))"
        case .noLinkOfKind(let k): "no link has kind \(quoted(k.rawValue))"
        case .noEntityWithRole(let r): "no entity has role \(quoted(r.rawValue))"
        case .nothingDated: "nothing has a date, so every fact is kept (undated facts always are)"
        }
    }
}

extension DatasetFilter {
    /// What this filter asks for that `dataset` does not have.
    /// - Parameter dataset: the dataset before filtering.
    /// - Returns: one warning per kind or role that names nothing, and one when a date filter
    ///   meets a dataset with no dates.
    public func warnings(for dataset: Dataset) -> [FilterWarning] {
        var out: [FilterWarning] = []
        if let kinds = entityKinds {
            let present = Set(dataset.entities.map(\.kind))
            out += kinds.sorted().filter { !present.contains($0) }.map(FilterWarning.noEntityOfKind)
        }
        if let kinds = linkKinds {
            let present = Set(dataset.links.map(\.kind))
            out += kinds.sorted().filter { !present.contains($0) }.map(FilterWarning.noLinkOfKind)
        }
        out += excludedRoles.sorted().filter { r in !dataset.entities.contains { DatasetFilter.role(r, matches: $0) } }
            .map(FilterWarning.noEntityWithRole)
        if asOf != nil && !dataset.entities.contains(where: { $0.period != nil }) && !dataset.links.contains(where: { $0.period != nil }) {
            out.append(.nothingDated)
        }
        return out
    }
}
