import Foundation
import Testing
@testable import TNetGraph

/// The benchmark graphs must be byte-identical to the published files (Benchmarks/README.md,
/// repeated in Benchmarks/README.md): the SHA-256 and edge counts below are the published ones.
/// large and xl are checked by `make bench` (Benchmarks/run.sh), which generates them anyway.
@Suite struct BenchmarkGraphTests {
    /// SHA-256 by `sha256sum` (coreutils, on every Debian/Ubuntu machine).
    static func sha256(_ bytes: [UInt8]) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-bench-\(UUID().uuidString).el")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["sha256sum", file.path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return String(text.prefix(64))
    }

    @Test(arguments: [
        (BenchmarkGraph.Size.small, 4_746, "6e726b19877a3583a4460e58968852817794a1c16c086871b1e27964bc449da2"),
        (BenchmarkGraph.Size.medium, 98_096, "ee2dcc2b0a4e5508406b4ec4f69add9ebb4028b4a0f1acfd0ac071867dffa3a0"),
    ])
    func publishedFile(size: BenchmarkGraph.Size, edges: Int, sha: String) throws {
        let g = BenchmarkGraph(size)
        #expect(g.edgeCount == edges)
        #expect(try Self.sha256(g.edgeListBytes()) == sha)
    }

    /// Published component counts include isolated nodes (small: 9).
    @Test func smallComponents() {
        let g = BenchmarkGraph(.small).graph(weighted: false)
        #expect(g.nodeCount == 1000)
        #expect(g.connectedComponents().count == 9)
    }
}
