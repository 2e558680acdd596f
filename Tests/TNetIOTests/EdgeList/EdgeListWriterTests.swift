import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// The streamed edge-list writer against a reference written here from `Link` values: the same
/// text whatever the chunk size and thread count, and the first link (in dataset order) whose
/// id an edge list cannot hold is the one reported.
@Suite struct EdgeListWriterTests {
    /// `source target [weight]` per link, after a comment counting the entities without links.
    func reference(_ d: Dataset) -> [UInt8] {
        var linked = Set<String>()
        for l in d.links { linked.insert(l.source); linked.insert(l.target) }
        let isolated = d.entities.filter { !linked.contains($0.id) }.count
        var text = isolated > 0 ? "# \(isolated) entities without links are not in this edge list\n" : ""
        for l in d.links { text += "\(l.source) \(l.target)" + (l.weight.map { " \($0)" } ?? "") + "\n" }
        return Array(text.utf8)
    }

    @Test func streamedInChunksIsTheReference() throws {
        var d = SyntheticNetwork(nodes: 400, seed: 3).generate()
        d.append(Entity(id: "alone", kind: .node))
        let expected = reference(d)
        for (chunk, threads) in [(1, 2), (3, 1), (50, 2), (1 << 16, 2)] {
            var streamed: [UInt8] = []
            try EdgeListWriter.stream(d, threads: threads, chunk: chunk) { for p in $0 { streamed.append(contentsOf: p) } }
            #expect(streamed == expected, "chunk \(chunk), threads \(threads)")
        }
        #expect(try EdgeListWriter.write(d) == expected)
    }

    /// The bundled dataset is the file the writer made before it streamed (Fixtures/writers).
    @Test func theBundledDatasetIsWrittenAsBeforeStreaming() throws {
        let (d, _) = try DatasetFormat.read(path: "datasets/mekong-2023.json", options: ReadOptions())
        let before = try Array(Data(contentsOf: URL(fileURLWithPath: "Tests/TNetIOTests/Fixtures/writers/mekong-2023.el")))
        for (chunk, threads) in [(1, 2), (9, 2), (1 << 16, 1)] {
            var streamed: [UInt8] = []
            try EdgeListWriter.stream(d, threads: threads, chunk: chunk) { for p in $0 { streamed.append(contentsOf: p) } }
            #expect(streamed == before, "chunk \(chunk), threads \(threads)")
        }
    }

    /// Nothing is emitted when a link cannot be written (a pipe or a device would keep it).
    @Test func nothingIsEmittedBeforeABadLink() throws {
        var d = SyntheticNetwork(nodes: 200, seed: 3).generate()
        d.append(Entity(id: "alone", kind: .node))
        var l = d.links[d.links.count - 1]
        l.target = "has space"
        d.append(l)
        var emitted = 0
        #expect(throws: ReadError.self) { try EdgeListWriter.stream(d, threads: 2, chunk: 3) { emitted += $0.count } }
        #expect(emitted == 0)
    }

    @Test func theFirstBadLinkIsReported() throws {
        var d = SyntheticNetwork(nodes: 200, seed: 3).generate()
        // Two links an edge list cannot hold, far apart; chunks of one link put both in a wave.
        for (i, id) in [(5, "has space"), (9, "has#hash")] {
            var l = d.links[i]
            l.target = id
            d.append(Entity(id: id, kind: .node))
            d.append(l)
        }
        for (chunk, threads) in [(1, 2), (7, 1), (1 << 16, 2)] {
            let e = #expect(throws: ReadError.self) { try EdgeListWriter.stream(d, threads: threads, chunk: chunk) { _ in } }
            #expect(e?.description.contains("\"has space\"") == true, "\(String(describing: e))")
        }
    }

    /// An entity's id is checked once for all the links that name it, a dangling id or a link's
    /// own spelling where it is written: the first bad one in link order is still the one
    /// reported, whichever way it was checked.
    @Test func theFirstBadIdIsReportedWhateverNamesIt() throws {
        var d = SyntheticNetwork(nodes: 200, seed: 3).generate()
        d.append(Entity(id: "has space", kind: .node))
        for i in [40, 60] {
            var l = d.links[i]
            l.target = "has space"
            d.append(l)
        }
        var dangling = d.links[2]
        dangling.source = "no#entity"
        d.append(dangling)
        for (chunk, threads) in [(1, 2), (7, 1), (1 << 16, 2)] {
            let e = #expect(throws: ReadError.self) { try EdgeListWriter.stream(d, threads: threads, chunk: chunk) { _ in } }
            #expect(e?.description.contains("\"has space\"") == true, "\(String(describing: e))")
        }
        // Dangling first: the dangling id is reported.
        var e = SyntheticNetwork(nodes: 200, seed: 3).generate()
        e.append(dangling)
        e.append(Entity(id: "has space", kind: .node))
        var l = e.links[40]
        l.target = "has space"
        e.append(l)
        let error = #expect(throws: ReadError.self) { try EdgeListWriter.stream(e, threads: 2, chunk: 5) { _ in } }
        #expect(error?.description.contains("\"no#entity\"") == true, "\(String(describing: error))")
    }
}
