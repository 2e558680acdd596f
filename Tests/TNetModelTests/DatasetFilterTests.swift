import Testing
import TNetModel

/// A small hand-made case; every expectation below is worked out in its comment.
///
///     entity  kind       grade  period          links (index: source → target, kind, grade, period)
///     syn     syndicate  A1     2019 … 2021     0: syn → cmp  operates      B2  2020 … 2021
///     cmp     compound   B2     2020 …          1: off → syn  protects      A1
///     off     official   C1                     2: syn → rec  employs       A3  2022 …
///     vic     person     A2     (victim)        3: vic → cmp  trafficked_to A1
///     mm      country    A4                     4: cmp → mm   located_in    A1
///     rec     person     B3     (recruiter)     5: cmp → rec  employs       B1
///     ngo     agency     ungraded, no links
private func sample() -> Dataset {
    func g(_ s: String) -> Confidence? { Confidence(s) }
    func p(_ f: String?, _ t: String?) -> Period { Period(from: f.flatMap(PartialDate.init), to: t.flatMap(PartialDate.init)) }
    return Dataset(
        entities: [
            Entity(id: "syn", kind: .syndicate, confidence: g("A1"), period: p("2019", "2021")),
            Entity(id: "cmp", kind: .compound, confidence: g("B2"), period: p("2020", nil)),
            Entity(id: "off", kind: .official, confidence: g("C1")),
            Entity(id: "vic", kind: .person, role: .victim, confidence: g("A2")),
            Entity(id: "mm", kind: .country, confidence: g("A4")),
            Entity(id: "rec", kind: .person, role: .recruiter, confidence: g("B3")),
            Entity(id: "ngo", kind: .agency),
        ],
        links: [
            Link(source: "syn", target: "cmp", kind: .operates, confidence: g("B2"), period: p("2020", "2021")),
            Link(source: "off", target: "syn", kind: .protects, confidence: g("A1")),
            Link(source: "syn", target: "rec", kind: .employs, confidence: g("A3"), period: p("2022", nil)),
            Link(source: "vic", target: "cmp", kind: .traffickedTo, confidence: g("A1")),
            Link(source: "cmp", target: "mm", kind: .locatedIn, confidence: g("A1")),
            Link(source: "cmp", target: "rec", kind: .employs, confidence: g("B1")),
        ])
}

private func ids(_ d: Dataset) -> [String] { d.entities.map(\.id) }
private func pairs(_ d: Dataset) -> [String] { d.links.map { "\($0.source)>\($0.target)" } }

@Suite struct DatasetFilterTests {
    @Test func emptyFilterKeepsEverything() throws {
        let d = try DatasetFilter().apply(to: sample())
        #expect(ids(d) == ["syn", "cmp", "off", "vic", "mm", "rec", "ngo"] && d.links.count == 6)
    }

    /// B3 needs reliability A or B and credibility 1–3. Entities: syn A1 ✓, cmp B2 ✓, off C1 ✗
    /// (C), vic A2 ✓, mm A4 ✗ (4), rec B3 ✓, ngo ungraded ✗. Links: 0 B2 ✓, 1 ✗ (off gone),
    /// 2 A3 ✓, 3 A1 ✓, 4 ✗ (mm gone), 5 B1 ✓.
    @Test func minimumConfidenceIsComponentWise() throws {
        let d = try DatasetFilter(minimumConfidence: ConfidenceThreshold("B3")).apply(to: sample())
        #expect(ids(d) == ["syn", "cmp", "vic", "rec"])
        #expect(pairs(d) == ["syn>cmp", "syn>rec", "vic>cmp", "cmp>rec"])
        // A number compares Confidence.value: 0.6 admits syn A1 (1), cmp B2 (0.64), off C1
        // (0.6·1 = 0.6 ≥ 0.6), vic A2 (0.8); not mm A4 (0.4), rec B3 (0.8·0.6 = 0.48), ngo.
        // Links left: 0, 1, 3 (2 and 5 touch rec, 4 touches mm).
        let v = try DatasetFilter(minimumConfidence: ConfidenceThreshold("0.6")).apply(to: sample())
        #expect(ids(v) == ["syn", "cmp", "off", "vic"])
        #expect(pairs(v) == ["syn>cmp", "off>syn", "vic>cmp"])
        #expect(ConfidenceThreshold("0") == nil && ConfidenceThreshold("1.5") == nil && ConfidenceThreshold("G1") == nil)
    }

    /// 2022-01-01: syn (to 2021, which ends 2021-12-31) is out, and with it links 0, 1 and 2
    /// (link 0 ended in 2021 anyway). 2021-06: syn is in; link 2 starts 2022-01-01, after June 2021 ends.
    @Test func asOfKeepsWhatHeldOnTheDate() throws {
        let d = try DatasetFilter(asOf: PartialDate("2022-01-01")).apply(to: sample())
        #expect(ids(d) == ["cmp", "off", "vic", "mm", "rec", "ngo"])
        #expect(pairs(d) == ["vic>cmp", "cmp>mm", "cmp>rec"])
        let m = try DatasetFilter(asOf: PartialDate("2021-06")).apply(to: sample())
        #expect(pairs(m) == ["syn>cmp", "off>syn", "vic>cmp", "cmp>mm", "cmp>rec"])
        // 2019: cmp (from 2020) did not exist yet.
        let early = try DatasetFilter(asOf: PartialDate("2019")).apply(to: sample())
        #expect(!ids(early).contains("cmp") && ids(early).contains("syn"))
    }

