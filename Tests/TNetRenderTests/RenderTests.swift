import Foundation
import Testing
import TNetModel
import TNetIO
@testable import TNetRender
import TNetGraphviz

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

@Suite(.serialized) struct RenderTests {
    /// The SVG has one `<g class="node">` per entity of the bundled dataset.
    @Test func bundledDatasetRendersEveryEntity() throws {
        let (d, _) = try DatasetFormat.read(path: packageRoot.appendingPathComponent("datasets/mekong-2023.json").path)
        let svg = String(decoding: try GraphvizRenderer.shared.render(dot: DOTWriter.write(d), engine: "dot", format: "svg"), as: UTF8.self)
        let nodes = svg.components(separatedBy: "class=\"node\"").count - 1
        #expect(nodes == d.entities.count)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("Compound Shan&#45;1"))
    }

    /// Hostile names survive: Graphviz parses the DOT, and the label in its own DOT output is
    /// the escaped original.
    @Test func hostileLabelsAreEscaped() throws {
        let names = ["a\" -> b [label=\"x", "back\\slash \\N", "line\nbreak", "<script>alert(1)</script>", "{;}"]
        let d = Dataset(entities: names.enumerated().map { Entity(id: "e\($0.offset)", kind: .person, name: $0.element) },
                        links: [Link(source: "e0", target: "e1", kind: .employs)])
        let dot = DOTWriter.write(d)
        let svg = String(decoding: try GraphvizRenderer.shared.render(dot: dot, engine: "dot", format: "svg"), as: UTF8.self)
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == names.count)
        #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 1)  // no injected edge
        #expect(!svg.contains("<script>"))
        #expect(svg.contains("&lt;script&gt;"))
        #expect(svg.contains("back\\slash \\N"))   // escapes stay literal
    }

    @Test func errorsAreReportedNotPrinted() {
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.shared.render(dot: "graph { a -- }", engine: "dot", format: "svg") }
        // the lexer is drained: the next call works
        #expect((try? GraphvizRenderer.shared.render(dot: "graph \"g\" { a -- b }", engine: "dot", format: "svg")) != nil)
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.shared.render(dot: "graph { a }", engine: "nonesuch", format: "svg") }
        #expect(throws: GraphvizError.self) { try GraphvizRenderer.shared.render(dot: "graph { a }", engine: "dot", format: "nonesuch") }
    }

    @Test func binaryFormats() throws {
        let png = try GraphvizRenderer.shared.render(dot: "digraph \"g\" { a -> b }", engine: "dot", format: "png")
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = try GraphvizRenderer.shared.render(dot: "digraph \"g\" { a -> b }", engine: "dot", format: "pdf")
        #expect(String(decoding: pdf.prefix(5), as: UTF8.self) == "%PDF-")
    }

    @Test func dotOutputIsDeterministic() throws {
        let (d, _) = try DatasetFormat.read(path: packageRoot.appendingPathComponent("datasets/mekong-2023.json").path)
        #expect(DOTWriter.write(d) == DOTWriter.write(d))
        var c = DiagramOptions()
        c.clustering = .byCountry(d)
        #expect(DOTWriter.write(d, options: c) == DOTWriter.write(d, options: c))
        let a = try GraphvizRenderer.shared.render(dot: DOTWriter.write(d), engine: "dot", format: "svg")
        let b = try GraphvizRenderer.shared.render(dot: DOTWriter.write(d), engine: "dot", format: "svg")
        #expect(a == b)
    }

    /// neato, sfdp, circo and twopi give the bytes the Graphviz command gives for the same DOT
    /// however many layouts this process ran before, of whatever graph and engine (sfdp did not
    /// before the C generators were reset per layout: its second layout of a graph differed).
    /// Graphviz 2.42's dot and fdp keep internal state between layouts, which tnet cannot reset
    /// (GraphvizRenderer's documentation); the CLI test `renderGivesTheGraphvizCommandsBytes`
    /// checks a command's one layout for every engine.
    @Test(arguments: ["neato", "sfdp", "circo", "twopi"])
    func laterLayoutsGiveTheGraphvizCommandsBytes(engine: String) throws {
        var options = DiagramOptions()
        options.engine = engine
        let dot = DOTWriter.write(SyntheticNetwork(nodes: 60, seed: 5).generate(), options: options)
        let another = DOTWriter.write(SyntheticNetwork(nodes: 40, seed: 9).generate(), options: options)
        for other in ["dot", "neato", "fdp", "sfdp", "circo", "twopi"] {
            _ = try GraphvizRenderer.shared.render(dot: another, engine: other, format: "svg")
            _ = try GraphvizRenderer.shared.render(dot: dot, engine: other, format: "svg")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-later-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try dot.write(to: dir.appendingPathComponent("g.dot"), atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [engine, "-Tsvg", dir.appendingPathComponent("g.dot").path, "-o", dir.appendingPathComponent("g.svg").path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        let command = try Data(contentsOf: dir.appendingPathComponent("g.svg"))
        #expect(try GraphvizRenderer.shared.render(dot: dot, engine: engine, format: "svg") == Array(command))
    }
}
