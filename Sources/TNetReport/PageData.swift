import Foundation
import TNetGraphviz
import TNetModel
import TNetRender

/// The data the explorable page embeds (as JSON in a `<script type="application/json">`): every
/// entity and link of the briefing's dataset (already filtered and, when asked, redacted: nothing
/// else is embedded), Graphviz's positions, the sources, and the findings with their evidence.
///
/// Dates are given as the first and last day a fact's period covers (``PartialDate/earliest``,
/// ``PartialDate/latest``), so the page's "as of" test is the one of `Period.covers(_:)`:
/// a fact is present at day *d* unless its period starts after *d* or ends before it. Grades are
/// given with their ranks (``Confidence/reliabilityRank``, ``Confidence/credibilityRank``), so the
/// page's confidence bar is ``ConfidenceThreshold/grade(_:)``'s: both ranks at least as good, an
/// ungraded fact failing any bar.
public enum PageData {
    /// Above this many entities the page opens on an overview of communities (Leiden), each drawn
    /// as one circle, and shows the entities once zoomed in.
    public static let overviewThreshold = 1_500
    /// Above this many entities the page shows the static diagram of the briefing's view instead
    /// of the explorer: a layout of every entity takes minutes and the page would be too large
    /// for a browser to open (about 0.9 KB per entity with its links: 4.4 MB for a generated
    /// network of 5,000 entities and 10,000 links). Filter (`--ego`, `--kinds`,
    /// `--min-confidence`) to explore part of such a network.
    public static let entityLimit = 20_000

    /// The page's filter family for who runs, employs or controls what, and who belongs to
    /// what (drawn in the default link colour, as in the diagrams).
    static let controlFamily = "control and membership"
    static let controlKinds: [LinkKind] = [.operates, .employs, .controls, .memberOf]

    struct EntityRecord: Encodable {
        var id, kind: String
        var name, role, country, grade, from, to: String?
        var prot: Bool
        var rr, cr: Int?
        var sources: [String]
        var attrs: [[String]]
        var aliases: [String]
        var x, y, w, h: Double?
        var shape, fill: String?
        var comm: Int
    }
    struct LinkRecord: Encodable {
        var s, t: Int
        var kind, family: String
        var grade, from, to, agreement: String?
        var rr, cr: Int?
        var sources: [String]
        var attrs: [[String]]
        var weight: Double?
        var tie: Int?
    }
    struct TieRecord: Encodable {
        var pts: [Double]
        var arrow: [Double]?
        var color, style: String
        var width: Double
    }
    struct ClusterRecord: Encodable { var label: String; var box: [Double] }
    struct SourceRecord: Encodable { var id: String; var title, publisher, date, url: String? }
    struct Part: Encodable { var t: String?; var e: Int?; var l: Int? }
    struct FindingRecord: Encodable { var topic: String; var parts: [Part] }
    struct Family: Encodable { var name, color: String; var kinds: [String] }
    struct Record: Encodable {
        var title: String
        var redacted: Bool
        var plain: Bool
        var filters: String
        var width, height: Double
        var overviewThreshold: Int
        var communities: Int
        var entities: [EntityRecord]
        var links: [LinkRecord]
        var ties: [TieRecord]
        var clusters: [ClusterRecord]
        var sources: [SourceRecord]
        var findings: [FindingRecord]
        var families: [Family]
        var layoutNote: String
    }

