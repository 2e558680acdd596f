import Testing
import TNetGraph
import TNetGraphviz
import TNetModel
@testable import TNetIO

/// Long quoted strings are set aside while cgraph parses a DOT file (its lexer is quadratic in
/// a token's length) and decoded by cgraph in pieces. The oracle is cgraph itself reading the
/// whole document at once: names, values and line numbers must be what it gives.
@Suite struct DOTLongStringsTests {
    /// Text for a quoted string, `count` fragments long, drawn from what cgraph treats
    /// specially: escaped quotes, backslash pairs and runs, a backslash before a newline (a
    /// continuation), other escapes (`\n`, `\N`), raw newlines, multi-byte UTF-8 and plain text.
    static func hostile(_ count: Int, _ random: inout SplitMix64) -> String {
        let fragments = ["\\\"", "\\\\", "\\\\\\", "\\\n", "\\n", "\\N", "\n", "é", "😀", "ห", "plain text ", "{", "}", ";", "//", "/*", "<b>", "+", "\\\\\\\\\\\""]
        var s = ""
        // Backslashes at the end of `s`: a quote after an even run of them would close the
        // string, and so would the closing quote after an odd run.
        func trailing() -> Int { s.utf8.reversed().prefix { $0 == UInt8(ascii: "\\") }.count }
        for _ in 0 ..< count {
            let f = fragments[Int(random.next() % UInt64(fragments.count))]
            if f.hasSuffix("\"") && trailing() % 2 == 1 { s += "x" }
            s += f
        }
        return trailing() % 2 == 1 ? s + "\\" : s
    }

    static func flattened(_ d: DOTDocument) -> [String] {
        // An anonymous graph's name is cgraph's counter (`%12`), another at each parse.
        var out = [d.name.hasPrefix("%") ? "%" : d.name, String(d.directed)]
        out += d.graphAttributes.flatMap { [$0.name, $0.value] }
        for n in d.nodes { out += [n.name] + n.attributes.flatMap { [$0.name, $0.value] } }
        for e in d.edges { out += [e.tail, e.head] + e.attributes.flatMap { [$0.name, $0.value] } }
        return out
    }

    static func parse(_ text: String) throws -> DOTDocument { try GraphvizRenderer.shared.parse(dot: text) }

    @Test func piecesDecodeAsTheWholeString() throws {
        var random = SplitMix64(seed: 41)
        for round in 0 ..< 3 {
            let label = Self.hostile(40_000, &random), name = Self.hostile(25_000, &random), key = Self.hostile(22_000, &random)
            // The node named twice, the second time with a line continuation in it: cgraph
            // reads both as one name, so one node.
            let cut = try #require(name.range(of: "plain text"))
            let respelt = name.replacingCharacters(in: cut, with: "plain\\\n text")
            let text = """
            digraph "g" {
              label="short"
              "\(name)" [label="\(label)", "\(key)"="v", other="x" + "\(label)"]
              "\(respelt)" -> b [note="\(label)"]
              c
            }
            """
            let whole = try Self.parse(text)
            #expect(whole.nodes.count == 3, "round \(round)")
            let long = try #require(try DOTLongStrings(text, parse: Self.parse), "round \(round): nothing set aside")
            #expect(long.text.utf8.count < text.utf8.count / 4, "round \(round)")
            let pieced = try #require(long.restore(try Self.parse(long.text)), "round \(round): read whole")
            #expect(Self.flattened(pieced) == Self.flattened(whole), "round \(round)")
            // Through the reader: the same entities as cgraph names them, the label as name.
            let (d, _) = try DOTDatasetReader.read(InputFile(name: "long.dot", bytes: Array(text.utf8)))
            #expect(d.entities.map(\.id) == whole.nodes.map(\.name), "round \(round)")
            #expect(d.entities.first?.name == whole.nodes.first?.attributes.first { $0.name == "label" }?.value, "round \(round)")
        }
    }

    /// Pieces are cut between two plain bytes (no backslash, quote or line break on either
    /// side, no UTF-8 continuation byte after), at about `pieceBytes`.
    @Test func piecesAreCutBetweenPlainBytes() {
        var random = SplitMix64(seed: 5)
        let bytes = Array(Self.hostile(60_000, &random).utf8)
        let pieces = DOTLongStrings.cut(bytes, 0 ..< bytes.count)
        #expect(pieces.flatMap { $0 } == bytes)
        #expect(pieces.count > 3)
        for p in pieces.dropLast() {
            #expect(p.count >= DOTLongStrings.pieceBytes)
            #expect(DOTLongStrings.plain(bytes[p.endIndex - 1]) && DOTLongStrings.plain(bytes[p.endIndex]))
            #expect(bytes[p.endIndex] & 0xC0 != 0x80)
        }
        // A stretch with no plain place stays whole.
        let quotes = [UInt8](repeating: UInt8(ascii: "\\"), count: 3 * DOTLongStrings.pieceBytes)
        #expect(DOTLongStrings.cut(quotes, 0 ..< quotes.count).count == 1)
    }

