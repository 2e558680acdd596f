import TNetModel

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
