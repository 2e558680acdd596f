import Foundation
import Testing
import TNetModel
@testable import TNetReport

/// report.json carries the findings and the cheapest cut the page and report.md state, each
/// with all of its evidence (link positions and ids, cited sources), redacted like the rest
/// (hostile review of issue 21: they were only in report.html and report.md).
@Suite struct FindingsJSONTests {
    /// The Philippines ("ph") is a source country (r1 and r2 recruit from it); the syndicate runs
    /// compound kk through them, and nine compounds k1…k9 are reached from ph directly. The
    /// victim "v1" (Maria Santos) is recruited by r1 and named in a flight's id.
    /// Links, by position: 0 r1 recruits_from ph, 1 r2 recruits_from ph, 2 syn employs r1,
    /// 3 syn employs r2, 4 syn operates kk (cites s-ops), 5 r1 recruits_from v1,
    /// 6…14 ph trafficked_to k1…k9 (cite s-flights; 6 has the id "v1:k1").
    static func dataset() -> Dataset {
        var links = [Link(source: "r1", target: "ph", kind: .recruitsFrom), Link(source: "r2", target: "ph", kind: .recruitsFrom),
                     Link(source: "syn", target: "r1", kind: .employs), Link(source: "syn", target: "r2", kind: .employs),
                     Link(source: "syn", target: "kk", kind: .operates, sources: ["s-ops"]),
                     Link(source: "r1", target: "v1", kind: .recruitsFrom)]
        var entities = [Entity(id: "ph", kind: .country, name: "Philippines"), Entity(id: "r1", kind: .person, name: "Rico", role: .recruiter),
                        Entity(id: "r2", kind: .person, name: "Rosa", role: .recruiter), Entity(id: "syn", kind: .syndicate),
                        Entity(id: "kk", kind: .compound), Entity(id: "v1", kind: .person, name: "Maria Santos", role: .victim)]
        for i in 1 ... 9 {
            entities.append(Entity(id: "k\(i)", kind: .compound))
            links.append(Link(source: "ph", target: "k\(i)", kind: .traffickedTo, sources: ["s-flights"],
                              attributes: i == 1 ? ["id": .string("v1:k1")] : [:]))
        }
        return Dataset(entities: entities, links: links, sources: [Source(id: "s-ops"), Source(id: "s-flights")])
    }

