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
    /// - Throws: As ``write(_:)``, before anything is emitted (every id is checked first, on the
    ///   threads: a pipe or a device gets nothing either); or what `emit` throws.
    static func stream(_ dataset: Dataset, threads: Int = NativeJSONWriter.defaultThreads, chunk: Int = 1 << 16,
                       _ emit: ([UnsafeRawBufferPointer]) throws -> Void) throws {
        let columns = dataset.linkColumns, entities = dataset.entities
        let size = max(1, chunk), t = max(1, threads)
        let count = (columns.count + size - 1) / size
        // The id at end `slot` of the links (entity `position`, `-1` when dangling).
        func id(_ slot: Int, _ position: Int32) -> String {
            if position >= 0, columns.spellings.isEmpty || columns.spellings[slot] == nil { return entities[Int(position)].id }
            return position < 0 ? columns.danglingIDs[slot] ?? "" : columns.spellings[slot]!
        }
        // Every id is checked before anything is written, the first bad one in link order
        // reported. An entity's id is checked once, not once per link that names it.
        func unwritable(_ text: String) -> Bool {
            text.isEmpty || text.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C || $0 == UInt8(ascii: "#") })
        }
        var badID = [Bool](repeating: false, count: entities.count)
        badID.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            let entityChunks = (entities.count + size - 1) / size
            forEachChunk(entityChunks, threads: t) { c, _ in
                for e in c * size ..< min(entities.count, (c + 1) * size) { out[e] = unwritable(entities[e].id) }
            }
        }
        var problems = [ReadError?](repeating: nil, count: count)
        problems.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            forEachChunk(count, threads: t) { c, _ in
                for slot in 2 * c * size ..< min(2 * columns.count, 2 * (c + 1) * size) {
                    let position = columns.ends[slot]
                    let own = position >= 0 && (columns.spellings.isEmpty || columns.spellings[slot] == nil)
                    if own ? badID[Int(position)] : unwritable(id(slot, position)) {
                        out[c] = ReadError("entity id \(quoted(id(slot, position))) contains white space or '#', which an edge list cannot hold; use JSON, CSV or GraphML")
                        return
                    }
                }
            }
        }
        if let e = problems.lazy.compactMap({ $0 }).first { throw e }
        var linked = [Bool](repeating: false, count: dataset.entities.count)
        dataset.forEachResolvedLink { _, s, t in linked[Int(s)] = true; linked[Int(t)] = true }
        let isolated = linked.reduce(0) { $0 + ($1 ? 0 : 1) }
        if isolated > 0 {
            try Array("# \(isolated) entities without links are not in this edge list\n".utf8).withUnsafeBytes { try emit([$0]) }
        }
        // Read by column, never as `Link` values.
        try ChunkWaves.write(count: count, threads: t, make: { c in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(size * 24)
            for i in c * size ..< min(columns.count, (c + 1) * size) {
                bytes.append(contentsOf: id(2 * i, columns.ends[2 * i]).utf8)
                bytes.append(0x20)
                bytes.append(contentsOf: id(2 * i + 1, columns.ends[2 * i + 1]).utf8)
                if let w = columns.weight(i) { bytes.append(0x20); ShortestDecimal.append(w, to: &bytes) }
                bytes.append(0x0A)
            }
            return bytes
        }, emit)
    }
}
