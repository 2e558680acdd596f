import TNetModel

/// The briefing as a sequence of blocks, written once and rendered as HTML or Markdown, so the
/// two files always say the same thing.
enum Block {
    case heading(String, level: Int)
    case paragraph([Inline])
    case table(header: [String], rows: [[[Inline]]])
    case list([[Inline]])
    /// Inline SVG in HTML; a link to the file beside it in Markdown.
    case figure(svg: String, file: String, caption: String)
}

enum Inline {
    case text(String)
    case strong(String)
    case code(String)
    /// Linked only when ``ReportText/safeURL(_:)`` accepts the URL.
    case link(String, url: String)
}

/// Builds the blocks of a ``Briefing``.
struct BriefingDocument {
    let b: Briefing
    let diagramSVG: String
    let chartSVG: String

    func label(_ i: Int) -> String {
        let e = b.dataset.entities[i]
        var s = e.label
        var tags = [e.kind.rawValue]
        if let r = e.role { tags.append(r.isProtected ? "\(r.rawValue), protected" : r.rawValue) }
        s += " (" + tags.joined(separator: ", ") + ")"
        return s
    }

    func number(_ x: Double, _ digits: Int = 4) -> String {
        guard x.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0 ..< digits { scale *= 10 }
        let r = (x * scale).rounded() / scale
        return r == r.rounded() && abs(r) < 1e15 ? String(Int(r)) : String(r)
    }

