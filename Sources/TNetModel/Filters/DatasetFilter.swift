import TNetGraph

/// The filters every command shares, applied to the model before any graph is built.
///
/// Entities are kept when they pass every entity test; links when they pass every link test
/// and both endpoints are kept. Then, with an ``ego``, only what lies within ``radius`` hops of
/// it remains (hops follow links either way, like `networkx.ego_graph(G, n, radius,
/// undirected=True)`).
public struct DatasetFilter: Sendable, Hashable {
    /// Entity kinds to keep; `nil` keeps all.
    public var entityKinds: Set<EntityKind>?
    /// Link kinds to keep; `nil` keeps all.
    public var linkKinds: Set<LinkKind>?
    /// Keep what held on this date: facts whose period covers it, and facts with no period.
    public var asOf: PartialDate?
    /// Keep only facts graded at least this well. Ungraded facts fail a confidence filter.
    public var minimumConfidence: ConfidenceThreshold?
    /// Persons with these roles are removed, with their links.
    public var excludedRoles: Set<PersonRole>
    /// Keep only the neighbourhood of this entity id.
    public var ego: String?
    /// Hops from ``ego`` (default 1).
    public var radius: Int

    /// A filter from its tests; the defaults keep everything.
    /// - Parameters:
    ///   - entityKinds: Entity kinds to keep, or `nil` for all.
    ///   - linkKinds: Link kinds to keep, or `nil` for all.
    ///   - asOf: Keep what held on this date (and what is undated).
    ///   - minimumConfidence: Keep only what is graded at least this well.
    ///   - excludedRoles: Remove persons with these roles, compared in canonical form.
    ///   - ego: Keep only the neighbourhood of this entity id.
    ///   - radius: Hops from `ego`.
    public init(entityKinds: Set<EntityKind>? = nil, linkKinds: Set<LinkKind>? = nil, asOf: PartialDate? = nil,
                minimumConfidence: ConfidenceThreshold? = nil, excludedRoles: Set<PersonRole> = [],
                ego: String? = nil, radius: Int = 1) {
        self.entityKinds = entityKinds
        self.linkKinds = linkKinds
        self.asOf = asOf
        self.minimumConfidence = minimumConfidence
        self.excludedRoles = excludedRoles
        self.ego = ego
        self.radius = radius
    }

    /// Whether the filter keeps everything.
    public var isEmpty: Bool {
        entityKinds == nil && linkKinds == nil && asOf == nil && minimumConfidence == nil
            && excludedRoles.isEmpty && ego == nil
    }

