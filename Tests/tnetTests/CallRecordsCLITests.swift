import Foundation
import Testing

/// Issue 17: call records and spreadsheets as investigators receive them become one graph, the
/// same in every command and whatever the order of their lines; the numbers are NetworkX's on
/// that graph (Fixtures/call-records/oracle.json, written by make_call_records.py).
@Suite(.serialized) struct CallRecordsCLITests {
    static let folder = "Tests/tnetTests/Fixtures/call-records"
    /// The same 91 records in three shapes, and the options each needs.
    static let shapes: [(file: String, options: [String])] = [
        ("calls.txt", []),
        ("calls-gephi.csv", []),
        ("calls-cp1252.csv", ["--encoding", "cp1252", "--map", "weight=Calls", "--date-format", "%d/%m/%Y"]),
    ]

    static var oracle: [String: Any] {
        get throws {
            try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent("\(folder)/oracle.json"))) as! [String: Any]
        }
    }

    /// NetworkX's values of `measure` in one reading of the oracle, by id.
    static func expected(_ reading: String, _ measure: String) throws -> [String: Double] {
        let r = try oracle[reading] as! [String: Any]
        let m = (r["measures"] as! [String: Any])[measure] as! [String: NSNumber]
        return m.mapValues(\.doubleValue)
    }

    /// Rows of a CSV output by id: column → value.
    static func table(_ csv: String) -> [String: [String: String]] {
        let lines = csv.split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var out: [String: [String: String]] = [:]
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            out[cells[0]] = Dictionary(uniqueKeysWithValues: zip(header, cells))
        }
        return out
    }

    /// The oracle script reproduces the committed fixture files (skipped, and said, without NetworkX 3.6.1).
    @Test(.enabled(if: PythonOracle.hasFixtureRelease, "needs NetworkX 3.6.1 with scipy (make test provides it); the committed oracle is used as is"))
    func fixtureIsWhatTheScriptWrites() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-calls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try PythonOracle.run(packageRoot.appendingPathComponent("\(Self.folder)/make_call_records.py").path, [out.path])
        #expect(run.code == 0, "\(run.out)")
        for file in ["calls.txt", "calls-gephi.csv", "calls-cp1252.csv"] {
            let old = try Data(contentsOf: packageRoot.appendingPathComponent("\(Self.folder)/\(file)"))
            let new = try Data(contentsOf: out.appendingPathComponent(file))
            #expect(old == new, "\(file) differs from what make_call_records.py writes")
        }
        // The oracle's numbers to 1e-12: NumPy's BLAS moves their last digit on another CPU.
        let old = packageRoot.appendingPathComponent("\(Self.folder)/oracle.json").path
        let new = out.appendingPathComponent("oracle.json").path
        #expect(PythonOracle.succeeds("""
            import json, math, sys
            def same(a, b):
                if type(a) is not type(b): return False  # true is not 1, 2 is not 2.0
                if isinstance(a, dict): return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
                if isinstance(a, list): return len(a) == len(b) and all(map(same, a, b))
                if isinstance(a, float): return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15)
                return a == b
            sys.exit(0 if same(json.load(open(\(String(reflecting: old)))), json.load(open(\(String(reflecting: new))))) else 1)
            """), "oracle.json differs from what make_call_records.py writes")
    }

    /// Finding 1 and the first acceptance item: the three shapes are one graph (nodes, ties,
    /// weights), the one NetworkX builds by summing the calls of each pair, in every command.
    @Test func everyShapeIsTheSameGraph() throws {
        let o = try Self.oracle["undirected"] as! [String: Any]
        var outputs: [String: [String]] = [:]
        for (file, options) in Self.shapes {
            let path = "\(Self.folder)/\(file)"
            let info = try tnet(["info", path, "--format", "json"] + options)
            #expect(info.code == 0, "\(file): \(info.err)")
            let graph = (try JSONSerialization.jsonObject(with: Data(info.out.utf8)) as! [String: Any])["graph"] as! [String: Any]
            #expect(graph["nodes"] as? Int == o["nodes"] as? Int, "\(file)")
            #expect(graph["edges"] as? Int == o["ties"] as? Int, "\(file)")
            // 91 records on 44 pairs: 47 records share a pair's tie, and info says so.
            #expect(graph["combined_links"] as? Int == 91 - (o["ties"] as! Int), "\(file)")
            // Every tie's weight is the sum of its calls: strength is the sum of a node's ties.
            let c = try tnet(["centrality", path, "--measure", "degree,strength,betweenness,closeness", "--weighted",
                              "--weight-as", "strength", "--format", "csv"] + options)
            #expect(c.code == 0, "\(file): \(c.err)")
            #expect(c.err.contains("44 ties from 91 links; parallel and reciprocal links combined by sum"), "\(file): \(c.err)")
            let rows = Self.table(c.out)
            for (measure, column) in [("strength", "strength"), ("betweenness_strength", "betweenness"), ("closeness_strength", "closeness")] {
                let x = try Self.expected("undirected", measure)
                #expect(rows.count == x.count)
                for (id, value) in x {
                    let ours = Double(rows[id]?[column] ?? "") ?? .nan
                    #expect(abs(ours - value) <= 1e-9 * max(1, abs(value)), "\(file) \(column) \(id): \(ours) vs NetworkX \(value)")
                }
            }
            // The same answers from every command that reads the graph.
            var all: [String] = [c.out]
            for args in [["components", "--format", "csv"], ["cutpoints", "--format", "csv"],
                         ["communities", "--weighted", "--format", "csv"], ["kcore", "-o", "-", "--to", "edgelist"],
                         ["distances", "c01", "--weighted", "--weight-as", "strength", "--format", "csv"],
                         ["path", "c01", "c20", "--weighted", "--weight-as", "strength", "--format", "csv"],
                         // CSV: the cut's ties (the spreadsheet's links also carry their dates, which JSON lists).
                         ["flow", "--from", "c01", "--to", "c20", "--format", "csv"],
                         ["flow", "--from", "c01", "--to", "c20", "--capacity", "weight", "--format", "csv"],
                         ["key-players", "--format", "csv"]] {
                let r = try tnet([args[0], path] + args.dropFirst() + options)
                #expect(r.code == 0, "\(file) \(args[0]): \(r.err)")
                all.append(r.out)
            }
            outputs[file] = all
        }
        let first = outputs[Self.shapes[0].file]!
        for (file, _) in Self.shapes.dropFirst() {
            for (i, out) in outputs[file]!.enumerated() {
                #expect(out == first[i], "\(file): output \(i) differs from calls.txt's")
            }
        }
    }

    /// Finding 2 and the acceptance item: reversing the lines (the header kept first) changes no
    /// output byte of any analysis command, in any of the three shapes.
    @Test func reversingTheLinesChangesNothing() throws {
        let commands: [[String]] = [
            ["info"], ["info", "--format", "json"], ["validate"],
            ["centrality", "--measure", "degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank,katz,hubs,authorities,core,constraint,effective-size,brokerage"],
            ["centrality", "--measure", "degree,strength,betweenness,closeness,harmonic,eigenvector,pagerank,katz,hubs,authorities,core,constraint,effective-size",
             "--weighted", "--weight-as", "strength", "--alpha", "0.002", "--format", "json"],
            ["centrality", "--measure", "edge-betweenness", "--weighted", "--format", "csv"],
            ["communities", "--method", "leiden", "--weighted"], ["communities", "--method", "louvain", "--weighted", "--format", "json"],
            ["communities", "--method", "label-propagation"],
            ["components"], ["components", "--strong"], ["cutpoints"],
            ["distances", "c01", "--weighted"], ["distances", "José", "--weighted", "--weight-as", "strength"],
            ["path", "c01", "c20", "--weighted", "--weight-as", "strength"], ["path", "c01", "c20", "--k", "3"],
            ["flow", "--from", "c01", "--to", "c20"], ["flow", "--from", "c01", "--to", "c20", "--capacity", "weight", "--vertex-cut"],
            ["kcore", "-o", "-", "--to", "edgelist"], ["ego", "c07", "-o", "-", "--to", "edgelist"],
            ["key-players"], ["key-players", "--set", "2"], ["disrupt", "--steps", "3"],
        ]
        // Commands that write the records themselves (a subset of the dataset) keep the file's
        // order of records, as convert does: the same records, compared as a set of lines.
        let recordWriters: Set<String> = ["kcore", "ego"]
        for (file, options) in Self.shapes {
            let text = try Data(contentsOf: packageRoot.appendingPathComponent("\(Self.folder)/\(file)"))
            // Lines split on LF (CR kept with its line), the header first, the rest reversed.
            var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
            if lines.last?.isEmpty == true { lines.removeLast() }
            let reversed = [lines[0]] + lines.dropFirst().reversed()
            var dirs: [URL] = []
            for (k, content) in [lines, reversed].enumerated() {
                let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-order-\(k)-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                var data = Data()
                for l in content { data.append(l); data.append(0x0A) }
                try data.write(to: dir.appendingPathComponent(file))
                dirs.append(dir)
            }
            defer { for d in dirs { try? FileManager.default.removeItem(at: d) } }
            #expect(try Data(contentsOf: dirs[0].appendingPathComponent(file)) != Data(contentsOf: dirs[1].appendingPathComponent(file)))
            for args in commands {
                var results: [String] = []
                for dir in dirs {
                    let path = dir.appendingPathComponent(file).path
                    let r = try tnet([args[0], path] + args.dropFirst() + options)
                    #expect(r.code == 0, "\(file) \(args.joined(separator: " ")): \(r.err)")
                    results.append((r.out + "\n--stderr--\n" + r.err).replacingOccurrences(of: dir.path, with: "DIR"))
                }
                if recordWriters.contains(args[0]) {
                    results = results.map { $0.split(separator: "\n").sorted().joined(separator: "\n") }
                }
                #expect(results[0] == results[1], "\(file): `tnet \(args.joined(separator: " "))` changes with the order of the lines")
            }
        }
    }

    /// Acceptance: weighted distances and weighted closeness read the same ties. Closeness from
    /// `distances` (Wasserman-Faust, as NetworkX: (r−1)/Σd · (r−1)/(n−1), r the entities
    /// reached) equals `centrality --measure closeness` for every entity, in every weight reading.
    @Test func weightedDistancesAgreeWithWeightedCloseness() throws {
        let path = "\(Self.folder)/calls.txt"
        for reading in [["--weight-as", "strength"], ["--weight-as", "networkx"], ["--weight-as", "distance"], ["--combine", "max"]] {
            let c = try tnet(["centrality", path, "--measure", "closeness", "--weighted", "--format", "csv"] + reading)
            #expect(c.code == 0, "\(c.err)")
            let closeness = Self.table(c.out)
            #expect(closeness.count == 24)
            for (id, row) in closeness {
                let d = try tnet(["distances", path, id, "--weighted", "--reverse", "--format", "csv"] + reading)
                #expect(d.code == 0, "\(d.err)")
                let distances = Self.table(d.out).filter { $0.key != id }.map { Double($0.value["distance"]!)! }
                let r = Double(distances.count + 1), n = 24.0, total = distances.reduce(0, +)
                let expected = total > 0 ? (r - 1) / total * (r - 1) / (n - 1) : 0
                let ours = Double(row["closeness"]!)!
                #expect(abs(ours - expected) <= 1e-12 * max(1, expected), "\(reading) \(id): closeness \(ours), from distances \(expected)")
            }
        }
    }

    /// Finding 1 and the acceptance item: flow's value, its cut's capacity and the links it lists
    /// agree, and the value is NetworkX's maximum flow on the combined graph.
    @Test func flowValueCutAndLinksAgree() throws {
        let o = try Self.oracle["undirected"] as! [String: Any]
        let path = "\(Self.folder)/calls.txt"
        for (extra, key) in [([String](), "flow_c01_c20"), (["--capacity", "weight"], "flow_c01_c20_weighted")] {
            let r = try tnet(["flow", path, "--from", "c01", "--to", "c20", "--format", "json"] + extra)
            #expect(r.code == 0, "\(r.err)")
            let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
            let value = json["value"] as! Double
            #expect(value == (o[key] as! NSNumber).doubleValue, "\(extra): value \(value)")
            let ties = json["cut_ties"] as! [[String: Any]]
            #expect(ties.reduce(0.0) { $0 + ($1["capacity"] as! Double) } == value)
            #expect(ties.reduce(0) { $0 + ($1["links"] as! Int) } == (json["cut_links"] as! [Any]).count)
            #expect((json["cut"] as! [Any]).count == ties.count)
            let table = try tnet(["flow", path, "--from", "c01", "--to", "c20"] + extra)
            #expect(table.out.contains("minimum cut: \(ties.count) tie\(ties.count == 1 ? "" : "s") of capacity \(Int(value)) in all, \((json["cut_links"] as! [Any]).count) links"), "\(table.out)")
        }
    }

    /// Acceptance: HITS, eigenvector (tol 1e-10, --max-iter 1000) and Katz (--alpha) on both
    /// readings of the fixture, weighted and not, equal NetworkX's.
    @Test func numericsMatchNetworkXOnBothReadings() throws {
        let path = "\(Self.folder)/calls.txt"
        for directed in [false, true] {
            for weighted in [false, true] {
                let reading = directed ? "directed" : "undirected"
                let alpha = weighted ? "0.002" : "0.02"
                var args = ["centrality", path, "--measure", "eigenvector,hubs,authorities,katz", "--tolerance", "1e-10", "--max-iter", "1000",
                            "--alpha", alpha, "--format", "csv"]
                if directed { args.append("--directed") }
                if weighted { args.append("--weighted") }
                let r = try tnet(args)
                #expect(r.code == 0, "\(r.err)")
                #expect(!r.err.contains("not computed"), "\(r.err)")
                let rows = Self.table(r.out)
                let sfx = weighted ? "_weighted" : ""
                for (column, measure, tolerance) in [("eigenvector", "eigenvector_tol_1e-10" + sfx, 1e-9), ("hubs", "hubs" + sfx, 1e-8),
                                                     ("authorities", "authorities" + sfx, 1e-8), ("katz", "katz_alpha_\(alpha)" + sfx, 1e-6)] {
                    for (id, value) in try Self.expected(reading, measure) {
                        let ours = Double(rows[id]?[column] ?? "") ?? .nan
                        #expect(abs(ours - value) <= tolerance, "\(reading)\(sfx) \(column) \(id): \(ours) vs NetworkX \(value)")
                    }
                }
            }
        }
    }

    /// Finding 4: Katz with an alpha beyond 1/λmax fails with the bound in the message, leaves
    /// its column empty and lets the other measures print.
    @Test func katzFailureNamesTheBoundAndOthersPrint() throws {
        let path = "\(Self.folder)/calls.txt"
        let lambda = (try Self.oracle["undirected"] as! [String: Any])["measures"] as! [String: Any]
        let bound = 1 / (lambda["lambda_max_weighted"] as! Double)
        let r = try tnet(["centrality", path, "--measure", "degree,katz,pagerank", "--weighted", "--format", "csv"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("katz: not computed"), "\(r.err)")
        let shown = String(bound).prefix(6)
        #expect(r.err.contains("1/λmax = \(shown)"), "the bound \(bound) is not in: \(r.err)")
        let rows = Self.table(r.out)
        #expect(rows.count == 24)
        #expect(rows.values.allSatisfy { $0["katz"] == "NaN" && Double($0["pagerank"]!)! > 0 })
    }

    /// Finding 3: --weight-as strength makes many calls a short tie; the default reads the
    /// weight as NetworkX does (a length), and the output says which.
    @Test func weightMeaningIsChosenAndStated() throws {
        let path = "\(Self.folder)/calls.txt"
        let strength = try tnet(["path", path, "c01", "c20", "--weighted", "--weight-as", "strength", "--format", "json"])
        let length = try tnet(["path", path, "c01", "c20", "--weighted", "--format", "json"])
        #expect(strength.code == 0 && length.code == 0, "\(strength.err + length.err)")
        let cost = { (s: String) in ((try JSONSerialization.jsonObject(with: Data(s.utf8)) as! [String: Any])["paths"] as! [[String: Any]])[0]["cost"] as! Double }
        // A strength's length is 1/w: below 1 per step for every tie of at least 2 calls.
        #expect(try cost(strength.out) < cost(length.out))
        let c = try tnet(["centrality", path, "--measure", "closeness", "--weighted", "--weight-as", "strength"])
        #expect(c.err.contains("weights are strengths (length 1/w for paths)"), "\(c.err)")
    }

    /// Finding 7: a negative weight is refused by every weighted analysis, with its line.
    @Test func negativeWeightsAreRefusedEverywhere() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-neg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("neg.el").path
        try "a b 2\nb c -1\nc a 3\n".write(toFile: file, atomically: true, encoding: .utf8)
        for args in [["centrality", file, "--measure", "pagerank", "--weighted"], ["centrality", file, "--measure", "closeness", "--weighted"],
                     ["centrality", file, "--measure", "pagerank", "--weighted", "--kinds", "node"],
                     ["communities", file, "--weighted"], ["distances", file, "a", "--weighted"], ["path", file, "a", "c", "--weighted"]] {
            let r = try tnet(args)
            #expect(r.code == 1, "\(args): \(r.out)")
            #expect(r.err.contains("negative"), "\(args): \(r.err)")
            #expect(r.err.split(separator: "\n").count == 1, "\(args): \(r.err)")
        }
    }
}
