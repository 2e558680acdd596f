extension FtMReader {
    /// A line's properties in the order first given, a property given twice with its values
    /// joined. Found by a table once a line has many (a line of 80,000 properties had taken 44 s
    /// to read: helper-75), by a look along the list before.
    struct PropertyList {
        private(set) var items: [(name: String, values: [String])] = []
        private var position: [String: Int] = [:]
        /// How many properties are looked along before a table is made.
        static let fewProperties = 16

        mutating func add(_ name: String, _ values: [String]) {
            let found = items.count < Self.fewProperties ? items.firstIndex { $0.name == name } : position[name]
            if let found {
                items[found].values += values
                return
            }
            // Room for a line's usual few at once (grown one by one, the list was a fifth of
            // decoding a line).
            if items.isEmpty { items.reserveCapacity(4) }
            items.append((name, values))
            if items.count == Self.fewProperties {
                for (i, p) in items.enumerated() where position[p.name] == nil { position[p.name] = i }
            } else if items.count > Self.fewProperties {
                position[name] = items.count - 1
            }
        }
    }
}
