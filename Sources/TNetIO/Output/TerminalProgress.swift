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
    /// Whether a line is on the terminal to be cleared (set from worker threads too).
    private static let shown = Atomic<Bool>(false)
    /// Whether standard error is a terminal.
    public static let enabled = isatty(2) != 0
    /// When the first measure started, the measure now under way and when it started, when a
    /// fraction was last shown, and the last fraction told.
    private static let meter = Mutex<(first: Double, label: String, start: Double, startDone: Double, last: Double, done: Double)>((0, "", 0, 0, 0, 0))

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// A measure's fraction done, from any thread: shown once the first measure has run for a
    /// second, at most ten times a second, with the time left once it can be told (fits
    /// `CentralityAnalysisOptions.progress`). A new label, or a fraction well below the last (a
    /// measure made again, one step of a removal sequence; not two threads telling their
    /// fractions out of order), is a new measure, timed from now.
    /// - Parameters:
    ///   - label: what is measured.
    ///   - done: the fraction done, from 0 to 1.
    @Sendable public static func fraction(_ label: String, _ done: Double) {
        guard enabled else { return }
        let t = now()
        let left: String?? = meter.withLock { m in
            if m.first == 0 { m.first = t }
            if m.start == 0 || m.label != label || done < m.done - 0.25 { (m.label, m.start, m.startDone) = (label, t, done) }
            m.done = done
            guard t - m.first >= 1, t - m.last >= 0.1 || done >= 1 else { return nil }
            m.last = t
            return .some(timeLeft(elapsed: t - m.start, done: done, since: m.startDone))
        }
        guard let left else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2Ktnet: \(label) \(Int(done * 100))%\(left.map { ", " + $0 } ?? "")…".utf8))
        shown.store(true, ordering: .relaxed)
    }

    /// The time left at the pace so far, in words (`about 40 s left`; a line then reads
    /// `tnet: fragmentation 15%, about 3 min left…`): the time taken per fraction done since the
    /// measure was first told, times the fraction to go. Nil until it can be told: before five
    /// seconds or 5 % (the first sources of a sample are no guide), and at the end.
    /// - Parameters:
    ///   - elapsed: seconds since the measure was first told.
    ///   - done: the fraction done, from 0 to 1.
    ///   - since: the fraction it first told (helper-55: a search that first said 20 % was
    ///     timed as if it had done all of it in the time since, and its time left halved).
    static func timeLeft(elapsed: Double, done: Double, since start: Double = 0) -> String? {
        guard elapsed >= 5, done - start >= 0.05, done < 1 else { return nil }
        let seconds = elapsed * (1 - done) / (done - start)
        if seconds < 60 { return "about \(max(5, Int((seconds / 5).rounded()) * 5)) s left" }
        if seconds < 5400 { return "about \(Int((seconds / 60).rounded())) min left" }
        return "about \(Int((seconds / 3600).rounded())) h left"
    }

    /// Shows the step now under way (`tnet: reading calls.csv…`) on a terminal; nothing when
    /// standard error is not one.
    /// - Parameter message: the step, without a final ellipsis.
    public static func step(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2Ktnet: \(message)…".utf8))
        shown.store(true, ordering: .relaxed)
    }

    /// Clears the line, before anything else is printed.
    public static func clear() {
        guard enabled, shown.exchange(false, ordering: .relaxed) else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}

