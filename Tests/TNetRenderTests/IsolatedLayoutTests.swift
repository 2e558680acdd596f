import Foundation
import Testing
import TNetGraphviz

@Suite(.serialized) struct IsolatedLayoutTests {
    static func openFiles() -> Int { (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1 }

    /// The child's drawing is the in-process drawing of a graph whose layout does not depend on
    /// memory (dot, no clusters); twenty layouts leave no file descriptor open and no child
    /// behind (each is waited for: one that is not stays a zombie of this process).
    @Test(.enabled(if: IsolatedLayout.isAvailable, "tnet-layout is not built beside the tests")) func drawsAsInProcessAndLeaksNothing() throws {
        let dot = "digraph G { a -> b; b -> c; a -> c [label=\"x & y\"] }"
        let inProcess = try GraphvizRenderer.shared.render(dot: dot, engine: "dot", format: "svg")
        _ = try IsolatedLayout.render(dot: dot, engine: "dot", format: "svg")
        let before = Self.openFiles()
        for _ in 0 ..< 20 { #expect(try IsolatedLayout.render(dot: dot, engine: "dot", format: "svg").bytes == inProcess) }
        // Other suites open files meanwhile: a leak of one descriptor per layout would add 20.
        #expect(Self.openFiles() - before < 20)
        // A layout child not waited for stays a zombie of this process ("Z" in /proc/PID/stat).
        let me = String(getpid())
        let children = (try FileManager.default.contentsOfDirectory(atPath: "/proc")).filter { pid in
            guard Int(pid) != nil, let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  stat.contains("(tnet-layout)") else { return false }
            let fields = stat.split(separator: ")").last?.split(separator: " ") ?? []
            return fields.count > 1 && fields[0] == "Z" && fields[1] == me
        }
        #expect(children.isEmpty, "children left: \(children)")
    }

    /// Graphviz's own error comes back as the child's message, one line; an empty drawing is not
    /// returned as a success.
    @Test(.enabled(if: IsolatedLayout.isAvailable, "tnet-layout is not built beside the tests")) func childErrorsComeBack() throws {
        #expect(throws: LayoutError.self) { try IsolatedLayout.render(dot: "digraph { a -> }", engine: "dot", format: "svg") }
        #expect(throws: LayoutError.self) { try IsolatedLayout.render(dot: "graph { a }", engine: "no-such-engine", format: "svg") }
    }
}
