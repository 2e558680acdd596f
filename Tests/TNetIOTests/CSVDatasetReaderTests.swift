import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// Writes `files` (name → text, bytes as given) into a fresh folder and returns its path.
private func folder(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-csv-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
    return dir
}

private func readError(_ path: String) -> ReadError? {
    do { _ = try DatasetFormat.read(path: path); return nil } catch let e as ReadError { return e } catch { return nil }
}

@Suite struct CSVDatasetReaderTests {
    /// Fixtures/csv/spreadsheet is what a spreadsheet saves after hand editing: a byte-order
    /// mark, CRLF line ends, quoted fields with commas, doubled quotes and a line break, empty
    /// cells, a short row, a blank line, and columns tnet does not know (`Notes`, `Analyst`,
    /// typed `beds:int`, links' `comment`).
    @Test func readsHandEditedSpreadsheetExport() throws {
        let (d, issues) = try DatasetFormat.read(path: fixture("csv/spreadsheet"))
        #expect(issues.isEmpty, "\(issues)")
        #expect(d.validate().isEmpty, "\(d.validate())")
        #expect(d.entities.map(\.id) == ["syn-x", "cmp-1", "mm", "rec-1", "grp-1"])
        let syn = try #require(d[id: "syn-x"])
        #expect(syn.kind == .syndicate && syn.name == "Syndicate X, Ltd.")
        #expect(syn.confidence?.description == "B2" && syn.sources == ["s1", "s2"])
        #expect(syn.period == Period(from: PartialDate("2019"), to: nil))
        #expect(syn.attributes["Notes"] == .string("said \"boss\" lives, in Yangon"))
        #expect(syn.attributes["beds"] == nil && syn.attributes["Analyst"] == nil)  // empty cells: absent
        let cmp = try #require(d[id: "cmp-1"])
        #expect(cmp.country == "mm" && cmp.attributes["beds"] == .int(1200))
        #expect(cmp.period == Period(from: PartialDate("2020-05"), to: PartialDate("2023-10")))
        let rec = try #require(d[id: "rec-1"])
        #expect(rec.role == .recruiter && rec.attributes["Notes"] == .string("line one\r\nline two"))
        #expect(rec.attributes["Analyst"] == .string("K."))
        let grp = try #require(d[id: "grp-1"])  // a row shorter than the header
        #expect(grp.role == .survivor && grp.name == "Survivors (aggregate)" && grp.confidence == nil)
        // Rows keep the line they start on: rec-1 spans lines 5–6, a blank line 7, grp-1 on 8.
        #expect(d.locations?.entity(3)?.line == 5 && d.locations?.entity(4)?.line == 8)

        #expect(d.links.count == 4)
        #expect(d.links[0].weight == 2 && d.links[0].attributes["comment"] == .string("ok, confirmed"))
        #expect(d.links[1].weight == nil && d.links[1].kind == .memberOf)
        #expect(d.links[2].sources == ["s1", "s2"] && d.links[2].weight == 1.5)
        #expect(d.links[3].kind == .rescuedFrom && d.links[3].period == Period(from: PartialDate("2023-10"), to: PartialDate("2023-10")))
        #expect(d.sources.map(\.id) == ["s1", "s2"])
        #expect(d.sources[0].title == "Online scam operations, a report" && d.sources[0].date == PartialDate("2023-08"))
        #expect(d.sources[1].url == nil)
        // The files pair can also be named directly.
        let (same, _) = try DatasetFormat.read(path: fixture("csv/spreadsheet/entities.csv"))
        #expect(same.entities.count == 5 && same.links.count == 4)
    }

    @Test func missingRequiredColumnIsNamed() throws {
        let e = try #require(readError(fixture("csv/missing-column")))
        #expect(e.description.contains("missing-column/links.csv:1:1: "))
        #expect(e.message.hasPrefix("missing required column \"target\""))
        let noID = try folder(["entities.csv": "name,kind\nA,syndicate\n", "links.csv": "source,target\n"])
        defer { try? FileManager.default.removeItem(atPath: noID) }
        #expect(readError(noID)?.message.hasPrefix("missing required column \"id\"") == true)
    }

