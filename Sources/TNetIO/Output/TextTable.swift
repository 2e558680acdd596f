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

    /// Adds a row at the bottom.
    /// - Parameter row: the row's cells, left to right.
    public mutating func append(_ row: [String]) { rows.append(row) }

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

    /// `s` cut to ``cellLimit`` characters with `… (N more characters)`, or `s` itself.
    /// - Parameter s: a cell.
    public static func bounded(_ s: String) -> String {
        guard s.utf8.count > cellLimit else { return s }
        let count = s.count
        guard count > cellLimit else { return s }
        return String(s.prefix(cellLimit)) + "… (\(count - cellLimit) more characters)"
    }

    /// The table as lines: columns two spaces apart and padded to their widest cell (in
    /// characters, each cut to ``cellLimit``), the header underlined, every line ending with a
    /// newline.
    public var text: String {
        let all = (header.map { [$0] } ?? []) + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        let cleaned = all.map { $0.map { Self.clean(Self.bounded($0)) } }
        for row in cleaned { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        var out = ""
        for (r, row) in cleaned.enumerated() {
            var line = ""
            for (i, c) in row.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - c.count)
                let cell = rightAligned.contains(i) ? pad + c : (i == row.count - 1 ? c : c + pad)
                line += (i == 0 ? "" : "  ") + cell
            }
            out += line + "\n"
            if r == 0 && header != nil {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return out
    }
}
