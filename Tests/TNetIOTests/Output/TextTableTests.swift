import Testing
import TNetModel
@testable import TNetIO

@Suite struct TextTableTests {
    /// A 1,000,000-character cell is shown as its first 200 characters and a count of the rest
    /// (1,000,000 − 200 = 999,800), so one hostile name cannot make a megabyte-long line; a
    /// cell of exactly 200 characters is kept whole.
    @Test func longCellsAreCutWithACount() {
        var t = TextTable(header: ["id", "name"])
        t.append(["a", String(repeating: "x", count: 1_000_000)])
        t.append(["b", String(repeating: "é", count: 200)])
        let lines = t.text.split(separator: "\n")
        #expect(lines[2].hasSuffix(String(repeating: "x", count: 200) + "… (999800 more characters)"))
        #expect(lines[3].hasSuffix(String(repeating: "é", count: 200)))
        #expect(t.text.utf8.count < 1_000)
    }

    /// An edge list read as a dataset has one kind; a dataset whose 100 entities each have a
    /// kind of their own lists the 40 most numerous (ties by name) and says 60 more, 60 in all.
    @Test func summaryTableListsAtMostFortyKinds() {
        var d = Dataset()
        for i in 0 ..< 100 { d.append(Entity(id: "e\(i)", kind: EntityKind("k" + (i < 10 ? "00" : "0") + String(i)))) }
        let text = SummaryListing(DatasetSummary(d), source: ResultSource(file: "x.json")).table
        #expect(text.contains("k039"))
        #expect(!text.contains("k040"))
        #expect(text.contains("(60 more entity kinds, 60 in all; --format csv lists every one)"))
        #expect(SummaryListing(DatasetSummary(d), source: ResultSource(file: "x.json")).csv.contains("k099"))
    }
}