    /// The page's JSON, escaped to sit inside a `<script type="application/json">` element: `<`,
    /// `>`, `&`, U+2028 and U+2029 as `\u` escapes, so neither `</script>` nor `<!--` can appear
    /// and no line separator can end a JavaScript string.
    static func json(_ b: Briefing, layout: PageLayout, layoutNote: String) -> String {
        let d = b.dataset
        func day(_ p: PartialDate?, _ latest: Bool) -> String? {
            guard let p else { return nil }
            let (y, m, dd) = latest ? p.latest : p.earliest
            return String(format: "%04d-%02d-%02d", y, m, dd)
        }
        func attrs(_ a: Attributes) -> [[String]] { a.map { [$0.key, $0.value.displayText] } }
        var entities: [EntityRecord] = []
        entities.reserveCapacity(d.entities.count)
        for (i, e) in d.entities.enumerated() {
            let n = layout.nodes[i]
            var aliases: [String] = []
            for (k, v) in e.attributes where k == "aliases" || k == "alias" || k == "aka" {
                if case .list(let items) = v { aliases += items.map(\.displayText) } else { aliases.append(v.displayText) }
            }
            entities.append(EntityRecord(id: e.id, kind: e.kind.rawValue, name: e.name, role: e.role?.rawValue, country: e.country,
                                         grade: e.confidence?.description, from: day(e.period?.from, false), to: day(e.period?.to, true),
                                         prot: e.isProtected, rr: e.confidence?.reliabilityRank, cr: e.confidence?.credibilityRank,
                                         sources: e.sources, attrs: attrs(e.attributes), aliases: aliases,
                                         x: n?.x, y: n?.y, w: n?.w, h: n?.h, shape: n?.shape, fill: n?.fill,
                                         comm: i < b.communities.community.count ? b.communities.community[i] : 0))
        }
        var tieOf = [Int?](repeating: nil, count: d.links.count)
        for (k, e) in layout.edges.enumerated() { for l in e.links { tieOf[l] = k } }
        var family: [LinkKind: String] = [:]
        for f in LinkStyle.families { for k in f.kinds { family[k] = f.name } }
        // On the page, who runs, employs or controls what is a filter of its own: under "other"
        // it went with the places (`located_in`), and hiding geography hid the compounds' bosses.
        for k in Self.controlKinds { family[k] = Self.controlFamily }
        var links: [LinkRecord] = []
        links.reserveCapacity(d.links.count)
        d.forEachResolvedLink { i, s, t in
            let l = d.links[i]
            links.append(LinkRecord(s: Int(s), t: Int(t), kind: l.kind.rawValue, family: family[l.kind] ?? "other",
                                    grade: l.confidence?.description, from: day(l.period?.from, false), to: day(l.period?.to, true),
                                    agreement: l.agreement, rr: l.confidence?.reliabilityRank, cr: l.confidence?.credibilityRank,
                                    sources: l.sources, attrs: attrs(l.attributes), weight: l.weight, tie: tieOf[i]))
        }
        // Findings name links by dataset position; the page numbers only resolved links.
        var pageLink = [Int?](repeating: nil, count: d.links.count)
        var k = 0
        d.forEachResolvedLink { i, _, _ in pageLink[i] = k; k += 1 }
        let findings = Findings(b: b).items.map { f in
            FindingRecord(topic: f.topic, parts: f.parts.map { part in
                switch part {
                case .text(let t): return Part(t: t)
                case .entity(let i): return Part(e: i)
                case .link(let i): return pageLink[i].map { Part(l: $0) } ?? Part(t: Findings.linkText(d, i))
                }
            })
        }
        let families = LinkStyle.families.map { Family(name: $0.name, color: $0.color, kinds: $0.kinds.map(\.rawValue)) }
            + [Family(name: Self.controlFamily, color: Theme.standard.linkColor, kinds: Self.controlKinds.map(\.rawValue)),
               Family(name: "other", color: Theme.standard.linkColor, kinds: [])]
        let record = Record(title: d.title ?? "Network briefing", redacted: b.provenance.redacted, plain: b.isPlainGraph, filters: b.provenance.filters,
                            width: layout.width, height: layout.height, overviewThreshold: overviewThreshold,
                            communities: b.communities.count, entities: entities, links: links,
                            ties: layout.edges.map { TieRecord(pts: $0.points, arrow: $0.arrow, color: $0.color, style: $0.style, width: $0.width) },
                            clusters: layout.clusters.map { ClusterRecord(label: $0.label, box: $0.box) },
                            sources: d.sources.map { SourceRecord(id: $0.id, title: $0.title, publisher: $0.publisher, date: $0.date?.description,
                                                                  url: $0.url.flatMap(ReportText.safeURL)) },
                            findings: findings, families: families, layoutNote: layoutNote)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let bytes = try! encoder.encode(record)  // every value is encodable: a failure is a programming error
        return scriptSafe(String(decoding: bytes, as: UTF8.self))
    }

    /// JSON text made safe inside a `<script>` element (see ``json(_:layout:layoutNote:)``), and
    /// shown as the rest of the page shows text: a display control (a bidirectional override, a
    /// C0 or C1 control, `Unicode.Scalar.isDisplayControl`) becomes a space, whether JSON wrote
    /// it raw or as an escape (`\n`, `\u0001`).
    static func scriptSafe(_ json: String) -> String {
        var out = ""
        let u = Array(json.unicodeScalars)
        out.unicodeScalars.reserveCapacity(u.count)
        var i = 0
        while i < u.count {
            let c = u[i]
            switch c {
            case "\\":
                guard i + 1 < u.count else { out.unicodeScalars.append(c); i += 1; continue }
                let next = u[i + 1]
                if "nrtbf".unicodeScalars.contains(next) {
                    out += " "
                    i += 2
                } else if next == "u", i + 5 < u.count, let v = UInt32(String(String.UnicodeScalarView(u[(i + 2) ... (i + 5)])), radix: 16),
                          let scalar = Unicode.Scalar(v), scalar.isDisplayControl {
                    out += " "
                    i += 6
                } else {
                    out.unicodeScalars.append(c)
                    out.unicodeScalars.append(next)
                    i += 2
                }
                continue
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if c.isDisplayControl { out += " " } else { out.unicodeScalars.append(c) }
            }
            i += 1
        }
        return out
    }
}
