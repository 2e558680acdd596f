import CPrefetch
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
    /// The keys one after another in order of insertion, each as an entry: a header word (the
    /// key's number in its low half, its length in bytes in its high half), then its bytes. A
    /// lookup that finds a slot reads one place in memory for everything else it needs: a
    /// table of a million ids is far larger than the cache, and each separate array read was
    /// one more miss.
    private var arena: [UInt8] = []
    /// Each key's hash, in order of insertion (read again only when the table grows).
    private var hashes: [UInt64] = []
    /// Open addressing with linear probing: 0 for an empty slot, else the key's hash's top
    /// ``tagBits`` bits above its entry's offset in `arena` + 1 (a probe compares hashes
    /// without reading the entry).
    private var slots: [UInt64]
    private var mask: Int
    /// Number of keys.
    private(set) var count = 0

    private static let tagBits: UInt64 = 24
    private static let tagMask: UInt64 = ~0 << (64 - tagBits)
    private static let offsetMask: UInt64 = ~tagMask

    /// An empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 8) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        hashes.reserveCapacity(capacity)
    }

    @inline(__always)
    private static func slot(_ hash: UInt64, _ offset: Int) -> UInt64 { (hash & tagMask) | UInt64(offset + 1) }

    /// Asks the processor to start loading what a lookup of `hash` reads first: its slot
    /// (`entry` false), or the entry that slot names (`entry` true; the slot is read, so ask for
    /// it some lookups earlier). A hint for lookups made in a known order in a table larger
    /// than the cache; it changes no result.
    @inline(__always)
    func prefetch(_ hash: UInt64, entry: Bool) {
        slots.withUnsafeBufferPointer { slots in
            let s = Int(truncatingIfNeeded: hash) & mask
            guard entry else { tnet_prefetch(slots.baseAddress! + s); return }
            let v = slots[s]
            guard v != 0 else { return }
            arena.withUnsafeBufferPointer { a in tnet_prefetch(a.baseAddress! + Int(v & Self.offsetMask) - 1) }
        }
    }

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
        let tag = hash & Self.tagMask
        return arena.withUnsafeBufferPointer { a in
            slots.withUnsafeBufferPointer { slots in
                var s = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let v = slots[s]
                    if v == 0 { return nil }
                    if v & Self.tagMask == tag {
                        let at = Int(v & Self.offsetMask) - 1
                        let header = UnsafeRawPointer(a.baseAddress! + at).loadUnaligned(as: UInt64.self)
                        if Int(header >> 32) == count && (count == 0 || Self.same(a.baseAddress! + at + 8, p, count)) {
                            return Int32(truncatingIfNeeded: header & 0xFFFF_FFFF)
                        }
                    }
                    s = (s + 1) & mask
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
        if 2 * (self.count + 1) > slots.count { grow() }
        let k = Int32(self.count)
        let offset = arena.count
        precondition(count <= Int(UInt32.max) && offset + 8 + count < Int(Self.offsetMask), "a key over 4 GB or keys over 1 TB")
        let header = UInt64(UInt32(k)) | UInt64(count) << 32
        withUnsafeBytes(of: header) { arena.append(contentsOf: $0) }
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: count))
        hashes.append(hash)
        self.count += 1
        var s = Int(truncatingIfNeeded: hash) & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Self.slot(hash, offset)
        return (k, true)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        arena.withUnsafeBufferPointer { a in
            var offset = 0
            for h in hashes {
                var s = Int(truncatingIfNeeded: h) & mask
                while slots[s] != 0 { s = (s + 1) & mask }
                slots[s] = Self.slot(h, offset)
                offset += 8 + Int(UnsafeRawPointer(a.baseAddress! + offset).loadUnaligned(as: UInt64.self) >> 32)
            }
        }
    }
}
