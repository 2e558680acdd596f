import CWriteback
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes output files atomically: the bytes go to a temporary file in the same folder, which
/// is flushed and then renamed over the destination. A reader never sees half a file, and a
/// failure leaves the destination as it was.
public enum AtomicFile {
    /// Why an output file could not be written.
    public struct WriteError: Error, CustomStringConvertible {
        /// The path written to (a symbolic link's destination once it is followed).
        public let path: String
        /// What went wrong: the system's message, or that the path is a directory, its folder
        /// is missing, or a symbolic link leads nowhere.
        public let reason: String
        /// `PATH: cannot write: REASON`.
        public var description: String { "\(path): cannot write: \(reason)" }
    }

    /// Writes `bytes` to the file at `given`, replacing it whole or not at all.
    ///
    /// A symbolic link is followed: the file it points to is replaced, the link stays. A path
    /// that is not a regular file (a pipe, a terminal, `/dev/stdout`) cannot be replaced
    /// atomically: the bytes are written to it as it is. A file replaced atomically gets the
    /// usual permissions (0666 less the umask), whatever the old one had.
    /// - Parameters:
    ///   - bytes: The file's whole content.
    ///   - given: The destination path; its folder must exist.
    /// - Throws: ``WriteError`` when the path is a directory, its folder does not exist, it is
    ///   a symbolic link that leads nowhere, or writing, flushing or renaming fails (the
    ///   destination is then unchanged).
    /// - Complexity: O(*n*) in the number of bytes.
    public static func write<Bytes: Collection>(_ bytes: Bytes, to given: String) throws where Bytes.Element == UInt8 {
        let data = Array(bytes)
        try write(to: given) { emit in try data.withUnsafeBytes { try emit([$0]) } }
    }

    /// ``write(_:to:)`` for a file made as it is written: `produce` is called once and hands
    /// each run of pieces to the function it is given, in order (valid during that call). Each
    /// run goes to the temporary file at once and the system is asked to start writing it to
    /// disk, so that the flush before the rename waits only for the last of them.
    /// - Parameters:
    ///   - given: The destination path; its folder must exist.
    ///   - produce: Makes the content, emitting it in order.
    /// - Throws: As ``write(_:to:)``, or what `produce` throws (the destination is then
    ///   unchanged).
    static func write(to given: String, _ produce: (_ emit: ([UnsafeRawBufferPointer]) throws -> Void) throws -> Void) throws {
        var path = given
        var info = stat()
        // What the path leads to, links followed: a pipe, a device or a terminal is written in place.
        if stat(given, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG && (info.st_mode & S_IFMT) != S_IFDIR {
            return try writeInPlace(to: given, produce)
        }
        if lstat(given, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(given, nil) else {
                throw WriteError(path: given, reason: "is a symbolic link that leads to no file (\(String(cString: strerror(errno))))")
            }
            path = String(cString: resolved)
            free(resolved)
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw WriteError(path: path, reason: "is a directory")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WriteError(path: path, reason: "folder \(folder) does not exist")
        }
        var template = Array((folder + "/." + url.lastPathComponent + ".tnet-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        let tempPath = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = false
        var fdOpen = true
        defer {
            if fdOpen { close(fd) }
            if !ok { unlink(tempPath) }
        }
        var offset = 0
        try produce { pieces in
            if let reason = writeAll(pieces, to: fd) { throw WriteError(path: path, reason: reason) }
            let count = pieces.reduce(0) { $0 + $1.count }
            // Start writing this run to disk now (asynchronously); fsync below waits for it all.
            _ = tnet_start_writeback(fd, Int64(offset), Int64(count))
            offset += count
        }
        // mkstemp creates 0600; give the file the usual 0666 & ~umask.
        let mask = umask(0); umask(mask)
        fchmod(fd, 0o666 & ~mask)
        fdOpen = false
        if fsync(fd) != 0 {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw WriteError(path: path, reason: reason)
        }
        if close(fd) != 0 { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        guard rename(tempPath, path) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        ok = true
    }

    /// Writes to a pipe, a device or a terminal through an ordinary open, all of it.
    static func writeInPlace(to path: String, _ produce: (_ emit: ([UnsafeRawBufferPointer]) throws -> Void) throws -> Void) throws {
        let fd = open(path, O_WRONLY | O_APPEND)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try produce { pieces in
            if let reason = writeAll(pieces, to: fd) { throw WriteError(path: path, reason: reason) }
        }
    }

    /// Writes every byte of `pieces` in order to `fd`. - Returns: the system's message when a
    /// write fails, else nil.
    private static func writeAll(_ pieces: [UnsafeRawBufferPointer], to fd: Int32) -> String? {
        for piece in pieces where piece.count > 0 {
            var written = 0
            while written < piece.count {
                let r = Glibc.write(fd, piece.baseAddress! + written, piece.count - written)
                if r < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                written += r
            }
        }
        return nil
    }
}
