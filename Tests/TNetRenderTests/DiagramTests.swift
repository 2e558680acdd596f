import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TNetGraphviz
import TNetIO
import TNetModel
@testable import TNetRender

@Suite(.serialized) struct DiagramTests {
    static func bundled() throws -> Dataset {
        try DatasetFormat.read(path: packageRoot.appendingPathComponent("datasets/mekong-2023.json").path).dataset
    }

    static func svg(_ d: Dataset, _ options: DiagramOptions, engine: String = "dot") throws -> String {
        String(decoding: try GraphvizRenderer.shared.render(dot: DOTWriter.write(d, options: options), engine: engine, format: "svg"), as: UTF8.self)
    }

    static func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    /// The bundled dataset by country: well-formed SVG, one node element per entity, one cluster
    /// per country that has a member, a legend naming exactly the kinds present.
    @Test func bundledByCountry() throws {
        let d = try Self.bundled()
        var options = DiagramOptions()
        options.clustering = .byCountry(d)
        let svg = try Self.svg(d, options)
        let xml = try XMLDocument(data: Data(svg.utf8))
        #expect(xml.rootElement()?.name == "svg")
        #expect(Self.count("class=\"node\"", in: svg) == d.entities.count)
        // Countries with a member (a country entity is a member of its own box).
        let countries = Set(d.entities.compactMap { $0.kind == .country ? $0.id : $0.country })
        #expect(Self.count("class=\"cluster\"", in: svg) == countries.count)
        #expect(svg.contains(">Myanmar</text>") && svg.contains(">Cambodia</text>"))
        for (kind, n) in d.entityCountsByKind() {
            #expect(svg.contains(">\(kind.rawValue) (\(Theme.standard.style(for: kind).shape)): \(n)</text>"))
        }
        #expect(!svg.contains(">platform (") || d.entities.contains { $0.kind == .platform })
    }

    /// Only the kinds present appear in the legend.
    @Test func legendShowsOnlyKindsPresent() throws {
        let d = Dataset(entities: [Entity(id: "s", kind: .syndicate), Entity(id: "c", kind: .compound)],
                        links: [Link(source: "s", target: "c", kind: .operates, confidence: Confidence("C3"))])
        let svg = try Self.svg(d, DiagramOptions())
        #expect(svg.contains(">syndicate (octagon): 1</text>") && svg.contains(">compound (box3d): 1</text>"))
        #expect(!svg.contains("country (") && !svg.contains("official ("))
        #expect(svg.contains("(C, D)") && !svg.contains("(E, F)"))  // only the dashed line style is explained
        var off = DiagramOptions()
        off.legend = false
        #expect(!(try Self.svg(d, off)).contains("Entities"))
    }

    /// Highlighting outlines the chosen entities and dims the others (alpha on their colours).
    @Test func highlightDimsTheRest() {
        let d = Dataset(entities: [Entity(id: "a", kind: .syndicate), Entity(id: "b", kind: .compound), Entity(id: "c", kind: .country)],
                        links: [Link(source: "a", target: "b", kind: .operates), Link(source: "b", target: "c", kind: .locatedIn)])
        var options = DiagramOptions()
        options.highlightedEntities = [0, 1]
        options.theme.dimOpacity = 0.25
        let dot = DOTWriter.write(d, options: options)
        let lines = dot.split(separator: "\n")
        let n0 = lines.first { $0.hasPrefix("  n0 [") }!, n2 = lines.first { $0.hasPrefix("  n2 [") }!
        #expect(n0.contains("penwidth=\"2.5\"") && n0.contains("fillcolor=\"#D55E00\""))
        #expect(n2.contains("fillcolor=\"#56B4E940\""))  // 0.25 × 255 = 63.75 → 64 = 0x40
        #expect(lines.first { $0.hasPrefix("  n0 -> n1") }!.contains("color=\"#555555\""))      // both ends lit
        #expect(lines.first { $0.hasPrefix("  n1 -> n2") }!.contains("color=\"#55555540\""))    // one end dimmed
    }

