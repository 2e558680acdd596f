/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast generator whose whole sequence is
/// fixed by its seed on every platform, unlike `SystemRandomNumberGenerator`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    ///
    /// - Parameter seed: any value; the first output is ``mix(_:_:)`` of it and 0.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    ///
    /// - Returns: a value uniform over all of `UInt64`.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Shuffles `items` in place (Fisher–Yates, index i swapped with `next() % (i + 1)`): the
    /// same seed gives the same order on every platform.
    ///
    /// - Parameter items: the array to shuffle.
    /// - Complexity: O(count).
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(i, Int(next() % UInt64(i + 1))) }
    }

    /// Uniform in `0 ..< n` (Lemire's multiply-shift; the tiny bias is irrelevant here and the
    /// result is the same on every platform).
    ///
    /// - Parameter n: the bound, positive.
    /// - Returns: a value in `0 ..< n`.
    public mutating func below(_ n: Int) -> Int {
        Int((UInt128(next()) &* UInt128(UInt64(n))) >> 64)
    }

    /// The `i`-th output (from 0) of the generator seeded with `seed`, computed directly: a
    /// counter-based stream, so that any element can be drawn independently (in parallel, or in
    /// another language) and still agree.
    ///
    /// - Parameters:
    ///   - seed: the stream's seed.
    ///   - i: the position in the stream, from 0.
    /// - Returns: the output at that position.
    public static func mix(_ seed: UInt64, _ i: UInt64) -> UInt64 {
        var z = seed &+ (i &+ 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A double uniform in [0, 1), from the top 53 bits of ``next()``.
    ///
    /// - Returns: a multiple of 2⁻⁵³ in [0, 1).
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }
}
