import Testing
@testable import TNetModel

/// Entities found by what an investigator types (issue 20: name lookup everywhere). Each
/// expectation worked by hand from EntityLookup's folding: Latin letters, lower case, no
/// diacritics, words joined by one space.
@Suite struct EntityLookupTests {
    static let d = Dataset(entities: [
        Entity(id: "compound-shan-1", kind: .compound, name: "Compound Shan-1"),
        Entity(id: "compound-shan-2", kind: .compound, name: "Compound Shan-2"),
        Entity(id: "p1", kind: .person, name: "Nguyễn Văn Hùng", role: "recruiter", attributes: ["aliases": .list([.string("Anh Hai")])]),
        Entity(id: "p2", kind: .person, name: "Li Wei", role: "broker"),
        Entity(id: "p3", kind: .person, name: "Li Wei", role: "victim"),
    ])

    @Test func folding() {
        #expect(EntityLookup.fold("  NGUYỄN  Văn-Hùng ") == "nguyen van hung")
        #expect(EntityLookup.fold("compound-shan-1") == "compound shan 1")
    }

    /// An id as written; a name in any case or spelling; a folded id; an alias.
    @Test func exactMatches() throws {
        #expect(try Self.d.resolveEntity("p2", what: "from").index == 3)
        #expect(try Self.d.resolveEntity("nguyen van hung", what: "from").index == 2)
        #expect(try Self.d.resolveEntity("COMPOUND SHAN 2", what: "from").index == 1)
        #expect(try Self.d.resolveEntity("anh hai", what: "from").byName?.field == .alias)
        // require() and select() take names too; select() still takes kinds first.
        #expect(try Self.d.require("Compound Shan-1", what: "to") == 0)
        #expect(try Self.d.select(["compound", "nguyen van hung"], what: "via") == [0, 1, 2])
    }

    /// A name of two entities is an error listing both; an unknown one suggests the closest.
    @Test func ambiguousAndUnknown() {
        #expect(throws: AnalysisError.ambiguousEntity(text: "li wei", parameter: "from",
                                                     candidates: ["p2 (person, Li Wei)", "p3 (person, Li Wei)"])) {
            try Self.d.resolveEntity("li wei", what: "from")
        }
        do {
            _ = try Self.d.resolveEntity("Nguyen Van Hong", what: "to")
            Issue.record("found an entity for a name no entity has")
        } catch {
            #expect(error.description == "to: no entity \"Nguyen Van Hong\"; did you mean p1 (person, Nguyễn Văn Hùng)?")
        }
        #expect(throws: AnalysisError.nothingSelected(item: "zzz", parameter: "via")) { try Self.d.select(["zzz"], what: "via") }
    }

    /// Search ranks exact first, then similar names, then names containing the text (0.75);
    /// words in any order.
    @Test func search() {
        let l = EntityLookup(Self.d)
        let r = l.search("Hung Nguyen Van")
        #expect(r.first?.entity == 2 && r.first?.score == 1)
        let shan = l.search("shan")
        #expect(shan.map(\.entity) == [0, 1])
        #expect(shan.allSatisfy { $0.score == 0.75 })
        #expect(l.search("zzzz").isEmpty)
    }
}

/// A name written in the other order (family name first or last) is the same name: two
/// entities `Kim Sok` and `Sok Kim` are both named by either, so either is ambiguous.
@Suite struct EntityLookupOrderTests {
    @Test func swappedOrderIsAmbiguous() throws {
        let d = Dataset(entities: [Entity(id: "kim-a", kind: .person, name: "Kim Sok"), Entity(id: "kim-b", kind: .person, name: "Sok Kim"),
                                   Entity(id: "x", kind: .person, name: "Lim Chea")])
        for text in ["kim sok", "SOK KIM"] {
            #expect(throws: AnalysisError.ambiguousEntity(text: text, parameter: "from", candidates: ["kim-a (person, Kim Sok)", "kim-b (person, Sok Kim)"])) {
                try d.resolveEntity(text, what: "from")
            }
        }
        #expect(try d.resolveEntity("chea lim", what: "from").index == 2)
    }
}
