import Foundation
import Testing
import TNetModel
@testable import TNetIO

/// ReadOptions: encodings, date layouts, column names (issue 17, finding 6).
@Suite struct ReadOptionsTests {
    /// Windows-1252 and Latin-1 by hand: 0xE9 is é in both; 0x80 is € in Windows-1252 and a
    /// C1 control in Latin-1; 0x81 has no character in Windows-1252.
    @Test func encodings() throws {
        #expect(try TextEncoding.cp1252.utf8([0x4A, 0xE9, 0x80], file: "f") == Array("Jé€".utf8))
        #expect(try TextEncoding.latin1.utf8([0x4A, 0xE9, 0x80], file: "f") == Array("Jé\u{80}".utf8))
        #expect(throws: ReadError.self) { try TextEncoding.cp1252.utf8([0x41, 0x0A, 0x42, 0x81], file: "f") }
        #expect(TextEncoding(name: "Windows-1252") == .cp1252 && TextEncoding(name: "ISO-8859-1") == .latin1 && TextEncoding(name: "ebcdic") == nil)
        let utf16 = Array("Zoë".data(using: .utf16)!)
        #expect(try TextEncoding.utf16.utf8(utf16, file: "f") == Array("Zoë".utf8))
    }

    @Test func dateLayouts() {
        let dmy = DateFormat("%d/%m/%Y")!
        #expect(dmy.iso("31/12/2022") == "2022-12-31")
        #expect(dmy.iso("1/2/2023") == "2023-02-01")
        #expect(dmy.iso("31/02/2023") == nil)          // no such day
        #expect(dmy.iso("2023-02-01") == nil)          // not this layout
        #expect(DateFormat("%Y%m%d")!.iso("20230704") == "2023-07-04")
        #expect(DateFormat("%m/%y")!.iso("07/23") == "2023-07")
        #expect(DateFormat("%d.%m") == nil)            // no year
        #expect(DateFormat("%q") == nil)
    }

    /// A link table under partners' names: caller/callee are the ends, `--map` names the rest,
    /// Gephi's Type is the direction, and each renaming is reported once.
    @Test func columnNames() throws {
        let text = "Caller,Callee,Type,Dauer\nx,y,Directed,3\ny,z,Undirected,4\n"
        let r = try CSVDatasetReader.read(table: InputFile(name: "t.csv", bytes: Array(text.utf8)), options: ReadOptions(columns: ["weight": "dauer"]))
        #expect(r.dataset.links.map(\.source) == ["x", "y"] && r.dataset.links.map(\.target) == ["y", "z"])
        #expect(r.dataset.links.map(\.directed) == [true, false])
        #expect(r.dataset.links.map(\.weight) == [3, 4])
        #expect(r.dataset.entities.map(\.id) == ["x", "y", "z"])
        let renamed = r.issues.filter { $0.message.hasPrefix("columns read as") }
        #expect(renamed.count == 1)
        #expect(renamed[0].message == "columns read as the model's fields: \"Dauer\" as weight, \"Caller\" as source, \"Callee\" as target, \"Type\" as directed")
        // A Type column with other values is an attribute, as it was.
        let kinds = try CSVDatasetReader.read(table: InputFile(name: "k.csv", bytes: Array("source,target,type\nx,y,sms\n".utf8)))
        #expect(kinds.dataset.links[0].directed == nil && kinds.dataset.links[0].attributes["type"] == .string("sms"))
        // Neither links nor entities: an error naming the columns.
        #expect(throws: ReadError.self) { try CSVDatasetReader.read(table: InputFile(name: "n.csv", bytes: Array("a,b\n1,2\n".utf8))) }
    }
}
