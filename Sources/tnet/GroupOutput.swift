import TraffickingNetworks

/// Output of a partition of the entities (components, communities): members of each group in id
/// order; CSV `id,<name>`; JSON fields given by the caller, then `count` and the groups; a table.
struct GroupOutput {
    let dataset: Dataset
    /// The group's column and JSON key: "component" or "community".
    let name: String
    let members: [[Int]]

    init(_ dataset: Dataset, name: String, group: [Int], count: Int) {
        self.dataset = dataset
        self.name = name
        var members = [[Int]](repeating: [], count: count)
        for (i, c) in group.enumerated() { members[c].append(i) }
        for c in members.indices { members[c].sort { Dataset.precedes(dataset.entities[$0].id, dataset.entities[$1].id) } }
        self.members = members
    }

    var csv: String {
        var out = CSVText.row(["id", name])
        for (c, list) in members.enumerated() { for i in list { out += CSVText.row([dataset.entities[i].id, String(c)]) } }
        return out
    }

    /// `fields` writes the object's leading members; the list key is `plural`.
    func json(plural: String, _ fields: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        fields(&w)
        w.key("count"); w.int(members.count)
        w.key(plural); w.beginArray()
        for (c, list) in members.enumerated() {
            w.beginObject()
            w.key(name); w.int(c)
            w.key("size"); w.int(list.count)
            w.key("members"); w.beginArray(inline: true); for i in list { w.string(dataset.entities[i].id) }; w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.text + "\n"
    }

    /// A heading line, then one row per group with its first six members' names.
    func table(_ heading: String) -> String {
        var table = TextTable(header: [name, "size", "members"], rightAligned: [0, 1])
        for (c, list) in members.enumerated() {
            let names = list.prefix(6).map { dataset.entities[$0].label }.joined(separator: ", ") + (list.count > 6 ? ", …" : "")
            table.append([String(c), String(list.count), names])
        }
        return heading + "\n" + table.text
    }
}
