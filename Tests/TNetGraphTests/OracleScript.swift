import Foundation
import Testing

/// The NetworkX oracle scripts beside the fixtures: re-run them with the NetworkX release the
/// fixtures were made with (`make test` provides it) and compare every committed file.
enum OracleScript {
    /// The Python `make test` names (TNET_PYTHON), else `python3` on the PATH.
    static let python: [String] = ProcessInfo.processInfo.environment["TNET_PYTHON"].flatMap { $0.isEmpty ? nil : [$0] } ?? ["/usr/bin/env", "python3"]

    /// The NetworkX version importable with scipy, or nil.
    static let networkx: String? = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python[0])
        probe.arguments = Array(python.dropFirst()) + ["-c", "import networkx, scipy; print(networkx.__version__)"]
        probe.standardError = FileHandle.nullDevice
        let out = Pipe()
        probe.standardOutput = out
        guard (try? probe.run()) != nil else { return nil }
        let version = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? version : nil
    }()

    /// The release the fixtures were made with (another may differ in the last digit).
    static let fixtureRelease = "3.6.1"
    static var available: Bool { networkx == fixtureRelease }

    /// Runs `Fixtures/FOLDER/SCRIPT` from the source tree (the scripts import each other) into a
    /// temporary folder and expects each committed JSON file of the folder to equal the new one.
    static func compare(folder: String, script: String, sourceFile: String = #filePath) throws {
        let tests = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
        var root = tests
        while root.lastPathComponent != "TNetGraphTests" && root.pathComponents.count > 1 { root.deleteLastPathComponent() }
        let committed = root.appendingPathComponent("Fixtures/\(folder)")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-\(folder)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let run = Process()
        run.executableURL = URL(fileURLWithPath: python[0])
        run.arguments = Array(python.dropFirst()) + [committed.appendingPathComponent(script).path, out.path]
        try run.run()
        run.waitUntilExit()
        #expect(run.terminationStatus == 0, "\(script) failed")
        let files = try FileManager.default.contentsOfDirectory(atPath: committed.path).filter { $0.hasSuffix(".json") }
        #expect(!files.isEmpty)
        for file in files {
            let old = try Data(contentsOf: committed.appendingPathComponent(file))
            let new = try Data(contentsOf: out.appendingPathComponent(file))
            #expect(old == new, "\(folder)/\(file) differs from what \(script) writes now")
        }
    }
}
