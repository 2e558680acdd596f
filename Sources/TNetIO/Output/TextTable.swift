import TNetGraphviz
/// Aligned plain-text columns for terminal output. Control characters in cells are shown
/// as spaces so a hostile name cannot move the cursor or fake extra lines.
public struct TextTable: Sendable {
    /// The column headings, underlined with dashes; nil for a table without them.
    public var header: [String]?
    /// The rows, each a list of cells (rows may have fewer cells than others).
    public var rows: [[String]] = []
    /// Columns aligned to the right (numbers).
    public var rightAligned: Set<Int> = []

    /// An empty table.
    /// - Parameters:
    ///   - header: the column headings, or nil.
    ///   - rightAligned: indices of the columns to align right (numbers).
    public init(header: [String]? = nil, rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    /// Rows appended past ``rowLimit``: counted for the table's last line, never made.
    public private(set) var omittedRows = 0

    /// Adds a row at the bottom; past ``rowLimit`` rows it is only counted, and its cells are
    /// never formatted (a ranking of a million entities labels the thousand it shows).
    /// - Parameter row: the row's cells, left to right.
    public mutating func append(_ row: @autoclosure () -> [String]) {
        if rows.count < Self.rowLimit { rows.append(row()) } else { omittedRows += 1 }
    }

    /// `s` with control characters (line breaks, escapes, C1 controls, bidirectional overrides)
    /// shown as spaces: safe in a terminal.
    /// - Parameter s: any text.
    /// - Returns: the text with every display control (`Unicode.Scalar.isDisplayControl`, from TNetGraphviz)
    ///   replaced by a space.
    public static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.isDisplayControl ? " " : $0 }))
    }

    /// Longest cell shown in full, in characters; a longer one (a megabyte-long name) is cut
    /// with a count of the rest. The JSON and CSV outputs keep every value whole.
    public static let cellLimit = 200

    /// `s` cut to ``cellLimit`` characters with `… (N more characters)`, or `s` itself. One
    /// character may hold any number of combining marks: a cell is also cut after
    /// 4 × ``cellLimit`` Unicode scalars, with `… (N more Unicode scalars)`.
    /// - Parameter s: a cell.
    public static func bounded(_ s: String) -> String { bounded(s, to: cellLimit) }

    /// `s` cut after `limit` characters, or 4 × `limit` Unicode scalars, with `…` and, when
    /// `counted`, a count of the rest: for a part of a cell (a name in an entity's label), cut
    /// so that the whole cell fits.
    /// - Parameters:
    ///   - s: the text.
    ///   - limit: the most characters kept.
    ///   - counted: whether the count of the rest follows the `…`.
    public static func bounded(_ s: String, to limit: Int, counted: Bool = true) -> String {
        guard s.utf8.count > limit else { return s }
        let scalars = s.unicodeScalars.count
        let kept = s.prefix(limit)
        if scalars > 4 * limit && kept.unicodeScalars.count > 4 * limit {
            return String(String.UnicodeScalarView(s.unicodeScalars.prefix(4 * limit))) + (counted ? "… (\(scalars - 4 * limit) more Unicode scalars)" : "…")
        }
        let count = s.count
        guard count > limit else { return s }
        return String(kept) + (counted ? "… (\(count - limit) more characters)" : "…")
    }

    /// `s` cut in its middle to `keep` characters (or 4 × `keep` Unicode scalars) with `…`
    /// between its start and its end: for an id, whose end often tells it from another.
    /// - Parameters:
    ///   - s: the text.
    ///   - keep: about how many characters are kept, half each side.
    public static func middleCut(_ s: String, keeping keep: Int) -> String {
        // Few characters of many marks each: cut in the middle by scalars, `keep` each side
        // (cut at the end, ids that differ only there read the same).
        guard s.count > keep else {
            let u = s.unicodeScalars
            guard u.count > 4 * keep else { return s }
            return String(String.UnicodeScalarView(u.prefix(keep))) + "…" + String(String.UnicodeScalarView(u.suffix(keep)))
        }
        let half = keep / 2, scalars = 2 * keep
        var head = String(s.prefix(half)), tail = String(s.suffix(keep - half))
        if head.unicodeScalars.count > scalars { head = String(String.UnicodeScalarView(head.unicodeScalars.prefix(scalars))) }
        if tail.unicodeScalars.count > scalars { tail = String(String.UnicodeScalarView(tail.unicodeScalars.suffix(scalars))) }
        return head + "…" + tail
    }

    /// An id as a table shows it: cleaned, cut in the middle above 60 characters (or 240
    /// Unicode scalars), and followed by `#` and ten hex digits of a hash of the id as written
    /// when cleaning or cutting changed it, or when it could be read as another label's id (it
    /// holds a bracket, or ends in what looks like such a hash). Two ids that would show alike
    /// (differing only in their middle, in a control character shown as a space, or written to
    /// look like another's label) then stay apart, unless their 40-bit hashes collide; the CSV
    /// and JSON outputs carry every id whole.
    /// - Parameter id: the id as written.
    /// - Returns: the text to show.
    public static func shownID(_ id: String) -> String {
        let cleaned = clean(id)
        let cut = cleaned.count > 60 || cleaned.unicodeScalars.count > 240 ? middleCut(cleaned, keeping: 60) : cleaned
        return marked(cut, as: id)
    }

    /// `shown`, the text `s` shows as, with ` #` and the hash of `s` when it differs from `s`
    /// or `s` could be read as part of another label.
    private static func marked(_ shown: String, as s: String) -> String {
        shown.utf8.elementsEqual(s.utf8) && !ambiguous(s) ? s : shown + " #" + fingerprint(s)
    }

    /// Whether `u` is the quotation mark or opening or closing punctuation of any script (`(`,
    /// `[`, `［`, `⟦`, `〔`…): what a label's parts are delimited by, or could be taken for.
    static func isBracketOrQuote(_ u: Unicode.Scalar) -> Bool {
        let c = u.properties.generalCategory
        return u == "\"" || c == .openPunctuation || c == .closePunctuation
    }

    /// Whether text shown as written could be read as part of another label: a bracket or
    /// parenthesis of any script, or a quote (labels are `name (id) [kind]`, a tag may be
    /// quoted), or an end of ` #` and ten hex digits (what ``shownID(_:)`` appends).
    static func ambiguous(_ s: String) -> Bool {
        if s.unicodeScalars.contains(where: isBracketOrQuote) { return true }
        let u = Array(s.utf8)
        guard u.count >= 12, u[u.count - 12] == 0x20, u[u.count - 11] == 0x23 else { return false }
        return u.suffix(10).allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// A name of the file's (a kind, a field) as a list shows it: cleaned, cut after `limit`
    /// characters with `…`, and marked with a hash of the text as written when that changed it
    /// (as ``shownID(_:)``).
    public static func shownText(_ s: String, limit: Int) -> String {
        marked(bounded(clean(s), to: limit, counted: false), as: s)
    }

    /// The top 40 bits of the FNV-1a hash of the text's UTF-8 bytes, in ten hex digits: the
    /// same on every run and machine. Not a defence against a file written to collide (FNV is
    /// no cryptographic hash); among 4,000 ids that show alike a collision has odds of about
    /// one in 140,000.
    static func fingerprint(_ s: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let hex = String(h >> 24, radix: 16)
        return String(repeating: "0", count: 10 - hex.count) + hex
    }

    /// Most rows a table shows; the rest are counted in a last line. The CSV and JSON outputs
    /// list every row.
    public static let rowLimit = 1_000

    /// A list of `items`, one line each, cut to ``rowLimit`` lines with a line counting the
    /// rest; only the lines shown are made.
    /// - Parameters:
    ///   - items: what the list lists.
    ///   - noun: what a line is, plural ("rows", "links").
    ///   - line: an item's line, ending with a newline.
    /// - Returns: the lines kept, joined.
    public static func boundedLines<C: Collection>(_ items: C, _ noun: String = "rows", _ line: (C.Element) -> String) -> String {
        var out = ""
        for item in items.prefix(rowLimit) { out += line(item) }
        if items.count > rowLimit { out += moreLine(items.count, noun) }
        return out
    }

    /// "(N more rows, M in all; --format csv or json lists every one)".
    static func moreLine(_ count: Int, _ noun: String) -> String {
        "(\(count - rowLimit) more \(noun), \(count) in all; --format csv or json lists every one)\n"
    }

    /// A line of a message or a listing, control characters shown as spaces and cut after
    /// `limit` characters with a count of the rest.
    /// - Parameters:
    ///   - s: the text; line breaks become spaces.
    ///   - limit: the longest line shown whole.
    public static func boundedLine(_ s: String, limit: Int = 2_000) -> String {
        bounded(clean(s.split(whereSeparator: \.isNewline).joined(separator: " ")), to: limit)
    }

    /// The table as lines: columns two spaces apart and padded to their widest cell (in a
    /// terminal's columns, ``DisplayWidth``: a Chinese name takes two per character; each cell
    /// cut to ``cellLimit`` characters), the header underlined, every line ending with a newline.
    public var text: String {
        let all = (header.map { [$0] } ?? []) + rows.prefix(Self.rowLimit)
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        // Cleaned, then cut: a CR LF counts one character but shows as two spaces.
        let cleaned = all.map { $0.map { Self.bounded(Self.clean($0)) } }
        let cellWidths = cleaned.map { $0.map(DisplayWidth.of) }
        for row in cellWidths { for (i, w) in row.enumerated() { widths[i] = max(widths[i], w) } }
        var out = ""
        for (r, row) in cleaned.enumerated() {
            var line = ""
            for (i, c) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cellWidths[r][i])
                let cell = rightAligned.contains(i) ? pad + c : (i == row.count - 1 ? c : c + pad)
                line += (i == 0 ? "" : "  ") + cell
            }
            out += line + "\n"
            if r == 0 && header != nil {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        let total = rows.count + omittedRows
        if total > Self.rowLimit { out += Self.moreLine(total, "rows") }
        return out
    }
}
