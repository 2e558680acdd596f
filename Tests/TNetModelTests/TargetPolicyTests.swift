import Testing
@testable import TNetModel

@Suite struct TargetPolicyTests {
    /// One entity per rule, worked by hand from the policy's definition:
    /// - syn (syndicate), co (company), fin (financial), n (node): candidates by kind;
    /// - rec (person, "Recruiter " — canonical recruiter): candidate; p (person, no role):
    ///   person without a perpetrator role;
    /// - v ("VICTIMS"), w (witness), s (survivor), x (person, no role field but a `Role` attribute
    ///   "victim"): protected persons;
    /// - o1 (official) protects syn: candidate; o2 (official) colludes with o1 only, a state
    ///   actor, not the perpetrator side: official without a corruption link;
    /// - ag (agency), c (country), k (compound), pl (platform), m (custom kind "militia").
    @Test func defaultStandings() {
        let d = Dataset(entities: [
            Entity(id: "syn", kind: .syndicate), Entity(id: "co", kind: .company), Entity(id: "fin", kind: .financial),
            Entity(id: "n", kind: .node), Entity(id: "rec", kind: .person, role: "Recruiter "), Entity(id: "p", kind: .person),
            Entity(id: "v", kind: .person, role: "VICTIMS"), Entity(id: "w", kind: .person, role: .witness),
            Entity(id: "s", kind: .person, role: .survivor), Entity(id: "x", kind: .person, attributes: [" Role": .string("victim")]),
            Entity(id: "o1", kind: .official), Entity(id: "o2", kind: .official), Entity(id: "ag", kind: .agency),
            Entity(id: "c", kind: .country), Entity(id: "k", kind: .compound), Entity(id: "pl", kind: .platform),
            Entity(id: "m", kind: "militia"),
        ], links: [Link(source: "o1", target: "syn", kind: .protects), Link(source: "o2", target: "o1", kind: .colludesWith)])
        let byID = Dictionary(uniqueKeysWithValues: zip(d.entities.map(\.id), d.targetStandings()))
        for id in ["syn", "co", "fin", "n", "rec", "o1"] { #expect(byID[id] == .candidate, "\(id)") }
        for id in ["v", "w", "s", "x"] { #expect(byID[id] == .protectedPerson, "\(id)") }
        #expect(byID["p"] == .personWithoutPerpetratorRole && byID["o2"] == .officialWithoutCorruptionLink)
        #expect(byID["ag"] == .authority && byID["c"] == .place && byID["k"] == .place && byID["pl"] == .intermediary)
        #expect(byID["m"] == .notPerpetratorKind)
        // 6 candidates, 4 protected, 2 places, and one each of the rest: 17 in all.
        let counts = Dictionary(uniqueKeysWithValues: d.targetStandingCounts().map { ($0.standing, $0.count) })
        #expect(counts == [.candidate: 6, .protectedPerson: 4, .place: 2, .personWithoutPerpetratorRole: 1,
                           .officialWithoutCorruptionLink: 1, .authority: 1, .intermediary: 1, .notPerpetratorKind: 1])
    }

    /// Overrides: the militia kind becomes a candidate, one syndicate is excluded, the agency
    /// named as an entity becomes a candidate (the entity beats its kind), and an override naming
    /// a victim changes nothing.
    @Test func schemaOverrides() {
        var d = Dataset(entities: [Entity(id: "m", kind: "militia"), Entity(id: "syn", kind: .syndicate),
                                   Entity(id: "syn2", kind: .syndicate), Entity(id: "ag", kind: .agency),
                                   Entity(id: "v", kind: .person, role: .victim)])
        d.schema.targets = TargetPolicy(kinds: ["militia": .candidate, .syndicate: .candidate, .person: .candidate],
                                        entities: ["syn2": .excluded, "ag": .candidate, "v": .candidate])
        #expect(d.targetStandings() == [.candidate, .candidate, .excludedBySchema, .candidate, .protectedPerson])
    }
}
