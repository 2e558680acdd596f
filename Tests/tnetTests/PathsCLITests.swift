import Foundation
import Testing

/// `tnet path`, `distances`, `components`, `cutpoints`, `flow` and `ego` on Fixtures/routes.json,
/// a network small enough to work by hand:
///
///     a →b (A1, 2020) → d (A1, 2021) → e (B2, from 2023) → f
///     a →c (C3, 2022) → d (C3, 2019)         e → w (victim) → g
///     a → v (victim, A1) → e (A1)            y1 → y2        z, m alone
///
/// Routes a→e: a-v-e (2 links), a-b-d-e and a-c-d-e (3 each). Reliability: a-b-d-e
/// 1·1·0.64 = 0.64, a-c-d-e 0.36·0.36·0.64 = 0.082944 (C3 = 0.6·0.6). Time order: a-c-d-e needs
/// 2022 then 2019, so it is not time-respecting.
@Suite struct PathsCLITests {
    let file = "Tests/tnetTests/Fixtures/routes.json"

    func json(_ args: [String]) throws -> [String: Any] {
        let r = try tnet(args + ["--format", "json"])
        #expect(r.code == 0, "\(r.err)")
        return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
    }

    func paths(_ args: [String]) throws -> [(cost: Double, nodes: [String])] {
        (try json(["path", file] + args)["paths"] as! [[String: Any]]).map { ($0["cost"] as! Double, $0["nodes"] as! [String]) }
    }

    @Test func routes() throws {
        #expect(try paths(["a", "e"]).map(\.nodes) == [["a", "v", "e"]])
        let two = try paths(["a", "e", "--avoid", "v", "--k", "3"])
        #expect(two.map(\.cost) == [3, 3])
        #expect(Set(two.map(\.nodes)) == [["a", "b", "d", "e"], ["a", "c", "d", "e"]])
        #expect(try paths(["a", "e", "--avoid", "v", "--k", "3", "--time-respecting"]).map(\.nodes) == [["a", "b", "d", "e"]])
        #expect(try paths(["a", "e", "--via", "official", "--k", "5"]).map(\.nodes) == [["a", "c", "d", "e"]])
        let reliable = try json(["path", file, "a", "e", "--reliable", "--avoid", "v", "--k", "2"])["paths"] as! [[String: Any]]
        #expect(reliable.map { $0["nodes"] as! [String] } == [["a", "b", "d", "e"], ["a", "c", "d", "e"]])
        let r = reliable.map { $0["reliability"] as! Double }
        #expect(abs(r[0] - 0.64) < 1e-12 && abs(r[1] - 0.082944) < 1e-12)
        // Every step names the link taken, with its grade.
        let links = (reliable[0]["links"] as! [[String: Any]]).map { "\($0["kind"]!) \($0["confidence"]!)" }
        #expect(links == ["employs A1", "employs A1", "operates B2"])
    }

