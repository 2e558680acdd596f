import Foundation

/// A hash table from byte strings (UTF-8 text as read from a file, compared byte for byte) to
/// dense numbers `0, 1, 2, …` in order of first insertion: the ids and repeated values of a
/// large file interned without building a `String` for each occurrence.
///
/// Byte equality is not Swift's `String` equality (which compares canonical equivalents
/// equal): callers use it only where they know the difference cannot arise (ASCII text), and
/// `String` comparison elsewhere. Hand-written rather than a `Dictionary<[UInt8], …>`, which
/// would allocate an array per lookup.
struct ByteKeyTable: Sendable {
    private var arena: [UInt8] = []
    /// Key `k`'s bytes are `arena[ends[k - 1] ..< ends[k]]` (from 0 for the first).
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing: 0 for an empty slot, else the key's hash's upper
    /// half above its number + 1 (a probe compares hashes without reading another array: a
    /// lookup in a table of a million ids misses the cache once less).
    private var slots: [UInt64]
    private var mask: Int

    /// An empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, _ number: Int) -> UInt64 { (hash & 0xFFFF_FFFF_0000_0000) | UInt64(number + 1) }

    /// Number of keys.
    var count: Int { ends.count }

    /// A 64-bit hash of `count` bytes at `p`, read eight at a time.
    static func hash(_ p: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        let raw = UnsafeRawPointer(p)
        var i = 0
        while i + 8 <= count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < count {
            var w: UInt64 = 0
            for k in i ..< count { w |= UInt64(p[k]) << (8 * UInt64(k - i)) }
            h = (h ^ w) &* 0x94D0_49BB_1331_11EB
            h ^= h >> 29
        }
        h = (h ^ (h >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return h ^ (h >> 32)
    }

    /// Whether `count` bytes at `x` and at `y` are the same: a word at a time for the short keys
    /// of a file (ids, kinds, dates), where calling `memcmp` cost more than comparing.
    @inline(__always)
    static func same(_ x: UnsafePointer<UInt8>, _ y: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard count <= 32 else { return memcmp(x, y, count) == 0 }
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        var i = 0
        while i + 8 <= count {
            guard rx.loadUnaligned(fromByteOffset: i, as: UInt64.self) == ry.loadUnaligned(fromByteOffset: i, as: UInt64.self) else { return false }
            i += 8
        }
        while i < count {
            guard x[i] == y[i] else { return false }
            i += 1
        }
        return true
    }

    /// The number of the key equal to `count` bytes at `p` (whose ``hash(_:_:)`` is `hash`).
    /// - Returns: the key's number, or nil when it is not in the table.
    /// - Complexity: O(1) expected, plus the key's length.
    func find(_ p: UnsafePointer<UInt8>, _ count: Int, hash: UInt64) -> Int32? {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        return arena.withUnsafeBufferPointer { a in
            slots.withUnsafeBufferPointer { slots in
                ends.withUnsafeBufferPointer { ends in
                    var s = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let v = slots[s]
                        if v == 0 { return nil }
                        if v & 0xFFFF_FFFF_0000_0000 == tag {
                            let k = Int(v & 0xFFFF_FFFF) - 1
                            let start = k == 0 ? 0 : ends[k - 1]
                            if ends[k] - start == count && (count == 0 || Self.same(a.baseAddress! + start, p, count)) { return Int32(k) }
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    /// The number of the key equal to `count` bytes at `p`, adding it when new.
    /// - Returns: its number, and whether this call added it.
    /// - Complexity: O(1) amortised, plus the key's length.
    @discardableResult
    mutating func insert(_ p: UnsafePointer<UInt8>, _ count: Int, hash: UInt64) -> (number: Int32, inserted: Bool) {
        if let k = find(p, count, hash: hash) { return (k, false) }
        if 2 * (ends.count + 1) > slots.count { grow() }
        let k = Int32(ends.count)
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
        ends.append(arena.count)
        hashes.append(hash)
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Self.slot(hash, Int(k))
        return (k, true)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for (k, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = Self.slot(h, k)
        }
    }
}
