import Foundation
import Testing
import TNetGraph
import TNetModel
@testable import TNetIO

/// The chunked GraphML reader against the streamed one (libxml2), its oracle: the same document
/// must give the same dataset (entities, links and their resolved ends, graph data, positions)
/// and the same issues in the same order, whatever the chunk size, or nil (libxml2 reads it).
@Suite struct GraphMLChunksTests {
    /// Reads `text` both ways; returns whether the chunks took it.
    @discardableResult
    func compare(_ text: String, chunkBytes: Int, threads: Int = 2, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Bool {
        try compare(bytes: Array(text.utf8), chunkBytes: chunkBytes, threads: threads, sourceLocation: sourceLocation)
    }

    @discardableResult
    func compare(bytes: [UInt8], chunkBytes: Int, threads: Int = 2, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Bool {
        // Below the chunked reader's minimum size, `read` is the streamed reader alone.
        #expect(bytes.count < GraphMLReader.Chunks.minimumBytes, sourceLocation: sourceLocation)
        let input = InputFile(name: "doc.graphml", bytes: bytes)
        let stream: (dataset: Dataset, issues: [ValidationIssue])?
        do { stream = try GraphMLReader.read(input) } catch { stream = nil }
        let chunks = bytes.withUnsafeBufferPointer {
            GraphMLReader.Chunks.read($0, name: "doc.graphml", threads: threads, chunkBytes: chunkBytes)
        }
        guard let chunks else { return false }
        let s = try #require(stream, "the chunks read a document libxml2 refuses", sourceLocation: sourceLocation)
        expectSameRead(chunks, s, sourceLocation: sourceLocation)
        return true
    }

    /// Texts that Swift's `==` takes as equal keep their own bytes, in chunks as in the stream
    /// (a list shared with the element before when its text compared equal came back in the
    /// other spelling).
    @Test func canonicallyEqualTextsKeepTheirSpellings() throws {
        var text = head
        for i in 0 ..< 12 {
            let spelling = i % 3 == 0 ? "K" : i % 3 == 1 ? "\u{212A}" : "e\u{301}"
            text += "    <node id=\"n\(i)\"><data key=\"nm\">\(spelling)</data><data key=\"ns\">\(spelling)</data></node>\n"
            text += "    <edge source=\"n\(i)\" target=\"n0\"><data key=\"s\">\(spelling)</data></edge>\n"
        }
        text += tail
        for size in [60, 300, 1 << 20] { #expect(try compare(text, chunkBytes: size)) }
        let (d, _) = try GraphMLReader.read(InputFile(name: "k.graphml", bytes: Array(text.utf8)))
        #expect(d.entities.prefix(3).map { Array(($0.name ?? "").utf8) } == [Array("K".utf8), Array("\u{212A}".utf8), Array("e\u{301}".utf8)])
        #expect(d.entities.prefix(3).map { $0.sources.map { Array($0.utf8) } } == [[Array("K".utf8)], [Array("\u{212A}".utf8)], [Array("e\u{301}".utf8)]])
        // Links' citation lists too: the table that numbers them tells spellings apart (it
        // had made canonically equal lists one, in the file's first spelling).
        #expect(Array(d.links).prefix(3).map { $0.sources.map { Array($0.utf8) } }
                == [[Array("K".utf8)], [Array("\u{212A}".utf8)], [Array("e\u{301}".utf8)]])
    }

    @Test func aGeneratedDatasetReadsTheSameInChunksOfEverySize() throws {
        let bytes = try GraphMLWriter.write(SyntheticNetwork(nodes: 2000, seed: 4).generate())
        for size in [60, 999, 20_000, 1 << 22] { #expect(try compare(bytes: bytes, chunkBytes: size)) }
        #expect(try compare(bytes: bytes, chunkBytes: 999, threads: 1))
        let text = String(decoding: bytes, as: UTF8.self)
        // Windows line ends between elements (none inside the generated data).
        #expect(try compare(text.replacingOccurrences(of: "\n", with: "\r\n"), chunkBytes: 777))
        // On one line: columns carry across chunks.
        let oneLine = text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
        #expect(try compare(oneLine, chunkBytes: 555))
    }

    /// A file read from disk is mapped and read in chunks (its pages handed back as chunks pass
    /// them; the minimum size is lowered here), to the dataset libxml2 reads; a file declared
    /// Latin-1, or one the chunks give up on, is read whole by libxml2.
    @Test func aMappedFileIsReadInChunks() throws {
        let bytes = try GraphMLWriter.write(SyntheticNetwork(nodes: 1500, seed: 9).generate())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-graphml-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = String(decoding: bytes, as: UTF8.self)
        let latin1 = text.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"ISO-8859-1\"")
        let comment = text.replacingOccurrences(of: "</graph>", with: "<!-- end --></graph>")
        for (name, content) in [("plain", text), ("latin1", latin1), ("comment", comment)] {
            let path = folder.appendingPathComponent(name + ".graphml").path
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            let file = try #require(MappedFile(path: path, step: 4096))
            let mapped = try GraphMLReader.read(mapped: file, minimumBytes: 0)
            let whole = try GraphMLReader.read(InputFile(name: path, bytes: Array(content.utf8)))
            #expect(mapped.issues == whole.issues)
            #expect(mapped.dataset.entities == whole.dataset.entities && mapped.dataset.entities.count == 1500)
            #expect(Array(mapped.dataset.links) == Array(whole.dataset.links))
            #expect(mapped.dataset.locations == whole.dataset.locations)
            #expect(mapped.dataset.title == whole.dataset.title && mapped.dataset.sources == whole.dataset.sources)
        }
        // A broken file the chunks give up on is read by libxml2 straight from the mapping (no
        // copy of the file: 1.39 GB for 660 MB before), with the error the bytes read whole give.
        for (name, content) in [("cut", String(text.prefix(text.count * 2 / 3))), ("bad", text.replacingOccurrences(of: "</graph>", with: "</grap>"))] {
            let path = folder.appendingPathComponent(name + ".graphml").path
            try Data(content.utf8).write(to: URL(fileURLWithPath: path))
            var mapped = "", whole = ""
            do { _ = try GraphMLReader.read(mapped: try #require(MappedFile(path: path, step: 4096)), minimumBytes: 0) } catch { mapped = "\(error)" }
            do { _ = try GraphMLReader.read(InputFile(name: path, bytes: Array(content.utf8))) } catch { whole = "\(error)" }
            #expect(!mapped.isEmpty && mapped == whole, "\(name): \(mapped) against \(whole)")
        }
        // Files this size are read whole by libxml2, from the path as from the bytes.
        let path = folder.appendingPathComponent("plain.graphml").path
        #expect(try DatasetFormat.read(path: path, options: ReadOptions()).dataset.entities.count == 1500)
    }

    @Test(arguments: ["networkx-directed", "networkx-undirected"])
    func networkXFilesReadTheSame(_ name: String) throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: "Tests/TNetIOTests/Fixtures/graphml/\(name).graphml")))
        for size in [40, 300, 1 << 20] { #expect(try compare(bytes: bytes, chunkBytes: size)) }
    }

    /// The head of a document with keys of every kind: fields, attributes of each type,
    /// defaults, a key for all domains, a forced attribute, graph data.
    let head = """
    <?xml version="1.0" encoding="UTF-8"?>
    <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="t" for="graph" attr.name="title" attr.type="string"/>
      <key id="k" for="node" attr.name="kind" attr.type="string"/>
      <key id="nm" for="node" attr.name="name" attr.type="string"/>
      <key id="c" for="node" attr.name="confidence" attr.type="string"><default>B2</default></key>
      <key id="f" for="node" attr.name="from" attr.type="string"/>
      <key id="ns" for="node" attr.name="sources" attr.type="string"/>
      <key id="age" for="node" attr.name="age" attr.type="int"/>
      <key id="ok" for="all" attr.name="ok" attr.type="boolean"><default>true</default></key>
      <key id="ek" for="edge" attr.name="kind" attr.type="string"/>
      <key id="w" for="edge" attr.name="weight" attr.type="double"/>
      <key id="s" for="edge" attr.name="sources" attr.type="string"/>
      <key id="d" for="edge" attr.name="directed" attr.type="string"/>
      <key id="ekind" for="edge" attr.name="kind" attr.type="string" tnet.attribute="true"/>
      <graph id="G" edgedefault="undirected">
        <data key="t">Odd &amp; ends</data>

    """

    /// Nodes and edges with every feature the scanner takes, and problems the builder reports.
    func body(_ count: Int) -> String {
        var s = ""
        for i in 0 ..< count {
            switch i % 12 {
            case 0: s += "    <node id=\"n\(i)\"><data key=\"k\">person</data><data key=\"nm\">Ann &amp; Bo &lt;\(i)&gt; &#233;&#x1F600;</data></node>\n"
            case 1: s += "    <node id='n\(i)' ><data key='c'>C3</data><data key=\"age\">\(i)</data><data key=\"f\">2021-03</data></node>\n"
            case 2: s += "    <node id=\"n\(i)\"/>\n"
            case 3: s += "    <node\n      id=\"é\(i)\"\tother=\"x\"><data key=\"c\">ZZ</data><data key=\"age\">old</data></node>\n"
            case 4: s += "    <edge source=\"n\(i - 4)\" target=\"n\(i - 3)\"><data key=\"w\">2.5</data><data key=\"s\">a; b</data></edge>\n"
            case 5: s += "    <edge id=\"e\(i)\" source=\"n\(i - 4)\" target=\"missing\" directed=\"true\"/>\n"
            case 6: s += "    <edge source=\"n\(i - 6)\" target=\"é\(i - 3)\" directed=\"false\"><data key=\"d\">yes</data><data key=\"w\">x</data></edge>\n"
            case 7: s += "    <node id=\"n\(i)\"><data key=\"w\">1</data><data key=\"k\">org</data><data key=\"k\">again</data><data key=\"nm\"/></node>\n"
            case 8: s += "    <node id=\"n\(i - 8)\"><data key=\"nm\">  spaced\ttext\nover lines </data></node>\n"
            case 9: s += "    <edge source=\"n\(i - 9)\" target=\"n\(i - 8)\"><data key=\"ek\">recruits</data><data key=\"ekind\">kept</data><data key=\"ok\">0</data></edge>\n"
            case 10: s += "    <node id=\"a&amp;b\(i)\" label=\"tab\there\" note=\"two\nlines\"><data key=\"nm\">&quot;q&quot; &apos;a&apos; ]]</data></node>\n"
            default:
                s += "    <edge source=\"a&amp;b\(i - 1)\" target=\"K\(i)\"><data key=\"ek\"></data></edge><node id=\"\u{212A}\(i)\"/>\n"
                // The graph's own data between elements (NetworkX writes it after the edges):
                // the last title is kept; a value not of its key's type is an error.
                s += i % 24 == 11 ? "    <data key=\"t\">Title \(i)</data>\n" : "    <data key=\"age\">\(i)x</data>\n"
            }
        }
        return s
    }

    let tail = "  </graph>\n</graphml>\n"

    @Test func everyFeatureTheScannerTakesReadsTheSame() throws {
        let text = head + body(240) + tail
        for size in [30, 100, 257, 1000, 1 << 20] { #expect(try compare(text, chunkBytes: size)) }
        #expect(try compare(text, chunkBytes: 100, threads: 1))
        // Issues were found: the test compares them, not only their absence.
        let (_, issues) = try GraphMLReader.read(InputFile(name: "doc.graphml", bytes: Array(text.utf8)))
        #expect(issues.count > 60 && issues.contains { $0.severity == .warning } && issues.contains { $0.severity == .error })
    }

    /// What the scanner leaves to libxml2: it gives up (nil), and libxml2 reads the file as
    /// before. Each case is put in the middle of a document the scanner takes.
    @Test(arguments: [
        "<!-- a comment -->", "<?pi x?>", "<node id=\"x\"><data key=\"nm\"><![CDATA[a]]></data></node>",
        "<node id=\"x\"><data key=\"nm\">a\r\nb</data></node>", "<node id=\"x\"><desc>d</desc></node>",
        "<node id=\"x\"><data key=\"nm\"><b>bold</b></data></node>", "<key id=\"late\" for=\"node\" attr.name=\"late\"/>",
        "<node id=\"x\" y:z=\"1\"/>", "<node id=\"x\" xmlns:y=\"u\"/>",
        "<node id=\"x\"><data key=\"undeclared\">a</data></node>", "<node id=\"x\"><data key=\"nm\">&bogus;</data></node>",
        "<node id=\"x\"><data key=\"nm\">&#0;</data></node>", "<node id=\"x\"><data key=\"nm\">a]]>b</data></node>",
        "<node id=\"x\"><data key=\"nm\">\u{FFFE}</data></node>", "<node id=\"x\" id=\"y\"/>", "<node id=\"x\"id2=\"y\"/>",
        "<node id=\"x\"><port name=\"p\"/></node>", "<node id=\"x\"><graph/></node>", "<hyperedge/>", "<node/>",
        "<edge source=\"a\"/>", "<node id=\"a<b\"/>", "<node id=\"x\">text</node>", "<node id=\"x\"></edge>",
        "<node id=\"x\" a=\"1\r2\"/>", "<nodes/>", "<node id=\"x\"><data key=\"nm\">\u{01}</data></node>",
    ])
    func whatTheScannerLeavesToLibxml2(_ odd: String) throws {
        let body = body(60)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let text = head + lines[..<30].joined(separator: "\n") + "\n" + odd + "\n" + lines[30...].joined(separator: "\n") + tail
        #expect(try !compare(text, chunkBytes: 200))
    }

    /// What comes before the first `<node` or `<edge` is read by libxml2; a node or edge it met
    /// there (spelt with a prefix), any `<!`, or an encoding libxml2 converts leave the whole
    /// file to libxml2.
    @Test func whatTheHeadLeavesToLibxml2() throws {
        let body = body(30)
        let prefixed = head.replacingOccurrences(of: "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">",
                                                 with: "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:g=\"urn:g\">")
        #expect(try compare(prefixed + body + tail, chunkBytes: 200))
        #expect(try !compare(prefixed + "<g:node id=\"pre\"><data key=\"age\">zz</data></g:node>\n" + body + tail, chunkBytes: 200))
        #expect(try !compare(prefixed + "<g:edge source=\"n0\" target=\"n1\"/>\n" + body + tail, chunkBytes: 200))
        #expect(try !compare(head + "<!-- <node id=\"x\"/> -->\n" + body + tail, chunkBytes: 200))
        #expect(try !compare(head.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"") + body + tail, chunkBytes: 200))
        // A name or a value longer than the scanner reads (libxml2 refuses a name past 50,000
        // bytes): libxml2's to judge.
        #expect(try !compare(head + "<node id=\"long\" \(String(repeating: "a", count: 2000))=\"1\"/>\n" + body + tail, chunkBytes: 200))
    }

    /// After `</graph>`, only `</graphml>` and blanks; a document cut short is libxml2's.
    @Test func theEndOfTheDocument() throws {
        let body = body(30)
        #expect(try compare(head + body + tail, chunkBytes: 200))
        #expect(try compare(head + body + "</graph></graphml>", chunkBytes: 200))
        #expect(try !compare(head + body + tail + "<!-- after -->", chunkBytes: 200))
        #expect(try !compare(head + body + "</graph>", chunkBytes: 200))
        #expect(try !compare(head + body, chunkBytes: 200))
        #expect(try !compare(head + body + tail + "x", chunkBytes: 200))
        // No node or edge at all: nothing to cut.
        #expect(try !compare(head + tail, chunkBytes: 200))
    }
}
