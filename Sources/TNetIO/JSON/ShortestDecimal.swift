/// The shortest decimal that reads back as a given double, for the common case of a weight
/// with a few decimals (`4.8403`), without going through `String`: the writers of large
/// datasets spent a quarter of their time in `Double.description` for such numbers.
///
/// For a finite, non-integral x with 0.001 ≤ |x| < 10⁹, the text is the integer m over 10ᵏ for
/// the smallest k in 1…9 such that m / 10ᵏ, divided in floating point, is x exactly. That test
/// is exact: m < 2⁵¹ and 10ᵏ are exact doubles, and IEEE division rounds the quotient
/// correctly, which is what reading the decimal back does. At each k at most one m can pass
/// (the doubles that read back as x span less than one unit of 10⁻ᵏ while |x|·10ᵏ < 2⁵¹), and
/// rounding |x|·10ᵏ finds it when it exists (the product's rounding error and the half-span
/// together stay under ½). So the first k that passes gives the fewest digits, and they are the
/// digits `Double.description` prints, in the same plain notation (it uses exponents only
/// below 10⁻⁴ and from 10¹⁶ on). Anything else returns nil and the caller falls back to
/// `description`. A property test compares the two on random values.
enum ShortestDecimal {
    /// Powers of ten, exact as doubles.
    private static let powers: [Double] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]
    private static let integerPowers: [UInt64] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000]

    /// The text's digits as m and k (the text is m with a point k digits from its end), or nil
    /// outside the fast path.
    @inline(__always) static func digits(_ x: Double) -> (m: UInt64, k: Int)? {
        let a = abs(x)
        guard a >= 0.001 && a < 1e9, a != a.rounded(.towardZero) else { return nil }
        for k in 1 ... 9 {
            let p = powers[k]
            let s = a * p
            guard s < 0x1p51 else { return nil }
            let m = s.rounded()
            if m / p == a { return (UInt64(m), k) }
        }
        return nil
    }

    /// Writes the text of `x` at `out` (room for 24 bytes) and returns its length, or 0 when
    /// `x` is outside the fast path.
    static func write(_ x: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        guard let (m, k) = digits(x) else { return 0 }
        var n = 0
        if x < 0 { out[0] = UInt8(ascii: "-"); n = 1 }
        let whole = m / integerPowers[k], fraction = m % integerPowers[k]
        // The whole part, then the point, then k fraction digits with their leading zeros.
        var w = whole, width = 1
        while w >= 10 { w /= 10; width += 1 }
        w = whole
        for j in stride(from: width - 1, through: 0, by: -1) {
            out[n + j] = UInt8(truncatingIfNeeded: w % 10) + 0x30
            w /= 10
        }
        n += width
        out[n] = UInt8(ascii: ".")
        n += 1
        var f = fraction
        for j in stride(from: k - 1, through: 0, by: -1) {
            out[n + j] = UInt8(truncatingIfNeeded: f % 10) + 0x30
            f /= 10
        }
        return n + k
    }

    /// Appends the text of `x` as `Double.description` writes it (through the fast path when
    /// it applies).
    static func append(_ x: Double, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            let n = write(x, to: buffer.baseAddress!)
            if n > 0 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<n])) }
            else { bytes.append(contentsOf: x.description.utf8) }
        }
    }
}
