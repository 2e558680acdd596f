import Testing
@testable import TNetModel

@Suite struct CooperationGapTests {
    /// Countries a, c, d, e send people to b (or to compound k, whose country is b). Agencies:
    /// pa (a), pb (b), pc (c), pd (d), pe (e), int (no country: multilateral).
    /// - a → b weight 10 and a → k weight 3: one flow, 13 people; pa–pb is an MOU → weak;
    /// - c → k weight 5: no direct channel, but pc and pb both work with int → weak, via int;
    /// - d → b, no count: pd has no cooperation at all → none;
    /// - e → b weight 100: pe–pb police channel → strong (left out unless all are asked for).
    /// Order: none first (d → b), then weak by people (a → b 13, c → b 5), then strong (e → b).
    @Test func handWorked() {
        let countries = ["a", "b", "c", "d", "e"].map { Entity(id: $0, kind: .country) }
        let agencies = ["a", "b", "c", "d", "e"].map { Entity(id: "p" + $0, kind: .agency, country: $0) } + [Entity(id: "int", kind: .agency)]
        var links = [Link(source: "a", target: "b", kind: .traffickedTo, weight: 10, sources: ["s1"]),
                     Link(source: "a", target: "k", kind: .traffickedTo, weight: 3, sources: ["s2", "s1"]),
                     Link(source: "c", target: "k", kind: .traffickedTo, weight: 5),
                     Link(source: "d", target: "b", kind: .traffickedTo),
                     Link(source: "e", target: "b", kind: .traffickedTo, weight: 100),
                     Link(source: "pc", target: "int", kind: .cooperatesWith, agreement: "joint_operation"),
                     Link(source: "int", target: "pb", kind: .cooperatesWith, agreement: "joint_operation"),
                     Link(source: "pe", target: "pb", kind: .cooperatesWith, agreement: "police_channel")]
        links.append(Link(source: "pa", target: "pb", kind: .cooperatesWith, agreement: "mou"))
        let d = Dataset(entities: countries + agencies + [Entity(id: "k", kind: .compound, country: "b")], links: links)
        let gaps = d.cooperationGaps()
        let id = { (i: Int) in d.entities[i].id }
        #expect(gaps.map { "\(id($0.source))>\(id($0.host))" } == ["d>b", "a>b", "c>b", "e>b"])
        #expect(gaps.map(\.strength) == [.none, .weak, .weak, .strong])
        #expect(gaps.map(\.victims) == [nil, 13, 5, 100])
        #expect(gaps[1].citations == ["s1", "s2"] && gaps[1].flowLinks == [0, 1])
        // Both sides' links to the shared body: pc–int (c's side) and int–pb (b's side).
        #expect(gaps[2].channels.count == 2 && gaps[2].channels.allSatisfy { $0.via.map(id) == "int" })
        #expect(gaps[1].channels.map(\.agreement) == ["mou"])
    }

    /// f → b and g → b: f has no agency in the data → "no authority recorded", not "none"; g and
    /// b are both members (member_of) of the multilateral body m, g's agency pg joins m too → weak,
    /// via m, with g's two links and b's one as channels. h → b: both have agencies, nothing
    /// joins them → none. Order: none (h), no authority recorded (f), weak (g).
    @Test func noAuthorityAndMembership() {
        let d = Dataset(entities: ["b", "f", "g", "h"].map { Entity(id: $0, kind: .country) }
                            + [Entity(id: "pb", kind: .agency, country: "b"), Entity(id: "pg", kind: .agency, country: "g"),
                               Entity(id: "ph", kind: .agency, country: "h"), Entity(id: "m", kind: .agency)],
                        links: [Link(source: "f", target: "b", kind: .traffickedTo), Link(source: "g", target: "b", kind: .traffickedTo),
                                Link(source: "h", target: "b", kind: .traffickedTo),
                                Link(source: "g", target: "m", kind: .memberOf), Link(source: "pg", target: "m", kind: .cooperatesWith),
                                Link(source: "b", target: "m", kind: .memberOf)])
        let gaps = d.cooperationGaps()
        #expect(gaps.map { d.entities[$0.source].id } == ["h", "f", "g"])
        #expect(gaps.map(\.strength) == [.none, .noAuthorityRecorded, .weak])
        #expect(gaps[2].channels.map(\.link) == [3, 4, 5])
        #expect(ChannelStrength.noAuthorityRecorded.name == "no authority recorded")
    }

    /// The country of an entity: its own field, else up its located_in links.
    @Test func countriesUpTheChain() {
        let d = Dataset(entities: [Entity(id: "mm", kind: .country), Entity(id: "shan", kind: .region),
                                   Entity(id: "town", kind: .site), Entity(id: "k", kind: .compound), Entity(id: "x", kind: .compound)],
                        links: [Link(source: "k", target: "town", kind: .locatedIn), Link(source: "town", target: "shan", kind: .locatedIn),
                                Link(source: "shan", target: "mm", kind: .locatedIn)])
        #expect(d.entityCountries() == [0, 0, 0, 0, nil])
    }
}

