import Testing
import TNetModel
@testable import TNetIO

/// What exports could not write is said once per kind of loss, counted, with its first place;
/// attribute columns get one type and a name no built-in column has.
@Suite struct ExportLossesTests {
    @Test func oneLinePerLossCountedWithItsFirstPlace() {
        var l = ExportLosses(format: "X")
        #expect(l.isEmpty && l.warnings.isEmpty)
        l.note("weights left out", at: "link 3")
        l.note("dates widened", at: "the dataset")
        l.note("weights left out", at: "link 7")
        l.note("controls replaced", at: "entity a")
        #expect(l.warnings == ["X: weights left out (2 times, first: link 3)", "X: dates widened", "X: controls replaced (at entity a)"])
    }

    @Test func attributeColumnsAreTypedAndRenamedAwayFromBuiltIns() {
        var l = ExportLosses(format: "X")
        let c = ExportAttributeColumns([["n": .int(1), "kind": .string("k")], ["n": .int(2), "tags": .list([.string("a")])],
                                        ["n": .double(0.5), "attr_kind": .bool(true)]],
                                       reserved: ["kind"], emptyStringIsAbsent: false, losses: &l, what: "entity")
        #expect(c.columns.map(\.key) == ["n", "kind", "tags", "attr_kind"])
        #expect(c.columns.map(\.name) == ["n", "attr_kind", "tags", "attr_attr_kind"])
        #expect(c.columns.map(\.type) == [.json, .string, .json, .bool])
        #expect(c.columns.map(\.isStringList) == [false, false, true, false])
        #expect(l.warnings.count == 2)
        #expect(ExportDates.day(PartialDate("2024-02")!, end: true) == "2024-02-29" && ExportDates.day(PartialDate("0900")!, end: false) == "0900-01-01")
    }
}
