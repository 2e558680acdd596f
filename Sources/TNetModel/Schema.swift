/// Kinds and roles a dataset declares beyond the built-in ones (its `schema` section).
///
/// ```json
/// "schema": { "entity_kinds": ["militia"],
///             "link_kinds": ["finances", { "name": "shares_border", "symmetric": true }],
///             "roles": ["driver"],
///             "targets": { "kinds": { "militia": "candidate" } } }
/// ```
/// A kind that is neither built in nor declared is a validation warning, never an error: the
/// dataset still loads and every command works on it.
public struct Schema: Sendable, Hashable {
    /// Entity kinds the dataset declares (`entity_kinds`), in the order written.
    public var entityKinds: [EntityKind]
    /// Link kinds the dataset declares (`link_kinds`), in the order written; those also in
    /// ``symmetricLinkKinds`` are undirected by default.
    public var linkKinds: [LinkKind]
    /// Declared link kinds that are symmetric (undirected unless a link says otherwise).
    public var symmetricLinkKinds: Set<LinkKind>
    /// Person roles the dataset declares (`roles`), in the order written. A declared role is
    /// not a perpetrator role: its holders are proposed as targets only through an override
    /// in ``targets``.
    public var roles: [PersonRole]
    /// Overrides of who may be proposed as a target of disruption.
    public var targets: TargetPolicy

    /// A schema declaring the given kinds, roles and target overrides; all empty by default.
    /// - Parameters:
    ///   - entityKinds: Entity kinds beyond the built-in ones.
    ///   - linkKinds: Link kinds beyond the built-in ones.
    ///   - symmetricLinkKinds: Which of the declared link kinds are undirected by default.
    ///   - roles: Person roles beyond the built-in ones.
    ///   - targets: Overrides of who may be proposed as a target.
    public init(entityKinds: [EntityKind] = [], linkKinds: [LinkKind] = [], symmetricLinkKinds: Set<LinkKind> = [],
                roles: [PersonRole] = [], targets: TargetPolicy = TargetPolicy()) {
        self.entityKinds = entityKinds
        self.linkKinds = linkKinds
        self.symmetricLinkKinds = symmetricLinkKinds
        self.roles = roles
        self.targets = targets
    }

    /// Whether nothing is declared.
    public var isEmpty: Bool { entityKinds.isEmpty && linkKinds.isEmpty && roles.isEmpty && targets.isEmpty }

    /// Whether an entity kind is built in or declared here; an unknown one is a validation
    /// warning.
    /// - Parameter kind: The kind to look up, compared exactly.
    /// - Complexity: O(*k*) in the number of declared entity kinds.
    public func knows(_ kind: EntityKind) -> Bool { EntityKind.builtIn.contains(kind) || entityKinds.contains(kind) }
    /// Whether a link kind is built in or declared here; an unknown one is a validation
    /// warning.
    /// - Parameter kind: The kind to look up, compared exactly.
    /// - Complexity: O(*k*) in the number of declared link kinds.
    public func knows(_ kind: LinkKind) -> Bool { LinkKind.builtIn.contains(kind) || linkKinds.contains(kind) }
    /// Whether a role is built in or declared here, as written or in its
    /// ``PersonRole/canonical`` form (so `Victims ` is known); an unknown one is a validation
    /// warning.
    /// - Parameter role: The role to look up.
    /// - Complexity: O(*r*) in the number of declared roles.
    public func knows(_ role: PersonRole) -> Bool {
        PersonRole.builtIn.contains(role.canonical) || roles.contains(role) || roles.contains(role.canonical)
    }

    /// Whether links of `kind` are undirected by default: `colludes_with`, `cooperates_with`,
    /// `link` (``LinkKind/symmetric``), or a kind declared symmetric here.
    /// - Parameter kind: The link kind to look up.
    public func isSymmetric(_ kind: LinkKind) -> Bool {
        LinkKind.symmetric.contains(kind) || symmetricLinkKinds.contains(kind)
    }
}

/// The `agreement` of a `cooperates_with` link: what form the cooperation takes.
public enum Agreement: String, Sendable, CaseIterable {
    /// A memorandum of understanding between governments or agencies.
    case mou
    /// A standing police-to-police channel.
    case policeChannel = "police_channel"
    /// A named contact point.
    case contactPoint = "contact_point"
    /// A joint operation.
    case jointOperation = "joint_operation"
}
