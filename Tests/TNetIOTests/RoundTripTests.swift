import Foundation
import PropertyBased
import Testing
import TNetGraph
import TNetModel
@testable import TNetIO

/// Builds a random dataset from a seed: hostile text everywhere (commas, quotes, `;`, line
/// breaks, markup, formulas, JSON-looking and number-looking strings, right-to-left marks,
/// emoji), attributes of every type, mixed types under one name, attribute names that clash
/// with the model's fields, schema, sources with extra columns, dataset-level extras.
///
/// What the formats cannot hold by design is left out, and tested elsewhere: control characters
/// other than tab, line feed and carriage return (XML 1.0 cannot carry them: GraphMLWriter
/// refuses), source ids with `;` or spaces (CSVDatasetWriter refuses), empty entity fields
/// (an empty cell is an absent value) and attribute names with surrounding spaces (CSV headers
/// are trimmed, for hand-edited spreadsheets).
struct HostileDatasetBuilder {
    var rng: SplitMix64

    static let texts = [
        "plain", "comma, inside", "quote \"inside\"", "semi;colon", "two\nlines", "crlf\r\nline", "tab\there",
        "<b>&amp;</b>", "=HYPERLINK(\"x\")", "+1-2", "ünïcødé 国 😀", "\u{202E}reversed", "'single'", "back\\slash",
        "#hash", "a:int", "{\"json\": 1}", "[1,2]", "null", "true", "42", "3.5", " padded ", "--", "-> <-", "x y",
        "]]>", "&#10;", "%s %n", "\u{2028}sep", "quote\"\u{301} combining", "\"\u{301}",
    ]
    static let keys = [
        "note", "Notes", "count", "kind", "name", "weight", "id", "source", "target", "sources", "with space",
        "ünï", "x,y", "quote\"key", "a:int", "json:json", "tnet.thing", "label", "directed",
    ]
    static let sourceIDs = ["s1", "src-2", "ü3", "s.4", "S_5"]

    mutating func below(_ n: Int) -> Int { rng.below(n) }
    mutating func chance(_ p: Double) -> Bool { rng.unit() < p }
    mutating func text() -> String { Self.texts[below(Self.texts.count)] }
    mutating func anyText() -> String { chance(0.1) ? "" : text() }

    mutating func double() -> Double {
        [0.1, -2.5, 1e-300, 1e21, 123456789.125, -0.0, 2.0, Double.pi, 5e-324, -1.7976931348623157e308][below(10)]
    }

    mutating func value(depth: Int = 0) -> AttributeValue {
        switch below(depth > 1 ? 5 : 7) {
        case 0: return .string(anyText())
        case 1: return .int([0, 1, -7, Int.max, Int.min, 4096][below(6)])
        case 2: return .double(double())
        case 3: return .bool(chance(0.5))
        case 4: return .null
        case 5: return .list((0 ..< below(3)).map { _ in value(depth: depth + 1) })
        default:
            var a = Attributes()
            for _ in 0 ..< below(3) { a[Self.keys[below(Self.keys.count)]] = value(depth: depth + 1) }
            return .object(a)
        }
    }

    mutating func attributes() -> Attributes {
        var a = Attributes()
        for _ in 0 ..< below(4) {
            let key = Self.keys[below(Self.keys.count)]
            // Keep each name mostly one type, so typed columns and keys are exercised, and
            // sometimes mix types under one name.
            a[key] = chance(0.7) ? typed(key) : value()
        }
        return a
    }

    mutating func typed(_ key: String) -> AttributeValue {
        switch key.count % 4 {
        case 0: return .int(below(1000) - 500)
        case 1: return .double(double())
        case 2: return .bool(chance(0.5))
        default: return .string(anyText())
        }
    }

    mutating func date() -> PartialDate {
        let y = 1990 + below(40)
        switch below(3) {
        case 0: return PartialDate(year: y)
        case 1: return PartialDate(year: y, month: 1 + below(12))
        default: return PartialDate(year: y, month: 1 + below(12), day: 1 + below(28))
        }
    }

