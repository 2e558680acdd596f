import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TNetGraph
import TNetGraphviz
import TNetIO
import TNetModel
import TNetRender
@testable import TNetReport

@Suite(.serialized) struct BriefingTests {
    static let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</title><script>x()</script>",
                          "| **bold** [x](javascript:alert(1)) `code` <b>", "' onmouseover='alert(1)", "&lt;escaped&gt; & more"]

    /// A small network whose every name, id, title, publisher and URL is hostile.
    static func dataset(recruiterName: String? = nil) -> Dataset {
        let h = hostile
        return Dataset(
            entities: [Entity(id: "c1", kind: .country, name: h[0]), Entity(id: "c2", kind: .country, name: h[1]),
                       Entity(id: "s", kind: .syndicate, name: h[2], sources: ["src"]), Entity(id: "k", kind: .compound, name: h[3], country: "c2"),
                       Entity(id: "o", kind: .official, name: h[4]), Entity(id: "r", kind: .person, name: recruiterName ?? h[5], role: .recruiter),
                       Entity(id: "a1", kind: .agency, name: h[0], country: "c1"), Entity(id: "a2", kind: .agency, name: h[1], country: "c2")],
            links: [Link(source: "c1", target: "k", kind: .traffickedTo, weight: 7, sources: ["src"]),
                    Link(source: "r", target: "c1", kind: .recruitsFrom, confidence: Confidence("B2"), sources: ["src"]),
                    Link(source: "s", target: "r", kind: .employs, sources: ["src"]), Link(source: "s", target: "k", kind: .operates, sources: ["src"]),
                    Link(source: "o", target: "s", kind: .protects, sources: ["src"]),
                    Link(source: "a1", target: "a2", kind: .cooperatesWith, sources: ["src"], agreement: "mou")],
            sources: [Source(id: "src", title: h[1], publisher: h[0], url: "javascript:alert(1)")],
            title: h[2], description: h[3])
    }

    static func render() throws -> (html: String, markdown: String, svg: String) {
        let d = dataset()
        let b = try Briefing(dataset: d, provenance: .init(tool: "tnet test", inputs: [("in.json", "00")], filters: Self.hostile[0],
                                                          redacted: false, generated: "2026-12-01"))
        var options = DiagramOptions()
        options.clustering = .byCountry(d)
        let svg = String(decoding: try GraphvizRenderer.shared.render(dot: DOTWriter.write(d, options: options), engine: "dot", format: "svg"), as: UTF8.self)
        let chart = LineChart(title: Self.hostile[0], xLabel: Self.hostile[1], yLabel: "y",
                              series: [.init(name: Self.hostile[2], points: [(0, 1), (1, 0.5)])]).svg()
        return (BriefingWriter.html(b, diagramSVG: svg, chartSVG: chart), BriefingWriter.markdown(b), svg)
    }

    /// Markup in the data stays text in HTML, in the inline SVG and in Markdown.
    /// The Scale paragraph states ε rounded up and 1 − δ worked in decimal, as the sections do
    /// (helper-45: δ 0.00004 read "probability ≥ 1", ε 0.03004 read 0.03).
    @Test func scaleParagraphNeverOverstates() {
        let sampling = EfficiencySampling(epsilon: 0.03004, delta: 0.00004, seed: 3)
        let estimate = EfficiencyEstimate(value: 0.5, sources: 1_000, nodes: 60_000, isExact: false, errorBound: 0.03)
        let accuracy = RemovalAccuracy(estimate, sampling: sampling)
        let text = Briefing.scaleText(entities: 60_000, limit: 50_000, sampling: sampling, keyPlayers: accuracy, set: nil, disruption: accuracy)
        #expect(text.contains("probability ≥ 0.99996 "), "\(text)")
        #expect(text.contains("at ε 0.0301 ") && !text.contains("ε 0.03 "), "\(text)")
        // Betweenness exact in place of its sample is said so, not "at ε".
        let exact = RemovalAccuracy(estimate, sampling: sampling, betweenness: (samples: 9_000_000, bound: 0))
        let exactText = Briefing.scaleText(entities: 60_000, limit: 50_000, sampling: sampling, keyPlayers: exact, set: nil, disruption: accuracy)
        #expect(exactText.contains("key players' fragmentation gains at ε 0.0301 (1000 sources; betweenness exact)"), "\(exactText)")
    }

    @Test func hostileStringsStayText() throws {
        let (html, markdown, svg) = try Self.render()
        for (name, text) in [("html", html), ("markdown", markdown), ("svg", svg)] {
            #expect(!text.contains("<script"), "\(name) holds a script tag")
            #expect(!text.contains("<img"), "\(name) holds an img tag")
            #expect(!text.contains("<b>"), "\(name) holds a b tag")
            #expect(!text.lowercased().contains("href=\"javascript"), "\(name) links javascript:")
        }
        #expect(!markdown.contains("[x](javascript") && markdown.contains("\\[x\\](javascript"), "a javascript: Markdown link")
        // Every link of the page is http(s); the javascript: URL is shown as text.
        for part in html.components(separatedBy: "href=\"").dropFirst() { #expect(part.hasPrefix("http")) }
        #expect(html.contains("javascript:alert(1)"))  // as text, escaped context
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&amp;lt;escaped&amp;gt; &amp; more"))
        // The page is well-formed enough for an XML parser once the HTML5 doctype is dropped.
        let body = String(html.drop { $0 != "\n" })
        #expect(try XMLDocument(data: Data(body.utf8)).rootElement()?.name == "html")
        // Markdown: the hostile table cell cannot open a new column or a link.
        #expect(markdown.contains("\\| \\*\\*bold\\*\\* \\[x\\](javascript:alert(1))"))
        // No script anywhere, and the page fetches nothing.
        #expect(html.contains("Content-Security-Policy") && !html.contains("src=\"http"))
    }

    /// Every section is there, with the provenance a reader needs to reproduce it.
    @Test func sections() throws {
        let (html, markdown, _) = try Self.render()
        for heading in ["Summary", "The network", "Key players", "Communities", "Routes from source countries to the compounds",
                        "Cooperation gaps", "Corruption exposure", "Disruption scenarios", "Sources"] {
            #expect(html.contains("<h2>\(heading)</h2>"), "\(heading)")
            #expect(markdown.contains("## \(ReportText.markdown(heading))"), "\(heading)")
        }
        #expect(html.contains("SHA-256") && html.contains("tnet test"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 2)
        #expect(markdown.contains("](diagram.svg)") && markdown.contains("](disruption.svg)"))
    }

    @Test func escaping() {
        // Control characters (a bell, a line feed) become spaces.
        #expect(ReportText.html("a<b>&\"'\u{7}\n") == "a&lt;b&gt;&amp;&quot;&#39;  ")
        #expect(ReportText.markdown("a*b_[c](d)|e<f>") == "a\\*b\\_\\[c\\](d)\\|e&lt;f&gt;")
        // Only markup is escaped: a version stays 0.1.0; a list marker at the start is escaped.
        #expect(ReportText.markdown("tnet 0.1.0") == "tnet 0.1.0" && ReportText.markdown("1. x") == "1\\. x" && ReportText.markdown("0.16") == "0.16")
        #expect(ReportText.safeURL("https://example.org/x") != nil && ReportText.safeURL("javascript:alert(1)") == nil)
        #expect(ReportText.safeURL("JaVaScRiPt:alert(1)") == nil && ReportText.safeURL("https://a b") == nil)
    }

    /// The explorable page: hostile names, a `</script>`, an HTML comment opener, a line
    /// separator and a bidirectional override in the data cannot leave the JSON element or act on
    /// the reader's screen; the CSP admits exactly the page's own script and style; every dataset
    /// link is in the data, placed where Graphviz put its tie.
    @Test func explorablePage() throws {
        let d = Self.dataset(recruiterName: "x</script><!--<script>alert(1)</script>\u{2028}\u{2029}A\u{202E}gnp.exe\u{85}")
        let files = try BriefingFiles(d, provenance: .init(tool: "tnet test", inputs: [], filters: "", redacted: false, generated: "2026-12-01"))
        let html = files.html
        let json = try #require(files.pageJSON)
        for bad in ["<", ">", "&", "\u{2028}", "\u{2029}", "\u{202E}", "\u{85}"] { #expect(!json.contains(bad), "raw \(bad.unicodeScalars.first!.value)") }
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let entities = parsed["entities"] as! [[String: Any]], links = parsed["links"] as! [[String: Any]]
        #expect(entities.count == d.entities.count && links.count == d.links.count)
        #expect((entities[5]["name"] as! String).hasPrefix("x</script><!--<script>") && !(entities[5]["name"] as! String).contains("\u{202E}"))
        #expect(entities.allSatisfy { $0["x"] is Double && $0["y"] is Double })
        let ties = parsed["ties"] as! [[String: Any]]
        #expect(links.allSatisfy { ($0["tie"] as? Int).map { $0 < ties.count } ?? false })
        // One JSON element, one script; the CSP names their hashes and nothing else runs.
        #expect(html.components(separatedBy: "<script").count - 1 == 2)
        let script = html.components(separatedBy: "<script>")[1].components(separatedBy: "</script>")[0]
        #expect(script == PageScript.js && html.contains("script-src '\(BriefingWriter.cspHash(script))'"))
        #expect(html.contains("default-src 'none'") && !html.contains("unsafe-inline") && !html.contains("src=\"http"))
        #expect(!PageScript.js.contains("innerHTML") && !PageScript.js.contains("eval(") && !PageScript.js.contains("fetch("))
        // Findings first, counts by kind last, in both files.
        for text in [html, files.markdown] {
            let findings = text.range(of: "Findings")!.lowerBound, summary = text.range(of: "Summary")!.lowerBound
            #expect(findings < summary && text.range(of: "Appendix: counts by kind")!.lowerBound > summary)
        }
        #expect(!html.contains("role=\"tab\" aria-selected=\"false\""))  // no timeline or map tab without their drawing
        let withViews = BriefingWriter.html(files.briefing, diagramSVG: files.diagramSVG, chartSVG: files.chartSVG, pageJSON: json,
                                            views: [("Timeline", "<svg xmlns=\"http://www.w3.org/2000/svg\"><text>t</text></svg>")])
        #expect(withViews.contains(">Timeline</button>") && withViews.contains("id=\"view-0\""))
    }
    /// Above the scale limit (forced to 100 here) the briefing samples more coarsely and says so
    /// in report.md and report.json: each part's ε, its sources and the seed. Below it, nothing.
    @Test func scaleIsStated() throws {
        let d = SyntheticNetwork(nodes: 300, seed: 3).generate()
        let provenance = Briefing.Provenance(tool: "tnet test", inputs: [], filters: "", redacted: false, generated: "2026-12-01")
        let sampling = EfficiencySampling(seed: 7, exactLimit: 100)
        let b = try Briefing(dataset: d, provenance: provenance, sampling: sampling, threads: 2, scaleLimit: 100)
        let note = try #require(b.scaleNote)
        // Key players at ε 0.03: ⌈ln 20 / (2 · 0.03²)⌉ = 1,665 sources > 300, so every entity is
        // one; the set search at ε 0.1, δ 0.1: ⌈(302/298)² · ln 20 / 0.02⌉ = ⌈1.02703 · 149.79⌉ = 154
        // by Hoeffding alone, fewer than 300, so drawn without replacement: ⌈154 · 301 / 454⌉ = 103
        // (Serfling's bound 0.0993, where 102 sources give 0.1000214).
        #expect(note.hasPrefix("Above 100 entities (this network has 300)"))
        #expect(note.contains("at ε 0.03 (300 sources") && note.contains("comparing sets on 103 sources (ε 0.1)"))
        #expect(note.contains("without random restarts") && note.contains("disruption curves at ε 0.1 (") && note.contains("seed 7"))
        #expect(b.keyPlayerSet?.search?.restarts == 0 && b.disruption.accuracy.sampling.epsilon == 0.1)
        let markdown = BriefingWriter.markdown(b)
        #expect(markdown.contains("**Scale.**") && markdown.contains("comparing sets on 103 sources"))
        // The search is a heuristic: its set is never called the best (helper-63), sampled or not.
        #expect(markdown.contains("**Set of 3 to act on together**") && !markdown.contains("Best set") && !markdown.contains("best set"), "\(markdown)")
        let json = try JSONSerialization.jsonObject(with: Data(BriefingJSON.write(b))) as! [String: Any]
        #expect((json["accuracy"] as! [String: Any])["scale"] as? String == note)
        // What the sample establishes of the disruption curves, in report.json and report.md.
        let established = try #require(b.disruption.sampledEfficiencyText)
        #expect((json["accuracy"] as! [String: Any])["disruption_established"] as? String == established)
        #expect(markdown.contains(established.prefix(1).uppercased() + established.dropFirst() + "."))
        let below = try Briefing(dataset: d, provenance: provenance, sampling: sampling, threads: 2)
        #expect(below.scaleNote == nil && below.keyPlayerSet?.search?.restarts == 8)
        #expect(BriefingWriter.markdown(below).contains("**Set of 3 to act on together** (found by the KPP-Neg search"))
        let belowJSON = try JSONSerialization.jsonObject(with: Data(BriefingJSON.write(below))) as! [String: Any]
        #expect((belowJSON["accuracy"] as! [String: Any])["scale"] is NSNull)
    }

    /// Sampled key players in the findings say only what the sample establishes (hostile
    /// reading of the 20,000-entity briefing: "the actors whose removal fragments the network
    /// most are …" named three actors whose gains of 0.001 were far inside the ±0.01 bound).
    /// On a 300-entity network sampled at ε 0.1 no gain is established, so the finding says so
    /// and names the removals that cut most entities off, with the exact counts of the exact
    /// ranking. A star of 1,000 leaves separates its centre (gain about 0.5 against a difference
    /// bound of about 0.1), and the finding names it and says the sample separates it.
    /// The text of a briefing's key-players finding.
    static func keyPlayersText(_ b: Briefing) throws -> String {
        try #require(Findings(b: b).items.first { $0.topic == "Key players" }).parts
            .compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
    }

    /// A centre of `kind` linked by `link` to `n` leaves of `leafKind`.
    static func star(_ centre: EntityKind, _ n: Int, of leafKind: EntityKind, by link: LinkKind) -> Dataset {
        var entities = [Entity(id: "centre", kind: centre)], links: [Link] = []
        for i in 0 ..< n {
            entities.append(Entity(id: "leaf\(i)", kind: leafKind))
            links.append(Link(source: "centre", target: "leaf\(i)", kind: link))
        }
        return Dataset(entities: entities, links: links)
    }

    @Test func sampledKeyPlayersFindingSaysWhatTheSampleEstablishes() throws {
        let provenance = Briefing.Provenance(tool: "tnet test", inputs: [], filters: "", redacted: false, generated: "2026-12-05")
        let d = SyntheticNetwork(nodes: 300, seed: 3).generate()
        let sampling = EfficiencySampling(epsilon: 0.1, delta: 0.1, seed: 7, exactLimit: 100)
        let b = try Briefing(dataset: d, provenance: provenance, sampling: sampling, threads: 2)
        let order = try #require(b.keyPlayerOrder)
        #expect(order.groups(listed: 3) == nil)
        let finding = try #require(Findings(b: b).items.first { $0.topic == "Key players" })
        let text = try Self.keyPlayersText(b)
        #expect(finding.topic == "Key players" && text.hasPrefix("The sample does not establish which actor's removal fragments the network most"))
        #expect(!text.contains("fragments the network most are") && !text.contains("fragments the network most is"))
        let exact = try d.keyPlayers()
        // The three that cut most off, counted by the exact ranking, and every one tied with the
        // third when it cuts off more than one (the rule itself is worked by hand in
        // mostCutOffKeepsTies).
        let sortedCut = exact.players.filter { $0.cutOff > 0 }.sorted { $0.cutOff != $1.cutOff ? $0.cutOff > $1.cutOff : $0.id < $1.id }
        let cut = sortedCut.prefix(3) + sortedCut.dropFirst(3).prefix { $0.cutOff == sortedCut[2].cutOff && sortedCut[2].cutOff > 1 }
        #expect(b.mostCutOff.map(\.id) == cut.map(\.id) && b.mostCutOff.map(\.cutOff) == cut.map(\.cutOff))
        for p in cut { #expect(text.contains("\(d.entities[p.entity].label): \(p.cutOff)")) }
        #expect(BriefingWriter.markdown(b).contains(b.keyPlayerOrderText!.prefix(1).uppercased() + b.keyPlayerOrderText!.dropFirst()))

        let star = try Briefing(dataset: Self.star(.node, 1000, of: .node, by: .link), provenance: provenance, setSize: 0,
                                sampling: EfficiencySampling(epsilon: 0.05, delta: 0.1, seed: 7, exactLimit: 100), threads: 2)
        #expect(star.keyPlayerOrder?.separations.first == 1)
        let starFinding = try #require(Findings(b: star).items.first { $0.topic == "Key players" })
        let starText = try Self.keyPlayersText(star)
        #expect(starText.hasPrefix("The actor whose removal fragments the network most is ") && starText.contains("The sample separates it from every other candidate (every gain within ±"))
        #expect(starFinding.entities == [0])

        // One candidate (a syndicate among 400 compounds, places never proposed; sampled at ε 0.1), its gain far
        // above the bound: named, with no "every other candidate" to be separated from
        // (helper-62: it was said not to be established, "above every other's").
        let single = try Briefing(dataset: Self.star(.syndicate, 400, of: .compound, by: .operates), provenance: provenance, setSize: 0,
                                  sampling: EfficiencySampling(epsilon: 0.1, delta: 0.1, seed: 7, exactLimit: 100), threads: 2)
        #expect(single.keyPlayerOrder?.count == 1 && single.keyPlayerOrderText == "a single candidate: there is no order to establish")
        let singleText = try Self.keyPlayersText(single)
        #expect(singleText.hasPrefix("The actor whose removal fragments the network most is ")
                && singleText.contains("The sample establishes that its gain is above 0"), "\(singleText)")
        // One candidate at the end of a chain of 400 compounds: removing it changes little, far
        // inside the bound; the finding says so of that one, not "two gains are told apart".
        var chain = [Entity(id: "m", kind: .syndicate)], chainLinks = [Link(source: "m", target: "k0", kind: .operates)]
        for i in 0 ..< 400 {
            chain.append(Entity(id: "k\(i)", kind: .compound))
            if i > 0 { chainLinks.append(Link(source: "k\(i - 1)", target: "k\(i)", kind: .link)) }
        }
        let leaf = try Briefing(dataset: Dataset(entities: chain, links: chainLinks), provenance: provenance, setSize: 0,
                                sampling: EfficiencySampling(epsilon: 0.1, delta: 0.1, seed: 7, exactLimit: 100), threads: 2)
        let leafText = try Self.keyPlayersText(leaf)
        #expect(leafText.hasPrefix("The sample does not establish that removing the only candidate, ")
                && leafText.contains(", fragments the network: its estimated gain (") && !leafText.contains("two gains"), "\(leafText)")
    }

    /// The removals that cut most off are the three highest and every one tied with the third,
    /// when the third cuts off more than one (helper-63: a fourth cutting off as many was left
    /// out; helper-65: hundreds cutting off one each were all named). Worked by hand: a hub joined
    /// to four brokers, each with `leaves` entities of its own. With 11: removing the hub leaves
    /// four parts of 12 (49 − 1 − 12 = 36 cut off the largest), removing a broker cuts its 11 off;
    /// the four brokers tie with the third and all are named. With 1: removing the hub leaves
    /// parts of 2 (9 − 1 − 2 = 6 cut off), a broker cuts off 1; the ties of one are not named.
    @Test func mostCutOffKeepsTies() throws {
        func hub(leaves: Int) throws -> Briefing {
            var entities = [Entity(id: "hub", kind: .node)], links: [Link] = []
            for b in 0 ..< 4 {
                entities.append(Entity(id: "b\(b)", kind: .node))
                links.append(Link(source: "hub", target: "b\(b)", kind: .link))
                for l in 0 ..< leaves {
                    entities.append(Entity(id: "b\(b)-\(l)", kind: .node))
                    links.append(Link(source: "b\(b)", target: "b\(b)-\(l)", kind: .link))
                }
            }
            let provenance = Briefing.Provenance(tool: "tnet test", inputs: [], filters: "", redacted: false, generated: "2026-12-05")
            return try Briefing(dataset: Dataset(entities: entities, links: links), provenance: provenance, setSize: 0, threads: 2)
        }
        let eleven = try hub(leaves: 11)
        #expect(eleven.mostCutOff.map(\.id) == ["hub", "b0", "b1", "b2", "b3"] && eleven.mostCutOff.map(\.cutOff) == [36, 11, 11, 11, 11])
        let one = try hub(leaves: 1)
        #expect(one.mostCutOff.map(\.id) == ["hub", "b0", "b1"] && one.mostCutOff.map(\.cutOff) == [6, 1, 1])
    }

    /// Small values keep two significant digits (helper-64: "density 0" at 100,000 entities).
    @Test func smallValuesAreNotZero() {
        #expect(BriefingDocument.significant(2.1e-05) == "0.000021" && BriefingDocument.significant(0.00034) == "0.00034")
        #expect(BriefingDocument.significant(0) == "0" && BriefingDocument.significant(0.25) == "0.25" && BriefingDocument.significant(0.12345) == "0.1235")
    }

    /// A set's change of fragmentation is stated only when it exceeds the two values' bounds
    /// together (the margin); exact values (margin 0) always state it.
    @Test func setChangeIsStatedOnlyWhenEstablished() {
        #expect(Findings.change(from: 0.782, to: 0.787, margin: 0.02).hasPrefix("is estimated to change fragmentation from 0.782 to 0.787, a difference within the two values' bounds together (0.02)"))
        #expect(Findings.change(from: 0.70, to: 0.75, margin: 0.02) == "raises fragmentation from 0.7 to 0.75.")
        #expect(Findings.change(from: 0.782, to: 0.787, margin: 0) == "raises fragmentation from 0.782 to 0.787.")
        #expect(Findings.change(from: 0.5, to: 0.5, margin: 0) == "leaves fragmentation from 0.5 unchanged.")
    }
}
