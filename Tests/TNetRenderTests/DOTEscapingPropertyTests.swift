import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PropertyBased
import Testing
import TNetGraph
import TNetGraphviz
import TNetModel
@testable import TNetRender

/// What Graphviz draws for a label it parsed: its escString rules (`\\` is a backslash, `\n`,
/// `\l`, `\r` break lines, `\"` is a quote, any other `\x` is x) and then the HTML entities
/// (`&amp;` and the like) it decodes in plain labels. Written from Graphviz's documentation of
/// escString and labels, independently of DOTEscaping.
func drawnText(_ parsed: String) -> String {
    // Scalar by scalar, as Graphviz reads bytes: a combining mark after `;` or `\\` must not
    // hide the sequence (Swift's Characters would fold them into one).
    let u = Array(parsed.unicodeScalars)
    var unescaped: [Unicode.Scalar] = []
    var i = 0
    while i < u.count {
        if u[i] == "\\", i + 1 < u.count {
            let n = u[i + 1]
            unescaped.append(n == "n" || n == "l" || n == "r" ? "\n" : n)
            i += 2
        } else {
            unescaped.append(u[i])
            i += 1
        }
    }
    let amp: [Unicode.Scalar] = ["&", "a", "m", "p", ";"]
    var out = String.UnicodeScalarView()
    i = 0
    while i < unescaped.count {
        if unescaped[i] == "&", i + amp.count <= unescaped.count, Array(unescaped[i ..< i + amp.count]) == amp {
            out.append("&")
            i += amp.count
        } else {
            out.append(unescaped[i])
            i += 1
        }
    }
    return String(out)
}

/// What tnet promises to keep of a text: everything but control characters, which neither SVG
/// nor PDF text can hold (CR is dropped, the others become spaces; a line feed stays).
func keptText(_ s: String) -> String {
    var out = ""
    for u in s.unicodeScalars {
        if u == "\r" { continue }
        // Controls, C1 and bidirectional overrides are drawn as spaces (Unicode.Scalar.isDisplayControl).
        if u == "\n" { out.unicodeScalars.append(u) } else if u.isDisplayControl { out += " " } else { out.unicodeScalars.append(u) }
    }
    return out
}

@Suite(.serialized) struct DOTEscapingPropertyTests {
    static let nasty = ["a\" -> b [label=\"x", "back\\slash \\N \\G", "ends in a backslash\\", "\\\"", "\"", "\\",
                        "line\nbreak", "cr\r\nlf", "<b>bold</b> & <script>", "{;}", "AT&amp;T &#60;", "Мьянма", "မြန်မာ",
                        "ສປປ ລາວ", "🇲🇲 👩🏽‍💻", "\u{202E}rtl", "tab\there", "]; n0 -> n1; [", "// not a comment", "/* nor this */",
                        "#hash", "-- ->", "&\u{1753}amp", "AT&amp;\u{301}T", "\\\u{301}", ""]

    /// Every label and tooltip, parsed back by cgraph from tnet's DOT, is drawn as the original
    /// text (less control characters).
    static func check(_ names: [String]) throws {
        var theme = Theme.standard
        theme.labelWidth = 1_000_000  // no wrapping: compare whole texts
        var options = DiagramOptions()
        options.theme = theme
        options.legend = true
        let d = Dataset(entities: names.enumerated().map { Entity(id: "id-\($0.offset)-" + $0.element, kind: .company, name: $0.element) },
                        links: names.count > 1 ? [Link(source: "id-0-" + names[0], target: "id-1-" + names[1], kind: .pays)] : [],
                        title: names.first)
        let doc = try GraphvizRenderer.shared.parse(dot: DOTWriter.write(d, options: options))
        #expect(doc.nodes.count == names.count)
        #expect(doc.edges.count == (names.count > 1 ? 1 : 0))
        for (i, name) in names.enumerated() {
            let node = try #require(doc.nodes.first { $0.name == "n\(i)" })
            let label = node.attributes.first { $0.name == "label" }?.value ?? ""
            #expect(drawnText(label) == keptText(name.isEmpty ? "id-\(i)-" : name), "label of \(quoted(name))")
            let tooltip = node.attributes.first { $0.name == "tooltip" }?.value ?? ""
            #expect(drawnText(tooltip) == keptText("id-\(i)-\(name) (company)"), "tooltip of \(quoted(name))")
        }
    }

