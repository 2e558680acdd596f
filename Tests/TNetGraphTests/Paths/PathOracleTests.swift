import Foundation
import Testing
@testable import TNetGraph

/// One fixture of Fixtures/paths (written by make_paths_fixtures.py with NetworkX).
struct PathFixture: @unchecked Sendable {
    let name: String
    let graph: Graph
    let nodes: [String]
    let json: [String: Any]

    func index(_ id: String) -> NodeIndex { NodeIndex(nodes.firstIndex(of: id)!) }
    var source: NodeIndex { index(json["source"] as! String) }
    var pairs: [(NodeIndex, NodeIndex)] { (json["pairs"] as! [[String]]).map { (index($0[0]), index($0[1])) } }
    func section(_ key: String) -> [String: Any] { json[key] as? [String: Any] ?? [:] }
    func double(_ x: Any) -> Double { (x as! NSNumber).doubleValue }

    static var all: [PathFixture] {
        let dir = Bundle.module.url(forResource: "Fixtures/paths", withExtension: nil)!
        let files = (try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }.map { url in
            let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            let nodes = json["nodes"] as! [String]
            let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, NodeIndex($0)) })
            var b = GraphBuilder(directed: json["directed"] as! Bool, weighted: true, nodeCount: nodes.count)
            for e in json["edges"] as! [[Any]] {
                b.addEdge(index[e[0] as! String]!, index[e[1] as! String]!, weight: (e[2] as! NSNumber).doubleValue)
            }
            return PathFixture(name: json["name"] as! String, graph: b.build(), nodes: nodes, json: json)
        }
    }
}

/// Nodes reachable from `s` without passing through `removed`, by a plain queue.
private func reaches(_ g: Graph, from s: NodeIndex, to t: NodeIndex, removedNodes: Set<NodeIndex> = [],
                     removedEdges: Set<[NodeIndex]> = []) -> Bool {
    var seen: Set<NodeIndex> = [s]
    var queue = [s]
    while let u = queue.popLast() {
        if u == t { return true }
        for v in g.outgoing.neighbors(of: u) where !seen.contains(v) && !removedNodes.contains(v) {
            if removedEdges.contains([u, v]) || (!g.isDirected && removedEdges.contains([v, u])) { continue }
            seen.insert(v)
            queue.append(v)
        }
    }
    return false
}

@Suite struct PathOracleTests {
    static let fixtures = PathFixture.all

    @Test func thereAreEnoughFixtures() {
        #expect(Self.fixtures.count >= 20)
        #expect(Self.fixtures.reduce(0) { $0 + ($1.section("yen").count) } >= 40)
        #expect(Self.fixtures.contains { $0.json["projection"] != nil })
    }

    @Test(arguments: fixtures.map(\.name))
    func distances(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        let cases: [(String, PathSearchOptions)] = [
            ("hops", PathSearchOptions()), ("weighted", PathSearchOptions(weighted: true)),
            ("reverse_hops", PathSearchOptions(direction: .reverse)),
            ("reverse_weighted", PathSearchOptions(weighted: true, direction: .reverse)),
            ("hops_within_2", PathSearchOptions(maxHops: 2)),
        ]
        for (key, options) in cases {
            let expected = f.section("distances")[key] as! [String: Any]
            let tree = f.graph.shortestPathTree(from: f.source, options: options)
            var ours: [String: Double] = [:]
            for (i, id) in f.nodes.enumerated() where tree.distance[i] < .infinity { ours[id] = tree.distance[i] }
            #expect(ours == expected.mapValues(f.double), "\(name) \(key)")
            // Every tree path is a path of the graph with the reported cost and hops.
            for v in 0 ..< f.nodes.count where tree.reaches(NodeIndex(v)) {
                let path = tree.path(to: NodeIndex(v))!
                #expect(path.first == f.source && path.count - 1 == Int(tree.hops[v]))
                #expect(f.graph.pathCost(path, options: options) == tree.distance[v], "\(name) \(key) path to \(f.nodes[v])")
            }
        }
    }

