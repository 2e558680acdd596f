#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Why a layout in a process of its own failed.
public enum LayoutError: Error, Sendable, CustomStringConvertible {
    /// The layout program (`tnet-layout`) is not where it was looked for
    /// (``IsolatedLayout/helperPath()``).
    case helperMissing(path: String)
    /// The layout process could not be started.
    case cannotStart(reason: String)
    /// The layout ran longer than allowed and was stopped.
    case timedOut(engine: String, seconds: Double)
    /// Graphviz crashed (a signal such as a segmentation fault); `said` is its last words.
    case crashed(engine: String, signal: String, said: String?)
    /// The layout process failed with this message (Graphviz's error, say).
    case failed(message: String)
    /// The layout process ended without writing anything.
    case noOutput

    /// One line saying what happened.
    public var description: String {
        switch self {
        case .helperMissing(let path):
            "\(path) is missing: this layout runs in tnet-layout, built beside the program that asks for it (`swift build --product tnet-layout`; `make release` builds it with tnet)"
        case .cannotStart(let reason): "cannot start the layout process: \(reason)"
        case .timedOut(let engine, let seconds):
            "the \(engine) layout did not finish within \(seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)) s and was stopped"
        case .crashed(let engine, let signal, let said):
            "Graphviz crashed (\(signal)) laying out the graph with \(engine)\(said.map { " (\($0))" } ?? ""); nothing was written"
        case .failed(let message): message
        case .noOutput: "the layout process wrote no output"
        }
    }
}

/// Runs a Graphviz layout in a child process (`tnet-layout`), so that a Graphviz crash (2.42
/// segfaults or aborts on some inputs) or a runaway layout becomes an error instead of a dead
/// process: libgvc cannot be interrupted in-process, a child can be killed. A layout whose
/// result depends on memory addresses (clustered `dot`, `fdp`) runs here too, in a process with
/// nothing else in it, so that it comes out the same every run and the same as the Graphviz
/// command's.
///
/// The DOT goes to the child through a pipe and the drawing comes back through another: the
/// dataset's text (which may name victims) is never written to disk, and nothing is left behind
/// whichever side is killed. Interrupting the caller (Ctrl-C) stops the child too.
public enum IsolatedLayout {
    /// Where the layout program is looked for: `TNET_LAYOUT` when set, else `tnet-layout` beside
    /// the running executable (SwiftPM builds every executable of the package into one folder).
    /// - Returns: the path, which may not exist.
    public static func helperPath() -> String {
        if let p = getenv("TNET_LAYOUT"), p.pointee != 0 { return String(cString: p) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let exe = n > 0 ? String(decoding: buffer[0 ..< n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        let folder = exe.lastIndex(of: "/").map { String(exe[..<$0]) } ?? "."
        return folder + "/tnet-layout"
    }

    /// Whether the layout program is there to run.
    public static var isAvailable: Bool { access(helperPath(), X_OK) == 0 }

    /// Lays out `dot` with `engine` in a child process and renders it as `format`. Calls from
    /// several threads are serialised: one layout child at a time.
    /// - Parameters:
    ///   - dot: the graph in DOT.
    ///   - engine: a Graphviz layout engine (dot, neato, fdp, sfdp, circo, twopi).
    ///   - format: a Graphviz output format (svg, png, pdf, dot, json, plain).
    ///   - timeout: stop the layout after this many seconds (nil: no limit).
    /// - Returns: the drawing and Graphviz's warnings.
    /// - Throws: ``LayoutError`` when the program is missing or cannot start, the layout times
    ///   out, Graphviz crashes or fails, or nothing is written.
    public static func render(dot: String, engine: String, format: String, timeout: Double? = nil) throws(LayoutError) -> RenderOutput {
        // One layout child at a time: the interrupt handler knows one child, and SIGPIPE's
        // disposition is the process's (calls from several threads queue here).
        try running.withLock { _ throws(LayoutError) in try renderAlone(dot: dot, engine: engine, format: format, timeout: timeout) }
    }

    private static let running = Mutex(())

    private static func renderAlone(dot: String, engine: String, format: String, timeout: Double?) throws(LayoutError) -> RenderOutput {
        let helper = helperPath()
        guard access(helper, X_OK) == 0 else { throw .helperMissing(path: helper) }
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0], errors: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0, pipe(&errors) == 0 else {
            throw .cannotStart(reason: String(cString: strerror(errno)))
        }
        // Not inherited by the child (its own ends are duplicated onto 0, 1 and 2).
        for fd in input + output + errors { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        let arguments = [helper, "--engine", engine, "--format", format, "--parent", String(getpid())]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for a in argv { free(a) } }
        var pid: pid_t = 0
        // A child that dies before reading all of its input must not kill the caller with
        // SIGPIPE (restored after, for the caller's own output to a closed pipe).
        let sigpipe = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, sigpipe) }
        let spawned = posix_spawn(&pid, helper, &actions, nil, &argv, environ)
        for fd in [input[0], output[1], errors[1]] { close(fd) }
        guard spawned == 0 else {
            for fd in [input[1], output[0], errors[0]] { close(fd) }
            throw .cannotStart(reason: String(cString: strerror(spawned)))
        }
        LayoutCleanup.arm(child: pid)
        defer { LayoutCleanup.disarm() }

        // Feed the DOT and drain both outputs at once (a pipe holds 64 KiB: one after the other
        // would deadlock on a large graph), in one poll loop that also watches the clock.
        let text = Array(dot.utf8)
        var written = 0
        _ = fcntl(input[1], F_SETFL, fcntl(input[1], F_GETFL) | O_NONBLOCK)
        var fds = [pollfd(fd: input[1], events: Int16(POLLOUT), revents: 0),
                   pollfd(fd: output[0], events: Int16(POLLIN), revents: 0),
                   pollfd(fd: errors[0], events: Int16(POLLIN), revents: 0)]
        if text.isEmpty { close(input[1]); fds[0].fd = -1 }
        var collected: [[UInt8]] = [[], [], []]
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        let deadline = timeout.map { now() + $0 }
        var timedOut = false
        while fds.contains(where: { $0.fd >= 0 }) {
            if let deadline, now() >= deadline {
                kill(pid, SIGKILL)
                timedOut = true
                break
            }
            let ready = poll(&fds, nfds_t(fds.count), deadline == nil ? -1 : 50)
            if ready < 0 {
                if errno == EINTR { continue }
                kill(pid, SIGKILL)  // cannot watch it any more: stop it rather than wait blind
                break
            }
            if fds[0].fd >= 0, fds[0].revents != 0 {
                let n = text.withUnsafeBytes { write(fds[0].fd, $0.baseAddress! + written, text.count - written) }
                if n > 0 { written += n }
                if written == text.count || (n < 0 && errno != EAGAIN && errno != EINTR) {  // EPIPE: the child is gone
                    close(fds[0].fd)
                    fds[0].fd = -1
                }
            }
            for s in 1 ... 2 where fds[s].fd >= 0 && fds[s].revents != 0 {
                let n = chunk.withUnsafeMutableBytes { read(fds[s].fd, $0.baseAddress!, $0.count) }
                if n > 0 { collected[s].append(contentsOf: chunk[0 ..< n]) } else if n == 0 || (errno != EINTR && errno != EAGAIN) {
                    close(fds[s].fd)
                    fds[s].fd = -1
                }
            }
        }
        for f in fds where f.fd >= 0 { close(f.fd) }
        // The pipes are closed; the child may still run (it closed them itself): the deadline
        // bounds this wait too.
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, deadline == nil ? 0 : WNOHANG)
            if r == pid { break }
            if r < 0 {
                if errno == EINTR { continue }
                // ECHILD: the host ignores SIGCHLD, so the child's end is unknown; a drawing that
                // may be cut short is not returned as a success.
                throw .failed(message: "the layout process could not be waited for (\(String(cString: strerror(errno)))); is SIGCHLD ignored?")
            }
            if let deadline, now() >= deadline, !timedOut {
                kill(pid, SIGKILL)
                timedOut = true
            }
            usleep(2_000)
        }
        let lines = String(decoding: collected[2], as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
        if timedOut { throw .timedOut(engine: engine, seconds: timeout!) }
        let signalled = status & 0x7f
        if signalled != 0 && signalled != 0x7f {
            let name = signalled == SIGSEGV ? "segmentation fault" : signalled == SIGABRT ? "abort" : signalled == SIGBUS ? "bus error" : "signal \(signalled)"
            throw .crashed(engine: engine, signal: name, said: lines.first { $0.contains("Assertion") || $0.hasPrefix("Error") })
        }
        let code = (status >> 8) & 0xff
        guard code == 0 else {
            let message = lines.last { $0.hasPrefix("tnet: error: ") }.map { String($0.dropFirst("tnet: error: ".count)) }
            throw .failed(message: message ?? "the layout process failed (exit \(code))")
        }
        guard !collected[1].isEmpty else { throw .noOutput }
        let prefix = "tnet: warning: graphviz: "
        return RenderOutput(bytes: collected[1], warnings: lines.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) })
    }

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}

