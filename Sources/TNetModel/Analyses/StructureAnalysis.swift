import TNetGraph

extension Dataset {
    /// Components of the dataset's graph (direction from the link kinds): weakly connected, or
    /// with `strong` strongly connected. Numbered from 0 by size, largest first, ties by the
    /// smallest member id (code point order). NetworkX's `weakly_connected_components` or
    /// `strongly_connected_components` (`connected_components` on an undirected graph).
    /// - Parameter strong: strongly connected components (along link directions) instead of
    ///   weakly connected ones.
    /// - Returns: each entity's component number, in entity order.
    /// - Complexity: O(*n* + *m*) for the search (Tarjan's algorithm when strong), plus
    ///   O(*c* log *c*) to number *c* components.
    public func components(strong: Bool) -> [Int] {
        let g = graph()
        let labels = strong ? g.stronglyConnectedComponents() : g.connectedComponents()
        var size = [Int](repeating: 0, count: labels.count)
        var smallest = [Int](repeating: -1, count: labels.count)
        for (v, c) in labels.labels.enumerated() {
            let c = Int(c)
            size[c] += 1
            if smallest[c] < 0 || Self.precedes(entities[v].id, entities[smallest[c]].id) { smallest[c] = v }
        }
        let order = (0 ..< labels.count).sorted { a, b in
            size[a] != size[b] ? size[a] > size[b] : Self.precedes(entities[smallest[a]].id, entities[smallest[b]].id)
        }
        var number = [Int](repeating: 0, count: labels.count)
        for (rank, c) in order.enumerated() { number[c] = rank }
        return labels.labels.map { number[Int($0)] }
    }

    /// Articulation points and bridges of the dataset's graph taken as undirected: entity indices
    /// ordered by id, bridges as (smaller id, larger id) pairs ordered by ids. NetworkX's
    /// `articulation_points` and `bridges`.
    /// - Returns: the single points of failure (entity positions) and the ties whose removal
    ///   disconnects their ends.
    /// - Complexity: O(*n* + *m*) (Hopcroft–Tarjan low-points), plus sorting the results.
    public func cutpoints() -> (articulationPoints: [Int], bridges: [(Int, Int)]) {
        let cut = graph(ProjectionOptions(direction: .undirected)).cutStructure()
        let points = cut.articulationPoints.map(Int.init).sorted { Self.precedes(entities[$0].id, entities[$1].id) }
        let bridges = cut.bridges.map { (u, v) -> (Int, Int) in
            Self.precedes(entities[Int(u)].id, entities[Int(v)].id) ? (Int(u), Int(v)) : (Int(v), Int(u))
        }.sorted { a, b in
            entities[a.0].id != entities[b.0].id ? Self.precedes(entities[a.0].id, entities[b.0].id)
                : Self.precedes(entities[a.1].id, entities[b.1].id)
        }
        return (points, bridges)
    }

    /// Code point order of ids (their UTF-8 bytes), the order every output sorts ids in.
    /// - Parameters:
    ///   - a: an id.
    ///   - b: another id.
    /// - Returns: true when `a` sorts before `b`.
    public static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
