import Foundation
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
    /// The explorable network in HTML (drawn by the page's script from the embedded data); the
    /// diagram's file in Markdown.
    case explorer(file: String, caption: String)
}

enum Inline {
    case text(String)
    case strong(String)
    case code(String)
    /// Linked only when ``ReportText/safeURL(_:)`` accepts the URL.
    case link(String, url: String)
    /// An entity (dataset position): a button opening it in the page's panel; its label and id in
    /// Markdown.
    case entity(Int)
    /// A link (dataset position): a button opening it in the page's panel; its endpoints, kind and
    /// grade in Markdown.
    case dataLink(Int)
}

/// Builds the blocks of a ``Briefing``.
struct BriefingDocument {
    let b: Briefing
    let diagramSVG: String
    let chartSVG: String
    /// Whether the diagram draws countries as boxes.
    var isClustered = false
    /// Most rows a table shows, and most names a list in one cell (a community's members): at
    /// 100,000 entities the corruption table had 5,000 rows and a community's row 34 KB
    /// (helper-54). report.json keeps them all, and a line says what was cut.
    var rowLimit = 1_000
    var nameLimit = 50

    /// A table of at most ``rowLimit`` rows, with a paragraph saying how many more report.json
    /// holds.
    func bounded(_ header: [String], _ rows: [[[Inline]]], what: String) -> [Block] {
        guard rows.count > rowLimit else { return [.table(header: header, rows: rows)] }
        return [.table(header: header, rows: Array(rows.prefix(rowLimit))),
                .paragraph([.text("The first \(rowLimit) of the \(rows.count) \(what) are shown; report.json holds them all.")])]
    }

    /// Names joined by `; `, at most ``nameLimit`` of them, then how many more.
    func names(_ list: [String]) -> String {
        guard list.count > nameLimit else { return list.joined(separator: "; ") }
        return list.prefix(nameLimit).joined(separator: "; ") + "; and \(list.count - nameLimit) more (report.json lists them all)"
    }

    func label(_ i: Int) -> String {
        let e = b.dataset.entities[i]
        var s = e.label
        var tags = [e.kind.rawValue]
        if let r = e.role { tags.append(e.isProtected ? "\(r.rawValue), protected" : r.rawValue) }
        s += " (" + tags.joined(separator: ", ") + ")"
        return s
    }

    /// `x` to two significant digits without an exponent, so that a small value is not shown
    /// as 0 (helper-64: "density 0" at 100,000 entities, where `tnet info` says 2.1e-05):
    /// 0.000021, 0.0034, 0.25; 0 and values of 0.001 and more as ``number(_:_:)`` shows them.
    static func significant(_ x: Double) -> String {
        guard x.isFinite, x != 0, abs(x) < 0.001 else { return number(x) }
        let decimals = Int(-floor(log10(abs(x)))) + 1
        return String(format: "%.\(decimals)f", x)
    }

    func number(_ x: Double, _ digits: Int = 4) -> String { Self.number(x, digits) }

