import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// A JSON value as NetworkX wrote it, turned into the attribute value tnet should hold:
/// booleans stay booleans, numbers with a fraction or exponent are doubles, others ints.
private func attributeValue(_ v: JSONValue) -> AttributeValue? {
    switch v {
    case .string(let s): return .string(s)
    case .bool(let b): return .bool(b)
    case .number(let t): return t.contains(where: { ".eE".contains($0) }) ? Double(t).map(AttributeValue.double) : Int(t).map(AttributeValue.int)
    default: return nil
    }
}

private func string(_ v: JSONValue?) -> String? { if case .string(let s)? = v { return s }; return nil }

private func attributes(_ n: JSONNode) -> [String: JSONValue] {
    guard case .object(let members) = n.value else { return [:] }
    return Dictionary(members.map { ($0.key, $0.value.value) }, uniquingKeysWith: { a, _ in a })
}

private func items(_ n: JSONNode?) -> [JSONNode] {
    guard case .array(let a)? = n?.value else { return [] }
    return a
}

/// What NetworkX read back from a GraphML file it wrote (`*.expected.json`, made by
/// Fixtures/graphml/make_networkx_graphml.py): the oracle for tnet's reader. Parsed with
/// tnet's own strict JSON parser, which keeps booleans and numbers apart.
private struct NetworkXExpectation {
    var directed: Bool
    var nodes: [(String, [String: JSONValue])]
    var edges: [(String, String, [String: JSONValue])]

    init(_ path: String) throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: path)))
        let root = try bytes.withUnsafeBufferPointer { buf in
            var p = JSONParser(buf)
            return try p.parseDocument()
        }
        let top = attributes(root)
        guard case .bool(let dir)? = top["directed"], case .object(let members) = root.value else {
            throw ReadError("not a NetworkX expectation file", file: path)
        }
        directed = dir
        let byKey = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { a, _ in a })
        nodes = items(byKey["nodes"]).map { n in
            let pair = items(n)
            return (string(pair[0].value) ?? "", attributes(pair[1]))
        }
        edges = items(byKey["edges"]).map { e in
            let t = items(e)
            return (string(t[0].value) ?? "", string(t[1].value) ?? "", attributes(t[2]))
        }
    }
}

