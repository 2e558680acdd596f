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
