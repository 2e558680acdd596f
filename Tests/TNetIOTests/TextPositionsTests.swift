import Testing
import TNetModel
@testable import TNetIO

/// `TextPositions` answers forward lookups by moving a cursor and backward ones through an index
/// of line starts; both must give the line and column an editor shows.
@Suite struct TextPositionsTests {
    /// The naive answer: count newlines before `offset`, then scalars from the line's start.
    static func naive(_ bytes: [UInt8], _ offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for i in 0 ..< offset {
            if bytes[i] == 0x0A { line += 1; column = 1 } else if bytes[i] & 0xC0 != 0x80 { column += 1 }
        }
        return (line, column)
    }

    @Test func handWorkedForwardAndBackward() {
        // Line 1 "ab", line 2 "é{" (é is two bytes, C3 A9), line 3 is 12 ASCII bytes so the
        // eight-byte skip runs. Offsets: a0 b1 \n2 | é3-4 {5 \n6 | x7 … 18 \n19.
        let text = Array("ab\né{\nxxxxxxxxxxxx\n".utf8)
        text.withUnsafeBufferPointer { buf in
            var p = TextPositions(file: "t.json", bytes: buf)
            // Offset 5 is "{": line 2, after one scalar (é) → column 2.
            #expect(p.location(of: 5).line == 2 && p.location(of: 5).column == 2)
            // Offset 18 is the last x: line 3, column 12.
            let l = p.location(of: 18)
            #expect(l.line == 3 && l.column == 12)
            // Backward to offset 1 ("b"): line 1, column 2 (through the index).
            let back = p.location(of: 1)
            #expect(back.line == 1 && back.column == 2 && back.file == "t.json")
            // Forward again after the jump.
            let again = p.location(of: 7)
            #expect(again.line == 3 && again.column == 1)
        }
    }

    @Test func agreesWithNaiveCountOnMixedText() {
        // Newlines at every distance from the eight-byte boundaries, multi-byte scalars (ä, ห, 😀).
        var text: [UInt8] = []
        var rng = UInt64(7)
        for _ in 0 ..< 400 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            switch rng >> 61 {
            case 0: text.append(0x0A)
            case 1: text += Array("ä".utf8)
            case 2: text += Array("ห".utf8)
            case 3: text += Array("😀".utf8)
            default: text.append(UInt8(ascii: "a") + UInt8((rng >> 40) % 26))
            }
        }
        // Lookups at scalar starts: forward in order, then a backward sweep.
        let starts = text.indices.filter { text[$0] & 0xC0 != 0x80 }
        text.withUnsafeBufferPointer { buf in
            var p = TextPositions(file: "f", bytes: buf)
            for o in starts + starts.reversed() {
                let l = p.location(of: o), (line, column) = Self.naive(text, o)
                #expect(l.line == line && l.column == column, "offset \(o)")
            }
            // Far apart (several newlines in one eight-byte word between two lookups).
            for step in [9, 23, 61] {
                var far = TextPositions(file: "f", bytes: buf)
                for o in stride(from: 0, to: starts.count, by: step).map({ starts[$0] }) {
                    let l = far.location(of: o), (line, column) = Self.naive(text, o)
                    #expect(l.line == line && l.column == column, "offset \(o), step \(step)")
                }
            }
        }
    }

    /// A byte-order mark is not a column: line 1 counts from the first character after it, by
    /// the cursor, after a jump back and through the index of line starts; a chunk counted from
    /// an origin past it is not affected. Offsets: mark 0–2, a3 b4 \n5, c6.
    @Test func aByteOrderMarkIsNotAColumn() {
        let text: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab\nc".utf8)
        text.withUnsafeBufferPointer { buf in
            var p = TextPositions(file: "t.json", bytes: buf)
            #expect(p.location(of: 3).column == 1)
            #expect(p.location(of: 4).column == 2)
            #expect(p.location(of: 6).line == 2 && p.location(of: 6).column == 1)
            // Backward lookups: from the top again, then (after a few) through the index.
            for _ in 0 ... TextPositions.rescansBeforeIndex + 1 {
                #expect(p.location(of: 4).line == 1 && p.location(of: 4).column == 2)
                #expect(p.location(of: 6).column == 1)
            }
            var chunk = TextPositions(file: "t.json", bytes: buf, origin: 4)
            #expect(chunk.location(of: 4).column == 1)
        }
        // The same document with and without the mark: the same line and column.
        let json = Array("{\"format\": \"tnet/1\", \"entities\": [{\"id\": 1, \"kind\": \"person\"}], \"links\": []}\n".utf8)
        func firstIssue(_ bytes: [UInt8]) -> TNetModel.SourceLocation? {
            (try? NativeJSONReader.read(InputFile(name: "d.json", bytes: bytes)))?.issues.first?.location
        }
        let plain = firstIssue(json), marked = firstIssue([0xEF, 0xBB, 0xBF] + json)
        #expect(plain != nil && plain?.column == marked?.column && plain?.line == marked?.line,
                "\(String(describing: plain)) \(String(describing: marked))")
    }
}
