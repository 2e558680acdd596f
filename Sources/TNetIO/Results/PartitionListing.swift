import TNetModel

/// A partition of the entities (connected components or communities) ready to print: the
/// members of each group in id order.
public struct PartitionListing: PrintableResult, Sendable {
    /// What the groups are.
    public enum Kind: Sendable {
        /// Connected components: strongly (along link directions) or weakly.
        case components(strong: Bool)
        /// Communities found by `method` at `resolution` with `seed`, and their modularity.
        case communities(method: String, resolution: Double, seed: UInt64, modularity: Double)
    }

    /// The dataset partitioned.
    public let dataset: Dataset
    /// What the groups are.
    public let kind: Kind
    /// Each group's members (entity indices), in id order; groups numbered from 0.
    public let members: [[Int]]

    /// A listing of the partition `group`.
    /// - Parameters:
    ///   - group: each entity's group number, from 0.
    ///   - count: the number of groups.
    ///   - dataset: the dataset partitioned.
    ///   - kind: what the groups are.
    public init(_ group: [Int], count: Int, in dataset: Dataset, kind: Kind) {
        self.dataset = dataset
        self.kind = kind
        var members = [[Int]](repeating: [], count: count)
        for (i, c) in group.enumerated() { members[c].append(i) }
        for c in members.indices { members[c].sort { Dataset.precedes(dataset.entities[$0].id, dataset.entities[$1].id) } }
        self.members = members
    }

    /// The group's column and JSON key.
    private var name: String {
        if case .components = kind { "component" } else { "community" }
    }

    /// `id,component` or `id,community`, rows by group, then id.
    public var csv: String {
        var out = CSVText.row(["id", name])
        for (c, list) in members.enumerated() { for i in list { out += CSVText.row([dataset.entities[i].id, String(c)]) } }
        return out
    }

    /// Components: `{"strong","count","components":[{"component","size","members"}]}`;
    /// communities: `{"method","resolution","seed","modularity","count","communities":[…]}`.
    public var json: String {
        JSONWriter.object { w in
            switch kind {
            case .components(let strong):
                w.key("strong"); w.bool(strong)
            case .communities(let method, let resolution, let seed, let modularity):
                w.key("method"); w.string(method)
                w.key("resolution"); w.double(resolution)
                w.key("seed"); w.numberText(String(seed))
                w.key("modularity"); w.double(orNull: modularity)
            }
            w.key("count"); w.int(members.count)
            w.key(name == "component" ? "components" : "communities"); w.beginArray()
            for (c, list) in members.enumerated() {
                w.beginObject()
                w.key(name); w.int(c)
                w.key("size"); w.int(list.count)
                w.key("members"); w.strings(list.map { dataset.entities[$0].id })
                w.endObject()
            }
            w.endArray()
        }
    }

    /// A heading line, then one row per group with its first six members' names.
    public var table: String {
        let n = members.count
        let heading: String
        switch kind {
        case .components(let strong):
            heading = "\(n) \(strong ? "strongly" : "weakly") connected component\(n == 1 ? "" : "s")"
        case .communities(let method, let resolution, let seed, let modularity):
            // Rounded for reading; the JSON and CSV keep the exact value. The seed and
            // resolution are what reproduces the partition.
            heading = "\(n) communit\(n == 1 ? "y" : "ies") (\(method), resolution \(ResultText.exact(resolution)), seed \(seed)), modularity \(modularity.isFinite ? ResultText.fixed4(modularity) : "undefined")"
        }
        var table = TextTable(header: [name, "size", "members"], rightAligned: [0, 1])
        for (c, list) in members.enumerated() {
            let names = list.prefix(6).map { ResultText.listed(dataset.entities[$0]) }.joined(separator: ", ") + (list.count > 6 ? ", …" : "")
            table.append([String(c), String(list.count), names])
        }
        return heading + "\n" + table.text
    }
}
