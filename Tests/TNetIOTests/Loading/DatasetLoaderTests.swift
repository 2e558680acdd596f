import Foundation
import Testing
import TNetModel
@testable import TNetIO

@Suite struct DatasetLoaderTests {
    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-load-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A victim whose id is given twice (an error) and cited by a link to an unknown entity (a
    /// second error): redacted, the first error names the pseudonym, never "Ma Lin" or "ma-lin";
    /// not redacted, it names the id, as validation does.
    @Test func redactionComesBeforeEveryMessage() throws {
        let path = try Self.write("""
        {"format": "tnet/1", "entities": [
          {"id": "ma-lin", "kind": "person", "name": "Ma Lin", "role": "victim"},
          {"id": "ma-lin", "kind": "person", "name": "Ma Lin", "role": "victim"},
          {"id": "boss", "kind": "syndicate"}],
         "links": [{"source": "boss", "target": "ma-lin-sister", "kind": "controls"}]}
        """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let redacted = #expect(throws: LoadError.self) { try Dataset.load(path, options: LoadOptions(redactVictims: true)) }
        let text = redacted.map { "\($0)" } ?? ""
        #expect(!text.lowercased().contains("ma lin") && !text.lowercased().contains("ma-lin"), "\(text)")
        #expect(text.hasPrefix(path + ":") && text.contains("more problem"), "\(text)")
        let plain = #expect(throws: LoadError.self) { try Dataset.load(path) }
        #expect(plain.map { "\($0)" }?.contains("ma-lin") == true)
    }

    /// The filter applies after redaction; what it asked for that is not there is reported; the
    /// counts before it are kept for the result's header.
    @Test func filterAfterRedactionWithWarnings() throws {
        let path = try Self.write("""
        {"format": "tnet/1", "entities": [
          {"id": "ma-lin", "kind": "person", "name": "Ma Lin", "role": "victim"},
          {"id": "boss", "kind": "syndicate"}, {"id": "c1", "kind": "compound"}],
         "links": [{"source": "boss", "target": "c1", "kind": "operates", "sources": ["s"]},
                   {"source": "boss", "target": "ma-lin", "kind": "controls", "sources": ["s"]}],
         "sources": [{"id": "s", "title": "A report"}]}
        """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let filter = DatasetFilter(entityKinds: ["person", "syndicate", "militia"])
        let loaded = try Dataset.load(path, options: LoadOptions(redactVictims: true, filter: filter))
        #expect(loaded.dataset.entities.map(\.id) == ["victim-1", "boss"])
        #expect(loaded.dataset.links.count == 1 && loaded.dataset.links[0].target == "victim-1")
        #expect(loaded.redacted == 1 && loaded.isRedacted)
        #expect(loaded.filterWarnings == [.noEntityOfKind("militia")])
        #expect(loaded.source.before == DatasetCounts(entities: 3, links: 2))
        let script = try Dataset(contentsOf: path, redactingVictims: true)
        #expect(script.entities[0].label == "Victim 1")
    }

    /// Found by review: an ego typed as a victim's other spelling ("Lin Ma") failed with its
    /// pseudonym quoted (`no entity "victim-1"`), which said whose name it was; redacted, the
    /// failure quotes nothing (unredacted, it still quotes the text).
    @Test func egoFailureQuotesNothingWhenRedacting() throws {
        let path = try Self.write(#"{"format": "tnet/1", "entities": [{"id": "ma-lin", "kind": "person", "name": "Ma Lin", "role": "victim"}, {"id": "boss", "kind": "syndicate"}]}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        for text in ["Lin Ma", "Nobody Here"] {
            var filter = DatasetFilter()
            filter.ego = text
            let e = #expect(throws: DatasetFilter.Failure.self) { try Dataset.load(path, options: LoadOptions(redactVictims: true, filter: filter)) }
            #expect(e.map { !$0.message.contains("victim-1") && !$0.message.contains(text) } == true)
        }
        var filter = DatasetFilter()
        filter.ego = "Nobody Here"
        let plain = #expect(throws: DatasetFilter.Failure.self) { try Dataset.load(path, options: LoadOptions(filter: filter)) }
        #expect(plain?.message.contains("Nobody Here") == true)
    }

    /// A file that cannot be parsed: redacted, the parser's message (which may quote the file)
    /// is withheld and only the location kept.
    @Test func parseErrorsAreWithheldWhenRedacting() throws {
        let path = try Self.write("{\"format\": \"tnet/1\", \"entities\": [{\"id\": \"Ma Lin\" \"kind\": 1}]}")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: ReadError.self) { try Dataset.load(path, options: LoadOptions(redactVictims: true)) }
        #expect(error?.location != nil && error?.message.contains("withheld") == true)
    }

    /// The path is scrubbed too (a case folder named after the person), and so is a filter's
    /// failure that quotes the id typed (an ego that redaction renamed).
    @Test func pathsAndFilterFailuresAreScrubbed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-case-ma-lin-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/interview.json"
        try """
        {"format": "tnet/1", "entities": [
          {"id": "ma-lin", "kind": "person", "name": "Ma Lin", "role": "victim"},
          {"id": "boss", "kind": "syndicate"}, {"id": "boss", "kind": "syndicate"}]}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: LoadError.self) { try Dataset.load(path, options: LoadOptions(redactVictims: true)) }
        let text = error.map { "\($0)" } ?? ""
        #expect(!text.contains("ma-lin") && text.contains("victim-1") && text.contains("/interview.json:"), "\(text)")
        try """
        {"format": "tnet/1", "entities": [{"id": "ma-lin", "kind": "person", "name": "Ma Lin", "role": "victim"}, {"id": "boss", "kind": "syndicate"}]}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let failure = #expect(throws: DatasetFilter.Failure.self) {
            try Dataset.load(path, options: LoadOptions(redactVictims: true, filter: DatasetFilter(ego: "ma-lin")))
        }
        // Neither the text nor the pseudonym it names (which would say whose name the text was).
        #expect(failure?.message.contains("ma-lin") == false && failure?.message.contains("victim-1") == false)
    }
}
