import Testing
@testable import TNetGraph
@testable import TNetModel

@Suite struct DisruptionTests {
    /// x-source ← broker ← syndicate → compound → h-host, official → syndicate, victim → compound:
    ///
    ///     x-source — broker — syndicate — compound — h-host
    ///                            |           |
    ///                         official     victim
    ///
    /// Candidates (the target policy): broker (a perpetrator role), syndicate, official (it
    /// protects the syndicate: a corruption link). Never: the victim (protected), the two countries
    /// and the compound (places). Degrees: syndicate 3, broker 2, official 1: the degree strategy
    /// takes syndicate, broker, official.
    /// Step 0: connected, 7 entities; efficiency Σ 1/d over the 21 pairs = 12 (by source node:
    /// x 8/3, broker 8/3, syndicate 3, compound 5/2, h-host 5/6, official 1/3) → 12/21 = 4/7;
    /// flow x-source → compound over recruits_from, employs, operates: one path → 1.
    /// Step 1 (syndicate gone): parts {x, broker}, {compound, h-host, victim}, {official} → 3,
    /// largest 3/7; efficiency over the 15 pairs of the six left: x–broker 1, compound–h-host 1,
    /// compound–victim 1, h-host–victim 1/2 → 7/2, 7/2 / 15 = 7/30; the flow's only path ran
    /// through the syndicate → 0.
    static let dataset = Dataset(
        entities: [Entity(id: "x-source", kind: .country), Entity(id: "broker", kind: .person, role: .broker),
                   Entity(id: "syndicate", kind: .syndicate), Entity(id: "compound", kind: .compound),
                   Entity(id: "h-host", kind: .country), Entity(id: "official", kind: .official),
                   Entity(id: "victim", kind: .person, role: .victim)],
        links: [Link(source: "broker", target: "x-source", kind: .recruitsFrom), Link(source: "syndicate", target: "broker", kind: .employs),
                Link(source: "syndicate", target: "compound", kind: .operates), Link(source: "compound", target: "h-host", kind: .locatedIn),
                Link(source: "official", target: "syndicate", kind: .protects), Link(source: "victim", target: "compound", kind: .locatedIn)])

    @Test func handWorkedDegreeStrategy() throws {
        var options = DisruptionOptions()
        options.strategies = [.degree]
        options.steps = 10
        let r = try Self.dataset.disruption(options)
        #expect(r.protectedExcluded == 1 && r.placesExcluded == 3)
        #expect(r.flowSources == [0] && r.flowSinks == [3])
        let steps = r.runs[0].steps
        #expect(steps.count == 4)  // the intact network and the three candidates
        #expect(steps.dropFirst().map { Self.dataset.entities[$0.removed!].id } == ["syndicate", "broker", "official"])
        #expect(r.runs[0].removedIDs == ["syndicate", "broker", "official"])
        #expect(steps[0].largestShare == 1 && steps[0].components == 1 && abs(steps[0].efficiency - 4.0 / 7.0) < 1e-12 && steps[0].flow == 1)
        #expect(abs(steps[1].largestShare - 3.0 / 7.0) < 1e-12 && steps[1].components == 3)
        #expect(abs(steps[1].efficiency - 7.0 / 30.0) < 1e-12 && steps[1].flow == 0)
    }

    /// The list strategy follows the list, and refuses a victim or a place.
    @Test func listAndRefusals() throws {
        var options = DisruptionOptions()
        options.strategies = [.list]
        options.targets = ["official", "broker"]
        let r = try Self.dataset.disruption(options)
        #expect(r.runs[0].steps.dropFirst().map { Self.dataset.entities[$0.removed!].id } == ["official", "broker"])
        options.targets = ["victim"]
        #expect(throws: AnalysisError.self) { try Self.dataset.disruption(options) }
        options.targets = ["h-host"]
        #expect(throws: AnalysisError.self) { try Self.dataset.disruption(options) }
        options.targets = ["compound"]  // a place: its operators are the target
        #expect(throws: AnalysisError.self) { try Self.dataset.disruption(options) }
    }

