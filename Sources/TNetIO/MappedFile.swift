import Foundation

/// A regular file mapped read-only into memory, for readers that go through a large file once,
/// front to back.
///
/// Mapped pages count as resident once touched; ``release(before:)`` hands back the pages behind
/// a reader's position, so a 555 MB dataset is never resident whole (read into an array, it
/// was, beside the dataset built from it). A released page read again is read again from the
/// page cache: nothing is lost, only time.
final class MappedFile {
    let name: String
    let buffer: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// Pages are handed back in steps of this many bytes at least.
    static let releaseStep = 32 << 20

    /// Maps `path`, or returns nil when it is not a non-empty regular file that can be mapped
    /// (the caller then reads it as ``InputFile`` does, with that reader's messages).
    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        _ = madvise(p, size, MADV_SEQUENTIAL)
        name = path
        base = p
        buffer = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        if let base { munmap(base, buffer.count) }
    }

    /// Hands back the whole pages before `offset` that were not yet handed back, once they come
    /// to ``releaseStep`` bytes.
    func release(before offset: Int) {
        guard let base else { return }
        let end = Swift.min(offset, buffer.count) / Self.pageSize * Self.pageSize
        guard end - released >= Self.releaseStep else { return }
        _ = madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }

    /// Hands back every page (after a pass that must start again from the front).
    func releaseAll() {
        guard let base else { return }
        _ = madvise(base, buffer.count, MADV_DONTNEED)
        released = 0
    }

    /// Offset of the first byte after a UTF-8 byte-order mark, or 0.
    var bomLength: Int {
        buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0
    }
}
