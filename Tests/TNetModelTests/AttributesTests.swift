import Testing
import TNetGraph
import TNetModel

/// `Attributes` finds keys one by one up to `indexedAbove` of them and through a table beyond
/// (issue 19: a record of 20,000 fields, from a wide spreadsheet, a JSON object or DOT, was read
/// in time quadratic in their number). Checked against a plain list of pairs searched one by
/// one, the behaviour the type had before, through random sets, replacements and removals that
/// cross the threshold both ways.
@Suite struct AttributesTests {
    /// The reference: pairs in order, each key once, found by `==` one by one.
    struct Reference {
        var pairs: [(String, AttributeValue)] = []
        subscript(key: String) -> AttributeValue? {
            get { pairs.first { $0.0 == key }?.1 }
            set {
                if let i = pairs.firstIndex(where: { $0.0 == key }) {
                    if let newValue { pairs[i].1 = newValue } else { pairs.remove(at: i) }
                } else if let newValue {
                    pairs.append((key, newValue))
                }
            }
        }
    }

    func expectSame(_ a: Attributes, _ r: Reference, _ label: String) {
        #expect(a.map(\.key) == r.pairs.map(\.0), "\(label)")
        #expect(a.map(\.value) == r.pairs.map(\.1), "\(label)")
    }

    /// The same with room reserved for more than the threshold, before anything is set (as the
    /// CSV reader does for a wide row) or part-way (a table made from the keys already there):
    /// reserving changes no result.
    @Test(arguments: [0, 1, 40, 1000])
    func reservingRoomChangesNothing(at reserveStep: Int) {
        randomEdits(reservingAt: reserveStep)
    }

    @Test func randomEditsAgreeWithTheReference() {
        randomEdits(reservingAt: nil)
    }

    func randomEdits(reservingAt reserveStep: Int?) {
        var random = SplitMix64(seed: 19)
        var a = Attributes(), r = Reference()
        // Keys from a pool about three times the threshold, so the set grows past it and
        // shrinks back below it; removals are frequent enough for both.
        let pool = (0 ..< 3 * Attributes.indexedAbove).map { "k\($0)" }
        for step in 0 ..< 4000 {
            if step == reserveStep { a.reserveCapacity(2 * Attributes.indexedAbove) }
            let key = pool[Int(random.next() % UInt64(pool.count))]
            switch random.next() % 10 {
            case 0 ..< 5:
                let v = AttributeValue.int(Int(random.next() % 1000))
                a[key] = v
                r[key] = v
            case 5 ..< 8:
                a[key] = nil
                r[key] = nil
            default:
                #expect(a[key] == r[key], "step \(step): get \(key)")
            }
            if step % 97 == 0 || step == reserveStep { expectSame(a, r, "step \(step)") }
        }
        expectSame(a, r, "end")
    }

    /// Canonically equal keys (a composed and a decomposed é) are one key, as `String`'s `==`
    /// has it, whether the keys are in a list or in the table.
    @Test func canonicallyEqualKeysAreOneKeyOnBothSidesOfTheThreshold() {
        for filler in [0, 2 * Attributes.indexedAbove] {
            var a = Attributes()
            for i in 0 ..< filler { a["f\(i)"] = .int(i) }
            a["caf\u{E9}"] = .string("composed")
            a["cafe\u{301}"] = .string("decomposed")
            #expect(a.count == filler + 1, "filler \(filler)")
            #expect(a["caf\u{E9}"] == .string("decomposed"), "filler \(filler)")
            // The key keeps its first spelling.
            #expect(Array(a[filler].key.utf8) == Array("caf\u{E9}".utf8), "filler \(filler)")
            a["cafe\u{301}"] = nil
            #expect(a.count == filler && a["caf\u{E9}"] == nil, "filler \(filler)")
        }
    }

    /// Equality and hashing read the keys and values in order, not how keys are found: a set
    /// grown past the threshold and cut back equals one that never grew.
    @Test func equalityIgnoresTheTable() {
        var grown = Attributes(), plain = Attributes()
        for i in 0 ..< 3 * Attributes.indexedAbove { grown["k\(i)"] = .int(i) }
        for i in 3 ..< 3 * Attributes.indexedAbove { grown["k\(i)"] = nil }
        for i in 0 ..< 3 { plain["k\(i)"] = .int(i) }
        #expect(grown == plain)
        #expect(grown.hashValue == plain.hashValue)
        #expect(Set([grown, plain]).count == 1)
    }

    /// A record of many fields keeps them all, in order (20,000, as a wide spreadsheet has).
    @Test func manyKeysKeepTheirOrder() {
        var a = Attributes()
        for i in 0 ..< 20_000 { a["c\(i)"] = .int(i) }
        a["c5"] = .string("replaced")
        #expect(a.count == 20_000)
        #expect(a[5].key == "c5" && a[5].value == .string("replaced"))
        #expect(a["c19999"] == .int(19_999))
        #expect(a.map(\.key) == (0 ..< 20_000).map { "c\($0)" })
    }
}
