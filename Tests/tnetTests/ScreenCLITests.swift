import Foundation
import Testing

/// `tnet screen` (issue 20) on a small FollowTheMoney watch list (Fixtures/screen): the
/// recruiter matches the sanctioned person by passport (written MA-123456 and MA123456) and the
/// company by registration number; the victim, whose name is on the list too, is never screened.
@Suite struct ScreenCLITests {
    static let dir = "Tests/tnetTests/Fixtures/screen/"

    @Test func matchesWithEvidence() throws {
        let r = try tnet(["screen", Self.dir + "case.json", "--against", Self.dir + "watchlist.ftm.jsonl", "--format", "json"])
        #expect(r.code == 0, "\(r.err)")
        let j = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as! [String: Any]
        #expect(j["screened"] as? Int == 3)
        #expect(j["protected_left_out"] as? Int == 1)
        let hits = j["hits"] as! [[String: Any]]
        #expect(hits.map { "\($0["id"]!)=\($0["match"]!)" } == ["aung=os-aung", "golden-star=os-golden"])
        // Passport shared (+7) and the same name (+4) after the honorific U: −1 + 11 = 10.
        #expect(abs((hits[0]["probability"] as! Double) - 1 / (1 + exp(-10.0))) < 1e-9)
        #expect((hits[0]["for"] as! [String]).contains("passport MA123456 in both"))
        #expect(!r.out.contains("somchai"))
    }

    /// The accepted match becomes a sanctions link from the list's authority, citing the list;
    /// the match judged different writes nothing.
    @Test func acceptedMatchesWriteSanctionsLinks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/screened.json"
        let r = try tnet(["screen", Self.dir + "case.json", "--against", Self.dir + "watchlist.ftm.jsonl",
                          "--judgements", Self.dir + "judgements.csv", "-o", out, "--source-url", "https://www.opensanctions.org/"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("tnet: note: 1 sanctions link added, citing watchlist"))
        let d = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [String: Any]
        let links = d["links"] as! [[String: Any]]
        let sanctions = links.filter { $0["kind"] as? String == "sanctions" }
        #expect(sanctions.count == 1)
        #expect(sanctions.first?["target"] as? String == "aung")
        #expect(sanctions.first?["sources"] as? [String] == ["watchlist"])
        let sources = d["sources"] as! [[String: Any]]
        #expect(sources.contains { $0["id"] as? String == "watchlist" && $0["url"] as? String == "https://www.opensanctions.org/" })
        // The output is a valid dataset.
        let v = try tnet(["validate", out])
        #expect(v.code == 0, "\(v.out)\(v.err)")
    }

    /// -o without judgements is a usage error.
    @Test func outputNeedsJudgements() throws {
        let r = try tnet(["screen", Self.dir + "case.json", "--against", Self.dir + "watchlist.ftm.jsonl", "-o", "/tmp/x.json"])
        #expect(r.code != 0)
        #expect(r.err.contains("give the decided review file with --judgements"))
    }
}
