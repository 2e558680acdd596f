import Foundation
import TNetModel

extension Dataset {
    /// Reads a dataset in any format tnet knows (by extension: .json, .graphml, .dot, a CSV
    /// folder, an edge list) and refuses one with errors. No redaction and no filter: for a
    /// victim-safe load use ``load(_:options:)-(String,_)`` or ``init(contentsOf:redactingVictims:filter:)``.
    /// - Parameters:
    ///   - path: a file, a CSV folder, or `-` for standard input.
    ///   - format: the format when the extension does not tell.
    ///   - warnings: called with each warning (an unknown field, an unsourced link…).
    /// - Throws: ``ReadError`` for a file that cannot be read, or with the first error found
    ///   (`ValidationIssue` text with its file, line and column).
    public init(contentsOf path: String, format: DatasetFormat? = nil, warnings: (ValidationIssue) -> Void = { _ in }) throws {
        let (dataset, issues) = try DatasetFormat.read(path: path, format: format)
        let all = issues + dataset.validate()
        if let first = all.first(where: { $0.severity == .error }) {
            throw ReadError(first.message, at: first.location, file: first.location == nil ? path : nil)
        }
        for w in all where w.severity == .warning { warnings(w) }
        self = dataset
    }

    /// Writes the dataset in the format its path's extension names, each file atomically; `-`
    /// writes to standard output (JSON unless `format` says otherwise). A CSV folder that does not
    /// exist yet is created.
    /// - Parameters:
    ///   - path: the file (or, for CSV, the folder) to write, or `-`.
    ///   - format: the format when the extension does not tell.
    /// - Throws: ``ReadError`` when neither `format` nor the extension names a format, the
    ///   format cannot hold the dataset or the folder cannot be made; ``AtomicFile/WriteError``
    ///   when a file cannot be written.
    public func write(to path: String, format: DatasetFormat? = nil) throws {
        let f = try DatasetFormat.output(for: path, format: format)
        let files = try f.encode(self, path: path)
        if f == .csv, let first = files.first, first.path != "-" {
            let folder = (first.path as NSString).deletingLastPathComponent
            if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw ReadError("cannot create the folder: \(error.localizedDescription)", file: folder)
                }
            }
        }
        for (p, bytes) in files {
            if p == "-" { FileHandle.standardOutput.write(Data(bytes)) } else { try AtomicFile.write(bytes, to: p) }
        }
    }
}

extension DatasetFormat {
    /// The format a dataset is written in to `path`: `format` when given, else the extension's,
    /// JSON for standard output (`-`).
    /// - Parameters:
    ///   - path: the output path, or `-`.
    ///   - format: the format asked for, if any.
    /// - Returns: the format.
    /// - Throws: ``ReadError`` when neither `format` nor the extension tells.
    public static func output(for path: String, format: DatasetFormat? = nil) throws -> DatasetFormat {
        guard let f = format ?? (path == "-" ? .json : DatasetFormat(path: path)) else {
            throw ReadError("cannot tell the output format from the extension; name it, one of: "
                            + DatasetFormat.allCases.map(\.rawValue).joined(separator: ", "), file: path)
        }
        return f
    }
}
