/// How well two countries' authorities are linked, for one trafficking flow, as far as the
/// data shows.
public enum ChannelStrength: Int, Comparable, Sendable, CaseIterable {
    /// Both countries have an authority (an agency) in the data, and no channel joins them: a gap.
    case none = 0
    /// No channel, and one of the two countries has no authority in the data: the data cannot
    /// tell a gap from an authority nobody recorded.
    case noAuthorityRecorded = 1
    /// Only a memorandum of understanding, a cooperation link without an agreement type, or a
    /// shared multilateral body (an agency with no country that both sides cooperate with or are
    /// members of: ASEAN, INTERPOL).
    case weak = 2
    /// A police channel, a contact point or a joint operation between the two sides.
    case strong = 3
    /// Weaker first: ``none`` < ``noAuthorityRecorded`` < ``weak`` < ``strong``.
    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    /// The strength in words, as outputs print it ("no authority recorded").
    public var name: String { ["none", "no authority recorded", "weak", "strong"][rawValue] }
}

/// One cooperation link between the two sides of a flow.
public struct CooperationChannel: Sendable {
    /// Position of the `cooperates_with` or `member_of` link in the dataset.
    public var link: Int
    /// mou, police_channel, contact_point, joint_operation, or nil when the link does not say.
    public var agreement: String?
    /// The multilateral body both sides work with, for an indirect channel.
    public var via: Int?
}

/// Trafficking from one country to another and the cooperation that could answer it.
public struct CooperationGap: Sendable {
    /// Position of the source country (where victims are recruited) in the dataset.
    public var source: Int
    /// Position of the host country (where the compounds are) in the dataset.
    public var host: Int
    /// The trafficked_to links behind the flow (to the host country or to its compounds).
    public var flowLinks: [Int]
    /// People counted on those links (their weights), when any link gives a count.
    public var victims: Double?
    /// The channels between the two countries: direct ones, else both sides' links to each
    /// shared multilateral body (source side first).
    public var channels: [CooperationChannel]
    /// How well the channels answer the flow.
    public var strength: ChannelStrength
    /// The sources cited by the flow's links, in order of first citation.
    public var citations: [String]
}

extension Dataset {
    /// The country each entity belongs to: itself for a country, else its `country` field, else
    /// the first country up its chain of `located_in` links (a cycle of such links gives none).
    /// - Returns: each entity's country (a position), nil when none can be found.
    /// - Complexity: O(*n* + *m*): each entity is walked once.
    public func entityCountries() -> [Int?] {
        var locatedIn = [Int](repeating: -1, count: entities.count)
        forEachResolvedLink { l, s, t in
            if kind(ofLink: l) == .locatedIn && locatedIn[Int(s)] < 0 && s != t { locatedIn[Int(s)] = Int(t) }
        }
        func own(_ i: Int) -> Int? {
            if entities[i].kind == .country { return i }
            if let c = entities[i].country, let k = index(of: c), entities[k].kind == .country { return k }
            return nil
        }
        var out = [Int?](repeating: nil, count: entities.count)
        var done = [Bool](repeating: false, count: entities.count)
        for i in entities.indices where !done[i] {
            // Walk up until a country or a known answer; every entity on the way gets the answer.
            var path: [Int] = []
            var at = i
            var answer: Int? = nil
            var onPath = Set<Int>()
            while true {
                if done[at] { answer = out[at]; break }
                if let c = own(at) { answer = c; path.append(at); break }
                path.append(at)
                onPath.insert(at)
                let up = locatedIn[at]
                if up < 0 || onPath.contains(up) { break }
                at = up
            }
            for p in path { out[p] = answer; done[p] = true }
        }
        return out
    }

