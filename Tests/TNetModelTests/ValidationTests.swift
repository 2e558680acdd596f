import Testing
import TNetModel

@Suite struct ValidationTests {
    private func codes(_ d: Dataset) -> [String] {
        d.validate().map { "\($0.severity == .error ? "E" : "W"):\($0.code.rawValue)" }
    }

    /// Provenance: a dataset with sources holds every link to citing one (warning) and every
    /// citation to a declared id (error); a period that ends before it starts is an error.
    @Test func provenance() {
        let d = Dataset(
            entities: [Entity(id: "a", kind: .syndicate, sources: ["s1"]), Entity(id: "b", kind: .compound, sources: ["nope"])],
            links: [Link(source: "a", target: "b", kind: .operates, sources: ["s1"]),
                    Link(source: "a", target: "b", kind: .controls),
                    Link(source: "a", target: "b", kind: .employs, sources: ["s1", "s9"],
                         period: Period(from: PartialDate("2023-05"), to: PartialDate("2023-04-30")))],
            sources: [Source(id: "s1")])
        #expect(codes(d) == ["E:unknown_source", "W:unsourced", "E:unknown_source", "E:invalid_period"])
        // The same period bounds in one month are fine: from 2023-05 to 2023-05-01.
        let ok = Dataset(entities: [Entity(id: "a", kind: .site, period: Period(from: PartialDate("2023-05"), to: PartialDate("2023-05-01")))])
        #expect(ok.validate().isEmpty)
    }

    /// A link named in a message: its kind quoted unless built in, as its ends are (a kind is the
    /// data's text: a line break in it had split the message in two, helper-102).
    @Test func aLinksKindIsQuotedUnlessBuiltIn() {
        let d = Dataset(
            entities: [Entity(id: "a", kind: .site, sources: ["s1"]), Entity(id: "b", kind: .site, sources: ["s1"])],
            links: [Link(source: "a", target: "b", kind: .operates), Link(source: "a", target: "b", kind: LinkKind("paid\nby"))],
            sources: [Source(id: "s1")])
        let messages = d.validate().filter { $0.code == .unsourced }.map(\.message)
        #expect(messages == ["link \"a\" operates \"b\" cites no source", "link \"a\" \"paid\\nby\" \"b\" cites no source"])
    }

    /// Citations and periods are checked once per distinct value, but reported for every
    /// record that has them, in order: records sharing a bad list or a reversed period each get
    /// their issue, and a good list shared by a run of records raises none.
    @Test func sharedBadValuesAreReportedForEveryRecord() {
        let reversed = Period(from: PartialDate("2022"), to: PartialDate("2021"))
        let bad = ["s1", "s9"]
        let d = Dataset(
            entities: [Entity(id: "a", kind: .node, sources: bad), Entity(id: "b", kind: .node, sources: ["s1"]),
                       Entity(id: "c", kind: .node, sources: ["s1"]), Entity(id: "d", kind: .node, sources: bad)],
            links: [Link(source: "a", target: "b", kind: .link, sources: bad, period: reversed),
                    Link(source: "b", target: "c", kind: .link, sources: ["s1"]),
                    Link(source: "c", target: "d", kind: .link, sources: bad, period: reversed)],
            sources: [Source(id: "s1")])
        let issues = d.validate()
        // Entities a and d, then links 0 and 2 (unknown source), then links 0 and 2 (period).
        #expect(issues.map(\.code) == [.unknownSource, .unknownSource, .unknownSource, .unknownSource, .invalidPeriod, .invalidPeriod])
        #expect(issues.map(\.message)[0].contains("entity \"a\"") && issues.map(\.message)[1].contains("entity \"d\""))
        #expect(issues.map(\.message)[3].contains("\"c\" link \"d\"") && issues.map(\.message)[5].contains("\"c\" link \"d\""))
    }

    /// A plain graph (no sources, nothing cited) is not held to provenance.
    @Test func plainGraphsAreNotHeldToProvenance() {
        let d = Dataset(entities: [Entity(id: "a", kind: .node), Entity(id: "b", kind: .node)],
                        links: [Link(source: "a", target: "b", kind: .link)])
        #expect(d.validate().isEmpty)
    }

