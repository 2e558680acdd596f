import Foundation
import Testing
import TNetModel
@testable import TNetIO

private func table(_ text: String) throws -> CSVTable {
    try CSVTable.read(InputFile(name: "t.csv", bytes: Array(text.utf8)))
}

private func readError(_ text: String) -> ReadError? {
    do { _ = try table(text); return nil } catch let e as ReadError { return e } catch { return nil }
}

/// Writes `files` (name → text) into a fresh folder and returns its path.
private func folder(_ files: [String: String]) throws -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tnet-csvtable-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/" + name)) }
    return dir
}

@Suite struct CSVTableTests {
    /// Every line end and quoting rule of RFC 4180 in one file, worked by hand:
    ///
    ///     line 1  id,name⏎(CRLF)           the header
    ///     line 2  a,"x, ""y"""⏎(CR alone)  a comma and doubled quotes inside quotes: x, "y"
    ///     line 3  b,"two⏎(LF)              a quoted line break: the row goes on…
    ///     line 4  lines"⏎                  …to here, and the next row is on line 5
    ///     line 5  ⏎                        a blank line: no row
    ///     line 6  c,                       no line end at the end of the file: c and an empty cell
    @Test func splitsRecordsOnBytesWithTheirLines() throws {
        let t = try table("id,name\r\na,\"x, \"\"y\"\"\"\rb,\"two\nlines\"\n\nc,")
        #expect(t.columns.map(\.name) == ["id", "name"])
        #expect(t.rows.map(\.line) == [2, 3, 6])
        #expect(t.rows.map(\.cells) == [["a", "x, \"y\""], ["b", "two\nlines"], ["c", ""]])

        // A quote is a quote only at a field's start; elsewhere it is text.
        #expect(try table("id,name\na,say \"hi\"\n").rows[0].cells == ["a", "say \"hi\""])
        // Semicolons when the header has no comma; the comma is then text (a decimal comma).
        let semi = try table("a;b\n1,5;x\n")
        #expect(semi.decimalComma && semi.rows[0].cells == ["1,5", "x"])
        // A byte-order mark is not part of the first column's name.
        #expect(try CSVTable.read(InputFile(name: "t.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("id\nx\n".utf8))).columns[0].name == "id")
    }

    /// Errors say the line and the column in characters, not bytes: `Nguyễn` has one character
    /// (U+1EC5) of three bytes. In `n,"Nguyễn" Thị` the characters before the space are n , "
    /// N g u y ễ n " (10), so the text after the closing quote starts at column 11.
    @Test func errorsAreAtTheirLineAndColumn() throws {
        let after = try #require(readError("id,name\nn,\"Nguy\u{1EC5}n\" Th\u{1ECB}\n"))
        #expect(after.location?.line == 2 && after.location?.column == 11, "\(after)")
        #expect(after.message.contains("after the closing quote"))

        // An unterminated quote is reported where it opens (line 3, column 3), even though the
        // file runs on past it.
        let open = try #require(readError("id,name\na,b\nc,\"never closed\nd,e\n"))
        #expect(open.location?.line == 3 && open.location?.column == 3 && open.message.contains("never closed"), "\(open)")

        // After a quoted line break, the lines still count: the long row is on line 4.
        let long = try #require(readError("id,name\na,\"1\n2\"\nb,c,d\n"))
        #expect(long.location?.line == 4 && long.message.contains("3 cells"), "\(long)")
    }

