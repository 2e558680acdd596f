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
    ///
    /// Other languages: the same words in Spanish, French and Portuguese (``protectedWords``),
    /// and phrases naming a victim without the word (`trafficked person`). A role spelt letter by
    /// letter (`V I C T I M`, `v-i-c-t-i-m`) is read as the word. In Thai, Khmer and Chinese,
    /// written without spaces, the word is found anywhere in the role (``unspacedWords``).
    public var protectedRoles: [PersonRole] {
        if let known = Self.memo.withLock({ $0[rawValue] }) { return known }
        var out: [PersonRole] = []
        let words = Self.joiningLetters(Self.words(rawValue))
        for (k, word) in words.enumerated() {
            if let r = Self.protectedWords[word], !out.contains(r) { out.append(r) }
            // `trafficked person`, `trafficked persons`, `trafficked people`.
            if (word == "trafficked" || word == "exploited"), k + 1 < words.count,
               ["person", "persons", "people", "woman", "women", "man", "men", "child", "children", "worker", "workers"].contains(words[k + 1]),
               !out.contains(.victim) {
                out.append(.victim)
            }
        }
        if rawValue.unicodeScalars.contains(where: { $0.value >= 0x0E00 }) {
            for (word, r) in Self.unspacedWords where rawValue.contains(word) && !out.contains(r) { out.append(r) }
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

    /// The protected words, folded (no case, no diacritics: `víctima` is `victima`), and the
    /// role each names. English; Spanish (víctima, sobreviviente, superviviente, testigo);
    /// French (victime, survivant·e, témoin); Portuguese (vítima, sobrevivente, testemunha);
    /// singular and plural.
    static let protectedWords: [String: PersonRole] = [
        "victim": .victim, "victims": .victim, "survivor": .survivor, "survivors": .survivor,
        "witness": .witness, "witnesses": .witness, "eyewitness": .witness, "eyewitnesses": .witness,
        // Spanish
        "victima": .victim, "victimas": .victim, "sobreviviente": .survivor, "sobrevivientes": .survivor,
        "superviviente": .survivor, "supervivientes": .survivor, "testigo": .witness, "testigos": .witness,
        // French
        "victime": .victim, "victimes": .victim, "survivant": .survivor, "survivants": .survivor,
        "survivante": .survivor, "survivantes": .survivor, "temoin": .witness, "temoins": .witness,
        // Portuguese
        "vitima": .victim, "vitimas": .victim, "sobrevivente": .survivor, "sobreviventes": .survivor,
        "testemunha": .witness, "testemunhas": .witness,
    ]

    /// Words for victim and witness in scripts written without spaces, found anywhere in a role:
    /// Thai ผู้เสียหาย (the injured party, the word of Thailand's Anti-Trafficking in Persons Act
    /// B.E. 2551 for a trafficked person), เหยื่อ (victim), พยาน (witness); Khmer ជនរងគ្រោះ
    /// (victim); Chinese 受害者 / 受害人 (victim), 幸存者 / 倖存者 (survivor), 证人 / 證人 (witness).
    static let unspacedWords: [(String, PersonRole)] = [
        ("ผู้เสียหาย", .victim), ("เหยื่อ", .victim), ("พยาน", .witness),
        ("ជនរងគ្រោះ", .victim),
        ("受害者", .victim), ("受害人", .victim), ("幸存者", .survivor), ("倖存者", .survivor), ("证人", .witness), ("證人", .witness),
    ]

    /// `words` with every run of two or more one-letter words joined: a role spelt letter by
    /// letter (`V I C T I M`) is read as the word it spells.
    static func joiningLetters(_ words: [String]) -> [String] {
        guard words.contains(where: { $0.count == 1 }) else { return words }
        var out: [String] = []
        var run = ""
        var runLength = 0
        func flush() {
            if runLength >= 2 { out.append(run) } else if runLength == 1 { out.append(run) }
            run = ""; runLength = 0
        }
        for w in words {
            if w.count == 1 { run += w; runLength += 1 } else { flush(); out.append(w) }
        }
        flush()
        return out
    }

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

    /// `role`, `roles`, `Role`, ` ROLES `: a key that names the role field (a list under `roles`
    /// protects as one under `role`).
    static func isRoleKey(_ key: String) -> Bool {
        guard key.utf8.count < 16 else { return false }
        let k = PersonRole(key).canonical.rawValue
        return k == "role" || k == "roles"
    }
}
