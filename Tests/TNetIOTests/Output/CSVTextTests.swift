import PropertyBased
import Testing
import TNetGraph
@testable import TNetIO

@Suite struct CSVTextTests {
    /// The byte writer gives exactly the bytes of the String writer, for text built from the
    /// characters that decide quoting (commas, quotes, CR, LF, CRLF, tabs, spaces, no-break and
    /// ideographic spaces at the ends, combining marks after quotes) and ordinary ones.
    @Test func byteWriterEqualsStringWriter() async {
        let pieces = [",", "\"", "\r", "\n", "\r\n", "\t", " ", "\u{A0}", "\u{3000}", "\u{301}", "a", "Z", "7",
                      "é", "中", "🙂", "=", ";", "\u{200F}", "\u{0B}"]
        await propertyCheck(count: 1000, input: Gen<UInt64>.value(in: 0 ... UInt64.max), Gen.int(in: 0 ... 12)) { seed, length in
            var rng = SplitMix64(seed: seed)
            let s = (0 ..< length).map { _ in pieces[rng.below(pieces.count)] }.joined()
            var bytes: [UInt8] = []
            CSVText.append(field: s, to: &bytes)
            #expect(bytes == Array(CSVText.field(s).utf8), "\(s.debugDescription)")
        }
    }

    /// Rows made in parallel are the rows one after the other, in order, for any number of
    /// threads: 10,000 records (three chunks of 4,096) with fields that need quoting.
    @Test func parallelRowsInOrder() {
        func fields(_ i: Int) -> [String] { [String(i), i % 7 == 0 ? "a, \"b\"" : "x\(i)", ""] }
        let serial = Array((0 ..< 10_000).map { CSVText.row(fields($0)) }.joined().utf8)
        for threads in [1, 2, 3] { #expect(CSVText.rows(10_000, threads: threads, fields) == serial) }
        #expect(CSVText.rows(0, threads: 2, fields).isEmpty)
    }
}
