import Foundation
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
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ReadError("cannot be opened for reading", file: path) }
        defer { try? handle.close() }
        do {
            let data = try handle.readToEnd() ?? Data()
            return InputFile(name: path, bytes: [UInt8](data))
        } catch {
            throw ReadError("cannot be read: \(error.localizedDescription)", file: path)
        }
    }

    /// Throws unless the bytes are non-empty UTF-8 text without NUL bytes (a leading BOM is allowed).
    /// - Throws: ``ReadError`` for a file that is empty or only white space, or at the line and
    ///   column of the first NUL byte (a binary file) or invalid UTF-8 byte (a legacy code page
    ///   that needs an encoding named).
    /// - Complexity: O(*n*) in the size of the file.
    public func checkText() throws {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ReadError("file is empty", at: SourceLocation(file: name, line: 1, column: 1))
        }
        try bytes.withUnsafeBufferPointer { buf in
            if let bad = UTF8Check.firstInvalidOffset(buf) {
                var positions = TextPositions(file: name, bytes: buf)
                let what = buf[bad] == 0 ? "NUL byte: this looks like a binary file, not text"
                                         : "invalid UTF-8 byte 0x\(String(buf[bad], radix: 16, uppercase: true)): not UTF-8 text; a file saved in a legacy code page is read by naming its encoding (latin1, cp1252, utf-16)"
                throw ReadError(what, at: positions.location(of: bad))
            }
        }
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