    mutating func period() -> Period? {
        guard chance(0.5) else { return nil }
        return Period(from: chance(0.7) ? date() : nil, to: chance(0.5) ? date() : nil)
    }

    mutating func grade() -> Confidence? {
        chance(0.7) ? Confidence("\(Array("ABCDEF")[below(6)])\(1 + below(6))") : nil
    }

    mutating func cites() -> [String] { (0 ..< below(3)).map { _ in Self.sourceIDs[below(Self.sourceIDs.count)] } }

    mutating func dataset(entities n: Int, links m: Int) -> Dataset {
        let kinds: [EntityKind] = [.syndicate, .compound, .person, .country, .node, "vessel", "shell company", "ü-kind"]
        let linkKinds: [LinkKind] = [.operates, .bribes, .cooperatesWith, .link, "tows", "funds, partly"]
        var d = Dataset()
        d.title = chance(0.8) ? text() : nil
        d.description = chance(0.5) ? text() : nil
        d.directed = [nil, true, false][below(3)]
        if chance(0.5) { d.schema = Schema(entityKinds: ["vessel", "shell company"], linkKinds: ["tows"], symmetricLinkKinds: ["tows"], roles: ["driver"],
                                              targets: TargetPolicy(kinds: ["vessel": .candidate, .platform: .candidate], entities: ["e 1": .excluded])) }
        for _ in 0 ..< below(3) { d.extra[["licence", "version", "notes", "tnet", "x,y"][below(5)]] = value() }
        for id in Self.sourceIDs where chance(0.6) {
            d.sources.append(Source(id: id, title: chance(0.8) ? text() : nil, publisher: chance(0.5) ? text() : nil,
                                    date: chance(0.5) ? date() : nil, url: chance(0.5) ? "https://example.org/a?b=1&c=\"2\"" : nil,
                                    attributes: chance(0.5) ? attributes() : Attributes()))
        }
        var ids: [String] = []
        for i in 0 ..< n {
            let id = chance(0.5) ? "e\(i)" : "\(text())#\(i)"
            ids.append(id)
            d.append(Entity(id: id, kind: kinds[below(kinds.count)], name: chance(0.8) ? text() : nil,
                            role: chance(0.3) ? [PersonRole.victim, .broker, "driver"][below(3)] : nil,
                            country: chance(0.3) ? text() : nil, confidence: grade(), sources: cites(),
                            period: period(), attributes: attributes()))
        }
        guard !ids.isEmpty else { return d }
        for _ in 0 ..< m {
            let kind = linkKinds[below(linkKinds.count)]
            d.append(Link(source: ids[below(ids.count)], target: ids[below(ids.count)], kind: kind,
                          weight: chance(0.5) ? double() : nil, directed: [nil, true, false][below(3)],
                          confidence: grade(), sources: cites(), period: period(),
                          agreement: chance(0.3) ? ["mou", "contact_point", text()][below(3)] : nil,
                          attributes: attributes()))
        }
        return d
    }
}

/// The dataset with attribute names in sorted order at entity, link and source level: CSV
/// columns and GraphML keys are shared by all rows, so a row's attributes come back in column
/// order. (Values, nested objects included, keep their order.)
func canonical(_ d: Dataset) -> [UInt8] {
    func sorted(_ a: Attributes) -> Attributes {
        var out = Attributes()
        for (k, v) in a.sorted(by: { $0.key < $1.key }) { out[k] = v }
        return out
    }
    var c = Dataset(sources: d.sources.map { var s = $0; s.attributes = sorted(s.attributes); return s },
                    title: d.title, description: d.description, directed: d.directed, schema: d.schema, extra: d.extra)
    for var e in d.entities { e.attributes = sorted(e.attributes); c.append(e) }
    for var l in d.links { l.attributes = sorted(l.attributes); c.append(l) }
    return NativeJSONWriter.write(c)
}