    /// A table read in chunks of two rows is the table read whole: the same entities, links,
    /// endpoints (a dangling one and a repeated id among them), positions and issues in the
    /// order of the rows. Worked by hand:
    ///
    ///     entities.csv          links.csv
    ///     2 a,syndicate,B2      2 a,b,1      → (a, b)
    ///     3 b,compound,Z9  ✗    3 b,x,2      → (b, dangling x)
    ///     4 ,node,         ✗    4 c,a,heavy ✗ → (c, a), no weight
    ///     5 c,person,           5 a,,3      ✗ dropped
    ///     6 a,node,  (repeat)   6 c,b,4      → (c, b)
    @Test func chunksJoinAsOneTable() throws {
        let dir = try folder([
            "entities.csv": "id,kind,confidence\na,syndicate,B2\nb,compound,Z9\n,node,\nc,person,\na,node,\n",
            "links.csv": "source,target,weight\na,b,1\nb,x,2\nc,a,heavy\na,,3\nc,b,4\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let whole = try CSVDatasetReader.read(path: dir, options: ReadOptions(), rowsPerChunk: 65_536)
        let pairs = try CSVDatasetReader.read(path: dir, options: ReadOptions(), rowsPerChunk: 2)
        for (d, issues) in [whole, pairs] {
            #expect(d.entities.map(\.id) == ["a", "b", "c", "a"])
            #expect((0 ..< d.links.count).map { d.endpoints(ofLink: $0).source } == [0, 1, 2, 2])
            #expect((0 ..< d.links.count).map { d.endpoints(ofLink: $0).target } == [1, nil, 0, 1])
            #expect(d.links.map(\.weight) == [1, 2, nil, 4])
            #expect((0 ..< d.links.count).map { d.locations?.link($0)?.line } == [2, 3, 4, 6])
            #expect((0 ..< d.entities.count).map { d.locations?.entity($0)?.line } == [2, 3, 5, 6])
            #expect(issues.map { $0.location?.line } == [3, 4, 4, 5])
            #expect(issues.map { $0.location.map { URL(fileURLWithPath: $0.file).lastPathComponent } }
                    == ["entities.csv", "entities.csv", "links.csv", "links.csv"])
        }
        #expect(whole.issues == pairs.issues)
        #expect(NativeJSONWriter.write(whole.dataset) == NativeJSONWriter.write(pairs.dataset))
    }

    /// A link table alone implies its entities, ordered by the bytes of their ids whatever
    /// chunk names them first. Ids that are canonically equal but differ in bytes (é as one
    /// character, and e with a combining accent) are one entity, as the dataset's index finds
    /// them: Swift's `String` equality, not a byte table.
    @Test func impliedEntitiesAreOrderedAndCanonical() throws {
        let dir = try folder(["calls.csv": "caller,callee\nzed,amy\nbob,amy\n\u{E9}mile,bob\ne\u{301}mile,zed\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/calls.csv"
        for chunk in [1, 65_536] {
            let (d, _) = try CSVDatasetReader.read(path: path, options: ReadOptions(), rowsPerChunk: chunk)
            // Bytes: a(61) < b(62) < z(7A) < é(C3 A9); the e+combining form is the same id.
            #expect(d.entities.map(\.id) == ["amy", "bob", "zed", "\u{E9}mile"])
            #expect(d.validate().filter { $0.severity == .error }.isEmpty)
            #expect((0 ..< d.links.count).map { d.endpoints(ofLink: $0).source } == [2, 1, 3, 3])
        }
        // All ASCII: the byte table's path, the same order.
        let ascii = try folder(["calls.csv": "caller,callee\nzed,amy\nbob,amy\nab,bob\na,zed\n"])
        defer { try? FileManager.default.removeItem(atPath: ascii) }
        for chunk in [1, 65_536] {
            let (d, _) = try CSVDatasetReader.read(path: ascii + "/calls.csv", options: ReadOptions(), rowsPerChunk: chunk)
            #expect(d.entities.map(\.id) == ["a", "ab", "amy", "bob", "zed"])
            #expect((0 ..< d.links.count).map { d.endpoints(ofLink: $0).target } == [2, 2, 3, 4])
        }
    }

    /// A call's date is read as both ends of the link's period from one cell (not a copy in
    /// every row), in the layout given.
    @Test func aDateColumnIsTheLinksDay() throws {
        let dir = try folder(["calls.csv": "caller;callee;Datum;Dauer\nx;y;21/01/2022;2194,5\ny;x;;3\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = ReadOptions()
        options.dateFormat = DateFormat("%d/%m/%Y")
        options.columns = ["weight": "Dauer", "date": "Datum"]
        let (d, issues) = try CSVDatasetReader.read(path: dir + "/calls.csv", options: options, rowsPerChunk: 1)
        #expect(d.links[0].period == Period(from: PartialDate("2022-01-21"), to: PartialDate("2022-01-21")))
        #expect(d.links[1].period == nil)
        #expect(d.links.map(\.weight) == [2194.5, 3])
        #expect(issues.allSatisfy { $0.severity == .warning }, "\(issues)")
    }
}
