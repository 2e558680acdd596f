import TNetModel

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
    /// The input's path as given, to read the file again (its digest). ``source`` names it as
    /// every output shows it: under redaction a path that names a protected person is scrubbed
    /// there (`Somchai Prasert.json` → `Victim 1.json`).
    public var path: String
    /// What redaction changed besides the protected persons' own records (``Redaction/notices``:
    /// ids renamed, URLs and names withheld, attribute keys kept apart), naming no one; on the
    /// first dataset of a load only (one redaction serves them all). Shown as warnings.
    public var redactionNotices: [String] = []
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
    public var description: String { description(pointingTo: nil) }

    /// The one line, with `listing` (where the other problems are listed) added to the count
    /// of the others when there are any.
    /// - Parameter listing: words naming where every problem is listed, or nil.
    /// - Returns: `FILE:LINE:COL: message (and N more problems; listing)`.
    public func description(pointingTo listing: String?) -> String {
        (issue.location.map { "\($0): " } ?? "\(file): ") + issue.message
            + (more > 0 ? " (and \(more) more problem\(more > 1 ? "s" : "")\(listing.map { "; " + $0 } ?? ""))" : "")
    }
}
