import PropertyBased
import Testing
@testable import TNetIO

/// ``ShortestDecimal`` against the standard library's `Double.description` (Swift's own
/// shortest round-trip printer, an independent implementation): the same text whenever the
/// fast path answers, and the fast path answers for the weights datasets carry.
@Suite struct ShortestDecimalTests {
    static func text(_ x: Double) -> String? {
        var out = [UInt8](repeating: 0, count: 24)
        let n = out.withUnsafeMutableBufferPointer { ShortestDecimal.write(x, to: $0.baseAddress!) }
        return n == 0 ? nil : String(decoding: out[..<n], as: UTF8.self)
    }

    /// Hand-picked: a benchmark weight, the ends of the range, the closest doubles to them,
    /// a value that needs all 17 digits, a negative one; integral values and values outside
    /// 0.001 ..< 10⁹ are left to `description` (nil).
    @Test func handPicked() {
        for (x, expected) in [(4.8403, "4.8403"), (0.001, "0.001"), (-2.5, "-2.5"), (0.1, "0.1"), (999_999_999.5, "999999999.5"),
                              (123.456789012, "123.456789012"), (0.001234567, "0.001234567")] as [(Double, String?)] {
            #expect(Self.text(x) == expected, "\(x)")
        }
        for x in [3.0, 0.0, -0.0, 0.000999, 1e9 + 0.5, .infinity, .nan, 0.30000000000000004, 0.001.nextDown] {
            #expect(Self.text(x) == nil, "\(x)")
        }
        // 0.001's neighbour above needs 17 significant digits: past k = 9, left to description.
        #expect(Self.text(0.001.nextUp) == nil)
    }

    /// Decimals m / 10ᵏ (k ≤ 9) of every size in range, and their neighbouring doubles: the
    /// same text as `description` whenever the fast path answers, and an answer for every
    /// decimal of at most 15 significant digits.
    @Test func decimalsAndTheirNeighbours() async {
        await propertyCheck(count: 3000, input: Gen<UInt64>.value(in: 0 ... UInt64.max), Gen.int(in: 1 ... 9)) { bits, k in
            var p = 1.0
            for _ in 0 ..< k { p *= 10 }
            let digits = 1 + Int(bits % 15)
            var m = bits >> 8 % 1_000_000_000_000_000
            var limit: UInt64 = 1
            for _ in 0 ..< digits { limit *= 10 }
            m %= limit
            let x = (bits & 1 == 0 ? 1.0 : -1.0) * Double(m) / p
            for y in [x, x.nextUp, x.nextDown] {
                guard let t = Self.text(y) else { continue }
                #expect(t == y.description, "\(y): \(t) against \(y.description)")
            }
            if abs(x) >= 0.001 && abs(x) < 1e9 && x != x.rounded(.towardZero) {
                #expect(Self.text(x) != nil, "\(x) has at most 15 significant digits")
            }
        }
    }

    /// Random bit patterns within the range, and each with its trailing digits rounded off (so
    /// that some have few decimals): the fast path answers exactly when `description`'s own
    /// text lies in its domain (plain notation, not an integer, at most nine decimals, its
    /// digits as an integer below 2⁵¹), and then with that text. The domain is read off
    /// `description`, not off the fast path.
    @Test func randomDoubles() async {
        await propertyCheck(count: 3000, input: Gen<UInt64>.value(in: 0 ... UInt64.max)) { bits in
            let random = Double(bitPattern: (bits & 0x800F_FFFF_FFFF_FFFF) | (UInt64(1013 + bits >> 52 % 40) << 52))
            let places = Double([1, 10, 1e3, 1e6, 1e9][Int(bits % 5)])
            for x in [random, (random * places).rounded() / places] {
                let d = x.description, parts = d.split(separator: ".")
                let digits = Double(d.filter(\.isNumber)) ?? .infinity
                let inDomain = abs(x) >= 0.001 && abs(x) < 1e9 && !d.contains("e") && x != x.rounded(.towardZero)
                    && parts.count == 2 && parts[1].count <= 9 && digits < 0x1p51
                #expect((Self.text(x) != nil) == inDomain, "\(d)")
                if let t = Self.text(x) { #expect(t == d, "\(x)") }
            }
        }
    }

    /// The byte-array form writes `description`'s text for any double.
    @Test func appendMatchesDescription() {
        for x in [4.8403, 3.0, -0.0, 1e-7, 1e300, 0.30000000000000004, -123.25] {
            var bytes: [UInt8] = [0x20]
            ShortestDecimal.append(x, to: &bytes)
            #expect(String(decoding: bytes.dropFirst(), as: UTF8.self) == x.description)
        }
    }
}
