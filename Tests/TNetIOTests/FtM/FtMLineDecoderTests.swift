import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// The FtM line decoder against the JSON path it stands in for: every line it decodes reads as
/// ``JSONParser`` and ``FtMReader/parse(_:_:_:)`` read it (the oracle: the reader as it was
/// before the decoder), issues included; every line of another shape is left to that path.
@Suite struct FtMLineDecoderTests {
    /// What a read line holds, comparable byte for byte (Swift's `==` on strings would take
    /// canonically equivalent spellings as equal: helper-75).
    struct Read: Equatable {
        var id: [UInt8]
        var schema: [UInt8]
        var properties: [[UInt8]]
        var top: [[UInt8]]
        var issues: [[UInt8]]

        init(_ line: FtMReader.Line?, _ issues: [ValidationIssue]) {
            id = Array((line?.id ?? "-").utf8)
            schema = Array((line?.schema.name ?? "-").utf8)
            properties = line?.properties.map { Array("\($0.name)=\($0.values.joined(separator: "\u{1}"))".utf8) } ?? []
            top = line?.top.map { Array("\($0.key)=\($0.value)".utf8) } ?? []
            self.issues = issues.map { Array($0.description.utf8) }
        }
    }

    static let at = SourceLocation(file: "x.ftm.jsonl", line: 3, column: 1)

    /// The line through the decoder, or nil when it leaves the line to the JSON path. Also
    /// checked on every line: decoded with its properties only checked (the first pass over a
    /// relation), it is decoded or left alike, with the same id, schema, top-level fields, issues
    /// and offset, and properties either none (the schema read first) or the same.
    static func decoded(_ text: String) -> Read? {
        Array(text.utf8).withUnsafeBufferPointer { b in
            let bare = FtMReader.LineDecoder.decode(b, skipProperties: { _ in true })
            guard let (fields, offset) = FtMReader.LineDecoder.decode(b) else {
                #expect(bare == nil, "left alike: \(text)")
                return nil
            }
            var issues: [ValidationIssue] = []
            let line = FtMReader.parse(fields, at, &issues)
            var parser = JSONParser(b)
            #expect((try? parser.parseDocument())?.offset == offset, "\(text)")
            let read = Read(line, issues)
            if let bare {
                var bareIssues: [ValidationIssue] = []
                var bareRead = Read(FtMReader.parse(bare.fields, at, &bareIssues), bareIssues)
                #expect(bare.offset == offset && (bareRead.properties.isEmpty || bareRead.properties == read.properties), "\(text)")
                bareRead.properties = read.properties
                #expect(bareRead == read, "\(text)")
            } else {
                Issue.record("decoded alike: \(text)")
            }
            return read
        }
    }

    /// The line through the JSON path; nil when it is not JSON.
    static func parsed(_ text: String) -> Read? {
        Array(text.utf8).withUnsafeBufferPointer { b in
            var parser = JSONParser(b)
            guard let node = try? parser.parseDocument() else { return nil }
            var issues: [ValidationIssue] = []
            return Read(FtMReader.parse(node, at, &issues), issues)
        }
    }

