import Foundation

/// What a dataset writer sends to standard output when that is a terminal: the first
/// ``lineLimit`` lines, and a note saying how many more a file or a pipe would get. A million
/// entities scrolling past (555 MB of JSON) helps no one; in a pipe or a file nothing is cut.
public enum TerminalOutput {
    /// Lines shown on a terminal, as a table shows rows (``TextTable/rowLimit``).
    public static let lineLimit = TextTable.rowLimit

    /// Whether standard output is a terminal.
    public static var isTerminal: Bool { isatty(1) != 0 }

    /// The first `limit` lines of `bytes` (each with its newline) and how many lines were left
    /// out; the whole of `bytes` and 0 when it has no more lines than that.
    /// - Complexity: O(*b*) for the *b* bytes scanned: up to the cut, then a count of the rest.
    public static func cut(_ bytes: [UInt8], limit: Int = lineLimit) -> (shown: ArraySlice<UInt8>, linesLeftOut: Int) {
        var lines = 0, end = bytes.count
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") {
            lines += 1
            if lines == limit { end = i + 1; break }
        }
        guard end < bytes.count else { return (bytes[...], 0) }
        var rest = bytes[end...].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        if bytes.last != UInt8(ascii: "\n") { rest += 1 }
        return (bytes[..<end], rest)
    }

    /// Writes `bytes` to standard output, cut to ``lineLimit`` lines when it is a terminal, and
    /// then tells `note` what was left out (one line).
    /// - Parameters:
    ///   - bytes: what to write.
    ///   - what: what the bytes are, for the note ("the dataset").
    ///   - note: called once when lines were left out.
    public static func write(_ bytes: [UInt8], what: String, note: (String) -> Void) {
        guard isTerminal else { FileHandle.standardOutput.write(Data(bytes)); return }
        let (shown, left) = cut(bytes)
        FileHandle.standardOutput.write(Data(shown))
        if left > 0 {
            note("standard output is a terminal: the first \(lineLimit) lines of \(what) are shown, \(left) more left out; an output file or a pipe gets it all")
        }
    }
}