/// What an interrupted parent must undo: stop the layout process. A signal handler may only
/// touch memory prepared before and call async-signal-safe functions (kill, signal, raise).
/// The caller's own handlers and signal mask are put back afterwards.
enum LayoutCleanup {
    nonisolated(unsafe) static var child: pid_t = 0
    nonisolated(unsafe) static var armed = false
    nonisolated(unsafe) static var saved: [(Int32, sigaction)] = []
    nonisolated(unsafe) static var savedMask = sigset_t()

    static func arm(child pid: pid_t) {
        child = pid
        armed = true
        saved = [SIGINT, SIGTERM, SIGHUP].map { sig in
            var old = sigaction()
            var new = sigaction()
            new.__sigaction_handler.sa_handler = handler
            sigemptyset(&new.sa_mask)
            sigaction(sig, &new, &old)
            return (sig, old)
        }
        // A launcher may have started the caller with these signals blocked: unblock them, or an
        // interrupt would wait for the layout.
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, sig) }
        pthread_sigmask(SIG_UNBLOCK, &set, &savedMask)
    }

    static func disarm() {
        for (sig, old) in saved { var old = old; sigaction(sig, &old, nil) }
        pthread_sigmask(SIG_SETMASK, &savedMask, nil)
        armed = false
        child = 0
    }

    static let handler: @convention(c) (Int32) -> Void = { sig in
        if LayoutCleanup.armed, LayoutCleanup.child > 0 { kill(LayoutCleanup.child, SIGKILL) }
        signal(sig, SIG_DFL)
        raise(sig)
    }
}