    /// With --recompute every removal ranks by betweenness again, each ranking from its own
    /// sample, whose size follows the network as it is now. On a wheel of 60 (a hub and a rim of
    /// 59) at ε 0.03, δ 0.1, the intact wheel's vertex diameter is small and its sample (at most
    /// n(n − 1) = 3,540 pairs) is drawn; without the hub the rim is a cycle, whose diameter asks
    /// for more pairs than the network has, so that ranking is exact (Brandes, bound 0). The
    /// accuracy stated must still say betweenness was sampled, with the first ranking's bound:
    /// the last ranking's "exact" would overstate the first.
    @Test func recomputedRankingsStateTheWidestBound() throws {
        var wheel = Dataset(entities: [Entity(id: "hub", kind: .syndicate)])
        for i in 0 ..< 59 { wheel.append(Entity(id: "r\(i)", kind: .syndicate)) }
        for i in 0 ..< 59 {
            wheel.append(Link(source: "hub", target: "r\(i)", kind: .colludesWith))
            wheel.append(Link(source: "r\(i)", target: "r\((i + 1) % 59)", kind: .colludesWith))
        }
        var options = DisruptionOptions()
        options.sampling = EfficiencySampling(epsilon: 0.03, delta: 0.1, seed: 3, exact: false, exactLimit: 10)
        options.strategies = [.betweenness]
        options.steps = 2
        options.recompute = true
        // The scenario, checked: the intact wheel sampled, the rim alone exact in place of a sample.
        let g = wheel.graph()
        let intact = Dataset.removalBetweenness(g, entities: 60, sampling: options.sampling, threads: 1)
        let rim = Dataset.removalBetweenness(Dataset.without(g, [false] + Array(repeating: true, count: 59)), entities: 59,
                                             sampling: options.sampling, threads: 1)
        let first = try #require(intact.sampled)
        #expect(first.bound > 0)
        #expect(rim.sampled?.bound == 0)
        let r = try wheel.disruption(options)
        #expect(r.runs[0].removedIDs.first == "hub")
        #expect(r.accuracy.betweennessSampled)
        #expect(r.accuracy.betweenness?.bound == first.bound && r.accuracy.betweenness?.samples == first.samples)
        #expect(r.accuracy.text.contains("betweenness sampled") && !r.accuracy.text.contains("betweenness exact"))
    }

    /// The forced-criminality principle, whatever the strategy: no protected person is ever
    /// removed, even when a victim is the hub every strategy would take first (star centre).
    @Test func victimsAreNeverRemoved() throws {
        var star = Dataset(entities: [Entity(id: "hub", kind: .person, role: .victim), Entity(id: "s", kind: .person, role: .survivor)])
        for i in 0 ..< 12 { star.append(Entity(id: "a\(i)", kind: .syndicate)) }
        for i in 0 ..< 12 { star.append(Link(source: "hub", target: "a\(i)", kind: .colludesWith)) }
        star.append(Link(source: "s", target: "a0", kind: .employs))
        let generated = SyntheticNetwork(nodes: 300, seed: 4).generate()
        for d in [star, generated] {
            for recompute in [false, true] {
                var options = DisruptionOptions()
                options.strategies = DisruptionStrategy.allCases.filter { $0 != .list }
                options.steps = 40
                options.recompute = recompute
                let r = try d.disruption(options)
                for run in r.runs {
                    #expect(run.steps.count > 1)
                    for s in run.steps.dropFirst() {
                        #expect(d.entities[s.removed!].role?.isProtected != true, "\(run.strategy) removed \(d.entities[s.removed!].id)")
                    }
                }
            }
        }
    }
}

@Suite struct KeyPlayerTests {
    /// On the hand-worked network of DisruptionTests: the syndicate and the compound hold it
    /// together, but only the syndicate may be proposed (the compound is a place). Removing the
    /// syndicate cuts the official, and x-source with the broker, off the larger side
    /// ({compound, h-host, victim} stays, 3 of 7: cut off 7 − 3 − 1 = 3).
    @Test func rankingOnTheHandWorkedNetwork() throws {
        let d = DisruptionTests.dataset
        let r = try d.keyPlayers()
        #expect(r.protectedExcluded == 1)
        #expect(Set(r.players.map(\.id)) == ["broker", "official", "syndicate"])
        let byID = Dictionary(uniqueKeysWithValues: r.players.map { (d.entities[$0.entity].id, $0) })
        #expect(byID["syndicate"]!.isArticulationPoint && byID["syndicate"]!.cutOff == 3)
        #expect(!byID["official"]!.isArticulationPoint && byID["official"]!.cutOff == 0)
        #expect(r.players.first.map { d.entities[$0.entity].id } == "syndicate")
        let withVictims = try d.keyPlayers(includeVictims: true)
        #expect(withVictims.players.contains { $0.isProtected && d.entities[$0.entity].id == "victim" })
    }

    /// A key-player set never holds a protected person, even when a victim is the hub whose
    /// removal would fragment the network most.
    @Test func setsNeverHoldVictims() throws {
        var star = Dataset(entities: [Entity(id: "hub", kind: .person, role: .victim)])
        for i in 0 ..< 10 { star.append(Entity(id: "a\(i)", kind: .syndicate)) }
        for i in 0 ..< 10 { star.append(Link(source: "hub", target: "a\(i)", kind: .colludesWith)) }
        star.append(Link(source: "a0", target: "a1", kind: .colludesWith))
        for d in [star, SyntheticNetwork(nodes: 50, seed: 9).generate()] {
            for k in [1, 2] {
                let r = try d.keyPlayerSet(k)
                #expect(r.set.count == k && r.set.allSatisfy { d.entities[$0].role?.isProtected != true })
                #expect(r.betweennessSet.allSatisfy { d.entities[$0].role?.isProtected != true })
                #expect(r.fragmentation >= r.betweennessFragmentation - 1e-12)  // the top k by betweenness is one of the starts
            }
            #expect(try d.keyPlayers().players.allSatisfy { d.entities[$0.entity].role?.isProtected != true })
        }
    }
}
