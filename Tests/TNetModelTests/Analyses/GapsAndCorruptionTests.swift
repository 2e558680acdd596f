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
        #expect(gaps[2].channels.count == 1 && gaps[2].channels[0].via.map(id) == "int")
        #expect(gaps[1].channels.map(\.agreement) == ["mou"])
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
    /// member of agency p; syndicate s2 bribes agency q, which has no other tie.
    /// o's neighbours: s (criminal), p (state) → the pair (p, s) is not linked: 1 brokered pair.
    /// q's neighbours: s2 only → 0 pairs. The victim v linked to o is on neither side.
    @Test func handWorked() {
        let d = Dataset(entities: [Entity(id: "o", kind: .official), Entity(id: "s", kind: .syndicate), Entity(id: "k", kind: .compound),
                                   Entity(id: "r", kind: .person, role: .broker), Entity(id: "p", kind: .agency),
                                   Entity(id: "s2", kind: .syndicate), Entity(id: "q", kind: .agency),
                                   Entity(id: "v", kind: .person, role: .victim)],
                        links: [Link(source: "o", target: "s", kind: .protects), Link(source: "s", target: "k", kind: .operates),
                                Link(source: "s", target: "r", kind: .employs), Link(source: "o", target: "p", kind: .memberOf),
                                Link(source: "s2", target: "q", kind: .bribes), Link(source: "v", target: "o", kind: .repatriatedTo)])
        let rows = d.corruptionExposure()
        #expect(rows.map { d.entities[$0.entity].id } == ["o", "q"])
        #expect(rows[0].syndicates == [1] && rows[0].compounds == [2] && rows[0].links == [0])
        #expect(rows[0].stateContacts == 1 && rows[0].criminalContacts == 1 && rows[0].brokeredPairs == 1)
        #expect(rows[1].syndicates == [5] && rows[1].compounds.isEmpty && rows[1].brokeredPairs == 0)
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
    }
}
