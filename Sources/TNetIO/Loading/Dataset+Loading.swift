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

    /// Writes the dataset in the format its path's extension names (atomically).
    /// - Parameters:
    ///   - path: the file (or, for CSV, the folder) to write.
    ///   - format: the format when the extension does not tell.
    /// - Throws: ``ReadError`` when neither `format` nor the extension names a format, or the
    ///   format cannot hold the dataset; ``AtomicFile/WriteError`` when a file cannot be written.
    public func write(to path: String, format: DatasetFormat? = nil) throws {
        guard let f = format ?? DatasetFormat(path: path) else {
            throw ReadError("cannot tell the format from the extension", file: path)
        }
        for (p, bytes) in try f.encode(self, path: path) { try AtomicFile.write(bytes, to: p) }
    }
}
