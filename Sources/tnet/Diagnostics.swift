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
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func warning(_ message: String) { write("tnet: warning: " + oneLine(message)) }

    /// Information about a result (an approximation's error bound, say), on standard error.
    static func note(_ message: String) { write("tnet: note: " + oneLine(message)) }

    /// Runs a command body; any error becomes one line on standard error and exit code 1.
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            Progress.clear()
            let text: String
            switch error {
            case let e as CLIError: text = e.description
            case let e as ReadError:
                text = e.description + (e.message.hasPrefix("cannot tell the format from the extension") ? " (--input-format; convert also takes --from)" : "")
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
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: \.isNewline).joined(separator: " ")  // "\r\n" is one Character
    }
}

/// Prints what a long step is doing, on standard error, only when standard error is a terminal.
enum Progress {
    nonisolated(unsafe) private static var shown = false
    static let enabled = isatty(2) != 0
    /// When the current computation started, and when a fraction was last shown.
    private static let meter = Mutex<(start: Double, last: Double)>((0, 0))

    private static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// A measure's fraction done, from any thread: shown once the measure has run for a second,
    /// at most ten times a second.
    @Sendable static func fraction(_ label: String, _ done: Double) {
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

    static func step(_ message: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2Ktnet: \(message)…".utf8))
        shown = true
    }

    static func clear() {
        guard enabled, shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        shown = false
    }
}

/// Writes text to standard output.
func emit(_ text: String) { emitBytes(Array(text.utf8)) }

/// Writes bytes (a rendered PNG, say) to standard output.
func emitBytes(_ bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }

/// Writes encoded output files, each atomically; `-` goes to standard output. A CSV folder
/// that does not exist yet is created.
func writeOutputs(_ files: [(path: String, bytes: [UInt8])], format: DatasetFormat) throws {
    if format == .csv, let first = files.first {
        let folder = (first.path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError("\(folder): cannot create the folder: \(error.localizedDescription)")
            }
        }
    }
    for (path, bytes) in files {
        if path == "-" { emitBytes(bytes) } else { try AtomicFile.write(bytes, to: path) }
    }
}

/// The format of an output path: `--to`, else the extension, else JSON on standard output.
func outputFormat(_ output: String, _ to: DatasetFormat?) throws -> DatasetFormat {
    guard let format = to ?? (output == "-" ? .json : DatasetFormat(path: output)) else {
        throw CLIError("\(output): cannot tell the output format from the extension; use --to with one of: "
                       + DatasetFormat.allCases.map(\.rawValue).joined(separator: ", "))
    }
    return format
}
