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
    /// A date filter kept more undated links than dated ones: `undated` of the `kept` links
    /// have no date (a call-record table with blank date cells; helper-54: 14,960 of 16,431).
    case mostlyUndated(undated: Int, kept: Int)
    /// A kind or role typed names nothing, and it named a protected person: under redaction it
    /// is not quoted (``Redaction/redacting(_:)``).
    case withheld(Field)

    /// What a ``withheld(_:)`` warning was about.
    public enum Field: Sendable, Hashable {
        /// An entity kind (`--kinds`).
        case entityKind
        /// A link kind (`--link-kinds`).
        case linkKind
        /// A role (`--exclude-role`).
        case role
    }

    /// Each warning that quotes one of `named` (a value that named a protected person) as
    /// ``withheld(_:)``.
    func withholding(_ named: Set<String>) -> FilterWarning {
        switch self {
        case .noEntityOfKind(let k) where named.contains(k.rawValue): .withheld(.entityKind)
        case .noLinkOfKind(let k) where named.contains(k.rawValue): .withheld(.linkKind)
        case .noEntityWithRole(let r) where named.contains(r.rawValue): .withheld(.role)
        default: self
        }
    }

    /// The text of a ``withheld(_:)`` warning, without the option.
    static func withheldText(_ field: Field) -> String {
        let what = switch field {
        case .entityKind: "entity has a kind"
        case .linkKind: "link has a kind"
        case .role: "entity has a role"
        }
        return "no \(what) given (the value is not repeated under --redact victims, as it holds a protected person's name or id)"
    }

    /// The warning in words, without the option that asked (the caller names it).
    public var description: String {
        switch self {
        case .noEntityOfKind(let k): "no entity has kind \(quoted(k.rawValue))"
        case .noLinkOfKind(let k): "no link has kind \(quoted(k.rawValue))"
        case .noEntityWithRole(let r): "no entity has role \(quoted(r.rawValue))"
        case .nothingDated: "nothing has a date, so every fact is kept (undated facts always are)"
        case .mostlyUndated(let undated, let kept): "\(undated) of the \(kept) links kept have no date (undated facts always are)"
        case .withheld(let field): Self.withheldText(field)
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
        } else if asOf != nil {
            var undated = 0, kept = 0
            for l in dataset.links where keeps(l) {
                kept += 1
                if l.period == nil { undated += 1 }
            }
            if undated > 0 && 2 * undated > kept { out.append(.mostlyUndated(undated: undated, kept: kept)) }
        }
        return out
    }
}
