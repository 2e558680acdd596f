import TNetModel

/// A JSON file parsed with the positions of its values, for readers outside this module
/// (themes, say) that point at the line and column of a problem.
public struct JSONDocument: Sendable {
    /// The file parsed, kept to turn offsets into lines and columns.
    public let file: InputFile
    /// The top-level value, with the offsets of everything inside it.
    public let root: JSONNode

    /// Parses `file`.
    /// - Parameter file: The file's bytes (a leading byte-order mark is skipped).
    /// - Throws: ``ReadError`` at the line and column of a syntax error, or for a file that is not text.
    /// - Complexity: O(*n*) in the size of the file.
    public init(_ file: InputFile) throws {
        try file.checkText()
        self.file = file
        self.root = try file.bytes.withUnsafeBufferPointer { buf throws -> JSONNode in
            var parser = JSONParser(buf, start: file.bomLength)
            do {
                return try parser.parseDocument()
            } catch let error as JSONParser.Failure {
                var positions = TextPositions(file: file.name, bytes: buf)
                throw ReadError(error.message, at: positions.location(of: error.offset))
            }
        }
    }

    /// The line and column of a byte offset (a ``JSONNode/offset``).
    /// - Parameter offset: A byte offset into the file, such as a node's or a member's key's.
    /// - Complexity: O(*n*) in the size of the file (the line index is built on each call).
    public func location(of offset: Int) -> SourceLocation {
        file.bytes.withUnsafeBufferPointer { buf in
            var positions = TextPositions(file: file.name, bytes: buf)
            return positions.location(of: offset)
        }
    }

    /// A ``ReadError`` pointing at `node`.
    /// - Parameters:
    ///   - message: The problem in words.
    ///   - node: The value at fault.
    /// - Returns: The error, for the caller to throw.
    public func error(_ message: String, at node: JSONNode) -> ReadError {
        ReadError(message, at: location(of: node.offset))
    }
}
