import Foundation
import Testing

/// `tnet merge` and `tnet find` through the command line (issue 20), on the bundled dataset's
/// two NGO versions (datasets/two-ngos/).
@Suite struct MergeCLITests {
    /// With the committed judgements the two files merge back to the bundled counts (119
    /// entities, 239 links, 31 sources), nothing left for review; the review file is written
    /// only when there is something to review, and the crosswalk names every record.
    @Test func mergeWithJudgements() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try tnet(["merge", "datasets/two-ngos/ngo-a.json", "datasets/two-ngos/ngo-b.json", "-o", dir + "/m.json",
                          "--judgements", "datasets/two-ngos/review.csv", "--crosswalk", dir + "/cw.csv"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("merged: 119 entities, 239 links, 31 sources"), "\(r.out)")
        #expect(r.out.contains("left for review: 0 pairs"))
        let info = try tnet(["info", dir + "/m.json"])
        #expect(info.code == 0 && info.out.contains("119") && info.out.contains("239"))
        let cw = try String(contentsOfFile: dir + "/cw.csv", encoding: .utf8)
        #expect(cw.split(separator: "\n").count == 1 + 96 + 102)
        // Without judgements: the candidates go to the review file, most likely first.
        let review = dir + "/review.csv"
        let first = try tnet(["merge", "datasets/two-ngos/ngo-a.json", "datasets/two-ngos/ngo-b.json", "-o", dir + "/m2.json", "--review", review])
        #expect(first.code == 0, "\(first.err)")
        let rows = try String(contentsOfFile: review, encoding: .utf8).split(separator: "\n")
        #expect(rows[0].hasPrefix("decision,probability,left,"))
        #expect(rows.count > 1)
    }

