import CGraphviz
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A problem reported by Graphviz, with its own message (never printed raw).
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Rendered bytes and the warnings Graphviz gave while producing them.
public struct RenderOutput: Sendable {
    public var bytes: [UInt8]
    /// Graphviz's own warnings (an unknown attribute value, say), one line each.
    public var warnings: [String]
    public init(bytes: [UInt8], warnings: [String]) {
        self.bytes = bytes
        self.warnings = warnings
    }
}

/// Text Graphviz reports through its error callback; cleared before each call.
private let capturedMessages = Mutex<String>("")

private let messageSink: agusererrf = { message in
    if let message {
        let text = String(cString: message)
        capturedMessages.withLock { $0 += text }
    }
    return 0
}

/// Parses, lays out and renders DOT **in this process** through libgvc and cgraph.
///
/// libgvc and cgraph are not thread-safe, even with one context per thread, so every call
/// into them goes through this one gate (a process-wide mutex). One `GVC_t` context is
/// created on first use and reused.
///
/// Repeated layouts: the first layout of a process gives the bytes the Graphviz command gives
/// for the same DOT (tested for every engine). Later ones do too for neato, sfdp, circo and
/// twopi (the C generators are reset before each layout), but Graphviz 2.42's dot and fdp
/// keep state in file-level variables from one layout to the next (dot's network simplex, for
/// one, resumes its search where the last layout left it), so a later dot or fdp layout of the
/// same DOT can differ from the first — equally valid, and the same from run to run of the
/// same program. `tnet render` lays out once per process.
public final class GraphvizRenderer: Sendable {
    /// The process-wide renderer.
    public static let shared = GraphvizRenderer()

    private struct State: @unchecked Sendable {
        var context: OpaquePointer?
        var engines: [String] = []
        var formats: [String] = []
    }
    private let state = Mutex(State())
    /// Callers waiting at the gate for real work; a warm-up step never starts while one waits.
    private let waiting = Atomic<Int>(0)
    /// Set once a warm-up has been asked for, and when it must stop (the process is exiting).
    private let warmUpStarted = Atomic<Bool>(false)
    private let warmUpCancelled = Atomic<Bool>(false)
    private let warmUpStepRunning = Atomic<Bool>(false)

    private init() {}

    /// The layout engines every Graphviz build with its layout plugins has.
    public static let standardEngines = ["dot", "neato", "fdp", "sfdp", "circo", "twopi"]

    /// Output formats tnet asks for; others that the installed plugins offer also work.
    public static let commonFormats = ["svg", "png", "pdf", "dot", "json", "plain"]

    /// Layout engines available (e.g. `dot`, `neato`, `fdp`, `sfdp`, `circo`, `twopi`).
    public var engines: [String] { state.withLock { s in Self.open(&s); return s.engines } }

    /// Render formats available.
    public var formats: [String] { state.withLock { s in Self.open(&s); return s.formats } }

    private static func open(_ s: inout State) {
        guard s.context == nil else { return }
        _ = agseterrf(messageSink)
        _ = agseterr(AGWARN)
        s.context = gvContext()
        s.engines = pluginNames(s.context, "layout")
        s.formats = Array(Set(pluginNames(s.context, "device") + pluginNames(s.context, "render"))).sorted()
    }

