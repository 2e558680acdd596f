import Foundation
import TraffickingNetworks

/// Runs a Graphviz layout in a child `tnet` process, so that a Graphviz crash (2.42 segfaults or
/// aborts on some inputs) or a runaway layout becomes a one-line error with exit code 1 instead
/// of a dead process. libgvc cannot be interrupted in-process; a child can be killed. A layout
/// whose result depends on memory addresses (``LayoutChoice/dependsOnMemoryLayout(engine:clustered:)``)
/// runs here too, in a process with nothing else in it.
///
/// The DOT goes to the child through a pipe and the drawing comes back through another, so the
/// dataset's text is never written to disk (it may name victims), and nothing is left behind
/// whichever side is killed.
enum IsolatedLayout {
    static func render(dot: String, engine: String, format: String, timeout: Double?) throws -> RenderOutput {
        let helper = helperPath()
        guard FileManager.default.isExecutableFile(atPath: helper) else {
            throw CLIError("\(helper) is missing: this layout runs in tnet-layout, built beside tnet (`swift build --product tnet-layout`; `make release` builds both)")
        }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: helper)
        child.arguments = ["--engine", engine, "--format", format, "--parent", String(getpid())]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        child.standardInput = input
        child.standardOutput = output
        child.standardError = errors
        // A child that dies before reading all of its input must not kill tnet with SIGPIPE
        // (restored after, for tnet's own output to a closed pipe).
        let sigpipe = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, sigpipe) }
        do { try child.run() } catch { throw CLIError("cannot start the layout process: \(error.localizedDescription)") }
        // Interrupted (Ctrl-C, a kill): stop the child before dying of the same signal.
        LayoutCleanup.arm(child: child.processIdentifier)
        defer { LayoutCleanup.disarm() }

        // Feed the DOT and drain both outputs at once: a pipe holds 64 KiB, so doing one after
        // the other would deadlock on a large graph.
        let group = DispatchGroup()
        let collected = Collected()
        let text = Array(dot.utf8)
        DispatchQueue.global().async(group: group) {
            let fd = input.fileHandleForWriting.fileDescriptor
            var written = 0
            while written < text.count {
                let r = text.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, text.count - written) }
                if r < 0 { if errno == EINTR { continue }; break }  // EPIPE: the child is gone
                written += r
            }
            try? input.fileHandleForWriting.close()
        }
        DispatchQueue.global().async(group: group) { collected.setOutput(output.fileHandleForReading.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { collected.setErrors(errors.fileHandleForReading.readDataToEndOfFile()) }

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
        group.wait()
        let lines = String(decoding: collected.errors, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
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
        guard !collected.output.isEmpty else { throw CLIError("the layout process wrote no output") }
        let warnings = lines.filter { $0.hasPrefix("tnet: warning: graphviz: ") }.map { String($0.dropFirst("tnet: warning: graphviz: ".count)) }
        return RenderOutput(bytes: [UInt8](collected.output), warnings: warnings)
    }

    /// What the reading threads collected.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var out = Data(), err = Data()
        var output: Data { lock.withLock { out } }
        var errors: Data { lock.withLock { err } }
        func setOutput(_ d: Data) { lock.withLock { out = d } }
        func setErrors(_ d: Data) { lock.withLock { err = d } }
    }

    /// This executable's path.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// `tnet-layout` beside this `tnet` (built with it, `make release`): a small program without
    /// Foundation or tnet's allocator, whose drawings are the Graphviz command's byte for byte.
    static func helperPath() -> String {
        (executablePath() as NSString).deletingLastPathComponent + "/tnet-layout"
    }

    private static func format6(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}

/// What an interrupted parent must undo: stop the layout process. A signal handler may only
/// touch memory prepared before and call async-signal-safe functions (kill, signal, raise).
enum LayoutCleanup {
    nonisolated(unsafe) static var child: pid_t = 0
    nonisolated(unsafe) static var armed = false

    static func arm(child pid: pid_t) {
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
        child = 0
    }

    static let handler: @convention(c) (Int32) -> Void = { sig in
        if LayoutCleanup.armed, LayoutCleanup.child > 0 { kill(LayoutCleanup.child, SIGKILL) }
        signal(sig, SIG_DFL)
        raise(sig)
    }
}
