import TNetGraph

extension Dataset {
    /// Link kind of the links a bipartite projection creates (declared symmetric in the
    /// projected dataset's schema).
    public static let sharesLinkKind: LinkKind = "shares"

    /// The bipartite projection onto the entities named by `onto` (ids or kinds): two of them are
    /// linked (kind `shares`, undirected) when they share a neighbour among the others, or among
    /// `through` when given, e.g. syndicates that share compounds. Weight: the number of shared
    /// neighbours (NetworkX's `weighted_projected_graph`); attribute `through`: their ids;
    /// sources: every source cited by the links involved, so each projected link stays traceable.
    /// Links are taken either way. Sources, schema and title are kept.
    ///
    /// ```swift
    /// let shared = try dataset.bipartiteProjection(onto: ["syndicate"], through: ["compound"])
    /// ```
    /// - Parameters:
    ///   - onto: entity ids or kinds to keep as the projection's entities.
    ///   - through: entity ids or kinds whose sharing counts (nil: every other entity).
    /// - Returns: a dataset of the `onto` entities and `shares` links between them.
    /// - Throws: ``AnalysisError`` when an item names neither an entity nor a kind present.
    /// - Complexity: O(Σ *d*(*x*)²) over the shared entities *x*, plus O(*n* + *m*) to project.
    public func bipartiteProjection(onto: [String], through: [String]? = nil) throws(AnalysisError) -> Dataset {
        var side = [Bool](repeating: false, count: entities.count)
        for i in try select(onto, what: "onto") { side[i] = true }
        var via: [Bool]?
        if let through {
            var mask = [Bool](repeating: false, count: entities.count)
            for i in try select(through, what: "through") { mask[i] = true }
            via = mask
        }
        let g = graph(ProjectionOptions(direction: .undirected))
        // The sources cited by the links between each pair of entities.
        var cited: [UInt64: [String]] = [:]
        forEachResolvedLink { i, s, t in
            let key = UInt64(UInt32(min(s, t))) << 32 | UInt64(UInt32(max(s, t)))
            cited[key, default: []] += links[i].sources
        }
        func sources(_ a: NodeIndex, _ b: NodeIndex) -> [String] {
            cited[UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))] ?? []
        }
        var out = emptyCopy()
        out.schema.linkKinds.append(Self.sharesLinkKind)
        out.schema.symmetricLinkKinds.insert(Self.sharesLinkKind)
        for (i, e) in entities.enumerated() where side[i] { out.append(e) }
        for edge in g.bipartiteProjection(side: side, through: via) {
            var citations: [String] = []
            for x in edge.shared {
                for s in sources(edge.u, x) + sources(edge.v, x) where !citations.contains(s) { citations.append(s) }
            }
            var attributes = Attributes()
            attributes["through"] = .list(edge.shared.map { .string(entities[Int($0)].id) })
            out.append(Link(source: entities[Int(edge.u)].id, target: entities[Int(edge.v)].id, kind: Self.sharesLinkKind,
                            weight: Double(edge.shared.count), sources: citations, attributes: attributes))
        }
        return out
    }

    /// The k-core (every entity with at least k links within it; the innermost core when `k` is
    /// nil), as a subset of the dataset (NetworkX's `k_core`). Core numbers as NetworkX's
    /// `core_number` and ``CentralityMeasure/core`` compute them on the same graph: on a directed
    /// graph a node's degree is its in-degree plus its out-degree. A `k` above the largest core
    /// number is an error (the core would be empty).
    /// - Parameters:
    ///   - k: the least degree within the core; nil for the innermost core.
    ///   - projection: direction and how parallel links combine (weights are ignored).
    /// - Returns: the entities of the core and the links among them.
    /// - Throws: ``AnalysisError/unsupportedData(_:)`` when the network has self-loops or `k` is
    ///   above the largest core number.
    /// - Complexity: O(*n* + *m*) (Batagelj–Zaversnik peeling).
    public func kCore(_ k: Int?, projection: ProjectionOptions = ProjectionOptions()) throws(AnalysisError) -> Dataset {
        var p = projection
        p.weighted = false
        guard let core = graph(p).coreNumbers() else {
            throw .unsupportedData("k-core: the network has self-loops (k-cores are undefined with them, as in NetworkX); filter those links out")
        }
        let largest = core.max() ?? 0
        let level = k ?? largest
        if level > largest {
            throw .unsupportedData("k-core: no entity is in the \(level)-core: the largest core number is \(largest) (the \(largest)-core has \(core.filter { $0 == largest }.count) entities)")
        }
        return subset(entities: core.map { $0 >= level }, links: [Bool](repeating: true, count: links.count))
    }
}
