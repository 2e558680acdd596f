import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite struct TimelineMapCLITests {
    static func tempDir() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-timeline-map-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func timelineOfTheBundledDataset() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try tnet(["timeline", "datasets/mekong-2023.json", "-o", dir + "/t.svg"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("have no dates and are not drawn"))
        let svg = try String(contentsOfFile: dir + "/t.svg", encoding: .utf8)
        _ = try XMLDocument(data: Data(svg.utf8), options: [])
        #expect(svg.contains("Compound GTSEZ-1 (composite)"))
        #expect(svg.contains("have no dates and are not drawn"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/t.svg.tmp"))
    }

    @Test func redactedOutputsNameNoProtectedGroup() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bundled = try JSONSerialization.jsonObject(with: Data(contentsOf: packageRoot.appendingPathComponent("datasets/mekong-2023.json"))) as! [String: Any]
        let protected = (bundled["entities"] as! [[String: Any]]).filter { ["victim", "survivor", "witness"].contains($0["role"] as? String ?? "") }.map { $0["name"] as! String }
        #expect(protected.count >= 5)
        #expect(try tnet(["timeline", "datasets/mekong-2023.json", "--redact", "victims", "-o", dir + "/t.svg"]).code == 0)
        #expect(try tnet(["render", "datasets/mekong-2023.json", "--layout", "geo", "--redact", "victims", "-o", dir + "/m.svg"]).code == 0)
        for file in ["t.svg", "m.svg"] {
            let svg = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
            for name in protected {
                // The SVG escapes apostrophes; compare a stretch without them.
                let probe = String(name.prefix { $0 != "'" && $0 != "," })
                #expect(!svg.contains(probe), "\(file) names \(probe)")
            }
        }
        let t = try String(contentsOfFile: dir + "/t.svg", encoding: .utf8)
        #expect(t.contains("Survivor 1") && t.contains("protected persons redacted"))
    }

    /// The render suite's fixture of protected persons, through both drawings: no name, id,
    /// alias or passport number in the SVG or on standard error; unredacted, they are there.
    @Test func victimsFixtureRedactedInBothDrawings() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // The map needs a place on it (with none it is an error): the fixture with Thailand
        // added, the compound located_in it; the persons stay unplaced, and named in its notes.
        var withPlace = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: RenderCLITests.victims))) as! [String: Any]
        withPlace["entities"] = (withPlace["entities"] as! [Any]) + [["id": "TH", "kind": "country", "name": "Thailand"]]
        withPlace["links"] = (withPlace["links"] as? [Any] ?? []) + [["source": "cmp", "target": "TH", "kind": "located_in"]]
        let placed = "\(dir)/victims-placed.json"
        try JSONSerialization.data(withJSONObject: withPlace).write(to: URL(fileURLWithPath: placed))
        for (name, args, input) in [("t.svg", ["timeline"], RenderCLITests.victims), ("m.svg", ["render", "--layout", "geo"], placed)] {
            let plain = try tnet(args + [input, "-o", "\(dir)/plain-\(name)"])
            #expect(plain.code == 0, "\(plain.err)")
            let r = try tnet(args + [input, "-o", "\(dir)/\(name)", "--redact", "victims"])
            #expect(r.code == 0, "\(r.err)")
            let svg = try String(contentsOfFile: "\(dir)/\(name)", encoding: .utf8)
            _ = try XMLDocument(data: Data(svg.utf8), options: [])
            for secret in RenderCLITests.secrets {
                #expect(!svg.contains(secret), "\(name) holds \(secret)")
                #expect(!r.err.contains(secret), "\(name) stderr holds \(secret)")
            }
            #expect(svg.contains("protected persons redacted"))
        }
        let plainTimeline = try String(contentsOfFile: "\(dir)/plain-t.svg", encoding: .utf8)
        let plainMap = try String(contentsOfFile: "\(dir)/plain-m.svg", encoding: .utf8)
        #expect(RenderCLITests.secrets.contains { plainTimeline.contains($0) || plainMap.contains($0) })
    }

    @Test func geoMapOfTheBundledDataset() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try tnet(["render", "datasets/mekong-2023.json", "--layout", "geo", "-o", dir + "/m.svg"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("not placed"))
        let svg = try String(contentsOfFile: dir + "/m.svg", encoding: .utf8)
        _ = try XMLDocument(data: Data(svg.utf8), options: [])
        #expect(svg.contains("Natural Earth"))
        #expect(svg.contains("trafficked_to"))
        let zoom = try tnet(["render", "datasets/mekong-2023.json", "--layout", "geo", "--bounds", "90,0,125,30", "-o", dir + "/z.svg"])
        #expect(zoom.code == 0)
        #expect(zoom.err.contains("outside the view"))
    }

    /// A map on which nothing can be placed is an error, not an empty SVG (a directed path of
    /// plain nodes: no coordinates, no country, nothing located_in).
    @Test func nothingPlacedIsAnError() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "a b\nb c\n".write(toFile: dir + "/p.el", atomically: true, encoding: .utf8)
        let r = try tnet(["render", dir + "/p.el", "--layout", "geo", "-o", dir + "/m.svg"])
        #expect(r.code == 1, "\(r.err)")
        #expect(r.err.contains("map: none of the 3 entities can be placed"), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1, "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/m.svg"))
    }

    @Test func usageErrors() throws {
        #expect(try tnet(["render", "datasets/mekong-2023.json", "--layout", "geo", "-o", "/tmp/x.png"]).code == 2)
        #expect(try tnet(["render", "datasets/mekong-2023.json", "--layout", "geo", "--bounds", "10,0,5,30", "-o", "/tmp/x.svg"]).code == 2)
        #expect(try tnet(["render", "datasets/mekong-2023.json", "--layout", "tree", "-o", "/tmp/x.svg"]).code == 2)
        #expect(try tnet(["timeline", "datasets/mekong-2023.json", "-o", "/tmp/x.png"]).code == 2)
        #expect(try tnet(["timeline", "datasets/mekong-2023.json", "--since", "2024", "--until", "2023", "-o", "/tmp/x.svg"]).code == 2)
        #expect(try tnet(["timeline", "datasets/mekong-2023.json", "--since", "last year", "-o", "/tmp/x.svg"]).code == 2)
    }

    @Test func helpSaysEveryOption() throws {
        let t = try tnet(["timeline", "--help"])
        for option in ["--output", "--title", "--width", "--theme", "--since", "--until", "--redact", "--as-of", "--kinds", "--top", "--link-limit", "no dates and are not drawn"] {
            #expect(t.out.contains(option), "timeline --help lacks \(option)")
        }
        let r = try tnet(["render", "--help"])
        for option in ["--layout", "--bounds", "Natural Earth", "Graphviz cannot draw"] {
            #expect(r.out.contains(option), "render --help lacks \(option)")
        }
    }
}
