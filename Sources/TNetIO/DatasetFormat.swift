import TNetModel

/// The file formats tnet reads and writes, chosen by extension or named explicitly.
public enum DatasetFormat: String, Sendable, CaseIterable {
    /// The native JSON format, `tnet/1`.
    case json
    /// `u v [weight]` per line.
    case edgelist

    /// File extensions of each format (lowercase, without the dot).
    public var extensions: [String] {
        switch self {
        case .json: return ["json"]
        case .edgelist: return ["edgelist", "el", "txt", "tsv"]
        }
    }

    /// The format for a path's extension, or `nil`.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        guard let match = DatasetFormat.allCases.first(where: { $0.extensions.contains(ext) }) else { return nil }
        self = match
    }

    /// Reads a dataset: `explicit` format when given, else by extension; standard input (`-`)
    /// without a format is sniffed (`{` means JSON, anything else an edge list).
    public static func read(path: String, format explicit: DatasetFormat? = nil,
                            directed: Bool = false) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        var format = explicit ?? DatasetFormat(path: path)
        let input = try InputFile.read(path)
        if format == nil && path != "-" {
            throw ReadError("cannot tell the format from the extension; use --from with one of: "
                            + allCases.map(\.rawValue).joined(separator: ", "), file: path)
        }
        if format == nil {
            let first = input.bytes.dropFirst(input.bomLength).first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
            format = first == UInt8(ascii: "{") ? .json : .edgelist
        }
        switch format! {
        case .json: return try NativeJSONReader.read(input)
        case .edgelist: return try EdgeListReader.read(input, directed: directed)
        }
    }

    /// Encodes a dataset in this format.
    public func encode(_ dataset: Dataset) throws -> [UInt8] {
        switch self {
        case .json: return NativeJSONWriter.write(dataset)
        case .edgelist: return try EdgeListWriter.write(dataset)
        }
    }
}
