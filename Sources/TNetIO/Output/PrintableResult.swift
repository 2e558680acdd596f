import TNetModel

/// How a result is printed: aligned text for a person, JSON for a program, CSV for a spreadsheet.
public enum ResultFormat: String, CaseIterable, Sendable {
    /// Aligned plain-text columns, control characters shown as spaces (``TextTable``).
    case table
    /// Pretty-printed JSON with sorted, documented keys and a final newline.
    case json
    /// RFC 4180 CSV with a header row.
    case csv
}

/// A result that prints itself in every ``ResultFormat``: the one output layer of the command
/// line and of scripts. Each analysis has such a result type (``CentralityListing``,
/// ``RouteListing``, ``KeyPlayerListing``…), holding the values with the dataset they refer to,
/// so that ids, names and the links behind a value are printed, never positions.
///
/// ```swift
/// let listing = KeyPlayerListing(try dataset.keyPlayers(), in: dataset, top: 10)
/// print(listing.text(.table))
/// ```
public protocol PrintableResult {
    /// Aligned plain text for a terminal, ending with a newline.
    var table: String { get }
    /// Pretty-printed JSON, ending with a newline.
    var json: String { get }
    /// CSV with a header row, each row ending with a newline.
    var csv: String { get }
    /// The CSV as UTF-8 bytes (a result with millions of rows writes them directly).
    var csvBytes: [UInt8] { get }
}

extension PrintableResult {
    /// The CSV as UTF-8 bytes.
    public var csvBytes: [UInt8] { Array(csv.utf8) }

    /// The result in `format`.
    /// - Parameter format: table, JSON or CSV.
    /// - Returns: the text, ending with a newline.
    public func text(_ format: ResultFormat) -> String {
        switch format {
        case .table: table
        case .json: json
        case .csv: csv
        }
    }

    /// The result in `format` as UTF-8 bytes, ready to write to a file or standard output.
    /// - Parameter format: table, JSON or CSV.
    /// - Returns: the encoded text.
    public func bytes(_ format: ResultFormat) -> [UInt8] {
        format == .csv ? csvBytes : Array(text(format).utf8)
    }
}

/// Where a result's data came from: the input as given, and the filter that made the view.
public struct ResultSource: Sendable {
    /// The input path as the user gave it (`-` for standard input).
    public var file: String
    /// The filter applied before the analysis, when one was set.
    public var filter: DatasetFilter?
    /// The entity and link counts before ``filter`` applied (nil without a filter).
    public var before: DatasetCounts?

    /// A source description.
    /// - Parameters:
    ///   - file: the input path as given.
    ///   - filter: the filter applied, or nil.
    ///   - before: the counts before the filter, or nil.
    public init(file: String, filter: DatasetFilter? = nil, before: DatasetCounts? = nil) {
        self.file = file
        self.filter = filter
        self.before = before
    }
}

/// How many entities and links a dataset holds.
public struct DatasetCounts: Sendable, Equatable {
    /// The number of entities.
    public var entities: Int
    /// The number of links.
    public var links: Int

    /// The counts of `dataset`.
    /// - Parameter dataset: the dataset counted.
    public init(_ dataset: Dataset) { self.init(entities: dataset.entities.count, links: dataset.links.count) }

    /// Counts given directly.
    /// - Parameters:
    ///   - entities: the number of entities.
    ///   - links: the number of links.
    public init(entities: Int, links: Int) { self.entities = entities; self.links = links }
}