    /// A syntax error after a long string of many lines is reported on its line in the file.
    /// (cgraph, reading the whole document, counts fewer lines: not every line break inside a
    /// quoted string. The expected line is counted here from the text's own line feeds.)
    @Test func lineNumbersAfterALongStringAreTheFile() throws {
        var random = SplitMix64(seed: 9)
        let label = Self.hostile(40_000, &random)
        let text = "digraph {\n  a [label=\"\(label)\"]\n  b -> ;\n}\n"
        let bad = try #require(text.range(of: "b -> ;"))
        let line = text[..<bad.lowerBound].utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let e = #expect(throws: ReadError.self) { try DOTDatasetReader.read(InputFile(name: "long.dot", bytes: Array(text.utf8))) }
        #expect(e?.description.hasPrefix("long.dot:\(line):") == true, "\(String(describing: e)), expected line \(line)")
        #expect(line > 100)
    }

    /// Files with no long string, or holding the marker byte, are read as they are.
    @Test func shortStringsAndTheMarkerByteAreLeftAlone() throws {
        #expect(try DOTLongStrings("digraph { a [label=\"short\"] }", parse: Self.parse) == nil)
        let long = String(repeating: "x", count: DOTLongStrings.threshold)
        #expect(try DOTLongStrings("digraph { a [label=\"\(long)\"] }", parse: Self.parse) != nil)
        #expect(try DOTLongStrings("digraph { a [label=\"\(long)\" note=\"\u{1}\"] }", parse: Self.parse) == nil)
        // Inside a comment, a quote does not start a string.
        #expect(try DOTLongStrings("digraph { /* \"\(long)\" */ a }", parse: Self.parse) == nil)
    }

    /// cgraph does not count every line break inside a quoted string; which ones depends on the
    /// escapes around them (checked with Graphviz 2.43's `dot`: the error below is "in line 3"
    /// for the first file). tnet reports the file's line, counted by hand below, and the column
    /// of the token there.
    @Test func syntaxErrorsAfterMultiLineStringsAreOnTheFilesLine() throws {
        let cases: [(String, String)] = [
            ("digraph {\n a [label=\"one\ntwo\nthree\"]\n b -> ;\n}\n", "long.dot:5:7:"),
            ("digraph {\n a [label=\"one\\\ntwo\\\nthree\"]\n b -> ;\n}\n", "long.dot:5:7:"),
            ("digraph {\n a [label=\"one\\\\\ntwo\"]\n b -> ;\n}\n", "long.dot:4:7:"),
            ("digraph {\n/* a\nb */ a [label=<x\ny>]\n b -> ;\n}\n", "long.dot:5:7:"),
            ("digraph {\n a [label=\"one\r\ntwo\"]\n b -> ;\n}\n", "long.dot:4:7:"),
        ]
        for (text, expected) in cases {
            let e = #expect(throws: ReadError.self) { try DOTDatasetReader.read(InputFile(name: "long.dot", bytes: Array(text.utf8))) }
            #expect(e?.description.hasPrefix(expected) == true, "\(String(describing: e)), expected \(expected)")
        }
    }

    /// Inputs a review found where setting long strings aside could go wrong; each is read as
    /// cgraph reads the whole document (by the pieces when that is certain, else whole).
    @Test func whatCgraphMakesOfTheWholeDocument() throws {
        let l = String(repeating: "x", count: 70_000)
        let many = (0 ..< 3_000).map { "n\($0)" }.joined(separator: " ")
        let cases: [(String, String)] = [
            // A `#` anywhere starts a comment; a quote in it starts no string.
            ("hash comments", "graph {\n a # 5\" pipe\n \(many) \"\(l)\"\n z # 6\" pipe\n}\n"),
            // Joined with `+`, the same name as one written whole: one node.
            ("joined names", "graph { \"\(l)\" + \"y\"; \"\(l)y\" }"),
            ("joined keys", "graph { a -- b [key=\"\(l)\" + \"y\"]; a -- b [key=\"\(l)y\"] }"),
            // Told apart by their bytes, as cgraph does (NFC and NFD é; K and the Kelvin sign).
            ("canonically equal", "graph { \"\u{E9}\(l)\"; \"e\u{301}\(l)\"; a [label=\"K\(l)\"]; b [label=\"\u{212A}\(l)\"] }"),
            // A long string that decodes to a short one spelt elsewhere.
            ("decodes short", "graph { \"a\(String(repeating: "\\\n", count: 33_000))\"; a -- b }"),
            // An attribute named by a long string: cgraph orders attributes by name.
            ("long attribute name", "graph { a [\"\(l)\"=\"M\", label=\"\(l)\"] }"),
            // An HTML graph name holds a quote and a backslash that are not a string.
            ("HTML graph name", "digraph <\"\(l)\\\"q> { a [label=\"\(l)\"] }"),
            // A value set twice: the first never comes back.
            ("value set twice", "graph { a [label=\"\(l)\"]; a [label=\"\(l)z\"] }"),
        ]
        for (label, text) in cases {
            let whole = try Self.parse(text)
            let read = try DOTDatasetReader.parse(text)
            #expect(Self.flattened(read).map { Array($0.utf8) } == Self.flattened(whole).map { Array($0.utf8) }, "\(label)")
        }
    }
}
