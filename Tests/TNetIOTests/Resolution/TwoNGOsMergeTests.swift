import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// The bundled dataset written as two NGOs would (datasets/two-ngos/, made by
/// make_two_ngos.py: B's own ids, names spelt B's way, facts split between the files, one group
/// of survivors recorded by B as "scam workers") merges back to the bundled entities and links
/// with the judgements of the committed review file: nothing lost, every citation kept
/// (issue 20). The oracle is the bundled dataset itself, through key.csv (B's id → bundled id).
@Suite struct TwoNGOsMergeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ p: String) -> String { root.appendingPathComponent(p).path }

    /// B's id → the bundled id.
    static func key() throws -> [String: String] {
        let text = try String(contentsOfFile: path("datasets/two-ngos/key.csv"), encoding: .utf8)
        var out: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",").map(String.init)
            out[cells[0]] = cells[1]
        }
        return out
    }

    static func merged(bFirst: Bool = false) throws -> DatasetMerge {
        let a = try Dataset(contentsOf: path("datasets/two-ngos/ngo-a.json"))
        let b = try Dataset(contentsOf: path("datasets/two-ngos/ngo-b.json"))
        var options = MergeOptions()
        options.judgements = try ReviewFile.judgements(InputFile.read(path("datasets/two-ngos/review.csv")))
        return DatasetMerge(bFirst ? [("ngo-b", b), ("ngo-a", a)] : [("ngo-a", a), ("ngo-b", b)], options: options)
    }

    /// Every merged entity is one bundled entity and back; every fact of it is the bundled one;
    /// every link is a bundled link, once, citing exactly the bundled sources.
    @Test(arguments: [false, true]) func mergesBackToTheOriginal(bFirst: Bool) throws {
        let original = try Dataset(contentsOf: Self.path("datasets/mekong-2023.json"))
        let key = try Self.key()
        let m = try Self.merged(bFirst: bFirst)
        #expect(m.unusedJudgements.isEmpty)
        #expect(m.review.isEmpty, "every candidate is judged: \(m.review.map { "\($0.left) \($0.right)" })")
        // Merged id → bundled id, through the crosswalk; one-to-one.
        var toOriginal: [String: String] = [:]
        for (record, mergedID) in m.crosswalk {
            let o = record.tag == "ngo-a" ? record.id : key[record.id]!
            if let seen = toOriginal[mergedID] { #expect(seen == o, "\(mergedID) is both \(seen) and \(o)") }
            toOriginal[mergedID] = o
        }
        let d = m.dataset
        #expect(d.entities.count == original.entities.count)
        #expect(Set(toOriginal.values) == Set(original.entities.map(\.id)))
        #expect(d.sources.map(\.id).sorted() == original.sources.map(\.id).sorted())
        for e in d.entities {
            let o = try #require(original[id: toOriginal[e.id]!])
            #expect(e.kind == o.kind, "\(o.id)")
            #expect(e.role == o.role, "\(o.id): \(e.role?.rawValue ?? "none")")
            #expect(e.isProtected == o.isProtected, "\(o.id)")
            #expect(e.confidence == o.confidence, "\(o.id)")
            #expect(e.period == o.period, "\(o.id)")
            #expect(e.country.flatMap { toOriginal[$0] } == o.country, "\(o.id)")
            #expect(Set(e.sources) == Set(o.sources), "\(o.id): every citation kept")
            for (name, value) in o.attributes { #expect(e.attributes[name] == value, "\(o.id).\(name)") }
            // The bundled name is the name or an alias (B's spelling when B alone had it first).
            var names = [e.name]
            if case .list(let aliases)? = e.attributes["aliases"] { names += aliases.map { $0.displayText } }
            #expect(names.contains(o.name), "\(o.id): \(names)")
        }
        // Links: the same multiset of (kind, ends, period, agreement, weight), each citing the
        // bundled sources.
        func signature(_ l: Link, _ ends: (String, String)) -> String {
            [l.kind.rawValue, ends.0, ends.1, l.period.map { "\($0)" } ?? "", l.agreement ?? "", l.weight.map { "\($0)" } ?? "",
             l.directed.map { "\($0)" } ?? "", l.confidence?.description ?? ""].joined(separator: "|")
        }
        var expected: [String: Set<String>] = [:]
        for l in original.links { expected[signature(l, (l.source, l.target)), default: []].formUnion(l.sources) }
        var got: [String: Set<String>] = [:]
        for l in d.links {
            let s = signature(l, (toOriginal[l.source]!, toOriginal[l.target]!))
            #expect(got[s] == nil, "\(s) twice")
            got[s, default: []].formUnion(l.sources)
        }
        #expect(d.links.count == original.links.count)
        #expect(got == expected)
        // The group B called "scam workers" is the survivors it is, whichever file comes first.
        let survivors = try #require(d.entities.first { toOriginal[$0.id] == "survivors-bamban" })
        #expect(survivors.role == "survivor")
        if bFirst { #expect(m.conflicts.contains { $0.field == "role" && $0.kept.contains("stays protected") }) }
    }

    /// The review file is what tnet merge wrote, decided by hand: every row decided, and every
    /// decision right by the key (same for one bundled entity, different otherwise).
    @Test func reviewFileDecisionsAreRight() throws {
        let key = try Self.key()
        let judgements = try ReviewFile.judgements(InputFile.read(Self.path("datasets/two-ngos/review.csv")))
        #expect(!judgements.isEmpty)
        for j in judgements {
            let o = [j.left, j.right].map { $0.tag == "ngo-a" ? $0.id : key[$0.id]! }
            #expect(j.decision == (o[0] == o[1] ? .same : .different), "\(j.origin ?? "")")
        }
    }
}
