import Foundation
import Testing
@testable import TNetIO

/// Records what libxml2's push parser reports, as text.
private final class Recorder: XMLEventHandler {
    var events: [String] = []
    var problems: [(code: Int, message: String, line: Int, column: Int)] = []

    func startElement(_ name: XMLName, _ attributes: XMLAttributes, _ parser: XMLPushParser) {
        let local = String(cString: name.local)
        events.append("<\(local)" + (attributes.value("id").map { " id=\($0)" } ?? "") + ">")
    }

    func endElement(_ name: XMLName, _ parser: XMLPushParser) {
        events.append("</\(String(cString: name.local))>")
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, _ parser: XMLPushParser) {
        let s = String(decoding: text, as: UTF8.self)
        if case let last? = events.last, last.hasPrefix("text:") { events[events.count - 1] += s } else { events.append("text:" + s) }
    }

    func problem(code: Int, message: String, _ parser: XMLPushParser) {
        problems.append((code, message, parser.line, parser.column))
        parser.stop()
    }
}

private func parse(_ xml: String) -> (Recorder, status: Int) {
    let recorder = Recorder()
    let end = Array(xml.utf8).withUnsafeBufferPointer { XMLPushParser.parse($0, handler: recorder) }
    return (recorder, end.status)
}

@Suite struct XMLPushParserTests {
    /// The five predefined entities and character references are text, in content and in
    /// attribute values alike (libxml2 leaves `&` as `&#38;` in an attribute unless asked to
    /// substitute entities; the parser gives `&`); CDATA is text.
    @Test func referencesAndCDATAAreText() {
        let (r, status) = parse(#"<a id="x&amp;y &lt;&#233;&#x4E2D;&quot;&apos;&gt; &#38;#38;">1 &amp; 2 &lt; 3 &#233;<![CDATA[<b> & </b>]]></a>"#)
        #expect(status == 0 && r.problems.isEmpty)
        #expect(r.events == [#"<a id=x&y <é中"'> &#38;>"#, "text:1 & 2 < 3 é<b> & </b>", "</a>"])
    }

    /// Elements and attributes in a namespace: the element by its local name, an attribute with
    /// a prefix never taken for the one without.
    @Test func namespacesGiveLocalNames() {
        let (r, status) = parse(#"<g xmlns="urn:g" xmlns:y="urn:y"><y:n y:id="no"/><n y:id="no" id="yes"/></g>"#)
        #expect(status == 0 && r.problems.isEmpty)
        #expect(r.events == ["<g>", "<n>", "</n>", "<n id=yes>", "</n>", "</g>"])
    }

    /// An entity declared as a local file (or a DTD to load) is never read: no DTD is loaded,
    /// no entity substituted, and the reference is an error.
    @Test func externalEntitiesAreNeverRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-xxe-\(UUID().uuidString)")
        try Data("TOP-SECRET-CONTENT".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let dtd = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-xxe-\(UUID().uuidString).dtd")
        try Data("<!ENTITY leak SYSTEM \"file://\(secret.path)\">".utf8).write(to: dtd)
        defer { try? FileManager.default.removeItem(at: dtd) }
        for xml in [
            "<!DOCTYPE a [ <!ENTITY leak SYSTEM \"file://\(secret.path)\"> ]>\n<a>&leak;</a>",
            "<!DOCTYPE a [ <!ENTITY leak SYSTEM \"file://\(secret.path)\"> ]>\n<a b=\"&leak;\"/>",
            "<!DOCTYPE a SYSTEM \"file://\(dtd.path)\">\n<a>&leak;</a>",
            "<!DOCTYPE a [ <!ENTITY % p SYSTEM \"file://\(dtd.path)\"> %p; ]>\n<a>&leak;</a>",
        ] {
            let (r, _) = parse(xml)
            #expect(!r.events.joined().contains("TOP-SECRET"), "\(xml)")
            #expect(!r.problems.isEmpty, "\(xml): the reference must be an error")
            #expect(!r.problems.contains { $0.message.contains("TOP-SECRET") })
        }
    }

    /// A well-formedness error comes with libxml2's code and the line and column it stopped at.
    @Test func errorsHaveLineAndColumn() {
        let (r, status) = parse("<a>\n  <b>\n</a>")
        #expect(status != 0)
        #expect(r.problems.first?.code == 76)
        #expect(r.problems.first?.line == 3 && r.problems.first?.column == 5)
    }

    /// Text that crosses the boundary between two chunks arrives whole, in order.
    @Test func textAcrossChunks() {
        let long = String(repeating: "0123456789", count: XMLPushParser.chunkSize / 5)
        let (r, status) = parse("<a>\(long)</a>")
        #expect(status == 0)
        #expect(r.events == ["<a>", "text:" + long, "</a>"])
    }

    /// Nesting depth costs heap, not stack: the push parser keeps its open elements in a list
    /// and the handler sees one event at a time.
    @Test func deepNestingIsNotRecursion() {
        let depth = 200_000
        let (r, status) = parse(String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth))
        #expect(status == 0 && r.problems.isEmpty)
        #expect(r.events.count == 2 * depth)
    }
}
