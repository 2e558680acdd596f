import Foundation
import Testing

/// Each program of examples/ runs on the bundled data and prints what its README line promises.
@Suite struct ExamplesTests {
    static func run(_ name: String, _ args: [String]) throws -> (code: Int32, out: String) {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var binary = dir.appendingPathComponent(name)
        if !FileManager.default.fileExists(atPath: binary.path) { binary = packageRoot.appendingPathComponent(".build/debug/\(name)") }
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        p.currentDirectoryURL = packageRoot
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    @Test func keyBrokers() throws {
        let r = try Self.run("key-brokers", [])
        #expect(r.code == 0 && r.out.hasPrefix("Key brokers of ") && r.out.contains("\n5. "))
        #expect(!r.out.contains("survivor") && !r.out.contains("(aggregate, unnamed)"))  // protected groups are never listed
    }

    @Test func routeToCompound() throws {
        let r = try Self.run("route-to-compound", ["datasets/mekong-2023.json", "india", "compound-kayin-1"])
        #expect(r.code == 0 && r.out.hasPrefix("route 1: 3 links\n  India\n") && r.out.contains("sources: "))
    }

    @Test func csvAnalysis() throws {
        let r = try Self.run("csv-analysis", ["datasets/mekong-2023-csv"])
        #expect(r.code == 0 && r.out.hasPrefix("link kind\tA\tB") && r.out.contains("\ntrafficked_to\t"))
        #expect(r.out.hasSuffix("239 links, 0 without a source\n"))  // the bundled dataset cites every link
    }

    @Test func egoBatch() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-egos-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.run("ego-batch", ["datasets/mekong-2023.json", dir])
        #expect(r.code == 0 && r.out.split(separator: "\n").count == 10)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".svg") }
        #expect(files.count == 10)
        for f in files { #expect(try String(contentsOfFile: "\(dir)/\(f)", encoding: .utf8).contains("<svg")) }
    }

    /// The script version of `tnet report --redact victims` writes the same five files, byte for
    /// byte, as the command (same day, same input): a script loses none of the command's safety.
    @Test func redactedBriefingIsTheCommandsBriefing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-brief-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.run("redacted-briefing", ["datasets/mekong-2023.json", "\(dir)/script"])
        #expect(r.code == 0 && r.out == "\(dir)/script/report.html\n")
        #expect(try tnet(["report", "datasets/mekong-2023.json", "-o", "\(dir)/cli", "--redact", "victims"]).code == 0)
        for file in ["report.html", "report.md", "report.json", "diagram.svg", "disruption.svg"] {
            let script = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/script/\(file)"))
            #expect(script == (try Data(contentsOf: URL(fileURLWithPath: "\(dir)/cli/\(file)"))), "\(file) differs")
        }
        let page = try String(contentsOfFile: "\(dir)/script/report.html", encoding: .utf8)
        #expect(page.contains("Survivor 1") && page.contains("Protected persons redacted (stable pseudonyms)."))
    }

    /// One row per dataset file of the folder; the counts are `tnet info`'s.
    @Test func batchSummary() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-batch-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.run("batch-summary", ["datasets", "\(dir)/all.csv"])
        #expect(r.code == 0)
        let rows = try String(contentsOfFile: "\(dir)/all.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows.first == ["file", "entities", "links", "components", "top_actor", "betweenness"])
        let info = try JSONSerialization.jsonObject(with: Data(try tnet(["info", "datasets/mekong-2023.json", "--format", "json"]).out.utf8)) as! [String: Any]
        let json = rows.first { $0.first == "mekong-2023.json" }
        #expect(json?[1] == "\(info["entities"] as! Int)" && json?[2] == "\(info["links"] as! Int)")
        #expect(json?[4] == "recruiter-network")  // key-brokers' first actor too
        #expect(rows.count == 3 && rows.contains { $0.first == "mekong-2023.graphml" })
    }

    /// A star of three links around a syndicate: removing the syndicate cuts every other entity
    /// off, so it is the first key player; the compound (a place) is never proposed.
    @Test func builtInCode() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-built-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.run("built-in-code", ["\(dir)/built.svg"])
        #expect(r.code == 0 && r.out == "\(dir)/built.svg: 4 entities, 3 links; first key player: syndicate-x\n")
        let svg = try String(contentsOfFile: "\(dir)/built.svg", encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("Syndicate X") && svg.contains("Official 1"))
    }

    /// The tour runs, and the README's scripting section and the DocC catalog show its code
    /// line for line (so the documented API is the compiled one).
    @Test func tourIsTheDocumentedCode() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-tour-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try Self.run("tour", [dir])
        #expect(r.code == 0 && r.out.hasSuffix("\(dir)/briefing/report.html\n") && r.out.contains("communities; the largest holds"))
        #expect(FileManager.default.fileExists(atPath: "\(dir)/top30.svg"))
        let source = try String(contentsOf: packageRoot.appendingPathComponent("examples/Tour/main.swift"), encoding: .utf8)
        let body = source.components(separatedBy: "do {\n")[1].components(separatedBy: "} catch")[0]
            .split(separator: "\n").map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.filter { !$0.isEmpty }
        for doc in ["README.md", "Sources/TraffickingNetworks/TraffickingNetworks.docc/GettingStarted.md"] {
            let text = try String(contentsOf: packageRoot.appendingPathComponent(doc), encoding: .utf8)
            for line in body { #expect(text.contains(line + "\n"), "\(doc) lacks: \(line)") }
        }
    }
}
