import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// AtomicFile: whole files or nothing, and never a path replaced that is not a regular file.
@Suite struct AtomicFileTests {
    static func folder() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A symbolic link is followed: its target gets the bytes, the link stays a link. (Before,
    /// the link was replaced by a file and its target left stale.)
    @Test func followsSymbolicLinks() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "old".write(toFile: dir + "/real.json", atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: dir + "/link.json", withDestinationPath: "real.json")
        try AtomicFile.write(Array("new".utf8), to: dir + "/link.json")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir + "/link.json") == "real.json")
        #expect(try String(contentsOfFile: dir + "/real.json", encoding: .utf8) == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["link.json", "real.json"])
    }

    /// A file made as it is written (runs of pieces, empty ones among them) is their
    /// concatenation; a failure while making it leaves the destination as it was; a native
    /// dataset written to a file (streamed, never joined) is the same bytes as the writer's
    /// whole result, and no temporary file is left.
    @Test func piecesAreWrittenInOrder() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let runs: [[[UInt8]]] = [[Array("ab".utf8), []], [], [Array("c".utf8)], [[], Array("def".utf8)]]
        try AtomicFile.write(to: dir + "/p.txt") { emit in
            for run in runs {
                let joined = run.flatMap { $0 }
                try joined.withUnsafeBytes { try emit([$0]) }
            }
        }
        #expect(try String(contentsOfFile: dir + "/p.txt", encoding: .utf8) == "abcdef")
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try AtomicFile.write(to: dir + "/p.txt") { emit in
                try Array("partial".utf8).withUnsafeBytes { try emit([$0]) }
                throw Stop()
            }
        }
        #expect(try String(contentsOfFile: dir + "/p.txt", encoding: .utf8) == "abcdef")
        let dataset = SyntheticNetwork(nodes: 3000, seed: 2).generate()
        try dataset.write(to: dir + "/d.json")
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: dir + "/d.json"))) == NativeJSONWriter.write(dataset))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).sorted() == ["d.json", "p.txt"])
    }

    /// A named pipe is written into, not replaced by a file (as /dev/stdout or a terminal are).
    @Test func writesIntoPipes() throws {
        let dir = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/p"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let out = Pipe()
        reader.standardOutput = out
        try reader.run()
        try AtomicFile.write(Array("through the pipe".utf8), to: fifo)
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(text == "through the pipe")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }
}
