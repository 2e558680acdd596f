/// Where each key of a large ``Attributes`` is, by hash: positions in its list of keys, in a
/// table of 32-bit slots that refer to that list rather than keep a copy of each key.
///
/// A `Dictionary<String, Int>` held every key again beside its position: for a spreadsheet of
/// 50,000 columns, 3 MB a row on top of the row's keys and values (a 35 MB file of 119 rows took
/// 955 MB in memory, 705 MB with this table). This one is 4 bytes a slot, at most half full,
/// and one word in the ``Attributes`` that holds it (as the dictionary was: an entity's size is
/// tested). Keys are hashed and compared as `String` hashes and compares them (canonically
/// equivalent spellings are one key). Every key of the list is in the table: their number is
/// the list's.
struct AttributePositions: Sendable {
    /// 0 for an empty slot, else a key's position + 1; linear probing. The size is a power of
    /// two, at least twice the number of keys.
    private var slots: [Int32]

    /// A table of `keys`' positions (each key once), with room for `capacity` keys in all.
    init(_ keys: [String], capacity: Int) {
        var size = 16
        while size < 2 * Swift.max(capacity, keys.count) { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        for (i, k) in keys.enumerated() { place(k, at: i) }
    }

    /// The position of `key` among `keys` (the list this table was made from and kept with).
    func position(of key: String, in keys: [String]) -> Int? {
        let mask = slots.count - 1
        var s = key.hashValue & mask
        while true {
            let v = slots[s]
            if v == 0 { return nil }
            if keys[Int(v) - 1] == key { return Int(v) - 1 }
            s = (s + 1) & mask
        }
    }

    /// Records that the last of `keys`, not in the table yet, is at the last position.
    mutating func append(lastOf keys: [String]) {
        // Made again at twice the size, the last key with the others.
        if 2 * keys.count > slots.count { self = AttributePositions(keys, capacity: 2 * keys.count); return }
        place(keys[keys.count - 1], at: keys.count - 1)
    }

    private mutating func place(_ key: String, at position: Int) {
        precondition(position < Int(Int32.max), "more than 2^31 attributes")
        let mask = slots.count - 1
        var s = key.hashValue & mask
        while slots[s] != 0 { s = (s + 1) & mask }
        slots[s] = Int32(position + 1)
    }
}
