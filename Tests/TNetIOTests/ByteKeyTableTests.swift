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

    /// Every key given the same hash (so the same slot to start from and the same tag, all bits
    /// set): only the probing and the entries' lengths and bytes tell them apart, for keys of
    /// every length from 0 to 40 (past the word-at-a-time comparison's 32). Prefetching before
    /// each lookup, of slots empty and full, changes nothing.
    @Test func tellsKeysApartWhenTheirHashesCollide() {
        let keys = Self.keys().enumerated().filter { $0.offset % 3 == 0 }.map(\.element)
        #expect(keys.contains { $0.count > 32 } && keys.contains { $0.isEmpty })
        let hash: UInt64 = 0xFFFF_FF00_0000_002A
        var table = ByteKeyTable(capacity: 2)
        for (i, key) in keys.enumerated() {
            table.prefetch(hash, entry: i % 2 == 0)
            table.prefetch(UInt64(i) &* 0x9E37_79B9_7F4A_7C15, entry: true)
            let got = key.withUnsafeBufferPointer { b in table.insert(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, b.count, hash: hash) }
            #expect(Int(got.number) == i && got.inserted, "\(key)")
        }
        for (i, key) in keys.enumerated().reversed() {
            let found = key.withUnsafeBufferPointer { b in table.find(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, b.count, hash: hash) }
            #expect(found == Int32(i), "\(key)")
            // The same key under a hash with another tag (the same slot to start from) is not found.
            let elsewhere = key.withUnsafeBufferPointer { b in table.find(b.baseAddress ?? UnsafePointer(bitPattern: 1)!, b.count, hash: hash ^ (1 << 40)) }
            #expect(elsewhere == nil, "\(key)")
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
