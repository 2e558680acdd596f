import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// The four writers that hand their file on a piece at a time (``OutputPieces``), on a dataset
/// whose files run to several pieces of 4 MB: the file written is the bytes encoded whole,
/// piece boundaries falling anywhere in a record.
@Suite struct OutputPiecesTests {
    @Test func filesOfSeveralPiecesAreTheEncodedBytes() throws {
        let d = SyntheticNetwork(nodes: 12_000, seed: 3).generate()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-pieces-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        func file(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))) }

        try d.write(to: dir + "/x.ftm.json", warnings: { _ in })
        let ftm = FtMWriter.write(d).bytes
        try d.write(to: dir + "/x.dot", warnings: { _ in })
        let dot = try DOTDatasetWriter.write(d)
        try GEXFExport.write(d, to: dir + "/x.gexf")
        let gexf = GEXFExport.encode(d).bytes
        try CytoscapeExport.write(d, to: dir + "/x.cy.json", redacted: false)
        let cy = CytoscapeExport.encode(d, redacted: false).bytes
        for (name, bytes) in [("x.ftm.json", ftm), ("x.dot", dot), ("x.gexf", gexf), ("x.cy.json", cy)] {
            #expect(bytes.count > OutputPieces.bytes, "\(name): \(bytes.count) bytes, one piece only")
            #expect(try file(name) == bytes, "\(name)")
        }
    }
}
