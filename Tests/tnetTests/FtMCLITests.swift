import Foundation
import Testing

/// FollowTheMoney through the command line: `convert` writes `.ftm.jsonl` by extension and names
/// what it leaves out; every command reads it through the normal load path; `--redact victims`
/// reaches the file.
@Suite struct FtMCLITests {
    @Test func convertWritesFtMAndSaysWhatItLeavesOut() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/mekong.ftm.jsonl"
        let r = try tnet(["convert", "datasets/mekong-2023.json", out])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("tnet: warning: FtM: entity attribute \"role_in_network\" has no property in FtM's PublicBody"))
        let info = try tnet(["info", out, "--format", "json"])
        #expect(info.code == 0, "\(info.err)")
        #expect(info.out.contains("119"))
        // Back to native JSON: the same entities and links.
        let back = dir + "/back.json"
        #expect(try tnet(["convert", out, back]).code == 0)
        let again = try tnet(["info", back])
        #expect(again.out.contains("119") && again.out.contains("239"))
        // --input-format names it when the extension does not.
        let plain = dir + "/list.jsonl"
        try FileManager.default.copyItem(atPath: out, toPath: plain)
        #expect(try tnet(["info", plain, "--input-format", "ftm"]).code == 0)
    }

    @Test func redactedExportNamesNoSurvivor() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let out = dir + "/safe.ftm.jsonl"
        let r = try tnet(["convert", "datasets/mekong-2023.json", "--redact", "victims", out])
        #expect(r.code == 0, "\(r.err)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("survivor-1"))
        #expect(!text.contains("survivors-bamban"))
    }
}
