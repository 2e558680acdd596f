import Foundation
import Testing
@testable import TNetGraph

/// One fixture of Fixtures/communities (written by make_community_fixtures.py with NetworkX).
struct CommunityFixture: @unchecked Sendable {
    let name: String
    let graph: Graph
    /// The graph as NetworkX's `to_undirected()` reads it (the same graph when undirected).
    let undirected: Graph
    let nodes: [String]
    let json: [String: Any]

    func partition(_ parts: [[String]]) -> [Int] {
        var community = [Int](repeating: -1, count: nodes.count)
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, $0) })
        for (c, members) in parts.enumerated() { for m in members { community[index[m]!] = c } }
        return community
    }

    static var all: [CommunityFixture] {
        let dir = Bundle.module.url(forResource: "Fixtures/communities", withExtension: nil)!
        let files = (try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }.map { url in
            let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            let nodes = json["nodes"] as! [String]
            let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, NodeIndex($0)) })
            let directed = json["directed"] as! Bool
            var b = GraphBuilder(directed: directed, weighted: true, nodeCount: nodes.count)
            var u = GraphBuilder(directed: false, weighted: true, nodeCount: nodes.count)  // later edge wins, as to_undirected
            for e in json["edges"] as! [[Any]] {
                let (s, t, w) = (index[e[0] as! String]!, index[e[1] as! String]!, (e[2] as! NSNumber).doubleValue)
                b.addEdge(s, t, weight: w)
                u.addEdge(s, t, weight: w)
            }
            let g = b.build()
            return CommunityFixture(name: json["name"] as! String, graph: g, undirected: directed ? u.build() : g, nodes: nodes, json: json)
        }
    }
}

@Suite struct CommunityOracleTests {
    static let fixtures = CommunityFixture.all

    @Test func thereAreEnoughFixtures() {
        #expect(Self.fixtures.count >= 20)
        #expect(Self.fixtures.reduce(0) { $0 + (($1.json["modularity"] as! [Any]).count) } >= 200)
    }

    /// Modularity of fixed partitions equals NetworkX's `community.modularity` (directed graphs
    /// with the directed formula), weighted and not, at three resolutions.
    @Test(arguments: fixtures.map(\.name))
    func modularityMatchesNetworkX(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        for case let entry as [String: Any] in f.json["modularity"] as! [Any] {
            let ours = f.graph.modularity(f.partition(entry["partition"] as! [[String]]), weighted: entry["weighted"] as! Bool,
                                          resolution: (entry["resolution"] as! NSNumber).doubleValue)
            let expected = (entry["value"] as! NSNumber).doubleValue
            #expect(abs(ours - expected) <= 1e-12, "\(name) \(entry["weighted"]!) γ=\(entry["resolution"]!): \(ours) vs \(expected)")
        }
    }

    /// Louvain and Leiden against NetworkX's `louvain_communities`, at three resolutions,
    /// weighted and not. Both are randomised (NetworkX's seeds and ours draw different orders),
    /// so each is held to NetworkX's average over ten seeds (within 1 %, or better) on its own
    /// ten; every Leiden community must be connected. Every
    /// partition covers every node and its reported modularity is the partition's.
    @Test(arguments: fixtures.map(\.name))
    func louvainAndLeidenAgainstNetworkX(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        let louvain = f.json["louvain"] as! [String: [String: [String: Any]]]
        func check(_ c: Communities, _ what: String, weighted: Bool, gamma: Double) {
            #expect(c.community.count == f.nodes.count && Set(c.community) == Set(0 ..< c.count), "\(what)")
            let recomputed = f.undirected.modularity(c.community, weighted: weighted, resolution: gamma)
            #expect(abs(recomputed - c.modularity) <= 1e-9, "\(what): reported \(c.modularity), partition's \(recomputed)")
        }
        for (mode, byResolution) in louvain {
            for (r, expected) in byResolution {
                let gamma = Double(r)!, weighted = mode == "weighted"
                let mean = (expected["mean_of_seeds"] as! NSNumber).doubleValue
                let floor = mean - 0.01 * abs(mean) - 1e-12
                var sum = 0.0
                for seed: UInt64 in 0 ..< 10 {
                    let c = f.graph.louvain(LouvainOptions(weighted: weighted, resolution: gamma, seed: seed))
                    check(c, "\(name) louvain \(mode) γ=\(r) seed \(seed)", weighted: weighted, gamma: gamma)
                    sum += c.modularity
                }
                #expect(sum / 10 >= floor, "\(name) louvain \(mode) γ=\(r): mean \(sum / 10) vs NetworkX \(mean)")
                var leidenSum = 0.0
                for seed: UInt64 in 0 ..< 10 {
                    let leiden = f.graph.leiden(LouvainOptions(weighted: weighted, resolution: gamma, seed: seed))
                    check(leiden, "\(name) leiden \(mode) γ=\(r) seed \(seed)", weighted: weighted, gamma: gamma)
                    #expect(Self.connected(f.undirected, leiden.community), "\(name) leiden \(mode) γ=\(r) seed \(seed): a community is not connected")
                    leidenSum += leiden.modularity
                }
                #expect(leidenSum / 10 >= floor, "\(name) leiden \(mode) γ=\(r): mean \(leidenSum / 10) vs NetworkX \(mean)")
            }
        }
    }

