import TNetModel

/// How a dataset is read for analysis: the reading options, the format, whether protected
/// persons are redacted, and the filter that makes the view.
public struct LoadOptions: Sendable {
    /// What the files do not say (direction, text encoding, column names, date layout).
    public var read = ReadOptions()
    /// The format when the path's extension does not tell; nil: by extension, or sniffed.
    public var format: DatasetFormat?
    /// Replace protected persons (victims, survivors, witnesses) by pseudonyms before anything
    /// is validated, reported or analysed (`Redaction`, TNetModel).
    public var redactVictims = false
    /// The view analysed; applied after redaction.
    public var filter = DatasetFilter()

    /// Load options.
    /// - Parameters:
    ///   - read: what the files do not say.
    ///   - format: the format when the extension does not tell.
    ///   - redactVictims: replace protected persons by pseudonyms first.
    ///   - filter: the view to keep.
    public init(read: ReadOptions = ReadOptions(), format: DatasetFormat? = nil, redactVictims: Bool = false, filter: DatasetFilter = DatasetFilter()) {
        self.read = read
        self.format = format
        self.redactVictims = redactVictims
        self.filter = filter
    }
}

/// Something a filter asked for that the dataset does not have: a typo would otherwise empty
/// the result without a word.
public enum FilterWarning: Sendable, Hashable {
    /// No entity has this kind.
    case noEntityOfKind(EntityKind)
    /// No link has this kind.
    case noLinkOfKind(LinkKind)
    /// No entity has this role.
    case noEntityWithRole(PersonRole)
    /// A date filter was set but nothing in the dataset has a date, so every fact is kept.
    case nothingDated
}

/// A dataset read, redacted, validated and filtered, with what was found on the way.
public struct LoadedDataset: Sendable {
    /// The view to analyse.
    public var dataset: Dataset
    /// The input and the filter, with the counts before it (for result headers).
    public var source: ResultSource
    /// Warnings from reading and validation, protected persons' names scrubbed.
    public var warnings: [ValidationIssue]
    /// What the filter asked for that the dataset does not have.
    public var filterWarnings: [FilterWarning]
    /// How many protected persons were replaced by pseudonyms.
    public var redacted: Int
    /// Whether protected persons were redacted (asked for, whether or not any was found).
    public var isRedacted: Bool
}

/// A dataset that cannot be analysed: the first error reading or validation found, with its
/// location, protected persons' names scrubbed when redacting.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    /// The first error.
    public var issue: ValidationIssue
    /// The input as given (for an error without a location).
    public var file: String
    /// How many more errors there are.
    public var more: Int

    /// `FILE:LINE:COL: message (and N more problems)`.
    public var description: String {
        (issue.location.map { "\($0): " } ?? "\(file): ") + issue.message
            + (more > 0 ? " (and \(more) more problem\(more > 1 ? "s" : ""))" : "")
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
                throw error.withheld
            }
        }
        var redaction: Redaction?
        var datasets = read.map(\.dataset)
        if options.redactVictims {
            var r = Redaction()
            datasets = r.apply(to: datasets)
            redaction = r
        }
        let scrub = { (s: String) in redaction?.scrub(s) ?? s }
        var loaded: [LoadedDataset] = []
        for (i, path) in paths.enumerated() {
            // Validated before redaction (the messages are scrubbed instead): a pseudonym must
            // not hide a problem such as a duplicate id.
            let all = (read[i].issues + read[i].dataset.validate()).map { issue in
                var issue = issue
                issue.message = scrub(issue.message)
                return issue
            }
            let errors = all.filter { $0.severity == .error }
            if let first = errors.first { throw LoadError(issue: first, file: path, more: errors.count - 1) }
            let dataset = datasets[i]
            let filter = options.filter
            var warnings: [FilterWarning] = []
            var source = ResultSource(file: path)
            var view = dataset
            if !filter.isEmpty {
                warnings = filter.warnings(for: dataset)
                view = try filter.apply(to: dataset)
                source = ResultSource(file: path, filter: filter, before: DatasetCounts(dataset))
            }
            loaded.append(LoadedDataset(dataset: view, source: source, warnings: all.filter { $0.severity == .warning },
                                        filterWarnings: warnings, redacted: redaction?.count ?? 0, isRedacted: redaction != nil))
        }
        return loaded
    }

    /// Reads a dataset for a script, protected persons replaced by pseudonyms before anything
    /// else runs (``load(_:options:)-(String,_)`` with redaction).
    /// - Parameters:
    ///   - path: a file, a CSV folder, or `-` for standard input.
    ///   - redactingVictims: replace protected persons by pseudonyms (`victim-1`, "Victim 1").
    ///   - filter: the view to keep.
    /// - Throws: as ``load(_:options:)-(String,_)``.
    public init(contentsOf path: String, redactingVictims: Bool, filter: DatasetFilter = DatasetFilter()) throws {
        self = try Self.load(path, options: LoadOptions(redactVictims: redactingVictims, filter: filter)).dataset
    }
}

extension DatasetFilter {
    /// What this filter asks for that `dataset` does not have.
    /// - Parameter dataset: the dataset before filtering.
    /// - Returns: one warning per kind or role that names nothing, and one when a date filter
    ///   meets a dataset with no dates.
    public func warnings(for dataset: Dataset) -> [FilterWarning] {
        var out: [FilterWarning] = []
        if let kinds = entityKinds {
            let present = Set(dataset.entities.map(\.kind))
            out += kinds.sorted().filter { !present.contains($0) }.map(FilterWarning.noEntityOfKind)
        }
        if let kinds = linkKinds {
            let present = Set(dataset.links.map(\.kind))
            out += kinds.sorted().filter { !present.contains($0) }.map(FilterWarning.noLinkOfKind)
        }
        let roles = Set(dataset.entities.compactMap(\.role))
        out += excludedRoles.sorted().filter { !roles.contains($0) }.map(FilterWarning.noEntityWithRole)
        if asOf != nil && !dataset.entities.contains(where: { $0.period != nil }) && !dataset.links.contains(where: { $0.period != nil }) {
            out.append(.nothingDated)
        }
        return out
    }
}

extension ValidationListing {
    /// Every problem of a dataset file, reading and validation together, for review: a file that
    /// cannot be parsed is one finding with its location. With `options.redactVictims` no
    /// message names a protected person (a parse error's text, which may quote the file, is
    /// withheld).
    /// - Parameters:
    ///   - path: the file or CSV folder.
    ///   - options: how to read, and whether to redact (the filter is not applied).
    /// - Throws: ``ReadError`` only when the file cannot be opened at all (no such file).
    /// - Complexity: linear in the size of the input.
    public init(validating path: String, options: LoadOptions = LoadOptions()) throws {
        var issues: [ValidationIssue]
        do {
            let (dataset, readIssues) = try DatasetFormat.read(path: path, format: options.format, options: options.read)
            issues = readIssues + dataset.validate()
            if options.redactVictims {
                var redaction = Redaction()
                _ = redaction.apply(to: dataset)
                issues = issues.map { var i = $0; i.message = redaction.scrub(i.message); return i }
            }
        } catch let error as ReadError where error.file != nil || error.location != nil {
            issues = [options.redactVictims ? error.withheld.issue : error.issue]
        }
        self.init(issues, file: path)
    }
}
