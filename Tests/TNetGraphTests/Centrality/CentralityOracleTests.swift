import Foundation
import Testing
@testable import TNetGraph

/// One fixture of Fixtures/centrality (written by make_centrality_fixtures.py with NetworkX).
struct CentralityFixture {
    let name: String
    let graph: Graph
    let nodes: [String]
    var measures: [String: [String: Double]]

    static var all: [CentralityFixture] {
        let dir = Bundle.module.url(forResource: "Fixtures/centrality", withExtension: nil)!
        let files = (try? FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)) ?? []
        return files.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }.map { load($0) }
    }

    static func load(_ url: URL) -> CentralityFixture {
        let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let nodes = json["nodes"] as! [String]
        let index = Dictionary(uniqueKeysWithValues: nodes.enumerated().map { ($1, NodeIndex($0)) })
        var b = GraphBuilder(directed: json["directed"] as! Bool, weighted: true, nodeCount: nodes.count)
        for e in json["edges"] as! [[Any]] {
            b.addEdge(index[e[0] as! String]!, index[e[1] as! String]!, weight: (e[2] as! NSNumber).doubleValue)
        }
        var measures: [String: [String: Double]] = [:]
        for (k, v) in json["measures"] as! [String: Any] {
            guard let values = v as? [String: Any] else { continue }
            var m: [String: Double] = [:]
            for (node, x) in values {
                if let n = x as? NSNumber { m[node] = n.doubleValue }
                if let t = x as? String { m[node] = t == "NaN" ? .nan : (t == "Infinity" ? .infinity : -.infinity) }
            }
            if !m.isEmpty { measures[k] = m }
            // Nested results (HITS: {"hubs": {...}, "authorities": {...}}) as "hits.hubs" etc.
            for (part, inner) in values {
                guard let inner = inner as? [String: Any] else { continue }
                var m: [String: Double] = [:]
                for (node, x) in inner { if let n = x as? NSNumber { m[node] = n.doubleValue } }
                measures["\(k).\(part)"] = m
            }
        }
        return CentralityFixture(name: json["name"] as! String, graph: b.build(), nodes: nodes, measures: measures)
    }

    /// Compares `ours` (by node index) with NetworkX's `measure`, to `tolerance` (absolute, and
    /// relative for large values).
    func check(_ measure: String, _ ours: [Double], tolerance: Double = 1e-9,
               sourceLocation: SourceLocation = #_sourceLocation) {
        guard let expected = measures[measure] else { return }
        #expect(ours.count == nodes.count, sourceLocation: sourceLocation)
        var worst = 0.0, worstNode = ""
        for (i, id) in nodes.enumerated() {
            let x = expected[id]!
            if x.isNaN || ours[i].isNaN {
                if !(x.isNaN && ours[i].isNaN) { worst = .infinity; worstNode = id }
                continue
            }
            let err = abs(ours[i] - x) / max(1, abs(x))
            if err > worst { worst = err; worstNode = id }
        }
        #expect(worst <= tolerance, "\(name) \(measure): node \(worstNode) off by \(worst)", sourceLocation: sourceLocation)
    }
}

@Suite struct CentralityOracleTests {
    static let fixtures = CentralityFixture.all

