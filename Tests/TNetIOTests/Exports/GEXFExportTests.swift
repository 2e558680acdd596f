import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TNetModel
@testable import TNetIO

/// `tnet export --to gexf`: well-formed XML that an XML parser reads back to the same texts,
/// typed attribute declarations, direction per link, intervals for Gephi's timeline.
@Suite struct GEXFExportTests {
    /// Every element of `bytes` with its attributes, in document order, and the parse error.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String])] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append((name, attributes))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func parse(_ bytes: [UInt8]) throws -> Collector {
        let c = Collector()
        let p = XMLParser(data: Data(bytes))
        p.delegate = c
        #expect(p.parse(), "\(String(describing: p.parserError))")
        return c
    }

    static let awkward = "Syndicate <&\"'> \u{1}bell\u{7} Cafe\u{301} 国\n\ttab"

    static func dataset() -> Dataset {
        Dataset(entities: [
            Entity(id: "s<&>", kind: "syndicate", name: awkward, confidence: Confidence("B2"), sources: ["s1", "s2"],
                   period: Period(from: PartialDate("2021-03")), attributes: ["beds": .int(300), "rate": .double(0.5), "open": .bool(true),
                                                                         "kind": .string("clash"), "tags": .list([.string("a")])]),
            Entity(id: "c1", kind: "compound", period: Period(to: PartialDate("2024-02-29"))),
            Entity(id: "police", kind: "agency"),
        ], links: [
            Link(source: "s<&>", target: "c1", kind: "operates", weight: 2.5, confidence: Confidence("C3"), sources: ["s1"],
                 period: Period(from: PartialDate("2022"), to: PartialDate("2023-05"))),
            Link(source: "police", target: "s<&>", kind: "cooperates_with", agreement: "mou"),
        ], sources: [Source(id: "s1"), Source(id: "s2")], title: "T <1>")
    }

    @Test func declaresTypedAttributesAndWritesTexts() throws {
        let out = GEXFExport.encode(Self.dataset())
        #expect(out.nodes == 3 && out.edges == 2)
        let c = try Self.parse(out.bytes)
        let gexf = try #require(c.elements.first)
        #expect(gexf.name == "gexf" && gexf.attributes["xmlns"] == GEXFExport.namespace && gexf.attributes["version"] == "1.3")
        let graph = try #require(c.elements.first { $0.name == "graph" })
        #expect(graph.attributes == ["defaultedgetype": "directed", "mode": "dynamic", "timeformat": "date"])
        let declared = c.elements.filter { $0.name == "attribute" }.map { "\($0.attributes["id"]!)=\($0.attributes["title"]!):\($0.attributes["type"]!)" }
        #expect(declared == ["n0=kind:string", "n1=role:string", "n2=country:string", "n3=protected:boolean", "n4=confidence:string",
                             "n5=confidence_value:double", "n6=sources:string", "n7=period_start:string", "n8=period_end:string",
                             "n9=beds:long", "n10=rate:double", "n11=open:boolean", "n12=attr_kind:string", "n13=tags:string",
                             "l0=kind:string", "l1=directed:boolean", "l2=agreement:string", "l3=confidence:string", "l4=confidence_value:double",
                             "l5=sources:string", "l6=period_start:string", "l7=period_end:string"])
        let nodes = c.elements.filter { $0.name == "node" }
        // The control characters become U+FFFD; everything else comes back exactly (decomposed é too).
        let expected = String(String.UnicodeScalarView(Self.awkward.unicodeScalars.map { $0 == "\u{1}" || $0 == "\u{7}" ? "\u{FFFD}" : $0 }))
        #expect(nodes[0].attributes["label"] == expected && nodes[0].attributes["id"] == "s<&>")
        #expect(nodes[0].attributes["start"] == "2021-03-01" && nodes[0].attributes["end"] == nil)
        #expect(nodes[1].attributes["start"] == nil && nodes[1].attributes["end"] == "2024-02-29")
        #expect(nodes[2].attributes["label"] == "police" && nodes[2].attributes["start"] == nil)
        let edges = c.elements.filter { $0.name == "edge" }
        #expect(edges.map { $0.attributes["type"] } == ["directed", "undirected"])
        #expect(edges.map { $0.attributes["kind"] } == ["operates", "cooperates_with"] && edges.map { $0.attributes["label"] } == ["operates", "cooperates_with"])
        #expect(edges[0].attributes["weight"] == "2.5" && edges[0].attributes["start"] == "2022-01-01" && edges[0].attributes["end"] == "2023-05-31")
        #expect(edges[1].attributes["source"] == "police" && edges[1].attributes["target"] == "s<&>" && edges[1].attributes["weight"] == nil)
        let values = c.elements.filter { $0.name == "attvalue" }.map { "\($0.attributes["for"]!)=\($0.attributes["value"]!)" }
        #expect(values.prefix(12) == ["n0=syndicate", "n3=false", "n4=B2", "n5=\(JSONWriter.format(0.8 * 0.8))", "n6=s1;s2", "n7=2021-03",
                                      "n9=300", "n10=0.5", "n11=true", "n12=clash", "n13=[\"a\"]", "n0=compound"])
        #expect(values.contains("l2=mou") && values.contains("l1=false") && values.contains("l7=2023-05"))
        #expect(c.text.contains("T <1>"))
        #expect(out.warnings == [
            "GEXF: entity attribute \"kind\" written as \"attr_kind\" (a built-in column has the name, or the format cannot hold it)",
            "GEXF: attribute \"tags\" holds lists, objects, nulls or mixed types: written as JSON text in a string column",
            "GEXF: 1 undirected link among directed ones: a mixed graph, each edge with its own type, which Gephi reads and NetworkX's read_gexf refuses (the edge attribute directed keeps each link's direction)",
            "GEXF: the dataset's 2 sources (titles, publishers, dates, URLs) have no place in GEXF: only their ids are written, in each entity's and link's sources",
            "GEXF: characters XML 1.0 cannot hold (control characters) replaced by U+FFFD (at entity s<&>)",
            "GEXF: 3 partial dates (a year or a month) written as the whole days they span (a start as the first day, an end as the last); period_start and period_end keep them as written (first: entity s<&>)",
        ])
    }

    /// All links undirected: an undirected graph, no per-edge type; no period: static, no timeformat.
    @Test func undirectedStaticGraph() throws {
        let d = Dataset(entities: [Entity(id: "a", kind: "agency"), Entity(id: "b", kind: "agency")],
                        links: [Link(source: "a", target: "b", kind: "cooperates_with")])
        let out = GEXFExport.encode(d)
        let c = try Self.parse(out.bytes)
        #expect(c.elements.first { $0.name == "graph" }?.attributes == ["defaultedgetype": "undirected", "mode": "static"])
        #expect(c.elements.first { $0.name == "edge" }?.attributes["type"] == nil)
        #expect(out.warnings.isEmpty)
        // An undirected link stated either way round is the same pair: Gephi would merge the two.
        let twice = Dataset(entities: d.entities, links: [Link(source: "a", target: "b", kind: "cooperates_with"),
                                                          Link(source: "b", target: "a", kind: "cooperates_with"),
                                                          Link(source: "b", target: "a", kind: "colludes_with")])
        #expect(GEXFExport.encode(twice).warnings == [
            "GEXF: 2 links share their pair of entities and their kind with another: Gephi merges such edges on import unless its import dialog's edges merge strategy is \"Don't merge\"",
        ])
    }

    @Test func writesAtomicallyAndRefusesAFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-gexf-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = try GEXFExport.write(Self.dataset(), to: dir + "/x.gexf")
        // Streamed to the file: its bytes are encode's.
        #expect(out.bytes.isEmpty && out.nodes == Self.dataset().entities.count)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/x.gexf")) == Data(GEXFExport.encode(Self.dataset()).bytes))
        #expect(throws: ReadError.self) { try GEXFExport.write(Self.dataset(), to: dir) }
        #expect(throws: ReadError.self) { try GEXFExport.write(Self.dataset(), to: "-") }
    }
}