    /// Whether every community induces a connected subgraph (a plain BFS inside each).
    static func connected(_ g: Graph, _ community: [Int]) -> Bool {
        var seen = [Bool](repeating: false, count: g.nodeCount)
        var started = Set<Int>()
        for s in 0 ..< g.nodeCount where !seen[s] {
            guard started.insert(community[s]).inserted else { return false }  // a second piece of one community
            seen[s] = true
            var stack = [s]
            while let u = stack.popLast() {
                for v in g.outgoing.neighbors(of: NodeIndex(u)) where !seen[Int(v)] && community[Int(v)] == community[s] {
                    seen[Int(v)] = true
                    stack.append(Int(v))
                }
            }
        }
        return true
    }

    /// Label propagation ends at a fixed point: every node with neighbours holds one of the
    /// labels that weigh most around it. Same seed, same labels.
    @Test(arguments: fixtures.map(\.name))
    func labelPropagationFixedPoint(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        let g = f.undirected
        for weighted in [false, true] {
            let c = g.labelPropagation(weighted: weighted, seed: 5)
            for u in g.nodes where g.outgoing.slotCount(u) > 0 {
                var weight: [Int: Double] = [:]
                for s in g.outgoing.slots(of: u) { weight[c.community[Int(g.outgoing.neighbors[s])], default: 0] += weighted ? g.outgoing.weight(atSlot: s) : 1 }
                #expect(weight[c.community[Int(u)]] == weight.values.max(), "\(name) node \(f.nodes[Int(u)])")
            }
            #expect(g.labelPropagation(weighted: weighted, seed: 5).community == c.community)
        }
    }

    /// Hand-worked: two triangles joined by one edge (0-1-2, 3-4-5, 2-3). m = 7; the split
    /// {0,1,2} {3,4,5} has L = 3 + 3 and degree sums 7 + 7: Q = 6/7 − 2 (7/14)² = 6/7 − 1/2 = 5/14.
    @Test func twoTriangles() {
        var b = GraphBuilder(directed: false, weighted: false, nodeCount: 6)
        for (u, v) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5), (2, 3)] { b.addEdge(NodeIndex(u), NodeIndex(v)) }
        let g = b.build()
        #expect(abs(g.modularity([0, 0, 0, 1, 1, 1]) - 5.0 / 14.0) < 1e-15)
        let c = g.louvain()
        #expect(c.community == [0, 0, 0, 1, 1, 1] && abs(c.modularity - 5.0 / 14.0) < 1e-15)
        #expect(g.labelPropagation(seed: 1).count <= 2)
    }

    /// The committed fixtures are what the script produces with the NetworkX installed here.
    @Test(.enabled(if: OracleScript.available, "needs networkx 3.6.1 with scipy (make test installs it)"))
    func fixturesMatchTheScript() throws {
        try OracleScript.compare(folder: "communities", script: "make_community_fixtures.py")
    }
}
