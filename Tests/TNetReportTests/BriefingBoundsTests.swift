import Testing
import TNetIO
import TNetModel
@testable import TNetReport

/// The briefing's long tables and lists are cut, with a line saying so and where the rest is
/// (helper-54: at 100,000 entities report.md was 2.5 MB, its corruption table 5,000 rows and a
/// community's row 34 KB). Checked on the bundled dataset with the limits set low: its largest
/// community has more than two members, and it has more than one community and state actor.
@Suite struct BriefingBoundsTests {
    @Test func tablesAndListsAreCutWithALine() throws {
        let d = try Dataset.load("datasets/mekong-2023.json").dataset
        let b = try Briefing(dataset: d, provenance: .init(tool: "tnet test", inputs: [("mekong-2023.json", "00")], filters: "",
                                                          redacted: false, generated: "2026-12-05"))
        let full = BriefingDocument(b: b, diagramSVG: "", chartSVG: "").blocks
        let cut = BriefingDocument(b: b, diagramSVG: "", chartSVG: "", rowLimit: 1, nameLimit: 2).blocks
        func table(_ blocks: [Block], _ first: String) -> [[[Inline]]]? {
            for case .table(let header, let rows) in blocks where header.first == first { return rows }
            return nil
        }
        func paragraphs(_ blocks: [Block]) -> [String] {
            blocks.compactMap { block -> String? in
                guard case .paragraph(let items) = block else { return nil }
                return items.map { if case .text(let s) = $0 { return s } else { return "" } }.joined()
            }
        }
        let communities = try #require(table(full, "community"))
        let corruption = try #require(table(full, "state actor"))
        #expect(communities.count > 1 && corruption.count > 1)
        #expect(table(cut, "community")?.count == 1 && table(cut, "state actor")?.count == 1)
        let said = paragraphs(cut)
        #expect(said.contains("The first 1 of the \(communities.count) communities of more than one member are shown; report.json holds them all."))
        #expect(said.contains("The first 1 of the \(corruption.count) state actors are shown; report.json holds them all."))
        // The first community's members: two names, then how many more.
        guard case .text(let size) = communities[0][1][0], let n = Int(size), case .text(let members) = table(cut, "community")![0][2][0] else {
            Issue.record("no members cell"); return
        }
        #expect(n > 2)
        #expect(members.hasSuffix("; and \(n - 2) more (report.json lists them all)") && members.components(separatedBy: "; ").count == 3, "\(members)")
        #expect(!paragraphs(full).contains { $0.contains("report.json holds them all") })
    }
}
