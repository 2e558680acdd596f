import Testing
import TNetModel
@testable import TNetIO

/// The review file of `tnet merge` (issue 20): written with its evidence, edited by an
/// investigator in a spreadsheet, read back as judgements with file:line errors.
@Suite struct ReviewFileTests {
    /// Two compounds of one name and no identifier (p = 0.95, below no automatic rule): one
    /// review row; a name that starts like a formula is shown, not run.
    static func candidates() -> [MergeCandidate] {
        let a = Dataset(entities: [Entity(id: "c1", kind: .compound, name: "=HYPERLINK(\"x\")")])
        let b = Dataset(entities: [Entity(id: "c9", kind: .compound, name: "=HYPERLINK(\"x\")")])
        return DatasetMerge([("A", a), ("B", b)]).review
    }

    @Test func writtenWithEvidence() {
        let c = Self.candidates()
        #expect(c.count == 1)
        let text = String(decoding: ReviewFile.csv(c), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "decision,probability,left,left_name,left_kind,right,right_name,right_kind,name_similarity,for,against")
        // −1 + 4 = 3: p = 1 / (1 + e^−3) = 0.9526 → 0.95.
        #expect(lines[1].hasPrefix(",0.95,A:c1,\"'=HYPERLINK(\"\"x\"\")\",compound,B:c9,"))
        #expect(lines[1].contains("100% alike"))
    }

    /// The investigator's edits read back: empty rows skipped, any case, each with file:line.
    @Test func judgementsReadBack() throws {
        let csv = """
        decision,probability,left,right
        SAME,0.95,A:c1,B:c9
        ,0.5,A:c2,B:c8
        different,0.4,A:c3,B:c7
        unsure,0.3,A:c4,B:c6

        """
        let j = try ReviewFile.judgements(InputFile(name: "review.csv", bytes: Array(csv.utf8)))
        #expect(j.map(\.decision) == [.same, .different, .unsure])
        #expect(j[0].left == RecordReference(tag: "A", id: "c1") && j[0].right == RecordReference(tag: "B", id: "c9"))
        #expect(j.map(\.origin) == ["review.csv:2", "review.csv:4", "review.csv:5"])
    }

    /// A decision that is none of the three, a reference without a tag and a missing column are
    /// one-line errors at their place.
    @Test func errorsSayWhere() {
        func error(_ csv: String) -> String {
            do { _ = try ReviewFile.judgements(InputFile(name: "r.csv", bytes: Array(csv.utf8))); return "none" } catch { return "\(error)" }
        }
        #expect(error("left,right,decision\nA:x,B:y,maybe\n") == "r.csv:2:3: decision \"maybe\" is not same, different or unsure")
        #expect(error("left,right,decision\nx,B:y,same\n") == "r.csv:2:1: left \"x\" is not tag:id")
        #expect(error("left,decision\nA:x,same\n").hasPrefix("r.csv:1:1: no \"right\" column"))
    }

    /// An id holding a colon keeps it: the tag is up to the first colon.
    @Test func referenceWithColon() {
        #expect(RecordReference("ngo-b:case:17") == RecordReference(tag: "ngo-b", id: "case:17"))
        #expect(RecordReference("nocolon") == nil)
    }
}