    /// Names of a plugin kind, without the `:package` suffix; the list is freed here.
    private static func pluginNames(_ gvc: OpaquePointer?, _ kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        var names: [String] = []
        for i in 0 ..< Int(count) {
            if let p = list[i] {
                let name = String(cString: p)
                names.append(String(name.split(separator: ":").first ?? Substring(name)))
                free(p)
            }
        }
        free(list)
        return Array(Set(names)).sorted()
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    /// - Returns: the rendered bytes (binary for png and pdf).
    /// - Throws: ``GraphvizError`` with Graphviz's message for a syntax error, an unknown
    ///   engine or format, or a failed layout.
    public func render(dot: String, engine: String = "dot", format: String = "svg") throws -> [UInt8] {
        try renderReporting(dot: dot, engine: engine, format: format).bytes
    }

    /// Like ``render(dot:engine:format:)``, with the warnings Graphviz gave on the way.
    public func renderReporting(dot: String, engine: String = "dot", format: String = "svg") throws -> RenderOutput {
        waiting.add(1, ordering: .sequentiallyConsistent)
        defer { waiting.subtract(1, ordering: .sequentiallyConsistent) }
        return try state.withLock { s throws(GraphvizError) -> RenderOutput in
            warmUpCancelled.store(true, ordering: .sequentiallyConsistent)  // real work has begun
            Self.open(&s)
            guard let gvc = s.context else { throw GraphvizError(message: "Graphviz could not be initialised") }
            // Validate names first: an unknown engine leaks inside libgvc on every attempt.
            guard s.engines.contains(engine) else {
                throw GraphvizError(message: "unknown layout engine \"\(engine)\"; available: \(s.engines.joined(separator: ", "))")
            }
            let renderFormat = format.split(separator: ":").first.map(String.init) ?? format
            guard s.formats.contains(renderFormat) || renderFormat == "dot" || renderFormat == "plain" || renderFormat == "json" else {
                throw GraphvizError(message: "unknown output format \"\(format)\"; available: \(s.formats.joined(separator: ", "))")
            }
            capturedMessages.withLock { $0 = "" }
            let graph = agmemread(dot)
            // The lexer keeps state after a parse (a second graph, trailing junk): drain it.
            while let leftover = agmemread("") { agclose(leftover) }
            guard let graph else {
                throw GraphvizError(message: "DOT syntax error: " + Self.takeMessages(default: "cannot parse the graph"))
            }
            defer { agclose(graph) }
            Self.resetRandomState()
            guard gvLayout(gvc, graph, engine) == 0 else {
                throw GraphvizError(message: "layout failed: " + Self.takeMessages(default: "engine \(engine)"))
            }
            defer { gvFreeLayout(gvc, graph) }
            var buffer: UnsafeMutablePointer<CChar>? = nil
            var length: UInt32 = 0
            guard gvRenderData(gvc, graph, format, &buffer, &length) == 0, let buffer else {
                throw GraphvizError(message: "rendering failed: " + Self.takeMessages(default: "format \(format)"))
            }
            defer { gvFreeRenderData(buffer) }
            // png and pdf contain NUL bytes: copy by length, never as a C string.
            let bytes = buffer.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                Array(UnsafeBufferPointer(start: $0, count: Int(length)))
            }
            let warnings = capturedMessages.withLock { m -> [String] in
                let lines = m.split(separator: "\n").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
                m = ""
                return lines.map { $0.hasPrefix("Warning: ") ? String($0.dropFirst(9)) : $0 }
            }
            return RenderOutput(bytes: bytes, warnings: warnings)
        }
    }

    /// Parses `dot` behind the gate and hands the graph to `body`; the graph is closed after.
    func withGraph<T>(dot: String, _ body: (UnsafeMutablePointer<Agraph_t>) throws -> T) throws -> T {
        waiting.add(1, ordering: .sequentiallyConsistent)
        defer { waiting.subtract(1, ordering: .sequentiallyConsistent) }
        return try state.withLock { s throws -> T in
            warmUpCancelled.store(true, ordering: .sequentiallyConsistent)  // real work has begun
            Self.open(&s)
            capturedMessages.withLock { $0 = "" }
            let graph = agmemread(dot)
            while let leftover = agmemread("") { agclose(leftover) }
            guard let graph else {
                throw GraphvizError(message: "DOT syntax error: " + Self.takeMessages(default: "cannot parse the graph"))
            }
            defer { agclose(graph) }
            return try body(graph)
        }
    }

    // MARK: Warm-up

    /// Starts Graphviz on another thread: the context (which loads the text layout plugin), the
    /// layout plugins of `engines`, the renderer of `format`, and the faces of `fontname` that
    /// tnet's diagrams use, by measuring a word in each. A command that renders calls this
    /// first, so that what Graphviz loads before its first layout (about 8 ms here, much more
    /// with a cold font cache) overlaps with parsing arguments and reading the dataset.
    ///
    /// No layout runs: Graphviz 2.42's dot and fdp keep state from one layout to the next (see
    /// ``renderReporting(dot:engine:format:)``), and a command's one layout must be the first
    /// of its process to give the Graphviz command's bytes. Each step holds the renderer's one
    /// gate like any other call; no step starts while a real call waits there, nor after one
    /// has begun (what is left then loads as usual). Calling it again does nothing. A command
    /// calls ``finishWarmUp()`` before it returns; exit() does too, through `atexit`.
    public func warmUpInBackground(engines: [String] = ["dot", "sfdp"], format: String = "svg",
                                   fonts: [(name: String, size: Double, bold: Bool)] = [("Helvetica", 10, false), ("Helvetica", 10, true), ("Helvetica", 8, false)]) {
        guard !warmUpStarted.exchange(true, ordering: .sequentiallyConsistent) else { return }
        // Before any step runs, for the exits that do not return through the command (an error
        // ending the process): the step in progress is finished and no further one starts. The
        // libraries loaded before this point are torn down after it.
        atexit { GraphvizRenderer.shared.finishWarmUp() }
        DispatchQueue.global(qos: .userInitiated).async {
            self.step { _, _ in }  // the context: plugin configuration and the text layout plugin
            for font in fonts { self.step { gvc, _ in Self.measure(gvc, font: font) } }
            self.step { gvc, s in
                // Only names the plugins offer: an unknown one leaks inside libgvc.
                for engine in engines where s.engines.contains(engine) { _ = gvplugin_load(gvc, API_layout, engine) }
                if s.formats.contains(format) {
                    _ = gvplugin_load(gvc, API_render, format)
                    _ = gvplugin_load(gvc, API_device, format)
                }
            }
        }
    }

