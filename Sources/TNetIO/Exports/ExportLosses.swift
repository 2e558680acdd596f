/// What an export could not write as the dataset holds it, gathered while writing and said
/// afterwards as warnings, one line per kind of loss: never dropped silently.
///
/// Each loss is counted where it happens and named by the first place it happened (an entity
/// or link id: after `--redact victims` these are already pseudonyms).
public struct ExportLosses: Sendable {
    /// The format's name, the start of every warning (`GEXF`, `Neo4j`, `Cytoscape.js`).
    public let format: String
    private var order: [String] = []
    private var seen: [String: (count: Int, first: String)] = [:]

    /// No loss yet.
    /// - Parameter format: the name each warning starts with.
    public init(format: String) { self.format = format }

    /// Records one occurrence of the loss `what` at `place`.
    /// - Parameters:
    ///   - what: the loss, as a sentence fragment that says what was done instead.
    ///   - place: where: `entity ID`, `link 3 (a → b)`, or `the dataset`.
    public mutating func note(_ what: String, at place: @autoclosure () -> String) {
        if let s = seen[what] {
            seen[what] = (s.count + 1, s.first)
        } else {
            order.append(what)
            seen[what] = (1, place())
        }
    }

    /// Whether nothing was lost.
    public var isEmpty: Bool { order.isEmpty }

    /// One line per loss, in the order first met: `GEXF: what (at place)` or
    /// `GEXF: what (N times, first: place)`.
    public var warnings: [String] {
        order.map { what in
            let s = seen[what]!
            if s.first == "the dataset" { return "\(format): \(what)" }
            return "\(format): \(what) (" + (s.count == 1 ? "at \(s.first))" : "\(s.count) times, first: \(s.first))")
        }
    }
}
