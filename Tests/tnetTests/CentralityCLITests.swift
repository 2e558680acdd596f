import Foundation
import Testing

/// `tnet centrality` end to end, against NetworkX's values in the graph-core oracle fixtures.
@Suite struct CentralityCLITests {
    static let oracle = packageRoot.appendingPathComponent("Tests/TNetGraphTests/Fixtures/centrality")

    /// Writes a fixture graph as a weighted edge list and returns its path and NetworkX's measures.
    static func edgeList(_ name: String) throws -> (path: String, measures: [String: [String: Any]], nodes: [String]) {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: oracle.appendingPathComponent(name + ".json"))) as! [String: Any]
        var text = ""
        for e in json["edges"] as! [[Any]] { text += "\(e[0]) \(e[1]) \((e[2] as! NSNumber).doubleValue)\n" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-\(name)-\(UUID().uuidString).edgelist").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (path, (json["measures"] as! [String: Any]).compactMapValues { $0 as? [String: Any] }, json["nodes"] as! [String])
    }

    /// Without --measure, above 20,000 entities betweenness is sampled and a note says so;
    /// named, it is exact (helper-64: the default run took 34 s at 100,000 entities, all of it
    /// exact betweenness).
    @Test func defaultMeasuresAtScaleSampleBetweenness() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-g20001-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try tnet(["generate", "--nodes", "20001", "-o", file]).code == 0)
        let r = try tnet(["centrality", file, "--top", "1", "--format", "csv"])
        #expect(r.code == 0 && r.out.hasPrefix("id,degree,approx-betweenness,pagerank\n"), "\(r.out)")
        #expect(r.err.contains("tnet: note: above 20000 entities (this network has 20001) the default measures take betweenness sampled") && r.err.contains("approx-betweenness: "), "\(r.err)")
        let named = try tnet(["centrality", file, "--top", "1", "--format", "csv", "--measure", "degree,pagerank"])
        #expect(named.out.hasPrefix("id,degree,pagerank\n") && !named.err.contains("sampled"))
    }

    static func rows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The CSV contract: header id,<measures>; one row per node; sorted by the first measure
    /// descending, then id; each value NetworkX's (1e-9, iterative 1e-6), weighted or not.
    @Test(arguments: ["karate", "florentine", "les-miserables"])
    func csvMatchesNetworkX(name: String) throws {
        let (path, measures, nodes) = try Self.edgeList(name)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for weighted in [false, true] {
            let sfx = weighted ? "_weighted" : ""
            let r = try tnet(["centrality", path, "--measure", "betweenness,closeness,pagerank,harmonic,degree,core",
                              "--format", "csv", "--threads", "2"] + (weighted ? ["--weighted"] : []))
            #expect(r.code == 0, "\(r.err)")
            // A filter that keeps everything takes the dataset path instead of the plain-graph
            // path: the same output.
            let viaDataset = try tnet(["centrality", path, "--measure", "betweenness,closeness,pagerank,harmonic,degree,core",
                                       "--format", "csv", "--threads", "2", "--kinds", "node"] + (weighted ? ["--weighted"] : []))
            #expect(viaDataset.out == r.out)
            let table = Self.rows(r.out)
            #expect(table[0] == ["id", "betweenness", "closeness", "pagerank", "harmonic", "degree", "core"])
            #expect(table.count == nodes.count + 1)
            let body = Array(table.dropFirst())
            for (a, b) in zip(body, body.dropFirst()) {
                let x = Double(a[1])!, y = Double(b[1])!
                #expect(x > y || (x == y && a[0] < b[0]), "rows out of order: \(a[0]) before \(b[0])")
            }
            let keys = ["betweenness\(sfx)", "closeness\(sfx)", "pagerank\(sfx)", "harmonic\(sfx)", "degree_centrality", "core"]
            for row in body {
                for (i, key) in keys.enumerated() {
                    let expected = (measures[key]![row[0]] as! NSNumber).doubleValue
                    let tolerance = key.hasPrefix("pagerank") ? 1e-6 : 1e-9
                    #expect(abs(Double(row[i + 1])! - expected) <= tolerance * max(1, abs(expected)), "\(name) \(key) \(row[0])")
                }
            }
        }
    }

    /// --personalize and --damping are NetworkX's personalization (weight 1 each) and alpha.
    @Test(arguments: ["florentine", "karate"])
    func personalizedPageRank(name: String) throws {
        let (path, measures, nodes) = try Self.edgeList(name)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let r = try tnet(["centrality", path, "--measure", "pagerank", "--format", "csv",
                          "--personalize", "\(nodes[0]),\(nodes[1])", "--damping", "0.7"])
        #expect(r.code == 0, "\(r.err)")
        let expected = measures["pagerank_pair_alpha_0.7"]!
        let body = Self.rows(r.out).dropFirst()
        #expect(body.count == nodes.count)
        for row in body {
            let x = (expected[row[0]] as! NSNumber).doubleValue
            #expect(abs(Double(row[1])! - x) <= 1e-6, "\(name) \(row[0])")
        }
        let missing = try tnet(["centrality", path, "--measure", "pagerank", "--personalize", "nobody"])
        #expect(missing.code == 1 && missing.err.contains("--personalize: no entity \"nobody\""))
    }

    /// Thread count never changes the output, byte for byte.
    @Test func threadsDoNotChangeTheOutput() throws {
        let args = ["centrality", "datasets/mekong-2023.json", "--measure", "betweenness,closeness,approx-betweenness,pagerank", "--format", "csv"]
        let one = try tnet(args + ["--threads", "1"])
        let two = try tnet(args + ["--threads", "2"])
        #expect(one.code == 0 && !one.out.isEmpty)
        #expect(one.out == two.out)
    }

    /// --delta down to the smallest Double runs (it trapped: ln(1/δ) overflowed); an --epsilon
    /// that would need more than 10^12 samples is refused in one line, in both option sets.
    @Test func extremeSamplingOptions() throws {
        let tiny = try tnet(["centrality", "datasets/mekong-2023.json", "--measure", "approx-betweenness", "--epsilon", "0.1", "--delta", "5e-324", "--format", "csv"])
        #expect(tiny.code == 0 && tiny.out.hasPrefix("id,"), "\(tiny.err)")
        // Sampled, the note says how far apart two values must be for the sample to rank them:
        // twice the uniform bound.
        let sampled = try tnet(["centrality", "datasets/mekong-2023.json", "--measure", "approx-betweenness", "--epsilon", "0.1"])
        let bound = try #require(sampled.err.firstMatch(of: /every value within ([0-9.]+) of the exact one/)).1
        let twice = try #require(sampled.err.firstMatch(of: /ranked apart by the sample only when their values differ by more than ([0-9.]+);/)).1
        #expect(abs(Double(twice)! - 2 * Double(bound)!) <= 2e-4, "\(sampled.err)")
        for command in [["centrality", "--measure", "approx-betweenness"], ["key-players"]] {
            let small = try tnet([command[0], "datasets/mekong-2023.json"] + command.dropFirst() + ["--epsilon", "1e-9"])
            #expect(small.code != 0 && small.err.contains("--epsilon must be in [1e-6, 1)"), "\(small.err)")
        }
    }

    /// A sampled result states its bounds once: in the table's footer, in the JSON's "accuracy",
    /// and on standard error only with CSV (which has no room for them); helper-42 saw them twice
    /// on a terminal.
    @Test func samplingBoundsStatedOnce() throws {
        for command in [["key-players"], ["disrupt", "--steps", "2"]] {
            let args = [command[0], "datasets/mekong-2023.json"] + command.dropFirst() + ["--exact-limit", "0", "--epsilon", "0.2"]
            let table = try tnet(args)
            #expect(table.code == 0 && table.out.contains("sampled") && !table.err.contains("sampled"), "\(table.err)")
            let csv = try tnet(args + ["--format", "csv"])
            #expect(csv.code == 0 && !csv.out.contains("sampled") && csv.err.contains("sampled"), "\(csv.err)")
        }
    }

    /// Protected persons are marked in every output that names them and can be left out.
    @Test func protectedPersonsAreMarked() throws {
        let r = try tnet(["centrality", "datasets/mekong-2023.json", "--measure", "degree", "--format", "json"])
        #expect(r.code == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let rows = json["rows"] as! [[String: Any]]
        let victims = rows.filter { ["victim", "survivor", "witness"].contains($0["role"] as? String) }
        #expect(!victims.isEmpty)
        #expect(victims.allSatisfy { $0["protected"] as? Bool == true })
        #expect(rows.filter { $0["protected"] as? Bool == true }.count == victims.count)
        let table = try tnet(["centrality", "datasets/mekong-2023.json", "--measure", "degree"])
        #expect(table.out.contains(", protected]") && table.out.contains("never targets of disruption"))
        let without = try tnet(["centrality", "datasets/mekong-2023.json", "--measure", "degree", "--exclude-role", "victim,survivor,witness", "--format", "json"])
        let kept = (try JSONSerialization.jsonObject(with: Data(without.out.utf8)) as! [String: Any])["rows"] as! [[String: Any]]
        #expect(kept.count == rows.count - victims.count)
        #expect(kept.allSatisfy { $0["protected"] as? Bool == false })
    }

    @Test func topAndFiltersAndBadInput() throws {
        let top = try tnet(["centrality", "datasets/mekong-2023.json", "--measure", "brokerage", "--top", "3", "--format", "csv"])
        #expect(top.code == 0)
        #expect(top.out.split(separator: "\n").first == "id,brokerage,brokerage-coordinator,brokerage-itinerant,brokerage-representative,brokerage-gatekeeper,brokerage-liaison")
        #expect(top.out.split(separator: "\n").count == 4)
        let mixed = try tnet(["centrality", "datasets/mekong-2023.json", "--measure", "degree,edge-betweenness"])
        #expect(mixed.code == 1 && mixed.out.isEmpty)
        #expect(mixed.err == "tnet: error: edge-betweenness is computed per link: ask for it on its own\n")
        let unknown = try tnet(["centrality", "datasets/mekong-2023.json", "--measure", "fame"])
        #expect(unknown.code != 0 && unknown.err.contains("unknown measure \"fame\""))
        let edges = try tnet(["centrality", "datasets/mekong-2023.json", "--measure", "edge-betweenness", "--format", "csv", "--top", "1"])
        #expect(edges.out.hasPrefix("source,target,edge-betweenness\n"))
    }
}