/// Checks that tnet reads `graphml` exactly as NetworkX read it: every node, edge and attribute,
/// model fields included.
private func checkAgainstNetworkX(graphml: String, expected: String) throws {
    let x = try NetworkXExpectation(expected)
    let (d, issues) = try GraphMLReader.read(InputFile.read(graphml))
    #expect(issues.isEmpty, "\(issues)")
    // The NetworkX graph cites "s1;s2" without a sources list: that is the only error allowed.
    #expect(d.validate().filter { $0.severity == .error && $0.code != .unknownSource }.isEmpty)
    #expect(d.directed == x.directed)
    #expect(d.entities.count == x.nodes.count)
    #expect(d.links.count == x.edges.count)
    for (id, attrs) in x.nodes {
        let e = try #require(d[id: id], "node \(id)")
        var seen = 0
        for (k, v) in attrs {
            seen += 1
            switch k {
            case "kind": #expect(e.kind.rawValue == string(v))
            case "name": #expect(e.name == string(v))
            case "role": #expect(e.role?.rawValue == string(v))
            default: #expect(e.attributes[k] == attributeValue(v), "node \(id) attribute \(k)")
            }
        }
        let fieldsSet = (e.name != nil ? 1 : 0) + (e.role != nil ? 1 : 0) + (attrs["kind"] != nil ? 1 : 0)
        #expect(e.attributes.count + fieldsSet == seen, "node \(id) has exactly NetworkX's attributes")
        if attrs["kind"] == nil { #expect(e.kind == .node) }
    }
    for (u, v, attrs) in x.edges {
        let matches = d.links.filter { ($0.source == u && $0.target == v) || (!x.directed && $0.source == v && $0.target == u) }
        let l = try #require(matches.count == 1 ? matches.first : nil, "edge \(u)-\(v)")
        for (k, value) in attrs {
            switch k {
            case "kind": #expect(l.kind.rawValue == string(value))
            case "weight": if case .number(let t) = value { #expect(l.weight == Double(t)) } else { Issue.record("weight is not a number") }
            case "confidence": #expect(l.confidence?.description == string(value))
            case "sources": #expect(l.sources.joined(separator: ";") == string(value))
            default: #expect(l.attributes[k] == attributeValue(value), "edge \(u)-\(v) attribute \(k)")
            }
        }
    }
}

@Suite struct GraphMLReaderTests {
    @Test(arguments: ["networkx-directed", "networkx-undirected"])
    func readsCommittedNetworkXFiles(name: String) throws {
        try checkAgainstNetworkX(graphml: fixture("graphml/\(name).graphml"), expected: fixture("graphml/\(name).expected.json"))
    }

    /// Regenerates the files with the NetworkX installed here (TNET_PYTHON, else python3) and
    /// checks them the same way, so a change in NetworkX's writer is noticed. `make test` sets
    /// TNET_PYTHON to a venv with networkx; without Python and networkx it is skipped, and says so
    /// (the committed copies above are still checked).
    static let python = ProcessInfo.processInfo.environment["TNET_PYTHON"].flatMap { $0.isEmpty ? nil : $0 } ?? "/usr/bin/env"
    static let prefix = python == "/usr/bin/env" ? ["python3"] : []
    /// Whether that Python imports networkx.
    static let hasNetworkX: Bool = {
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = prefix + ["-c", "import networkx"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    @Test(.enabled(if: hasNetworkX, "needs Python with networkx (make test provides it)"))
    func readsFreshNetworkXFiles() throws {
        let python = Self.python, prefix = Self.prefix
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-nx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = prefix + [fixture("graphml/make_networkx_graphml.py"), dir.path]
        try p.run()
        p.waitUntilExit()
        #expect(p.terminationStatus == 0)
        for name in ["networkx-directed", "networkx-undirected"] {
            try checkAgainstNetworkX(graphml: dir.appendingPathComponent(name + ".graphml").path,
                                     expected: dir.appendingPathComponent(name + ".expected.json").path)
        }
    }

    @Test func refusesDoctypeAndNeverResolvesEntities() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-secret-\(UUID().uuidString)")
        try Data("TOP-SECRET-CONTENT".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE graphml [ <!ENTITY leak SYSTEM "file://\(secret.path)"> ]>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key id="d0" for="node" attr.name="name" attr.type="string"/>
          <graph edgedefault="directed"><node id="a"><data key="d0">&leak;</data></node></graph>
        </graphml>
        """
        do {
            _ = try GraphMLReader.read(InputFile(name: "xxe.graphml", bytes: Array(xml.utf8)))
            Issue.record("a DOCTYPE must be refused")
        } catch let e as ReadError {
            #expect(e.description.hasPrefix("xxe.graphml:2:1: "))
            #expect(e.message.contains("DOCTYPE"))
            #expect(!e.description.contains("TOP-SECRET"))
        }
    }

    @Test func readsGephiAndYEdStyleFiles() throws {
        // Gephi: a "label" key and no "name" key; yEd: label text inside node graphics, other
        // yfiles data dropped with a warning.
        let gephi = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
          <key attr.name="label" attr.type="string" for="node" id="label"/>
          <key attr.name="Modularity Class" attr.type="int" for="node" id="modularity_class"/>
          <key attr.name="Weight" attr.type="double" for="edge" id="weight"/>
          <graph defaultedgetype="undirected" edgedefault="undirected">
            <node id="0"><data key="label">Broker</data><data key="modularity_class">2</data></node>
            <node id="1"><data key="label">Compound</data><data key="modularity_class">2</data></node>
            <edge id="e0" source="0" target="1"><data key="weight">1.5</data></edge>
          </graph>
        </graphml>
        """
        let (g, gi) = try GraphMLReader.read(InputFile(name: "gephi.graphml", bytes: Array(gephi.utf8)))
        #expect(gi.isEmpty)
        #expect(g.entities.map(\.name) == ["Broker", "Compound"])
        #expect(g.entities[0].attributes["Modularity Class"] == .int(2))
        #expect(g.links[0].attributes["Weight"] == .double(1.5))
        #expect(g.links[0].attributes["id"] == .string("e0"))
        #expect(g.directed == false)

        let yed = """
        <?xml version="1.0" encoding="UTF-8" standalone="no"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
          <key for="node" id="d6" yfiles.type="nodegraphics"/>
          <key for="graphml" id="d7" yfiles.type="resources"/>
          <key for="edge" id="d10" yfiles.type="edgegraphics"/>
          <graph edgedefault="directed" id="G">
            <node id="n0"><data key="d6"><y:ShapeNode><y:Geometry height="30.0" width="30.0" x="1" y="2"/>
              <y:NodeLabel alignment="center">Syndicate &amp; Co</y:NodeLabel></y:ShapeNode></data></node>
            <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Official</y:NodeLabel></y:ShapeNode></data></node>
            <edge id="e0" source="n0" target="n1"><data key="d10"><y:PolyLineEdge><y:EdgeLabel>bribes</y:EdgeLabel></y:PolyLineEdge></data></edge>
          </graph>
          <data key="d7"><y:Resources/></data>
        </graphml>
        """
        let (y, yi) = try GraphMLReader.read(InputFile(name: "yed.graphml", bytes: Array(yed.utf8)))
        #expect(y.entities.map(\.name) == ["Syndicate & Co", "Official"])
        #expect(y.links[0].attributes["label"] == .string("bribes"))
        #expect(y.directed == true)
        #expect(yi.count == 1 && yi[0].severity == .warning)
    }

    /// libxml2 refuses a document handed over whole past 10 MB; the reader streams it.
    @Test func readsFilesLargerThanTenMegabytes() throws {
        let d = SyntheticNetwork(nodes: 20_000, seed: 5).generate()
        let bytes = try GraphMLWriter.write(d)
        #expect(bytes.count > 10_000_000)
        let (back, issues) = try GraphMLReader.read(InputFile(name: "big.graphml", bytes: bytes))
        #expect(issues.isEmpty && back.entities.count == 20_000 && back.links.count == d.links.count)
    }

    /// Each node and edge is placed at its start tag's `<`, counted by tnet. libxml2's own column
    /// (where a start tag ends) was found one or two short on some lines with a blank before a
    /// `>`, and the chunked reader must place elements as the streamed one does.
    @Test func elementsArePlacedAtTheirStartTags() throws {
        // Line 1: <graphml> is columns 1–9, <key …/> 10–56, <graph> 57–63; node a's `<` is at
        // 64 (`<node id="a"/>`, 14 characters), node b's at 78, node c's at 78 + 14 + 7 = 99
        // (b's start tag, then `</node>`). Line 2: "é" is one column, so the edge's `<` is at 4.
        // Line 3: the tag spans two lines; its `<` is at 3.
        let xml = "<graphml><key id=\"c\" for=\"node\" attr.name=\"confidence\"/><graph>"
            + "<node id=\"a\"/><node id=\"b\" ></node><node id=\"c\"  ></node>\n"
            + "é  <edge source=\"a\" target=\"b\" />\n  <edge\n source=\"b\" target=\"c\"></edge></graph></graphml>"
        let (d, issues) = try GraphMLReader.read(InputFile(name: "p.graphml", bytes: Array(xml.utf8)))
        #expect(issues.isEmpty)
        let at = { (p: ReadLocations.Position) in "\(p.line):\(p.column)" }
        #expect(d.locations?.entities.map(at) == ["1:64", "1:78", "1:99"])
        #expect(d.locations?.links.map(at) == ["2:4", "3:3"])
    }

    /// CDATA is text; data under a key for another domain is reported, an undeclared key refused.
    @Test func cdataAndStrayData() throws {
        let xml = """
        <graphml><key id="n" for="node" attr.name="name" attr.type="string"/>
        <key id="w" for="edge" attr.name="weight" attr.type="double"/>
        <graph edgedefault="undirected">
        <node id="a"><data key="n"><![CDATA[A & <b>]]></data><data key="w">2</data></node>
        <node id="b"/><edge source="a" target="b"><data key="w">1.5</data></edge></graph></graphml>
        """
        let (d, issues) = try GraphMLReader.read(InputFile(name: "c.graphml", bytes: Array(xml.utf8)))
        #expect(d.entities[0].name == "A & <b>")
        #expect(d.links[0].weight == 1.5)
        #expect(issues.count == 1 && issues.allSatisfy { $0.severity == .warning && $0.location?.line == 4 })
        // An undeclared key is refused outright, with its position.
        let stray = xml.replacingOccurrences(of: "<data key=\"w\">2</data>", with: "<data key=\"zz\">2</data>")
        #expect(throws: ReadError.self) { try GraphMLReader.read(InputFile(name: "c.graphml", bytes: Array(stray.utf8))) }
    }

    @Test func malformedXMLIsOneLineWithPosition() throws {
        let bad = "<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"a\">\n</graph></graphml>"
        #expect(throws: ReadError.self) { try GraphMLReader.read(InputFile(name: "bad.graphml", bytes: Array(bad.utf8))) }
        do { _ = try GraphMLReader.read(InputFile(name: "bad.graphml", bytes: Array(bad.utf8))) } catch let e as ReadError {
            #expect(e.location?.line == 4)
            #expect(!e.description.contains("\n"))
        }
        let hyper = "<graphml><graph edgedefault=\"directed\"><node id=\"a\"/><hyperedge/></graph></graphml>"
        #expect(throws: ReadError.self) { try GraphMLReader.read(InputFile(name: "h.graphml", bytes: Array(hyper.utf8))) }
    }

    /// Found by `make fuzz`: a document declaring encoding="UTF-7" crashed libxml2 2.9 inside
    /// Foundation's XMLParser (SIGSEGV in xmlParseChunk). A declared encoding other than UTF-8,
    /// ASCII or Latin-1 is refused before libxml2 sees it; Latin-1 is decoded and read.
    @Test func declaredEncodings() throws {
        let e = #expect(throws: ReadError.self) { try GraphMLReader.read(InputFile.read(fixture("fuzz/graphml-utf7.graphml"))) }
        #expect(e?.description.contains("\"utf-7\"") == true, "\(String(describing: e))")
        let body = "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><key id=\"n\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/><graph edgedefault=\"undirected\"><node id=\"a\"><data key=\"n\">Jos\u{E9}</data></node></graph></graphml>"
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".utf8) + body.unicodeScalars.map { UInt8($0.value) }
        let (d, _) = try GraphMLReader.read(InputFile(name: "l1.graphml", bytes: latin1))
        #expect(d.entities.first?.name == "José")
        let utf8 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>".utf8) + Array(body.utf8)
        #expect(try GraphMLReader.read(InputFile(name: "u.graphml", bytes: utf8)).dataset.entities.first?.name == "José")
        // Blanks around the `=` do not hide the declaration (libxml2 would decode UTF-8 as Latin-1).
        let spaced = Array("<?xml version=\"1.0\" encoding\n=\t\"ISO-8859-1\"?>".utf8) + Array(body.utf8)
        #expect(try GraphMLReader.read(InputFile(name: "s.graphml", bytes: spaced)).dataset.entities.first?.name == "José")
        // ASCII is read as UTF-8, so elements are placed as in a UTF-8 file (left to libxml2 to
        // convert, a node of line 205 was placed on line 4787); a byte beyond ASCII contradicts it.
        let ascii = "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n" + body.replacingOccurrences(of: "\u{E9}", with: "e").replacingOccurrences(of: "<node", with: "\n  <node")
        let read = try GraphMLReader.read(InputFile(name: "a.graphml", bytes: Array(ascii.utf8)))
        #expect(read.dataset.locations?.entities.map { "\($0.line):\($0.column)" } == ["3:3"])
        // A byte-order mark is not a character beyond ASCII; a processing instruction whose name
        // starts with "xml" is not the declaration.
        #expect(try GraphMLReader.read(InputFile(name: "bom.graphml", bytes: [0xEF, 0xBB, 0xBF] + Array(ascii.utf8))).dataset.entities.count == 1)
        let stylesheet = "<?xml-stylesheet href=\"a.xsl\" encoding=\"UTF-16\"?>\n" + body
        #expect(try GraphMLReader.read(InputFile(name: "x.graphml", bytes: Array(stylesheet.utf8))).dataset.entities.first?.name == "José")
        let beyond = "<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n" + body
        let e2 = #expect(throws: ReadError.self) { try GraphMLReader.read(InputFile(name: "b.graphml", bytes: Array(beyond.utf8))) }
        #expect(e2?.description.hasPrefix("b.graphml:2:") == true && e2?.description.contains("beyond ASCII") == true, "\(String(describing: e2))")
    }

    /// References in content and in attribute values, CDATA and namespaces read as text and
    /// local names: a node id written `a&amp;b` is `a&b`, a prefixed attribute is not the id.
    @Test func referencesCDATAAndNamespaces() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
        <key id="n" for="node" attr.name="name" attr.type="string"/>
        <key id="t" for="edge" attr.name="note" attr.type="string"><default>&lt;none&gt;</default></key>
        <graph edgedefault="directed">
        <node id="a&amp;b" y:id="not-the-id"><data key="n">A &lt;&#233;&#x4E2D;&gt; <![CDATA[<x> & y]]> end</data></node>
        <node id="c&#38;&quot;d&quot;"/>
        <edge source="a&amp;b" target="c&amp;&quot;d&quot;" id="e&apos;1"/>
        </graph></graphml>
        """
        let (d, issues) = try GraphMLReader.read(InputFile(name: "refs.graphml", bytes: Array(xml.utf8)))
        #expect(issues.isEmpty, "\(issues)")
        #expect(d.entities.map(\.id) == ["a&b", "c&\"d\""])
        #expect(d.entities[0].name == "A <é中> <x> & y end")
        #expect(d.links.count == 1 && d.links[0].source == "a&b" && d.links[0].target == "c&\"d\"")
        #expect(d.links[0].attributes["id"] == .string("e'1"))
        #expect(d.links[0].attributes["note"] == .string("<none>"))
    }

    /// A `<data>`'s key is found by its id as Swift compares text (a decomposed "é" names the
    /// key declared composed; a reference in the attribute is decoded first); a key declared
    /// twice keeps its place with the later meaning.
    @Test func dataKeysBySpelling() throws {
        let xml = """
        <graphml>
        <key id="k\u{E9}" for="node" attr.name="name" attr.type="string"/>
        <key id="w" for="node" attr.name="rank" attr.type="int"/>
        <key id="w" for="node" attr.name="score" attr.type="double"/>
        <key id="a&amp;b" for="node" attr.name="note" attr.type="string"/>
        <graph edgedefault="directed">
        <node id="x"><data key="ke\u{301}">Decomposed</data><data key="&#119;">2.5</data><data key="a&amp;b">n</data></node>
        <node id="y"><data key="k\u{E9}">Composed</data><data key="w">3</data></node>
        </graph></graphml>
        """
        let (d, issues) = try GraphMLReader.read(InputFile(name: "k.graphml", bytes: Array(xml.utf8)))
        #expect(issues.isEmpty, "\(issues)")
        #expect(d.entities.map(\.name) == ["Decomposed", "Composed"])
        #expect(d.entities[0].attributes == ["score": .double(2.5), "note": .string("n")])
        #expect(d.entities[1].attributes == ["score": .double(3)])
    }

    /// A key declared again (same id) after some nodes replaces the old one for the nodes after
    /// it, its default with it; a key declared late applies its default to the nodes after it.
    /// (Before, the first defaults worked out were kept: node b got the old "red" read as a
    /// double, an error, and a late default was dropped without a word.)
    @Test func keysDeclaredAfterNodesApplyToTheNodesAfterThem() throws {
        let xml = """
        <graphml>
        <key id="d0" for="node" attr.name="color" attr.type="string"><default>red</default></key>
        <graph edgedefault="directed">
          <node id="a"/>
          <key id="d0" for="edge" attr.name="weight" attr.type="double"/>
          <key id="d1" for="node" attr.name="size" attr.type="int"><default>3</default></key>
          <node id="b"/>
          <edge source="a" target="b"/>
        </graph></graphml>
        """
        let (d, issues) = try GraphMLReader.read(InputFile(name: "late.graphml", bytes: Array(xml.utf8)))
        #expect(issues.isEmpty, "\(issues)")
        #expect(d.entities[0].attributes == ["color": .string("red")])
        #expect(d.entities[1].attributes == ["size": .int(3)])
        #expect(d.links[0].weight == nil)
    }

    /// Whether a `label` is a node's name depends on whether a key names nodes: worked out again
    /// when a `name` key is declared after some nodes (Gephi writes `label`; tnet writes `name`).
    @Test func aLateNameKeyTurnsLabelsIntoAttributes() throws {
        let xml = """
        <graphml>
        <key id="l" for="node" attr.name="label" attr.type="string"/>
        <graph edgedefault="directed">
          <node id="a"><data key="l">A</data></node>
          <key id="n" for="node" attr.name="name" attr.type="string"/>
          <node id="b"><data key="l">B</data></node>
        </graph></graphml>
        """
        let (d, issues) = try GraphMLReader.read(InputFile(name: "label.graphml", bytes: Array(xml.utf8)))
        #expect(issues.isEmpty, "\(issues)")
        #expect(d.entities[0].name == "A" && d.entities[0].attributes.isEmpty)
        #expect(d.entities[1].name == nil && d.entities[1].attributes == ["label": .string("B")])
    }

    /// A `name` key declared again under the same id as something else no longer names nodes
    /// (the keys are counted as they come and go, not searched at each declaration); one
    /// declared again as `name` does; a graph key `tnet.directed` likewise.
    @Test func keysDeclaredAgainUnderTheirIdReplaceWhatTheyMeant() throws {
        let xml = """
        <graphml>
        <key id="l" for="node" attr.name="label" attr.type="string"/>
        <key id="n" for="node" attr.name="name" attr.type="string"/>
        <graph edgedefault="directed">
          <node id="a"><data key="l">A</data></node>
          <key id="n" for="node" attr.name="nickname" attr.type="string"/>
          <node id="b"><data key="l">B</data></node>
          <key id="n" for="all" attr.name="name" attr.type="string"/>
          <node id="c"><data key="l">C</data></node>
        </graph></graphml>
        """
        let (d, issues) = try GraphMLReader.read(InputFile(name: "label.graphml", bytes: Array(xml.utf8)))
        #expect(issues.isEmpty, "\(issues)")
        #expect(d.entities[0].name == nil && d.entities[0].attributes == ["label": .string("A")])
        #expect(d.entities[1].name == "B" && d.entities[1].attributes.isEmpty)
        #expect(d.entities[2].name == nil && d.entities[2].attributes == ["label": .string("C")])
    }

    /// Errors name the file, line and column: libxml2's (where it stopped) for XML that is not
    /// well-formed, the element's for what GraphML refuses.
    @Test func errorsGiveFileLineAndColumn() throws {
        func error(_ xml: String) -> String? {
            do { _ = try GraphMLReader.read(InputFile(name: "e.graphml", bytes: Array(xml.utf8))); return nil } catch { return "\(error)" }
        }
        #expect(error("<graphml>\n<graph edgedefault=\"directed\">\n<node id=\"a\">\n</graph></graphml>")
                == "e.graphml:4:9: XML error: end tag does not match the open element")
        #expect(error("<graphml>\n  <graph>\n    <node id=\"a\" id=\"b\"/>\n  </graph>\n</graphml>\n")
                == "e.graphml:3:24: XML error: duplicate attribute")
        #expect(error("<graphml>\n  <graph>\n    <node id=\"a\">&foo;</node>\n  </graph>\n</graphml>\n")
                == "e.graphml:3:23: XML error: undefined entity")
        #expect(error("<graphml>\n  <graph>\n    <y:node id=\"a\"/>\n  </graph>\n</graphml>\n")
                == "e.graphml:3:19: XML error: Namespace prefix y on node is not defined (libxml2 error 201)")
        #expect(error("<graphml>\n  <graph>\n    <node id=\"a\"/>\n  </graph>\n")
                == "e.graphml:4:11: XML error: unexpected end of document (an element is not closed)")
        #expect(error("<graphml><key id=\"k\" for=\"node\" attr.name=\"x\" attr.type=\"int\"/>\n<graph>\n<node id=\"b\"><data key=\"zz\">1</data></node></graph></graphml>")
                == "e.graphml:3:28: <data> names key \"zz\", which is not declared")
    }
}
