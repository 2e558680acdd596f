import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// The FtM reader's chunks and waves: cut small, on several threads, the result is the one read
/// in a single chunk on one thread, record for record and issue for issue, lines numbered in
/// the file.
@Suite struct FtMLineChunksTests {
    /// `text` read in one chunk on one thread, and in chunks of `bytes` with waves of `wave`
    /// relations on three threads.
    static func bothWays(_ text: [UInt8], bytes: Int, wave: Int) throws -> (whole: (Dataset, [String]), cut: (Dataset, [String])) {
        try text.withUnsafeBufferPointer { buf in
            let a = try FtMReader.LineChunks.read(buf, name: "x.ftm.jsonl", start: 0, threads: 1, chunkBytes: 1 << 30, waveLines: 1 << 30)
            let b = try FtMReader.LineChunks.read(buf, name: "x.ftm.jsonl", start: 0, threads: 3, chunkBytes: bytes, waveLines: wave)
            return ((a.dataset, a.issues.map(\.description)), (b.dataset, b.issues.map(\.description)))
        }
    }

    @Test func cutSmallTheReadIsTheSame() throws {
        // The bundled dataset as FtM (sources, things, relations, Sanctions), then the
        // every-schema fixture and lines with problems, so that issues fall in late chunks.
        let (d, _) = try DatasetFormat.read(path: bundledDatasetPath())
        var text = FtMWriter.write(d).bytes
        text += Array(try String(contentsOfFile: fixture("ftm/every-schema.ftm.jsonl"), encoding: .utf8).utf8)
        text += Array("""

        {"schema": "Person", "properties": {"name": ["No Id"]}}
        {"id": "p2", "schema": "Person", "properties": {"name": "not a list"}}
        {"id": "p3", "schema": "Spaceship", "properties": {}}
        {"id": "o1", "schema": "Ownership", "properties": {"owner": ["p9"], "asset": ["p2"]}}

        """.utf8)
        for (bytes, wave) in [(64, 1), (300, 3), (5000, 40)] {
            let (whole, cut) = try Self.bothWays(text, bytes: bytes, wave: wave)
            #expect(NativeJSONWriter.write(whole.0, threads: 1) == NativeJSONWriter.write(cut.0, threads: 1), "chunks of \(bytes)")
            #expect(whole.1 == cut.1, "chunks of \(bytes)")
            #expect(whole.0.links.count > 100)
            #expect(whole.1.count == 4, "\(whole.1)")
        }
    }

