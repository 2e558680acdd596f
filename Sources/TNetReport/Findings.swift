import TNetModel

/// A piece of a finding: words, or the entity or link (dataset positions) it rests on, which the
/// page opens in its panel and the Markdown names by id.
enum FindingPart: Sendable {
    case text(String)
    case entity(Int)
    case link(Int)
}

/// What an investigator came for, first: a few plain sentences from the analyses the
/// ``Briefing`` computed (key players, the cheapest cut, cooperation gaps, corruption), each
/// naming its evidence. Only the target policy's candidates are proposed for action: the key
/// players, the key-player set and the cut entities come from analyses that apply it.
struct Findings {
    let b: Briefing

    /// One finding: a heading word, its sentence, and all of its evidence.
    struct Item {
        /// `Key players`, `Cheapest cut`…
        var topic: String
        /// The sentence, naming at most ``Findings/listed`` entities or links per list.
        var parts: [FindingPart]
        /// Every entity and link the finding rests on, dataset positions, each once in order of
        /// mention: those the sentence names, then those it only counts ("and 3 more").
        var entities: [Int], links: [Int]
    }

    /// How a removal changed fragmentation, as a clause ending the sentence: "raises
    /// fragmentation from 0.4 to 0.6.". Sampled (`margin` above 0: the two values' bounds
    /// together), a change is stated only when the values differ by more than the margin;
    /// otherwise the clause says the sample does not establish one.
    static func change(from before: Double, to after: Double, margin: Double) -> String {
        if margin > 0 && abs(after - before) <= margin {
            return "is estimated to change fragmentation from \(number(before)) to \(number(after)), a difference within the two values' bounds together (\(RemovalAccuracy.number(margin))): the sample does not establish a change."
        }
        let verb = after > before ? "raises" : after < before ? "lowers" : "leaves"
        return "\(verb) fragmentation from \(number(before))" + (verb == "leaves" ? " unchanged." : " to \(number(after)).")
    }