    static func number(_ x: Double, _ digits: Int = 4) -> String {
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
        made.append(.text(". Filters: " + (p.filters.isEmpty ? "none" : p.filters) + "."
                          + (b.isPlainGraph ? "" : " Protected persons " + (p.redacted ? "redacted (stable pseudonyms)." : "named as in the dataset (redact them before sharing)."))))
        out.append(.paragraph(made))
        if b.isPlainGraph {
            out.append(.paragraph([.text("The input is a plain graph (no kinds, roles, grades or citations): only its structure is analysed.")]))
        }
        if let desc = d.description { out.append(.paragraph([.text(desc)])) }
        if let note = b.scaleNote { out.append(.paragraph([.strong("Scale."), .text(" " + note)])) }

        // Findings first: what an investigator came for, each naming its evidence.
        let findings = Findings(b: b).items
        if !findings.isEmpty {
            out.append(.heading("Findings", level: 2))
            out.append(.list(findings.map { f in
                [.strong(f.topic + "."), .text(" ")] + f.parts.map { part -> Inline in
                    switch part {
                    case .text(let t): return .text(t)
                    case .entity(let i): return .entity(i)
                    case .link(let i): return .dataLink(i)
                    }
                }
            }))
        }

        // Summary.
        let s = b.summary
        out.append(.heading("Summary", level: 2))
        var counts = "\(s.entityCount) entities, \(s.linkCount) links"
        if !b.isPlainGraph { counts += ", \(s.sourceCount) source\(s.sourceCount == 1 ? "" : "s")" }
        out.append(.paragraph([.text(counts + "; \(s.components) connected part\(s.components == 1 ? "" : "s"), the largest holding \(s.largestComponent) entities; density \(Self.significant(s.density))." + (b.isPlainGraph ? "" : " Counts by kind are in the appendix."))]))

        out.append(.heading("The network", level: 2))
        out.append(.explorer(file: "diagram.svg", caption: diagramCaption))

        // Key players.
        out.append(.heading("Key players", level: 2))
        out.append(.paragraph([.text("Ranked by the rise in distance-weighted fragmentation (Borgatti) if each alone were removed; betweenness and PageRank as NetworkX defines them, on the same graph (\(b.projection)). " + policySentence)]))
        out.append(.table(header: ["#", "actor", "fragmentation +", "betweenness", "PageRank", "why"],
                          rows: b.keyPlayers.enumerated().map { i, k in
                              [[.text(String(i + 1))], [.text(label(k.entity))], [.text(number(k.fragmentationGain))],
                               [.text(number(k.betweenness))], [.text(number(k.pagerank))], [.text(k.why)]]
                          }))
        out.append(.paragraph([.text("Every candidate evaluated; \(b.keyPlayerAccuracy.text.replacingOccurrences(of: "; --exact computes every value exactly", with: "")).")]))
        if let order = b.keyPlayerOrderText { out.append(.paragraph([.text(order.prefix(1).uppercased() + order.dropFirst() + ".")])) }
        if let set = b.keyPlayerSet, !set.set.isEmpty {
            let by = set.accuracy.betweennessSampled ? "sampled betweenness" : "betweenness"
            var text = " (found by the KPP-Neg search among the same candidates: greedy start and swaps, not proven the best): " + set.set.map(label).joined(separator: "; ")
            text += " — fragmentation \(number(set.baseFragmentation)) → \(number(set.fragmentation)); \(set.betweennessSet.count == 1 ? "the candidate" : "the \(set.betweennessSet.count) candidates") highest by \(by) reach\(set.betweennessSet.count == 1 ? "es" : "") \(number(set.betweennessFragmentation))."
            if set.searched < set.candidates {
                text += " Searched among \(set.searched) of the \(set.candidates) candidates: those with the highest estimated gains alone and the highest by betweenness."
            }
            if set.accuracy.isSampled { text += " " + Self.sentence(set.accuracy) }
            if let comparison = set.sampledComparison { text += " " + comparison.prefix(1).uppercased() + comparison.dropFirst() + "." }
            // Not "best": the search is a heuristic over a pruned pool at scale (helper-63).
            let heading = "Set of \(set.set.count) to act on together"
            out.append(.paragraph([.strong(heading), .text(text)]))
        }

        // Communities.
        out.append(.heading("Communities", level: 2))
        let c = b.communities
        out.append(.paragraph([.text("\(c.count) communities (Leiden, modularity \(number(c.modularity, 3)), links read either way): groups more densely linked to each other than to the rest.")]))
        var members = [[Int]](repeating: [], count: c.count)
        for (i, k) in c.community.enumerated() { members[k].append(i) }
        out += bounded(["community", "size", "members"], members.enumerated().filter { $0.element.count > 1 }.map { k, list in
            [[.text(String(k))], [.text(String(list.count))], [.text(names(list.map { d.entities[$0].label }))]]
        }, what: "communities of more than one member")

        // Routes.
        if let routes = b.routes {
            out.append(.heading(Self.sectionTitle["routes"]!, level: 2))
            out.append(.paragraph([.text("For each source country, a shortest route to a nearest compound over recruitment, transport, employment, control and place links (\(LinkFamily.names(LinkFamily.route).joined(separator: ", "))), walked either way. Each step names the link walked, its grade and its sources; → follows the link's direction, ← walks it backwards.")]))
            if routes.isEmpty { out.append(.paragraph([.text("No source country reaches a compound over those links.")])) }
            out.append(.list(routes.map { r in
                var line: [Inline] = [.strong(d.entities[r.country].label), .text(": ")]
                line.append(.text(d.entities[r.route.entities[0]].label))
                for (i, step) in r.route.steps.enumerated() {
                    let to = d.entities[r.route.entities[i + 1]].label
                    line.append(.text(step.along ? " —\(step.link.evidence)→ " : " ←\(step.link.evidence)— "))
                    line.append(.text(to))
                }
                return line
            }))
        }

        // Gaps.
        if let gaps = b.gaps {
            out.append(.heading(Self.sectionTitle["gaps"]!, level: 2))
            out.append(.paragraph([.text("Trafficking flows between countries (trafficked_to links) and the cooperation between the two sides as far as the data shows: strong (a police channel, contact point or joint operation between them or their agencies), weak (an MOU, a cooperation link without an agreement type, or a shared multilateral body both sides work with or belong to), none (both countries have an authority in the data and nothing joins them), or no authority recorded (one country has no agency in the data, so the data cannot tell).")]))
            out.append(.table(header: ["from", "to", "people", "cooperation", "channels", "sources"], rows: gaps.map { g in
                [[.text(d.entities[g.source].label)], [.text(d.entities[g.host].label)], [.text(g.victims.map { number($0) } ?? "not counted")],
                 [.strong(g.strength.name)],
                 [.text(g.channels.isEmpty ? "—" : g.channels.map { ch in
                     let (x, y) = d.endpoints(ofLink: ch.link)
                     return (ch.via.map { "via " + d.entities[$0].label + ": " } ?? "") + "\(d.entities[x!].label) \(d.links[ch.link].kind.rawValue) \(d.entities[y!].label)" + (ch.agreement.map { " (\($0))" } ?? "")
                 }.joined(separator: "; "))],
                 [.text(g.citations.joined(separator: ", "))]]
            }))
        }

        // Corruption.
        if let corruption = b.corruption {
            out.append(.heading(Self.sectionTitle["corruption"]!, level: 2))
            out.append(.paragraph([.text("Officials and agencies with a corruption link (\(LinkFamily.names(LinkFamily.corruption).joined(separator: ", ")), either way) to the perpetrator side. \"Pairs only it connects\" counts pairs of another state actor and a perpetrator-side entity that the network of ties (every link but \(LinkFamily.names(LinkFamily.nonTies).joined(separator: ", "))) connects, and that are apart without this actor.")]))
            out += bounded(["state actor", "tied to", "shields", "pairs only it connects", "links"], corruption.map { r in
                [[.text(label(r.entity))], [.text(names(r.counterparts.map { d.entities[$0].label }))],
                 [.text(names(r.compounds.map { d.entities[$0].label }))], [.text(String(r.pairsOnlyItConnects))],
                 [.text(names(r.linkValues.map(\.evidence)))]]
            }, what: "state actors")
        }

        if !b.isPlainGraph {
            for o in b.omitted { out.append(.paragraph([.strong(Self.sectionTitle[o.section] ?? o.section), .text(": not shown — \(o.why).")])) }
        }

        // Disruption.
        out.append(.heading("Disruption scenarios", level: 2))
        out.append(.figure(svg: chartSVG, file: "disruption.svg",
                           caption: "The largest connected part as candidates are removed one at a time, each strategy ranking again after every removal (\(b.projection))."))
        let flowShown = b.disruption.runs.first?.steps.first?.flow != nil
        var header = ["strategy", "removed, in order", "largest part after", "parts"]
        if flowShown { header.append("source → compound flow") }
        out.append(.table(header: header, rows: b.disruption.runs.map { run in
            let last = run.steps.last!, first = run.steps.first!
            var row: [[Inline]] = [[.text(run.strategy.rawValue)], [.text(run.steps.dropFirst().map { d.entities[$0.removed!].label }.joined(separator: "; "))],
                                   [.text("\(number(100 * last.largestShare, 1)) %")], [.text("\(first.components) → \(last.components)")]]
            if flowShown { row.append([.text(first.flow.map { "\(number($0)) → \(number(last.flow ?? 0))" } ?? "—")]) }
            return row
        }))
        if b.disruption.accuracy.isSampled {
            out.append(.paragraph([.text(Self.sentence(b.disruption.accuracy))]))
            // What the sample establishes of the efficiency column (helper-63: only the
            // command's outputs said it).
            if let established = b.disruption.sampledEfficiencyText {
                out.append(.paragraph([.text(established.prefix(1).uppercased() + established.dropFirst() + ".")]))
            }
        }
        if flowShown {
            out.append(.paragraph([.text("The flow is the maximum flow from the source countries to the compounds over \(LinkFamily.names(LinkFamily.operational).joined(separator: ", ")) links, each link one unit, read either way.")]))
        }
        out.append(.paragraph([.text(policySentence)]))

        // Sources.
        if !b.isPlainGraph {
            out.append(.heading("Sources", level: 2))
            if d.sources.isEmpty {
                out.append(.paragraph([.text("The data lists no sources: no statement above can be traced to one.")]))
            } else {
                out.append(.paragraph([.text("The sources the data cites, with the Admiralty grades (source reliability A–F, information credibility 1–6) of the facts that cite each.")]))
                out.append(.table(header: ["id", "source", "publisher", "date", "facts citing it", "grades"], rows: d.sources.map { src in
                    let cited = b.citations[src.id]
                    let title: [Inline] = src.url.map { [.link(src.title ?? $0, url: $0)] } ?? [.text(src.title ?? "")]
                    let grades = (cited?.grades ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
                    return [[.code(src.id)], title, [.text(src.publisher ?? "")], [.text(src.date?.description ?? "")],
                            [.text(String(cited?.facts ?? 0))], [.text(grades)]]
                }))
            }
            // Appendix: counts by kind.
            out.append(.heading("Appendix: counts by kind", level: 2))
            out.append(.table(header: ["kind", "entities"], rows: s.entitiesByKind.map { [[.text($0.kind.rawValue)], [.text(String($0.count))]] }))
            out.append(.table(header: ["link kind", "links"], rows: s.linksByKind.map { [[.text($0.kind.rawValue)], [.text(String($0.count))]] }))
        }
        return out
    }

    /// The closing line: what holds of every statement above, and only what holds.
    var footer: String {
        var lines: [String] = []
        if !b.isPlainGraph {
            lines.append("Victims, survivors and witnesses are never proposed as targets of disruption.")
            if b.dataset.sources.isEmpty {
                lines.append("The data lists no sources.")
            } else if b.uncitedFacts == 0 {
                lines.append("Every entity and link of the data cites a source listed above.")
            } else {
                lines.append("\(b.uncitedFacts) of the data's \(b.dataset.entities.count + b.dataset.links.count) entities and links cite no source.")
            }
        }
        return lines.joined(separator: " ")
    }

    /// The headings of the sections a dataset may lack, by their name in ``Briefing/omitted``.
    static let sectionTitle = ["routes": "Routes from source countries to the compounds", "gaps": "Cooperation gaps",
                               "corruption": "Corruption exposure"]

    /// An accuracy as a sentence of the briefing (without the command-line advice).
    static func sentence(_ a: RemovalAccuracy) -> String {
        let text = a.text.replacingOccurrences(of: "; --exact computes every value exactly", with: "")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// What the caption can truthfully say about the diagram.
    var diagramCaption: String {
        var parts: [String] = []
        if let view = b.diagramView {
            let measure = view.measure == .approxBetweenness ? "betweenness (sampled)" : view.measure.rawValue
            parts.append("the \(view.shown) entities highest by \(measure) of \(view.of), with the links among them (above \(Briefing.diagramLimit) entities a drawing of the whole network cannot be read; the timeline draws the same entities)")
        }
        if isClustered { parts.append("countries as boxes") }
        if !b.isPlainGraph { parts.append("shapes and colours by kind") }
        if b.dataset.links.contains(where: { $0.confidence != nil }) {
            parts.append("links solid for A/B-graded facts, dashed for C/D, dotted for E/F")
        }
        parts.append("the legend is at the bottom left")
        if b.dataset.entities.count > PageData.entityLimit {
            parts.append("above \(PageData.entityLimit) entities the page cannot hold an explorable drawing of every entity: filter the data (--ego, --kinds, --min-confidence) to explore part of it")
        }
        let text = parts.joined(separator: "; ")
        return text.prefix(1).uppercased() + text.dropFirst() + "."
    }

    /// Who the key players, the set and the disruption scenarios may name.
    var policySentence: String {
        if b.isPlainGraph { return "Every node is a candidate: a plain graph carries no roles to exclude anyone by." }
        let left = b.targetExclusions.map { "\($0.standing.rawValue): \($0.count)" }
        let text = "Only the perpetrator side is proposed (the target policy): \(b.candidateCount) candidate\(b.candidateCount == 1 ? "" : "s") of \(b.dataset.entities.count) entities"
        return text + (left.isEmpty ? "." : "; never proposed: " + left.joined(separator: ", ") + ". Victims, survivors and witnesses are never targets (forced-criminality principle).")
    }
}
