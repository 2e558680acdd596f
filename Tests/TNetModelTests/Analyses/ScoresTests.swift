import Testing
@testable import TNetModel

@Suite struct ScoresTests {
    /// Five entities with values set by hand: b 0.9, c 0.7, a 0.5, d 0.5, e NaN.
    /// Ranked: b, c, then the tie a–d by id (a first), then e (NaN last).
    /// Under the target policy only the syndicates a and d may be proposed: b is a victim,
    /// c a country (a place), e a person without a perpetrator role.
    @Test func rankingTiesNaNAndTheTargetPolicy() {
        let d = Dataset(entities: [
            Entity(id: "d", kind: .syndicate), Entity(id: "a", kind: .syndicate), Entity(id: "b", kind: .person, role: .victim),
            Entity(id: "c", kind: .country), Entity(id: "e", kind: .person),
        ])
        let s = Scores(measure: "test", dataset: d, values: [0.5, 0.5, 0.9, 0.7, .nan])
        #expect(s.ranked.map(\.entity.id) == ["b", "c", "a", "d", "e"])
        #expect(s.top(2).map(\.entity.id) == ["b", "c"])
        #expect(s.top(5, targetsOnly: true).map(\.entity.id) == ["a", "d"])
        #expect(s.top(0).isEmpty && s.top(-1).isEmpty)
        #expect(s["c"] == 0.7 && s["zz"] == nil)
        #expect(s.byID["a"] == 0.5 && s.byID.count == 5)
        #expect(Array(s).map(\.entity.id) == ["d", "a", "b", "c", "e"])  // dataset order
    }

    /// A path a – b – c: NetworkX's normalised betweenness is 1 for b (the one pair a, c of
    /// (n − 1)(n − 2)/2 = 1 passes through it) and 0 for the ends; degree centrality is
    /// degree / (n − 1): 0.5, 1, 0.5.
    @Test func measuresByIDAsNetworkX() throws {
        let d = Dataset(entities: [Entity(id: "a", kind: .syndicate), Entity(id: "b", kind: .syndicate), Entity(id: "c", kind: .syndicate)],
                        links: [Link(source: "a", target: "b", kind: .controls, directed: false), Link(source: "b", target: "c", kind: .controls, directed: false)])
        let betweenness = try d.betweenness()
        #expect(betweenness["a"] == 0 && betweenness["b"] == 1 && betweenness["c"] == 0)
        #expect(betweenness.measure == "betweenness")
        let degree = try d.degree()
        #expect(degree.values == [0.5, 1, 0.5])
        #expect(throws: CentralityError.self) { try d.scores(.edgeBetweenness) }
    }
}
