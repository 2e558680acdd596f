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

    /// Numeric ids keep first-mention order too, and a malformed line is an error with its place.
    @Test func numericIdsAndErrors() throws {
        let r = try EdgeListGraphReader.read(InputFile(name: "n.el", bytes: Array("10 2 1.5\n2 007\n0 10\n".utf8)))
        #expect(r.ids == ["10", "2", "007", "0"])
        #expect(r.graph.edgeCount == 3)
        #expect(throws: ReadError.self) { try EdgeListGraphReader.read(InputFile(name: "bad.el", bytes: Array("a b\nc\n".utf8))) }
        do {
            _ = try EdgeListGraphReader.read(InputFile(name: "bad.el", bytes: Array("a b\nc d nan\n".utf8)))
        } catch let e as ReadError {
            #expect(e.description == "bad.el:2:5: weight \"nan\" is not a finite number")
        }
    }

    /// The exact fast path agrees with strtod on every decimal it accepts.
    @Test func fastDecimalsEqualStrtod() async {
        await propertyCheck(count: 2000, input: Gen<UInt64>.value(in: 0 ... UInt64.max), Gen.int(in: 0 ... 12)) { bits, places in
            let integer = bits >> 20
            var text = String(integer)
            if places > 0 { text += "." + String(String(bits % 1_000_000_000_000).reversed()).prefix(places) }
            if bits & 1 == 1 { text = "-" + text }
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { b in
                guard let fast = EdgeListGraphReader.fastDecimal(b, (0, b.count)) else { return }
                #expect(fast == strtod(text, nil), "\(text)")
            }
        }
    }
}
