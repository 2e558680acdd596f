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
    /// Also `VoT`/`VOTs` (victim of trafficking), in any case (`ViCTiM` is read as one word as
    /// well as split at its capitals), and with Cyrillic or Greek letters that look like Latin
    /// ones read as those (`viсtim` with a Cyrillic `с`, ``NameMatcher/confusables``).
    ///
    /// Other languages: the same words in Spanish, French and Portuguese (``protectedWords``),
    /// German, Dutch, Polish, Russian, Indonesian, Malay and Tagalog (``otherWords``),
    /// and phrases naming a victim without the word (``protectedPhrases``: `trafficked person`,
    /// `trafficked girl`, Vietnamese `nạn nhân`). A role spelt letter by
    /// letter (`V I C T I M`, `v-i-c-t-i-m`) is read as the word. In Thai, Khmer, Chinese, Japanese and Korean,
    /// written without spaces, the word is found anywhere in the role (``unspacedWords``).
    public var protectedRoles: [PersonRole] {
        if let known = Self.memo.withLock({ $0[rawValue] }) { return known }
        var out: [PersonRole] = []
        // Read twice: split at a capital after a small letter (`SurvivorWitness`), and not
        // (`ViCTiM`, `VoT`, typed in mixed case, are one word each).
        for split in [true, false] {
            let words = Self.joiningLetters(Self.words(rawValue, camelCase: split))
            for (k, word) in words.enumerated() {
                if let r = Self.protectedWords[word], !out.contains(r) { out.append(r) }
                for (phrase, r) in Self.protectedPhrases where !out.contains(r) && k + phrase.count <= words.count
                    && phrase.indices.allSatisfy({ phrase[$0].contains(words[k + $0]) }) {
                    out.append(r)
                }
            }
        }
        if rawValue.unicodeScalars.contains(where: { $0.value >= 0x0E00 }) {
            // Words that hold a witness's word and are no witness (a guarantor, a notary) are
            // taken out first (helper-56: 保証人 and 보증인 were read as witnesses).
            var text = rawValue
            for w in Self.unspacedNonProtected where text.contains(w) { text = text.replacingOccurrences(of: w, with: " ") }
            for (word, r) in Self.unspacedWords where text.contains(word) && !out.contains(r) { out.append(r) }
        }
        Self.memo.withLock { memo in
            // A dataset has a handful of distinct roles; a table of more is not worth keeping.
            if memo.count > 4096 { memo.removeAll() }
            memo[rawValue] = out
        }
        return out
    }

    /// Phrases that name a protected person without a protected word, as runs of folded words,
    /// each position a set of spellings: `trafficked person`, `trafficked girl`, `exploited
    /// workers`; Vietnamese `nạn nhân` (victim), `nhân chứng` (witness), `người sống sót`
    /// (survivor), read without diacritics.
    static let protectedPhrases: [([Set<String>], PersonRole)] = [
        ([["trafficked", "exploited"],
          ["person", "persons", "people", "woman", "women", "man", "men", "child", "children", "worker", "workers",
           "girl", "girls", "boy", "boys", "minor", "minors"]], .victim),
        ([["nan"], ["nhan"]], .victim),
        ([["nhan"], ["chung"]], .witness),
        ([["nguoi"], ["song"], ["sot"]], .survivor),
    ]

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
        "vot": .victim, "vots": .victim,
        // Spanish
        "victima": .victim, "victimas": .victim, "sobreviviente": .survivor, "sobrevivientes": .survivor,
        "superviviente": .survivor, "supervivientes": .survivor, "testigo": .witness, "testigos": .witness,
        // French
        "victime": .victim, "victimes": .victim, "survivant": .survivor, "survivants": .survivor,
        "survivante": .survivor, "survivantes": .survivor, "temoin": .witness, "temoins": .witness,
        // Portuguese
        "vitima": .victim, "vitimas": .victim, "sobrevivente": .survivor, "sobreviventes": .survivor,
        "testemunha": .witness, "testemunhas": .witness,
    ].merging(otherWords.flatMap { written, role in words(written, camelCase: false).map { ($0, role) } }) { first, _ in first }

    /// More words for a protected person, as they are written; ``protectedWords`` holds them
    /// folded as a role's words are (a Cyrillic word transliterated, `Geschädigte` without its
    /// umlaut). English `trafficked`, `rescued` (`rescued worker`) and the abbreviation `vict`;
    /// German (Opfer, Geschädigte, Betroffene: the words of German victim-support law and
    /// practice), Dutch, Polish and Russian; Indonesian and Malay (`korban`, as in `korban TPPO`,
    /// the Indonesian trafficking law's victim; `saksi`, witness; `penyintas`, survivor), and
    /// Tagalog (`biktima`, `saksi`, `nakaligtas`): the languages of the countries whose nationals
    /// are trafficked into the compounds, and of partners' case files (helper-54: a dataset with
    /// such roles was not redacted).
    static let otherWords: [(String, PersonRole)] = [
        ("trafficked", .victim), ("rescued", .victim), ("vict", .victim),
        ("Opfer", .victim), ("Geschädigte", .victim), ("Geschädigter", .victim), ("Geschädigten", .victim),
        ("Betroffene", .victim), ("Betroffener", .victim), ("Betroffenen", .victim),
        ("Überlebende", .survivor), ("Überlebender", .survivor), ("Überlebenden", .survivor),
        ("Zeuge", .witness), ("Zeugin", .witness), ("Zeugen", .witness), ("Zeuginnen", .witness),
        ("slachtoffer", .victim), ("slachtoffers", .victim), ("overlevende", .survivor), ("overlevenden", .survivor),
        ("getuige", .witness), ("getuigen", .witness),
        ("ofiara", .victim), ("ofiary", .victim), ("pokrzywdzony", .victim), ("pokrzywdzona", .victim), ("pokrzywdzeni", .victim),
        ("świadek", .witness), ("świadkowie", .witness),
        ("жертва", .victim), ("жертвы", .victim), ("потерпевший", .victim), ("потерпевшая", .victim), ("потерпевшие", .victim),
        ("пострадавший", .victim), ("пострадавшая", .victim), ("пострадавшие", .victim),
        ("свидетель", .witness), ("свидетельница", .witness), ("свидетели", .witness),
        ("korban", .victim), ("mangsa", .victim), ("saksi", .witness), ("penyintas", .survivor),
        ("biktima", .victim), ("nakaligtas", .survivor),
    ]

    /// Words for victim and witness in scripts written without spaces, found anywhere in a role:
    /// Thai ผู้เสียหาย (the injured party, the word of Thailand's Anti-Trafficking in Persons Act
    /// B.E. 2551 for a trafficked person), เหยื่อ (victim), พยาน (witness); Khmer ជនរងគ្រោះ
    /// (victim); Chinese 受害者 / 受害人 (victim), 幸存者 / 倖存者 (survivor), 证人 / 證人 (witness);
    /// Japanese 被害者, 証人, 生存者 and Korean 피해자, 증인, 생존자 (victim, witness, survivor: Korean
    /// writes particles onto the word, `피해자는`).
    static let unspacedWords: [(String, PersonRole)] = [
        ("ผู้เสียหาย", .victim), ("เหยื่อ", .victim), ("พยาน", .witness),
        ("ជនរងគ្រោះ", .victim),
        ("受害者", .victim), ("受害人", .victim), ("幸存者", .survivor), ("倖存者", .survivor), ("证人", .witness), ("證人", .witness),
        ("被害者", .victim), ("証人", .witness), ("生存者", .survivor),
        ("피해자", .victim), ("증인", .witness), ("생존자", .survivor),
    ]

    /// Words written without spaces that hold one of ``unspacedWords`` and name no protected
    /// person: the guarantor (Chinese 保证人 / 保證人, Japanese 保証人, Korean 보증인, a role of
    /// debt bondage) and the notary (公证人 / 公證人 / 公証人, 공증인).
    static let unspacedNonProtected = ["保证人", "保證人", "保証人", "公证人", "公證人", "公証人", "보증인", "공증인"]

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

    /// The words of `s`: runs of letters, split also where a capital follows a small letter
    /// when `camelCase`, each folded to lower case without diacritics or width, look-alike
    /// Cyrillic and Greek letters read as the Latin ones (``NameMatcher/fold(_:)``).
    static func words(_ s: String, camelCase: Bool = true) -> [String] {
        var out: [String] = []
        var word = ""
        var lastWasLower = false
        func flush() {
            guard !word.isEmpty else { return }
            // Lower case first: the look-alike table reads a capital Cyrillic В as B and a small
            // в otherwise (helper-56: ЖЕРТВА was not жертва).
            out.append(word.unicodeScalars.allSatisfy(\.isASCII) ? word.lowercased() : NameMatcher.fold(word.lowercased()[...]))
            word = ""
        }
        for c in s {
            guard c.isLetter || c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) else {
                flush(); lastWasLower = false; continue
            }
            if camelCase && c.isUppercase && lastWasLower { flush() }
            word.append(c)
            lastWasLower = c.isLowercase
        }
        flush()
        return out
    }
}