    /// Sizes scale between the smallest and the largest value; equal values leave sizes alone.
    @Test func sizeByScalesLinearly() {
        let d = Dataset(entities: [Entity(id: "a", kind: .company), Entity(id: "b", kind: .company), Entity(id: "c", kind: .company)])
        var options = DiagramOptions()
        options.sizes = [0, 0.5, 1]
        options.sizeMeasure = "pagerank"
        let dot = DOTWriter.write(d, options: options)
        // width = 0.75 + 1.25 f: f = 0 → 0.75, 0.5 → 1.375, 1 → 2
        #expect(dot.contains("n0 [") && dot.contains("width=\"0.75\"") && dot.contains("width=\"1.375\"") && dot.contains("width=\"2\""))
        options.sizes = [3, 3, 3]
        #expect(!DOTWriter.write(d, options: options).contains(", width="))
    }

    @Test func themeOverridesAndErrors() throws {
        let json = ##"{ "kinds": { "syndicate": { "shape": "box", "fill": "#112233" } }, "links": { "operates": "#445566" }, "graph": { "rankdir": "TB" } }"##
        let theme = try Theme.read(InputFile(name: "t.json", bytes: Array(json.utf8)))
        #expect(theme.style(for: .syndicate) == NodeStyle(shape: "box", fill: "#112233", fontColor: "#FFFFFF"))
        #expect(theme.style(for: .compound) == Theme.standard.style(for: .compound))
        #expect(theme.color(for: .operates) == "#445566")
        #expect(theme.graph.contains { $0 == ("rankdir", "TB") } && theme.graph.filter { $0.name == "rankdir" }.count == 1)
        // Columns counted by hand: "record" opens at the 38th character, "/etc" at the 25th,
        // "red" at the 23rd of line 2, the value 1 at the 11th.
        for (bad, expected) in [(#"{ "kinds": { "syndicate": { "shape": "record" } } }"#, "t.json:1:38: unknown shape \"record\""),
                                (#"{"graph": {"imagepath": "/etc"}}"#, "t.json:1:25: graph attribute \"imagepath\" is not one tnet passes"),
                                ("{\n  \"links\": {\"bribes\": \"red\"}}", "t.json:2:23: colour of \"bribes\" must be a colour #RRGGBB"),
                                (#"{"fonts": 1}"#, "t.json:1:11: unknown theme field \"fonts\"")] {
            do {
                _ = try Theme.read(InputFile(name: "t.json", bytes: Array(bad.utf8)))
                Issue.record("accepted \(bad)")
            } catch let e as ReadError {
                #expect(e.description.hasPrefix(expected), "\(e.description)")
            }
        }
    }

    /// Resident memory does not grow over repeated renders of the bundled dataset (libgvc frees
    /// what it allocates per layout). 150 renders after 20 warm-up ones: growth under 8 MB, where
    /// a leak of the DOT text alone would be 150 × 60 KB = 9 MB and of the SVG 150 × 300 KB.
    @Test func noLeakAcrossRenders() throws {
        let d = try Self.bundled()
        let dot = DOTWriter.write(d)
        func rss() -> Int {
            let statm = (try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8)) ?? "0 0"
            return (Int(statm.split(separator: " ")[1]) ?? 0) * 4096
        }
        for _ in 0 ..< 20 { _ = try GraphvizRenderer.shared.render(dot: dot, engine: "dot", format: "svg") }
        let before = rss()
        try #require(before > 0, "no /proc/self/statm: resident memory cannot be read here")
        for _ in 0 ..< 150 { _ = try GraphvizRenderer.shared.render(dot: dot, engine: "dot", format: "svg") }
        let growth = rss() - before
        #expect(growth < 8 << 20, "RSS grew by \(growth >> 10) KB over 150 renders")
    }
}