    /// Each finding: a heading word and its sentence.
    var items: [Item] {
        var out: [Item] = []
        let d = b.dataset
        // Evidence a sentence counts without naming it, for the finding being built.
        var unnamed: [FindingPart] = []
        // A finding with its evidence: what its sentence names, then what it only counts.
        func item(_ topic: String, _ parts: [FindingPart]) -> Item {
            var entities: [Int] = [], links: [Int] = []
            for part in parts + unnamed {
                switch part {
                case .entity(let i): if !entities.contains(i) { entities.append(i) }
                case .link(let i): if !links.contains(i) { links.append(i) }
                case .text: break
                }
            }
            unnamed = []
            return Item(topic: topic, parts: parts, entities: entities, links: links)
        }
        // At most `Self.listed` named; the rest counted (every one is in report.json and the panel).
        func list(_ all: [Int], _ f: (Int) -> FindingPart) -> [FindingPart] {
            unnamed += all.dropFirst(Self.listed).map(f)
            let xs = all.prefix(Self.listed)
            var parts: [FindingPart] = []
            for (i, x) in xs.enumerated() {
                if i > 0 { parts.append(.text(i == xs.count - 1 && all.count == xs.count ? " and " : ", ")) }
                parts.append(f(x))
            }
            if all.count > xs.count { parts.append(.text(" and \(all.count - xs.count) more")) }
            return parts
        }
        // Key players.
        // Only actors whose removal does fragment the network are said to (a gain of 0 or less
        // is no finding); the set's sentence says which way its value went. Sampled (above the
        // exact limit), the sentence names only what the sample establishes: the first places
        // it separates from every other candidate, each gain above its bound. At 10⁴ entities
        // and more a single actor's gain is often far below the bound, and then the finding
        // says so and names instead the removals that cut most entities off, counted exactly.
        var top = Array(b.keyPlayers.filter { $0.fragmentationGain > 0 }.prefix(3))
        var separated = false
        if let order = b.keyPlayerOrder {
            // Places the sample separates from every later candidate, and the last place (no
            // candidate after it): with one to three candidates each gain above the bound names
            // them all. The bound holds for every gain together, as the separations' does.
            let r = (order.separations + [order.count]).last { r in
                r <= min(3, b.keyPlayers.count) && b.keyPlayers.prefix(r).allSatisfy { $0.fragmentationGain > order.bound }
            }
            top = r.map { Array(b.keyPlayers.prefix($0)) } ?? []
            separated = r != nil
        }
        var parts: [FindingPart] = []
        if let order = b.keyPlayerOrder, top.isEmpty, order.count == 1, let only = b.keyPlayers.first {
            // One candidate: no order, only whether its gain is above 0 (helper-63: "two gains
            // are told apart" was said of a single one).
            parts = [.text("The sample does not establish that removing the only candidate, ")]
            parts.append(FindingPart.entity(only.entity))
            parts.append(.text(", fragments the network: its estimated gain (\(Self.number(only.fragmentationGain))) is not above its bound (±\(RemovalAccuracy.number(order.bound)), probability ≥ \(order.confidence))."))
        } else if let order = b.keyPlayerOrder, top.isEmpty {
            let bound = RemovalAccuracy.number(order.differenceBound)
            parts = [.text("The sample does not establish which actor's removal fragments the network most: two gains are told apart only by more than \(bound), and no actor's stands out so (the key-player table gives them as estimates).")]
            if !b.mostCutOff.isEmpty {
                parts.append(.text(b.mostCutOff.count == 1 ? " Counted exactly, the removal that cuts most entities off the largest part is that of " : " Counted exactly, the removals that cut most entities off the largest part are those of "))
                parts += list(b.mostCutOff.map(\.entity), FindingPart.entity)
                // Every one past those named is tied with the third (``Briefing/mostCutOff``).
                let named = b.mostCutOff.prefix(Self.listed), more = b.mostCutOff.count - named.count
                parts.append(.text(" (" + named.map { "\(d.entities[$0.entity].label): \($0.cutOff)" }.joined(separator: "; ")
                                   + (more > 0 ? "; the \(more) more: \(b.mostCutOff.last!.cutOff) each" : "") + ")."))
            }
        } else if top.isEmpty && !b.keyPlayers.isEmpty {
            parts = [.text("No single actor's removal fragments the network (every candidate's fragmentation gain is 0 or less); the key-player table ranks them by the other measures.")]
        } else if !top.isEmpty {
            let all = b.keyPlayerOrder.map { top.count == $0.count && $0.count > 1 } ?? false
            parts = [.text(all ? "Removing any of the \(top.count) candidates fragments the network: "
                           : top.count == 1 ? "The actor whose removal fragments the network most is " : "The actors whose removal fragments the network most are ")]
            parts += list(top.map(\.entity), FindingPart.entity)
            parts.append(.text(" (" + top.map { "\(d.entities[$0.entity].label): " + ($0.why.split(separator: ";").first.map(String.init) ?? $0.why) }.joined(separator: "; ") + ")."))
            if separated, let order = b.keyPlayerOrder {
                parts.append(.text(top.count == order.count
                    ? " The sample establishes that \(top.count == 1 ? "its gain is" : "each gain is") above 0 (every gain within ±\(RemovalAccuracy.number(order.bound)), all together with probability ≥ \(order.confidence))."
                    : " The sample separates \(top.count == 1 ? "it" : "them") from every other candidate (every gain within ±\(RemovalAccuracy.number(order.bound)), all together with probability ≥ \(order.confidence))."))
            }
        }
        if !parts.isEmpty {
            if !top.isEmpty || b.keyPlayerOrder != nil, let set = b.keyPlayerSet, !set.set.isEmpty {
                parts.append(.text(" Acting on "))
                parts += list(set.set, FindingPart.entity)
                parts.append(.text((set.set.count == 1 ? " " : " together ") + Self.change(from: set.baseFragmentation, to: set.fragmentation, margin: set.riseMargin)))
                // Sampled and not shown to beat the betweenness set: said, with its value (helper-65:
                // the set was offered while the numbers printed favoured the other).
                if !set.accuracy.isExact && !set.isBetweennessSet && !set.beatsBetweennessSet {
                    let n = set.betweennessSet.count
                    parts.append(.text(" The \(n == 1 ? "candidate" : "\(n) candidates") highest by betweenness reach\(n == 1 ? "es" : "") \(Self.number(set.betweennessFragmentation)) on the same sample: it does not establish that this set fragments the network more."))
                }
            }
            out.append(item("Key players", parts))
        }
        // The cheapest cut.
        if let cut = b.flowCut {
            var parts: [FindingPart]
            if cut.value == 0 {
                parts = [.text("No operational link joins the source countries to the compounds: there is nothing to cut.")]
            } else {
                parts = [.text("The cheapest cut between the source countries and the compounds is \(Self.number(cut.value)) tie\(cut.value == 1 ? "" : "s") (recruitment, transport, employment and control links read either way): ")]
                parts += list(cut.links, FindingPart.link)
                parts.append(.text("."))
                if let entities = cut.entities, !entities.isEmpty {
                    parts.append(.text(" The fewest actors whose removal leaves no such route: "))
                    parts += list(entities, FindingPart.entity)
                    parts.append(.text("."))
                } else if let route = cut.uncutRoute, route.count >= 2 {
                    // The reason, from the data: a route with no candidate on it.
                    let standings = d.targetStandings()
                    let between = route.dropFirst().dropLast()
                    if between.isEmpty {
                        parts.append(.text(" No set of candidate actors (by the target policy) separates the two sides: a link joins a source country to a compound directly: "))
                    } else {
                        let kinds = Array(Set(between.map { standings[$0].rawValue })).sorted()
                        parts.append(.text(" No set of candidate actors (by the target policy) separates the two sides: a route joins them with no candidate on it, only entities never proposed as targets between (\(kinds.joined(separator: ", "))): "))
                    }
                    parts += route.enumerated().flatMap { k, e in k == 0 ? [FindingPart.entity(e)] : [.text(" — "), .entity(e)] }
                    parts.append(.text("."))
                } else {
                    parts.append(.text(" No set of candidate actors (by the target policy) separates the two sides."))
                }
            }
            out.append(item("Cheapest cut", parts))
        }
        // Cooperation gaps: the flows with the weakest cooperation first (none, no authority
        // recorded, weak), most people first within each.
        if let gaps = b.gaps {
            let open = gaps.filter { $0.strength < .strong }
                .sorted { ($1.strength.rawValue, $0.victims ?? -1, d.entities[$1.source].id) > ($0.strength.rawValue, $1.victims ?? -1, d.entities[$0.source].id) }
            if open.isEmpty {
                out.append(item("Cooperation gaps", [.text("Every trafficking flow between countries in the data has a strong cooperation channel.")]))
            } else {
                var parts: [FindingPart] = [.text("The largest cooperation gap\(open.count == 1 ? "" : "s"): ")]
                for (n, g) in open.prefix(3).enumerated() {
                    if n > 0 { parts.append(.text("; ")) }
                    parts += [.text("trafficking from "), .entity(g.source), .text(" to "), .entity(g.host)]
                    parts.append(.text(g.victims.map { " (\(Self.number($0)) people)" } ?? ""))
                    switch g.strength {
                    case .none: parts.append(.text(" with no cooperation channel in the data, along "))
                    case .noAuthorityRecorded: parts.append(.text(" where the data records no authority on one side, along "))
                    default: parts.append(.text(" with weak cooperation only (an MOU, an untyped cooperation link or a shared body), along "))
                    }
                    parts += list(g.flowLinks, FindingPart.link)
                }
                parts.append(.text(open.count > 3 ? "; \(open.count - 3) more in Cooperation gaps." : "."))
                out.append(item("Cooperation gaps", parts))
            }
        }
        // Corruption: the state actors tying syndicates to the state.
        if let corruption = b.corruption {
            let ranked = corruption.sorted { ($0.pairsOnlyItConnects, $1.id) > ($1.pairsOnlyItConnects, $0.id) }.prefix(3)
            if ranked.isEmpty {
                out.append(item("Corruption", [.text("No official or agency has a corruption link in the data.")]))
            } else {
                var parts: [FindingPart] = [.text("The state actors tying the perpetrator side to the state: ")]
                for (n, r) in ranked.enumerated() {
                    if n > 0 { parts.append(.text("; ")) }
                    parts += [.entity(r.entity), .text(", tied to ")]
                    parts += list(r.counterparts, FindingPart.entity)
                    parts.append(.text(" by "))
                    parts += list(r.links, FindingPart.link)
                    if r.pairsOnlyItConnects > 0 { parts.append(.text(", the only connection of \(r.pairsOnlyItConnects) pair\(r.pairsOnlyItConnects == 1 ? "" : "s")")) }
                }
                parts.append(.text(corruption.count > 3 ? "; \(corruption.count - 3) more in Corruption exposure." : "."))
                out.append(item("Corruption", parts))
            }
        }
        return out
    }

    /// How many entities or links one finding names before it counts the rest.
    static let listed = 8

    static func number(_ x: Double) -> String {
        let r = (x * 1000).rounded() / 1000
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }

    /// The sentence as plain text, as the Markdown says it before escaping: an entity as
    /// `name (id)` (its id alone when it has no name), a link as ``linkText(_:_:)``.
    static func plainText(_ parts: [FindingPart], _ d: Dataset) -> String {
        parts.map { part in
            switch part {
            case .text(let t): t
            case .entity(let i): d.entities[i].name == nil ? d.entities[i].id : "\(d.entities[i].label) (\(d.entities[i].id))"
            case .link(let i): linkText(d, i)
            }
        }.joined()
    }

    /// A link in words: `syndicate-a operates compound-k [B2]`.
    static func linkText(_ d: Dataset, _ i: Int) -> String {
        let l = d.links[i]
        return "\(l.source) \(l.kind.rawValue) \(l.target)" + (l.confidence.map { " [\($0)]" } ?? "")
    }
}