    /// A mapped file, its pages handed back after each chunk and each wave of relations (and so
    /// read again from the page cache by the second pass), reads as its bytes do: the bundled
    /// dataset as FtM with a byte-order mark and a warning on its last line, cut small and whole,
    /// and through ``DatasetFormat`` by its path. A file that is not UTF-8 gives the same error.
    @Test func mappedFileReadsAsItsBytes() throws {
        let (d, _) = try DatasetFormat.read(path: bundledDatasetPath())
        let text = [0xEF, 0xBB, 0xBF] + FtMWriter.write(d).bytes
            + Array(#"{"id": "o9", "schema": "Ownership", "properties": {"owner": ["p9"], "asset": ["c1"]}}"#.utf8)
        let path = NSTemporaryDirectory() + "tnet-ftm-\(UUID().uuidString).ftm.jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(text).write(to: URL(fileURLWithPath: path))
        let whole = try FtMReader.read(InputFile(name: path, bytes: text))
        #expect(whole.dataset.links.count > 100 && whole.issues.last?.description.contains("p9") == true)
        let file = try #require(MappedFile(path: path, step: 4096))
        let cut = try FtMReader.LineChunks.read(file.buffer, name: path, start: file.bomLength, threads: 2,
                                                chunkBytes: 3000, waveLines: 5, mapped: file)
        for read in [cut, try DatasetFormat.read(path: path)] {
            #expect(NativeJSONWriter.write(read.dataset, threads: 1) == NativeJSONWriter.write(whole.dataset, threads: 1))
            #expect(read.dataset.locations == whole.dataset.locations)
            #expect(read.issues.map(\.description) == whole.issues.map(\.description))
        }
        // Not UTF-8 (a Latin-1 é on the second line): the error the bytes read gives.
        let latin = Array(#"{"id": "p1", "schema": "Person", "properties": {}}"#.utf8) + [0x0A, 0x7B, 0xE9, 0x7D, 0x0A]
        try Data(latin).write(to: URL(fileURLWithPath: path))
        var mapped = "", bytes = ""
        do { _ = try DatasetFormat.read(path: path) } catch { mapped = "\(error)" }
        do { _ = try FtMReader.read(InputFile(name: path, bytes: latin)) } catch { bytes = "\(error)" }
        #expect(mapped.contains(":2:2:") && mapped == bytes, "\(mapped) / \(bytes)")
    }

    /// Relations read ahead on the threads (drafts) equal relations read one by one in order,
    /// among relations that make agencies (a Sanction's authority by name) and sources (a
    /// publisher and URL), and relations that then name those agencies by id.
    @Test func relationsReadAheadAreReadInOrder() throws {
        let (d, _) = try DatasetFormat.read(path: bundledDatasetPath())
        var text = FtMWriter.write(d).bytes
        text += Array(try String(contentsOfFile: fixture("ftm/every-schema.ftm.jsonl"), encoding: .utf8).utf8)
        var extra = "\n"
        for i in 0 ..< 40 {
            extra += #"{"id": "s\#(i)", "schema": "Sanction", "properties": {"entity": ["c-star"], "authority": ["Body \#(i % 7)"]}}"# + "\n"
            extra += #"{"id": "m\#(i)", "schema": "UnknownLink", "properties": {"subject": ["c-star"], "object": ["authority-body-\#(i % 9)"], "role": ["pays"], "publisher": ["Outlet \#(i % 3)"], "sourceUrl": ["https://x.example/\#(i % 5)"]}}"# + "\n"
            extra += #"{"id": "k\#(i)", "schema": "UnknownLink", "properties": {"subject": ["authority-body-\#(i % 8)"], "object": ["c-star"], "role": ["sanctions"], "description": ["tnet:zeta=\#(i)", "tnet:confidence=B2"]}}"# + "\n"
        }
        text += Array(extra.utf8)
        try text.withUnsafeBufferPointer { buf in
            let inOrder = try FtMReader.LineChunks.read(buf, name: "x.ftm.jsonl", start: 0, threads: 1, drafts: false)
            for (bytes, wave, threads) in [(1 << 30, 1 << 30, 1), (300, 7, 3), (5000, 64, 2)] {
                let ahead = try FtMReader.LineChunks.read(buf, name: "x.ftm.jsonl", start: 0, threads: threads, chunkBytes: bytes, waveLines: wave)
                #expect(NativeJSONWriter.write(ahead.dataset, threads: 1) == NativeJSONWriter.write(inOrder.dataset, threads: 1))
                #expect(ahead.issues.map(\.description) == inOrder.issues.map(\.description))
            }
            // The agencies made by name, and the links that name them by id, are there.
            #expect(inOrder.dataset.entities.filter { $0.id.hasPrefix("authority-body-") }.count == 7)
            #expect(inOrder.dataset.links.filter { $0.source.hasPrefix("authority-body-") || $0.target.hasPrefix("authority-body-") }.count > 40)
        }
    }

    /// Worked by hand: a file of eight lines, cut into chunks of one line each. Line 6 names an
    /// entity that is not there (a warning at 6:1), line 8 is not JSON (the error at 8:12, where
    /// the parser stops: `{"id": "b",` is 11 characters long).
    @Test func linesAreNumberedInTheFile() throws {
        let lines = [
            #"{"id": "p1", "schema": "Person", "properties": {"name": ["Li"]}}"#,
            #"{"id": "p2", "schema": "Person", "properties": {"name": ["Wu"]}}"#,
            "",
            #"{"id": "o1", "schema": "Ownership", "properties": {"owner": ["p1"], "asset": ["p2"]}}"#,
            #"{"id": "c1", "schema": "Company", "properties": {"name": ["Acme"]}}"#,
            #"{"id": "o2", "schema": "Ownership", "properties": {"owner": ["p9"], "asset": ["c1"]}}"#,
            #"{"id": "o3", "schema": "Ownership", "properties": {"owner": ["p2"], "asset": ["c1"]}}"#,
        ]
        let good = Array((lines.joined(separator: "\n") + "\n").utf8)
        let (_, cut) = try Self.bothWays(good, bytes: 1, wave: 1)
        #expect(cut.0.links.count == 2 && cut.0.entities.count == 3)
        #expect(cut.1.contains { $0.hasPrefix("x.ftm.jsonl:6:1:") && $0.contains("p9") })
        let bad = Array((lines.joined(separator: "\n") + "\n{\"id\": \"b\",\n").utf8)
        for threads in [1, 3] {
            #expect(throws: ReadError.self) {
                try bad.withUnsafeBufferPointer { try FtMReader.LineChunks.read($0, name: "x.ftm.jsonl", start: 0, threads: threads, chunkBytes: 1) }
            }
            do {
                _ = try bad.withUnsafeBufferPointer { try FtMReader.LineChunks.read($0, name: "x.ftm.jsonl", start: 0, threads: threads, chunkBytes: 1) }
            } catch let e as ReadError {
                #expect(e.description.hasPrefix("x.ftm.jsonl:8:12:"), "\(e)")
            }
        }
    }

    /// A relation read ahead carries its own issues only, in a list of its own size, however many
    /// issues came before (helper-75: each draft had kept a list as large as every issue before
    /// its wave; 3,000 relations after 3,000 warnings took 587 MB). Worked by hand: the
    /// Ownership's "colour" is no property of FtM's Ownership, its one warning.
    @Test func aDraftHoldsOnlyItsOwnIssues() throws {
        func line(_ text: String) -> FtMReader.Line {
            Array(text.utf8).withUnsafeBufferPointer { b in
                var ignored: [ValidationIssue] = []
                return FtMReader.parse(FtMReader.LineDecoder.decode(b)!.fields, SourceLocation(file: "x", line: 1, column: 1), &ignored)!
            }
        }
        let before = (0 ..< 5000).map { ValidationIssue(.warning, .unknownField, "w\($0)", at: SourceLocation(file: "x", line: $0 + 1, column: 1)) }
        var builder = FtMReader.Builder(issues: before)
        var things = [line(#"{"id":"p1","schema":"Person","properties":{"name":["Li"]}}"#),
                      line(#"{"id":"c1","schema":"Company","properties":{"name":["Acme"]}}"#)]
        builder.begin(&things, file: "x")
        let relation = line(#"{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1"],"colour":["red"]}}"#)
        let snapshot = builder
        var copy = snapshot
        for position in 1 ... 3 {
            let drafted = try #require(FtMReader.Builder.draft(relation, position: position, by: &copy, of: snapshot))
            #expect(drafted.link != nil)
            #expect(drafted.issues.count == 1 && drafted.issues[0].message.contains("colour"), "\(drafted.issues)")
            #expect(drafted.issues.capacity < 100, "a list of \(drafted.issues.capacity)")
        }
        #expect(snapshot.issues.count == 5000)
    }
}
