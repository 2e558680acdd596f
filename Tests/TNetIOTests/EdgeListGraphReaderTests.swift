#if canImport(Glibc)
import Glibc
#endif
import PropertyBased
import Testing
import TNetGraph
import TNetModel
@testable import TNetIO

@Suite struct EdgeListGraphReaderTests {
    /// The fast reader gives the graph the dataset path gives: same ids in the same order, same
    /// adjacency and weights.
    @Test(arguments: ["edges.edgelist"])
    func sameGraphAsTheDatasetPath(name: String) throws {
        let input = try InputFile.read(fixture(name))
        for directed in [false, true] {
            let fast = try EdgeListGraphReader.read(input, directed: directed)
            let (d, _) = try EdgeListReader.read(input, directed: directed)
            #expect(fast.ids == d.entities.map(\.id))
            let g = d.graph(ProjectionOptions(weighted: true))
            #expect(fast.graph.outgoing.offsets == g.outgoing.offsets)
            #expect(fast.graph.outgoing.neighbors == g.outgoing.neighbors)
            #expect(fast.graph.outgoing.weights == g.outgoing.weights)
        }
    }

    /// Nodes are ordered by id in code point order, numeric or not (so the order of the lines
    /// does not matter), and a malformed line is an error with its place.
    @Test func numericIdsAndErrors() throws {
        let r = try EdgeListGraphReader.read(InputFile(name: "n.el", bytes: Array("10 2 1.5\n2 007\n0 10\n".utf8)))
        #expect(r.ids == ["0", "007", "10", "2"])
        let reversed = try EdgeListGraphReader.read(InputFile(name: "n.el", bytes: Array("0 10\n2 007\n10 2 1.5\n".utf8)))
        #expect(reversed.ids == r.ids && reversed.graph.outgoing.neighbors == r.graph.outgoing.neighbors)
        #expect(r.graph.edgeCount == 3)
        #expect(throws: ReadError.self) { try EdgeListGraphReader.read(InputFile(name: "bad.el", bytes: Array("a b\nc\n".utf8))) }
        let e = #expect(throws: ReadError.self) {
            try EdgeListGraphReader.read(InputFile(name: "bad.el", bytes: Array("a b\nc d nan\n".utf8)))
        }
        #expect(e?.description == "bad.el:2:5: weight \"nan\" is not a finite number")
    }

    /// Decimal ids only take a path of their own (numbered from their values): the ids come
    /// out in code point order and every link joins the ids its line names. The oracle: the
    /// file's tokens sorted by their UTF-8 bytes, and the lines' own pairs. A file of 1.3 MB
    /// (parallel chunks) with ids of one to six digits that are prefixes of each other
    /// (`12`, `120`, `1200`), read on 1, 2 and 4 threads.
    @Test func decimalIDsInCodePointOrder() throws {
        var rng = SplitMix64(seed: 7)
        var lines: [(String, String)] = []
        let pool = (0 ..< 3000).map { _ -> String in
            // Below 2^20: ids the reader reads as numbers (larger ones in a small file go
            // through names, the other path).
            let digits = Int(rng.next() % 6) + 1
            var v = rng.next() % 1_000_000
            for _ in digits ..< 6 { v /= 10 }
            return String(v)
        } + ["0", "1", "12", "120", "1200", "13", "9", "99", "100000"]
        for _ in 0 ..< 100_000 { lines.append((pool[Int(rng.next() % UInt64(pool.count))], pool[Int(rng.next() % UInt64(pool.count))])) }
        let text = lines.map { "\($0.0) \($0.1) 1.5\n" }.joined()
        let expected = Set(lines.flatMap { [$0.0, $0.1] }).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let input = InputFile(name: "dec.el", bytes: Array(text.utf8))
        for t in [1, 2, 4] {
            let fast = try EdgeListGraphReader.read(input, threads: t)
            #expect(fast.ids == expected)
        }
        let (d, issues) = try EdgeListReader.read(input)
        #expect(issues.isEmpty && d.entities.map(\.id) == expected)
        #expect(d.links.count == lines.count && d.links.indices.allSatisfy { d.links[$0].source == lines[$0].0 && d.links[$0].target == lines[$0].1 })
    }

    /// Chunks parsed in parallel give the same graph and ids, and the same first error, as one
    /// thread: a 2 MB file (the medium benchmark graph) with named ids, comments, a sparse large
    /// id and blank lines mixed in.
    @Test func threadsGiveTheSameGraph() throws {
        var text = Array(BenchmarkGraph(.medium).edgeListBytes())
        text += Array("# named ids\nalice 17 2.5\n\n17 bob\n123456789012 alice 0.5\n0007 alice\n".utf8)
        text = Array("bob carol 1\n".utf8) + text
        let input = InputFile(name: "mixed.el", bytes: text)
        let one = try EdgeListGraphReader.read(input, threads: 1)
        #expect(one.ids.prefix(3) == ["0", "0007", "1"] && one.ids.last == "carol")
        for t in [2, 3, 4] {
            let many = try EdgeListGraphReader.read(input, threads: t)
            #expect(many.ids == one.ids)
            #expect(many.graph.outgoing.neighbors == one.graph.outgoing.neighbors)
            #expect(many.graph.outgoing.offsets == one.graph.outgoing.offsets)
            #expect(many.graph.outgoing.weights == one.graph.outgoing.weights)
        }
        // Two bad lines in different chunks: the earlier one is reported, whatever the threads.
        var bad = text
        let lineStart = text[..<(text.count / 3)].lastIndex(of: 0x0A)! + 1
        bad.insert(contentsOf: Array("x y z w\n".utf8), at: lineStart)
        bad += Array("p q nan\n".utf8)
        func message(_ t: Int) -> String {
            do { _ = try EdgeListGraphReader.read(InputFile(name: "bad.el", bytes: bad), threads: t); return "" }
            catch { return "\(error)" }
        }
        #expect(message(1).contains("4 fields"))
        for t in [2, 3] { #expect(message(t) == message(1)) }
    }

    /// The exact fast path agrees with strtod. Integer part below 10⁷ and at most 8 decimals:
    /// at most 15 digits, so the fast path must accept every case (it is not vacuous).
    @Test func fastDecimalsEqualStrtod() async {
        await propertyCheck(count: 2000, input: Gen<UInt64>.value(in: 0 ... UInt64.max), Gen.int(in: 0 ... 8)) { bits, places in
            let integer = (bits >> 20) % 10_000_000
            var text = String(integer)
            if places > 0 { text += "." + String(String(bits % 1_000_000_000_000).reversed()).prefix(places) }
            if bits & 1 == 1 { text = "-" + text }
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                let fast = EdgeListGraphReader.fastDecimal(b, (0, b.count))
                #expect(fast != nil, "\(text) left to strtod")
                #expect(fast == strtod(text, nil), "\(text)")
            }
        }
    }
}
