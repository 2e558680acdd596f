/// How a writer that makes its file in order streams it: what it has made is handed on once it
/// is a piece's worth (``bytes``), so memory holds a piece, not the file. The FtM, DOT, GEXF and
/// Cytoscape.js writers make their text in one buffer (a `String` or a ``JSONWriter``) and call
/// ``handOn(_:force:_:)`` after each record.
enum OutputPieces {
    /// About how many bytes a piece holds.
    static let bytes = 4 << 20

    /// Hands `text` to `emit` and empties it, once it holds a piece's worth (`force`: whatever
    /// it holds, at the end).
    static func handOn(_ text: inout String, force: Bool = false, _ emit: ([UnsafeRawBufferPointer]) throws -> Void) rethrows {
        guard text.utf8.count >= bytes || (force && !text.isEmpty) else { return }
        try text.withUTF8 { try emit([UnsafeRawBufferPointer($0)]) }
        text.removeAll(keepingCapacity: true)
    }

    /// ``handOn(_:force:_:)`` for a ``JSONWriter``'s bytes.
    static func handOn(_ w: inout JSONWriter, force: Bool = false, _ emit: ([UnsafeRawBufferPointer]) throws -> Void) rethrows {
        guard w.bytes.count >= bytes || (force && !w.bytes.isEmpty) else { return }
        try w.bytes.withUnsafeBytes { try emit([$0]) }
        w.clear()
    }
}