    /// Unknown kinds warn once per kind; declaring them in the schema silences the warning.
    @Test func kindsAndSchema() {
        let entities = [Entity(id: "a", kind: "vessel"), Entity(id: "b", kind: "vessel"),
                        Entity(id: "c", kind: .person, role: "driver")]
        let links = [Link(source: "a", target: "b", kind: "tows"), Link(source: "b", target: "a", kind: "tows")]
        let d = Dataset(entities: entities, links: links)
        #expect(codes(d) == ["W:undeclared_kind", "W:undeclared_kind", "W:undeclared_kind"])
        let declared = Dataset(entities: entities, links: links,
                               schema: Schema(entityKinds: ["vessel"], linkKinds: ["tows"], symmetricLinkKinds: ["tows"], roles: ["driver"]))
        #expect(declared.validate().isEmpty)
        #expect(declared.isDirected(links[0]) == false && d.isDirected(links[0]) == true)
    }

    @Test func agreementsAndCountries() {
        let d = Dataset(
            entities: [Entity(id: "th", kind: .country), Entity(id: "p", kind: .agency, country: "th"),
                       Entity(id: "q", kind: .agency, country: "p"), Entity(id: "r", kind: .agency, country: "zz")],
            links: [Link(source: "p", target: "q", kind: .cooperatesWith, agreement: "mou"),
                    Link(source: "p", target: "r", kind: .cooperatesWith),
                    Link(source: "q", target: "r", kind: .cooperatesWith, agreement: "treaty"),
                    Link(source: "q", target: "th", kind: .locatedIn, agreement: "mou")])
        // q's country is an agency, r's does not exist; links 1–3 each have one agreement problem.
        #expect(codes(d) == ["W:unknown_country", "W:unknown_country", "W:agreement", "W:agreement", "W:agreement"])
    }

    /// Coordinates, by hand: `a` (lat 95) is north of the pole, `b` (lon 200) past the date
    /// line, `c` has a latitude alone, `d` a latitude "north"; `e` (13.7, 100.5, as strings:
    /// Bangkok) and `f` (no coordinates) are fine. Four warnings, in entity order.
    @Test func coordinatesOutOfRange() {
        let d = Dataset(entities: [
            Entity(id: "a", kind: .site, attributes: ["lat": .double(95), "lon": .double(100)]),
            Entity(id: "b", kind: .site, attributes: ["latitude": .double(10), "longitude": .double(200)]),
            Entity(id: "c", kind: .site, attributes: ["lat": .double(10)]),
            Entity(id: "d", kind: .site, attributes: ["lat": .string("north"), "lng": .double(100)]),
            Entity(id: "e", kind: .site, attributes: ["lat": .string("13.7"), "lon": .string("100.5")]),
            Entity(id: "f", kind: .site),
        ])
        let issues = d.validate()
        #expect(codes(d) == ["W:invalid_value", "W:invalid_value", "W:invalid_value", "W:invalid_value"])
        #expect(issues.map { $0.message.prefix(12) } == ["entity \"a\" l", "entity \"b\" l", "entity \"c\" h", "entity \"d\" h"])
    }

