import TNetModel

/// Writes an edge list: `source target [weight]` per link, ids as they are. Ids containing
/// white space or `#` cannot be represented in the format and make the writer throw (rather
/// than write a file that reads back differently); entities without links are lost in an edge
/// list, so they are listed in a leading comment.
public enum EdgeListWriter {
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
