/// How often a node brokers in each of Gould and Fernandez's five roles.
public struct BrokerageCounts: Sendable, Hashable {
    /// a, b, c all in one group.
    public var coordinator = 0
    /// a and c in one group, the broker b in another ("consultant").
    public var itinerant = 0
    /// b in a's group, passing to c outside it.
    public var representative = 0
    /// b in c's group, receiving from a outside it.
    public var gatekeeper = 0
    /// a, b and c in three different groups.
    public var liaison = 0

    /// All counts zero.
    public init() {}

    /// The number of brokered two-paths in all five roles.
    public var total: Int { coordinator + itinerant + representative + gatekeeper + liaison }
}

extension Graph {
    /// Gould–Fernandez brokerage roles (Gould & Fernandez 1989, "Structures of mediation: a
    /// formal approach to brokerage in transaction networks", Sociological Methodology 19):
    /// for every open two-path a → b → c (a, b, c distinct, no tie a → c), b brokers in the
    /// role given by the groups of a, b and c (``BrokerageCounts``); the groups are a partition
    /// such as kind or country, given as one label per node (any `Int32`s; only equality
    /// matters). This is statnet's `sna::brokerage` count (its `raw.nli`). An undirected graph
    /// counts as a symmetric directed one: both a → b → c and c → b → a count. Reversing a path
    /// keeps coordinator, itinerant and liaison and swaps representative and gatekeeper, so the
    /// first three (and the total) are twice the number of unordered pairs {a, c} of that kind,
    /// while representative and gatekeeper are equal, each the number of unordered pairs with
    /// exactly one end in b's group. Self-loops are ignored; parallel edges count once per
    /// ordered pair (a, c). Iterative; allocates only the result.
    ///
    /// - Parameter groups: the group of every node, by node index.
    /// - Returns: the counts of every node, by node index.
    /// - Complexity: O(Σ_b in(b)·out(b)·log d) time for maximum degree d, O(n) memory.
    public func brokerage(groups: [Int32]) -> [BrokerageCounts] {
        precondition(groups.count == nodeCount, "brokerage needs one group per node")
        let into = isDirected ? incoming : outgoing
        var result = [BrokerageCounts](repeating: BrokerageCounts(), count: nodeCount)
        for b in 0 ..< nodeCount {
            let gb = groups[b]
            var counts = BrokerageCounts()
            var lastA: NodeIndex = -1
            for a in into.neighbors(of: NodeIndex(b)) where Int(a) != b && a != lastA {
                lastA = a
                let ga = groups[Int(a)]
                var lastC: NodeIndex = -1
                for c in outgoing.neighbors(of: NodeIndex(b)) where Int(c) != b && c != a && c != lastC {
                    lastC = c
                    if hasEdge(from: a, to: c) { continue }
                    let gc = groups[Int(c)]
                    if ga == gb {
                        if gb == gc { counts.coordinator += 1 } else { counts.representative += 1 }
                    } else if gb == gc {
                        counts.gatekeeper += 1
                    } else if ga == gc {
                        counts.itinerant += 1
                    } else {
                        counts.liaison += 1
                    }
                }
            }
            result[b] = counts
        }
        return result
    }
}
