import TNetModel

/// How a result is printed: aligned text for a person, JSON for a program, CSV for a spreadsheet.
public enum ResultFormat: String, CaseIterable, Sendable {
    /// Aligned plain-text columns, control characters shown as spaces (``TextTable``).
    case table
    /// Pretty-printed JSON with sorted, documented keys and a final newline.
    case json
    /// RFC 4180 CSV with a header row.
    case csv
}
