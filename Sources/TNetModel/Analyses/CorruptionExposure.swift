import TNetGraph

/// A state actor (official or agency) tied to the perpetrator side by corruption links.
public struct CorruptionExposure: Sendable {
    /// Position of the state actor in the dataset it was computed on.
    public var entity: Int
    /// The state actor's id: what identifies it outside that dataset.
    public var id: String
    /// Every corruption link (``LinkFamily/corruption``) that touches it, in file order, those to
    /// other state actors included.
    public var links: [Int]
    /// The same links by value.
    public var linkValues: [Link]
    /// Perpetrator-side entities (``Dataset/isPerpetratorSide(_:)``) at the other end of those
    /// links, in id order.
    public var counterparts: [Int]
    /// Compounds among the counterparts and compounds a counterpart operates or controls, in id
    /// order: what the tie shields.
    public var compounds: [Int]
    /// Pairs (state actor, perpetrator-side entity), neither this one, that are connected in the
    /// network of ties and are no longer connected without it: the pairs only it connects. The
    /// network of ties is every link but ``LinkFamily/nonTies`` (places, sanctions, rescues,
    /// repatriations), read either way.
    public var pairsOnlyItConnects: Int
}

extension Dataset {
    /// The link kinds that tie a state actor to the perpetrator side (``LinkFamily/corruption``).
    public static var corruptionLinkKinds: Set<LinkKind> { LinkFamily.corruption }

    /// Officials and agencies with at least one corruption link (protects, bribes, pays,
    /// colludes_with, either way) to the perpetrator side, with the counterparts, the compounds
    /// they shield and the state–perpetrator pairs only they connect. Ranked by those pairs,
    /// then counterparts, then id.
    ///
    /// ```swift
    /// for row in dataset.corruptionExposure().prefix(5) {
    ///     print(row.id, row.counterparts.count, "counterparts,", row.pairsOnlyItConnects, "pairs only it connects")
    /// }
    /// ```
    /// - Returns: one row per state actor with a corruption link to the perpetrator side.
    /// - Complexity: O(*n* + *m*) for the pairs (one depth-first search), plus sorting each
    ///   row's links and counterparts.
    public func corruptionExposure() -> [CorruptionExposure] {
        let n = entities.count
        var corruptLinks = [[Int]](repeating: [], count: n)
        var tiedToPerpetrator = [Bool](repeating: false, count: n)
        var operated = [[Int]](repeating: [], count: n)
        var tieFrom: [NodeIndex] = [], tieTo: [NodeIndex] = []
        forEachResolvedLink { l, s, t in
            let (a, b) = (Int(s), Int(t))
            let kind = self.kind(ofLink: l)
            if !LinkFamily.nonTies.contains(kind) && a != b { tieFrom.append(s); tieTo.append(t) }
            if LinkFamily.corruption.contains(kind) && a != b {
                for (x, y) in [(a, b), (b, a)] where isStateActor(x) {
                    corruptLinks[x].append(l)
                    if isPerpetratorSide(y) { tiedToPerpetrator[x] = true }
                }
            }
            if (kind == .operates || kind == .controls) && entities[b].kind == .compound { operated[a].append(b) }
        }
        let ties = Graph(nodeCount: n, directed: false, sources: tieFrom, targets: tieTo)
        // The (state actor, perpetrator-side) pairs only each node connects, for all nodes in
        // one search (Graph.separatedPairs); a components search without each row's actor took
        // 24 minutes at 100,000 entities.
        let onlyConnects = ties.separatedPairs(first: (0 ..< n).map(isStateActor), second: (0 ..< n).map(isPerpetratorSide))
        let byID = { (x: Int, y: Int) in Self.precedes(self.entities[x].id, self.entities[y].id) }
        var out: [CorruptionExposure] = []
        for i in 0 ..< n where tiedToPerpetrator[i] {
            var counterparts = Set<Int>()
            for l in corruptLinks[i] {
                let (s, t) = endpoints(ofLink: l)
                let other = s! == i ? t! : s!
                if isPerpetratorSide(other) { counterparts.insert(other) }
            }
            var compounds = Set(counterparts.filter { entities[$0].kind == .compound })
            for c in counterparts { compounds.formUnion(operated[c]) }
            let pairs = onlyConnects[i]
            let list = corruptLinks[i].sorted()
            out.append(CorruptionExposure(entity: i, id: entities[i].id, links: list, linkValues: list.map { links[$0] },
                                          counterparts: counterparts.sorted(by: byID), compounds: compounds.sorted(by: byID),
                                          pairsOnlyItConnects: pairs))
        }
        return out.sorted { a, b in
            if a.pairsOnlyItConnects != b.pairsOnlyItConnects { return a.pairsOnlyItConnects > b.pairsOnlyItConnects }
            if a.counterparts.count != b.counterparts.count { return a.counterparts.count > b.counterparts.count }
            return Self.precedes(entities[a.entity].id, entities[b.entity].id)
        }
    }
}