    /// Weighted searches with a hop limit against a brute force over all paths of at most h edges.
    @Test(arguments: fixtures.map(\.name))
    func hopLimitedWeightedDistances(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        for limit in [1, 2, 3] {
            // Round r: cheapest walk of at most r edges, from the round before (plain arrays).
            var best = [Double](repeating: .infinity, count: f.nodes.count)
            best[Int(f.source)] = 0
            for _ in 0 ..< limit {
                var next = best
                f.graph.forEachEdge { _, u, v, w in
                    if best[Int(u)] + w < next[Int(v)] { next[Int(v)] = best[Int(u)] + w }
                    if !f.graph.isDirected && best[Int(v)] + w < next[Int(u)] { next[Int(u)] = best[Int(v)] + w }
                }
                best = next
            }
            let options = PathSearchOptions(weighted: true, maxHops: limit)
            let tree = f.graph.shortestPathTree(from: f.source, options: options)
            #expect(tree.distance == best, "\(name) within \(limit)")
            for v in 0 ..< f.nodes.count where tree.reaches(NodeIndex(v)) {
                let path = tree.path(to: NodeIndex(v))!
                #expect(path.count - 1 <= limit && path.count - 1 == Int(tree.hops[v]))
                #expect(f.graph.pathCost(path, options: options) == tree.distance[v])
            }
        }
    }

    @Test(arguments: fixtures.map(\.name))
    func allShortestPaths(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        for (key, value) in f.section("all_shortest") {
            let ends = key.split(separator: "|").map { f.index(String($0)) }
            let expected = value as! [String: [[String]]]
            for (mode, options) in [("hops", PathSearchOptions()), ("weighted", PathSearchOptions(weighted: true))] {
                let ours = f.graph.allShortestPaths(from: ends[0], to: ends[1], options: options).map { $0.map { f.nodes[Int($0)] } }
                #expect(Set(ours) == Set(expected[mode]!) && ours.count == expected[mode]!.count, "\(name) \(key) \(mode)")
            }
        }
    }

