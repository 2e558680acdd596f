import Testing
import TNetGraph
@testable import TNetModel

/// Dataset.graph(_:): the one projection every analysis reads (issue 17). Worked by hand.
@Suite struct ProjectionTests {
    /// Calls, in file order: a→b 2, b→a 3, a→b 5 (directed), and an undirected a–c 4.
    static func calls(_ links: [Link]? = nil) -> Dataset {
        let l = links ?? [Link(source: "a", target: "b", kind: "call", weight: 2, directed: true),
                          Link(source: "b", target: "a", kind: "call", weight: 3, directed: true),
                          Link(source: "a", target: "b", kind: "call", weight: 5, directed: true),
                          Link(source: "a", target: "c", kind: "call", weight: 4, directed: false)]
        return Dataset(entities: ["a", "b", "c"].map { Entity(id: $0, kind: .person) }, links: l)
    }

    /// Undirected, the three a–b calls are one tie: sum 2+3+5 = 10, max 5, min 2, first 2
    /// (a→b, the first line), last 5; a–c stays 4.
    @Test func combineRules() {
        let d = Self.calls()
        for (rule, ab) in [(LinkCombination.sum, 10.0), (.max, 5), (.min, 2), (.first, 2), (.last, 5)] {
            let g = d.graph(ProjectionOptions(direction: .undirected, weighted: true, combine: rule))
            #expect(g.edgeCount == 2)
            #expect(g.tieWeight(0, 1) == ab, "\(rule)")
            #expect(g.tieWeight(0, 2) == 4)
        }
        // Unweighted, a tie counts 1 whatever the rule.
        #expect(d.graph(ProjectionOptions(direction: .undirected)).tieWeight(0, 1) == 1)
    }

    /// Directed (auto: some link is directed): a→b sums its two calls, 2+5 = 7; b→a is 3; the
    /// undirected a–c becomes two arcs of 4.
    @Test func directedReading() {
        let g = Self.calls().graph(ProjectionOptions(weighted: true))
        #expect(g.isDirected && g.edgeCount == 4)
        #expect(g.tieWeight(0, 1) == 7 && g.tieWeight(1, 0) == 3)
        #expect(g.tieWeight(0, 2) == 4 && g.tieWeight(2, 0) == 4)
    }

    /// A strength becomes the length 1/w for path measures (a–b: 1/10), and a length the
    /// strength 1/w for the others; NetworkX's reading keeps w for both.
    @Test func weightMeaning() {
        let d = Self.calls()
        let strength = ProjectionOptions(direction: .undirected, weighted: true, weightMeaning: .strength)
        #expect(d.graph(strength.using(.distance)).tieWeight(0, 1) == 1.0 / 10)
        #expect(d.graph(strength.using(.strength)).tieWeight(0, 1) == 10)
        let distance = ProjectionOptions(direction: .undirected, weighted: true, combine: .min, weightMeaning: .distance)
        #expect(d.graph(distance.using(.distance)).tieWeight(0, 1) == 2)
        #expect(d.graph(distance.using(.strength)).tieWeight(0, 1) == 1.0 / 2)
        let networkx = ProjectionOptions(direction: .undirected, weighted: true)
        #expect(d.graph(networkx.using(.distance)).tieWeight(0, 1) == 10 && d.graph(networkx).tieWeight(0, 1) == 10)
    }

    /// The sum does not depend on the order of the links, even where floating-point addition
    /// does: 0.1 + 0.2 + 0.3 is 0.6000000000000001 and 0.3 + 0.2 + 0.1 is 0.6; both orders give
    /// the ascending sum, (0.1 + 0.2) + 0.3.
    @Test func sumIsIndependentOfOrder() {
        let w = [0.1, 0.2, 0.3]
        #expect(w.reduce(0, +) != w.reversed().reduce(0, +))
        let forward = Self.calls(w.map { Link(source: "a", target: "b", kind: "call", weight: $0) })
        let backward = Self.calls(w.reversed().map { Link(source: "a", target: "b", kind: "call", weight: $0) })
        let o = ProjectionOptions(weighted: true)
        #expect(forward.graph(o).tieWeight(0, 1) == (0.1 + 0.2) + 0.3)
        #expect(backward.graph(o).tieWeight(0, 1) == forward.graph(o).tieWeight(0, 1))
    }

