import Foundation
import Synchronization
import TNetGraph
import TNetModel

/// The bytes of an input file (or standard input, named `-`), checked to be readable text.
public struct InputFile: Sendable {
    /// The name used in messages: the path as given, or `-`.
    public let name: String
    /// The file's content as read: not yet checked or decoded, a byte-order mark included.
    public let bytes: [UInt8]

    /// A file from bytes already in memory (a test, a network download, an archive member).
    /// - Parameters:
    ///   - name: The name messages use for it.
    ///   - bytes: The content.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// Reads `path` (`-` for standard input). Errors name the file: missing, a directory,
    /// unreadable.
    /// - Parameter path: A file path, or `-` to read standard input to its end.
    /// - Returns: The whole file; its text is not checked here (see ``checkText()``).
    /// - Throws: ``ReadError`` when the file does not exist, is a directory, or cannot be
    ///   opened or read.
    /// - Complexity: O(*n*) in the size of the file.
    public static func read(_ path: String) throws -> InputFile {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return InputFile(name: "-", bytes: [UInt8](data))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError("no such file", file: path)
        }
        if isDirectory.boolValue { throw ReadError("is a directory, not a file", file: path) }
        // Straight into the array: reading through Data and converting held the file twice (a
        // 555 MB dataset peaked at twice its size before parsing began).
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw ReadError("cannot be opened for reading", file: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError("cannot be read: \(String(cString: strerror(errno)))", file: path) }
        var bytes: [UInt8] = []
        var failure: Int32 = 0
        if (info.st_mode & S_IFMT) == S_IFREG && info.st_size > 0 {
            let size = Int(info.st_size)
            bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
                while count < size {
                    let n = Foundation.read(fd, buffer.baseAddress! + count, size - count)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failure = errno; break }
                    if n == 0 { break }
                    count += n
                }
            }
        }
        // A file that grew while read, or one whose size is not known (a pipe): read to its end.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while failure == 0 {
            let n = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { failure = errno; break }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0 ..< n])
        }
        if failure != 0 { throw ReadError("cannot be read: \(String(cString: strerror(failure)))", file: path) }
        return InputFile(name: path, bytes: bytes)
    }

    /// Throws unless the bytes are non-empty UTF-8 text without NUL bytes (a leading BOM is allowed).
    /// - Throws: ``ReadError`` for a file that is empty or only white space, or at the line and
    ///   column of the first NUL byte (a binary file) or invalid UTF-8 byte (a legacy code page
    ///   that needs an encoding named).
    /// - Complexity: O(*n*) in the size of the file.
    public func checkText() throws {
        try bytes.withUnsafeBufferPointer { try Self.checkText(name: name, $0) }
    }

    /// ``checkText()`` on bytes held elsewhere (a mapped file), in slices of `slice` bytes,
    /// calling `done` with the offset checked up to after each (to hand back mapped pages).
    static func checkText(name: String, _ buf: UnsafeBufferPointer<UInt8>, slice: Int = .max,
                          done: (Int) -> Void = { _ in }) throws {
        let cuts = try slices(name: name, buf, slice: slice)
        for i in cuts.indices.dropLast() {
            if let bad = UTF8Check.firstInvalidOffset(UnsafeBufferPointer(rebasing: buf[cuts[i] ..< cuts[i + 1]])).map({ $0 + cuts[i] }) {
                throw notText(name: name, buf, at: bad)
            }
            done(cuts[i + 1])
        }
    }

    /// Where the slices of about `slice` bytes start, then the end: each ends before a
    /// scalar's first byte, never inside a scalar.
    /// - Throws: ``ReadError`` when the text is empty or only white space.
    private static func slices(name: String, _ buf: UnsafeBufferPointer<UInt8>, slice: Int) throws -> [Int] {
        if buf.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ReadError("file is empty", at: SourceLocation(file: name, line: 1, column: 1))
        }
        var cuts = [0]
        while cuts.last! < buf.count {
            let start = cuts.last!
            var end = slice >= buf.count - start ? buf.count : start + slice
            while end < buf.count && end > start && buf[end] & 0xC0 == 0x80 { end -= 1 }
            cuts.append(end == start ? buf.count : end)
        }
        return cuts
    }

    /// ``checkText(name:_:slice:done:)`` with the slices checked on `threads` threads, calling
    /// `release` with each slice once it is checked (not in order); the error is the first
    /// invalid byte of the file, as one thread finds it.
    static func checkText(name: String, _ buf: UnsafeBufferPointer<UInt8>, slice: Int, threads: Int,
                          release: (Range<Int>) -> Void) throws {
        guard threads > 1, buf.count > slice else {
            return try checkText(name: name, buf, slice: slice) { release(0 ..< $0) }
        }
        let bounds = try slices(name: name, buf, slice: slice)
        var firstBad = [Int?](repeating: nil, count: bounds.count - 1)
        // The lowest slice found bad so far: slices after it need not be read.
        let lowestBad = Atomic<Int>(.max)
        firstBad.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            let cuts = bounds
            forEachChunk(cuts.count - 1, threads: threads) { i, _ in
                defer { release(cuts[i] ..< cuts[i + 1]) }
                guard i < lowestBad.load(ordering: .relaxed) else { return }
                out[i] = UTF8Check.firstInvalidOffset(UnsafeBufferPointer(rebasing: buf[cuts[i] ..< cuts[i + 1]])).map { $0 + cuts[i] }
                if out[i] != nil { _ = lowestBad.min(i, ordering: .relaxed) }
            }
        }
        if let bad = firstBad.lazy.compactMap({ $0 }).first { throw notText(name: name, buf, at: bad) }
    }

    /// The error for the invalid byte at `bad`.
    private static func notText(name: String, _ buf: UnsafeBufferPointer<UInt8>, at bad: Int) -> ReadError {
        var positions = TextPositions(file: name, bytes: buf)
        let what = buf[bad] == 0 ? "NUL byte: this looks like a binary file, not text"
                                 : "invalid UTF-8 byte 0x\(String(buf[bad], radix: 16, uppercase: true)): not UTF-8 text; a file saved in a legacy code page is read by naming its encoding (latin1, cp1252, utf-16)"
        return ReadError(what, at: positions.location(of: bad))
    }

    /// Offset of the first byte after a UTF-8 byte-order mark, or 0.
    public var bomLength: Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }
}

enum UTF8Check {
    /// Offset of the first NUL byte or invalid UTF-8 sequence, or `nil` when the text is clean.
    static func firstInvalidOffset(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        let n = b.count
        let raw = UnsafeRawPointer(b.baseAddress)
        while i < n {
            // Eight bytes at a time while they are ASCII and none is NUL (the usual case).
            if let raw, i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let hasZero = (w &- 0x0101_0101_0101_0101) & ~w & high
                if w & high == 0 && hasZero == 0 { i += 8; continue }
            }
            let c = b[i]
            if c < 0x80 {
                if c == 0 { return i }
                i += 1
                continue
            }
            let length: Int
            var minimum: UInt32
            var value: UInt32
            switch c {
            case 0xC2 ... 0xDF: length = 2; value = UInt32(c & 0x1F); minimum = 0x80
            case 0xE0 ... 0xEF: length = 3; value = UInt32(c & 0x0F); minimum = 0x800
            case 0xF0 ... 0xF4: length = 4; value = UInt32(c & 0x07); minimum = 0x10000
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1 ..< length {
                let cc = b[i + k]
                guard cc & 0xC0 == 0x80 else { return i }
                value = (value << 6) | UInt32(cc & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800 ... 0xDFFF).contains(value) { return i }
            i += length
        }
        return nil
    }
}
