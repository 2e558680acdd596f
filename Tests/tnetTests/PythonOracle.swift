import Foundation

/// The Python the oracle tests use: TNET_PYTHON, as `make test` sets it, else /usr/bin/python3.
enum PythonOracle {
    static let python: String = ProcessInfo.processInfo.environment["TNET_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin/python3"
    /// The NetworkX release the committed oracle files were made with.
    static let release = "3.6.1"

    /// Whether `code` (Python) runs and exits 0, e.g. an import check.
    static func succeeds(_ code: String) -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", code]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    /// NetworkX importable at all (the audit needs no particular release).
    static let hasNetworkX = succeeds("import networkx")
    /// NetworkX of the fixtures' release with scipy: the oracle scripts reproduce their files.
    static let hasFixtureRelease = succeeds("import networkx, scipy, sys; sys.exit(0 if networkx.__version__ == '\(release)' else 1)")

    /// Runs `script` with `args`; exit status and everything it printed.
    static func run(_ script: String, _ args: [String]) throws -> (code: Int32, out: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [script] + args
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
