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

    /// A row of separators with every cell empty is skipped and counted (a warning), and reserves
    /// nothing for the rows after it: a stray line of 1,000 commas once made every later row
    /// hold room for 1,000 cells (helper-57: 16 GB for 50,000 rows after a 16,000-comma line).
    /// A row holds room for at most 32 cells, or the header's width when it is narrower.
    @Test func emptyRowsAreCountedAndReserveNothing() throws {
        let t = try table("source,target,weight\n" + String(repeating: ",", count: 1_000) + "\nn1,n2,3\n\n,,\nn2,n3,4\n")
        #expect(t.rows.map(\.cells) == [["n1", "n2", "3"], ["n2", "n3", "4"]])
        #expect(t.rows.allSatisfy { $0.cells.capacity <= 32 }, "\(t.rows.map { $0.cells.capacity })")
        #expect(t.emptyRows.count == 2 && t.emptyRows.firstLine == 2)  // lines 2 and 5; the blank line 4 is not counted
        let dir = try folder(["calls.csv": "caller,callee\na,b\n,\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (_, issues) = try CSVDatasetReader.read(path: dir + "/calls.csv", options: ReadOptions(), rowsPerChunk: 1)
        #expect(issues.contains { $0.message == "1 row with every cell empty skipped (the first on this line)" && $0.location?.line == 3 }, "\(issues)")
    }

    /// Values are reported at their cell: `a,syndicate,` is 12 characters, so Z9 is at column
    /// 13 of line 2; after a quoted line break (`lines",` is 7 characters on line 4) the bad grade
    /// is at line 4, column 8. A missing target is reported where its cell is (`x,` → column 3).
    @Test func valueErrorsAreAtTheirCell() throws {
        let dir = try folder(["entities.csv": "id,kind,confidence\na,syndicate,Z9\nb,\"two\nlines\",Z9\n",
                              "links.csv": "source,target\nx,\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (_, issues) = try CSVDatasetReader.read(path: dir, options: ReadOptions(), rowsPerChunk: 1)
        let at = issues.map { "\(URL(fileURLWithPath: $0.location!.file).lastPathComponent):\($0.location!.line):\($0.location!.column)" }
        #expect(at == ["entities.csv:2:13", "entities.csv:4:8", "links.csv:2:3"], "\(issues)")
    }

    /// What the byte reader reads right that CSV.swift did not (helper-57):
    /// - a `;` table with CRLF line ends (the header line ran to the first comma in the file, which
    ///   made `,` the separator);
    /// - a short row of a call table with a date: the date is the link's day, not the next
    ///   column's value (`tower` stays empty);
    /// - a CR-only file: an error is on its line (3) and column (4), not on line 1;
    /// - a date layout whose literal is not ASCII matches the same letter written decomposed
    ///   (`é` as e and an accent).
    @Test func whatTheOldReaderGotWrong() throws {
        let semi = try folder(["t.csv": "source;target;weight\r\nA;B;1,5\r\n"])
        defer { try? FileManager.default.removeItem(atPath: semi) }
        #expect(try CSVDatasetReader.read(path: semi + "/t.csv", options: ReadOptions(), rowsPerChunk: 1).dataset.links.map(\.weight) == [1.5])

        let short = try folder(["calls.csv": "caller,callee,date,tower\nA,B,2023-01-02\n"])
        defer { try? FileManager.default.removeItem(atPath: short) }
        let call = try CSVDatasetReader.read(path: short + "/calls.csv", options: ReadOptions(), rowsPerChunk: 1).dataset.links[0]
        #expect(call.period == Period(from: PartialDate("2023-01-02"), to: PartialDate("2023-01-02")) && call.attributes["tower"] == nil)

        let cr = try #require(readError("source,target\rA,B\r\"B\"x,C\r"))
        #expect(cr.location?.line == 3 && cr.location?.column == 4, "\(cr)")

        let layout = try #require(DateFormat("%d \u{E9} %m %Y"))
        #expect(layout.iso("08 e\u{301} 05 2023") == "2023-05-08" && layout.iso("08 \u{E9} 05 2023") == "2023-05-08")
        #expect(layout.iso("08 e 05 2023") == nil && layout.iso("08 \u{E9} 13 2023") == nil)
    }

    /// Numbers of a `;` table. A value tells its convention when it reads one way only: `2,5`,
    /// `0,500` (a leading zero is no thousands group), `1712,1`, `1.000.000`, `12.500,75` a
    /// decimal comma; `12.5`, `0.500`, `1,234.5`, `1,000,000` a decimal point; `1,500` and
    /// `12.500` both ways (helper-58 and helper-59: read as 1.5 and 12.5 without a word, a
    /// thousand times too little when the column meant 1500 or 12500).
    @Test func numberConventionsAreTheColumns() throws {
        typealias C = CSVNumberConvention
        for (v, way) in [("2,5", C.decimalComma), ("0,500", .decimalComma), ("1712,1", .decimalComma), ("1.000.000", .decimalComma),
                         ("12.500,75", .decimalComma), ("-12.500,75", .decimalComma), ("12.5", .decimalPoint), ("0.500", .decimalPoint),
                         ("1,234.5", .decimalPoint), ("1,000,000", .decimalPoint), (".5", .decimalPoint)] {
            #expect(C.telling(v) == way, "\(v)")
        }
        for v in ["1,500", "12.500", "-1.234", "1500", ""] { #expect(C.telling(v) == nil, "\(v)") }
        // Read in a column's convention; both ways read alone only when they tell; garbage handed back.
        #expect(C.decimalComma.normalized("12.500") == "12500" && C.decimalComma.normalized("1,500") == "1.500")
        #expect(C.decimalPoint.normalized("12.500") == "12.500" && C.decimalPoint.normalized("1,500") == "1500")
        #expect(C.decimalComma.normalized("-1.234.567,5") == "-1234567.5" && C.decimalPoint.normalized("12,500.75") == "12500.75")
        #expect(C.unknown.normalized("1,500") == nil && C.mixed.normalized("12.500") == nil && C.mixed.normalized("2,5") == "2.5")
        #expect(C.decimalComma.normalized("1.234,5.6") == "1.234,5.6" && C.unknown.normalized("1.234,5.6") == "1.234,5.6")
        #expect(C.decimalComma.normalized("12") == "12" && C.unknown.normalized("3") == "3")

        // A German column, an English column, a column of both, a column that never tells.
        let dir = try folder(["t.csv": "sender;receiver;amount;dauer:double;kosten:double;zahl:double\n"
                                  + "A;B;12.500,75;2.5;2,5;1,500\nC;D;12.500;1,500;12.5;2\nE;F;2,5;250.75;1,500;\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (d, issues) = try CSVDatasetReader.read(path: dir + "/t.csv", options: ReadOptions(), rowsPerChunk: 1)
        #expect(d.links.map(\.weight) == [12500.75, 12500, 2.5])
        #expect(d.links.map { $0.attributes["dauer"] } == [.double(2.5), .double(1500), .double(250.75)])
        #expect(d.links.map { $0.attributes["kosten"] } == [.double(2.5), .double(12.5), nil])
        #expect(d.links.map { $0.attributes["zahl"] } == [nil, .double(2), nil])
        let errors = issues.filter { $0.severity == .error }
        // Line 4 `E;F;2,5;250.75;` is 15 characters: kosten's 1,500 at column 16. Line 2:
        // `A;B;12.500,75;2.5;2,5;` is 22: zahl's 1,500 at column 23.
        #expect(errors.map { "\($0.location!.line):\($0.location!.column)" } == ["2:23", "4:16"], "\(issues)")
        #expect(errors.allSatisfy { $0.message.contains("reads both as a whole number") })
        #expect(issues.contains { $0.severity == .warning && $0.message.hasPrefix("column \"kosten:double\" writes numbers both") })

        // Each reading of values both ways is said: amount's 12.500 read with a comma on two others' word.
        #expect(issues.contains { $0.message == "column \"amount\": 1 value that reads both ways (\"12.500\") is read with a decimal comma, as 2 other values write numbers (\"12.500,75\")" }, "\(issues)")
        #expect(issues.contains { $0.message == "column \"zahl:double\": 1 value that reads both ways (\"1,500\") is refused: no other value says how the column writes numbers" })

        // helper-61's bank export: one 49.99 does not decide for 1.500 and 25.000 (fewer telling
        // values than values read both ways): those two are refused, 300 and 49.99 read; 1.2.3
        // is no number either way, refused by the number reader, not called ambiguous.
        let bank = try folder(["bank.csv": "von;nach;Betrag\na;b;1.500\nc;d;25.000\ne;f;300\ng;h;49.99\ni;j;1.2.3\n"])
        defer { try? FileManager.default.removeItem(atPath: bank) }
        var map = ReadOptions()
        map.columns = ["source": "von", "target": "nach", "weight": "Betrag"]
        let (b, bankIssues) = try CSVDatasetReader.read(path: bank + "/bank.csv", options: map, rowsPerChunk: 1)
        #expect(b.links.map(\.weight) == [nil, nil, 300, 49.99, nil], "\(bankIssues)")
        let bankErrors = bankIssues.filter { $0.severity == .error }
        #expect(bankErrors.map { $0.location!.line } == [2, 3, 6])
        #expect(bankErrors.prefix(2).allSatisfy { $0.message.contains("reads both as a whole number") } && !bankErrors[2].message.contains("reads both"))
        #expect(bankIssues.contains { $0.message == "column \"Betrag\": 2 values that read both ways (\"1.500\") are refused: only 1 other value says which way (\"49.99\")" }, "\(bankIssues)")

        // Durations in whole seconds, every one with a thousands point: no value says how the
        // column writes numbers, so each is refused, until the reader is told (--decimal comma).
        // Told `point`, a `,` table's quoted "1,500" is fifteen hundred.
        let whole = try folder(["d.csv": "a;b;Dauer\nx;y;1.069\ny;z;2.500\n", "e.csv": "a,b,Betrag\nx,y,\"1,500\"\n"])
        defer { try? FileManager.default.removeItem(atPath: whole) }
        var dauer = ReadOptions()
        dauer.columns = ["source": "a", "target": "b", "weight": "Dauer"]
        #expect(try CSVDatasetReader.read(path: whole + "/d.csv", options: dauer, rowsPerChunk: 1).dataset.links.map(\.weight) == [nil, nil])
        dauer.decimal = .comma
        let told = try CSVDatasetReader.read(path: whole + "/d.csv", options: dauer, rowsPerChunk: 1)
        #expect(told.dataset.links.map(\.weight) == [1069, 2500] && told.issues.allSatisfy { $0.severity == .warning }, "\(told.issues)")
        var betrag = ReadOptions(columns: ["source": "a", "target": "b", "weight": "Betrag"])
        betrag.decimal = .point
        #expect(try CSVDatasetReader.read(path: whole + "/e.csv", options: betrag, rowsPerChunk: 1).dataset.links.map(\.weight) == [1500])

        // A whole-number column in a German table: 1.000 is a thousand; 2,5 is no whole number.
        let ints = try folder(["t.csv": "source;target;anzahl:int\nA;B;1.000\nC;D;2,5\nE;F;12\n"])
        defer { try? FileManager.default.removeItem(atPath: ints) }
        let (i, intIssues) = try CSVDatasetReader.read(path: ints + "/t.csv", options: ReadOptions(), rowsPerChunk: 1)
        #expect(i.links.map { $0.attributes["anzahl"] } == [.int(1000), nil, .int(12)], "\(intIssues)")
        #expect(intIssues.filter { $0.severity == .error }.map { $0.location!.line } == [3])
    }

    /// What partners' exports hold (helper-58): months of call records joined into one file
    /// repeat the header (skipped, and said); German and French headers are read as the ends
    /// (`Anrufer`/`Angerufener`, `appelant`/`appelé`, said); a `;` header with a comma inside a
    /// name is still a `;` table; a date that fails the layout is reported once, by the file's
    /// header, not as both `from` and `to`; a time of day out of range (25:61) fails the layout.
    @Test func partnersExportsAsTheyCome() throws {
        let dir = try folder([
            "joined.csv": "Anrufer;Angerufener;Datum;Dauer (Min, Sek)\n1;2;01.02.2024 10:00;1,5\nAnrufer;Angerufener;Datum;Dauer (Min, Sek)\n2;3;31.02.2024 10:00;2\n3;4;01.03.2024 25:61;2\n",
            "fr.csv": "appelant,appel\u{E9},dur\u{E9}e\n1,2,3\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var options = ReadOptions()
        options.dateFormat = DateFormat("%d.%m.%Y %H:%M")
        let (d, issues) = try CSVDatasetReader.read(path: dir + "/joined.csv", options: options, rowsPerChunk: 1)
        #expect(d.links.count == 3 && d.links[0].period == Period(from: PartialDate("2024-02-01"), to: PartialDate("2024-02-01")))
        #expect(d.links[0].attributes["Dauer (Min, Sek)"] == .string("1,5"))
        #expect(issues.contains { $0.message == "1 row repeats the header (files joined together?) and is skipped (the first on this line)" && $0.location?.line == 3 }, "\(issues)")
        let dates = issues.filter { $0.message.contains("does not follow the date layout") }
        #expect(dates.map { $0.location!.line } == [4, 5], "\(dates)")  // 31 February, and 25:61: once each
        #expect(dates.allSatisfy { $0.message.hasPrefix("\"Datum\" (read as from) does not follow") }, "\(dates)")
        #expect(issues.contains { $0.message.contains("\"Anrufer\" as source, \"Angerufener\" as target") && $0.message.contains("\"Datum\" as from and to") })
        let (fr, frIssues) = try CSVDatasetReader.read(path: dir + "/fr.csv", options: ReadOptions(), rowsPerChunk: 1)
        #expect(fr.links.count == 1 && fr.entities.map(\.id) == ["1", "2"], "\(frIssues)")
    }

    /// Unix time: `%s` reads seconds since 1970 as their day in UTC (1704203100 is 2024-01-02
    /// 13:45 UTC; 0 is 1970-01-01; −1 is 1969-12-31); without a layout, such a value in a date
    /// column is an error that names `%s`, once (not for `from` and `to` both).
    @Test func unixTimeIsReadWhenSaid() throws {
        let layout = try #require(DateFormat("%s"))
        #expect(layout.iso("1704203100") == "2024-01-02" && layout.iso("0") == "1970-01-01" && layout.iso("-1") == "1969-12-31")
        #expect(layout.iso("17042031x") == nil && layout.iso("") == nil)
        let dir = try folder(["calls.csv": "caller,callee,timestamp\na,b,1704203100\n"])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (plain, issues) = try CSVDatasetReader.read(path: dir + "/calls.csv", options: ReadOptions(), rowsPerChunk: 1)
        let errors = issues.filter { $0.severity == .error }
        #expect(errors.count == 1 && errors[0].message.contains("--date-format %s") && errors[0].location?.column == 5, "\(issues)")
        #expect(plain.links[0].period == nil)
        var options = ReadOptions()
        options.dateFormat = layout
        let (read, _) = try CSVDatasetReader.read(path: dir + "/calls.csv", options: options, rowsPerChunk: 1)
        #expect(read.links[0].period == Period(from: PartialDate("2024-01-02"), to: PartialDate("2024-01-02")))
    }

    /// What helper-59 found in the first fixes: a date that is not ISO, with no layout, is one
    /// error by the file's header (not `"from"` and `"to"`); a header repeated with a byte-order
    /// mark, in other case or with spaces is still the header; a `;` inside a quoted header cell
    /// does not make a `;` table; an entity's `date` attribute of digits is text, not Unix time;
    /// a compact timestamp (2024010213, YYYYMMDDHH) gets no Unix-time hint; `%s` reads 1900 to 2099.
    @Test func secondReviewsFindings() throws {
        let dir = try folder([
            "calls.csv": "caller,callee,Datum\na,b,02/01/2024\n\u{FEFF}Caller , CALLEE,datum\nb,c,2024010213\n",
            "people.csv": "id,name,\"aliases; a; b\",date\np1,Alice,\"Al; Ali\",1700000000\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (calls, issues) = try CSVDatasetReader.read(path: dir + "/calls.csv", options: ReadOptions(), rowsPerChunk: 1)
        #expect(calls.links.count == 2, "\(issues)")
        let errors = issues.filter { $0.severity == .error }
        #expect(errors.count == 2 && errors.allSatisfy { $0.message.hasPrefix("\"Datum\" (read as from) ") }, "\(errors)")
        #expect(errors.map { $0.location!.line } == [2, 4] && !errors.contains { $0.message.contains("%s") }, "\(errors)")
        #expect(issues.contains { $0.message.hasPrefix("1 row repeats the header") && $0.location?.line == 3 })
        let (people, peopleIssues) = try CSVDatasetReader.read(path: dir + "/people.csv", options: ReadOptions(), rowsPerChunk: 1)
        #expect(people.entities.count == 1 && peopleIssues.filter { $0.severity == .error }.isEmpty, "\(peopleIssues)")
        #expect(people.entities[0].attributes["aliases; a; b"] == .string("Al; Ali") && people.entities[0].attributes["date"] == .string("1700000000"))
        let unix = try #require(DateFormat("%s"))
        #expect(unix.iso("4102444799") == "2099-12-31" && unix.iso("4102444800") == nil && unix.iso("-2208988800") == "1900-01-01")
        #expect(unix.iso("-2208988801") == nil && unix.iso("120000000000") == nil)
    }

    /// A call's date is read as both ends of the link's period from one cell, in the layout given.
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
