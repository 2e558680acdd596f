import Testing
import TNetModel
@testable import TNetIO

@Suite struct EdgeListReaderTests {
    /// edges.edgelist by hand: a-b (2.5, then 7), b-c, c-a (0.001), d-d. The tie a–b weighs
    /// 2.5 + 7 = 9.5 (sum, the default), or 7 with `combine: .last` (NetworkX's Graph).
    /// A first line of words over lines of numbers may be a header in words tnet does not know:
    /// read as a link, and said (helper-58). `Anrufer Angerufener` is a known pair (a header);
    /// `Alice Bob` over `Carol Dave` is a link like the rest, with nothing to say; a bad line (a
    /// third field that is no weight) sends the reader down its line-by-line path, which says it too.
    @Test func aFirstLineOfWordsOverNumbersIsQuestioned() throws {
        func read(_ text: String) throws -> (Dataset, [ValidationIssue]) {
            try EdgeListReader.read(InputFile(name: "e.el", bytes: Array(text.utf8)))
        }
        let (d, issues) = try read("Teilnehmer Gegenstelle\n0171 0172\n0172 0173\n")
        #expect(d.links.count == 3 && issues.count == 1, "\(issues)")
        #expect(issues[0].location?.line == 1 && issues[0].message.hasPrefix("line 1 (Teilnehmer, Gegenstelle) is read as a link"))
        let (_, slow) = try read("Teilnehmer Gegenstelle\n0171 0172\n0172 0173 x\n")
        #expect(slow.contains { $0.message.hasPrefix("line 1 (Teilnehmer, Gegenstelle) is read as a link") }, "\(slow)")
        let (h, known) = try read("Anrufer\tAngerufener\n0171\t0172\n")
        #expect(h.links.count == 1 && known.count == 1 && known[0].message.contains("read as a header"), "\(known)")
        #expect(try read("Alice Bob\nCarol Dave\n").1.isEmpty && read("alice bob\ncarol1 dave2\n").1.isEmpty)
        #expect(try read("% comment\n111 222\n").1.count == 1)  // `%` is no comment mark (NetworkX's is #): a link, said
    }

    @Test func readsEdgesCommentsAndWeights() throws {
        let (d, issues) = try DatasetFormat.read(path: fixture("edges.edgelist"))
        #expect(issues.isEmpty)
        #expect(d.entities.map(\.id) == ["a", "b", "c", "d"])
        #expect(d.links.count == 5)
        #expect(d.links.map(\.weight) == [2.5, nil, 0.001, 4, 7])
        let g = d.graph(ProjectionOptions(weighted: true))
        #expect(!g.isDirected && g.edgeCount == 4 && g.selfLoopCount == 1)
        #expect(g.outgoing.weight(atSlot: g.outgoing.slots(of: 0).lowerBound) == 9.5)   // a–b summed
        let last = d.graph(ProjectionOptions(weighted: true, combine: .last))
        #expect(last.outgoing.weight(atSlot: last.outgoing.slots(of: 0).lowerBound) == 7)   // NetworkX: the last wins
        let first = d.graph(ProjectionOptions(weighted: true, combine: .first))
        #expect(first.outgoing.weight(atSlot: first.outgoing.slots(of: 0).lowerBound) == 2.5)
        #expect(g.degrees() == [2, 2, 2, 2])
        let (dd, _) = try DatasetFormat.read(path: fixture("edges.edgelist"), directed: true)
        #expect(dd.graph().isDirected)
    }

    /// "café" precomposed (U+00E9) and decomposed (e + U+0301) are equal as Swift strings, so
    /// an edge list reads them as one entity: said in a warning that spells both out, at the
    /// line of the second spelling, on the fast path and on the path of a file with errors
    /// (helper-46: merged silently).
    @Test func idsInTwoUnicodeFormsAreSaid() throws {
        let text = Array("caf\u{E9} b\nb cafe\u{301}\nx y\n".utf8)
        let (d, issues) = try EdgeListReader.read(InputFile(name: "mem", bytes: text))
        #expect(d.entities.count == 4)
        let w = issues.filter { $0.message.contains("two Unicode forms") }
        #expect(w.count == 1 && w[0].severity == .warning && w[0].location?.line == 2, "\(issues)")
        #expect(w.first?.message.contains("\"caf<U+E9>\" and \"cafe<U+301>\"") == true)
        let bad = Array("caf\u{E9} b\nb cafe\u{301}\nx y z w\n".utf8)
        let (_, both) = try EdgeListReader.read(InputFile(name: "mem", bytes: bad))
        #expect(both.contains { $0.message.contains("two Unicode forms") && $0.location?.line == 2 })
        #expect(both.contains { $0.severity == .error })
        // The ASCII spelling second (helper-48): the Kelvin sign U+212A then K.
        let (k, kelvin) = try EdgeListReader.read(InputFile(name: "mem", bytes: Array("\u{212A} a\nK b\n".utf8)))
        #expect(k.entities.count == 3 && kelvin.contains { $0.message.contains("\"<U+212A>\" and \"K\"") && $0.location?.line == 2 }, "\(kelvin)")
        let (_, none) = try EdgeListReader.read(InputFile(name: "mem", bytes: Array("a b\nb a\n".utf8)))
        #expect(none.isEmpty)
    }

    @Test func reportsEveryBadLine() {
        let p = problems("bad.edgelist")
        #expect(p.map { "\($0.location!.line):\($0.location!.column)" } == ["2:7", "3:5", "4:7"])
        #expect(p[0].message.contains("1 field"))
        #expect(p[1].message.contains("\"nan\""))
        #expect(p[2].message.contains("4 fields"))
    }

    @Test func writerRoundTripAndRefusesSpaces() throws {
        let (d, _) = try DatasetFormat.read(path: fixture("edges.edgelist"))
        let text = try EdgeListWriter.write(d)
        let (back, issues) = try EdgeListReader.read(InputFile(name: "mem", bytes: text))
        #expect(issues.isEmpty && back.links == d.links && back.entities == d.entities)
        let bad = Dataset(entities: [Entity(id: "a b", kind: .node), Entity(id: "c", kind: .node)],
                          links: [Link(source: "a b", target: "c", kind: .link)])
        #expect(throws: ReadError.self) { try EdgeListWriter.write(bad) }
    }

    /// Written by column: a dangling endpoint keeps the id it names, a link that spells its
    /// entity's id another (canonically equal) way keeps its spelling, an entity named by many
    /// links is written each time, and an isolated one is counted in the leading comment.
    @Test func writerKeepsDanglingIDsAndSpellings() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let d = Dataset(entities: [Entity(id: "a", kind: .node), Entity(id: composed, kind: .node),
                                   Entity(id: "lone", kind: .node)],
                        links: [Link(source: "a", target: decomposed, kind: .link, weight: 2.5),
                                Link(source: "a", target: "ghost", kind: .link),
                                Link(source: composed, target: "a", kind: .link)])
        let bytes = try EdgeListWriter.write(d)
        // Worked by hand: one isolated entity (lone); link 1 as spelt, link 2 dangling, link 3
        // with the entity's own (composed) bytes. Compared as bytes: Swift's == on strings
        // would take either spelling of é for the other.
        let expected = "# 1 entities without links are not in this edge list\n" + "a \(decomposed) 2.5\n" + "a ghost\n" + "\(composed) a\n"
        #expect(bytes == Array(expected.utf8))
    }
}
