import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// FtM lines as `id → (schema, properties with sorted values, top-level fields)`, to compare files.
func ftmEntities(_ bytes: [UInt8]) throws -> [String: NSDictionary] {
    var out: [String: NSDictionary] = [:]
    for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where !line.isEmpty {
        var d = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        d["caption"] = nil
        let props = try #require(d["properties"] as? [String: [String]])
        d["properties"] = props.mapValues { $0.sorted() }
        out[try #require(d["id"] as? String)] = d as NSDictionary
    }
    return out
}

func bundledDatasetPath() -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../datasets/mekong-2023.json").standardized.path
}

/// A tnet dataset that FtM has no ready place for: ids FtM refuses (spaces, underscores,
/// non-Latin letters), a declared entity and link kind, an unnamed entity, a country with no ISO
/// code, a `member_of` from a compound (which Membership does not admit), weights, directions,
/// agreements, grades and periods on entities and links, and values FtM's types refuse.
func hostileDataset() -> Dataset {
    let sources = [Source(id: "s 1", title: "Notes", publisher: "NGO", date: PartialDate("2024-02"), url: "https://example.org/n"),
                   Source(id: "s2")]
    let entities = [
        Entity(id: "Ma Lin", kind: .person, name: "Ma Lin", role: .recruiter, country: "myanmar", confidence: Confidence("C3"),
               sources: ["s 1"], period: Period(from: PartialDate("2021"), to: PartialDate("2023-06")),
               attributes: ["aliases": .list([.string("Ma L.")]), "passport_number": .string("MB123"), "phone": .string("not a phone"),
                            "birth_date": .string("1990-01-02"), "email": .string("ma@example.org")]),
        Entity(id: "myanmar", kind: .country, name: "Myanmar"),
        Entity(id: "atlantis", kind: .country, name: "Atlantis"),
        Entity(id: "militia_1", kind: "militia", name: "Militia", country: "atlantis", sources: ["s2"]),
        Entity(id: "compound-东", kind: .compound, country: "myanmar"),
        Entity(id: "syn", kind: .syndicate, name: "Syndicate", attributes: ["registration_number": .string("R-1"),
                                                                        "incorporation_date": .string("2015")]),
        Entity(id: "police", kind: .agency, name: "Police", country: "myanmar"),
        Entity(id: "ofac", kind: .agency, name: "OFAC"),
        Entity(id: "wallet", kind: .financial, name: "Wallet", attributes: ["wallet": .string("TAbc")]),
        Entity(id: "official", kind: .official, name: "An Official"),
    ]
    let links = [
        Link(source: "compound-东", target: "syn", kind: .memberOf, confidence: Confidence("B2"), sources: ["s 1"]),
        Link(source: "Ma Lin", target: "syn", kind: .memberOf, weight: 2.5, directed: false, period: Period(from: PartialDate("2022"))),
        Link(source: "police", target: "myanmar", kind: .cooperatesWith, agreement: "mou"),
        Link(source: "syn", target: "compound-东", kind: .operates, confidence: Confidence("A1"), sources: ["s2"]),
        Link(source: "syn", target: "militia_1", kind: "finances"),
        Link(source: "syn", target: "Ma Lin", kind: .employs, period: Period(from: PartialDate("2020"), to: PartialDate("2021"))),
        Link(source: "ofac", target: "syn", kind: .sanctions, period: Period(from: PartialDate("2023-12-08"))),
        Link(source: "syn", target: "official", kind: .bribes, weight: 3),
        Link(source: "syn", target: "wallet", kind: .laundersVia),
    ]
    return Dataset(entities: entities, links: links, sources: sources,
                   schema: Schema(entityKinds: ["militia"], linkKinds: ["finances"]))
}

