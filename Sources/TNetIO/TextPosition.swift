import TNetModel

/// Turns byte offsets of a UTF-8 text into 1-based lines and columns (columns count Unicode
/// scalars, as editors do). Lookups at increasing offsets on one line are incremental, so a
/// minified file on a single line is not quadratic. The line index is built on the first
/// lookup: a file read without a problem never pays for it.
struct TextPositions {
    let file: String
    private let bytes: UnsafeBufferPointer<UInt8>
    private var lineIndex: [Int]? = nil
    // cache of the last answer
    private var lastOffset = 0, lastLine = 0, lastColumn = 1

    init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.bytes = bytes
    }

    mutating func location(of offset: Int) -> SourceLocation {
        if lineIndex == nil {
            var starts = [0]
            for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
            lineIndex = starts
        }
        let lineStarts = lineIndex!
        let offset = Swift.min(Swift.max(0, offset), bytes.count)
        // line: last start <= offset
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) >> 1
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        var from = lineStarts[lo], column = 1
        if lo == lastLine && offset >= lastOffset && lastOffset >= from { from = lastOffset; column = lastColumn }
        for i in from ..< offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        lastOffset = offset; lastLine = lo; lastColumn = column
        return SourceLocation(file: file, line: lo + 1, column: column)
    }
}
