import Foundation

/// Settings for the allocator release builds link (mimalloc, see Package.swift).
enum AllocatorSettings {
    /// Inputs from this size on are read without 2 MiB pages (see ``apply(arguments:)``).
    static let largeInput = 256 << 20

    /// Asks mimalloc for 2 MiB pages (transparent huge pages, through `madvise`) for the large
    /// arrays of a big graph: a command on the 200,000-node benchmark graph spent a fifth of its
    /// time in page faults, mostly first touches of fresh memory, and with 2 MiB pages its
    /// system time fell from about 0.22 s to 0.07 s (`MIMALLOC_LARGE_OS_PAGES=1`, measured).
    /// A no-op in debug builds, which use glibc's allocator (mimalloc's `mi_option_set` is
    /// looked up, not linked), and when the user set the variable either way.
    ///
    /// Not when an argument names a file of ``largeInput`` bytes or more: there every thread's
    /// heap holding whole 2 MiB pages cost more resident memory than the pages saved time (a
    /// 555 MB dataset read on two cores peaked at 1.12 GB with them, 0.77 GB without).
    static func apply(arguments: some Sequence<String>) {
        #if os(Linux)
        guard getenv("MIMALLOC_LARGE_OS_PAGES") == nil, let symbol = dlsym(nil, "mi_option_set") else { return }
        for a in arguments {
            var info = stat()
            if stat(a, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) >= largeInput { return }
        }
        typealias OptionSet = @convention(c) (Int32, Int) -> Void
        // mimalloc 2.0's mi_option_large_os_pages (mimalloc.h's enum mi_option_e).
        let largeOSPages: Int32 = 6
        unsafeBitCast(symbol, to: OptionSet.self)(largeOSPages, 1)
        #endif
    }
}
