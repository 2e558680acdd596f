/// A state actor (official or agency) tied to organised crime.
public struct CorruptionExposure: Sendable {
    public var entity: Int
    /// The corruption links (protects, bribes, pays, colludes_with) between it and syndicates.
    public var links: [Int]
    /// Syndicates it is tied to, in id order.
    public var syndicates: [Int]
    /// Compounds those syndicates operate or control, in id order: what the tie shields.
    public var compounds: [Int]
    /// Its neighbours on the state side (officials, agencies) and the criminal side (syndicates,
    /// compounds, companies, financial channels, non-protected persons).
    public var stateContacts: Int
    public var criminalContacts: Int
    /// Pairs (state contact, criminal contact) that are not linked to each other: what this actor
    /// alone connects (Gould–Fernandez liaison/representative-style brokerage between the two sides).
    public var brokeredPairs: Int
}

extension Dataset {
    /// The link kinds that tie a state actor to a syndicate.
    public static let corruptionLinkKinds: Set<LinkKind> = [.protects, .bribes, .pays, .colludesWith]

    /// Officials and agencies linked to syndicates by protects, bribes, pays or colludes_with (either
    /// way), with the syndicates and compounds each connects to the state side and the pairs it
    /// brokers between the two sides. Ranked by brokered pairs, then syndicates, then id.
    public func corruptionExposure() -> [CorruptionExposure] {
        let n = entities.count
        func isState(_ i: Int) -> Bool { entities[i].kind == .official || entities[i].kind == .agency }
        func isCriminal(_ i: Int) -> Bool {
            let e = entities[i]
            switch e.kind {
            case .syndicate, .compound, .company, .financial: return true
            case .person: return e.role?.isProtected != true
            default: return false
            }
        }
        var neighbours = [Set<Int>](repeating: [], count: n)
        var ties: [Int: [Int]] = [:]
        var operated = [[Int]](repeating: [], count: n)
        forEachResolvedLink { l, s, t in
            let (a, b) = (Int(s), Int(t))
            guard a != b else { return }
            neighbours[a].insert(b)
            neighbours[b].insert(a)
            let kind = links[l].kind
            if Self.corruptionLinkKinds.contains(kind) {
                if isState(a) && entities[b].kind == .syndicate { ties[a, default: []].append(l) }
                if isState(b) && entities[a].kind == .syndicate { ties[b, default: []].append(l) }
            }
            if (kind == .operates || kind == .controls) && entities[a].kind == .syndicate && entities[b].kind == .compound {
                operated[a].append(b)
            }
        }
        var out: [CorruptionExposure] = []
        for (i, linkList) in ties {
            let syndicates = Set(linkList.flatMap { l -> [Int] in
                let (s, t) = endpoints(ofLink: l)
                return [s!, t!].filter { entities[$0].kind == .syndicate }
            })
            let compounds = Set(syndicates.flatMap { operated[$0] })
            let state = neighbours[i].filter(isState), criminal = neighbours[i].filter(isCriminal)
            var brokered = 0
            for a in state { for b in criminal where !neighbours[a].contains(b) { brokered += 1 } }
            let byID = { (x: Int, y: Int) in Self.precedes(self.entities[x].id, self.entities[y].id) }
            out.append(CorruptionExposure(entity: i, links: linkList.sorted(), syndicates: syndicates.sorted(by: byID),
                                          compounds: compounds.sorted(by: byID), stateContacts: state.count,
                                          criminalContacts: criminal.count, brokeredPairs: brokered))
        }
        return out.sorted { a, b in
            if a.brokeredPairs != b.brokeredPairs { return a.brokeredPairs > b.brokeredPairs }
            if a.syndicates.count != b.syndicates.count { return a.syndicates.count > b.syndicates.count }
            return Self.precedes(entities[a.entity].id, entities[b.entity].id)
        }
    }
}
