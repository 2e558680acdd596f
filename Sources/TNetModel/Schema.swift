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
    public var entityKinds: [EntityKind]
    public var linkKinds: [LinkKind]
    /// Declared link kinds that are symmetric (undirected unless a link says otherwise).
    public var symmetricLinkKinds: Set<LinkKind>
    public var roles: [PersonRole]
    /// Overrides of who may be proposed as a target of disruption.
    public var targets: TargetPolicy

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

    public func knows(_ kind: EntityKind) -> Bool { EntityKind.builtIn.contains(kind) || entityKinds.contains(kind) }
    public func knows(_ kind: LinkKind) -> Bool { LinkKind.builtIn.contains(kind) || linkKinds.contains(kind) }
    public func knows(_ role: PersonRole) -> Bool {
        PersonRole.builtIn.contains(role.canonical) || roles.contains(role) || roles.contains(role.canonical)
    }

    /// Whether links of `kind` are undirected by default.
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
