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
        // The bundled dataset's places all lie outside a view of the Atlantic.
        let away = try tnet(["render", "datasets/mekong-2023.json", "--layout", "geo", "--bounds=-40,0,-20,20", "-o", dir + "/m.svg"])
        #expect(away.code == 1 && away.err.contains("placed entities lies inside --bounds; nothing to draw"), "\(away.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/m.svg"))
    }

    /// A measure that does not converge ranks nothing (helper-66). K15 and a 25-cycle: λmax is
    /// 14 (K15's), so Katz with NetworkX's alpha 0.1 > 1/14 diverges. `render --top 5 --by katz`
    /// and `--size-by katz` are errors naming the bound (before: n00–n04 drawn as "the 5 with
    /// the highest katz"); `diff --measure katz` says under its table why it is empty.
    @Test func aMeasureNotComputedDrawsNothing() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var pairs: [(Int, Int)] = []
        for i in 0 ..< 15 { for j in i + 1 ..< 15 { pairs.append((i, j)) } }
        for i in 0 ..< 25 { pairs.append((15 + i, 15 + (i + 1) % 25)) }
        let links = pairs.map { "{\"source\":\"n\($0.0)\",\"target\":\"n\($0.1)\",\"kind\":\"colludes_with\"}" }
        let entities = (0 ..< 40).map { "{\"id\":\"n\($0)\",\"kind\":\"person\"}" }
        try "{\"format\":\"tnet/1\",\"entities\":[\(entities.joined(separator: ","))],\"links\":[\(links.joined(separator: ","))]}"
            .write(toFile: dir + "/k.json", atomically: true, encoding: .utf8)
        for args in [["--top", "5", "--by", "katz"], ["--size-by", "katz"]] {
            let r = try tnet(["render", dir + "/k.json", "-o", dir + "/k.svg"] + args)
            #expect(r.code == 1 && r.err.contains("error: \(args[args.count - 2]): katz: not computed: ") && r.err.contains("1/λmax = 0.071428"), "\(r.err)")
            #expect(!FileManager.default.fileExists(atPath: dir + "/k.svg"))
        }
        let diff = try tnet(["diff", dir + "/k.json", dir + "/k.json", "--measure", "katz"])
        #expect(diff.code == 0 && diff.out.contains("(before: katz: not computed: "), "\(diff.out)")
        #expect(diff.out.contains("diff uses NetworkX's defaults; tnet centrality --measure katz takes --alpha"), "\(diff.out)")
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