@Suite struct CorruptionExposureTests {
    /// Official o protects syndicate s (which operates compound k and employs broker r) and is a
    /// member of agency p; syndicate s2 bribes agency q; official o2 colludes with o (a state–state
    /// corruption link); agency x sanctions s (not a tie); victim v is repatriated to o (not a tie).
    /// Rows: o (tied to s) and q (tied to s2); o2 has no tie to the perpetrator side, no row.
    /// o: counterparts [s]; compounds [k] (s operates k); links [0 protects, 6 colludes_with].
    /// Network of ties T (every link but sanctions, repatriated_to, located_in, rescued_from):
    /// o–s, s–k, s–r, o–p, s2–q, o2–o. Components {o, s, k, r, p, o2}, {s2, q}, {x}, {v}.
    /// Pairs only o connects: state actors ≠ o are p, q, o2, x; perpetrator side ≠ o: s, k, r, s2.
    /// Without o, p and o2 are cut off from s, k, r: 2 × 3 = 6 pairs; (q, s2) stays; x reaches
    /// nothing either way (the sanction is not a tie; the old measure counted such a pair).
    /// q: without q, s2 is alone, but s2 had no other state actor: 0.
    @Test func handWorked() {
        let d = Dataset(entities: [Entity(id: "o", kind: .official), Entity(id: "s", kind: .syndicate), Entity(id: "k", kind: .compound),
                                   Entity(id: "r", kind: .person, role: .broker), Entity(id: "p", kind: .agency),
                                   Entity(id: "s2", kind: .syndicate), Entity(id: "q", kind: .agency),
                                   Entity(id: "v", kind: .person, role: .victim), Entity(id: "o2", kind: .official),
                                   Entity(id: "x", kind: .agency)],
                        links: [Link(source: "o", target: "s", kind: .protects), Link(source: "s", target: "k", kind: .operates),
                                Link(source: "s", target: "r", kind: .employs), Link(source: "o", target: "p", kind: .memberOf),
                                Link(source: "s2", target: "q", kind: .bribes), Link(source: "v", target: "o", kind: .repatriatedTo),
                                Link(source: "o2", target: "o", kind: .colludesWith), Link(source: "x", target: "s", kind: .sanctions)])
        let rows = d.corruptionExposure()
        #expect(rows.map(\.id) == ["o", "q"])
        #expect(rows[0].counterparts == [1] && rows[0].compounds == [2] && rows[0].links == [0, 6])
        #expect(rows[0].pairsOnlyItConnects == 6)
        #expect(rows[1].counterparts == [5] && rows[1].compounds.isEmpty && rows[1].pairsOnlyItConnects == 0)
        #expect(rows[0].linkValues.map(\.kind) == [.protects, .colludesWith])
    }
}

@Suite struct DatasetDiffTests {
    /// Before: a–b, b–c (path a-b-c). After: c ended, d appeared, links a–b, b–d, a–d (triangle
    /// a-b-d), a–b stated twice. Entities appeared [d], ended [c]; links appeared a–b (the second
    /// statement), a–d, b–d; ended b–c. Betweenness (NetworkX, normalised): before b = 1 (it is
    /// on the one a–c path; pairs (a, c) / ((3−1)(3−2)/2) = 1), after everyone 0 (a triangle):
    /// changes: b −1; a, c, d unchanged at 0.
    @Test func handWorked() throws {
        let before = Dataset(entities: ["a", "b", "c"].map { Entity(id: $0, kind: .person) },
                             links: [Link(source: "a", target: "b", kind: .colludesWith), Link(source: "b", target: "c", kind: .colludesWith)])
        let after = Dataset(entities: ["a", "b", "d"].map { Entity(id: $0, kind: .person) },
                            links: [Link(source: "a", target: "b", kind: .colludesWith), Link(source: "a", target: "b", kind: .colludesWith),
                                    Link(source: "b", target: "d", kind: .colludesWith), Link(source: "a", target: "d", kind: .colludesWith)])
        let diff = try DatasetDiff(before: before, after: after)
        #expect(diff.entitiesAppeared == ["d"] && diff.entitiesEnded == ["c"])
        #expect(diff.linksAppeared.map { "\($0.source)-\($0.target)" } == ["a-b", "a-d", "b-d"])
        #expect(diff.linksEnded.map { "\($0.source)-\($0.target)" } == ["b-c"])
        #expect(diff.changes.map(\.id) == ["b"] && diff.changes[0].before == 1 && diff.changes[0].after == 0)
        #expect(diff.notes.isEmpty)
    }

    /// With sampled betweenness (as `tnet diff` uses above 20,000 entities) each side's error
    /// bound is said, and each listed change is within the two sides' bounds (2ε) of the exact
    /// change: a path of 300 entities before, the same closed into a ring after (every value
    /// changes: the middle of the path loses about half its paths, the ends gain).
    @Test func sampledChangesStayWithinTheBound() throws {
        let ids = (0 ..< 300).map { "n\($0)" }
        var links = (0 ..< 299).map { Link(source: ids[$0], target: ids[$0 + 1], kind: .colludesWith) }
        let before = Dataset(entities: ids.map { Entity(id: $0, kind: .person) }, links: links)
        links.append(Link(source: ids[299], target: ids[0], kind: .colludesWith))
        let after = Dataset(entities: ids.map { Entity(id: $0, kind: .person) }, links: links)
        var options = CentralityAnalysisOptions()
        options.epsilon = 0.05
        options.threads = 2
        let exact = try DatasetDiff(before: before, after: after, top: 300)
        let sampled = try DatasetDiff(before: before, after: after, measure: .approxBetweenness, top: 20, options: options)
        #expect(sampled.notes.count == 2 && sampled.notes[0].hasPrefix("before: approx-betweenness: ")
                && sampled.notes[1].hasPrefix("after: approx-betweenness: ") && sampled.notes.allSatisfy { $0.contains("within") }, "\(sampled.notes)")
        let truth = Dictionary(uniqueKeysWithValues: exact.changes.map { ($0.id, $0.delta) })
        #expect(sampled.changes.count == 20)
        for c in sampled.changes { #expect(abs(c.delta - (truth[c.id] ?? 0)) <= 2 * 0.05, "\(c.id)") }
    }
}