    @Test(arguments: fixtures.map(\.name))
    func kShortestSimplePaths(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        for (key, value) in f.section("yen") {
            let ends = key.split(separator: "|").map { f.index(String($0)) }
            let expected = value as! [String: [Any]]
            for (mode, options) in [("hops", PathSearchOptions()), ("weighted", PathSearchOptions(weighted: true))] {
                let result = f.graph.shortestSimplePaths(from: ends[0], to: ends[1], count: 6, options: options)
                #expect(result.paths.map(\.cost) == expected[mode]!.map(f.double), "\(name) \(key) \(mode)")
                #expect(Set(result.paths.map(\.nodes)).count == result.paths.count, "distinct")
                for p in result.paths { #expect(Set(p.nodes).count == p.nodes.count, "simple") }
            }
        }
    }

    @Test(arguments: fixtures.map(\.name))
    func components(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        func groups(_ labels: ComponentLabels) -> Set<Set<String>> {
            var sets = [Set<String>](repeating: [], count: labels.count)
            for (i, c) in labels.labels.enumerated() { sets[Int(c)].insert(f.nodes[i]) }
            return Set(sets)
        }
        let weak = (f.json["components"] as! [[String]]).map(Set.init)
        #expect(groups(f.graph.connectedComponents()) == Set(weak), "\(name) weak")
        if let strong = f.json["strong_components"] as? [[String]] {
            #expect(groups(f.graph.stronglyConnectedComponents()) == Set(strong.map(Set.init)), "\(name) strong")
        }
    }

    @Test(arguments: fixtures.map(\.name))
    func articulationPointsAndBridges(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        let efficiency = f.double(f.json["global_efficiency"]!)
        #expect(abs(f.graph.globalEfficiency() - efficiency) < 1e-12, "\(name) global efficiency")
        let cut = f.graph.cutStructure()
        #expect(Set(cut.articulationPoints.map { f.nodes[Int($0)] }) == Set(f.json["articulation_points"] as! [String]), "\(name)")
        let bridges = Set(cut.bridges.map { [f.nodes[Int($0.0)], f.nodes[Int($0.1)]].sorted() })
        #expect(bridges == Set(f.json["bridges"] as! [[String]]), "\(name)")
    }

    @Test(arguments: fixtures.map(\.name))
    func flowsAndCuts(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        for (key, value) in f.section("max_flow") {
            let ends = key.split(separator: "|").map { f.index(String($0)) }
            let expected = value as! [String: Any]
            for (mode, weighted) in [("unit", false), ("weighted", true)] {
                let result = f.graph.maximumFlow(from: [ends[0]], to: [ends[1]], weighted: weighted)
                #expect(result.value == f.double(expected[mode]!), "\(name) \(key) \(mode)")
                // The cut's capacity is the value and removing it separates the ends.
                var capacity = 0.0
                for e in result.edges {
                    let forward = f.graph.stepCost(e.from, e.to, direction: .forward, weighted: weighted) ?? 0
                    capacity += weighted ? forward : 1
                }
                #expect(capacity == result.value, "\(name) \(key) \(mode) cut capacity")
                #expect(!reaches(f.graph, from: ends[0], to: ends[1], removedEdges: Set(result.edges.map { [$0.from, $0.to] })))
            }
        }
        for (key, value) in f.section("node_connectivity") {
            let ends = key.split(separator: "|").map { f.index(String($0)) }
            let cut = f.graph.minimumVertexCut(from: [ends[0]], to: [ends[1]])
            #expect(cut?.count == (value as! Int), "\(name) \(key) vertex cut")
            if let cut { #expect(!reaches(f.graph, from: ends[0], to: ends[1], removedNodes: Set(cut))) }
        }
    }

    @Test(arguments: fixtures.map(\.name))
    func kCoresAndProjections(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        for (key, k) in [("k_core_2", 2), ("k_core_max", nil)] as [(String, Int?)] {
            guard let expected = f.json[key] as? [String] else { continue }
            let ours = f.graph.kCore(k)!
            #expect(Set(f.nodes.indices.filter { ours[$0] }.map { f.nodes[$0] }) == Set(expected), "\(name) \(key)")
        }
        if let sideIDs = f.json["projection_side"] as? [String] {
            var side = [Bool](repeating: false, count: f.nodes.count)
            for id in sideIDs { side[Int(f.index(id))] = true }
            let ours = f.graph.bipartiteProjection(side: side).map { e -> String in
                let pair = [f.nodes[Int(e.u)], f.nodes[Int(e.v)]].sorted()
                return "\(pair[0])|\(pair[1])|\(e.shared.count)"
            }
            let expected = (f.json["projection"] as! [[Any]]).map { "\($0[0])|\($0[1])|\($0[2])" }
            #expect(Set(ours) == Set(expected) && ours.count == expected.count, "\(name) projection")
        }
    }

    /// The committed fixtures are what the script produces with the NetworkX installed here.
    @Test(.enabled(if: OracleScript.available, "needs networkx 3.6.1 with scipy (make test installs it)"))
    func fixturesMatchTheScript() throws {
        try OracleScript.compare(folder: "paths", script: "make_paths_fixtures.py")
    }
}

@Suite struct LongChainTests {
    /// A million-node chain, undirected and directed, through every iterative algorithm whose
    /// depth would grow with the graph if it recursed.
    @Test func millionNodeChain() {
        let n = 1_000_000
        for directed in [false, true] {
            var b = GraphBuilder(directed: directed, nodeCount: n)
            for i in 0 ..< n - 1 { b.addEdge(NodeIndex(i), NodeIndex(i + 1)) }
            let g = b.build()
            #expect(g.connectedComponents().count == 1)
            #expect(g.stronglyConnectedComponents().count == (directed ? n : 1))
            let cut = g.cutStructure()
            #expect(cut.articulationPoints.count == n - 2)
            #expect(cut.bridges.count == n - 1)
            let tree = g.shortestPathTree(from: 0)
            #expect(tree.distance[n - 1] == Double(n - 1))
            #expect(tree.path(to: NodeIndex(n - 1))?.count == n)
        }
    }
}
