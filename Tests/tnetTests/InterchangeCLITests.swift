import Foundation
import Testing

/// Python with the given module, for oracle checks: TNET_PYTHON (set by `make test`) or
/// `python3` on the PATH; `nil` when neither can import it.
func python(with module: String) -> [String]? {
    let candidates = [ProcessInfo.processInfo.environment["TNET_PYTHON"].flatMap { $0.isEmpty ? nil : [$0] }, ["/usr/bin/env", "python3"]].compactMap { $0 }
    for c in candidates {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: c[0])
        p.arguments = Array(c.dropFirst()) + ["-c", "import \(module)"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { continue }
        p.waitUntilExit()
        if p.terminationStatus == 0 { return c }
    }
    return nil
}

func run(_ command: [String]) throws -> (code: Int32, out: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: command[0])
    p.arguments = Array(command.dropFirst())
    p.currentDirectoryURL = packageRoot
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

func temporaryFolder() throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

private func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

@Suite(.serialized) struct InterchangeCLITests {
    static let expectedSubset = "Tests/tnetTests/Fixtures/mekong-2023.as-of-2022-01-01.min-confidence-B3.txt"

    /// `tnet info --as-of 2022-01-01 --min-confidence B3` on the bundled dataset keeps exactly
    /// what the independent oracle (Fixtures/filter_oracle.py, written from the documented
    /// rules) keeps; its output for the current dataset is committed beside it.
    @Test func filteredInfoKeepsTheOraclesSubset() throws {
        let filters = ["--as-of", "2022-01-01", "--min-confidence", "B3"]
        let all = try tnet(["info", "datasets/mekong-2023.json", "--format", "json"])
        let some = try tnet(["info", "datasets/mekong-2023.json", "--format", "json"] + filters)
        #expect(all.code == 0 && some.code == 0)
        let a = try JSONSerialization.jsonObject(with: Data(all.out.utf8)) as! [String: Any]
        let s = try JSONSerialization.jsonObject(with: Data(some.out.utf8)) as! [String: Any]
        #expect((s["links"] as! Int) < (a["links"] as! Int))
        let f = try #require(s["filter"] as? [String: Any])
        #expect(f["links_before"] as? Int == a["links"] as? Int && f["description"] as? String == "as of 2022-01-01, confidence ≥ B3")
        #expect(a["filter"] is NSNull)

        let table = try tnet(["info", "datasets/mekong-2023.json"] + filters)
        #expect(table.out.contains("filter      as of 2022-01-01, confidence ≥ B3: kept \(s["entities"]!) of \(a["entities"]!) entities, \(s["links"]!) of \(a["links"]!) links"))

        // The exact subset, through convert with the same filters.
        let converted = try tnet(["convert", "datasets/mekong-2023.json", "-", "--to", "json"] + filters)
        #expect(converted.code == 0)
        let d = try JSONSerialization.jsonObject(with: Data(converted.out.utf8)) as! [String: Any]
        var lines = (d["entities"] as! [[String: Any]]).map { $0["id"] as! String }
        lines += (d["links"] as! [[String: Any]]).map { "\($0["source"]!)\t\($0["kind"] ?? "link")\t\($0["target"]!)" }
        let expected = try String(contentsOf: packageRoot.appendingPathComponent(Self.expectedSubset), encoding: .utf8)
        #expect(lines.joined(separator: "\n") + "\n" == expected)
        #expect(lines.count - (d["entities"] as! [Any]).count == s["links"] as? Int)

        // The committed expectation is what the oracle says for the dataset as it is now.
        if let py = python(with: "json") {
            let oracle = try run(py + ["Tests/tnetTests/Fixtures/filter_oracle.py", "datasets/mekong-2023.json", "2022-01-01", "B3"])
            #expect(oracle.code == 0 && oracle.out == expected, "regenerate \(Self.expectedSubset) with filter_oracle.py")
        }
    }

