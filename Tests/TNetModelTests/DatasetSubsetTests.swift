import Testing
import TNetGraph
@testable import TNetModel

/// `Dataset.subset` (k-cores, filters, top views) against a dataset built here through the
/// public initialiser from the kept `Entity` and `Link` values: the same entities, links, id
/// lookups, value tables (numbered in order of first use) and read locations. The subset is
/// built by column and does not append entity by entity; the oracle does.
@Suite struct DatasetSubsetTests {
    /// A dataset with what a subset must carry: duplicate ids, a dangling link, link attributes,
    /// a spelling other than its entity's, and several kinds, grades, citations, periods and
    /// agreements; with a read location per entity and per link.
    static func sample() -> Dataset {
        var d = SyntheticNetwork(nodes: 300, seed: 11).generate()
        d.append(Entity(id: d.entities[7].id, kind: .person, name: "a second entity with entity 7's id"))
        d.append(Entity(id: "Caf\u{E9}", kind: .compound))
        d.append(Link(source: d.entities[3].id, target: "Cafe\u{301}", kind: "located_in", confidence: Confidence("B2"),
                      sources: ["s-late"], period: Period(from: PartialDate("2021-03"), to: nil), agreement: "mou-9"))
        d.append(Link(source: d.entities[4].id, target: "nobody", kind: "knows"))
        var l = Link(source: d.entities[5].id, target: d.entities[7].id, kind: "pays", weight: 2.5)
        l.attributes = ["amount": .string("USD 900")]
        d.append(l)
        d.locations = ReadLocations(file: "sample.json",
                                    entities: d.entities.indices.map { .init(line: $0 + 1, column: 3) },
                                    links: d.links.indices.map { .init(line: 10_000 + $0, column: 5) },
                                    sources: [])
        d.locations?.linksFile = "links.csv"
        d.locations?.sourcesFile = "sources.csv"
        d.locations?.sources = d.sources.indices.map { .init(line: $0 + 2, column: 1) }
        d.description = "a sample"
        d.extra["case"] = .string("19")
        return d
    }

    /// The subset as appending the kept values one by one makes it.
    static func oracle(_ d: Dataset, _ keepEntity: [Bool], _ keepLink: [Bool]) -> Dataset {
        // A link names the first entity of its id; it is kept when both ends' entities are.
        var first: [String: Int] = [:]
        for (i, e) in d.entities.enumerated() where first[e.id] == nil { first[e.id] = i }
        let links = Array(d.links)
        let keptLinks = links.indices.filter { i in
            guard keepLink[i], let s = first[links[i].source], let t = first[links[i].target] else { return false }
            return keepEntity[s] && keepEntity[t]
        }
        let keptEntities = d.entities.indices.filter { keepEntity[$0] }
        var locations = ReadLocations(file: d.locations!.file,
                                      entities: keptEntities.map { d.locations!.entities[$0] },
                                      links: keptLinks.map { d.locations!.links[$0] },
                                      sources: d.locations!.sources)
        locations.linksFile = d.locations!.linksFile
        locations.sourcesFile = d.locations!.sourcesFile
        return Dataset(entities: keptEntities.map { d.entities[$0] }, links: keptLinks.map { links[$0] }, sources: d.sources,
                       title: d.title, description: d.description, directed: d.directed, schema: d.schema, extra: d.extra,
                       locations: locations)
    }

    static func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    func expectSame(_ s: Dataset, _ o: Dataset, _ label: String) {
        #expect(s.entities == o.entities, "\(label)")
        #expect(Array(s.links) == Array(o.links), "\(label)")
        // Spellings are kept byte for byte (`==` on strings is canonical).
        #expect(s.links.map { Self.bytes($0.target) } == o.links.map { Self.bytes($0.target) }, "\(label)")
        #expect(s.entityIDsRepeat == o.entityIDsRepeat, "\(label)")
        for e in o.entities { #expect(s.index(of: e.id) == o.index(of: e.id), "\(label): \(e.id)") }
        for i in 0 ..< o.links.count { #expect(s.endpoints(ofLink: i) == o.endpoints(ofLink: i), "\(label): link \(i)") }
        #expect(s.linkColumns.kinds.values == o.linkColumns.kinds.values, "\(label)")
        #expect(s.linkColumns.confidences.values == o.linkColumns.confidences.values, "\(label)")
        #expect(s.linkColumns.citations.values == o.linkColumns.citations.values, "\(label)")
        #expect(s.linkColumns.periods.values == o.linkColumns.periods.values, "\(label)")
        #expect(s.linkColumns.agreements.values == o.linkColumns.agreements.values, "\(label)")
        #expect(s.locations?.entities == o.locations?.entities, "\(label)")
        #expect(s.locations?.links == o.locations?.links, "\(label)")
        #expect(s.locations?.file == o.locations?.file && s.locations?.linksFile == o.locations?.linksFile, "\(label)")
        #expect(s.title == o.title && s.sources == o.sources && s.directed == o.directed, "\(label)")
        #expect(s.description == o.description && s.schema == o.schema && s.extra == o.extra, "\(label)")
        #expect(s.locations?.sourcesFile == o.locations?.sourcesFile && s.locations?.sources == o.locations?.sources, "\(label)")
        #expect(s.graph().edgeCount == o.graph().edgeCount, "\(label)")
    }

    @Test func subsetIsWhatAppendingTheKeptValuesMakes() {
        let d = Self.sample()
        var random = SplitMix64(seed: 5)
        for round in 0 ..< 6 {
            // From keeping everything to keeping a tenth.
            let p = [1.0, 0.9, 0.7, 0.5, 0.3, 0.1][round]
            let keepEntity = d.entities.indices.map { _ in Double(random.next() % 1000) / 1000 < p }
            let keepLink = d.links.indices.map { _ in Double(random.next() % 1000) / 1000 < max(p, 0.5) }
            expectSame(d.subset(entities: keepEntity, links: keepLink), Self.oracle(d, keepEntity, keepLink), "round \(round)")
        }
    }

    /// Ids that repeat in the subset are looked up to their first kept entity; once the first
    /// is dropped, the second takes its place.
    @Test func repeatedIdsFindTheirFirstKeptEntity() {
        let d = Self.sample()
        let second = d.entities.count - 2
        var keep = [Bool](repeating: true, count: d.entities.count)
        let all = [Bool](repeating: true, count: d.links.count)
        let s = d.subset(entities: keep, links: all)
        #expect(s.entityIDsRepeat)
        #expect(s.index(of: d.entities[7].id) == 7)
        keep[7] = false
        let t = d.subset(entities: keep, links: all)
        #expect(!t.entityIDsRepeat)
        #expect(t.index(of: d.entities[7].id) == second - 1)
        expectSame(t, Self.oracle(d, keep, all), "entity 7 dropped")
    }

    /// A dangling link is never kept, whatever its flag; a kept link keeps its own spelling.
    @Test func danglingLinksAreDroppedAndSpellingsKept() {
        let d = Self.sample()
        let s = d.subset(entities: [Bool](repeating: true, count: d.entities.count),
                         links: [Bool](repeating: true, count: d.links.count))
        #expect(s.links.count == d.links.count - 1)
        #expect(!s.links.contains { $0.target == "nobody" })
        #expect(s.links.contains { Self.bytes($0.target) == Self.bytes("Cafe\u{301}") })
        #expect(s.linkColumns.spellings.count == 1)
    }
}
