/// Where something was read: a file (or `-` for standard input), a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The path of the file as given to the reader, or `-` for standard input.
    public var file: String
    /// The line, counting from 1.
    public var line: Int
    /// The column, counting from 1 in Unicode scalars (as editors count), not bytes; 1 when a
    /// reader knows only the line (a CSV row).
    public var column: Int

    /// A location from its parts.
    /// - Parameters:
    ///   - file: The path as given, or `-` for standard input.
    ///   - line: The line, from 1.
    ///   - column: The column, from 1.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL`, the form compilers and editors understand.
    public var description: String { "\(file):\(line):\(column)" }
}