    /// The CSV and GraphML copies of the bundled dataset are what `tnet convert` writes today
    /// (regenerate with `make datasets`).
    @Test func bundledCopiesAreInSync() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try tnet(["convert", "datasets/mekong-2023.json", dir + "/csv/"]).code == 0)
        #expect(try tnet(["convert", "datasets/mekong-2023.json", dir + "/m.graphml"]).code == 0)
        for name in ["entities.csv", "links.csv", "sources.csv", "dataset.csv"] {
            #expect(bytes(dir + "/csv/" + name) == bytes(packageRoot.path + "/datasets/mekong-2023-csv/" + name), "datasets/mekong-2023-csv/\(name) is stale: run make datasets")
        }
        #expect(bytes(dir + "/m.graphml") == bytes(packageRoot.path + "/datasets/mekong-2023.graphml"), "datasets/mekong-2023.graphml is stale: run make datasets")
    }

    /// JSON → GraphML → JSON and JSON → CSV → JSON through the command line give back the JSON
    /// `tnet convert` writes for the original, byte for byte.
    @Test func convertRoundTripsTheBundledDataset() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try tnet(["convert", "datasets/mekong-2023.json", dir + "/direct.json"]).code == 0)
        #expect(try tnet(["convert", "datasets/mekong-2023.graphml", dir + "/via-graphml.json"]).code == 0)
        #expect(try tnet(["convert", "datasets/mekong-2023-csv", dir + "/via-csv.json"]).code == 0)
        let direct = bytes(dir + "/direct.json")
        #expect(direct != nil && bytes(dir + "/via-graphml.json") == direct && bytes(dir + "/via-csv.json") == direct)
        // Filters apply to convert too.
        #expect(try tnet(["convert", "datasets/mekong-2023.json", dir + "/small.edgelist", "--kinds", "syndicate,compound"]).code == 0)
        let edges = try String(contentsOfFile: dir + "/small.edgelist", encoding: .utf8)
        #expect(!edges.isEmpty && !edges.contains("myanmar"))
    }

    @Test func convertErrorsWriteNothing() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bad = try tnet(["convert", "\(fixtures)/dangling.json", dir + "/out.graphml"])
        #expect(bad.code != 0 && bad.err.hasPrefix("tnet: error: ") && !FileManager.default.fileExists(atPath: dir + "/out.graphml"))
        let unknown = try tnet(["convert", "datasets/mekong-2023.json", dir + "/out.xyz"])
        #expect(unknown.code != 0 && unknown.err.contains("--to"))
        let csvToStdout = try tnet(["convert", "datasets/mekong-2023.json", "-", "--to", "csv"])
        #expect(csvToStdout.code != 0 && csvToStdout.out.isEmpty)
        let xxe = try tnet(["convert", "-", dir + "/x.json", "--from", "graphml"],
                           stdin: "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><graphml/>")
        #expect(xxe.code != 0 && xxe.err.contains("DOCTYPE") && !FileManager.default.fileExists(atPath: dir + "/x.json"))
    }

    /// NetworkX reads the GraphML tnet writes, with every node and edge.
    @Test(.enabled(if: python(with: "networkx") != nil, "needs Python with networkx (make test provides it)"))
    func networkXReadsOurGraphML() throws {
        let py = try #require(python(with: "networkx"))
        let r = try run(py + ["-c", """
            import networkx as nx
            G = nx.read_graphml("datasets/mekong-2023.graphml")
            print(G.number_of_nodes(), G.number_of_edges(), sorted({d["kind"] for _, d in G.nodes(data=True)}) == sorted({"syndicate","compound","country","region","site","person","official","agency","company","financial","platform"}))
            """])
        let info = try tnet(["info", "datasets/mekong-2023.json", "--format", "json"])
        let a = try JSONSerialization.jsonObject(with: Data(info.out.utf8)) as! [String: Any]
        #expect(r.code == 0 && r.out == "\(a["entities"]!) \(a["links"]!) True\n")
    }

    @Test func generateIsDeterministicAndValid() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for name in ["a", "b"] {
            #expect(try tnet(["generate", "--nodes", "800", "--seed", "9", "-o", dir + "/\(name).json"]).code == 0)
        }
        #expect(try tnet(["generate", "--nodes", "800", "--seed", "10", "-o", dir + "/c.json"]).code == 0)
        #expect(bytes(dir + "/a.json") != nil && bytes(dir + "/a.json") == bytes(dir + "/b.json"))
        #expect(bytes(dir + "/a.json") != bytes(dir + "/c.json"))
        let v = try tnet(["validate", dir + "/a.json"])
        #expect(v.code == 0 && v.out.contains("0 errors, 0 warnings"))
        let info = try tnet(["info", dir + "/a.json", "--format", "json"])
        let s = try JSONSerialization.jsonObject(with: Data(info.out.utf8)) as! [String: Any]
        #expect(s["entities"] as? Int == 800)
        // Every format the generator can write reads back with the same counts.
        #expect(try tnet(["generate", "--nodes", "800", "--seed", "9", "-o", dir + "/g.graphml"]).code == 0)
        #expect(try tnet(["generate", "--nodes", "800", "--seed", "9", "-o", dir + "/csv/"]).code == 0)
        for path in [dir + "/g.graphml", dir + "/csv"] {
            let i = try tnet(["info", path, "--format", "json"])
            let o = try JSONSerialization.jsonObject(with: Data(i.out.utf8)) as! [String: Any]
            #expect(o["entities"] as? Int == 800 && o["links"] as? Int == s["links"] as? Int, "\(path)")
        }
        let bad = try tnet(["generate", "--nodes", "0", "-o", dir + "/z.json"])
        #expect(bad.code != 0 && !FileManager.default.fileExists(atPath: dir + "/z.json"))
    }
}