    /// A bad decision in a judgements file is a one-line error at its line, exit 1.
    @Test func badJudgement() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "left,right,decision\nngo-a:india,ngo-b:b-001,yes\n".write(toFile: dir + "/j.csv", atomically: true, encoding: .utf8)
        let r = try tnet(["merge", "datasets/two-ngos/ngo-a.json", "datasets/two-ngos/ngo-b.json", "-o", dir + "/m.json", "--judgements", dir + "/j.csv"])
        #expect(r.code != 0)
        #expect(r.err == "tnet: error: \(dir)/j.csv:2:3: decision \"yes\" is not same, different or unsure\n")
        #expect(!FileManager.default.fileExists(atPath: dir + "/m.json"))
    }

    /// `merge --redact victims` reads its inputs as separate sources, but one redaction keys
    /// pseudonyms by id across them (helper-98: with a victim `p1` in A and a recruiter `p1` in B,
    /// both became `Victim 1`, merged into one, each victim shown recruiting the other). An id
    /// of a protected person that another input also uses is a one-line error at the later
    /// entity, naming neither id nor name, exit 1, nothing written; without redaction the two
    /// stay apart (`p1~B`).
    @Test func redactedMergeRefusesAProtectedIDInTwoInputs() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let head = #"{"format": "tnet/1", "sources": [{"id": "s1", "title": "t"}], "entities": ["#
        try (head + #"{"id": "p1", "kind": "person", "name": "Mai Tran", "role": "victim"}, {"id": "p2", "kind": "person", "name": "Bob Smith", "role": "recruiter"}], "links": [{"source": "p2", "target": "p1", "kind": "recruits_from", "sources": ["s1"]}]}"#)
            .write(toFile: dir + "/A.json", atomically: true, encoding: .utf8)
        try (head + #"{"id": "p1", "kind": "person", "name": "Somchai Prasert", "role": "recruiter"}, {"id": "p2", "kind": "person", "name": "Lan Vu", "role": "victim"}], "links": [{"source": "p1", "target": "p2", "kind": "recruits_from", "sources": ["s1"]}]}"#)
            .write(toFile: dir + "/B.json", atomically: true, encoding: .utf8)
        let r = try tnet(["merge", dir + "/A.json", dir + "/B.json", "--redact", "victims", "-o", dir + "/m.json"])
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("tnet: error: \(dir)/B.json:1:76: this entity's id is also an entity's in \(dir)/A.json, and one of the two is a protected person")
                && r.err.split(separator: "\n").count == 1, "\(r.err)")
        #expect(!["Mai", "Somchai", "Lan Vu", "p1"].contains { r.err.contains($0) })
        #expect(!FileManager.default.fileExists(atPath: dir + "/m.json"))
        let plain = try tnet(["merge", dir + "/A.json", dir + "/B.json", "-o", dir + "/m.json"])
        #expect(plain.code == 0 && plain.out.contains("p1~B"), "\(plain.out)")
        // An id written otherwise (`P_1` for `p1`) is the same id to redaction (helper-99:
        // `Mai-Tran` beside `mai-tran` had passed, and its notes read "Victim 1").
        try String(contentsOfFile: dir + "/B.json", encoding: .utf8).replacingOccurrences(of: "\"p1\"", with: "\"P_1\"")
            .write(toFile: dir + "/C.json", atomically: true, encoding: .utf8)
        let folded = try tnet(["merge", dir + "/A.json", dir + "/C.json", "--redact", "victims", "-o", dir + "/m.json"])
        #expect(folded.code == 1 && folded.err.contains("C.json:1:76: this entity's id is also an entity's"), "\(folded.err)")
    }

    /// find ranks ids, names and aliases; commands take a name, say which entity they took,
    /// and suggest names for one they cannot find.
    @Test func namesEverywhere() throws {
        let f = try tnet(["find", "datasets/mekong-2023.json", "shwe kokko", "--format", "csv"])
        #expect(f.code == 0)
        #expect(f.out.split(separator: "\n")[1] == "shwe-kokko,site,Shwe Kokko (Myawaddy Township),shwe-kokko,id,1.0000,false")
        let p = try tnet(["path", "datasets/mekong-2023.json", "India", "Compound Kayin-1 (composite, Shwe Kokko)", "--undirected", "--format", "json"])
        #expect(p.code == 0, "\(p.err)")
        #expect(p.err.contains("tnet: note: to \"Compound Kayin-1 (composite, Shwe Kokko)\": compound-kayin-1 (compound), by its name"))
        #expect(p.out.contains("\"to\": \"compound-kayin-1\""))
        let bad = try tnet(["path", "datasets/mekong-2023.json", "Indai", "compound-kayin-1"])
        #expect(bad.code != 0)
        #expect(bad.err.hasPrefix("tnet: error: from: no entity \"Indai\"; did you mean india (country, India)"))
        // Under --redact victims a survivor's name finds nothing.
        let safe = try tnet(["find", "datasets/mekong-2023.json", "People rescued at Bamban", "--redact", "victims", "--format", "csv"])
        #expect(safe.out == "id,kind,name,matched,field,score,protected\n")
        // Without it, the table marks them protected, as every label does (helper-52).
        let shown = try tnet(["find", "datasets/mekong-2023.json", "People rescued at Bamban"])
        let row = shown.out.split(separator: "\n").first { $0.contains("rescued") }
        #expect(row?.contains("person [protected]") == true, "\(shown.out)")
        // And so do the CSV and the JSON, in a column of their own.
        let csv = try tnet(["find", "datasets/mekong-2023.json", "People rescued at Bamban", "--format", "csv"])
        let csvRow = csv.out.split(separator: "\n").first { $0.contains("rescued") }
        #expect(csvRow?.hasSuffix(",true") == true, "\(csv.out)")
        let json = try tnet(["find", "datasets/mekong-2023.json", "People rescued at Bamban", "--format", "json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any]
        let first = (parsed?["matches"] as? [[String: Any]])?.first { ($0["name"] as? String)?.contains("rescued") == true }
        #expect(first?["protected"] as? Bool == true, "\(json.out)")
    }

    /// Each output its own file, never an input, in a folder that exists; checked before any
    /// work, so nothing is half written.
    @Test func outputsAreChecked() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = "datasets/two-ngos/ngo-a.json", b = "datasets/two-ngos/ngo-b.json"
        let same = try tnet(["merge", a, b, "-o", dir + "/m.json", "--review", dir + "/m.json"])
        #expect(same.code != 0 && same.err.contains("--review \(dir)/m.json is also -o's file"))
        let input = try tnet(["merge", a, b, "-o", dir + "/m.json", "--crosswalk", a])
        #expect(input.code != 0 && input.err.contains("is an input"))
        let missing = try tnet(["merge", a, b, "-o", dir + "/m.json", "--review", dir + "/nowhere/r.csv"])
        #expect(missing.code != 0 && missing.err.contains("does not exist"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/m.json"))
    }
}
