import Testing
import TNetModel

@Suite struct SyntheticNetworkTests {
    private func fingerprint(_ d: Dataset) -> [String] {
        d.entities.map { "\($0.id)|\($0.kind)|\($0.role?.rawValue ?? "")|\($0.confidence?.description ?? "")|\(String(describing: $0.period))" }
            + d.links.map { "\($0.source)>\($0.target)|\($0.kind)|\($0.confidence?.description ?? "")|\(String(describing: $0.period))|\($0.agreement ?? "")|\($0.weight ?? 0)" }
    }

    @Test func sameSeedSameNetwork() {
        let a = SyntheticNetwork(nodes: 3000, seed: 42).generate()
        let b = SyntheticNetwork(nodes: 3000, seed: 42).generate()
        let c = SyntheticNetwork(nodes: 3000, seed: 43).generate()
        #expect(fingerprint(a) == fingerprint(b))
        #expect(fingerprint(a) != fingerprint(c))
    }

    @Test(arguments: [0, 1, 2, 6, 50, 2000])
    func exactlyTheRequestedNodesAndValid(n: Int) {
        let d = SyntheticNetwork(nodes: n, seed: 7).generate()
        #expect(d.entities.count == n)
        #expect(Set(d.entities.map(\.id)).count == n)
        // Every link resolves, cites the one source and is graded; nothing to warn about.
        #expect(d.validate().isEmpty, "\(d.validate().prefix(3))")
        #expect(d.links.allSatisfy { $0.sources == ["synthetic"] && $0.confidence != nil })
    }

    /// Typed like a trafficking network: every built-in entity kind and person role appears,
    /// and victims only ever appear as trafficked to a compound or recruited from a country
    /// (never in a perpetrator's link).
    @Test func typedLikeATraffickingNetwork() throws {
        let d = SyntheticNetwork(nodes: 5000, seed: 1).generate()
        let kinds = Set(d.entities.map(\.kind))
        for k: EntityKind in [.syndicate, .compound, .country, .region, .site, .person, .official, .agency, .company, .financial, .platform] {
            #expect(kinds.contains(k), "\(k)")
        }
        let roles = Set(d.entities.compactMap(\.role))
        for r: PersonRole in [.boss, .manager, .recruiter, .enforcer, .broker, .victim, .survivor, .witness] {
            #expect(roles.contains(r), "\(r)")
        }
        let victims = Set(d.entities.filter { $0.role == .victim }.map(\.id))
        for l in d.links where victims.contains(l.source) || victims.contains(l.target) {
            #expect(victims.contains(l.source) && (l.kind == .traffickedTo || l.kind == .recruitsFrom), "\(l)")
        }
        for l in d.links where l.kind == .cooperatesWith {
            #expect(l.agreement.flatMap(Agreement.init(rawValue:)) != nil)
        }
    }

    /// Mean degree near the requested one, and a heavy tail: preferential attachment gives hubs
    /// far above the mean (a Poisson graph of this size and mean would have a maximum near 15).
    @Test func powerLawShape() {
        let n = 20_000
        let d = SyntheticNetwork(nodes: n, seed: 3, averageDegree: 6).generate()
        var degree: [String: Int] = [:]
        for l in d.links {
            degree[l.source, default: 0] += 1
            degree[l.target, default: 0] += 1
        }
        let mean = 2 * Double(d.links.count) / Double(n)
        #expect(abs(mean - 6) < 0.6, "mean degree \(mean)")
        let maxDegree = degree.values.max() ?? 0
        #expect(Double(maxDegree) > 20 * mean, "max degree \(maxDegree)")
        // Most entities have a small degree.
        let small = degree.values.filter { Double($0) <= mean }.count + (n - degree.count)
        #expect(small > n / 2)
    }
}