    /// A Markdown text with its escapes undone (backslash escapes, `&amp;`, `&lt;`, `&gt;`).
    static func unescaped(_ s: String) -> String {
        var out = "", escaping = false
        for c in s {
            if escaping { out.append(c); escaping = false } else if c == "\\" { escaping = true } else { out.append(c) }
        }
        return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Victims between a source country and a compound: no candidate separates the sides, and
    /// the finding says why from the data, naming the route (helper-64: it said "only places and
    /// authorities stand between" where victims did). A recruiter r recruits from the country
    /// th and from the victim v, who is trafficked to k; the route th — v — k has no candidate.
    @Test func uncutRouteIsNamed() throws {
        let d = Dataset(entities: [Entity(id: "th", kind: .country), Entity(id: "r", kind: .person, role: .recruiter),
                                   Entity(id: "v", kind: .person, role: .victim), Entity(id: "k", kind: .compound)],
                        links: [Link(source: "r", target: "th", kind: .recruitsFrom), Link(source: "r", target: "v", kind: .recruitsFrom),
                                Link(source: "v", target: "th", kind: .transitsThrough), Link(source: "v", target: "k", kind: .traffickedTo)])
        let b = try Briefing(dataset: d, provenance: .init(tool: "tnet test", inputs: [], filters: "", redacted: false, generated: "2026-12-05"))
        let cut = try #require(b.flowCut)
        #expect(cut.entities == nil && cut.uncutRoute == [0, 2, 3])
        let text = try #require(Findings(b: b).items.first { $0.topic == "Cheapest cut" }).parts
            .map { if case .text(let t) = $0 { t } else if case .entity(let e) = $0 { d.entities[e].id } else { "" } }.joined()
        #expect(text.hasSuffix("No set of candidate actors (by the target policy) separates the two sides: a route joins them with no candidate on it, only entities never proposed as targets between (protected person): th — v — k."), "\(text)")
    }

    /// Worked by hand. Over the operational links read either way, ph reaches kk only through
    /// syn (ph–r1–syn–kk, ph–r2–syn–kk: one tie, 4, cuts both) and each k_i by its own link
    /// (6…14), so the cheapest cut is 10 ties, links [4, 6…14], unique (cutting 0+1 or 2+3
    /// instead costs 11). No set of actors separates the sides (the direct links), so its
    /// entities are null. The sentence names 8 links and counts 2; report.json lists all 10,
    /// with link 6's id redacted ("v1:k1" → "victim-1:k1") and the sources s-ops then s-flights.
    @Test func findingsAndCutMatchTheMarkdown() throws {
        var redaction = Redaction()
        let d = redaction.apply(to: Self.dataset())
        let b = try Briefing(dataset: d, provenance: .init(tool: "tnet test", inputs: [("in.json", "00")], filters: "",
                                                          redacted: true, generated: "2026-12-04"))
        let markdown = BriefingWriter.markdown(b)
        let jsonText = String(decoding: BriefingJSON.write(b), as: UTF8.self)
        let json = try JSONSerialization.jsonObject(with: Data(jsonText.utf8)) as! [String: Any]
        let findings = try #require(json["findings"] as? [[String: Any]])

        // Every finding of the Markdown, in order, is report.json's topic and text.
        let section = markdown.components(separatedBy: "## Findings\n\n")[1].components(separatedBy: "\n\n")[0]
        let lines = section.split(separator: "\n").map(String.init)
        #expect(lines.count == findings.count && !findings.isEmpty)
        for (line, f) in zip(lines, findings) {
            let topic = try #require(f["topic"] as? String), text = try #require(f["text"] as? String)
            #expect(Self.unescaped(line) == "- **\(topic).** \(text)")
            // Each link is the dataset's own, at its position.
            for l in f["links"] as! [[String: Any]] {
                let link = d.links[l["index"] as! Int]
                #expect(l["source"] as? String == link.source && l["target"] as? String == link.target && l["kind"] as? String == link.kind.rawValue)
            }
            for id in f["entities"] as! [String] { #expect(d[id: id] != nil, "\(id)") }
        }

        let cut = try #require(findings.first { $0["topic"] as? String == "Cheapest cut" })
        let names = (6 ... 12).map { "ph trafficked_to k\($0 - 5)" }.joined(separator: ", ")
        #expect(cut["text"] as? String == "The cheapest cut between the source countries and the compounds is 10 ties (recruitment, transport, employment and control links read either way): syn operates kk, \(names) and 2 more. No set of candidate actors (by the target policy) separates the two sides: a link joins a source country to a compound directly: Philippines (ph) — k1.")
        let cutLinks = cut["links"] as! [[String: Any]]
        #expect(cutLinks.map { $0["index"] as! Int } == [4] + Array(6 ... 14))
        #expect(cutLinks[1]["id"] as? String == "victim-1:k1" && cutLinks[0]["id"] is NSNull)
        // The reason, from the data: the shortest route with no candidate on it, ph — k1.
        #expect(cut["entities"] as? [String] == ["ph", "k1"])
        #expect(cut["sources"] as? [String] == ["s-ops", "s-flights"])

        let flowCut = try #require(json["flow_cut"] as? [String: Any])
        #expect((flowCut["value"] as? NSNumber)?.doubleValue == 10)
        #expect((flowCut["links"] as! [[String: Any]]).map { $0["index"] as! Int } == [4] + Array(6 ... 14))
        #expect(flowCut["entities"] is NSNull)

        // Redacted like the rest: the victim is named nowhere in report.json.
        for secret in ["Maria", "Santos", "\"v1", "v1:"] { #expect(!jsonText.contains(secret), "\(secret)") }
    }
}
