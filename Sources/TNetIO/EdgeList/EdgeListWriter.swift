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
        for l in dataset.links {
            try check(l.source); try check(l.target)
            out.append(contentsOf: Array(l.source.utf8)); out.append(0x20)
            out.append(contentsOf: Array(l.target.utf8))
            if let w = l.weight { out.append(0x20); out.append(contentsOf: Array("\(w)".utf8)) }
            out.append(0x0A)
        }
        return out
    }
}
