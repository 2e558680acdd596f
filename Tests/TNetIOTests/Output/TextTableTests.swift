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
    /// kind of their own lists the 40 most numerous (ties by name) and says 60 more of 100 kinds,
    /// holding 60 entities (helper-45: "60 in all" read as the number of kinds).
    @Test func summaryTableListsAtMostFortyKinds() {
        var d = Dataset()
        for i in 0 ..< 100 { d.append(Entity(id: "e\(i)", kind: EntityKind("k" + (i < 10 ? "00" : "0") + String(i)))) }
        let text = SummaryListing(DatasetSummary(d), source: ResultSource(file: "x.json")).table
        #expect(text.contains("k039"))
        #expect(!text.contains("k040"))
        #expect(text.contains("(60 more entity kinds, 100 in all, holding 60 entities; --format csv lists every one)"))
        #expect(SummaryListing(DatasetSummary(d), source: ResultSource(file: "x.json")).csv.contains("k099"))
    }

    /// One character may hold any number of combining marks: "Z" and 1,000,000 U+0301 is one
    /// character, so the character limit alone let a two-megabyte line through. Cut after
    /// 4 × 200 = 800 scalars ("Z" and 799 accents), 1,000,001 − 800 = 999,201 counted.
    @Test func aCharacterOfMillionsOfMarksIsCut() {
        let zalgo = "Z" + String(repeating: "\u{301}", count: 1_000_000)
        let cut = TextTable.bounded(zalgo)
        #expect(cut.unicodeScalars.count < 900 && cut.hasSuffix("… (999201 more Unicode scalars)"))
        #expect(cut.unicodeScalars.starts(with: "Z\u{301}".unicodeScalars))
        var t = TextTable(header: ["name"])
        t.append([zalgo])
        #expect(t.text.utf8.count < 2_000)
        // A name of ordinary characters with an accent each is still cut by characters.
        let accented = String(repeating: "e\u{301}", count: 300)
        #expect(TextTable.bounded(accented).hasSuffix("… (100 more characters)"))
    }

    /// A table of 1,000 rows is shown whole; 1,001 rows show 1,000 and a line counting 1 more,
    /// 1,001 in all. A list of lines is cut the same way, naming what it lists.
    @Test func longTablesAreCutWithACount() {
        var t = TextTable(header: ["n"])
        for i in 0 ..< 1_000 { t.append([String(i)]) }
        #expect(t.text.split(separator: "\n").count == 1_002 && !t.text.contains("more rows"))
        t.append(["1000"])
        let lines = t.text.split(separator: "\n")
        #expect(lines.count == 1_003 && lines[1_001] == "999")
        #expect(lines.last == "(1 more rows, 1001 in all; --format csv or json lists every one)")
        var made = 0
        let shown = TextTable.boundedLines(0 ..< 2_500, "links") { made += 1; return "  \($0)\n" }
        #expect(shown.hasPrefix("  0\n") && shown.contains("  999\n") && !shown.contains("  1000\n"))
        #expect(shown.hasSuffix("(1500 more links, 2500 in all; --format csv or json lists every one)\n"))
        #expect(made == 1_000)  // only the lines shown are made
        #expect(TextTable.boundedLines(0 ..< 3) { "  \($0)\n" } == "  0\n  1\n  2\n")
        // Rows past the limit are counted, never made.
        var rowsMade = 0
        var u = TextTable(header: ["n"])
        for i in 0 ..< 2_500 { u.append({ rowsMade += 1; return [String(i)] }()) }
        #expect(rowsMade == 1_000 && u.omittedRows == 1_500)
        #expect(u.text.hasSuffix("(1500 more rows, 2500 in all; --format csv or json lists every one)\n"))
    }

    /// A message line: line breaks and escapes become spaces, and it is cut after 2,000
    /// characters with a count of the rest: `bad id "` 8, the escape and `[2J` 4, 1,999,999
    /// letters, the line break 1, `FAKE"` 5: 2,000,017 − 2,000 = 1,998,017.
    @Test func messageLinesAreCleanedAndCut() {
        let line = TextTable.boundedLine("bad id \"\u{1B}[2J" + String(repeating: "x", count: 1_999_999) + "\nFAKE\"")
        #expect(!line.contains("\u{1B}") && !line.contains("\n"))
        #expect(line.hasPrefix("bad id \" [2J") && line.hasSuffix("… (1998017 more characters)"))
    }

    /// `tnet diff` lists links by their ids, which are the file's text: an id holding an escape
    /// sequence and a line break (a hostile file) is shown with spaces, on its own line.
    @Test func diffShowsLinkIdsClean() throws {
        let evil = "synd\u{1B}[2J\u{1B}[31m-3\nFAKE: error line"
        let before = Dataset(entities: [Entity(id: "a", kind: .person), Entity(id: evil, kind: .syndicate)])
        var after = before
        after.append(Link(source: "a", target: evil, kind: .memberOf))
        let text = DiffListing(try DatasetDiff(before: before, after: after), before: before, after: after, measure: .degree).table
        #expect(!text.contains("\u{1B}") && !text.contains("\nFAKE"))
        #expect(text.contains("  + a member_of synd [2J [31m-3 FAKE: error line #\(TextTable.fingerprint(evil))\n"))
    }

    /// An entity's label is whole when it fits a cell (the bundled dataset's long names keep
    /// their "(aggregate, unnamed)"). A longer one is cut part by part so that it fits and is
    /// not cut again: kind and role after 15 with `…`, and the name to what is left with the
    /// true count of the rest. Worked: the rest is " (a) [" 6 + 16 + ", " 2 + 16 + "]" 1 = 41
    /// characters, so the name keeps 200 − 41 − 34 = 125 and 300,000 − 125 = 299,875 are counted.
    @Test func anEntityLabelFitsItsCellWithItsId() {
        let long = "People rescued at Bamban, March 2024 (aggregate, unnamed), held as witnesses"
        #expect(ResultText.entity(Entity(id: "rescued-bamban", kind: .person, name: long)) == long + " (rescued-bamban) [person]")
        let e = Entity(id: "a", kind: EntityKind(String(repeating: "k", count: 50_000)), name: String(repeating: "X", count: 300_000),
                       role: PersonRole(String(repeating: "r", count: 50_000)))
        let label = ResultText.entity(e)
        let expected = String(repeating: "X", count: 125) + "… (299875 more characters) (a) [" + String(repeating: "k", count: 15) + "…, "
            + String(repeating: "r", count: 15) + "…]"
        #expect(label == expected && label.count <= TextTable.cellLimit)
        var t = TextTable(header: ["entity"])
        t.append([label])
        #expect(t.text.split(separator: "\n")[2] == Substring(expected))
        // One character of a million combining marks as the name: cut by scalars, id kept.
        let z = ResultText.entity(Entity(id: "d", kind: .person, name: "Z" + String(repeating: "\u{301}", count: 1_000_000)))
        #expect(z.hasSuffix(" more Unicode scalars) (d) [person]") && z.unicodeScalars.count <= 4 * TextTable.cellLimit)
        // Two long ids that differ only at their end stay apart: cut in the middle.
        let base = "https://registry.example.org/investigations/2023/mekong/persons/"
        let a = ResultText.entity(Entity(id: base + "nguyen-van-a-1", kind: .person, name: String(repeating: "N", count: 300)))
        let b = ResultText.entity(Entity(id: base + "nguyen-van-a-2", kind: .person, name: String(repeating: "N", count: 300)))
        #expect(a != b && a.hasSuffix("nguyen-van-a-1 #\(TextTable.fingerprint(base + "nguyen-van-a-1"))) [person]"))
        // A CR LF is two spaces once cleaned: measured after cleaning, the label still fits.
        let crlf = ResultText.entity(Entity(id: String(repeating: "\r\n", count: 60) + "ZZZ", kind: .person, name: String(repeating: "\r\n", count: 300)))
        #expect(crlf.count <= TextTable.cellLimit && crlf.contains("ZZZ #") && crlf.hasSuffix(") [person]") && !crlf.contains("\r"))
        // helper-45: ids of few characters and many marks each, differing at their end, and a
        // name of marks. Cut in the middle by scalars, the ids stay apart; the name's room is
        // counted in scalars too, so the label fits the cell (800 scalars) and a table shows it
        // as it is, with the role.
        let marks = String(repeating: "\u{301}", count: 300)
        let labels = (1 ... 3).map { k in
            ResultText.entity(Entity(id: "c" + marks + "\(k)", kind: .person, name: String(repeating: "N" + marks, count: 4), role: .boss))
        }
        #expect(Set(labels).count == 3 && labels.allSatisfy { $0.hasSuffix("[person, boss]") && $0.unicodeScalars.count <= 4 * TextTable.cellLimit }, "\(labels.map { $0.suffix(30) })")
        var table = TextTable(header: ["entity"])
        for l in labels { table.append([l]) }
        #expect(table.text.split(separator: "\n").dropFirst(2).map(String.init) == labels)
    }

    /// The protected marker cannot be imitated (helper-50): a kind or role that is not plain
    /// (ASCII letters, digits, `_-./` and spaces) or says "protected" is quoted, a name holding
    /// a bracket or quote is quoted, each after any cut; and the marker comes for every
    /// protected person, a role or not.
    @Test func theProtectedMarkerCannotBeImitated() {
        let victim = ResultText.entity(Entity(id: "v", kind: .person, role: .victim))
        #expect(victim == "v [person, victim, protected]")
        #expect(ResultText.entity(Entity(id: "p", kind: .person, role: .boss)) == "p [person, boss]")
        // Imitations: a comma, a low quotation mark for a comma, the word alone, a name.
        #expect(ResultText.entity(Entity(id: "b", kind: .person, role: PersonRole("boss, protected"))) == #"b [person, "boss, protected"]"#)
        #expect(ResultText.entity(Entity(id: "b", kind: .person, role: PersonRole("boss\u{201A} protected"))) == "b [person, \"boss\u{201A} protected\"]")
        #expect(ResultText.entity(Entity(id: "b", kind: .person, role: PersonRole("protected"))) == #"b [person, "protected"]"#)
        #expect(ResultText.entity(Entity(id: "p4", kind: .person, name: "Li (v9) [person, victim, protected]", role: .boss))
                == #""Li (v9) [person, victim, protected]" (p4) [person, boss]"#)
        #expect(ResultText.entity(Entity(id: "k", kind: EntityKind("shell] [co"), role: PersonRole(#"say "hi" \ bye"#))) == #"k ["shell] [co", "say \"hi\" \\ bye"]"#)
        // Protected by an attribute alone, with no role: marked all the same.
        let flagged = Entity(id: "p3", kind: .person, attributes: ["is_victim": .bool(true)])
        #expect(flagged.isProtected && ResultText.entity(flagged) == "p3 [person, protected]")
        #expect(ResultText.entity(flagged, kind: false) == "p3 [protected]")
        // A long label: the role cut to 15 characters keeps its closing quote.
        let long = ResultText.entity(Entity(id: "p5", kind: .person, name: String(repeating: "X", count: 300), role: PersonRole("abc, protected and more")))
        #expect(long.hasSuffix(#"(p5) [person, "abc, protected …"]"#), "\(long.suffix(40))")
        #expect(long.count <= TextTable.cellLimit)
        // helper-52: quotes carrying an invisible mark, escaped all the same, can no longer push
        // the marker out of the cell; nor can escape-heavy kind, role and name together.
        let marks = ResultText.entity(Entity(id: "y2", kind: .person, name: "[" + String(repeating: "\"\u{200D}", count: 300), role: .witness))
        #expect(marks.count <= TextTable.cellLimit && marks.unicodeScalars.count <= 4 * TextTable.cellLimit && marks.hasSuffix("[person, witness, protected]"), "\(marks.suffix(40))")
        #expect(!marks.unicodeScalars.contains { $0 == "\u{200D}" } || marks.contains("\\\"\u{200D}"))
        let heavy = ResultText.entity(Entity(id: String(repeating: "z", count: 100) + "[", kind: EntityKind(String(repeating: "\"", count: 20)),
                                             name: String(repeating: "\"", count: 300), role: PersonRole(String(repeating: "\"", count: 20)),
                                             attributes: ["status": .string("victim")]))
        #expect(heavy.count <= TextTable.cellLimit && heavy.hasSuffix(", protected]"), "\(heavy.count) \(heavy.suffix(40))")
        // A bracket followed by an invisible mark, and brackets of other scripts, in a name.
        for fake in ["Li (v1) [\u{034F}person, victim, protected]\u{034F}", "Li ⟦person, victim, protected⟧", "Li 〔person, victim, protected〕"] {
            let l = ResultText.entity(Entity(id: "x1", kind: .person, name: fake, role: PersonRole("recruiter")))
            #expect(l.hasPrefix("\"") && l.hasSuffix("(x1) [person, recruiter]"), "\(l)")
        }
        // An id with full-width brackets is hashed like one with ASCII brackets.
        let wide = ResultText.entity(Entity(id: "x2 ［person, victim, protected］", kind: .person, role: PersonRole("recruiter")))
        #expect(wide.contains(" #\(TextTable.fingerprint("x2 ［person, victim, protected］"))") && wide.hasSuffix("[person, recruiter]"), "\(wide)")
        // A long name with brackets stays within the cell once quoted.
        let bracketed = ResultText.entity(Entity(id: "q", kind: .person, name: String(repeating: "[\"", count: 200)))
        #expect(bracketed.count <= TextTable.cellLimit && bracketed.hasPrefix("\"[\\\"") && bracketed.hasSuffix("(q) [person]"), "\(bracketed)")
    }

    /// In a list of names joined by ", " (partitions, corruption's columns), a name with a
    /// comma or a bracket is quoted and a protected person marked (helpers 50 and 52: "Li, Chen"
    /// read as two entities).
    @Test func listedNamesStayOneEach() {
        #expect(ResultText.listed(Entity(id: "w", kind: .person, name: "Wang")) == "Wang")
        #expect(ResultText.listed(Entity(id: "lc", kind: .person, name: "Li, Chen")) == #""Li, Chen""#)
        #expect(ResultText.listed(Entity(id: "v", kind: .person, name: "Li", role: .victim)) == "Li [protected]")
        #expect(ResultText.listed(Entity(id: "s", kind: .syndicate, name: "Li (v1) [person, victim, protected]")) == #""Li (v1) [person, victim, protected]""#)
        #expect(ResultText.listed(Entity(id: "x", kind: .compound)) == "x")
    }

    /// Ids that would show alike stay apart (helper-47, helper-48): ids differing only in their
    /// middle, an id with a control character against one with a space there, an id written to
    /// look like another's shown id, brackets. The hash is the top 40 bits of FNV-1a's
    /// published 64-bit value for "a", 0xaf63dc4c8601ec8c: af63dc4c86.
    @Test func idsThatWouldShowAlikeStayApart() {
        #expect(TextTable.fingerprint("a") == "af63dc4c86")
        let lookalike = TextTable.shownID("a\tb")
        #expect(lookalike == "a b #" + TextTable.fingerprint("a\tb") && TextTable.shownID(lookalike) != lookalike)
        let q1 = ResultText.entity(Entity(id: "z", kind: .person, name: "Q (y")), q2 = ResultText.entity(Entity(id: "y (z", kind: .person, name: "Q"))
        #expect(q1 != q2 && q1 == "Q (y (z) [person]")
        #expect(TextTable.shownID("case#12") == "case#12" && TextTable.shownID("case #ab12") == "case #ab12")
        #expect(TextTable.shownID("case #0123456789") != "case #0123456789")
        let x = String(repeating: "A", count: 100) + "x" + String(repeating: "B", count: 100)
        let y = String(repeating: "A", count: 100) + "y" + String(repeating: "B", count: 100)
        #expect(TextTable.shownID(x) != TextTable.shownID(y) && TextTable.shownID(x).count < 80)
        #expect(TextTable.shownID("ctl\u{2028}x") != TextTable.shownID("ctl x") && TextTable.shownID("ctl x") == "ctl x")
        #expect(TextTable.shownID("plain-id") == "plain-id")
        let e1 = ResultText.entity(Entity(id: "ctl\u{2028}x", kind: .person, name: "n m")), e2 = ResultText.entity(Entity(id: "ctl x", kind: .person, name: "n m"))
        #expect(e1 != e2 && e2 == "n m (ctl x) [person]")
        #expect(TextTable.shownText("x\ny", limit: 40) != TextTable.shownText("x y", limit: 40))
    }

    /// A cell is cleaned before it is cut: 300 CR LF pairs are 600 spaces, cut to the cell's
    /// 200 columns (cut first, they were 200 characters that became 400 columns).
    @Test func cellsCleanedThenCut() {
        var t = TextTable(header: ["a"])
        t.append([String(repeating: "\r\n", count: 300)])
        #expect(t.text.split(separator: "\n").allSatisfy { $0.count <= TextTable.cellLimit + 40 })
    }

    /// U+2028 and U+2029 break a line on many terminals: shown as spaces like the C0 controls.
    @Test func lineSeparatorsAreCleaned() {
        #expect(TextTable.clean("a\u{2028}b\u{2029}c") == "a b c")
    }

    /// The middle cut by scalars: 60 each side of `…` when a short id carries many marks.
    @Test func middleCutByScalars() {
        let id = "c" + String(repeating: "\u{301}", count: 300) + "9"
        let cut = TextTable.middleCut(id, keeping: 60)
        #expect(cut.unicodeScalars.count == 121 && cut.unicodeScalars.first == "c" && cut.unicodeScalars.last == "9")
        #expect(TextTable.middleCut("short", keeping: 60) == "short")
    }
}