    var blocks: [Block] {
        var out: [Block] = []
        let d = b.dataset
        let p = b.provenance
        out.append(.heading(d.title ?? "Network briefing", level: 1))
        var made: [Inline] = [.text("Made by \(p.tool) on \(p.generated) from ")]
        for (i, input) in p.inputs.enumerated() {
            if i > 0 { made.append(.text(", ")) }
            made += [.code(input.path), .text(" (SHA-256 "), .code(input.sha256), .text(")")]
        }
        made.append(.text(". Filters: " + (p.filters.isEmpty ? "none" : p.filters) + ". Protected persons "
                          + (p.redacted ? "redacted (stable pseudonyms)." : "named as in the dataset (use --redact victims before sharing).")))
        out.append(.paragraph(made))
        if let desc = d.description { out.append(.paragraph([.text(desc)])) }

        // Summary.
        let s = b.summary
        out.append(.heading("Summary", level: 2))
        out.append(.paragraph([.text("\(s.entityCount) entities, \(s.linkCount) links, \(s.sourceCount) sources; \(s.components) connected part\(s.components == 1 ? "" : "s"), the largest holding \(s.largestComponent) entities; density \(number(s.density)).")]))
        out.append(.table(header: ["kind", "entities"], rows: s.entitiesByKind.map { [[.text($0.kind.rawValue)], [.text(String($0.count))]] }))
        out.append(.table(header: ["link kind", "links"], rows: s.linksByKind.map { [[.text($0.kind.rawValue)], [.text(String($0.count))]] }))

        out.append(.heading("The network", level: 2))
        out.append(.figure(svg: diagramSVG, file: "diagram.svg",
                           caption: "Countries as boxes; shapes and colours by kind; links solid for A/B-graded sources, dashed for C/D, dotted for E/F. The legend is at the bottom left."))

        // Key players.
        out.append(.heading("Key players", level: 2))
        out.append(.paragraph([.text("Actors ranked by the rise in distance-weighted fragmentation (Borgatti) if each alone were removed; betweenness and PageRank as NetworkX defines them. Protected persons are never ranked as targets (forced-criminality principle).")]))
        out.append(.table(header: ["#", "actor", "fragmentation +", "betweenness", "PageRank", "why"],
                          rows: b.keyPlayers.enumerated().map { i, k in
                              [[.text(String(i + 1))], [.text(label(k.entity))], [.text(number(k.fragmentationGain))],
                               [.text(number(k.betweenness))], [.text(number(k.pagerank))], [.text(k.why)]]
                          }))
        if let set = b.keyPlayerSet {
            out.append(.paragraph([.strong("Best set of \(set.set.count) to act on together"),
                                   .text(" (KPP-Neg): " + set.set.map(label).joined(separator: "; ")
                                         + " — fragmentation \(number(set.baseFragmentation)) → \(number(set.fragmentation)); the \(set.betweennessSet.count) highest by betweenness reach \(number(set.betweennessFragmentation)).")]))
        }

        // Communities.
        out.append(.heading("Communities", level: 2))
        let c = b.communities
        out.append(.paragraph([.text("\(c.count) communities (Leiden, modularity \(number(c.modularity, 3))): groups more densely linked to each other than to the rest.")]))
        var members = [[Int]](repeating: [], count: c.count)
        for (i, k) in c.community.enumerated() { members[k].append(i) }
        out.append(.table(header: ["community", "size", "members"], rows: members.enumerated().filter { $0.element.count > 1 }.map { k, list in
            [[.text(String(k))], [.text(String(list.count))], [.text(list.map { d.entities[$0].label }.joined(separator: "; "))]]
        }))

        // Routes.
        out.append(.heading("Routes from source countries to the compounds", level: 2))
        out.append(.paragraph([.text("For each source country, the shortest route to a compound over recruitment, transport, employment, control and place links, read either way. Each step gives the link, its grade and its sources.")]))
        if b.routes.isEmpty { out.append(.paragraph([.text("No source country reaches a compound over those links.")])) }
        out.append(.list(b.routes.map { r in
            var line: [Inline] = [.strong(d.entities[r.country].label), .text(": ")]
            for (i, e) in r.route.entities.enumerated() {
                if i > 0 {
                    let l = d.links[r.route.links[i - 1]]
                    line.append(.text(" —\(l.evidence)→ "))
                }
                line.append(.text(d.entities[e].label))
            }
            return line
        }))

        // Gaps.
        out.append(.heading("Cooperation gaps", level: 2))
        out.append(.paragraph([.text("Trafficking flows between countries and the cooperation between their authorities: none, weak (an MOU, an unspecified link, or only a shared multilateral body) or strong (police channel, contact point, joint operation).")]))
        out.append(.table(header: ["from", "to", "people", "cooperation", "channels", "sources"], rows: b.gaps.map { g in
            [[.text(d.entities[g.source].label)], [.text(d.entities[g.host].label)], [.text(g.victims.map { number($0) } ?? "not counted")],
             [.strong(g.strength.name)],
             [.text(g.channels.isEmpty ? "—" : g.channels.map { ch in
                 let (x, y) = d.endpoints(ofLink: ch.link)
                 return (ch.via.map { "via " + d.entities[$0].label + ": " } ?? "") + "\(d.entities[x!].label)–\(d.entities[y!].label) \(ch.agreement ?? "unspecified")"
             }.joined(separator: "; "))],
             [.text(g.citations.joined(separator: ", "))]]
        }))

        // Corruption.
        out.append(.heading("Corruption exposure", level: 2))
        out.append(.table(header: ["state actor", "tied to", "shields", "pairs it alone connects", "links"], rows: b.corruption.map { r in
            [[.text(label(r.entity))], [.text(r.syndicates.map { d.entities[$0].label }.joined(separator: "; "))],
             [.text(r.compounds.map { d.entities[$0].label }.joined(separator: "; "))], [.text(String(r.brokeredPairs))],
             [.text(r.links.map { d.links[$0].evidence }.joined(separator: "; "))]]
        }))

        // Disruption.
        out.append(.heading("Disruption scenarios", level: 2))
        out.append(.figure(svg: chartSVG, file: "disruption.svg",
                           caption: "The largest connected part as actors are removed one at a time, each strategy ranking again after every removal. Victims and places are never removed."))
        out.append(.table(header: ["strategy", "removed, in order", "largest part after", "parts", "source → compound flow"], rows: b.disruption.runs.map { run in
            let last = run.steps.last!, first = run.steps.first!
            return [[.text(run.strategy.rawValue)], [.text(run.steps.dropFirst().map { d.entities[$0.removed!].label }.joined(separator: "; "))],
                    [.text("\(number(100 * last.largestShare, 1)) %")], [.text("\(first.components) → \(last.components)")],
                    [.text(first.flow.map { "\(number($0)) → \(number(last.flow ?? 0))" } ?? "—")]]
        }))
        out.append(.paragraph([.text("\(b.disruption.protectedExcluded) protected person(s) were never candidates (forced-criminality principle).")]))

        // Sources.
        out.append(.heading("Sources", level: 2))
        out.append(.paragraph([.text("Every statement above rests on these sources; the grades are the Admiralty grades (source reliability A–F, information credibility 1–6) of the facts that cite each.")]))
        out.append(.table(header: ["id", "source", "publisher", "date", "facts citing it", "grades"], rows: d.sources.map { src in
            let cited = b.citations[src.id]
            let title: [Inline] = src.url.map { [.link(src.title ?? $0, url: $0)] } ?? [.text(src.title ?? "")]
            let grades = (cited?.grades ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
            return [[.code(src.id)], title, [.text(src.publisher ?? "")], [.text(src.date?.description ?? "")],
                    [.text(String(cited?.facts ?? 0))], [.text(grades)]]
        }))
        return out
    }
}