extension Entity {
    /// Whether this entity is a protected person (forced-criminality principle). The one rule,
    /// for the target policy, redaction, the filter that excludes roles and every output's
    /// `protected` mark (``protectedRoles`` gives what it names):
    ///
    /// 1. its role names victim, survivor or witness (``PersonRole/protectedRoles``: whole
    ///    words in any case, diacritics, width or look-alike letters, `VoT`, `trafficked girl`,
    ///    `nạn nhân`…);
    /// 2. its kind does, read as a role (a dataset whose kind column says `victim`, `Survivors`
    ///    or `trafficked_person`), unless a word of the kind names an organisation or place
    ///    (``organisationWords``: a `victim_support_agency` or `witness_shelter` is not a person);
    /// 3. (a person, an official, a node or an entity of a kind of the dataset's own; not a
    ///    compound, company or place) an attribute whose key names a role or status (``isRoleKey(_:)``: `role`, `Status`,
    ///    `person_type`, `category`, `classification`…) holds text, or a list with a text, that
    ///    designates one (``designatedRoles(_:)``: `"status": "victim"`, `["arrested",
    ///    "witness"]`, `confirmed VoT`; not `witness statement` or `victim testimony`, which are
    ///    about something else);
    /// 4. an attribute whose key flags a protected role (``flaggedRole(_:)``: `is_victim`,
    ///    `Victim`, `witness?`, `confirmed_victim`, `victim_status`, `is_trafficking_victim`)
    ///    holds yes: `true`, `1`, or the text `yes`, `y`, `true`, `1`, `confirmed` or
    ///    `identified` in any case.
    ///
    /// Redaction keeps the mark: a person protected by 2–4 alone has their role written as the
    /// protected role (`victim (recruiter)`), since their attributes are dropped.
    ///
    /// A protected role read anywhere wins over every perpetrator role (forced criminality).
    public var isProtected: Bool {
        // The role field first: most entities are settled by it without reading attributes.
        if role?.isProtected == true { return true }
        return !protectedRoles.isEmpty
    }

