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
        func check(_ id: String) throws {
            if id.isEmpty || id.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0B || $0 == 0x0C || $0 == UInt8(ascii: "#") }) {
                throw ReadError("entity id \(quoted(id)) contains white space or '#', which an edge list cannot hold; use JSON, CSV or GraphML")
            }
        }
        var linked = [Bool](repeating: false, count: dataset.entities.count)
        dataset.forEachResolvedLink { _, s, t in linked[Int(s)] = true; linked[Int(t)] = true }
        let isolated = dataset.entities.indices.filter { !linked[$0] }
        if !isolated.isEmpty {
            out.append(contentsOf: Array("# \(isolated.count) entities without links are not in this edge list\n".utf8))
        }
        // Read by column, never as `Link` values: each entity id is checked and encoded once,
        // however many links name it.
        let columns = dataset.linkColumns
        var encoded = [[UInt8]?](repeating: nil, count: dataset.entities.count)
        func endpoint(_ slot: Int, _ position: Int32) throws {
            if position >= 0, columns.spellings.isEmpty || columns.spellings[slot] == nil {
                if let bytes = encoded[Int(position)] { out.append(contentsOf: bytes); return }
                let id = dataset.entities[Int(position)].id
                try check(id)
                let bytes = Array(id.utf8)
                encoded[Int(position)] = bytes
                out.append(contentsOf: bytes)
                return
            }
            let id = position < 0 ? columns.danglingIDs[slot] ?? "" : columns.spellings[slot]!
            try check(id)
            out.append(contentsOf: Array(id.utf8))
        }
        out.reserveCapacity(out.count + columns.count * 24)
        for i in 0 ..< columns.count {
            try endpoint(2 * i, columns.ends[2 * i]); out.append(0x20)
            try endpoint(2 * i + 1, columns.ends[2 * i + 1])
            if let w = columns.weight(i) { out.append(0x20); out.append(contentsOf: Array("\(w)".utf8)) }
            out.append(0x0A)
        }
        return out
    }
}
