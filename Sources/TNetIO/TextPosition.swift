import TNetModel

/// Turns byte offsets of a UTF-8 text into 1-based lines and columns (columns count Unicode
/// scalars, as editors do).
///
/// Lookups at non-decreasing offsets (a reader asking for each record's place in file order)
/// move a cursor forward, counting the lines in between: the whole file costs one pass and no
/// memory. The first few lookups behind the cursor start it again from the top (one more pass
/// up to the offset, no memory); after ``rescansBeforeIndex`` of them an index of line starts is
/// built (a file of 24 million lines holds 190 MB of it, which a million-entity dataset used to
/// pay for eagerly) and later ones are answered by binary search. Forward lookups on one line
/// are incremental, so a minified file on a single line read in order is not quadratic; a
/// lookup behind the cursor counts its column from the start of its line.
struct TextPositions {
    let file: String
    private let bytes: UnsafeBufferPointer<UInt8>
    private var lineIndex: [Int]? = nil
    /// Backward lookups answered by starting again from the top so far.
    private var rescans = 0
    static let rescansBeforeIndex = 4
    // The last answer: offset, 0-based line, the offset its line starts at, and its column.
    private var lastOffset = 0, lastLine = 0, lastLineStart = 0, lastColumn = 1

    init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
    }

    mutating func location(of offset: Int) -> SourceLocation {
        let offset = Swift.min(Swift.max(0, offset), bytes.count)
        if offset >= lastOffset {
            advance(to: offset)
        } else {
            jump(to: offset)
        }
        return SourceLocation(file: file, line: lastLine + 1, column: lastColumn)
    }

    /// Moves the cursor forward to `offset`, counting newlines and then the scalars after the last.
    private mutating func advance(to offset: Int) {
        var line = lastLine, lineStart = lastLineStart
        var i = lastOffset
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i < offset {
                // Eight bytes at a time while none is a newline (the usual case).
                if i + 8 <= offset {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                    if (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                if base[i] == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
            }
        }
        var column: Int
        var from: Int
        if line == lastLine { column = lastColumn; from = lastOffset } else { column = 1; from = lineStart }
        while from < offset {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        lastOffset = offset; lastLine = line; lastLineStart = lineStart; lastColumn = column
    }

    /// Places the cursor at `offset` behind it, through the index of line starts (built once).
    private mutating func jump(to offset: Int) {
        if lineIndex == nil && rescans < Self.rescansBeforeIndex {
            rescans += 1
            lastOffset = 0; lastLine = 0; lastLineStart = 0; lastColumn = 1
            advance(to: offset)
            return
        }
        if lineIndex == nil {
            var starts = [0]
            for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
            lineIndex = starts
        }
        let lineStarts = lineIndex!
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        for i in lineStarts[lo] ..< offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        lastOffset = offset; lastLine = lo; lastLineStart = lineStarts[lo]; lastColumn = column
    }
}