    /// Problems a filter can have with a dataset.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The problem in words, naming the ego at fault.
        public let message: String
        /// The same as ``message``.
        public var description: String { message }
        /// A failure saying `message`.
        /// - Parameter message: the problem in words.
        public init(message: String) { self.message = message }
    }

    /// Whether an entity passes the entity tests: its kind is kept, its role is not excluded
    /// (compared in ``PersonRole/canonical`` form, so `Victims` matches `victim`; an excluded
    /// protected role also removes every role naming it, `former victim`), its period
    /// covers ``asOf`` and its grade meets ``minimumConfidence``. The ego test is not applied.
    /// - Parameter e: The entity to test.
    public func keeps(_ e: Entity) -> Bool {
        if let entityKinds, !entityKinds.contains(e.kind) { return false }
        if !excludedRoles.isEmpty, excludedRoles.contains(where: { Self.role($0, matches: e) }) { return false }
        if let asOf, let p = e.period, !p.covers(asOf) { return false }
        if let minimumConfidence, !minimumConfidence.admits(e.confidence) { return false }
        return true
    }

    /// Whether excluding `role` removes `e`: its role is `role` in canonical form (`Victims` is
    /// `victim`), or `role` is a protected role that `e`'s role or role attribute names as a word
    /// (``Entity/protectedRoles``: excluding `victim` removes a `former victim`, as every other
    /// protection does).
    /// - Parameters:
    ///   - role: an excluded role.
    ///   - e: an entity.
    /// - Returns: whether `e` goes when `role` is excluded.
    public static func role(_ role: PersonRole, matches e: Entity) -> Bool {
        if let r = e.role, r == role || r.canonical == role.canonical { return true }
        return PersonRole.protected.contains(role.canonical) && e.protectedRoles.contains(role.canonical)
    }

    /// Whether a link passes the link tests: its kind is kept, its period covers ``asOf`` and
    /// its grade meets ``minimumConfidence``. Its endpoints and the ego are not considered here.
    /// - Parameter l: The link to test.
    public func keeps(_ l: Link) -> Bool {
        if let linkKinds, !linkKinds.contains(l.kind) { return false }
        if let asOf, let p = l.period, !p.covers(asOf) { return false }
        if let minimumConfidence, !minimumConfidence.admits(l.confidence) { return false }
        return true
    }

    /// The filtered dataset (sources, schema and metadata kept; read locations kept for what
    /// remains).
    /// - Parameter dataset: The dataset to filter; it is not changed.
    /// - Returns: A new dataset holding what passes, in the original order; the dataset itself
    ///   when the filter ``isEmpty``.
    /// - Throws: ``Failure`` when the ego is not an entity or is itself filtered out.
    /// - Complexity: O(*n* + *m*) for *n* entities and *m* links.
    public func apply(to dataset: Dataset) throws(Failure) -> Dataset {
        if isEmpty { return dataset }
        var keepEntity = dataset.entities.map(keeps)
        var keepLink = [Bool](repeating: false, count: dataset.links.count)
        dataset.forEachResolvedLink { i, s, t in
            keepLink[i] = keepEntity[Int(s)] && keepEntity[Int(t)] && keeps(dataset.links[i])
        }
        if let ego {
            let center: Int
            do { center = try dataset.resolveEntity(ego, what: "ego").index } catch { throw Failure(message: error.description) }
            guard keepEntity[center] else {
                throw Failure(message: "ego \(quoted(ego)) is excluded by the other filters")
            }
            let near = neighbourhood(of: center, in: dataset, keepLink: keepLink)
            for i in keepEntity.indices where !near[i] { keepEntity[i] = false }
            dataset.forEachResolvedLink { i, s, t in
                if keepLink[i] && !(near[Int(s)] && near[Int(t)]) { keepLink[i] = false }
            }
        }
        return dataset.subset(entities: keepEntity, links: keepLink)
    }

    /// Entities within ``radius`` hops of `center` over kept links, by breadth-first search.
    private func neighbourhood(of center: Int, in dataset: Dataset, keepLink: [Bool]) -> [Bool] {
        var sources: [NodeIndex] = [], targets: [NodeIndex] = []
        dataset.forEachResolvedLink { i, s, t in
            if keepLink[i] { sources.append(s); targets.append(t) }
        }
        let g = Graph(nodeCount: dataset.entities.count, directed: false, sources: sources, targets: targets)
        var depth = [Int32](repeating: -1, count: dataset.entities.count)
        depth[center] = 0
        var frontier = [NodeIndex(center)], next: [NodeIndex] = []
        var level: Int32 = 0
        while !frontier.isEmpty && Int(level) < radius {
            level += 1
            for u in frontier {
                for v in g.outgoing.neighbors(of: u) where depth[Int(v)] < 0 {
                    depth[Int(v)] = level
                    next.append(v)
                }
            }
            swap(&frontier, &next)
            next.removeAll(keepingCapacity: true)
        }
        return depth.map { $0 >= 0 }
    }
}

extension DatasetFilter: CustomStringConvertible {
    /// The filter in words, for reports: `as of 2022-01-01, confidence ≥ B3`.
    public var description: String {
        var parts: [String] = []
        if let entityKinds { parts.append("kinds " + entityKinds.map(\.rawValue).sorted().joined(separator: ",")) }
        if let linkKinds { parts.append("link kinds " + linkKinds.map(\.rawValue).sorted().joined(separator: ",")) }
        if let asOf { parts.append("as of \(asOf)") }
        if let minimumConfidence { parts.append("confidence ≥ \(minimumConfidence)") }
        if !excludedRoles.isEmpty { parts.append("without " + excludedRoles.map(\.rawValue).sorted().joined(separator: ",")) }
        if let ego { parts.append("within \(radius) hop\(radius == 1 ? "" : "s") of \(quoted(ego))") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }
}
