import Testing
@testable import TNetModel

/// A link that names its entity by a canonically equal but different string keeps its own
/// spelling (issue 19: the column store had replaced it with the entity's id). Swift compares
/// strings canonically, so "Caf\u{E9}" (é composed, U+00E9) and "Cafe\u{301}" (e + combining
/// acute, U+0301) are the same id; their bytes differ (C3 A9 against 65 CC 81).
@Suite struct LinkSpellingTests {
    static let composed = "Caf\u{E9}"
    static let decomposed = "Cafe\u{301}"

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    /// The link resolves to the entity (the graph has the tie) and gives back its own bytes.
    @Test func resolvedLinkKeepsItsSpelling() {
        let d = Dataset(entities: [Entity(id: Self.composed, kind: .compound), Entity(id: "x", kind: .person)],
                        links: [Link(source: "x", target: Self.decomposed, kind: "located_in")])
        #expect(d.endpoints(ofLink: 0).target == 0)
        #expect(d.graph().edgeCount == 1)
        #expect(Self.bytes(d.links[0].target) == Self.bytes(Self.decomposed))
        #expect(Self.bytes(d.links[0].source) == Array("x".utf8))
        #expect(Self.bytes(d.entities[0].id) == Self.bytes(Self.composed))
    }

    /// A link read before its entity is resolved when the entity comes, and keeps its bytes.
    @Test func danglingThenResolvedKeepsItsSpelling() {
        var d = Dataset(entities: [Entity(id: "x", kind: .person)],
                        links: [Link(source: "x", target: Self.decomposed, kind: "located_in")])
        #expect(d.endpoints(ofLink: 0).target == nil)
        d.append(Entity(id: Self.composed, kind: .compound))
        #expect(d.endpoints(ofLink: 0).target == 1)
        #expect(Self.bytes(d.links[0].target) == Self.bytes(Self.decomposed))
    }

    /// A subset keeps the spelling of the links it keeps; a link spelt as its entity stays
    /// without one.
    @Test func subsetKeepsSpellings() {
        let d = Dataset(entities: [Entity(id: Self.composed, kind: .compound), Entity(id: "x", kind: .person),
                                   Entity(id: "y", kind: .person)],
                        links: [Link(source: "y", target: "x", kind: "knows"),
                                Link(source: "x", target: Self.decomposed, kind: "located_in")])
        let s = d.subset(entities: [true, true, false], links: [true, true])
        #expect(s.links.count == 1)
        #expect(Self.bytes(s.links[0].target) == Self.bytes(Self.decomposed))
        #expect(d.linkColumns.spellings.count == 1)
    }

    /// A link's kind and citations keep their spelling too: the column tables number values
    /// as spelt, so a link citing the decomposed spelling after one citing the composed one is
    /// not given the first's bytes. (Before, both links came back with the first spelling.)
    @Test func kindsAndCitationsKeepTheirSpelling() {
        let kindComposed = "li\u{EA}n", kindDecomposed = "lie\u{302}n"
        let d = Dataset(entities: [Entity(id: "x", kind: .person), Entity(id: "y", kind: .person)],
                        links: [Link(source: "x", target: "y", kind: LinkKind(rawValue: kindComposed), sources: [Self.composed]),
                                Link(source: "y", target: "x", kind: LinkKind(rawValue: kindDecomposed), sources: [Self.decomposed]),
                                Link(source: "x", target: "y", kind: LinkKind(rawValue: kindDecomposed), sources: [Self.composed])],
                        sources: [Source(id: Self.composed)])
        #expect(d.links.map { Self.bytes($0.kind.rawValue) }
                == [Self.bytes(kindComposed), Self.bytes(kindDecomposed), Self.bytes(kindDecomposed)])
        #expect(d.links.map { Self.bytes($0.sources[0]) }
                == [Self.bytes(Self.composed), Self.bytes(Self.decomposed), Self.bytes(Self.composed)])
        // Two spellings of each, numbered apart; the kinds are still one kind to the analyses.
        #expect(d.linkColumns.kindTable.count == 2 && d.linkColumns.citationTable.count == 3)
        #expect(d.linkCountsByKind().count == 1)
    }
}
