import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// `followthemoney` (PyPI), the model Aleph and OpenSanctions use, validates what tnet writes:
/// `Fixtures/ftm/ftm_validate.py` checks every line (schema, properties, types, required
/// properties, references). `make test` installs it into .venv-oracle and names that Python in
/// TNET_PYTHON; without it the test is skipped, and says so.
@Suite struct FtMOracleTests {
    static let python = ProcessInfo.processInfo.environment["TNET_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin/env"
    static let prefix = python == "/usr/bin/env" ? ["python3"] : []
    /// Whether that Python imports followthemoney.
    static let hasFollowTheMoney: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = prefix + ["-c", "import followthemoney"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    /// Runs the validator on `files`; returns its exit status and output.
    func validate(_ files: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.python)
        p.arguments = Self.prefix + [fixture("ftm/ftm_validate.py")] + files
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    @Test(.enabled(if: hasFollowTheMoney, "needs Python with followthemoney (make test provides it)"))
    func followTheMoneyValidatesEveryExportedEntity() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-ftm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // The bundled dataset, whole and redacted; the fixture of every schema read and written back.
        let bundled = try DatasetFormat.read(path: bundledDatasetPath()).dataset
        let redacted = try Dataset.load(bundledDatasetPath(), options: LoadOptions(redactVictims: true)).dataset
        let every = try everySchema().dataset
        var files: [String] = [fixture("ftm/every-schema.ftm.jsonl")]
        for (name, d) in [("bundled", bundled), ("redacted", redacted), ("every-schema", every), ("hostile", hostileDataset())] {
            let path = dir.appendingPathComponent(name + ".ftm.jsonl").path
            try AtomicFile.write(FtMWriter.write(d).bytes, to: path)
            files.append(path)
        }
        let (status, output) = try validate(files)
        #expect(status == 0, "\(output)")
        #expect(output.contains("ok "), "\(output)")
    }

    @Test(.enabled(if: hasFollowTheMoney, "needs Python with followthemoney (make test provides it)"))
    func theValidatorCatchesWhatFtMRefuses() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-ftm-bad-\(UUID().uuidString).ftm.jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let bad = """
        {"id": "a", "schema": "Person", "properties": {"name": ["A"], "kind": ["person"]}}
        {"id": "b", "schema": "Person", "properties": {"name": ["B"], "birthDate": ["yesterday"]}}
        {"id": "c", "schema": "Ownership", "properties": {"owner": ["a"]}}
        {"id": "d_1", "schema": "Company", "properties": {"name": ["D"]}}
        """
        try bad.write(toFile: path, atomically: true, encoding: .utf8)
        let (status, output) = try validate([path])
        #expect(status == 1)
        for needle in ["has no property 'kind'", "is not a valid date", "requires 'asset'", "the id is not one FtM accepts"] {
            #expect(output.contains(needle), "\(needle): \(output)")
        }
    }
}
