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
}
