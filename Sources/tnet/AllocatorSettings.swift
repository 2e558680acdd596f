import Foundation

/// Settings for the allocator release builds link (mimalloc, see Package.swift).
enum AllocatorSettings {
    /// Asks mimalloc for 2 MiB pages (transparent huge pages, through `madvise`) for the large
    /// arrays of a big graph: a command on the 200,000-node benchmark graph spent a fifth of its
    /// time in page faults, mostly first touches of fresh memory, and with 2 MiB pages its
    /// system time fell from about 0.22 s to 0.07 s (`MIMALLOC_LARGE_OS_PAGES=1`, measured).
    /// A no-op in debug builds, which use glibc's allocator (mimalloc's `mi_option_set` is
    /// looked up, not linked), and when the user set the variable either way.
    static func apply() {
        #if os(Linux)
        guard getenv("MIMALLOC_LARGE_OS_PAGES") == nil, let symbol = dlsym(nil, "mi_option_set") else { return }
        typealias OptionSet = @convention(c) (Int32, Int) -> Void
        // mimalloc 2.0's mi_option_large_os_pages (mimalloc.h's enum mi_option_e).
        let largeOSPages: Int32 = 6
        unsafeBitCast(symbol, to: OptionSet.self)(largeOSPages, 1)
        #endif
    }
}