private func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
    let i = (0 ..< min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    let from = max(0, i - 120)
    return "expected …\(String(decoding: a[from ..< min(a.count, i + 120)], as: UTF8.self))…\n"
        + "got      …\(String(decoding: b[from ..< min(b.count, i + 120)], as: UTF8.self))…"
}

@Suite struct RoundTripTests {
    static let sizes = Gen.int(in: 0 ... 40)
    static let seeds = Gen<UInt64>.value(in: 0 ... UInt64.max)

    /// JSON → GraphML → JSON keeps everything.
    @Test func graphMLRoundTrip() async {
        await propertyCheck(count: 150, input: Self.seeds, Self.sizes) { seed, n in
            var b = HostileDatasetBuilder(rng: SplitMix64(seed: seed))
            let original = b.dataset(entities: n, links: 2 * n)
            do {
                let json = try NativeJSONReader.read(InputFile(name: "in.json", bytes: NativeJSONWriter.write(original))).dataset
                let graphml = try GraphMLWriter.write(json)
                let (back, issues) = try GraphMLReader.read(InputFile(name: "rt.graphml", bytes: graphml))
                #expect(issues.isEmpty, "\(issues.prefix(3))")
                let (x, y) = (canonical(json), canonical(back))
                #expect(x == y ? true : false, "seed \(seed), \(n) entities: \(firstDifference(x, y))")
            } catch {
                Issue.record("seed \(seed), \(n) entities: \(error)")
            }
        }
    }

    /// JSON → CSV → JSON keeps everything.
    @Test func csvRoundTrip() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-rt-\(UUID().uuidString)").path + "/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        await propertyCheck(count: 150, input: Self.seeds, Self.sizes) { seed, n in
            var b = HostileDatasetBuilder(rng: SplitMix64(seed: seed))
            let original = b.dataset(entities: n, links: 2 * n)
            do {
                let json = try NativeJSONReader.read(InputFile(name: "in.json", bytes: NativeJSONWriter.write(original))).dataset
                for name in ["entities.csv", "links.csv", "sources.csv", "dataset.csv"] { try? FileManager.default.removeItem(atPath: dir + name) }
                for (path, bytes) in try DatasetFormat.csv.encode(json, path: dir) {
                    try Data(bytes).write(to: URL(fileURLWithPath: path))
                }
                let (back, issues) = try DatasetFormat.read(path: dir)
                #expect(issues.isEmpty, "\(issues.prefix(3))")
                let (x, y) = (canonical(json), canonical(back))
                #expect(x == y ? true : false, "seed \(seed), \(n) entities: \(firstDifference(x, y))")
            } catch {
                Issue.record("seed \(seed), \(n) entities: \(error)")
            }
        }
    }

    /// The bundled dataset survives both round trips byte for byte (no attribute reordering
    /// needed: its attributes are written in a consistent order).
    @Test func bundledDatasetRoundTrips() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let (d, _) = try DatasetFormat.read(path: root.appendingPathComponent("datasets/mekong-2023.json").path)
        let viaGraphML = try GraphMLReader.read(InputFile(name: "m.graphml", bytes: GraphMLWriter.write(d))).dataset
        #expect(canonical(viaGraphML) == canonical(d))
    }

    /// What a format cannot hold is refused with a message, never silently dropped.
    @Test func unrepresentableValuesAreRefused() throws {
        var d = Dataset(entities: [Entity(id: "a", kind: .node, name: "bell\u{7}")])
        #expect(throws: ReadError.self) { try GraphMLWriter.write(d) }
        d = Dataset(entities: [Entity(id: "a", kind: .node, sources: ["a;b"])], sources: [Source(id: "a;b")])
        #expect(throws: (any Error).self) { try DatasetFormat.csv.encode(d, path: "/tmp/never-written/") }
    }
}
