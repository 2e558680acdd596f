import Foundation
import Testing
import TNetModel
@testable import TNetIO

func fixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
}

/// Reads a fixture and returns every problem (read issues + validation), as `tnet validate` does.
func problems(_ name: String) -> [ValidationIssue] {
    do {
        let (d, issues) = try DatasetFormat.read(path: fixture(name))
        return issues + d.validate()
    } catch let e as ReadError {
        return [e.issue]
    } catch {
        return [ValidationIssue(.error, .syntax, "\(error)")]
    }
}

@Suite struct NativeJSONReaderTests {
    @Test func readsEveryField() throws {
        let (d, issues) = try DatasetFormat.read(path: fixture("valid.json"))
        #expect(issues.isEmpty)
        #expect(d.validate().isEmpty)
        #expect(d.title == "Small case")
        #expect(d.entities.map(\.id) == ["a", "b", "v", "c"])
        #expect(d.entities[0].name == "Syndicate \"A\"")
        #expect(d.entities[0].confidence?.description == "B2")
        #expect(d.entities[0].period?.from?.description == "2021")
        #expect(d.entities[1].attributes["beds"] == .int(400))
        #expect(d.entities[1].attributes["ratio"] == .double(0.5))
        #expect(d.entities[1].attributes["tags"] == .list([.string("x"), .string("y")]))
        #expect(d.entities[1].attributes["note"] == .null)
        #expect(d.entities[2].role == .victim && d.entities[2].country == "c")
        #expect(d.entities[3].name == "Ünïcødé 国")
        #expect(d.links[0].weight == 2 && d.links[0].period?.to?.description == "2023-08-31")
        #expect(d.links[2].agreement == "mou" && d.links[2].directed == false)
        #expect(d.sources[0].attributes["pages"] == .int(12))
        #expect(d.schema.entityKinds == ["vessel"] && d.extra["schema"] == nil)
        #expect(d.locations?.entity(1)?.line == 8)
    }

    /// Written and read back, nothing is lost: every field, attribute, unknown top-level key.
    @Test func roundTripKeepsEverything() throws {
        let (d, _) = try DatasetFormat.read(path: fixture("valid.json"))
        let bytes = NativeJSONWriter.write(d)
        let (back, issues) = try NativeJSONReader.read(InputFile(name: "mem", bytes: bytes))
        #expect(issues.isEmpty)
        #expect(back.entities == d.entities)
        #expect(back.links == d.links)
        #expect(back.sources == d.sources)
        #expect(back.extra == d.extra)
        #expect(back.title == d.title)
        // and the writer is deterministic
        #expect(NativeJSONWriter.write(back) == bytes)
    }

    @Test func danglingEndpoint() {
        let p = problems("dangling.json")
        #expect(p.count == 1)
        #expect(p[0].code == .danglingEndpoint && p[0].message.contains("\"ghost\""))
        #expect(p[0].location?.line == 4 && p[0].location?.column == 4)
    }

    @Test func duplicateID() {
        let p = problems("duplicate.json")
        #expect(p.count == 1)
        #expect(p[0].code == .duplicateEntityID && p[0].location?.line == 4 && p[0].message.contains("first declared at 3:4"))
    }

    @Test func truncatedJSON() {
        let p = problems("truncated.json")
        #expect(p.count == 1 && p[0].code == .syntax)
        #expect(p[0].message.contains("unexpected end of input"))
        #expect(p[0].location?.line == 3)
    }

    /// A syntax error the stream meets is said as the whole-document parser says it, the same
    /// words at the same place, without reading the document again as a tree: broken
    /// documents of several kinds, and one above the chunked reader's 16 MB with a stray `}`
    /// at its end (helper-42: 18 s for that at 555 MB).
    @Test func streamSyntaxErrorsAsTheDocumentParserSays() throws {
        let entity = "{\"id\": \"e\", \"kind\": \"person\"}"
        let big = "{\"format\": \"tnet/1\", \"entities\": [" + Array(repeating: entity, count: 600_000).joined(separator: ",\n") + "]}\n}\n"
        let documents = [
            "{\"format\": \"tnet/1\", \"entities\": [" + entity + "]} }",
            "{\"entities\": [{\"id\": \"a\" \"kind\": 1}]}",
            "{\"links\": [{\"x\": \"\\q\"}]}",
            "{\"entities\": [1, 2,]}",
            "{\"entities\": [{\"id\": \"a\"}",
            big,
        ]
        for doc in documents {
            let bytes = Array(doc.utf8)
            let expected: (String, Int) = bytes.withUnsafeBufferPointer { b in
                var parser = JSONParser(b)
                do throws(JSONParser.Failure) { _ = try parser.parseDocument(); return ("", -1) } catch { return (error.message, error.offset) }
            }
            do {
                _ = try NativeJSONReader.read(InputFile(name: "x.json", bytes: bytes))
                Issue.record("\(doc.prefix(60)) was read")
            } catch let e as ReadError {
                let line = bytes[..<expected.1].filter { $0 == 0x0A }.count + 1
                #expect(e.issue.message == expected.0 && e.issue.location?.line == line, "\(e.issue) against \(expected)")
            }
        }
    }