    /// The protected roles this entity has, from its role field, its kind, then its
    /// attributes, as ``isProtected`` reads them, each once; empty when it is not protected.
    public var protectedRoles: [PersonRole] {
        var out = role?.protectedRoles ?? []
        func add(_ roles: [PersonRole]) { for r in roles where !out.contains(r) { out.append(r) } }
        if !EntityKind.builtIn.contains(kind) {
            let k = PersonRole(kind.rawValue)
            let roles = k.protectedRoles
            if !roles.isEmpty && !PersonRole.words(kind.rawValue).contains(where: Self.organisationWords.contains) { add(roles) }
        }
        // Attributes mark persons only: a compound's `victims` or a company's `status` is about
        // others.
        for (key, value) in attributes where !Self.notPersonKinds.contains(kind) {
            if Self.isRoleKey(key) {
                for s in Self.roleStrings(value) { add(Self.designatedRoles(s)) }
            }
            if key.utf8.count < 40, Self.isYes(value), let r = Self.flaggedRole(key) { add([r]) }
        }
        return out
    }

    /// The protected roles a status-like attribute's text designates: the text is a protected
    /// role and nothing else, apart from qualifiers (``statusQualifiers``: `confirmed victim`,
    /// `victim of trafficking`, `presumed VoT`, `survivor-witness`, `trafficked woman`). A text
    /// that is about something else and only mentions one (`witness statement`, `victim
    /// testimony`, `witness intimidation`, `arrested after victim complaint`) designates none:
    /// in the role field such a text protects (when in doubt, protect), but under `status` or
    /// `type` it would hide a perpetrator from the targets and pseudonymise them.
    static func designatedRoles(_ text: String) -> [PersonRole] {
        let role = PersonRole(text)
        let roles = role.protectedRoles
        guard !roles.isEmpty else { return [] }
        // Scripts written without spaces: the word was found inside the text; keep it.
        if text.unicodeScalars.contains(where: { $0.value >= 0x0E00 }) { return roles }
        let words = PersonRole.joiningLetters(PersonRole.words(text, camelCase: false))
        let designates = words.allSatisfy {
            PersonRole.protectedWords[$0] != nil || statusQualifiers.contains($0) || protectedPhraseWords.contains($0)
        }
        return designates ? roles : []
    }

