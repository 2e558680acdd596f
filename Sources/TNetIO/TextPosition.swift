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
/// lookup behind the cursor counts its column from the start of its line. A lookup behind the
/// cursor but not behind the last ``anchorHere()`` counts from that anchor (a record's start).
///
/// A byte-order mark at the start of the file is not counted as a column: an editor does not
/// show it, so the first character of line 1 is column 1 with or without one.
///
/// With an `origin` other than 0 the positions are counted from there, as if the text began
/// at `origin` (a chunk of a file read in parallel, whose reader adds the lines before it:
/// ``shifted(_:by:)``).
struct TextPositions {
    let file: String
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where line 1, column 1 is counted from.
    let origin: Int
    /// The end of the byte-order mark that starts the file (3), or 0 when there is none (or
    /// when counting from a chunk's start, past it).
    private let markEnd: Int
    /// A place whose line and column are known, behind the cursor: offset, 0-based line, the
    /// offset its line starts at, and its column.
    private var anchor = (offset: 0, line: 0, lineStart: 0, column: 1)
    private var lineIndex: [Int]? = nil
    /// Backward lookups answered by starting again from the top so far.
    private var rescans = 0
    static let rescansBeforeIndex = 4
    // The last answer: offset, 0-based line, the offset its line starts at, and its column.
    private var lastOffset = 0, lastLine = 0, lastLineStart = 0, lastColumn = 1

    init(file: String, bytes: UnsafeBufferPointer<UInt8>, origin: Int = 0) {
        self.file = file
        self.bytes = bytes
        self.origin = origin
        markEnd = origin == 0 && bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        lastOffset = origin
        lastLineStart = origin
        anchor = (origin, 0, origin, 1)
    }

    mutating func location(of offset: Int) -> SourceLocation {
        let offset = Swift.min(Swift.max(origin, offset), bytes.count)
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
            // Eight bytes at a time: each newline byte becomes 0x80 in `t` (exactly, no borrow
            // between bytes), counted by its bits; the last one (the highest) starts the line.
            let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            while i + 8 <= offset {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                let t = ~(((x & low7) &+ low7) | x | low7)
                if t != 0 {
                    line += t.nonzeroBitCount
                    lineStart = i + (63 - t.leadingZeroBitCount) / 8 + 1
                }
                i += 8
            }
            while i < offset {
                if base[i] == 0x0A { line += 1; lineStart = i + 1 }
                i += 1
            }
        }
        var column: Int
        var from: Int
        if line == lastLine { column = lastColumn; from = lastOffset } else { column = 1; from = lineStart }
        from = Swift.max(from, markEnd)
        while from < offset {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        lastOffset = offset; lastLine = line; lastLineStart = lineStart; lastColumn = column
    }

    /// Marks the cursor's place as known: a later lookup behind the cursor but not behind this
    /// place counts from here, not from the top (a record's warnings, which need not come in
    /// the order of their offsets, cost a pass over the record, not over the file).
    mutating func anchorHere() {
        anchor = (lastOffset, lastLine, lastLineStart, lastColumn)
    }

    /// The cursor's line (0-based, from the origin) and column: where a chunk read in
    /// parallel ends, from which the next chunk's positions are shifted.
    var cursor: (line: Int, column: Int) { (lastLine, lastColumn) }

    /// A location counted from a chunk's start, moved to where it is in the whole file.
    /// - Parameters:
    ///   - location: a line and column from a ``TextPositions`` whose origin is the chunk's start.
    ///   - start: the whole file's line (0-based) and column at the chunk's start.
    /// - Returns: the location in the whole file.
    static func shifted(_ location: SourceLocation, by start: (line: Int, column: Int)) -> SourceLocation {
        let column = location.line == 1 ? location.column + start.column - 1 : location.column
        return SourceLocation(file: location.file, line: location.line + start.line, column: column)
    }

    /// Places the cursor at `offset` behind it: from the anchor when the offset is not behind
    /// it, else through the index of line starts (built once).
    private mutating func jump(to offset: Int) {
        if offset >= anchor.offset {
            (lastOffset, lastLine, lastLineStart, lastColumn) = anchor
            advance(to: offset)
            return
        }
        if lineIndex == nil && rescans < Self.rescansBeforeIndex {
            rescans += 1
            lastOffset = origin; lastLine = 0; lastLineStart = origin; lastColumn = 1
            advance(to: offset)
            return
        }
        if lineIndex == nil {
            var starts = [origin]
            for i in origin ..< bytes.count where bytes[i] == 0x0A { starts.append(i + 1) }
            lineIndex = starts
        }
        let lineStarts = lineIndex!
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var column = 1
        var i = Swift.max(lineStarts[lo], markEnd)
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        lastOffset = offset; lastLine = lo; lastLineStart = lineStarts[lo]; lastColumn = column
    }
}
