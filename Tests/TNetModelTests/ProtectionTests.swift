import Testing
@testable import TNetModel

/// Which roles are protected (`Entity+Protection.swift`): a protected word (victim, survivor,
/// witness, their plurals, eyewitness) as a whole word of the role, without case, diacritics or
/// width; words are runs of letters, split also at a capital after a small letter.
@Suite struct ProtectionTests {
    /// Each row worked by hand: the role's words (after folding), then the protected ones, in
    /// order, singular.
    static let table: [(role: String, expected: [PersonRole])] = [
        ("victim", [.victim]),                          // victim
        ("Victims", [.victim]),                         // victims → victim
        (" SURVIVOR ", [.survivor]),                    // survivor
        ("survivor-witness", [.survivor, .witness]),    // survivor | witness
        ("Witness (protected)", [.witness]),            // witness | protected
        ("former victim", [.victim]),                   // former | victim
        ("VÍCTIM", [.victim]),                          // Í folds to i: victim
        ("Ｗｉｔｎｅｓｓ", [.witness]),                   // full-width letters fold to witness
        ("SurvivorWitness", [.survivor, .witness]),     // capital W after small r splits
        ("victim_recruiter", [.victim]),                // victim | recruiter: forced criminality
        ("victim2", [.victim]),                         // a digit separates: victim
        ("key witnesses", [.witness]),                  // key | witnesses → witness
        ("eyewitness", [.witness]),                     // listed as a word of its own
        ("witness, victim, witness", [.witness, .victim]),  // each once, in order
        ("non-victim", [.victim]),                      // non | victim: negation is not read
        ("victimiser", []),                             // one word, not victim: a perpetrator
        ("Victimizer", []),                             // likewise
        ("witnessed", []),                              // one word
        ("survivorship", []),                           // one word
        ("recruiter", []),
        ("boss", []),
        ("", []),
    ]

    @Test func rolesByTheTable() {
        for (role, expected) in Self.table {
            #expect(PersonRole(role).protectedRoles == expected, "\(role)")
            #expect(PersonRole(role).isProtected == !expected.isEmpty, "\(role)")
        }
    }

    /// An entity's role field or its `Role` attribute; a protected person has no perpetrator
    /// role even when forced into one (`victim-recruiter`).
    @Test func entitiesByRoleOrAttribute() {
        let forced = Entity(id: "a", kind: .person, role: "victim-recruiter")
        #expect(forced.isProtected && !forced.hasPerpetratorRole && forced.protectedRoles == [.victim])
        let byAttribute = Entity(id: "b", kind: .person, attributes: [" Role ": .string("Witness (protected)")])
        #expect(byAttribute.isProtected && byAttribute.protectedRoles == [.witness])
        let perpetrator = Entity(id: "c", kind: .person, role: "victimiser")
        #expect(!perpetrator.isProtected && perpetrator.protectedRoles.isEmpty)
    }

