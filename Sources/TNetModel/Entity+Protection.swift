extension Entity {
    /// Whether this entity is a protected person (forced-criminality principle): its role is
    /// victim, survivor or witness in any case or spacing (``PersonRole/isProtected``), or, when
    /// its role field is empty or not protected, an attribute named `role` in any case or spacing
    /// (a spreadsheet's `Role` or ` ROLE ` column that was not read as the role) says so. One rule
    /// for the target policy, redaction, the filter that excludes roles and every output's
    /// `protected` mark.
    public var isProtected: Bool {
        if role?.isProtected == true { return true }
        for (key, value) in attributes where Self.isRoleKey(key) {
            if case .string(let s) = value, PersonRole(s).isProtected { return true }
        }
        return false
    }

    /// Whether the role is a perpetrator role (``PersonRole/perpetrator``, in canonical form):
    /// boss, manager, recruiter, enforcer or broker. Always false for a protected person, whose
    /// forced role in a crime does not make them a perpetrator.
    public var hasPerpetratorRole: Bool {
        guard let role, !isProtected else { return false }
        return PersonRole.perpetrator.contains(role.canonical)
    }

    /// `role`, `Role`, ` ROLE `: a key that names the role field.
    static func isRoleKey(_ key: String) -> Bool {
        key.utf8.count < 16 && PersonRole(key).canonical.rawValue == "role"
    }
}