    @Test func everyWrittenLineIsDecodedAsTheJSONPathReadsIt() throws {
        let (d, _) = try DatasetFormat.read(path: bundledDatasetPath())
        let written = String(decoding: FtMWriter.write(d).bytes, as: UTF8.self)
        let fixture = try String(contentsOfFile: fixture("ftm/every-schema.ftm.jsonl"), encoding: .utf8)
        for text in fixture.split(separator: "\n").map(String.init) {
            if let fast = Self.decoded(text) { #expect(fast == Self.parsed(text), "\(text)") }
        }
        // tnet's own writer writes the common shape only: every one of its lines is decoded.
        let writtenLines = written.split(separator: "\n").map(String.init)
        for text in writtenLines {
            let fast = Self.decoded(text)
            #expect(fast != nil, "not decoded: \(text)")
            #expect(fast == Self.parsed(text), "\(text)")
        }
        #expect(writtenLines.count > 300)
    }

    /// Lines worked by hand: what the decoder reads (each as the JSON path reads it), and what
    /// it leaves to that path.
    @Test func theCommonShapeIsDecodedAndNothingElse() {
        let decodedLines = [
            #"{"id":"p1","schema":"Person","properties":{"name":["Li Wei"],"nationality":["cn"]}}"#,
            // Spaces and tabs between every token, a carriage return at the end.
            "  {\t\"id\" : \"p1\" ,\"schema\":\"Person\" , \"properties\" : { \"name\" : [ \"Li\" , \"Wu\" ] } }\r",
            // A property given twice: its values joined.
            #"{"id":"p1","schema":"Person","properties":{"name":["Li"],"alias":["L"],"name":["Wu"]}}"#,
            // Every top-level key read, in an unusual order.
            #"{"properties":{},"target":true,"datasets":["a","b"],"referents":[],"first_seen":"2024-01-01","last_seen":"2024-02-01","last_change":"2024-03-01","caption":"Li","schema":"Person","id":"p1"}"#,
            #"{"id":"p1","schema":"Person","target":false}"#,
            // Checked after decoding: no id, an empty id, no schema, a schema FtM has not, an abstract one.
            #"{"schema":"Person","properties":{"name":["No Id"]}}"#,
            #"{"id":"","schema":"Person"}"#,
            #"{"id":"p1"}"#,
            #"{"id":"p3","schema":"Spaceship","properties":{}}"#,
            #"{"id":"p4","schema":"Thing"}"#,
            "{}",
            // Non-ASCII text, as exporters write it, and escaped, as Python's json writes it
            // (a pair of surrogates for a character past U+FFFF).
            #"{"id":"p5","schema":"Person","properties":{"name":["Nguyễn Thị Lan","田中由紀"]}}"#,
            // A decomposed é (e and U+0301) and a composed one: kept as written, byte for byte.
            #"{"id":"e\u0301","schema":"Person","properties":{"name":["\u00e9"]}}"#,
            "{\"id\":\"e\u{301}\",\"schema\":\"Person\",\"properties\":{\"name\":[\"\u{E9}\"]}}",
            #"{"id":"p5","schema":"Person","properties":{"name":["Nguy\u1ec5n Th\u1ecb Lan","\ud83d\ude00 \"Mimi\" \\ \/ \b\f\n\r\t"]}}"#,
            #"{"id":"p1","schema":"Per\u0073on","properties":{"name":["Li \"Mimi\" Wei"]}}"#,
            // A relation, its properties checked but not kept on a first pass: escapes in a
            // key and a value, an empty list, no properties.
            #"{"id":"o1","schema":"Ownership","properties":{"own\u0065r":["p1"],"asset":["c\"1"],"role":[]}}"#,
            #"{"id":"o1","schema":"Ownership","properties":{}}"#,
        ]
        for text in decodedLines {
            let fast = Self.decoded(text)
            #expect(fast != nil, "decoded: \(text)")
            #expect(fast == Self.parsed(text), "\(text)")
        }
        let leftToJSON = [
            #"{"id":"p1","schema":"Person","properties":{"name":["Li \x Wei"]}}"#,       // escapes the parser refuses
            #"{"id":"p1","schema":"Person","properties":{"name":["\ud83d"]}}"#,
            #"{"id":"p1","schema":"Person","properties":{"name":["\ud83d\u0041"]}}"#,
            #"{"id":"p1","schema":"Person","properties":{"name":["\ude00"]}}"#,
            #"{"id":"p1","schema":"Person","properties":{"name":["\u12"]}}"#,
            #"{"id":"p1","schema":"Person","properties":{"name":["\u12g4"]}}"#,
            #"{"id":"p1","schema":"Person","properties":{"name":["a\"#,
            #"{"id":"p1","id":"p2","schema":"Person"}"#,                                // a key twice
            #"{"id":"p1","schema":"Person","extra":1}"#,                                // another key
            #"{"id":1,"schema":"Person"}"#,                                             // another type
            #"{"id":"p1","schema":"Person","caption":null}"#,
            #"{"id":"p1","schema":"Person","properties":{"name":"Li"}}"#,
            #"{"id":"p1","schema":"Person","properties":{"name":[1]}}"#,
            #"{"id":"p1","schema":"Person","properties":[]}"#,
            #"{"id":"p1","schema":"Person","datasets":[null]}"#,
            #"{"id":"p1","schema":"Person","target":"yes"}"#,
            #"{"id":"p1","schema":"Person","target":truex}"#,
            #"{"id":"p1","schema":"Person"} x"#,                                        // not JSON
            #"{"id":"p1","schema":"Person""#,
            #"{"id":"p1","schema":"Person",}"#,
            #"{"id":"p1","schema":"Person","properties":{"name":["Li",]}}"#,
            #"{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],}}"#,         // not JSON, a relation
            #"{"id":"o1","schema":"Ownership","properties":{"owner":["p1" "p2"]}}"#,
            #"{"id":"o1","schema":"Ownership","properties":{"owner":["\q"]}}"#,
            #"{"id":"o1","schema":"Ownership","properties":{"own\qer":["p1"]}}"#,
            #"{"id":"o1","schema":"Ownership","properties":{"owner":"p1"}}"#,
            "{\"id\":\"p1\",\"schema\":\"Per\tson\"}",                                    // a control character
            "[]",
            "",
        ]
        for text in leftToJSON {
            #expect(Self.decoded(text) == nil, "left to the JSON path: \(text)")
        }
    }

    /// Many properties on one line: a property given again after the sixteenth is joined to
    /// its first place by the table, as the look along the list joins the first sixteen (the
    /// oracle: the same line with the property given once, its values joined by hand).
    @Test func manyPropertiesAreJoinedInTheirFirstPlace() {
        let names = (0 ..< 40).map { "p\($0)" }
        func line(_ properties: [(String, [String])]) -> String {
            let body = properties.map { name, values in "\"\(name)\":[" + values.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
            return #"{"id":"x","schema":"Person","properties":{"# + body.joined(separator: ",") + "}}"
        }
        let repeated = line(names.map { ($0, ["a"]) } + [("p3", ["b"]), ("p30", ["c"]), ("p3", ["d"])])
        let once = line(names.map { ($0, $0 == "p3" ? ["a", "b", "d"] : $0 == "p30" ? ["a", "c"] : ["a"]) })
        #expect(Self.decoded(repeated) == Self.parsed(once))
        #expect(Self.parsed(repeated) == Self.parsed(once))
        #expect(Self.decoded(repeated) != nil)
    }
}