    /// Lets a warm-up step in progress finish (waiting up to a second) and stops the rest. It
    /// does not take the gate: exit() may be called by a thread that holds it.
    public func finishWarmUp() {
        warmUpCancelled.store(true, ordering: .sequentiallyConsistent)
        var waited = 0
        while warmUpStepRunning.load(ordering: .sequentiallyConsistent) && waited < 2000 {
            usleep(500)
            waited += 1
        }
    }

    /// Runs one warm-up step behind the gate unless a real call is waiting or has begun, or the
    /// warm-up was stopped. "Running" is announced before "stopped" is read, and
    /// ``finishWarmUp()`` does the reverse, so one of the two always sees the other.
    private func step(_ body: (OpaquePointer, State) -> Void) {
        guard waiting.load(ordering: .sequentiallyConsistent) == 0, !warmUpCancelled.load(ordering: .sequentiallyConsistent) else { return }
        state.withLock { s in
            warmUpStepRunning.store(true, ordering: .sequentiallyConsistent)
            defer { warmUpStepRunning.store(false, ordering: .sequentiallyConsistent) }
            guard !warmUpCancelled.load(ordering: .sequentiallyConsistent), waiting.load(ordering: .sequentiallyConsistent) == 0 else { return }
            Self.open(&s)
            if let gvc = s.context { body(gvc, s) }
            capturedMessages.withLock { $0 = "" }
        }
    }

    /// Font names handed to the text layout plugin: it keeps a pointer to the last one it was
    /// given and compares the next against it, so they must outlive every later call (a few
    /// bytes, kept for the process). Touched only behind the gate.
    nonisolated(unsafe) private static var keptFontNames: [String: UnsafeMutablePointer<CChar>] = [:]

    /// Measures a word in `font` as a label would be (Graphviz's `textspan_size`), which makes the
    /// text layout plugin open the face; the layout object it leaves on the span is freed.
    private static func measure(_ gvc: OpaquePointer, font: (name: String, size: Double, bold: Bool)) {
        let name: UnsafeMutablePointer<CChar>
        if let kept = keptFontNames[font.name] { name = kept } else {
            guard let copy = strdup(font.name) else { return }
            keptFontNames[font.name] = copy
            name = copy
        }
        var face = textfont_t()
        face.name = name
        face.size = font.size
        face.flags = font.bold ? UInt32(HTML_BF) : 0
        guard let text = strdup("Mekong") else { return }
        defer { free(text) }
        withUnsafeMutablePointer(to: &face) { facePointer in
            var span = textspan_t()
            span.str = text
            span.font = facePointer
            span.just = CChar(UInt8(ascii: "n"))
            _ = textspan_size(gvc, &span)
            if let release = span.free_layout, let layout = span.layout { release(layout) }
        }
    }

    /// Puts the C library's generators (`rand`, `drand48`) back as a new process finds them,
    /// before each layout: Graphviz seeds only some of its draws (sfdp's second layout of the
    /// same graph in one process differed without this). The Graphviz command runs one layout
    /// per process, so this is what makes a later layout here give its bytes.
    private static func resetRandomState() {
        srand(1)  // glibc's rand() and random() start as if seeded with 1
        var state: [UInt16] = [0, 0, 0]  // and drand48's state starts at zero
        _ = seed48(&state)
    }

    /// Warnings Graphviz printed during the last call (unknown attributes and the like).
    public func lastWarnings() -> [String] {
        capturedMessages.withLock { $0 }.split(separator: "\n").map(String.init)
    }

    private static func takeMessages(default fallback: String) -> String {
        let text = capturedMessages.withLock { m -> String in let t = m; m = ""; return t }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
        // One line: a tnet error is one line.
        return lines.isEmpty ? fallback : lines.joined(separator: "; ")
    }
}

private extension Substring {
    func trimmingCharacters() -> String {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
