import PropertyBased
import Testing
import TNetGraph
@testable import TNetIO

/// The first NUL or ill-formed UTF-8 sequence by the standard library's decoder, one scalar at a
/// time: the reference for ``UTF8Check``'s word-at-a-time scan.
private func referenceOffset(_ bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let encoded):
            if encoded.count == 1 && encoded.first == 0 { return offset }
            offset += encoded.count
        case .error: return offset
        case .emptyInput: return nil
        }
    }
}

@Suite struct InputFileTests {
    /// Mostly ASCII with, at random places, NUL, multi-byte scalars, stray continuation bytes,
    /// overlong forms, surrogates and truncated sequences, at every alignment.
    @Test func utf8CheckAgreesWithTheDecoder() async {
        let pieces: [[UInt8]] = [[0], [0xC3, 0xA9], [0xE2, 0x82, 0xAC], [0xF0, 0x9F, 0x98, 0x80], [0x80], [0xC0, 0xAF],
                                 [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0xFF]]
        await propertyCheck(count: 500, input: Gen<UInt64>.value(in: 0 ... UInt64.max), Gen.int(in: 0 ... 80)) { seed, length in
            var rng = SplitMix64(seed: seed)
            var bytes: [UInt8] = []
            while bytes.count < length {
                if rng.below(12) == 0 {
                    bytes += pieces[rng.below(pieces.count)]
                } else {
                    bytes.append(UInt8(1 + rng.below(127)))
                }
            }
            let ours = bytes.withUnsafeBufferPointer { UTF8Check.firstInvalidOffset($0) }
            #expect(ours == referenceOffset(bytes), "\(bytes)")
        }
    }
}