    @Test func trailingComma() {
        let p = problems("trailing-comma.json")
        #expect(p.count == 1 && p[0].location?.line == 4 && p[0].location?.column == 2)
    }

    @Test func unknownAndMissingFormat() {
        let unknown = problems("unknown-format.json")
        #expect(unknown.map(\.code) == [.unsupportedFormat] && unknown[0].message.contains("tnet/9"))
        let missing = problems("missing-format.json")
        #expect(missing.map(\.code) == [.unsupportedFormat] && missing[0].location?.line == 1)
    }

    /// Every problem of form is listed, each with its own location.
    @Test func badFieldsAllListed() {
        let p = problems("bad-fields.json")
        let summary = p.map { "\($0.location!.line):\($0.code.rawValue)" }
        #expect(summary.contains("3:missing_field"))            // entity without id
        #expect(summary.contains("4:invalid_structure"))        // kind 7
        #expect(summary.contains("4:missing_field"))            // …so no kind
        #expect(summary.filter { $0 == "5:invalid_value" }.count == 2)  // grade Z9, month 13
        #expect(summary.contains("8:missing_field"))            // link without target
        #expect(summary.contains("9:invalid_value"))            // weight "heavy"
        #expect(summary.contains("9:unknown_field"))            // kept, warned
        #expect(p.first { $0.code == .unknownField }?.severity == .warning)
    }

    @Test func emptyBinaryDirectoryMissing() {
        let empty = problems("empty.json")
        #expect(empty.count == 1 && empty[0].message.contains("empty"))
        let binary = problems("binary.json")
        #expect(binary.count == 1 && binary[0].message.contains("binary") && binary[0].location?.column == 8)
        #expect(throws: ReadError.self) { try DatasetFormat.read(path: NSTemporaryDirectory()) }
        do { _ = try DatasetFormat.read(path: NSTemporaryDirectory()); Issue.record("no error") } catch let e as ReadError {
            #expect(e.message.contains("is a directory"))
        } catch { Issue.record("\(error)") }
        do { _ = try DatasetFormat.read(path: "/nonexistent/x.json"); Issue.record("no error") } catch let e as ReadError {
            #expect(e.message.contains("no such file"))
        } catch { Issue.record("\(error)") }
    }
}

/// The native format gives a link's endpoints back byte for byte, including one that names
/// its entity by a canonically equal spelling (é composed in the entity, e + U+0301 in the
/// link; issue 19: the column store had written the entity's bytes instead).
@Suite struct NativeJSONSpellingTests {
    @Test func endpointSpellingRoundTrips() throws {
        let composed = "Caf\u{E9}", decomposed = "Cafe\u{301}"
        let d = Dataset(entities: [Entity(id: composed, kind: .compound), Entity(id: "x", kind: .person)],
                        links: [Link(source: "x", target: decomposed, kind: "located_in"),
                                Link(source: "x", target: composed, kind: "located_in")])
        let written = NativeJSONWriter.write(d)
        // The link's own bytes are in the file: 65 CC 81 after "Caf".
        let text = String(decoding: written, as: UTF8.self)
        #expect(Array(text.utf8).count == written.count)
        let back = try NativeJSONReader.read(InputFile(name: "s.json", bytes: written)).dataset
        #expect(back.links.count == 2)
        #expect(Array(back.links[0].target.utf8) == Array(decomposed.utf8))
        #expect(Array(back.links[1].target.utf8) == Array(composed.utf8))
        #expect(back.endpoints(ofLink: 0).target == 0 && back.endpoints(ofLink: 1).target == 0)
        #expect(NativeJSONWriter.write(back) == written)
    }
}
