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
    /// temporary folder and expects each committed JSON file of the folder to equal the new one
    /// (numbers to 1e-12, `firstDifference`).
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
            let old = try JSONSerialization.jsonObject(with: Data(contentsOf: committed.appendingPathComponent(file)))
            let new = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent(file)))
            let difference = firstDifference(old, new)
            #expect(difference == nil, "\(folder)/\(file) differs from what \(script) writes now at \(difference ?? "")")
        }
    }

    /// Where two JSON values first differ, or nil: the same keys, strings, lengths, booleans and
    /// integers, and fractions within 1e-12 of each other relatively (1e-15 absolutely: a zero
    /// computed as 4e-17 on one machine is 6e-17 on another). NumPy's BLAS takes another path on another CPU
    /// (seen: AMD EPYC against the machine the fixtures were made on), which moves the last digit
    /// of PageRank, eigenvector and HITS values: 0.03773016288451399 against …398.
    static func firstDifference(_ a: Any, _ b: Any, at path: String = "$") -> String? {
        switch (a, b) {
        case let (x as [String: Any], y as [String: Any]):
            guard Set(x.keys) == Set(y.keys) else { return "\(path): keys \(Set(x.keys).symmetricDifference(y.keys).sorted())" }
            for key in x.keys.sorted() {
                if let d = firstDifference(x[key]!, y[key]!, at: "\(path).\(key)") { return d }
            }
            return nil
        case let (x as [Any], y as [Any]):
            guard x.count == y.count else { return "\(path): \(x.count) items against \(y.count)" }
            for (i, pair) in zip(x, y).enumerated() {
                if let d = firstDifference(pair.0, pair.1, at: "\(path)[\(i)]") { return d }
            }
            return nil
        case let (x as String, y as String):
            return x == y ? nil : "\(path): \"\(x)\" against \"\(y)\""
        case let (x as NSNumber, y as NSNumber):
            // A boolean, an integer and a fraction are told apart by the type JSONSerialization
            // gave them (true is not 1, 2 is not 2.0); only fractions get the tolerance.
            func sort(_ n: NSNumber) -> Character {
                switch String(cString: n.objCType) { case "c", "B": "b"; case "d", "f": "d"; default: "i" }
            }
            guard sort(x) == sort(y) else { return "\(path): \(x) against \(y) (another JSON type)" }
            if sort(x) != "d" { return x.int64Value == y.int64Value && x.uint64Value == y.uint64Value ? nil : "\(path): \(x) against \(y)" }
            let (u, v) = (x.doubleValue, y.doubleValue)
            if u == v || (u.isNaN && v.isNaN) { return nil }
            return abs(u - v) <= max(1e-12 * max(abs(u), abs(v)), 1e-15) ? nil : "\(path): \(u) against \(v)"
        case (is NSNull, is NSNull):
            return nil
        default:
            return "\(path): \(a) against \(b)"
        }
    }
}

/// The comparison the fixture checks rest on (helper-45 found the first version took true for
/// 1 and 10000000000000 for 10000000000001).
@Suite struct OracleComparisonTests {
    static func parse(_ s: String) -> Any { try! JSONSerialization.jsonObject(with: Data(s.utf8)) }

    @Test func toleranceForFractionsOnly() {
        let same = { (a: String, b: String) in OracleScript.firstDifference(Self.parse(a), Self.parse(b)) == nil }
        #expect(same("[0.03773016288451399]", "[0.03773016288451398]"))
        #expect(same("[3.925231146709436e-17]", "[5.643725273847506e-17]"))
        #expect(!same("[0.1]", "[0.1000001]"))
        #expect(!same("[true]", "[1]") && !same("[false]", "[0]") && !same("[2]", "[2.0]"))
        #expect(!same("[10000000000000]", "[10000000000001]"))
        #expect(!same("{\"a\": \"NaN\"}", "{\"a\": 1.0}") && !same("{\"a\": 1}", "{\"b\": 1}") && !same("[1, 2]", "[2, 1]"))
    }
}