    /// Built-in kinds that are never a person: their attributes do not protect them.
    static let notPersonKinds: Set<EntityKind> = [.syndicate, .compound, .country, .region, .site, .agency, .company, .financial, .platform]

    /// Every word of ``PersonRole/protectedPhrases`` (`trafficked`, `girl`, `nan`, `nhan`…).
    static let protectedPhraseWords: Set<String> = PersonRole.protectedPhrases.reduce(into: []) { set, p in for w in p.0 { set.formUnion(w) } }

    /// Words that may stand beside a protected role in a status-like attribute without making
    /// the text about something else.
    static let statusQualifiers: Set<String> = [
        "a", "an", "the", "of", "and", "or", "is", "as", "former", "confirmed", "presumed", "potential", "suspected",
        "possible", "probable", "alleged", "identified", "known", "likely", "key", "main", "child", "minor", "adult",
        "female", "male", "human", "trafficking", "trafficked", "forced", "labour", "labor", "sex", "scam", "fraud",
        "online", "protected", "vulnerable", "yes", "true", "y",
        // "victim of trafficking in persons" (the Palermo Protocol's words), "VoT - sexual
        // exploitation", "victim (confirmed by police)", "survivor, repatriated"
        "in", "persons", "by", "police", "ngo", "authorities", "court", "exploitation", "sexual", "repatriated", "rescued",
        "returned", "referred", "certified", "recognised", "recognized", "official", "officially",
        // Spanish, French, Portuguese: "víctima de trata", "victime de la traite", "vítima de tráfico"
        "de", "la", "el", "del", "des", "du", "da", "do", "trata", "traite", "trafico", "personas", "pessoas",
    ]

    /// Words that make a kind an organisation or a place rather than a person, however it
    /// also names victims: `victim_support_agency`, `witness_shelter`, `survivor_network`.
    static let organisationWords: Set<String> = [
        "agency", "organisation", "organization", "ngo", "support", "service", "services", "centre", "center",
        "shelter", "fund", "association", "network", "group", "unit", "programme", "program", "office", "hotline",
        "statement", "statements", "report", "reports", "document", "documents", "case", "cases",
    ]

