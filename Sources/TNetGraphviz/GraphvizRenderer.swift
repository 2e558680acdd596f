internal import CGraphviz
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A problem reported by Graphviz, with its own message (never printed raw).
public struct GraphvizError: Error, Sendable, CustomStringConvertible {
    /// What Graphviz or the gate said: a syntax error, an unknown engine or format, a failed
    /// layout.
    public let message: String
    /// The message, as it is.
    public var description: String { message }
}

/// Rendered bytes and the warnings Graphviz gave while producing them.
public struct RenderOutput: Sendable {
    /// The rendered file's bytes (text for svg, dot, json and plain; binary for png and pdf).
    public var bytes: [UInt8]
    /// Graphviz's own warnings (an unknown attribute value, say), one line each.
    public var warnings: [String]
    /// A rendered output.
    /// - Parameters:
    ///   - bytes: the rendered bytes.
    ///   - warnings: Graphviz's warnings, one line each.
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
/// same program. The command-line tool lays out once per process.
public final class GraphvizRenderer: Sendable {
    /// The process-wide renderer.
    public static let shared = GraphvizRenderer()

    private struct State: @unchecked Sendable {
        var context: OpaquePointer?
        var engines: [String] = []
        var formats: [String] = []
    }
    private let state = Mutex(State())
    /// Set once a warm-up has been asked for.
    private let warmUpStarted = Atomic<Bool>(false)

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

    /// Lays out `dot` with `engine` and renders it as `format`, in this process.
    /// - Parameters:
    ///   - dot: the graph in DOT.
    ///   - engine: a layout engine (``engines``).
    ///   - format: an output format (``formats``).
    /// - Returns: the rendered bytes (binary for png and pdf).
    /// - Throws: ``GraphvizError`` with Graphviz's message for a syntax error, an unknown
    ///   engine or format, or a failed layout.
    public func render(dot: String, engine: String = "dot", format: String = "svg") throws -> [UInt8] {
        try renderReporting(dot: dot, engine: engine, format: format).bytes
    }

    /// Like ``render(dot:engine:format:)``, with the warnings Graphviz gave on the way.
    /// - Parameters:
    ///   - dot: the graph in DOT.
    ///   - engine: a layout engine (``engines``).
    ///   - format: an output format (``formats``).
    /// - Returns: the rendered bytes and Graphviz's warnings.
    /// - Throws: ``GraphvizError`` with Graphviz's message for a syntax error, an unknown
    ///   engine or format, or a failed layout.
    public func renderReporting(dot: String, engine: String = "dot", format: String = "svg") throws -> RenderOutput {
        try state.withLock { s throws(GraphvizError) -> RenderOutput in
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
        try state.withLock { s throws -> T in
            Self.open(&s)
            capturedMessages.withLock { $0 = "" }
            let graph = agmemread(dot)
            while let leftover = agmemread("") { agclose(leftover) }
            guard let graph else {
                throw GraphvizError(message: "DOT syntax error: " + Self.takeMessages(default: "cannot parse the graph"))
            }
            defer { agclose(graph) }
            // cgraph may stop part-way (its parser's "memory exhausted" past some 10,000 nested
            // braces, a syntax error after the first graph) and still return what it had read:
            // an error message means the graph is incomplete, and that is an error here.
            if Self.parseFailed {
                throw GraphvizError(message: "DOT cannot be read in full: " + Self.takeMessages(default: "cgraph stopped"))
            }
            return try body(graph)
        }
    }

    // MARK: Warm-up

    /// Loads, on other threads, the shared libraries Graphviz loads before its first layout:
    /// its text layout plugin (with pango, cairo, HarfBuzz, FreeType and fontconfig: some thirty
    /// libraries to map and relocate), its layout and core plugins, and fontconfig's
    /// configuration and font cache. A command that renders calls this first, so that this
    /// overlaps with parsing arguments and reading the dataset; Graphviz then finds them loaded.
    ///
    /// No Graphviz function runs here, so nothing of Graphviz's is allocated on another thread.
    /// That matters: Graphviz 2.42 orders some things by memory address (clusters in dot, for
    /// one; upstream issues 1767 and 1789), and a first version that opened Graphviz's context
    /// and loaded its plugins on a second thread made a clustered dot drawing differ from run to
    /// run. Loading a library twice loads it once; one that is missing is skipped (Graphviz then
    /// reports what it reports). Calling this again does nothing.
    public func warmUpInBackground() {
        guard !warmUpStarted.exchange(true, ordering: .sequentiallyConsistent) else { return }
        // One thread, plugins first: Graphviz's context needs them as soon as the dataset is
        // read, fontconfig only at the first label. fontconfig is thread-safe; pango would start
        // the same initialisation on a thread of its own.
        DispatchQueue.global(qos: .userInitiated).async {
            if let folder = Self.pluginFolder() {
                for plugin in ["libgvplugin_pango.so.6", "libgvplugin_dot_layout.so.6", "libgvplugin_neato_layout.so.6", "libgvplugin_core.so.6"] {
                    _ = dlopen(folder + "/" + plugin, RTLD_LAZY | RTLD_GLOBAL)  // kept: Graphviz keeps them too
                }
            }
            guard let fontconfig = dlopen("libfontconfig.so.1", RTLD_LAZY), let initialise = dlsym(fontconfig, "FcInit") else { return }
            _ = unsafeBitCast(initialise, to: (@convention(c) () -> Int32).self)()
        }
    }

    /// Where Graphviz looks for its plugins: `graphviz/` beside the libgvc this process mapped
    /// (read from `/proc/self/maps`).
    private static func pluginFolder() -> String? {
        guard let maps = fopen("/proc/self/maps", "r") else { return nil }
        defer { fclose(maps) }
        var line: UnsafeMutablePointer<CChar>? = nil
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, maps) > 0, let line {
            let text = String(cString: line)
            guard let start = text.firstIndex(of: "/"), text.contains("/libgvc.so") else { continue }
            let path = text[start...].prefix { $0 != "\n" }
            guard let slash = path.lastIndex(of: "/") else { return nil }
            return String(path[..<slash]) + "/graphviz"
        }
        return nil
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
    /// - Returns: one line each, in the order printed.
    public func lastWarnings() -> [String] {
        capturedMessages.withLock { $0 }.split(separator: "\n").map(String.init)
    }

    /// Whether cgraph reported an error (not a warning) since the messages were last cleared.
    private static var parseFailed: Bool {
        capturedMessages.withLock { m in
            m.split(separator: "\n").contains { line in
                let t = line.trimmingCharacters()
                return t.hasPrefix("Error") || t.contains("syntax error") || t.contains("memory exhausted")
            }
        }
    }

    private static func takeMessages(default fallback: String) -> String {
        let text = capturedMessages.withLock { m -> String in let t = m; m = ""; return t }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
            .map { $0.hasPrefix("Error: ") ? String($0.dropFirst(7)) : $0 }
        // One line: a tnet error is one line.
        return lines.isEmpty ? fallback : lines.joined(separator: "; ")
    }

    /// The drawing format a path's extension names (svg, png, pdf, dot or gv, json, plain);
    /// standard output (`-`) is SVG.
    /// - Parameter path: the output path.
    /// - Returns: the format, nil when the extension names none.
    public static func format(forPath path: String) -> String? {
        guard path != "-" else { return "svg" }
        guard let dot = path.lastIndex(of: ".") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        return ext == "gv" ? "dot" : commonFormats.contains(ext) ? ext : nil
    }

}

private extension Substring {
    func trimmingCharacters() -> String {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }}
