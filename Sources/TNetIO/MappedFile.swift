import Foundation

/// A regular file mapped read-only into memory, for readers that go through a large file once,
/// front to back.
///
/// Mapped pages count as resident once touched; ``release(before:)`` hands back the pages behind
/// a reader's position, so a 555 MB dataset is never resident whole (read into an array, it
/// was, beside the dataset built from it). A released page read again is read again from the
/// page cache: nothing is lost, only time.
///
/// A mapped file that another program truncates while it is read (or a disk that fails under
/// it) faults with SIGBUS, as it does for git or ripgrep, which map files too. While a file is
/// mapped, a SIGBUS that nothing else handles ends the process with one line naming the file
/// and exit status 1, not a crash report (``BusErrorGuard``).
final class MappedFile {
    let name: String
    let buffer: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private var released = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
    /// Pages are handed back in steps of this many bytes at least (by default).
    static let releaseStep = 32 << 20
    /// This file's step (a test sets a page, to hand pages back in a small file).
    let step: Int

    /// Maps `path`, or returns nil when it is not a non-empty regular file that can be mapped
    /// (the caller then reads it as ``InputFile`` does, with that reader's messages).
    /// - Parameters:
    ///   - path: the file.
    ///   - step: hand pages back once this many bytes are behind the reader.
    init?(path: String, step: Int = MappedFile.releaseStep) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        _ = madvise(p, size, MADV_SEQUENTIAL)
        BusErrorGuard.watch(path)
        self.step = step
        name = path
        base = p
        buffer = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        if let base { munmap(base, buffer.count) }
        BusErrorGuard.unwatch()
    }

    /// Hands back the whole pages before `offset` that were not yet handed back, once they come
    /// to ``releaseStep`` bytes.
    func release(before offset: Int) {
        guard let base else { return }
        let end = Swift.min(offset, buffer.count) / Self.pageSize * Self.pageSize
        guard end - released >= step else { return }
        _ = madvise(base + released, end - released, MADV_DONTNEED)
        released = end
    }

    /// Hands back the whole pages inside `range`: a chunk's own pages once it is read (chunks
    /// are read on several threads, so not in order). Pages touched again are read again from
    /// the page cache.
    func release(_ range: Range<Int>) {
        guard let base else { return }
        let lower = (range.lowerBound + Self.pageSize - 1) / Self.pageSize * Self.pageSize
        let upper = Swift.min(range.upperBound, buffer.count) / Self.pageSize * Self.pageSize
        guard upper > lower else { return }
        _ = madvise(base + lower, upper - lower, MADV_DONTNEED)
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

/// Turns a SIGBUS while a file is mapped (truncated by another program, a failing disk) into one
/// line on standard error naming the file, and exit status 1. Installed only where SIGBUS has
/// its default action (a host program's own handler is left alone), and only async-signal-safe
/// calls run in it: the message is prepared when the file is mapped.
enum BusErrorGuard {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<UInt8>? = nil
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var installed = false
    private static let lock = NSLock()

    static func watch(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        let text = Array("tnet: error: \(path): the file changed or could not be read while it was being read (truncated by another program?)\n".utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: text.count)
        buffer.initialize(from: text, count: text.count)
        let old = message
        length = 0  // the handler reads nothing while the message changes
        message = buffer
        length = text.count
        old?.deallocate()
        guard !installed else { return }
        var current = sigaction()
        sigaction(SIGBUS, nil, &current)
        guard current.__sigaction_handler.sa_handler == nil else { return }  // SIG_DFL only
        var new = sigaction()
        new.__sigaction_handler.sa_handler = handler
        sigemptyset(&new.sa_mask)
        sigaction(SIGBUS, &new, nil)
        installed = true
    }

    static func unwatch() {
        lock.lock(); defer { lock.unlock() }
        length = 0
    }

    private static let handler: @convention(c) (Int32) -> Void = { _ in
        if let message = BusErrorGuard.message, BusErrorGuard.length > 0 {
            _ = write(2, message, BusErrorGuard.length)
            _exit(1)
        }
        signal(SIGBUS, SIG_DFL)
        raise(SIGBUS)
    }
}
