import Foundation
import TNetGraph
import TNetModel

/// Writes an edge list: `source target [weight]` per link, ids as they are. Ids containing
/// white space or `#` cannot be represented in the format and make the writer throw (rather
/// than write a file that reads back differently); entities without links are lost in an edge
/// list, so a leading comment says how many.
///
/// Kinds, grades, citations, periods and attributes are not written: an edge list holds only
/// the graph.
public enum EdgeListWriter {
    /// Encodes the dataset's links as an edge list, in dataset order.
    /// - Parameter dataset: The dataset to write.
    /// - Returns: UTF-8 text, one `source target [weight]` line per link (the weight only when
    ///   the link has one).
    /// - Throws: ``ReadError`` at the first link whose source or target id is empty or holds
    ///   white space or `#`.
    /// - Complexity: O(*n*) in the size of the dataset.
    public static func write(_ dataset: Dataset) throws -> [UInt8] {
        var out: [UInt8] = []
        try stream(dataset, threads: 1) { pieces in for p in pieces { out.append(contentsOf: p) } }
        return out
    }

    /// ``write(_:)`` in pieces, for a file: the links made a chunk at a time on `threads`
    /// threads, each wave of chunks handed to `emit` as soon as it is made, in order; the bytes
    /// are ``write(_:)``'s.
    /// - Parameters:
    ///   - dataset: The dataset to write.
    ///   - threads: How many threads make the chunks.
    ///   - chunk: How many links one chunk holds (a test makes it small).
    ///   - emit: Called with each wave's bytes, in order.
    /// - Throws: As ``write(_:)`` (the waves before the first bad link have been emitted: a file
    ///   is then left as it was, by ``AtomicFile``); or what `emit` throws.
    static func stream(_ dataset: Dataset, threads: Int = NativeJSONWriter.defaultThreads, chunk: Int = 1 << 16,
                       _ emit: ([UnsafeRawBufferPointer]) throws -> Void) throws {
        var linked = [Bool](repeating: false, count: dataset.entities.count)
        dataset.forEachResolvedLink { _, s, t in linked[Int(s)] = true; linked[Int(t)] = true }
        let isolated = linked.reduce(0) { $0 + ($1 ? 0 : 1) }
        if isolated > 0 {
            try Array("# \(isolated) entities without links are not in this edge list\n".utf8).withUnsafeBytes { try emit([$0]) }
        }
        // Read by column, never as `Link` values.
        let columns = dataset.linkColumns, entities = dataset.entities
        func endpoint(_ slot: Int, _ position: Int32, into out: inout [UInt8]) -> ReadError? {
            let id: String
            if position >= 0, columns.spellings.isEmpty || columns.spellings[slot] == nil {
                id = entities[Int(position)].id
            } else {
                id = position < 0 ? columns.danglingIDs[slot] ?? "" : columns.spellings[slot]!
            }
            if id.isEmpty || id.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C || $0 == UInt8(ascii: "#") }) {
                return ReadError("entity id \(quoted(id)) contains white space or '#', which an edge list cannot hold; use JSON, CSV or GraphML")
            }
            out.append(contentsOf: id.utf8)
            return nil
        }
        let size = max(1, chunk), t = max(1, threads)
        let count = (columns.count + size - 1) / size
        var first = 0
        while first < count {
            let inWave = min(4 * t, count - first)
            var made = [(bytes: [UInt8], error: ReadError?)](repeating: ([], nil), count: inWave)
            made.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                let start = first
                forEachChunk(inWave, threads: t) { j, _ in
                    let c = start + j
                    var bytes: [UInt8] = []
                    bytes.reserveCapacity(size * 24)
                    for i in c * size ..< min(columns.count, (c + 1) * size) {
                        if let e = endpoint(2 * i, columns.ends[2 * i], into: &bytes) { out[j] = ([], e); return }
                        bytes.append(0x20)
                        if let e = endpoint(2 * i + 1, columns.ends[2 * i + 1], into: &bytes) { out[j] = ([], e); return }
                        if let w = columns.weight(i) { bytes.append(0x20); bytes.append(contentsOf: "\(w)".utf8) }
                        bytes.append(0x0A)
                    }
                    out[j] = (bytes, nil)
                }
            }
            // The first bad link is in the first chunk that has one (the waves before had none).
            if let e = made.lazy.compactMap(\.error).first { throw e }
            var joined: [UInt8] = []
            joined.reserveCapacity(made.reduce(0) { $0 + $1.bytes.count })
            for m in made { joined += m.bytes }
            made = []
            try joined.withUnsafeBytes { try emit([$0]) }
            first += inWave
        }
    }
}
