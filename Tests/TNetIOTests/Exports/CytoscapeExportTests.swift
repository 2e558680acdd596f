import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// `tnet export --to cytoscape`: Cytoscape.js elements JSON, decoded back.
@Suite struct CytoscapeExportTests {
    static func dataset() -> Dataset {
        Dataset(entities: [
            Entity(id: "s", kind: "syndicate", name: "Syndicate \"A\"\n\u{1}", confidence: Confidence("B2"), sources: ["s1"],
                   period: Period(from: PartialDate("2021")), attributes: ["id": .string("clash"), "ledger": .object(["usd": .int(5)])]),
            Entity(id: "p", kind: "person", role: .victim),
        ], links: [
            Link(source: "s", target: "p", kind: "controls", weight: 3, sources: ["s1"]),
            Link(source: "s", target: "p", kind: "colludes_with"),
        ], sources: [Source(id: "s1", title: "Report", url: "https://example.org/r")], title: "Case")
    }

    @Test func elementsDecodeWithUniqueIDsAndKnownEndpoints() throws {
        let out = CytoscapeExport.encode(Self.dataset(), redacted: true)
        #expect(out.nodes == 2 && out.edges == 2)
        let doc = try #require(JSONSerialization.jsonObject(with: Data(out.bytes)) as? [String: Any])
        let data = try #require(doc["data"] as? [String: Any])
        #expect(data["name"] as? String == "Case" && data["redacted"] as? Bool == true)
        #expect((data["sources"] as? [[String: Any]])?.first?["url"] as? String == "https://example.org/r")
        let elements = try #require(doc["elements"] as? [String: Any])
        let nodes = try #require(elements["nodes"] as? [[String: Any]]).map { try #require($0["data"] as? [String: Any]) }
        let edges = try #require(elements["edges"] as? [[String: Any]]).map { try #require($0["data"] as? [String: Any]) }
        #expect(nodes.map { $0["id"] as? String } == ["s", "p"])
        #expect(nodes[0]["label"] as? String == "Syndicate \"A\"\n\u{1}" && nodes[0]["name"] as? String == nodes[0]["label"] as? String)
        #expect(nodes[0]["attr_id"] as? String == "clash" && (nodes[0]["ledger"] as? [String: Any])?["usd"] as? Int == 5)
        #expect(nodes[0]["sources"] as? [String] == ["s1"] && nodes[0]["confidence"] as? String == "B2" && nodes[0]["period_start"] as? String == "2021")
        #expect(nodes[1]["protected"] as? Bool == true && nodes[1]["label"] as? String == "p" && nodes[1]["role"] as? String == "victim")
        let ids = nodes.map { $0["id"] as! String } + edges.map { $0["id"] as! String }
        #expect(Set(ids).count == ids.count)
        for e in edges { #expect(Set(nodes.map { $0["id"] as! String }).isSuperset(of: [e["source"] as! String, e["target"] as! String])) }
        #expect(edges.map { $0["directed"] as? Bool } == [true, false])
        #expect(edges[0]["weight"] as? Double == 3 && edges[1]["weight"] == nil)
        #expect(edges[0]["interaction"] as? String == "controls" && edges[0]["sources"] as? [String] == ["s1"])
        #expect(out.warnings == [
            "Cytoscape.js: entity attribute \"id\" written as \"attr_id\" (a built-in column has the name, or the format cannot hold it)",
            "Cytoscape.js: attributes holding objects kept as JSON objects, which Cytoscape desktop's tables cannot hold (at entity s)",
            "Cytoscape.js: Cytoscape.js edges have no direction of their own: 1 undirected link carries directed=false in their data (draw them without arrows with the selector edge[!directed])",
        ])
    }

    /// Written to a file a piece at a time: the file is encode's, byte for byte, and the
    /// warnings the same.
    @Test func writesTheEncodedBytes() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-cy-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let out = try CytoscapeExport.write(Self.dataset(), to: path, redacted: true)
        let encoded = CytoscapeExport.encode(Self.dataset(), redacted: true)
        #expect(out.bytes.isEmpty && out.warnings == encoded.warnings && out.nodes == encoded.nodes && out.edges == encoded.edges)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == encoded.bytes)
    }
}
