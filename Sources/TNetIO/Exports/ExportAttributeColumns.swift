import TNetModel

/// The typed columns (GEXF attributes, Neo4j properties, Cytoscape data fields) that an
/// export gives the free attributes of its entities or of its links: one per attribute key,
/// in order of first appearance, with the one type all its values share.
struct ExportAttributeColumns {
    /// One attribute key's column.
    struct Column {
        /// The key in the dataset.
        let key: String
        /// Its name in the export: the key, unless the format cannot hold it or a built-in
        /// column has it (then renamed, and a warning says so).
        let name: String
        /// The type all its values share (`json` when they differ, or are lists or objects).
        let type: AttributeType
        /// Every value is a list whose items are all strings (a Neo4j `string[]`).
        let isStringList: Bool
    }

    /// The columns, in order of first appearance.
    let columns: [Column]

    /// The columns of `records`' attributes.
    /// - Parameters:
    ///   - records: every entity's (or every link's) attributes.
    ///   - reserved: names the export's built-in columns take.
    ///   - emptyStringIsAbsent: whether the format reads an empty value as none (CSV).
    ///   - legal: the name the format can hold for a key (identity when any is fine).
    ///   - losses: where a renamed column is said.
    ///   - what: `entity` or `link`, for the warning.
    /// - Complexity: O(total number of attributes).
    init(_ records: [Attributes], reserved: Set<String>, emptyStringIsAbsent: Bool, legal: (String) -> String = { $0 },
         losses: inout ExportLosses, what: String) {
        var order: [String] = []
        var values: [String: [AttributeValue]] = [:]
        for attributes in records {
            for (k, v) in attributes {
                if values[k] == nil { order.append(k); values[k] = [] }
                values[k]!.append(v)
            }
        }
        var taken = reserved
        var columns: [Column] = []
        columns.reserveCapacity(order.count)
        for key in order {
            let vs = values[key]!
            let base = legal(key)
            var name = base
            if taken.contains(name) { name = "attr_" + base }
            var n = 2
            while taken.contains(name) { name = "attr_\(base)_\(n)"; n += 1 }
            taken.insert(name)
            if name != key {
                losses.note("\(what) attribute \(Self.quoted(key)) written as \(Self.quoted(name)) (a built-in column has the name, or the format cannot hold it)",
                            at: "the dataset")
            }
            let stringList = vs.allSatisfy { v in
                if case .list(let items) = v { return items.allSatisfy { $0.string != nil } }
                return false
            }
            columns.append(Column(key: key, name: name, type: AttributeType.of(vs, emptyStringIsAbsent: emptyStringIsAbsent),
                                  isStringList: stringList))
        }
        self.columns = columns
    }

    static func quoted(_ s: String) -> String { "\"" + s + "\"" }
}

/// Periods as the full dates formats with a date type need.
enum ExportDates {
    /// `date` as an ISO calendar day: the first day it covers for a start (`2023-05` →
    /// `2023-05-01`), the last for an end (`2023-05` → `2023-05-31`), so that a partial date
    /// keeps the whole span it names.
    static func day(_ date: PartialDate, end: Bool) -> String {
        let (y, m, d) = end ? date.latest : date.earliest
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// Whether `date` names less than a day (a year or a month).
    static func isPartial(_ date: PartialDate) -> Bool { date.day == nil }
}
