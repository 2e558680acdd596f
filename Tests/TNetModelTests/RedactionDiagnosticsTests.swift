import Testing
@testable import TNetModel

/// Diagnostics under redaction (`Redaction+Diagnostics.swift`): no message names a protected
/// person; a message from inside their record says only the kind of problem and their pseudonym
/// (hostile review of issue 21: errors were formed before redaction).
@Suite struct RedactionDiagnosticsTests {
    /// A file `d.json` with the victim "v2" (Somchai Prasert, alias Chai) whose record starts at
    /// 4:5, the broker "boss" at 5:5 and one link at 8:5. Worked by hand, issue by issue:
    /// - 4:40, inside v2's record (4:5 ≤ 4:40 < 5:5): withheld, the code's summary and victim-1;
    /// - 5:20, inside boss's record: scrubbed, the token "v2" in "v2's" → "victim-1's";
    /// - 8:5, the link's record: a dangling endpoint holding the victim's name is said without
    ///   its text (it read "link source \"victim-1\"…", as if the victim's own id were missing);
    /// - no location: scrubbed, "Chai" (an alias, 4 letters) → victim-1;
    /// - 3:1, before every record: scrubbed only ("v20" is another token, kept).
    @Test func handWorked() {
        var d = Dataset(entities: [
            Entity(id: "v2", kind: .person, name: "Somchai Prasert", role: .victim, attributes: ["aliases": .list([.string("Chai")])]),
            Entity(id: "boss", kind: .person, role: .boss),
        ], links: [Link(source: "boss", target: "v2", kind: .recruitsFrom)])
        d.locations = ReadLocations(file: "d.json", entities: [.init(line: 4, column: 5), .init(line: 5, column: 5)],
                                    links: [.init(line: 8, column: 5)])
        let at = { (line: Int, column: Int) in SourceLocation(file: "d.json", line: line, column: column) }
        let issues = [
            ValidationIssue(.error, .invalidValue, "\"confidence\" must be an Admiralty grade, found \"Somchai said so\"", at: at(4, 40)),
            ValidationIssue(.warning, .unknownField, "unknown entity field \"v2's pay\" kept as an attribute", at: at(5, 20)),
            ValidationIssue(.error, .danglingEndpoint, "link source \"Somchai Prasert\" is not an entity id", at: at(8, 5)),
            ValidationIssue(.error, .duplicateEntityID, "duplicate entity id \"Chai\""),
            ValidationIssue(.warning, .unknownField, "unknown field \"v20\" next to v2", at: at(3, 1)),
        ]
        var r = Redaction()
        _ = r.apply(to: d)
        let out = r.redacting(issues, of: d)
        #expect(out.map(\.message) == [
            "a value cannot be read as its field requires, in the record of victim-1 (the message is withheld while protected persons are redacted, as it may quote their record; read the file without redaction to see it)",
            "unknown entity field \"victim-1's pay\" kept as an attribute",
            "link source is not an entity id (the text is withheld while protected persons are redacted, as it holds a protected person's id or name; read the file without redaction to see it)",
            "duplicate entity id \"victim-1\"",
            "unknown field \"v20\" next to victim-1",
        ])
        // Severity, code and location are kept.
        #expect(out.map(\.severity) == issues.map(\.severity) && out.map(\.code) == issues.map(\.code) && out.map(\.location) == issues.map(\.location))
    }

    /// Without redaction asked (nothing applied) the issues are unchanged.
    /// A victim whose id is a short word (`an`, a Vietnamese given name) is replaced where a
    /// message quotes it, and tnet's own words around the quotes are left alone: "is not an
    /// entity id" read "is not victim-1 entity id", and "kept as an attribute" "kept as victim-1
    /// attribute", as if the field were the victim's; the dangling target `zz` was withheld
    /// because the message had changed. The full name is still found outside quotes, and a
    /// quote escaped inside a quoted value does not end it.
    @Test func shortIDIsAWordOutsideQuotes() {
        let d = Dataset(entities: [Entity(id: "an", kind: .person, name: "Nguyen Van An", role: .victim),
                                   Entity(id: "r1", kind: .person, role: .recruiter)],
                        links: [Link(source: "r1", target: "an", kind: .recruitsFrom)])
        var r = Redaction()
        _ = r.apply(to: d)
        let issues = [
            ValidationIssue(.error, .danglingEndpoint, "link target \"zz\" is not an entity id"),
            ValidationIssue(.warning, .unknownField, "unknown entity field \"note\" kept as an attribute"),
            ValidationIssue(.error, .danglingEndpoint, "link target \"an\" is not an entity id"),
            ValidationIssue(.error, .duplicateEntityID, "duplicate entity id \"an\", as Nguyen Van An's"),
            ValidationIssue(.warning, .unknownField, "unknown field \"say \\\"an\\\" twice\" an"),
        ]
        #expect(r.redacting(issues, of: d).map(\.message) == [
            "link target \"zz\" is not an entity id",
            "unknown entity field \"note\" kept as an attribute",
            "link target is not an entity id (the text is withheld while protected persons are redacted, as it holds a protected person's id or name; read the file without redaction to see it)",
            "duplicate entity id \"victim-1\", as victim-1's",
            "unknown field \"say \\\"victim-1\\\" twice\" an",
        ])
        // Unquoted, the short id is an ordinary word; the file's name is an id-bearing text.
        #expect(r.scrubMessage("an an") == "an an" && r.scrub("an.json") == "victim-1.json")
    }

    /// Victims with one-word names that are English words, and the id `an` beside the name
    /// `An` (helper-63): tnet's own words keep their meaning ("is not an ISO date" read "is
    /// victim-1 an ISO date" for the victim `Not`), while the names as data writes them, quoted
    /// or capitalised, are still replaced.
    @Test func oneWordNamesLeaveTnetsWordsAlone() {
        let d = Dataset(entities: [Entity(id: "an", kind: .person, name: "An", role: .victim),
                                   Entity(id: "v2", kind: .person, name: "Not", role: .victim),
                                   Entity(id: "v3", kind: .person, name: "Date", role: .victim),
                                   Entity(id: "v4", kind: .person, name: "Grade", role: .victim),
                                   Entity(id: "r1", kind: .person, role: .recruiter)],
                        links: [Link(source: "r1", target: "an", kind: .recruitsFrom)])
        var r = Redaction()
        _ = r.apply(to: d)
        let own = [
            "\"from\" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): \"2023-13-45\"",
            "\"confidence\" must be an Admiralty grade such as \"B2\" (A-F then 1-6), found \"Z9\"",
            "unknown entity field \"zz\" kept as an attribute",
            "is not an ISO date",
        ]
        for m in own { #expect(r.scrubMessage(m) == m, "\(r.scrubMessage(m))") }
        // Quoted, or written as data writes a name (capitalised), each is replaced.
        let pseudonyms = ["an", "v2", "v3", "v4"].map { r.pseudonym(ofID: $0)! }
        #expect(r.scrubMessage("duplicate name \"Not\"") == "duplicate name \"\(pseudonyms[1])\"")
        #expect(r.scrubMessage("as Date's and Grade's") == "as \(pseudonyms[2])'s and \(pseudonyms[3])'s")
        #expect(r.scrubMessage("link target \"an\" and \"An\"") == "link target \"\(pseudonyms[0])\" and \"\(pseudonyms[0])\"")
    }

    /// A quoted id reads as the output names its record (helper-96, helper-98): beside the victim
    /// Thomas James, the recruiter `james-thomas` is renamed `withheld-1` and his site
    /// `home-of-james-thomas` `home-of-withheld`; the matcher alone read both ids as holding
    /// `withheld`, so `validate --redact` and merge warnings named ids no record has. A source
    /// renamed reads its new id; the victim's id her pseudonym's; a kept id itself; a quoted
    /// text that is no record's id is read by the matcher as before.
    @Test func quotedIDsAreTheOutputs() {
        var r = Redaction()
        let out = r.apply(to: Dataset(
            entities: RedactionSharedNameTests.besideThomasJames + [
                Entity(id: "r1", kind: .person, name: "Bob", role: .recruiter),
            ],
            sources: [Source(id: "src-thomas-james", title: "Interview")]))
        #expect(out.entities.map(\.id) == ["victim-1", "withheld-1", "home-of-withheld", "r1"])
        #expect(out.sources.map(\.id) == ["src-victim-1"])
        #expect(r.scrubMessage("entity \"james-thomas\" cites \"nosrc\", which is not in \"sources\"")
                == "entity \"withheld-1\" cites \"nosrc\", which is not in \"sources\"")
        #expect(r.scrubMessage("link \"james-thomas\" recruits \"home-of-james-thomas\" cites no source")
                == "link \"withheld-1\" recruits \"home-of-withheld\" cites no source")
        #expect(r.scrubMessage("cites \"src-thomas-james\"; \"v\" and \"r1\"") == "cites \"src-victim-1\"; \"victim-1\" and \"r1\"")
        #expect(r.scrubMessage("name \"Thomas James\"") == "name \"victim-1\"")
        // Other quoted text the reading changes is kept apart from the output's ids, as the
        // data's values are (helper-102: a country `thomas-james-2` beside a site `victim-1-2`
        // had read the site's id); text it leaves stands, as a kind or an agreement keeps it in
        // the output (helper-104: a kind `withheld-1` had read `withheld-1-redacted`).
        #expect(r.scrubMessage("link kind \"withheld-1\" is neither built in nor declared") == "link kind \"withheld-1\" is neither built in nor declared")
        var r2 = Redaction()
        _ = r2.apply(to: Dataset(entities: [Entity(id: "v", kind: .person, name: "Thomas James", role: .victim),
                                            Entity(id: "victim-1-2", kind: .site, name: "Farm")]))
        #expect(r2.scrubMessage("country \"thomas-james-2\" is not a country entity") == "country \"victim-1-2-redacted\" is not a country entity")
    }

    @Test func nothingRedactedNothingChanged() {
        let d = Dataset(entities: [Entity(id: "v2", kind: .person, role: .victim)])
        let issues = [ValidationIssue(.error, .duplicateEntityID, "duplicate entity id \"v2\"")]
        #expect(Redaction().redacting(issues, of: d) == issues)
    }
}
