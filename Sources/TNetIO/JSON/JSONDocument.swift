import TNetModel

/// A JSON file parsed with the positions of its values, for readers outside this module
/// (themes, say) that point at the line and column of a problem.
public struct JSONDocument: Sendable {
    public let file: InputFile
    public let root: JSONNode

    /// Parses `file`.
    /// - Throws: ``ReadError`` at the line and column of a syntax error, or for a file that is not text.
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
    public func location(of offset: Int) -> SourceLocation {
        file.bytes.withUnsafeBufferPointer { buf in
            var positions = TextPositions(file: file.name, bytes: buf)
            return positions.location(of: offset)
        }
    }

    /// A ``ReadError`` pointing at `node`.
    public func error(_ message: String, at node: JSONNode) -> ReadError {
        ReadError(message, at: location(of: node.offset))
    }
}