    @Test func badFilesFailWithLineAndColumn() throws {
        let dir = try folder([
            "entities.csv": "id,kind,name\na,syndicate,\"unterminated\nb,compound,B\n",
            "links.csv": "source,target\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let e = try #require(readError(dir))
        #expect(e.location?.line == 2 && e.location?.column == 13)  // the opening quote
        #expect(e.message.contains("quote"))

        // Text after a closing quote: CSV.swift would read the rest of the file into the cell.
        let after = try folder(["entities.csv": "id,name\na,\"ACME\" Ltd\nb,B\n", "links.csv": "source,target\n"])
        defer { try? FileManager.default.removeItem(atPath: after) }
        let ae = try #require(readError(after))
        #expect(ae.location?.line == 2 && ae.location?.column == 9 && ae.message.contains("after the closing quote"))

        let long = try folder(["entities.csv": "id,kind\na,syndicate,extra\n", "links.csv": "source,target\n"])
        defer { try? FileManager.default.removeItem(atPath: long) }
        #expect(readError(long)?.location?.line == 2)

        let twice = try folder(["entities.csv": "id,kind,id\na,syndicate,b\n", "links.csv": "source,target\n"])
        defer { try? FileManager.default.removeItem(atPath: twice) }
        #expect(readError(twice)?.message.contains("appears twice") == true)

        let empty = try folder([:])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(readError(empty)?.message.contains("is a directory") == true)
    }

    /// Bad values are reported per row, with the row's line; the rest of the file still loads.
    @Test func badValuesAreIssuesWithTheirLine() throws {
        let dir = try folder([
            "entities.csv": "id,kind,confidence,from,count:int\na,syndicate,Z9,2023,1\nb,compound,B2,2023-13,x\n,node,,,\n",
            "links.csv": "source,target,weight\na,b,heavy\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (d, issues) = try DatasetFormat.read(path: dir)
        #expect(d.entities.map(\.id) == ["a", "b"])
        #expect(issues.map { $0.location?.line ?? 0 } == [2, 3, 3, 4, 2])
        #expect(issues.allSatisfy { $0.severity == .error })
        #expect(issues[2].message.contains("count") && issues[4].message.contains("weight"))
    }

    /// A links.csv on its own is a plain edge table: entities are implied (with a warning).
    @Test func linksAloneArePlainGraph() throws {
        let dir = try folder(["links.csv": "source,target,weight\na,b,2\nb,c,\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (d, issues) = try DatasetFormat.read(path: dir + "/links.csv")
        #expect(d.entities.map(\.id) == ["a", "b", "c"] && d.entities.allSatisfy { $0.kind == .node })
        #expect(issues.count == 1 && issues[0].severity == .warning)
        #expect(d.links.map(\.kind) == [.link, .link] && d.links[0].weight == 2)
    }

    /// Cells a spreadsheet may run as formulas, counted by hand over the cells written: the
    /// name "=HYPERLINK(…)" (1), the attribute "@SUM(1+1)" (2), the link's "-2+3" (3; "-3.5"
    /// is a number, not counted), "-inf" (4: not a finite number), the source title "+cmd"
    /// (5), the attribute key "=cmd()" that heads a column (6); a list ["=x"] is written as
    /// JSON ("[…"), not counted; the id "a" and the kind "person" are plain.
    @Test func formulaLikeCellsAreCounted() throws {
        let d = Dataset(
            entities: [Entity(id: "a", kind: .person, name: "=HYPERLINK(\"http://x/\",\"x\")",
                              attributes: ["f": .string("@SUM(1+1)"), "=cmd()": .string("x"), "l": .list([.string("=x")]), "i": .string("-inf")]),
                       Entity(id: "b", kind: .person)],
            links: [Link(source: "a", target: "b", kind: .controls, attributes: ["n": .string("-3.5"), "m": .string("-2+3")])],
            sources: [Source(id: "s", title: "+cmd")])
        let files = CSVDatasetFiles(path: "/tmp/x/")!
        #expect(try CSVDatasetWriter.written(d, to: files).formulaCells == 6)
    }
}
