import Testing
@testable import TNetIO

@Suite struct JSONParserTests {
    func parse(_ text: String) throws(JSONParser.Failure) -> JSONNode {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { buf throws(JSONParser.Failure) in
            var p = JSONParser(buf)
            return try p.parseDocument()
        }
    }

    func failure(_ text: String) -> JSONParser.Failure? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    @Test func parsesValuesWithOffsets() throws {
        let node = try parse(#" {"a": [1, -2.5e3, true, null, "x\"\u00e9\ud83d\ude00"], "b": {}} "#)
        guard case .object(let members) = node.value else { Issue.record("not an object"); return }
        #expect(node.offset == 1)
        #expect(members.map(\.key) == ["a", "b"])
        guard case .array(let items) = members[0].value.value else { Issue.record("not an array"); return }
        #expect(items.count == 5)
        if case .number(let t) = items[1].value { #expect(t == "-2.5e3") } else { Issue.record("number") }
        if case .string(let s) = items[4].value { #expect(s == "x\"é😀") } else { Issue.record("string") }
        #expect(items[4].offset == 31)
    }

    @Test(arguments: [
        ("{\"a\": [1, 2", "unexpected end of input"),
        ("[1, 2,]", "expected a value"),
        ("{\"a\" 1}", "expected ':'"),
        ("{\"a\": 1,}", "trailing comma"),
        ("[01]", "leading zero"),
        ("\"abc", "unexpected end of input inside a string"),
        ("\"a\nb\"", "line break inside a string"),
        ("[\"\\x\"]", "invalid escape"),
        ("[\"\\ud800\"]", "lone high surrogate"),
        ("[tru]", "invalid literal"),
        ("{} {}", "after the end of the JSON value"),
        ("", "no value"),
    ])
    func reportsErrors(text: String, expected: String) {
        let f = failure(text)
        #expect(f != nil)
        #expect(f?.message.contains(expected) == true, "\(f?.message ?? "nil")")
    }

    /// Nesting 200,000 deep would overflow a recursive parser (and the release of a deep value
    /// tree): it is refused with a message instead, and the maximum depth is accepted.
    @Test func deepNestingIsRefusedNotCrashed() throws {
        let depth = 200_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(failure(text)?.message.contains("nested more than 512") == true)
        #expect(failure(text)?.offset == 512)
        let ok = JSONParser.maximumDepth
        _ = try parse(String(repeating: "[", count: ok) + String(repeating: "]", count: ok))
        #expect(failure(String(repeating: "[", count: 10))?.message.contains("not closed") == true)
    }

    @Test func writerEscapesAndRoundTrips() throws {
        let nasty = "q\"b\\s/n\nt\tc\u{01}\u{7F} \u{2028}\u{2029} é 😀"
        var w = JSONWriter(pretty: false)
        w.beginArray(); w.string(nasty); w.double(0.1); w.int(-3); w.endArray()
        #expect(!w.text.contains("\u{2028}") && !w.text.contains("\n"))
        let node = try parse(w.text)
        guard case .array(let items) = node.value, case .string(let s) = items[0].value,
              case .number(let d) = items[1].value else { Issue.record("shape"); return }
        #expect(s == nasty)
        #expect(d == "0.1")
    }
}
