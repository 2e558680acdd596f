import Foundation
import TNetModel

extension Dataset {
    /// Reads a dataset in any format tnet knows (by extension: .json, .graphml, .dot, a CSV
    /// folder, an edge list) and refuses one with errors. No redaction and no filter: for a
    /// victim-safe load use ``load(_:options:)-(String,_)`` or ``init(contentsOf:redactingVictims:filter:warnings:)``.
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
    /// writes to standard output (JSON unless `format` says otherwise), cut to
    /// ``TerminalOutput/lineLimit`` lines with a note to `warnings` when that is a terminal. A
    /// CSV folder that does not exist yet is created.
    /// - Parameters:
    ///   - path: the file (or, for CSV, the folder) to write, or `-`.
    ///   - format: the format when the extension does not tell.
    ///   - warnings: called with each thing the format leaves out (FtM: an attribute no FtM
    ///     property takes), one line each; by default written to standard error.
    /// - Throws: ``ReadError`` when neither `format` nor the extension names a format, the
    ///   format cannot hold the dataset or the folder cannot be made; ``AtomicFile/WriteError``
    ///   when a file cannot be written.
    public func write(to path: String, format: DatasetFormat? = nil,
                      warnings: (String) -> Void = { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }) throws {
        let f = try DatasetFormat.output(for: path, format: format)
        // A native dataset, GraphML, an edge list, DOT or FtM goes to its file in the pieces it
        // is made in, never joined.
        if f == .json && path != "-" {
            return try AtomicFile.write(to: path) { emit in try NativeJSONWriter.stream(self, emit) }
        }
        if f == .graphml && path != "-" {
            return try AtomicFile.write(to: path) { emit in try GraphMLWriter.stream(self, emit) }
        }
        if f == .edgelist && path != "-" {
            return try AtomicFile.write(to: path) { emit in try EdgeListWriter.stream(self, emit) }
        }
        if f == .dot && path != "-" {
            return try AtomicFile.write(to: path) { emit in try DOTDatasetWriter.stream(self, emit) }
        }
        if f == .ftm && path != "-" {
            var lost: [String] = []
            try AtomicFile.write(to: path) { emit in lost = try FtMWriter.stream(self, emit) }
            for w in lost { warnings(w) }
            return
        }
        let files = try f.encode(self, path: path, warnings: warnings)
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
            if p == "-" { TerminalOutput.write(bytes, what: "the dataset", note: warnings) } else { try AtomicFile.write(bytes, to: p) }
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

extension Dataset {
    /// Reads, redacts, validates and filters a dataset, in that order: the victim-safe load every
    /// command of `tnet` uses. Redaction comes before validation, so no message (an error, a
    /// warning) can name a protected person, and before the filter, so a person's pseudonym is
    /// the same whatever the filter keeps.
    ///
    /// ```swift
    /// let loaded = try Dataset.load("datasets/mekong-2023.json", options: LoadOptions(redactVictims: true))
    /// print(loaded.dataset.entities.count, loaded.redacted)
    /// ```
    /// - Parameters:
    ///   - path: a file, a CSV folder, or `-` for standard input.
    ///   - options: how to read, whether to redact, what to keep.
    /// - Returns: the view, with warnings and counts.
    /// - Throws: ``ReadError`` when the file cannot be read or parsed (its text withheld when
    ///   redacting: a parse error may quote a name); ``LoadError`` with the first validation
    ///   error; `DatasetFilter.Failure` when the filter cannot apply (an ego that is not there).
    /// - Complexity: linear in the size of the input, plus the filter's cost.
    public static func load(_ path: String, options: LoadOptions = LoadOptions()) throws -> LoadedDataset {
        try load([path], options: options)[0]
    }

    /// Reads several datasets with one redaction, so that a person has the same pseudonym in
    /// each (two versions of a file compared), then validates and filters each.
    /// - Parameters:
    ///   - paths: the inputs.
    ///   - options: how to read, whether to redact, what to keep.
    /// - Returns: one loaded dataset per path, in order.
    /// - Throws: as ``load(_:options:)-(String,_)``, for the first input with an error.
    public static func load(_ paths: [String], options: LoadOptions = LoadOptions()) throws -> [LoadedDataset] {
        let read = try paths.map { path in
            do {
                return try DatasetFormat.read(path: path, format: options.format, options: options.read)
            } catch let error as ReadError where options.redactVictims {
                throw error.withheld(as: options.format ?? DatasetFormat(path: path))
            }
        }
        var redaction: Redaction?
        var datasets = read.map(\.dataset)
        if options.redactVictims {
            var r = Redaction()
            datasets = r.apply(to: datasets)
            if options.separateInputs, let clash = Redaction.protectedIDInTwoInputs(read.map(\.dataset)) {
                // (The id is not quoted: it may spell the person's name.)
                let where_ = read[clash.later].dataset.locations?.entity(clash.entity).map { SourceLocation(file: r.scrub($0.file), line: $0.line, column: $0.column) }
                throw LoadError(issue: ValidationIssue(.error, .duplicateEntityID,
                    "this entity's id is also an entity's in \(r.scrub(paths[clash.earlier])), and one of the two is a protected person: with --redact victims, separate inputs are redacted together and the two would share one pseudonym; merge the originals, then redact the result",
                    at: where_), file: r.scrub(paths[clash.later]), more: 0)
            }
            // A role redaction cannot read could be a victim's in a language tnet does not know
            // (helper-54: `Opfer`, `korban` were named in redacted outputs). Neither the role
            // nor the id is quoted (either may name the person); the file is scrubbed.
            for (i, path) in paths.enumerated() {
                let unread = Redaction.unreadableIssues(in: read[i].dataset)
                guard let first = unread.first else { continue }
                throw LoadError(issue: r.redacting([first], of: read[i].dataset).first ?? first, file: r.scrub(path), more: unread.count - 1)
            }
            redaction = r
        }
        let scrub = { (s: String) in redaction?.scrub(s) ?? s }
        var loaded: [LoadedDataset] = []
        for (i, path) in paths.enumerated() {
            // Validated before redaction (the messages are redacted instead): a pseudonym must
            // not hide a problem such as a duplicate id. A message about a protected person's
            // record says only the kind of problem; the others, and the location's file (a
            // folder or file may be named after a person), are scrubbed.
            let issues = read[i].issues + read[i].dataset.validate()
            let all = redaction.map { $0.redacting(issues, of: read[i].dataset) } ?? issues
            let errors = all.filter { $0.severity == .error }
            if let first = errors.first { throw LoadError(issue: first, file: scrub(path), more: errors.count - 1) }
            let dataset = datasets[i]
            // Kinds and roles typed are read as the redacted dataset spells them; one that named a
            // protected person is not quoted in a warning, nor recorded as typed in the output.
            let (filter, named) = redaction?.redacting(options.filter) ?? (options.filter, [])
            var warnings: [FilterWarning] = []
            var source = ResultSource(file: scrub(path))
            var view = dataset
            if !filter.isEmpty {
                let found = filter.warnings(for: dataset)
                warnings = found.map { $0.withholding(named) }
                do { view = try filter.apply(to: dataset) } catch {
                    // The ego's text, typed by the user, may be a protected person's name; scrubbed to
                    // a pseudonym it would confirm whose name it is. Under redaction it is not repeated.
                    guard redaction != nil else { throw error }
                    throw DatasetFilter.Failure(message: "ego: no entity has the id, name or alias given, or the other filters exclude it (the text is not repeated under --redact victims)")
                }
                source = ResultSource(file: scrub(path), filter: Self.withholding(found, named: named, in: filter), before: DatasetCounts(dataset))
            }
            loaded.append(LoadedDataset(dataset: view, source: source, warnings: all.filter { $0.severity == .warning },
                                        filterWarnings: warnings, redacted: redaction?.count ?? 0, isRedacted: redaction != nil,
                                        path: path, redactionNotices: i == 0 ? redaction?.notices ?? [] : []))
        }
        return loaded
    }

    /// `filter` as an output records it: each kind or role typed that named a protected person
    /// and matched nothing shown as ``withheldValue`` (its rewritten text, `safehouse_of_Victim 1`,
    /// would say whose name was typed). One that matched is the dataset's own redacted spelling
    /// and stays.
    static func withholding(_ warnings: [FilterWarning], named: Set<String>, in filter: DatasetFilter) -> DatasetFilter {
        guard !named.isEmpty else { return filter }
        var unmatched = Set<String>()
        for w in warnings {
            switch w {
            case .noEntityOfKind(let k): unmatched.insert(k.rawValue)
            case .noLinkOfKind(let k): unmatched.insert(k.rawValue)
            case .noEntityWithRole(let r): unmatched.insert(r.rawValue)
            default: break
            }
        }
        func shown(_ s: String) -> String { named.contains(s) && unmatched.contains(s) ? withheldValue : s }
        var out = filter
        out.entityKinds = filter.entityKinds.map { Set($0.map { EntityKind(shown($0.rawValue)) }) }
        out.linkKinds = filter.linkKinds.map { Set($0.map { LinkKind(shown($0.rawValue)) }) }
        out.excludedRoles = Set(filter.excludedRoles.map { PersonRole(shown($0.rawValue)) })
        return out
    }

    /// What an output shows for a filter value that named a protected person and matched nothing.
    public static let withheldValue = "(a value naming a protected person, withheld)"

    /// Reads a dataset for a script, protected persons replaced by pseudonyms before anything
    /// else runs (``load(_:options:)-(String,_)`` with redaction).
    /// - Parameters:
    ///   - path: a file, a CSV folder, or `-` for standard input.
    ///   - redactingVictims: replace protected persons by pseudonyms (`victim-1`, "Victim 1").
    ///   - filter: the view to keep.
    ///   - warnings: called with each warning, reading and validation's (scrubbed) and the
    ///     filter's, one line each; by default they go to standard error, so none is lost.
    /// - Throws: as ``load(_:options:)-(String,_)``.
    public init(contentsOf path: String, redactingVictims: Bool, filter: DatasetFilter = DatasetFilter(),
                warnings: (String) -> Void = { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }) throws {
        let loaded = try Self.load(path, options: LoadOptions(redactVictims: redactingVictims, filter: filter))
        for w in loaded.warnings { warnings(w.description) }
        for n in loaded.redactionNotices { warnings("redaction: \(n)") }
        for w in loaded.filterWarnings { warnings("\(loaded.source.file): filter: \(w)") }
        self = loaded.dataset
    }
}
