import Foundation
import Synchronization

/// Shows what a long step is doing on standard error, on one line rewritten in place, only when
/// standard error is a terminal (nothing at all in a pipe or a log file): the progress display
/// of `tnet`, for scripts too.
///
/// ```swift
/// TerminalProgress.step("ranking 5000 entities")
/// defer { TerminalProgress.clear() }
/// ```
public enum TerminalProgress {
    nonisolated(unsafe) private static var shown = false
    /// Whether standard error is a terminal.
    public static let enabled = isatty(2) != 0
    /// When the current computation started, and when a fraction was last shown.
    private static let meter = Mutex<(start: Double, last: Double)>((0, 0))

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// A measure's fraction done, from any thread: shown once the measure has run for a second,
    /// at most ten times a second (fits `CentralityAnalysisOptions.progress`).
    /// - Parameters:
    ///   - label: what is measured.
    ///   - done: the fraction done, from 0 to 1.
    @Sendable public static func fraction(_ label: String, _ done: Double) {
        guard enabled else { return }
        let t = now()
        let show: Bool = meter.withLock { m in
            if m.start == 0 { m.start = t }
            guard t - m.start >= 1, t - m.last >= 0.1 || done >= 1 else { return false }
            m.last = t
            return true
        }
        guard show else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2Ktnet: \(label) \(Int(done * 100))%…".utf8))
    }

    /// Shows the step now under way (`tnet: reading calls.csv…`) on a terminal; nothing when
    /// standard error is not one.
    /// - Parameter message: the step, without a final ellipsis.
    public static func step(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2Ktnet: \(message)…".utf8))
        shown = true
    }

    /// Clears the line, before anything else is printed.
    public static func clear() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        shown = false
    }
}

