import Testing
@testable import TNetModel

/// `Screening`: a dataset against a watch list, across the two only.
@Suite struct ScreeningTests {
    /// A name the list sanctions, held exactly by 300 of the dataset's people (more than the
    /// 120 records a blocking key may hold within one input): every one is compared and found.
    /// Across the two inputs the key adds 300 pairs, not the 45,150 among 301 records, so it is
    /// not set aside (helper-64: at 100,000 entities five exact matches of a sanctioned name
    /// were never compared, and nothing said so).
    @Test func commonNameHeldByTheListIsCompared() {
        var entities: [Entity] = []
        for i in 0 ..< 300 { entities.append(Entity(id: "p\(i)", kind: .person, name: "Nguyen Van Hung", role: .recruiter)) }
        let dataset = Dataset(entities: entities)
        let list = Dataset(entities: [Entity(id: "ofac-1", kind: .person, name: "Nguyen Van Hung")])
        let s = Screening(dataset, against: list, minimum: 0.01)
        #expect(s.keysSetAside == 0 && s.compared == 300)
        #expect(Set(s.hits.map(\.entity)) == Set(0 ..< 300) && s.hits.allSatisfy { $0.listEntity == 0 })
    }

    /// A key that would add more pairs across the inputs than the limit's block holds is set
    /// aside and counted: 130 people and 130 list entries of one name make 16,900 pairs across,
    /// above 120 · 119 / 2 = 7,140.
    @Test func keyTooCommonOnBothSidesIsCounted() {
        let dataset = Dataset(entities: (0 ..< 130).map { Entity(id: "p\($0)", kind: .person, name: "Nguyen Van Hung", role: .recruiter) })
        let list = Dataset(entities: (0 ..< 130).map { Entity(id: "l\($0)", kind: .person, name: "Nguyen Van Hung") })
        let s = Screening(dataset, against: list, minimum: 0.01)
        #expect(s.keysSetAside > 0)
        // Every record's only name is the one set aside: counted per side.
        #expect(s.recordsWithoutNameKey == 130 && s.listRecordsWithoutNameKey == 130)
    }

    /// A passport on the list under another name is a hit whatever the names say: "Somsak
    /// Wongsawat" against the listed "Mohammed Al-Rashid" with one passport scores about 0.08,
    /// below the default minimum 0.5, and is listed with the passport as evidence.
    @Test func aListedPassportUnderAnotherNameIsAHit() {
        let dataset = Dataset(entities: [Entity(id: "p1", kind: .person, name: "Somsak Wongsawat", role: .recruiter,
                                                attributes: ["passport": .string("P7654321")])])
        let list = Dataset(entities: [Entity(id: "l1", kind: .person, name: "Mohammed Al-Rashid", attributes: ["passport": .string("p-7654321")])])
        let s = Screening(dataset, against: list, minimum: 0.5)
        #expect(s.hits.count == 1)
        if let h = s.hits.first {
            #expect(h.score.probability < 0.5 && h.score.evidence.contains { $0.text == "passport P7654321 in both" })
        }
    }

    /// A shared passport is a hit past the per-entity cut: "John Smith" against three list
    /// entries named like him (no identifier) and "Zhang Wei" with his passport; with one hit
    /// per entity, both the best name match and the passport's are listed.
    @Test func aSharedPassportIsListedPastTheCut() {
        let dataset = Dataset(entities: [Entity(id: "p1", kind: .person, name: "John Smith", role: .recruiter,
                                                attributes: ["passport": .string("X1234567")])])
        let list = Dataset(entities: [Entity(id: "l1", kind: .person, name: "John Smith"), Entity(id: "l2", kind: .person, name: "Jon Smith"),
                                      Entity(id: "l3", kind: .person, name: "John Smyth"),
                                      Entity(id: "l4", kind: .person, name: "Zhang Wei", attributes: ["passport": .string("X1234567")])])
        let s = Screening(dataset, against: list, minimum: 0.5, perEntity: 1)
        #expect(s.hits.count == 2, "\(s.hits.map(\.listEntity))")
        #expect(s.hits.contains { $0.listEntity == 3 && $0.score.sharesStrongIdentifier })
    }

    /// helper-68: 5,000 records of one name, spread over ten countries and fifty years, against
    /// a list of three of that name: two born 1950 with no country, one with neither. The two
    /// meet the dataset's 1950-born records in their year's part (5,000 / 50 = 100 each); the
    /// one with neither is compared with no one by name, and counted.
    @Test func aListEntryWithAYearOnlyMeetsThatYear() {
        let dataset = Dataset(entities: (0 ..< 10).map { Entity(id: "c\($0)", kind: .country, name: "Country \($0)") } + (0 ..< 5000).map {
            Entity(id: "p\($0)", kind: .person, name: "Nguyen Van Hung", role: .recruiter, country: "c\($0 % 10)",
                   attributes: ["birth_date": .string("\(1950 + $0 % 50)")])
        })
        let list = Dataset(entities: [Entity(id: "l1", kind: .person, name: "Nguyen Van Hung", attributes: ["birth_date": .string("1950")]),
                                      Entity(id: "l2", kind: .person, name: "Nguyen Van Hung", attributes: ["birth_date": .string("1950")]),
                                      Entity(id: "l3", kind: .person, name: "Nguyen Van Hung")])
        let s = Screening(dataset, against: list, minimum: 0.0001, perEntity: 5)
        #expect(s.compared == 200, "\(s.compared)")
        #expect(s.listRecordsWithoutNameKey == 1 && s.recordsWithoutNameKey == 0, "\(s.listRecordsWithoutNameKey) \(s.recordsWithoutNameKey)")
    }
}
