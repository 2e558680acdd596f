import Foundation
import Testing

/// Runs the built `tnet` (next to the test bundle) and returns exit code, stdout, stderr.
func tnet(_ args: [String], stdin: String? = nil) throws -> (code: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try tnetBinary())
    p.arguments = args
    p.currentDirectoryURL = packageRoot
    let out = Pipe(), err = Pipe(), input = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// Runs the built `tnet` with `args` (shell-quoted) on a pseudo-terminal made by `script`, from
/// util-linux, in the package root; its exit status and everything the terminal showed.
func tnetOnTerminal(_ args: String) throws -> (code: Int32, text: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    p.arguments = ["-q", "-e", "-c", "'\(try tnetBinary())' \(args)", "/dev/null"]
    p.currentDirectoryURL = packageRoot
    // Standard input held open until the end: `script` ends the session at its end of file.
    let out = Pipe(), input = Pipe()
    p.standardOutput = out
    p.standardInput = input
    try p.run()
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    try input.fileHandleForWriting.close()
    return (p.terminationStatus, text)
}

/// The path of the built `tnet`: next to the test bundle, else the package's debug build.
func tnetBinary() throws -> String {
    let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let beside = dir.appendingPathComponent("tnet").path
    return FileManager.default.fileExists(atPath: beside) ? beside : packageRoot.appendingPathComponent(".build/debug/tnet").path
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let fixtures = packageRoot.appendingPathComponent("Tests/TNetIOTests/Fixtures").path

@Suite struct CLITests {
    @Test func infoOnBundledDataset() throws {
        let r = try tnet(["info", "datasets/mekong-2023.json", "--format", "json"])
        #expect(r.code == 0)
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let bundled = try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent("datasets/mekong-2023.json"))) as! [String: Any]
        #expect(json["entities"] as? Int == (bundled["entities"] as! [Any]).count)
        #expect(json["links"] as? Int == (bundled["links"] as! [Any]).count)
        let graph = json["graph"] as! [String: Any]
        #expect(graph["components"] as? Int == 1)
    }

    /// Values computed by NetworkX 3.6.1 for edges.edgelist:
    /// G = nx.read_edgelist(path, data=[("weight", float)]) → 4 nodes, 4 edges, density 0.6666666666666666,
    /// 2 components (d has only its self-loop), degrees [2, 2, 2, 2], 1 self-loop, G['a']['b'] weight 7.0.
    @Test func infoOnEdgeListMatchesNetworkX() throws {
        let r = try tnet(["info", "\(fixtures)/edges.edgelist", "--format", "csv"])
        #expect(r.code == 0)
        #expect(r.out.contains("graph,nodes,4\n") && r.out.contains("graph,edges,4\n"))
        #expect(r.out.contains("graph,density,0.6666666666666666\n"))
        #expect(r.out.contains("graph,self_loops,1\n") && r.out.contains("graph,components,2\n"))
        #expect(r.out.contains("degree,max,2\n"))
    }

    @Test func validateListsEveryProblemAndExitsOne() throws {
        for (file, expected) in [("dangling.json", "4:4: error: link target \"ghost\""),
                                 ("duplicate.json", "4:4: error: duplicate entity id \"a\""),
                                 ("truncated.json", "3:"),
                                 ("empty.json", "1:1: error: file is empty"),
                                 ("binary.json", "1:8: error: NUL byte")] {
            let r = try tnet(["validate", "\(fixtures)/\(file)"])
            #expect(r.code == 1, "\(file)")
            #expect(r.out.contains("\(fixtures)/\(file):\(expected)"), "\(file): \(r.out)")
            #expect(!r.err.contains("Fatal") && !r.err.contains("Stack dump"))
        }
        let dir = try tnet(["validate", fixtures])
        #expect(dir.code == 1 && dir.out.contains("is a directory"))
        let ok = try tnet(["validate", "datasets/mekong-2023.json"])
        #expect(ok.code == 0 && ok.out.contains("0 errors"))
    }

    /// A table of 250 calls with no callee and one good call: 250 errors and a warning (the
    /// entities are implied, on line 1), 251 problems. On a terminal (a pseudo-terminal made by
    /// `script`, from util-linux) the listing stops after 200, errors before warnings (so 200
    /// errors and not the warning), and says that 51 are left out; `--all`, and a pipe, list all
    /// 251. The count line is always there.
    @Test func validateOnATerminalStopsAfterTwoHundred() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-validate-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/calls.csv"
        try Data(("source,target\n" + String(repeating: "a,\n", count: 250) + "a,b\n").utf8).write(to: URL(fileURLWithPath: file))
        func problems(_ out: String) -> Int { out.split(whereSeparator: \.isNewline).filter { $0.contains(": error: link has an empty") }.count }

        let piped = try tnet(["validate", file])
        #expect(piped.code == 1 && problems(piped.out) == 250 && !piped.out.contains("more not listed"))
        #expect(piped.out.contains("250 errors"))

        for (extra, listed) in [("", 200), (" --all", 250)] {
            let (code, text) = try tnetOnTerminal("validate '\(file)'\(extra)")
            #expect(code == 1, "\(extra): \(text.suffix(300))")
            #expect(problems(text) == listed, "\(extra): \(text.prefix(600))")
            #expect(text.contains("… 51 more not listed here") == (listed == 200), "\(extra)")
            #expect(text.contains("entities are implied") == (listed == 250), "\(extra)")
            #expect(text.contains("250 errors"), "\(extra)")
        }
    }

    /// The bundled dataset written as JSON to standard output is 3,734 lines. On a terminal (a
    /// pseudo-terminal made by `script`) the first 1,000 are shown and a warning says 2,734 more
    /// were left out; in a pipe all 3,734 come, with no warning.
    @Test func datasetOnATerminalIsCut() throws {
        let piped = try tnet(["convert", "datasets/mekong-2023.json", "-"])
        #expect(piped.code == 0 && piped.out.split(separator: "\n", omittingEmptySubsequences: false).count == 3735)
        #expect(!piped.err.contains("standard output is a terminal"))
        let (code, text) = try tnetOnTerminal("convert datasets/mekong-2023.json -")
        #expect(code == 0, "\(text.suffix(300))")
        #expect(text.contains("the first 1000 lines of the dataset are shown, 2734 more left out; an output file or a pipe gets it all"), "\(text.suffix(300))")
        #expect(!text.contains("\"links\""), "the links come after line 1,000")
    }

    @Test func otherCommandsFailWithOneLine() throws {
        let r = try tnet(["info", "\(fixtures)/dangling.json"])
        #expect(r.code == 1 && r.out.isEmpty)
        #expect(r.err.hasPrefix("tnet: error: \(fixtures)/dangling.json:4:4: link target"))
        #expect(r.err.split(separator: "\n").count == 1)
    }

    @Test func readsStandardInput() throws {
        let r = try tnet(["info", "-", "--format", "json"], stdin: "x y\ny z 2\n")
        #expect(r.code == 0 && r.out.contains("\"nodes\": 3"))
    }

    @Test func renderWritesSVGAtomically() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("m.svg").path
        let r = try tnet(["render", "datasets/mekong-2023.json", "-o", out])
        #expect(r.code == 0, "\(r.err)")
        let svg = try String(contentsOfFile: out, encoding: .utf8)
        let bundled = try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent("datasets/mekong-2023.json"))) as! [String: Any]
        #expect(svg.components(separatedBy: "<g id=\"node").count - 1 == (bundled["entities"] as! [Any]).count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.svg"])  // no temp file left
        // a failed render leaves no file
        let bad = try tnet(["render", "\(fixtures)/dangling.json", "-o", dir.appendingPathComponent("bad.svg").path])
        #expect(bad.code == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.svg").path))
    }
}
