import ArgumentParser
import Foundation
import TraffickingNetworks

/// Runs a Graphviz layout in a child `tnet` process, so that a Graphviz crash (2.42 segfaults or
/// aborts on some inputs) or a runaway layout becomes a one-line error with exit code 1 instead
/// of a dead process. libgvc cannot be interrupted in-process; a child can be killed.
enum IsolatedLayout {
    static func render(dot: String, engine: String, format: String, timeout: Double?) throws -> RenderOutput {
        let fm = FileManager.default
        var template = Array((NSTemporaryDirectory() + "/tnet-layout-XXXXXX").utf8CString)
        guard let dirPointer = mkdtemp(&template) else { throw CLIError("cannot create a temporary folder for the layout") }
        let dir = String(cString: dirPointer)
        defer { try? fm.removeItem(atPath: dir) }
        let input = dir + "/in.dot", output = dir + "/out", errors = dir + "/err"
        guard fm.createFile(atPath: input, contents: Data(dot.utf8)), fm.createFile(atPath: errors, contents: nil) else {
            throw CLIError("cannot write the layout's input in \(dir)")
        }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: executablePath())
        child.arguments = ["render-worker", input, output, "--engine", engine, "--format", format, "--parent", String(getpid())]
        child.standardInput = FileHandle.nullDevice
        child.standardOutput = FileHandle.nullDevice
        child.standardError = FileHandle(forWritingAtPath: errors)
        do { try child.run() } catch { throw CLIError("cannot start the layout process: \(error.localizedDescription)") }
        // Interrupted (Ctrl-C, a kill): stop the child and remove the folder, which holds the
        // dataset's text, before dying of the same signal.
        LayoutCleanup.arm(directory: dir, files: [input, output, errors], child: child.processIdentifier)
        defer { LayoutCleanup.disarm() }
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var timedOut = false
        while child.isRunning {
            if let deadline, Date() >= deadline {
                kill(child.processIdentifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(5_000)
        }
        child.waitUntilExit()
        let messages = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
        let lines = messages.split(whereSeparator: \.isNewline).map(String.init)
        if timedOut {
            throw CLIError("the \(engine) layout did not finish within \(format6(timeout!)) s and was stopped; try --engine sfdp, a --top view or a filter")
        }
        if child.terminationReason == .uncaughtSignal {
            let signal = child.terminationStatus
            let name = signal == SIGSEGV ? "segmentation fault" : signal == SIGABRT ? "abort" : signal == SIGBUS ? "bus error" : "signal \(signal)"
            let said = lines.first { $0.contains("Assertion") || $0.hasPrefix("Error") }.map { " (\($0))" } ?? ""
            throw CLIError("Graphviz crashed (\(name)) laying out the graph with \(engine)\(said); nothing was written. Try another --engine or leave out risky layout attributes such as concentrate")
        }
        guard child.terminationStatus == 0 else {
            let error = lines.last { $0.hasPrefix("tnet: error: ") }.map { String($0.dropFirst("tnet: error: ".count)) }
            throw CLIError(error ?? "the layout process failed (exit \(child.terminationStatus))")
        }
        guard let data = fm.contents(atPath: output) else { throw CLIError("the layout process wrote no output") }
        let warnings = lines.filter { $0.hasPrefix("tnet: warning: graphviz: ") }.map { String($0.dropFirst("tnet: warning: graphviz: ".count)) }
        return RenderOutput(bytes: [UInt8](data), warnings: warnings)
    }

    /// This executable's path (the child is another `tnet`).
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    private static func format6(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}

/// What an interrupted parent must undo: signal handlers may only touch memory prepared before
/// (C strings) and call async-signal-safe functions (kill, unlink, rmdir, signal, raise).
enum LayoutCleanup {
    nonisolated(unsafe) static var paths: [UnsafeMutablePointer<CChar>] = []  // files, then the folder
    nonisolated(unsafe) static var child: pid_t = 0
    nonisolated(unsafe) static var armed = false

    static func arm(directory: String, files: [String], child pid: pid_t) {
        paths = (files + [directory]).map { strdup($0)! }
        child = pid
        armed = true
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, handler) }
        // A launcher may have started tnet with these signals blocked (Foundation's Process from a
        // thread that blocks them, say): unblock them, or an interrupt would wait for the layout.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static func disarm() {
        for sig in [SIGINT, SIGTERM, SIGHUP] { signal(sig, SIG_DFL) }
        armed = false
        for p in paths { free(p) }
        paths = []
        child = 0
    }

    static let handler: @convention(c) (Int32) -> Void = { sig in
        if LayoutCleanup.armed {
            if LayoutCleanup.child > 0 { kill(LayoutCleanup.child, SIGKILL) }
            let paths = LayoutCleanup.paths
            for p in paths.dropLast() { unlink(p) }
            if let dir = paths.last { rmdir(dir) }
        }
        signal(sig, SIG_DFL)
        raise(sig)
    }
}

/// The child side of ``IsolatedLayout``: lays out one DOT file and writes the result. Not for users.
struct RenderWorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "render-worker", abstract: "Internal: one isolated layout.",
                                                    shouldDisplay: false)
    @Argument var input: String
    @Argument var output: String
    @Option var engine: String
    @Option var format: String
    /// The tnet that waits for this layout (given, not read with getppid(): it may already be gone).
    @Option var parent: Int32?

    func run() throws {
        // A crash here is expected now and then (that is why this runs apart): leave no core file.
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        setrlimit(Int32(RLIMIT_CORE.rawValue), &none)
        // If the parent dies (killed hard, so it could not clean up), stop too and remove the
        // parent's temporary folder (it holds the dataset's text): nobody waits for this layout.
        let parent = self.parent ?? getppid()
        let folder = (input as NSString).deletingLastPathComponent
        let leftovers = [input, output, folder + "/err"]
        Thread.detachNewThread {
            while true {
                if getppid() != parent {
                    for f in leftovers { unlink(f) }
                    rmdir(folder)
                    _exit(1)
                }
                usleep(200_000)
            }
        }
        try Diagnostics.reporting {
            let dot = try String(contentsOfFile: input, encoding: .utf8)
            let result = try GraphvizRenderer.shared.renderReporting(dot: dot, engine: engine, format: format)
            for w in result.warnings { Diagnostics.warning("graphviz: " + w) }
            guard FileManager.default.createFile(atPath: output, contents: Data(result.bytes)) else {
                throw CLIError("cannot write \(output)")
            }
        }
    }
}
