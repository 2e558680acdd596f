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
    /// Whether several inputs are separate sources (`tnet merge`) rather than versions of one
    /// dataset (`tnet diff`). One redaction keys pseudonyms by id across the inputs, so that a
    /// person keeps one pseudonym in every version; for separate sources an id is only a label
    /// of its file, and redaction then refuses a protected person's id that another input also
    /// uses (the two would share a pseudonym, and a recruiter so labelled would be called the
    /// victim).
    public var separateInputs = false

    /// Load options.
    /// - Parameters:
    ///   - read: what the files do not say.
    ///   - format: the format when the extension does not tell.
    ///   - redactVictims: replace protected persons by pseudonyms first.
    ///   - filter: the view to keep.
    ///   - separateInputs: whether several inputs are separate sources, not versions of one.
    public init(read: ReadOptions = ReadOptions(), format: DatasetFormat? = nil, redactVictims: Bool = false, filter: DatasetFilter = DatasetFilter(),
                separateInputs: Bool = false) {
        self.read = read
        self.format = format
        self.redactVictims = redactVictims
        self.filter = filter
        self.separateInputs = separateInputs
    }
}