    @Test func distancesAndReach() throws {
        #expect(try tnet(["distances", file, "a", "--format", "csv"]).out
                == "id,distance\na,0\nb,1\nc,1\nv,1\nd,2\ne,2\nf,3\nw,3\ng,4\n")
        #expect(try tnet(["distances", file, "e", "--reverse", "--format", "csv"]).out
                == "id,distance\ne,0\nd,1\nv,1\na,2\nb,2\nc,2\n")
        #expect(try tnet(["distances", file, "a", "--max-hops", "1", "--format", "csv"]).out == "id,distance\na,0\nb,1\nc,1\nv,1\n")
    }

    /// Sizes 9, 2, 1, 1: the two singletons ordered by id (m before z).
    @Test func componentsNumberedBySize() throws {
        #expect(try tnet(["components", file, "--format", "csv"]).out
                == "id,component\na,0\nb,0\nc,0\nd,0\ne,0\nf,0\ng,0\nv,0\nw,0\ny1,1\ny2,1\nm,2\nz,3\n")
    }

    /// e holds f and w's branch; the victim w holds g: both articulation points, w marked protected.
    @Test func cutpoints() throws {
        let j = try json(["cutpoints", file])
        #expect(j["articulation_points"] as! [String] == ["e", "w"])
        #expect(j["protected"] as! [String] == ["w"])
        #expect(j["bridges"] as! [[String]] == [["e", "f"], ["e", "w"], ["g", "w"], ["y1", "y2"]])
    }

    /// Two link-disjoint routes a→e (through v, and through d). The fewest entities between them
    /// would be {d, v}, but v is a victim: no vertex cut without a victim; with victims filtered
    /// out, {d} alone.
    @Test func flowAndForcedCriminality() throws {
        let j = try json(["flow", file, "--from", "a", "--to", "e", "--vertex-cut"])
        #expect(j["value"] as! Double == 2)
        #expect((j["cut"] as! [[String]]).count == 2)
        #expect(j["cut_nodes"] is NSNull)
        #expect(j["protected_excluded"] as! Int == 2)
        let filtered = try json(["flow", file, "--from", "a", "--to", "e", "--vertex-cut", "--exclude-role", "victim"])
        #expect(filtered["value"] as! Double == 1)
        #expect(filtered["cut_nodes"] as! [String] == ["d"])
        let r = try tnet(["flow", file, "--from", "a", "--to", "e", "--vertex-cut"])
        #expect(r.err.contains("the vertex cut takes only targets under the target policy") && r.err.contains("(2 protected persons"))
    }

    @Test func badRequestsAreOneLineErrors() throws {
        for args in [["path", file, "a", "nobody"], ["path", file, "a", "e", "--avoid", "a"],
                     ["flow", file, "--from", "a", "--to", "a"], ["distances", file, "a", "--avoid", "unicorn"]] {
            let r = try tnet(args)
            #expect(r.code != 0 && r.out.isEmpty, "\(args)")
            #expect(r.err.hasPrefix("tnet: error: ") && r.err.split(separator: "\n").count == 1, "\(args): \(r.err)")
        }
    }

    @Test func egoWritesTheNeighbourhood() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-ego-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("ego.json").path
        #expect(try tnet(["ego", file, "d", "--radius", "1", "-o", out]).code == 0)
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        // d's neighbours either way: b, c, e.
        #expect(Set((written["entities"] as! [[String: Any]]).map { $0["id"] as! String }) == ["b", "c", "d", "e"])
    }
}

@Suite struct ProjectionCLITests {
    /// Onto the persons (a, b, v, f, w, g, y1, y2, z, m). The other entities and their person
    /// neighbours, links taken either way: c {a}, d {b}, e {v, f, w}. Only e joins two or more,
    /// so the pairs are v–f, v–w, f–w (in file order of the entities), each sharing e.
    @Test func projectionOntoPersons() throws {
        let r = try tnet(["project", "Tests/tnetTests/Fixtures/routes.json", "--onto", "person"])
        #expect(r.code == 0, "\(r.err)")
        let j = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        let links = (j["links"] as! [[String: Any]]).map { l -> String in
            let through = (l["attributes"] as! [String: Any])["through"] as! [String]
            return "\(l["source"]!)-\(l["target"]!) \((l["weight"] as! NSNumber).intValue) \(through)"
        }
        #expect(links == ["v-f 1 [\"e\"]", "v-w 1 [\"e\"]", "f-w 1 [\"e\"]"])
    }

    /// Through c alone (its one person neighbour is a) no two persons share a neighbour: the
    /// output has the ten persons and no link, and a note says why.
    @Test func emptyProjectionIsSaid() throws {
        let r = try tnet(["project", "Tests/tnetTests/Fixtures/routes.json", "--onto", "person", "--through", "c"])
        #expect(r.code == 0, "\(r.err)")
        let j = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect((j["entities"] as! [Any]).count == 10 && (j["links"] as! [Any]).isEmpty)
        #expect(r.err.contains("note: no two of the 10 entities kept share a neighbour among --through: the projection has no links"), "\(r.err)")
    }

    /// 2-core of the undirected view: a, b, c, d, e, v (the cycle a-b-d-e-v and a-c-d); f, w, g,
    /// y1, y2, z, m have fewer than two links inside.
    @Test func twoCore() throws {
        let r = try tnet(["kcore", "Tests/tnetTests/Fixtures/routes.json", "--k", "2"])
        #expect(r.code == 0, "\(r.err)")
        let j = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect(Set((j["entities"] as! [[String: Any]]).map { $0["id"] as! String }) == ["a", "b", "c", "d", "e", "v"])
        #expect((j["links"] as! [Any]).count == 7)
    }
}
