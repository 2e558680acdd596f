import ArgumentParser
import Foundation
import Synchronization
import TraffickingNetworks

/// A one-line error for the user: `tnet: error: PREFIXmessage`.
struct CLIError: Error, CustomStringConvertible {
    let prefix: String
    let message: String
    init(_ prefix: String, _ message: String) { self.prefix = prefix; self.message = message }
    init(_ message: String) { self.init("", message) }
    var description: String { prefix + message }
}

enum Diagnostics {
    /// Writes a line on standard error, after clearing a progress line on a terminal
    /// (helper-54: `tnet: reading calls.csv…tnet: warning: …` on one line).
    static func write(_ line: String) {
        TerminalProgress.clear()
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func warning(_ message: String) { write("tnet: warning: " + oneLine(message)) }

    /// What redaction changed besides the protected records (``LoadedDataset/redactionNotices``),
    /// one warning each, so that nothing changes silently; a long list is cut after
    /// ``shownNotices``, with the count of the rest, so that a large dataset does not flood the
    /// terminal.
    static func redactionNotices(_ notices: [String]) {
        for n in notices.prefix(shownNotices) { warning("redaction: \(n)") }
        if notices.count > shownNotices {
            warning("redaction: \(notices.count - shownNotices) more changes of the same kinds (ids renamed, names or URLs withheld, keys kept apart)")
        }
    }

    /// How many of redaction's notices are shown one by one.
    static let shownNotices = 50

    /// Information about a result (an approximation's error bound, say), on standard error.
    static func note(_ message: String) { write("tnet: note: " + oneLine(message)) }

    /// Runs a command body; any error becomes one line on standard error and exit code 1.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let text: String
            switch error {
            case let e as CLIError: text = e.description
            case let e as ReadError:
                text = e.description + (e.message.hasPrefix("cannot tell the format from the extension") ? " (--input-format; convert also takes --from)"
                                        : e.message.hasPrefix("cannot tell the output format") ? " (--to)" : "")
            case let e as DatasetFilter.Failure: text = "--" + e.description
            case let e as GraphvizError: text = e.description
            case let e as AnalysisError: text = flagged(e)
            case let e as LayoutError:
                switch e {
                case .timedOut: text = e.description + "; try --engine sfdp, a --top view or a filter"
                case .crashed: text = e.description + ". Try another --engine or leave out risky layout attributes such as concentrate"
                default: text = e.description
                }
            case let e as AtomicFile.WriteError: text = e.description
            default: text = "\(error)"
            }
            write("tnet: error: " + oneLine(text))
            throw ExitCode.failure
        }
    }

    /// An analysis error naming the command-line option that carried the item at fault.
    static func flagged(_ e: AnalysisError) -> String {
        if case .onBothSides(let id) = e { return "\(quoted(id)) is on both sides of the flow (--from and --to)" }
        let flags = ["avoid": "--avoid", "via": "--via", "targets": "--targets", "sources": "--from", "sinks": "--to",
                     "onto": "--onto", "through": "--through"]
        guard let p = e.parameter, let flag = flags[p] else { return e.description }
        return flag + e.description.dropFirst(p.count)
    }

    /// Collapses line breaks so that every diagnostic is one line.
    /// …and cuts it at ``maxLine`` characters with a count of the rest: a message quoting a
    /// megabyte-long field is still one readable line.
    /// Also escaped for the terminal: every control character, escape sequence start and
    /// bidirectional override (`Unicode.Scalar.isDisplayControl`) a dataset's name or a typed
    /// argument holds is shown as a space, so a hostile file cannot recolour, rewrite or
    /// reverse the user's terminal through a warning.
    static func oneLine(_ s: String) -> String { TextTable.boundedLine(s, limit: maxLine) }

    /// The longest diagnostic printed whole.
    static let maxLine = 2_000
}
