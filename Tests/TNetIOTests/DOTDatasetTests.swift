import Foundation
import Testing
import TNetModel
@testable import TNetIO

@Suite(.serialized) struct DOTDatasetTests {
    private func read(_ dot: String) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        try DOTDatasetReader.read(InputFile(name: "t.dot", bytes: Array(dot.utf8)))
    }

    /// A hand-written DOT file: fields by name, label as name, other attributes as text, a
    /// node that only appears in an edge, an edge statement chain (a -> b -> c is two edges).
    @Test func readsHandWrittenDOT() throws {
        let (d, issues) = try read("""
        digraph "case" {
          graph [title="Small case"];
          a [label="Syndicate \\"A\\"", kind=syndicate, confidence=B2, sources="s1;s2", from=2021, beds=400];
          b [kind=compound];
          a -> b [kind=operates, weight=2.5, note="x, y"];
          b -> c -> a;
        }
        """)
        #expect(issues.isEmpty)
        #expect(d.title == "Small case" && d.directed == true)
        #expect(d.entities.map(\.id) == ["a", "b", "c"])
        let a = try #require(d[id: "a"])
        #expect(a.name == "Syndicate \"A\"" && a.kind == .syndicate && a.confidence?.description == "B2")
        #expect(a.sources == ["s1", "s2"] && a.period?.from == PartialDate("2021"))
        #expect(a.attributes["beds"] == .string("400"))  // DOT has no types
        #expect(d[id: "c"]?.kind == .node)
        #expect(d.links.count == 3)
        #expect(d.links[0].kind == .operates && d.links[0].weight == 2.5 && d.links[0].attributes["note"] == .string("x, y"))
        #expect(d.links[1...].map { "\($0.source)>\($0.target)" } == ["b>c", "c>a"])
    }

    /// cgraph reads `\"` as a quote and keeps `\\` as two characters: a backslash before a
    /// quote or at the end cannot be written exactly, and is doubled (documented on
    /// DOTDatasetWriter.quote). tnet's own JSON payloads (sources) avoid the case and come back
    /// exactly.
    @Test func backslashesAndQuotes() throws {
        let d = Dataset(entities: [Entity(id: "a", kind: .node, name: #"say \"hi\""#), Entity(id: "b", kind: .node, name: #"ends \"#),
                                   Entity(id: "c", kind: .node, name: #"a \ b "q" \n"#)],
                        sources: [Source(id: "s", title: #"The "Pig Butchering" alert \ part \"#)])
        let (back, issues) = try read(String(decoding: DOTDatasetWriter.write(d), as: UTF8.self))
        #expect(issues.isEmpty)
        #expect(back.sources.first?.title == d.sources[0].title)
        #expect(back.entities.map(\.name) == [#"say \\"hi\\""#, #"ends \\"#, #"a \ b "q" \n"#])
    }

    /// Attributes named like fields (or like cgraph's own label, key, dir) come back as
    /// attributes and never overwrite the fields; a dataset directed "by kind" stays so.
    @Test func attributesNamedLikeFields() throws {
        var e = Entity(id: "a", kind: .syndicate, name: "A")
        e.attributes["name"] = .string("alias")
        e.attributes["label"] = .string("L")
        e.attributes["kind"] = .string("k")
        var l = Link(source: "a", target: "b", kind: .cooperatesWith, agreement: "mou")
        l.attributes["key"] = .string("k1")
        l.attributes["weight"] = .string("heavy")
        let d = Dataset(entities: [e, Entity(id: "b", kind: .agency)],
                        links: [l, Link(source: "a", target: "b", kind: .operates)])
        let (back, issues) = try read(String(decoding: DOTDatasetWriter.write(d), as: UTF8.self))
        #expect(issues.isEmpty)
        #expect(back.directed == nil)
        #expect(back.entities[0].name == "A" && back.entities[0].kind == .syndicate)
        #expect(back.entities[0].attributes["name"] == .string("alias") && back.entities[0].attributes["label"] == .string("L"))
        #expect(back.entities[0].attributes["kind"] == .string("k"))
        #expect(back.links.count == 2 && back.links[0].weight == nil && back.links[0].directed == nil)
        #expect(back.links[0].attributes["key"] == .string("k1") && back.links[0].attributes["weight"] == .string("heavy"))
        #expect(!back.isDirected(back.links[0]) && back.isDirected(back.links[1]))
    }

    @Test func undirectedGraph() throws {
        let (d, _) = try read("graph { x -- y; y -- z }")
        #expect(d.directed == false && d.links.count == 2 && d.entities.count == 3)
    }

    @Test func syntaxErrorIsOneLine() {
        do {
            _ = try read("digraph { a -> ; }")
            Issue.record("expected a syntax error")
        } catch let e as ReadError {
            // cgraph's "in line 1 near ';'": the line and the column of that token.
            #expect(e.description.hasPrefix("t.dot:1:16: ") && !e.description.contains("\n"), "\(e.description)")
        } catch {
            Issue.record("\(error)")
        }
    }

    /// The bundled dataset through DOT: ids, kinds, names, grades, citations, periods, sources
    /// and direction come back; attribute values come back as their text.
    @Test func bundledDatasetThroughDOT() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (d, _) = try DatasetFormat.read(path: root.appendingPathComponent("datasets/mekong-2023.json").path)
        let (back, issues) = try read(String(decoding: DOTDatasetWriter.write(d), as: UTF8.self))
        #expect(issues.isEmpty)
        #expect(back.validate().isEmpty)
        #expect(back.sources.map(\.id) == d.sources.map(\.id))
        #expect(back.entities.map(\.id) == d.entities.map(\.id))
        for (x, y) in zip(d.entities, back.entities) {
            #expect(x.kind == y.kind && x.name == y.name && x.role == y.role && x.confidence == y.confidence
                    && x.sources == y.sources && x.period == y.period && x.country == y.country, "\(x.id)")
            #expect(Set(x.attributes.map(\.key)) == Set(y.attributes.map(\.key)), "\(x.id)")
        }
        #expect(back.links.count == d.links.count)
        for (x, y) in zip(d.links, back.links) {
            #expect(x.source == y.source && x.target == y.target && x.kind == y.kind && x.weight == y.weight
                    && x.confidence == y.confidence && x.sources == y.sources && x.period == y.period
                    && x.agreement == y.agreement && d.isDirected(x) == back.isDirected(y), "\(x.source)>\(x.target)")
        }
    }

    /// Written to a file a piece at a time: the file is write(_:)'s, byte for byte; a citation
    /// DOT cannot list stops it before anything is written.
    @Test func writesToAFileInPieces() throws {
        let (d, _) = try DatasetFormat.read(path: bundledDatasetPath())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-dot-\(UUID().uuidString).dot").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try d.write(to: path)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == DOTDatasetWriter.write(d))
        var cited = Entity(id: "a", kind: .person)
        cited.sources = ["x;y"]
        let bad = Dataset(entities: [cited], links: [])
        let other = path + ".bad.dot"
        #expect(throws: ReadError.self) { try bad.write(to: other) }
        #expect(!FileManager.default.fileExists(atPath: other))
    }
}
