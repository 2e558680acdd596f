import Testing
@testable import TNetIO

/// The byte-keyed table against `Dictionary<[UInt8], Int>` numbering keys in order of first
/// insertion, its oracle; its comparison of short keys a word at a time against `memcmp`.
@Suite struct ByteKeyTableTests {
    /// Keys of 0 to 40 bytes that differ from each other in one byte only, at every place: a
    /// comparison that skipped a word or the tail would take two of them for one.
    static func keys() -> [[UInt8]] {
        var keys: [[UInt8]] = []
        for length in 0 ... 40 {
            let base = (0 ..< length).map { UInt8(truncatingIfNeeded: 97 + ($0 * 7) % 26) }
            keys.append(base)
            for i in 0 ..< length {
                var k = base
                k[i] &+= 1
                keys.append(k)
            }
        }
        return keys
    }

    @Test func numbersKeysAsADictionaryWould() {
        let keys = Self.keys()
        var table = ByteKeyTable(capacity: 4)
        var oracle: [[UInt8]: Int] = [:]
        // Each key twice, in an order that interleaves them.
        for key in keys + keys.reversed() {
            let expected = oracle[key] ?? oracle.count
            let fresh = oracle[key] == nil
            oracle[key] = expected
            let got = key.withUnsafeBufferPointer { b in
                let p = b.baseAddress ?? UnsafePointer(bitPattern: 1)!
                return table.insert(p, b.count, hash: ByteKeyTable.hash(p, b.count))
            }
            #expect(Int(got.number) == expected && got.inserted == fresh, "\(key)")
        }
        #expect(table.count == oracle.count)
        // A key never inserted is not found, however close it is to one that was.
        let absent: [UInt8] = Array("abcdefghijklmnopq".utf8)
        #expect(oracle[absent] == nil)
        absent.withUnsafeBufferPointer { b in
            #expect(table.find(b.baseAddress!, b.count, hash: ByteKeyTable.hash(b.baseAddress!, b.count)) == nil)
        }
    }

    /// Every key given the same hash (so the same slot to start from and the same tag): only
    /// the probing and the entries' lengths and bytes tell them apart. Prefetching before each
    /// lookup, of slots empty and full, changes nothing.
    @Test func tellsKeysApartWhenTheirHashesCollide() {
        let keys = Array(Self.keys().prefix(300))
        var table = ByteKeyTable(capacity: 2)
        for (i, key) in keys.enumerated() {
            table.prefetch(42, entry: i % 2 == 0)
            table.prefetch(UInt64(i) &* 0x9E37_79B9_7F4A_7C15, entry: true)
            let got = key.withUnsafeBufferPointer { b in table.insert(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, b.count, hash: 42) }
            #expect(Int(got.number) == i && got.inserted, "\(key)")
        }
        for (i, key) in keys.enumerated().reversed() {
            let found = key.withUnsafeBufferPointer { b in table.find(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, b.count, hash: 42) }
            #expect(found == Int32(i), "\(key)")
        }
        #expect(table.count == keys.count)
    }

    @Test func comparesShortKeysAsMemcmpDoes() {
        let keys = Self.keys()
        for a in keys where !a.isEmpty {
            for b in keys where b.count == a.count {
                let same = a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in ByteKeyTable.same(x.baseAddress!, y.baseAddress!, a.count) } }
                #expect(same == (a == b), "\(a) \(b)")
            }
        }
    }
}