    /// An id named in another Unicode form than it is declared in (Swift's `==` holds the two
    /// equal, other tools do not) is read as the declared id and said: once per spelling, at
    /// its first place, with how many more places name it so. "r\u{E9}p" is é composed
    /// (U+00E9); "re\u{301}p" is e + U+0301. A duplicate id in two forms says both.
    @Test func idsInAnotherUnicodeFormAreSaid() {
        let rep = "r\u{E9}p", repD = "re\u{301}p", vn = "Vi\u{1EC7}t Nam", vnD = "Vie\u{323}\u{302}t Nam"
        let d = Dataset(
            entities: [Entity(id: vn, kind: .country, sources: [rep]), Entity(id: "b", kind: .person, country: vnD, sources: [repD]),
                       Entity(id: "c", kind: .person, sources: [repD]), Entity(id: "c\u{327}", kind: .person, sources: [rep]),
                       Entity(id: "\u{E7}", kind: .person, sources: [rep])],
            links: [Link(source: "b", target: "c", kind: .employs, sources: [rep]),
                    Link(source: "b", target: vnD, kind: .locatedIn, sources: [repD]),
                    Link(source: "c", target: vnD, kind: .locatedIn, sources: [repD])],
            sources: [Source(id: rep), Source(id: repD)])
        let issues = d.validate()
        #expect(issues.map(\.code) == [.duplicateEntityID, .duplicateSourceID, .unicodeForm, .unicodeForm])
        guard issues.count == 4 else { return }
        #expect(issues[0].message == "duplicate entity id \"\u{E7}\"; the same text in two Unicode forms, \"c<U+327>\" and \"<U+E7>\"")
        #expect(issues[1].message == "duplicate source id \"\(repD)\"; the same text in two Unicode forms, \"r<U+E9>p\" and \"re<U+301>p\"")
        // Link ends first (links 1 and 2), then citations (entity b, entity c, links 1 and 2);
        // b's country names the country as link 1's target does: one more place of the first.
        let tail = "; other tools would read two, so write each one way"
        #expect(issues[2].message == "link \"b\" located_in \"\(vnD)\": target \"Vie<U+323><U+302>t Nam\", which is entity "
                + "\"Vi<U+1EC7>t Nam\" in another Unicode form: read as that entity, as are 2 more places that name it so" + tail)
        #expect(issues[3].message == "entity \"b\" cites \"re<U+301>p\", which is source \"r<U+E9>p\" in another Unicode form: "
                + "read as that source, as are 3 more places that name it so" + tail)
        // Spelt as declared: nothing to say.
        let same = Dataset(entities: [Entity(id: vn, kind: .country, sources: [rep]), Entity(id: "b", kind: .person, country: vn, sources: [rep])],
                           links: [Link(source: "b", target: vn, kind: .locatedIn, sources: [rep])], sources: [Source(id: rep)])
        #expect(same.validate().isEmpty)
    }

    /// Kinds and roles spelt in another Unicode form than the schema declares them, or than
    /// their first spelling, are one kind and said (helper-85): "compu\u{E9}sto" declared, two
    /// entities "compue\u{301}sto"; the role "guardi\u{E1}n" declared, one "guardia\u{301}n"; the
    /// link kind "li\u{EA}n" declared, one link "lie\u{302}n".
    @Test func kindsInAnotherUnicodeFormAreSaid() {
        var schema = Schema()
        schema.entityKinds = [EntityKind(rawValue: "compu\u{E9}sto")]
        schema.linkKinds = [LinkKind(rawValue: "li\u{EA}n")]
        schema.roles = [PersonRole(rawValue: "guardi\u{E1}n")]
        let d = Dataset(entities: [Entity(id: "a", kind: EntityKind(rawValue: "compue\u{301}sto")), Entity(id: "b", kind: EntityKind(rawValue: "compue\u{301}sto")),
                                   Entity(id: "c", kind: .person, role: PersonRole(rawValue: "guardia\u{301}n"))],
                        links: [Link(source: "a", target: "b", kind: LinkKind(rawValue: "lie\u{302}n"))], schema: schema)
        let tail = "; other tools would read two, so write each one way"
        #expect(d.validate().map(\.message) == [
            "entity \"a\": kind \"compue<U+301>sto\", which is entity kind \"compu<U+E9>sto\" in another Unicode form: read as that "
                + "entity kind, as is 1 more place that names it so" + tail,
            "entity \"c\": role \"guardia<U+301>n\", which is role \"guardi<U+E1>n\" in another Unicode form: read as that role" + tail,
            "link \"a\" \"lie\u{302}n\" \"b\": kind \"lie<U+302>n\", which is link kind \"li<U+EA>n\" in another Unicode form: read as that link kind" + tail])
    }
}