    /// Every fixture has the measures the tests below compare (a missing one would be skipped).
    @Test func thereAreEnoughFixtures() {
        #expect(Self.fixtures.count >= 20)
        let required = ["degree", "degree_centrality", "strength", "closeness", "closeness_no_wf", "closeness_weighted",
                        "harmonic", "harmonic_weighted", "betweenness", "betweenness_raw", "betweenness_endpoints",
                        "betweenness_weighted", "betweenness_weighted_raw", "betweenness_endpoints_weighted",
                        "edge_betweenness", "edge_betweenness_weighted", "pagerank", "pagerank_weighted",
                        "pagerank_personalized", "pagerank_dangling", "constraint", "effective_size",
                        "constraint_weighted", "effective_size_weighted"]
        for f in Self.fixtures {
            for m in required { #expect(f.measures[m] != nil, "\(f.name) lacks \(m)") }
        }
        #expect(Self.fixtures.filter { $0.graph.isDirected }.allSatisfy { $0.measures["in_degree_centrality"] != nil })
    }

    @Test(arguments: fixtures.map(\.name))
    func degreeFamily(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        f.check("degree", f.graph.degrees().map(Double.init))
        f.check("degree_centrality", f.graph.degreeCentrality())
        f.check("in_degree", f.graph.inDegrees().map(Double.init))
        f.check("out_degree", f.graph.outDegrees().map(Double.init))
        f.check("in_degree_centrality", f.graph.inDegreeCentrality())
        f.check("out_degree_centrality", f.graph.outDegreeCentrality())
        f.check("strength", f.graph.strengths())
    }

    @Test(arguments: fixtures.map(\.name))
    func closenessAndHarmonic(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        f.check("closeness", f.graph.closenessCentrality())
        f.check("closeness_no_wf", f.graph.closenessCentrality(wfImproved: false))
        f.check("closeness_weighted", f.graph.closenessCentrality(weighted: true))
        f.check("harmonic", f.graph.harmonicCentrality())
        f.check("harmonic_weighted", f.graph.harmonicCentrality(weighted: true))
    }

    @Test(arguments: fixtures.map(\.name))
    func betweenness(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        for weighted in [false, true] {
            let sfx = weighted ? "_weighted" : ""
            f.check("betweenness\(sfx)", f.graph.betweennessCentrality(BetweennessOptions(weighted: weighted)))
            f.check("betweenness\(sfx)_raw", f.graph.betweennessCentrality(BetweennessOptions(weighted: weighted, normalized: false)))
            f.check("betweenness_endpoints\(sfx)", f.graph.betweennessCentrality(BetweennessOptions(weighted: weighted, endpoints: true)))
        }
    }

    @Test(arguments: fixtures.map(\.name))
    func edgeBetweenness(name: String) throws {
        let f = Self.fixtures.first { $0.name == name }!
        let index = Dictionary(uniqueKeysWithValues: f.nodes.enumerated().map { (NodeIndex($0), $1) })
        for weighted in [false, true] {
            let expected = try #require(f.measures["edge_betweenness" + (weighted ? "_weighted" : "")])
            let ours = f.graph.edgeBetweennessCentrality(BetweennessOptions(weighted: weighted))
            var compared = 0
            f.graph.forEachEdge { e, u, v, _ in
                let a = index[u]!, b = index[v]!
                guard let x = expected["\(a)|\(b)"] ?? (f.graph.isDirected ? nil : expected["\(b)|\(a)"]) else {
                    Issue.record("\(name): edge \(a)|\(b) not in NetworkX's result")
                    return
                }
                compared += 1
                #expect(abs(ours[Int(e)] - x) <= 1e-9 * max(1, abs(x)), "\(name) edge \(a)|\(b): \(ours[Int(e)]) vs \(x)")
            }
            #expect(compared == expected.count)
        }
    }

    /// Iterative measures: NetworkX's stopping rule, compared to 1e-6.
    @Test(arguments: fixtures.map(\.name))
    func iterativeMeasures(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        for weighted in [false, true] {
            let sfx = weighted ? "_weighted" : ""
            f.check("pagerank\(sfx)", (try? f.graph.pageRank(PageRankOptions(weighted: weighted))) ?? [], tolerance: 1e-6)
            let eig = try? f.graph.eigenvectorCentrality(weighted: weighted, maxIterations: 1000)
            #expect((eig == nil) == (f.measures["eigenvector\(sfx)"] == nil), "\(name): eigenvector\(sfx) convergence differs")
            if let eig { f.check("eigenvector\(sfx)", eig, tolerance: 1e-6) }
        }
    }

    @Test(arguments: fixtures.map(\.name))
    func pageRankOptions(name: String) throws {
        let f = Self.fixtures.first { $0.name == name }!
        let n = f.nodes.count
        let personal = (0 ..< n).map { Double($0 % 3) }
        let dangling = (0 ..< n).map { Double($0 + 1) }
        f.check("pagerank_personalized", try f.graph.pageRank(PageRankOptions(personalization: personal)), tolerance: 1e-6)
        f.check("pagerank_dangling", try f.graph.pageRank(PageRankOptions(personalization: personal, dangling: dangling)), tolerance: 1e-6)
        let pair = (0 ..< n).map { $0 < 2 ? 1.0 : 0 }
        f.check("pagerank_pair_alpha_0.7", try f.graph.pageRank(PageRankOptions(damping: 0.7, personalization: pair)), tolerance: 1e-6)
        f.check("pagerank_alpha_0.6_weighted", try f.graph.pageRank(PageRankOptions(damping: 0.6, weighted: true)), tolerance: 1e-6)
        // The iteration splits nodes between threads; each value is computed by one of them.
        #expect(try f.graph.pageRank(threads: 3) == f.graph.pageRank())
    }

    @Test(arguments: fixtures.map(\.name))
    func katzAndHITS(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        for weighted in [false, true] {
            let key = "katz" + (weighted ? "_weighted" : "")
            let ours = try? f.graph.katzCentrality(KatzOptions(weighted: weighted))
            #expect((ours == nil) == (f.measures[key] == nil), "\(name): \(key) convergence differs")
            if let ours { f.check(key, ours, tolerance: 1e-6) }
        }
        let raw = try? f.graph.katzCentrality(KatzOptions(alpha: 0.05, beta: 2, normalized: false))
        #expect((raw == nil) == (f.measures["katz_raw"] == nil))
        if let raw { f.check("katz_raw", raw, tolerance: 1e-6) }
        // NetworkX's HITS always reads the "weight" attribute (the fixtures' unweighted graphs
        // carry weight 1).
        let hits = try? f.graph.hits(weighted: true, maxIterations: 1000)
        #expect((hits == nil) == (f.measures["hits.hubs"] == nil), "\(name): HITS convergence differs")
        if let hits {
            f.check("hits.hubs", hits.hubs, tolerance: 1e-6)
            f.check("hits.authorities", hits.authorities, tolerance: 1e-6)
        }
    }

    /// Issue 17's acceptance: HITS as nx.hits (ARPACK) answers, eigenvector at tol 1e-10 with
    /// 1000 iterations and Katz with another alpha, on every oracle graph and both readings.
    @Test(arguments: fixtures.map(\.name))
    func hitsEigenvectorKatzMatchNetworkX(name: String) throws {
        let f = Self.fixtures.first { $0.name == name }!
        for weighted in [false, true] {
            let sfx = weighted ? "_weighted" : ""
            let eig = try? f.graph.eigenvectorCentrality(weighted: weighted, tolerance: 1e-10, maxIterations: 1000)
            #expect((eig == nil) == (f.measures["eigenvector_tol_1e-10\(sfx)"] == nil), "\(name): eigenvector\(sfx) convergence differs")
            if let eig { f.check("eigenvector_tol_1e-10\(sfx)", eig, tolerance: 1e-9) }
            let katz = try? f.graph.katzCentrality(KatzOptions(alpha: 0.05, weighted: weighted))
            #expect((katz == nil) == (f.measures["katz_alpha_0.05\(sfx)"] == nil), "\(name): katz alpha 0.05\(sfx) convergence differs")
            if let katz { f.check("katz_alpha_0.05\(sfx)", katz, tolerance: 1e-6) }
            // HITS converges on every graph with an edge, as nx.hits does.
            let hits = try f.graph.hits(weighted: weighted)
            if f.measures["hits_arpack\(sfx).hubs"] != nil {
                f.check("hits_arpack\(sfx).hubs", hits.hubs, tolerance: 1e-7)
                f.check("hits_arpack\(sfx).authorities", hits.authorities, tolerance: 1e-7)
            } else if !weighted {
                // A shared leading singular value (the script records why): no unique answer, and
                // nx.hits's is arbitrary; ours is the uniform start's projection, where NetworkX's
                // power iteration ends too.
                #expect(f.measures["hits.hubs"] != nil, "\(name): neither nx.hits nor its power iteration to compare with")
                f.check("hits.hubs", hits.hubs, tolerance: 1e-6)
                f.check("hits.authorities", hits.authorities, tolerance: 1e-6)
            }
        }
    }

    @Test(arguments: fixtures.map(\.name))
    func structuralHoles(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        f.check("constraint", f.graph.constraint())
        f.check("constraint_weighted", f.graph.constraint(weighted: true))
        for weighted in [false, true] {
            let sfx = weighted ? "_weighted" : ""
            let ours = f.graph.effectiveSize(weighted: weighted)
            let usesWeights = weighted && f.measures["strength"] != f.measures["degree"]
            if !f.graph.isDirected && !usesWeights {
                // All ties equal: NetworkX's matrix path is Burt's formula (with self-loops as contacts).
                f.check("effective_size\(sfx)", ours)
                continue
            }
            // Weighted or directed: the per-node path is the documented formula (the matrix path
            // divides by the wrong node's strongest tie). It leaves nodes without out-edges
            // undefined; tnet computes them from their in-contacts.
            guard var expected = f.measures["effective_size_per_node\(sfx)"] else { Issue.record("no per-node values"); continue }
            var mine = ours
            for (i, id) in f.nodes.enumerated() where expected[id]!.isNaN && f.graph.outgoing.slotCount(NodeIndex(i)) == 0 {
                let hasInContact = f.graph.incoming.neighbors(of: NodeIndex(i)).contains { $0 != NodeIndex(i) }
                #expect(ours[i].isNaN != hasInContact, "\(name) \(id): \(ours[i])")
                expected[id] = 0
                mine[i] = 0
            }
            var g = f
            g.measures["effective_size_per_node\(sfx)"] = expected
            g.check("effective_size_per_node\(sfx)", mine)
        }
    }

    /// Blocks of sources are summed in source order whatever the thread count: bit-for-bit equal.
    @Test(arguments: fixtures.map(\.name))
    func threadCountIndependence(name: String) {
        let g = Self.fixtures.first { $0.name == name }!.graph
        for weighted in [false, true] {
            let o = BetweennessOptions(weighted: weighted)
            let one = g.betweennessCentrality(o)
            let edges = g.edgeBetweennessCentrality(o)
            for t in [2, 3, 8] {
                #expect(g.betweennessCentrality(o, threads: t) == one)
                #expect(g.edgeBetweennessCentrality(o, threads: t) == edges)
                #expect(g.closenessCentrality(weighted: weighted, threads: t) == g.closenessCentrality(weighted: weighted))
                #expect(g.harmonicCentrality(weighted: weighted, threads: t) == g.harmonicCentrality(weighted: weighted))
            }
        }
    }

    @Test(arguments: fixtures.map(\.name))
    func coreNumbers(name: String) {
        let f = Self.fixtures.first { $0.name == name }!
        let ours = f.graph.coreNumbers()
        #expect((ours == nil) == (f.measures["core"] == nil), "\(name): self-loops refused by both")
        guard let ours else { return }
        f.check("core", ours.map(Double.init))
        // Every path of the peel on these small graphs: bucket order only, a switch to it part
        // way, and two or three threads (each owning a range of at least one node).
        for factor in [0.0, 0.05, 0.3, 1.0] {
            for threads in [1, 2, 3] {
                let settings = CorePeeling.Settings(scanBudgetFactor: factor, minimumNodesPerThread: 1)
                #expect(f.graph.coreNumbers(threads: threads, peeling: settings) == ours, "\(name): budget \(factor), \(threads) threads")
            }
        }
    }

    /// The committed fixtures are what the script produces with the NetworkX installed here
    /// (TNET_PYTHON, set by `make test`, else python3); skipped when networkx is missing.
    @Test(.enabled(if: OracleScript.available, "needs networkx 3.6.1 with scipy (make test installs it)"))
    func fixturesMatchTheScript() throws {
        try OracleScript.compare(folder: "centrality", script: "make_centrality_fixtures.py")
    }
}
