import TNetGraphviz
/// Aligned plain-text columns for terminal output. Control characters in cells are shown
/// as spaces so a hostile name cannot move the cursor or fake extra lines.
public struct TextTable: Sendable {
    public var header: [String]?
    public var rows: [[String]] = []
    /// Columns aligned to the right (numbers).
    public var rightAligned: Set<Int> = []

    public init(header: [String]? = nil, rightAligned: Set<Int> = []) {
        self.header = header
        self.rightAligned = rightAligned
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// `s` with control characters (line breaks, escapes, C1 controls, bidirectional overrides)
    /// shown as spaces: safe in a terminal.
    public static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.isDisplayControl ? " " : $0 }))
    }

    public var text: String {
        let all = (header.map { [$0] } ?? []) + rows
        let columns = all.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        let cleaned = all.map { $0.map(Self.clean) }
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