    @Test func kindsAndRoles() throws {
        let k = try DatasetFilter(entityKinds: [.syndicate, .compound]).apply(to: sample())
        #expect(ids(k) == ["syn", "cmp"] && pairs(k) == ["syn>cmp"])
        // Link kinds filter links only; every entity stays.
        let l = try DatasetFilter(linkKinds: [.employs]).apply(to: sample())
        #expect(ids(l).count == 7 && pairs(l) == ["syn>rec", "cmp>rec"])
        let r = try DatasetFilter(excludedRoles: [.victim]).apply(to: sample())
        #expect(!ids(r).contains("vic") && !pairs(r).contains("vic>cmp") && r.links.count == 5)
    }

    /// Hops ignore direction (networkx.ego_graph(G, "syn", radius, undirected=True)).
    /// Radius 1 from syn: cmp (0), off (1, an incoming link), rec (2); the induced links are
    /// 0, 1, 2 and 5 (cmp → rec). Radius 2 adds vic (3) and mm (4); ngo is never reached.
    @Test func egoNetwork() throws {
        let one = try DatasetFilter(ego: "syn", radius: 1).apply(to: sample())
        #expect(ids(one) == ["syn", "cmp", "off", "rec"])
        #expect(pairs(one) == ["syn>cmp", "off>syn", "syn>rec", "cmp>rec"])
        let two = try DatasetFilter(ego: "syn", radius: 2).apply(to: sample())
        #expect(ids(two) == ["syn", "cmp", "off", "vic", "mm", "rec"] && two.links.count == 6)
        let zero = try DatasetFilter(ego: "syn", radius: 0).apply(to: sample())
        #expect(ids(zero) == ["syn"] && zero.links.isEmpty)
        // Other filters apply first: without links of kind employs, rec is two hops away.
        let combined = try DatasetFilter(linkKinds: [.operates, .protects, .traffickedTo, .locatedIn], ego: "syn").apply(to: sample())
        #expect(ids(combined) == ["syn", "cmp", "off"])
    }

    /// "Cannot be judged" (F, 6) ranks between doubtful (D, 4) and improbable (E, 5), as in
    /// Confidence.value. Order best first: A B C D F E and 1 2 3 4 6 5. So D4 admits A1 and D4,
    /// not F1 (F is below D), A6 (6 below 4) or E1; E5 admits F6; F6 admits D4, not E1 or A5.
    @Test func cannotBeJudgedRanksBetweenDoubtfulAndImprobable() throws {
        let bar = try #require(ConfidenceThreshold("D4"))
        #expect(bar.admits(Confidence("F1")) == false)  // F ranks below D
        #expect(bar.admits(Confidence("D4")) && bar.admits(Confidence("A1")))
        #expect(!bar.admits(Confidence("A6")) && !bar.admits(Confidence("E1")))
        let low = try #require(ConfidenceThreshold("E5"))
        #expect(low.admits(Confidence("F6")) && low.admits(Confidence("E5")))
        let f = try #require(ConfidenceThreshold("F6"))
        #expect(f.admits(Confidence("D4")) && !f.admits(Confidence("E1")) && !f.admits(Confidence("A5")))
    }

    @Test func egoProblemsAreErrors() {
        #expect(throws: DatasetFilter.Failure.self) { try DatasetFilter(ego: "nobody").apply(to: sample()) }
        do {
            _ = try DatasetFilter(minimumConfidence: ConfidenceThreshold("B3"), ego: "off").apply(to: sample())
            Issue.record("expected a failure")
        } catch {
            #expect(error.message.contains("excluded"))
        }
    }

    /// Filtering keeps the dataset's sources, schema and metadata, and read positions of what
    /// remains.
    @Test func keepsMetadataAndLocations() throws {
        var d = sample()
        d.title = "t"
        d.sources = [Source(id: "s1")]
        d.schema = Schema(entityKinds: ["vessel"])
        d.locations = ReadLocations(file: "f", entities: (1 ... 7).map { ReadLocations.Position(line: $0, column: 1) },
                                    links: (10 ... 15).map { ReadLocations.Position(line: $0, column: 2) })
        let f = try DatasetFilter(excludedRoles: [.victim]).apply(to: d)
        #expect(f.title == "t" && f.sources.map(\.id) == ["s1"] && f.schema.entityKinds == ["vessel"])
        // vic was the 4th entity (line 4) and link 3 (line 13): both gone, later ones shift.
        #expect(f.locations?.entity(3)?.line == 5)
        #expect(f.locations?.link(3)?.line == 14)
    }
}