    /// Every trafficking flow from a source country to a host country (a `trafficked_to` link from
    /// a country to another country, or to a compound whose country is the host), with the
    /// cooperation channels between the two countries: `cooperates_with` links between them or
    /// anything in them (their agencies), else the links (`cooperates_with` or `member_of`, either
    /// way) of both to a shared multilateral body (an agency with no country). Weakest first
    /// (``ChannelStrength``), then by the people counted (the flow links' weights), then by names.
    /// Where the data states trafficking between two countries whose authorities have no
    /// working channel, cooperation is the gap to close.
    ///
    /// ```swift
    /// for gap in dataset.cooperationGaps() where gap.strength < .weak {
    ///     print(dataset.entities[gap.source].label, "→", dataset.entities[gap.host].label, gap.strength.name)
    /// }
    /// ```
    /// - Returns: one gap per (source country, host country) flow, weakest first.
    /// - Complexity: O(*n* + *m*) (plus sorting the flows); no graph kernel runs.
    public func cooperationGaps() -> [CooperationGap] {
        let countryOf = entityCountries()
        var flows: [[Int]: CooperationGap] = [:]
        var order: [[Int]] = []
        forEachResolvedLink { l, s, t in
            let link = links[l]
            guard link.kind == .traffickedTo, entities[Int(s)].kind == .country else { return }
            let target = entities[Int(t)]
            guard target.kind == .country || target.kind == .compound, let host = countryOf[Int(t)], host != Int(s) else { return }
            let key = [Int(s), host]
            if flows[key] == nil {
                flows[key] = CooperationGap(source: Int(s), host: host, flowLinks: [], victims: nil, channels: [], strength: .none, citations: [])
                order.append(key)
            }
            flows[key]!.flowLinks.append(l)
            if let w = link.weight { flows[key]!.victims = (flows[key]!.victims ?? 0) + w }
            for c in link.sources where !flows[key]!.citations.contains(c) { flows[key]!.citations.append(c) }
        }
        // Cooperation between countries (directly or through their agencies), and each country's
        // multilateral bodies (agencies with no country) that it or anything in it works with or
        // belongs to.
        var direct: [[Int]: [CooperationChannel]] = [:]
        var multilateral: [Int: [(body: Int, link: Int, agreement: String?)]] = [:]  // country → bodies
        var hasAuthority = Set<Int>()
        for (i, e) in entities.enumerated() where e.kind == .agency { if let c = countryOf[i] { hasAuthority.insert(c) } }
        forEachResolvedLink { l, s, t in
            let link = links[l]
            guard link.kind == .cooperatesWith || link.kind == .memberOf else { return }
            let a = countryOf[Int(s)], b = countryOf[Int(t)]
            if link.kind == .cooperatesWith, let a, let b, a != b {
                direct[[min(a, b), max(a, b)], default: []].append(CooperationChannel(link: l, agreement: link.agreement, via: nil))
            } else if let a, b == nil, entities[Int(t)].kind == .agency {
                multilateral[a, default: []].append((Int(t), l, link.agreement))
            } else if let b, a == nil, entities[Int(s)].kind == .agency {
                multilateral[b, default: []].append((Int(s), l, link.agreement))
            }
        }
        let strong: Set<String> = ["police_channel", "contact_point", "joint_operation"]
        var out: [CooperationGap] = []
        for key in order {
            var gap = flows[key]!
            let pair = [min(gap.source, gap.host), max(gap.source, gap.host)]
            gap.channels = direct[pair] ?? []
            if gap.channels.contains(where: { strong.contains($0.agreement ?? "") }) {
                gap.strength = .strong
            } else if !gap.channels.isEmpty {
                gap.strength = .weak
            } else {
                let sourceBodies = Set((multilateral[gap.source] ?? []).map(\.body))
                let hostBodies = Set((multilateral[gap.host] ?? []).map(\.body))
                let shared = sourceBodies.intersection(hostBodies)
                // Both sides' links to each shared body, source side first, in file order.
                for side in [gap.source, gap.host] {
                    for m in multilateral[side] ?? [] where shared.contains(m.body) {
                        gap.channels.append(CooperationChannel(link: m.link, agreement: m.agreement, via: m.body))
                    }
                }
                if !gap.channels.isEmpty {
                    gap.strength = .weak
                } else {
                    gap.strength = hasAuthority.contains(gap.source) && hasAuthority.contains(gap.host) ? .none : .noAuthorityRecorded
                }
            }
            out.append(gap)
        }
        return out.sorted { a, b in
            if a.strength != b.strength { return a.strength < b.strength }
            if (a.victims ?? -1) != (b.victims ?? -1) { return (a.victims ?? -1) > (b.victims ?? -1) }
            if a.source != b.source { return Self.precedes(entities[a.source].label, entities[b.source].label) }
            return Self.precedes(entities[a.host].label, entities[b.host].label)
        }
    }
}
