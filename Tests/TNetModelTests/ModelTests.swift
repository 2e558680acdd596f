import Testing
import TNetModel

@Suite struct ModelTests {
    /// Mapping documented on Confidence: A1 = 1·1, B2 = 0.8·0.8, F6 = 0.3·0.3.
    @Test func confidenceGrades() {
        #expect(Confidence("A1")?.value == 1)
        #expect(abs(Confidence("b2")!.value - 0.64) < 1e-12)
        #expect(abs(Confidence("F6")!.value - 0.09) < 1e-12)
        #expect(Confidence("G1") == nil && Confidence("A7") == nil && Confidence("") == nil)
        // Two bytes that are not a letter and a digit; spaces around a grade; other scripts.
        for text in ["A0", "@1", "`1", "é", "1A", "a\u{0661}", "Ａ1", "A１", "AB"] { #expect(Confidence(text) == nil, "\(text)") }
        #expect(Confidence(" c4 ")?.description == "C4" && Confidence("f6")?.description == "F6")
    }

    @Test func partialDates() {
        #expect(PartialDate("2023")?.description == "2023")
        #expect(PartialDate("2024-02-29") != nil && PartialDate("2023-02-29") == nil)
        #expect(PartialDate("2023-13") == nil && PartialDate("23-01") == nil)
        // Only ASCII digits, two-digit months and days, days the month has.
        for text in ["+202", "-202", "2023-1-01", "2023-01-1", "2023-", "2023-00", "2023-04-31", "２０２３", "2023/05", "2023-05-", " 2023", "20233"] {
            #expect(PartialDate(text) == nil, "\(text)")
        }
        #expect(PartialDate("2023-04-30")?.description == "2023-04-30" && PartialDate("1900-02-28") != nil && PartialDate("1900-02-29") == nil)
        let p = Period(from: PartialDate("2021-05"), to: PartialDate("2023"))
        #expect(p.covers(PartialDate("2022-01-01")!) && p.covers(PartialDate("2021")!) && !p.covers(PartialDate("2024")!))
    }

    /// Grades and dates are stored packed (two and four bytes); every part reads back as written.
    /// Ranks from the table on `Confidence`: letters A B C D F E and digits 1 2 3 4 6 5, best first.
    @Test func packedGradesAndDatesReadBack() {
        let letters: [Character] = ["A", "B", "C", "D", "E", "F"], rank = [0, 1, 2, 3, 5, 4]
        for (l, letter) in letters.enumerated() {
            for digit in 1 ... 6 {
                for text in ["\(letter)\(digit)", "\(letter.lowercased())\(digit)"] {
                    let g = Confidence(text)!
                    #expect(g.reliability == letter && g.credibility == digit && g.description == "\(letter)\(digit)")
                    #expect(g.reliabilityRank == rank[l] && g.credibilityRank == rank[digit - 1])
                }
            }
        }
        #expect(Confidence("a1") == Confidence("A1") && Confidence("A1") != Confidence("A2") && Confidence("A1") != Confidence("B1"))
        #expect(MemoryLayout<Confidence>.size == 2)

        for (text, parts) in [("0000", (0, nil, nil)), ("9999-12-31", (9999, 12, 31)), ("2023-05", (2023, 5, nil)),
                              ("2024-02-29", (2024, 2, 29))] as [(String, (Int, Int?, Int?))] {
            let d = PartialDate(text)!
            #expect(d.year == parts.0 && d.month == parts.1 && d.day == parts.2 && d.description == text)
            #expect(d == PartialDate(year: parts.0, month: parts.1, day: parts.2))
        }
        // Absent parts differ from any present one: 2023 is not 2023-01, nor 2023-01 2023-01-01.
        #expect(PartialDate("2023") != PartialDate("2023-01") && PartialDate("2023-01") != PartialDate("2023-01-01"))
        #expect(MemoryLayout<PartialDate>.size == 4)
        // An entity holds both (a million of them in a large file): 208 bytes when they were
        // stored as `Character` and `Int`s, 136 now.
        #expect(MemoryLayout<Entity>.stride <= 136)
    }

    /// Periods are compared and hashed as one word (a reader numbers millions by period): the
    /// oracle is the field-by-field comparison of their optional dates, on every pair of
    /// periods made from open ends and dates that differ only in a part present or absent.
    @Test func periodsEqualExactlyWhenTheirDatesDo() {
        let dates: [PartialDate?] = [nil] + ["0000", "2023", "2023-01", "2023-01-01", "2023-12-31", "9999-12-31", "2024"].map { PartialDate($0)! }
        let periods = dates.flatMap { f in dates.map { Period(from: f, to: $0) } }
        #expect(periods.count == 64)
        for a in periods {
            for b in periods {
                let fields = a.from == b.from && a.to == b.to
                #expect((a == b) == fields, "\(String(describing: a.from)) \(String(describing: a.to)) against \(String(describing: b.from)) \(String(describing: b.to))")
                if fields { #expect(a.hashValue == b.hashValue) }
            }
        }
        // Distinct periods hash apart here (not required of a hash, but a constant one would pass above).
        #expect(Set(periods.map(\.hashValue)).count == 64)
        // An open end is not the year 0: from 0000 is not from an open start.
        #expect(Period(from: PartialDate("0000"), to: nil) != Period(from: nil, to: nil))
    }

    /// a→b (directed kind), b–c (cooperates_with: symmetric) → directed graph with arcs
    /// a→b, b→c, c→b; a link to a missing entity is skipped and reported.
    @Test func projectionAndValidation() {
        let d = Dataset(entities: [Entity(id: "a", kind: .syndicate), Entity(id: "b", kind: .compound),
                                   Entity(id: "c", kind: .agency)],
                        links: [Link(source: "a", target: "b", kind: .operates),
                                Link(source: "b", target: "c", kind: .cooperatesWith, agreement: "mou"),
                                Link(source: "c", target: "x", kind: .bribes)])
        let g = d.graph()
        #expect(g.isDirected && g.edgeCount == 3)
        #expect(g.hasEdge(from: 2, to: 1) && g.hasEdge(from: 1, to: 2) && !g.hasEdge(from: 1, to: 0))
        let issues = d.validate()
        #expect(issues.map(\.code) == [.danglingEndpoint])
        let u = d.graph(ProjectionOptions(direction: .undirected))
        #expect(!u.isDirected && u.edgeCount == 2)
    }

    /// The id index is shared by copies until one appends: the copy keeps its own view. An
    /// index left to be built on first use (a reader that counted the distinct ids) answers as
    /// one built by appending, first position for a repeated id included.
    @Test func idIndexIsCopiedOnAppendAndBuiltOnFirstUse() {
        var a = Dataset(entities: [Entity(id: "x", kind: .node), Entity(id: "y", kind: .node)])
        let b = a
        a.append(Entity(id: "z", kind: .node))
        a.append(Entity(id: "x", kind: .node))
        #expect(a.index(of: "z") == 2 && a.index(of: "x") == 0 && a.entityIDsRepeat)
        #expect(b.index(of: "z") == nil && b.entities.count == 2 && !b.entityIDsRepeat)
        let entities = [Entity(id: "p", kind: .node), Entity(id: "q", kind: .node), Entity(id: "p", kind: .node)]
        var lazy = Dataset(entities: entities, distinctIDs: 2, links: LinkColumns(), directed: nil)
        #expect(lazy.entityIDsRepeat)
        let copy = lazy
        #expect(lazy.index(of: "p") == 0 && lazy.index(of: "q") == 1 && lazy.index(of: "r") == nil)
        lazy.append(Entity(id: "r", kind: .node))
        #expect(lazy.index(of: "r") == 3 && copy.index(of: "r") == nil && copy.index(of: "q") == 1)
    }

    @Test func entitiesAddedAfterLinksResolve() {
        var d = Dataset(links: [Link(source: "a", target: "b", kind: .link)])
        #expect(d.validate().count == 2)
        d.append(Entity(id: "a", kind: .node))
        d.append(Entity(id: "b", kind: .node))
        #expect(d.validate().isEmpty && d.graph().edgeCount == 1)
    }
}
