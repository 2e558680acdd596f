import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// The streamed GraphML writer: its chunks and waves give the bytes of the whole document
/// written at once (whose meaning the round-trip and NetworkX tests check), whatever the chunk
/// size and thread count, and a file is written whole or not at all.
@Suite struct GraphMLWriterTests {
    /// A dataset with attributes of several types, edge ids, and an isolated node.
    func dataset() -> Dataset {
        var d = SyntheticNetwork(nodes: 300, seed: 2).generate()
        var e = d.entities[0]
        e.id = "lonely & <odd>"
        e.attributes = ["note": .string("a \"quoted\" note"), "age": .int(40)]
        d.append(e)
        var l = d.links[0]
        l.attributes = ["id": .string("e-1"), "score": .double(0.5)]
        d.append(l)
        return d
    }

    /// The bundled dataset, written in chunks of every size, is the file the writer made before
    /// it streamed (Fixtures/writers, made at ee8d350): attributes of several types, sources,
    /// a schema, periods and grades.
    @Test func theBundledDatasetIsWrittenAsBeforeStreaming() throws {
        let (d, _) = try DatasetFormat.read(path: "datasets/mekong-2023.json", options: ReadOptions())
        let before = try Array(Data(contentsOf: URL(fileURLWithPath: "Tests/TNetIOTests/Fixtures/writers/mekong-2023.graphml")))
        for (chunk, threads) in [(1, 2), (5, 2), (4096, 1)] {
            var streamed: [UInt8] = []
            try GraphMLWriter.stream(d, threads: threads, chunk: chunk) { for p in $0 { streamed.append(contentsOf: p) } }
            #expect(streamed == before, "chunk \(chunk), threads \(threads)")
        }
    }

    @Test func streamedInChunksIsTheWholeDocument() throws {
        let d = dataset()
        let whole = try GraphMLWriter.write(d)
        for (chunk, threads) in [(1, 2), (2, 1), (7, 2), (64, 2), (100_000, 2)] {
            var streamed: [UInt8] = []
            var waves = 0
            try GraphMLWriter.stream(d, threads: threads, chunk: chunk) { pieces in
                waves += 1
                for p in pieces { streamed.append(contentsOf: p) }
            }
            #expect(streamed == whole, "chunk \(chunk), threads \(threads)")
            // Head, the waves of nodes and edges, tail: small chunks make several waves.
            if chunk == 1 { #expect(waves > 10) }
        }
        // Nothing to write but the head and the tail.
        let empty = Dataset()
        var streamed: [UInt8] = []
        try GraphMLWriter.stream(empty, threads: 2, chunk: 3) { for p in $0 { streamed.append(contentsOf: p) } }
        #expect(try streamed == GraphMLWriter.write(empty))
    }

    /// Written to a file, the streamed document reads back to the dataset; a dataset GraphML
    /// cannot hold leaves an existing file as it was.
    @Test func aFileIsWrittenWholeOrNotAtAll() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-graphml-w-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("out.graphml").path
        let d = dataset()
        try d.write(to: path)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == GraphMLWriter.write(d))
        let back = try DatasetFormat.read(path: path, options: ReadOptions()).dataset
        #expect(back.entities.count == d.entities.count && back.links.count == d.links.count)
        var bad = d
        var e = bad.entities[1]
        e.id = "control\u{01}"
        bad.append(e)
        #expect(throws: ReadError.self) { try bad.write(to: path) }
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == GraphMLWriter.write(d))
    }

    /// Text XML cannot hold is refused, naming the record: the first in the order the checks run
    /// (entities, then links), a key as its value is, whatever the chunk size.
    @Test func theFirstUnwritableTextNamesItsRecord() throws {
        func error(_ d: Dataset) -> String {
            var messages = Set<String>()
            for (chunk, threads) in [(1, 2), (7, 1), (4096, 2)] {
                do { try GraphMLWriter.stream(d, threads: threads, chunk: chunk) { _ in } } catch { messages.insert("\(error)") }
            }
            return messages.count == 1 ? messages.first! : "\(messages)"
        }
        var d = dataset()
        var l = d.links[3]
        l.attributes = ["bad\u{01}key": .int(1)]
        d.append(l)
        #expect(error(d).contains("link \(quoted(l.source)) → \(quoted(l.target)) holds a control character"), "\(error(d))")
        var e = d.entities[2]
        e.id = "late"
        e.attributes = ["note": .string("bell\u{07}")]
        d.append(e)
        #expect(error(d).contains("entity \"late\" holds a control character"), "\(error(d))")
    }
}