    /// Weights no analysis can read are refused, naming the link: negative anywhere, zero where
    /// a reciprocal is taken, infinite always.
    @Test func weightsAreChecked() {
        let negative = Self.calls([Link(source: "a", target: "b", kind: "call", weight: -1)])
        #expect(throws: ProjectionError.self) { try negative.checkWeights(ProjectionOptions(weighted: true)) }
        let zero = Self.calls([Link(source: "a", target: "b", kind: "call", weight: 0)])
        #expect(throws: Never.self) { try zero.checkWeights(ProjectionOptions(weighted: true)) }
        #expect(throws: ProjectionError.self) { try zero.checkWeights(ProjectionOptions(weighted: true, weightMeaning: .strength, use: .distance)) }
        // Unweighted, weights are not read.
        #expect(throws: Never.self) { try negative.checkWeights(ProjectionOptions()) }
    }

    @Test func describesItself() {
        let d = Self.calls()
        let o = ProjectionOptions(direction: .undirected, weighted: true, weightMeaning: .strength, use: .distance)
        #expect(o.describe(d.graph(o), links: d.resolvedLinkCount)
                == "undirected graph: 3 entities, 2 ties from 4 links; parallel and reciprocal links combined by sum of weights; weights are strengths (length 1/w for paths)")
    }

    /// A route's step cites one link of its tie: with strengths, the strongest (its length 1/w
    /// is the shortest); with lengths, the shortest. Two calls a→b weigh 1 and 5: the tie's
    /// strength is 6, its length 1/6, and the step cites the call of weight 5.
    @Test func routeStepCitesTheCheapestLinkOfItsTie() throws {
        let d = Self.calls([Link(source: "a", target: "b", kind: "call", weight: 1), Link(source: "a", target: "b", kind: "call", weight: 5)])
        var o = RouteOptions()
        o.cost = .weight
        o.projection = ProjectionOptions(weightMeaning: .strength)
        let strength = try d.routes(from: "a", to: "b", options: o).routes[0]
        #expect(strength.steps[0].link.weight == 5 && strength.cost == 1.0 / 6)
        o.projection = ProjectionOptions(combine: .min, weightMeaning: .distance)
        let length = try d.routes(from: "a", to: "b", options: o).routes[0]
        #expect(length.steps[0].link.weight == 1 && length.cost == 1)
    }

    /// The per-pass table of directions against ``Dataset/isDirected(linkAt:)`` link by link, over
    /// every mix of a link's own direction, the dataset's default, built-in symmetric kinds
    /// (`cooperates_with`) and kinds the schema declares symmetric.
    @Test func directionsTableAgreesWithEachLink() {
        var rng = SystemRandomNumberGenerator()
        let kinds: [LinkKind] = [.cooperatesWith, .operates, "call", "meets"]
        for round in 0 ..< 200 {
            let links = (0 ..< Int.random(in: 0 ... 12, using: &rng)).map { _ in
                Link(source: "a", target: "b", kind: kinds.randomElement(using: &rng)!,
                     directed: [nil, true, false].randomElement(using: &rng)!)
            }
            var d = Dataset(entities: [Entity(id: "a", kind: .person), Entity(id: "b", kind: .person)], links: links,
                            directed: [nil, true, false][round % 3])
            if round % 2 == 1 { d.schema = Schema(linkKinds: ["meets"], symmetricLinkKinds: ["meets"]) }
            let direction = d.linkDirections()
            for i in links.indices { #expect(direction(i) == d.isDirected(linkAt: i), "round \(round), link \(i)") }
            #expect(d.hasDirectedLinks == links.indices.contains { d.isDirected(linkAt: $0) })
        }
    }
}
