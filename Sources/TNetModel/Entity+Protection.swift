import Foundation
import Synchronization

extension PersonRole {
    /// The protected roles (``PersonRole/protected``: victim, survivor, witness) this role names,
    /// each once, in the order they appear: `[.survivor, .witness]` for `survivor-witness`.
    ///
    /// The rule. A role names a protected role when one of its *words* is `victim`, `survivor` or
    /// `witness`, or their plural (`victims`, `survivors`, `witnesses`), or `eyewitness` (one word
    /// that is a witness; `eyewitnesses` too), compared without case, diacritics or width
    /// (`VÍCTIM`, `Ｗｉｔｎｅｓｓ`). A word is a run of letters: anything else
    /// (a space, `-`, `_`, `/`, `(`, a digit) separates words, and so does a capital after a small
    /// letter (`SurvivorWitness`). So `survivor-witness`, `Witness (protected)`, `former victim`,
    /// `victim/recruiter`, `victim2` and `victims` are protected.
    ///
    /// Whole words only: `victimiser`, `victimizer` (a perpetrator), `witnessed`, `survivorship`
    /// are not. Matching inside words would make a perpetrator who victimises others a protected
    /// person, never proposed as a target and shown under a victim's pseudonym; a derived word that does
    /// describe a victim (`victimised`) has to be written as the role (`victim`) to be protected.
    ///
    /// Negation is not read: `non-victim` and `not a witness` are protected. A wrongly protected
    /// perpetrator is only left out of the targets and pseudonymised on request; a wrongly
    /// unprotected victim could be proposed as a target. When in doubt the rule protects.
    public var protectedRoles: [PersonRole] {
        if let known = Self.memo.withLock({ $0[rawValue] }) { return known }
        var out: [PersonRole] = []
        for word in Self.words(rawValue) {
            if let r = Self.protectedWords[word], !out.contains(r) { out.append(r) }
        }
        Self.memo.withLock { memo in
            // A dataset has a handful of distinct roles; a table of more is not worth keeping.
            if memo.count > 4096 { memo.removeAll() }
            memo[rawValue] = out
        }
        return out
    }

    /// ``protectedRoles`` by role, once worked out: splitting a role into folded words took a
    /// twentieth of reading a million entities, for the same few roles each time.
    private static let memo = Mutex<[String: [PersonRole]]>([:])

    /// Whether the role is protected: it names victim, survivor or witness as a whole word
    /// (``protectedRoles`` gives the rule).
    public var isProtected: Bool {
        !protectedRoles.isEmpty
    }

    /// The protected words, folded, and the role each names.
    static let protectedWords: [String: PersonRole] = [
        "victim": .victim, "victims": .victim, "survivor": .survivor, "survivors": .survivor,
        "witness": .witness, "witnesses": .witness, "eyewitness": .witness, "eyewitnesses": .witness,
    ]

    /// The words of `s`: runs of letters, split also where a capital follows a small letter,
    /// each folded to lower case without diacritics or width.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var word = ""
        var lastWasLower = false
        func flush() {
            guard !word.isEmpty else { return }
            out.append(word.unicodeScalars.allSatisfy(\.isASCII) ? word.lowercased()
                       : word.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil))
            word = ""
        }
        for c in s {
            guard c.isLetter else { flush(); lastWasLower = false; continue }
            if c.isUppercase && lastWasLower { flush() }
            word.append(c)
            lastWasLower = c.isLowercase
        }
        flush()
        return out
    }
}

extension Entity {
    /// Whether this entity is a protected person (forced-criminality principle): its role names
    /// victim, survivor or witness as a whole word (``PersonRole/protectedRoles`` gives the
    /// rule), or, when its role field is empty or not protected, an attribute named `role` in any
    /// case or spacing (a spreadsheet's `Role` or ` ROLE ` column that was not read as the role)
    /// does. One rule for the target policy, redaction, the filter that excludes roles and every
    /// output's `protected` mark.
    public var isProtected: Bool {
        if role?.isProtected == true { return true }
        for (key, value) in attributes where Self.isRoleKey(key) {
            if Self.roleStrings(value).contains(where: { PersonRole($0).isProtected }) { return true }
        }
        return false
    }

    /// The protected roles this entity has, from its role field, then its `role` attribute (as
    /// ``isProtected`` reads them), each once; empty when it is not protected.
    public var protectedRoles: [PersonRole] {
        var out = role?.protectedRoles ?? []
        for (key, value) in attributes where Self.isRoleKey(key) {
            for s in Self.roleStrings(value) {
                for r in PersonRole(s).protectedRoles where !out.contains(r) { out.append(r) }
            }
        }
        return out
    }

    /// Whether the role is a perpetrator role (``PersonRole/perpetrator``, in canonical form):
    /// boss, manager, recruiter, enforcer or broker. Always false for a protected person, whose
    /// forced role in a crime does not make them a perpetrator.
    public var hasPerpetratorRole: Bool {
        guard let role, !isProtected else { return false }
        return PersonRole.perpetrator.contains(role.canonical)
    }

    /// `role`, `Role`, ` ROLE `: a key that names the role field.
    /// The roles a `role` attribute holds: its text, or each text of a list (`["victim"]`).
    static func roleStrings(_ value: AttributeValue) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .list(let items): return items.flatMap(roleStrings)
        default: return []
        }
    }

    static func isRoleKey(_ key: String) -> Bool {
        key.utf8.count < 16 && PersonRole(key).canonical.rawValue == "role"
    }
}