    /// Whether `value` says yes: `true`, or the text `yes` or `true` in any case. Not a number:
    /// a compound's `"victims": 1` counts people.
    static func isYes(_ value: AttributeValue) -> Bool {
        switch value {
        case .bool(let b): return b
        case .string(let s): return ["yes", "true", "y", "1", "confirmed", "identified"].contains(s.trimmingCharacters(in: .whitespaces).lowercased())
        // 1 under a singular flag key (`is_victim: 1`, as spreadsheets write yes); a plural
        // key is never a flag (``flaggedRole(_:)``), so `"victims": 1` still counts people.
        case .int(let n): return n == 1
        default: return false
        }
    }

    /// The protected role a yes/no key flags: its words are one protected word in the singular
    /// (`victim`, `VoT`, `testigo`…) and otherwise only `is`, `a`, `an`, `flag`, `confirmed`,
    /// `identified`, `presumed`, `potential`, `suspected`, `possible`, `known`: `is_victim`,
    /// `Victim?`, `confirmed_victim`, `witness_flag`. Not `victims` (a count or a list) nor
    /// `victim_of` (whose victim), nor a key with a digit (`Victim 1`).
    static func flaggedRole(_ key: String) -> PersonRole? {
        // A numbered key (`Victim 1`, `witness2`) is one of a list of fields, not a flag.
        guard !key.contains(where: \.isNumber) else { return nil }
        let words = PersonRole.words(key)
        let roles = words.compactMap { PersonRole.protectedWords[$0] }
        let plural = words.contains { PersonRole.protectedWords[$0] != nil && $0.hasSuffix("s") && !$0.hasSuffix("witness") }
        guard roles.count == 1, !plural,
              words.allSatisfy({ PersonRole.protectedWords[$0] != nil || flagWords.contains($0) }) else { return nil }
        return roles[0]
    }

    static let flagWords: Set<String> = ["is", "a", "an", "flag", "confirmed", "identified", "presumed", "potential", "suspected", "possible", "known",
                                         "status", "trafficking", "trafficked", "human"]

    /// Whether the role is a perpetrator role (``PersonRole/perpetrator``, in canonical form):
    /// boss, manager, recruiter, enforcer or broker. Always false for a protected person, whose
    /// forced role in a crime does not make them a perpetrator.
    public var hasPerpetratorRole: Bool {
        guard let role, !isProtected else { return false }
        return PersonRole.perpetrator.contains(role.canonical)
    }

    /// The roles a `role` attribute holds: its text, or each text of a list (`["victim"]`).
    static func roleStrings(_ value: AttributeValue) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .list(let items): return items.flatMap(roleStrings)
        default: return []
        }
    }

    /// A key that names a person's role or status, whose text is read as a role: one whose
    /// words (as ``PersonRole/words(_:camelCase:)`` splits them: `person_type`, `PersonType`,
    /// ` ROLE `) include `role`, `roles`, `status`, `type`, `category`, `categories`,
    /// `classification` or `designation`, such as `role`, `Status`, `victim_status`,
    /// `person_type`, `trafficking_victim_status`. Keys of 40 bytes or more are not read (a note,
    /// not a field name).
    static func isRoleKey(_ key: String) -> Bool {
        guard key.utf8.count < 40 else { return false }
        if let known = roleKeyMemo.withLock({ $0[key] }) { return known }
        let yes = PersonRole.words(key).contains(where: roleKeyWords.contains)
        roleKeyMemo.withLock { memo in
            if memo.count >= roleKeyMemoLimit { memo.removeAll() }
            memo[key] = yes
        }
        return yes
    }

    /// ``isRoleKey(_:)`` by key, once worked out: a dataset has a few keys, read for every entity.
    private static let roleKeyMemo = Mutex<[String: Bool]>([:])
    /// Keys remembered before the memo starts again. A spreadsheet may have tens of thousands
    /// of columns, each an attribute of every row: with a memo of 4,096 keys, 5,000 columns
    /// missed on every key of every row, and a briefing of 200 such rows took minutes (83 % of
    /// it splitting keys into words). Keys are under 40 bytes: about 5 MB at the limit.
    static let roleKeyMemoLimit = 1 << 16

    static let roleKeyWords: Set<String> = ["role", "roles", "status", "type", "category", "categories", "classification", "designation"]
}