@Suite struct FtMWriterTests {
    /// tnet → FtM → tnet of the hostile dataset: every entity, link and source with its fields;
    /// what FtM refuses (a phone that is no phone number) is said.
    @Test func hostileDatasetRoundTrips() throws {
        let d = hostileDataset()
        let (bytes, warnings) = FtMWriter.write(d)
        #expect(warnings.contains { $0.contains("\"phone\"") && $0.contains("not a phone") })
        #expect(warnings.contains { $0.contains("no ISO code") && $0.contains("atlantis") })
        let (back, issues) = try FtMReader.read(InputFile(name: "h.ftm.jsonl", bytes: bytes))
        #expect(!issues.contains { $0.severity == .error }, "\(issues)")
        #expect(back.entities.map(\.id) == d.entities.map(\.id))
        for (a, b) in zip(d.entities, back.entities) {
            #expect(a.kind == b.kind && a.name == b.name && a.role == b.role && a.country == b.country
                    && a.confidence == b.confidence && a.sources == b.sources && a.period == b.period, "\(a.id)")
            for key in ["aliases", "passport_number", "birth_date", "email", "registration_number", "incorporation_date", "wallet"] {
                #expect(b.attributes[key] == a.attributes[key], "\(a.id) \(key)")
            }
        }
        let la = d.links, lb = back.links
        #expect(la.count == lb.count)
        for i in 0 ..< min(la.count, lb.count) {
            let a = la[i], b = lb[i]
            #expect(a.source == b.source && a.target == b.target && a.kind == b.kind && a.confidence == b.confidence
                    && a.sources == b.sources && a.period == b.period && a.weight == b.weight && a.directed == b.directed
                    && a.agreement == b.agreement, "link \(i): \(a) vs \(b)")
        }
        #expect(back.sources.map(\.id) == ["s 1", "s2"])
        #expect(back.sources.first?.date == PartialDate("2024-02"))
        #expect(back.schema.entityKinds.contains("militia"))
        #expect(back.schema.linkKinds.contains("finances"))
    }

    /// Every schema of the fixture: FtM → tnet → FtM gives the same entities with the same
    /// properties (ids, schemata, values, top-level fields), nothing left out.
    @Test func everySchemaRoundTripsThroughTNet() throws {
        let original = try ftmEntities(InputFile.read(fixture("ftm/every-schema.ftm.jsonl")).bytes)
        let (d, _) = try everySchema()
        let (bytes, warnings) = FtMWriter.write(d)
        #expect(warnings.isEmpty, "\(warnings)")
        let again = try ftmEntities(bytes)
        #expect(Set(again.keys) == Set(original.keys))
        for (id, entity) in original { #expect(again[id] == entity, "\(id)") }
        // The schemata the brief names are all there.
        let schemata = Set(original.values.compactMap { $0["schema"] as? String })
        #expect(schemata.isSuperset(of: ["Person", "Company", "Organization", "LegalEntity", "PublicBody", "Address", "Ownership",
                                         "Directorship", "Membership", "Employment", "Associate", "Family", "Payment",
                                         "Sanction", "UnknownLink", "Document", "CryptoWallet", "BankAccount", "Vessel"]))
    }

    /// The bundled dataset: tnet → FtM → tnet keeps every entity, link and source with its kind,
    /// role, country, grade, citations and period; the attributes FtM has no property for are
    /// named in warnings.
    @Test func bundledDatasetRoundTripsThroughFtM() throws {
        let (d, _) = try DatasetFormat.read(path: bundledDatasetPath())
        let (bytes, warnings) = FtMWriter.write(d)
        let (back, issues) = try FtMReader.read(InputFile(name: "mekong.ftm.jsonl", bytes: bytes))
        #expect(!issues.contains { $0.severity == .error })
        #expect(back.validate().filter { $0.severity == .error }.isEmpty)
        #expect(back.entities.count == d.entities.count)
        for (a, b) in zip(d.entities, back.entities) {
            #expect(a.id == b.id && a.kind == b.kind && a.name == b.name && a.role == b.role && a.country == b.country
                    && a.confidence == b.confidence && a.sources == b.sources && a.period == b.period, "\(a.id)")
            if let note = a.attributes["note"] { #expect(b.attributes["note"] == note) }
        }
        let la = d.links, lb = back.links
        #expect(la.count == lb.count)
        for i in 0 ..< min(la.count, lb.count) {
            let a = la[i], b = lb[i]
            #expect(a.source == b.source && a.target == b.target && a.kind == b.kind && a.confidence == b.confidence
                    && a.sources == b.sources && a.period == b.period && a.weight == b.weight && a.directed == b.directed
                    && a.agreement == b.agreement, "link \(i)")
        }
        #expect(d.sources.map(\.id) == back.sources.map(\.id))
        for (a, b) in zip(d.sources, back.sources) {
            #expect(a.title == b.title && a.publisher == b.publisher && a.date == b.date && a.url == b.url, "\(a.id)")
        }
        // What was left out is said, by name.
        #expect(warnings.contains { $0.contains("\"role_in_network\"") && $0.contains("myanmar") })
        #expect(warnings.contains { $0.contains("link attribute \"mechanism\"") })
        #expect(warnings.contains { $0.contains("the dataset's title, description, \"licence\"") })
        // Countries are ISO codes: Myanmar's compounds are in "mm".
        let lines = String(decoding: bytes, as: UTF8.self)
        #expect(lines.contains("\"country\":[\"mm\"]"))
    }

    /// A dataset loaded with redaction never gives a protected person's name, alias, id or
    /// passport number to the FtM file.
    @Test func redactedVictimsDoNotLeak() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-ftm-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let json = """
        {"format": "tnet/1", "sources": [{"id": "s1", "title": "Interview notes"}],
         "entities": [
          {"id": "somchai-prasert", "kind": "person", "name": "Somchai Prasert", "role": "victim", "sources": ["s1"],
           "attributes": {"aliases": ["Chai P."], "passport_number": "AA9988776"}},
          {"id": "boss-x", "kind": "person", "name": "Boss X", "role": "boss", "sources": ["s1"]}],
         "links": [{"source": "boss-x", "target": "somchai-prasert", "kind": "controls", "sources": ["s1"]}]}
        """
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try Dataset.load(path, options: LoadOptions(redactVictims: true))
        let text = String(decoding: FtMWriter.write(loaded.dataset).bytes, as: UTF8.self)
        for secret in ["Somchai", "somchai", "Chai P.", "AA9988776", "Prasert"] { #expect(!text.contains(secret), "\(secret)") }
        #expect(text.contains("tnet:role=victim"))
        #expect(text.contains("\"victim-1\""))
    }

    /// Through the normal write path: `.ftm.jsonl` by extension, atomically, with its warnings.
    @Test func writesThroughDatasetWrite() throws {
        let (d, _) = try everySchema()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-ftm-\(UUID().uuidString).ftm.jsonl").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var said: [String] = []
        var odd = d
        var e = odd.entities[0]
        e.attributes["floors"] = .int(7)
        odd = Dataset(entities: [e] + odd.entities.dropFirst(), links: Array(odd.links), sources: odd.sources, schema: odd.schema)
        try odd.write(to: out, warnings: { said.append($0) })
        #expect(said.contains { $0.contains("\"floors\"") && $0.contains("p-li") })
        let (back, _) = try DatasetFormat.read(path: out)
        #expect(back.entities.count == d.entities.count)
        // The file is streamed a record at a time: its bytes and warnings are write(_:)'s, links
        // written as their source's property (`parent`, `holder`) included.
        let (bytes, warnings) = FtMWriter.write(odd)
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: out))) == bytes)
        #expect(warnings.map { "warning: " + $0 } == said.map { "warning: " + $0 })
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"holder\":["))
    }
}