    @Test func nastyStrings() throws { try Self.check(Self.nasty) }

    @Test func randomUnicode() async { await Self.randomUnicodeCheck() }

    /// The draw that found the combining-mark case (a ';' folded with U+1753 into one Character).
    @Test func randomUnicodeRegression() throws { try Self.check(Self.names(seed: 1933631427775630830)) }

    static func randomUnicodeCheck() async {
        await propertyCheck(count: 80, input: Gen<UInt64>.value(in: 0 ... UInt64.max)) { seed in
            do { try check(names(seed: seed)) } catch { Issue.record("seed \(seed): \(error)") }
        }
    }

    /// One to six names of up to 24 scalars from the whole Unicode range (surrogates cannot be in
    /// a String), one time in two a character that DOT, escString or HTML treats specially.
    static func names(seed: UInt64) -> [String] {
        let special: [Unicode.Scalar] = ["\"", "\\", "\n", "\r", "&", "<", ">", ";", "{", "}", "[", "]", "=", "#", "/", "-", " ", "\u{0}", "\u{7F}"]
        var rng = SplitMix64(seed: seed)
        func scalar() -> Unicode.Scalar {
            let r = rng.next()
            if r % 2 == 0 { return special[Int((r >> 8) % UInt64(special.count))] }
            return Unicode.Scalar(UInt32((r >> 8) % 0x110000)) ?? "\u{FFFD}"
        }
        return (0 ..< 1 + Int(rng.next() % 6)).map { _ in
            var s = String.UnicodeScalarView()
            for _ in 0 ..< Int(rng.next() % 25) { s.append(scalar()) }
            return String(s)
        }
    }

    /// Legend text is HTML: hostile titles and kind names stay text in the SVG.
    @Test func hostileLegendAndClusterText() throws {
        let d = Dataset(entities: [Entity(id: "c", kind: .country, name: "<img src=x onerror=alert(1)>"),
                                   Entity(id: "s", kind: EntityKind("</TD></TR></TABLE>><b>"), name: "s", country: "c")],
                        links: [Link(source: "s", target: "c", kind: .locatedIn)], title: "\"><script>alert(1)</script>")
        var options = DiagramOptions()
        options.clustering = .byCountry(d)
        let svg = String(decoding: try GraphvizRenderer.shared.render(dot: DOTWriter.write(d, options: options), engine: "dot", format: "svg"), as: UTF8.self)
        #expect(!svg.contains("<script") && !svg.contains("<img") && !svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;") && svg.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(try XMLDocument(data: Data(svg.utf8)).rootElement()?.name == "svg")
    }
}

/// Long words in labels, worked by hand.
@Suite struct DOTWrappingTests {
    /// A 51-letter word at width 20: longer than one and a half lines (30), so cut into 20,
    /// then 20 (31 left is still over 30), then 11; each is a line.
    @Test func aLongWordIsCutIntoLines() {
        let a = { (n: Int) in String(repeating: "a", count: n) }
        #expect(DOTEscaping.wrapped(a(51), width: 20) == a(20) + "\n" + a(20) + "\n" + a(11))
        #expect(DOTEscaping.wrapped(a(30), width: 20) == a(30))
        #expect(DOTEscaping.wrapped("ab " + a(31), width: 20) == "ab\n" + a(20) + "\n" + a(11))
    }

    /// Two million letters at width 20: 99,999 cuts of 20, then 20 left (not over 30), 100,000
    /// lines. (The rest was recounted after every cut: minutes for one name.)
    @Test func aTwoMegabyteNameIsWrappedInOnePass() {
        let lines = DOTEscaping.wrapped(String(repeating: "x", count: 2_000_000), width: 20).split(separator: "\n")
        #expect(lines.count == 100_000 && lines.allSatisfy { $0.count == 20 })
    }
}