    /// Reading a compound role as protected is said, once per role (never silent): with the
    /// undeclared-role warning when the schema does not declare it, alone when it does. `Victims`
    /// (a plural, canonical `victim`) and `recruiter` need no word.
    @Test func compoundRolesAreSaid() {
        let d = Dataset(entities: [
            Entity(id: "a", kind: .person, role: "former victim"), Entity(id: "b", kind: .person, role: "former victim"),
            Entity(id: "c", kind: .person, role: "survivor-witness"), Entity(id: "d", kind: .person, role: "Victims"),
            Entity(id: "e", kind: .person, role: .recruiter),
        ], schema: Schema(roles: ["survivor-witness"]))
        #expect(d.validate().filter { $0.code == .undeclaredKind }.map(\.message) == [
            "role \"former victim\" is neither built in nor declared in \"schema\"; read as protected (victim): never proposed as a target, redacted under --redact victims",
            "role \"survivor-witness\" read as protected (survivor, witness): never proposed as a target, redacted under --redact victims",
        ])
    }

    /// The target policy, redaction and `--exclude-role` follow the same rule. By hand:
    /// - sw "survivor-witness" → protected, first protected word survivor → survivor-1;
    /// - wp "Witness (protected)" → witness-1; fv "former victim" → victim-1;
    /// - vz "victimiser" with no perpetrator role → not protected, not pseudonymised;
    /// - excluding `victim` removes fv only; excluding `witness` removes sw and wp.
    @Test func oneRuleEverywhere() throws {
        let d = Dataset(entities: [
            Entity(id: "sw", kind: .person, name: "Sam Wells", role: "survivor-witness"),
            Entity(id: "wp", kind: .person, name: "Wanda Price", role: "Witness (protected)"),
            Entity(id: "fv", kind: .person, name: "Farid Vann", role: "former victim"),
            Entity(id: "vz", kind: .person, name: "Victor Zane", role: "victimiser"),
        ])
        #expect(d.targetStandings().prefix(3).allSatisfy { $0 == .protectedPerson })
        #expect(d.targetStandings()[3] != .protectedPerson)
        var r = Redaction()
        let out = r.apply(to: d)
        #expect(out.entities.map(\.id) == ["survivor-1", "witness-1", "victim-1", "vz"])
        #expect(out.entities.map(\.label) == ["Survivor 1", "Witness 1", "Victim 1", "Victor Zane"])
        let noVictims = try DatasetFilter(excludedRoles: [.victim]).apply(to: d)
        #expect(noVictims.entities.map(\.id) == ["sw", "wp", "vz"])
        let noWitnesses = try DatasetFilter(excludedRoles: ["Witnesses"]).apply(to: d)
        #expect(noWitnesses.entities.map(\.id) == ["fv", "vz"])
    }

    /// A `role` attribute written as a list (`["victim"]`) protects as its text does.
    @Test func roleAttributeAsList() {
        let e = Entity(id: "kz", kind: .person, name: "Kyaw Zin", role: .recruiter,
                       attributes: ["role": .list([.string("victim")])])
        #expect(e.isProtected && e.protectedRoles == [.victim])
        #expect(!e.hasPerpetratorRole)
    }

    /// Other spellings and languages (hostile review, wave 3). Each row worked by hand: the
    /// role's words after folding, then what protects them.
    static let languages: [(role: String, expected: [PersonRole])] = [
        ("víctima", [.victim]),                         // Spanish, í folds: victima
        ("Victimas", [.victim]),                        // Spanish plural
        ("victime de la traite", [.victim]),            // French: victime | de | la | traite
        ("survivante", [.survivor]),                    // French, feminine
        ("témoin", [.witness]),                         // French: temoin
        ("vítima", [.victim]),                          // Portuguese: vitima
        ("testemunha", [.witness]),                     // Portuguese
        ("testigo protegido", [.witness]),              // Spanish: testigo | protegido
        ("trafficked person", [.victim]),               // trafficked followed by person
        ("trafficking victim", [.victim]),              // trafficking | victim
        ("V I C T I M", [.victim]),                     // six one-letter words joined: victim
        ("w-i-t-n-e-s-s", [.witness]),                  // likewise with `-`
        ("ผู้เสียหาย", [.victim]),                        // Thai: the injured party (anti-trafficking act)
        ("受害者", [.victim]),                            // Chinese: victim
        ("证人", [.witness]),                             // Chinese: witness
        ("trafficker", []),                             // one word, not protected
        ("testigos falsos", [.witness]),                // testigos: plural, protected (when in doubt)
        ("a b recruiter", []),                          // a|b joined "ab": no protected word
    ]

    @Test func otherLanguagesAndSpellings() {
        for (role, expected) in Self.languages {
            #expect(PersonRole(role).protectedRoles == expected, "\(role)")
        }
        // A `roles` key (a list) protects as `role` does.
        let e = Entity(id: "x", kind: .person, name: "Ana Lopez", attributes: ["roles": .list([.string("victim")])])
        #expect(e.isProtected && e.protectedRoles == [.victim])
        let other = Entity(id: "y", kind: .person, attributes: ["rolex": .string("victim")])
        #expect(!other.isProtected)
    }
}
