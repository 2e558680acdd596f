import Foundation
import TNetModel

/// The file formats tnet reads and writes, chosen by extension or named explicitly.
public enum DatasetFormat: String, Sendable, CaseIterable {
    /// The native JSON format, `tnet/1`: everything the model holds.
    case json
    /// Spreadsheets: a folder (or `…entities.csv`/`…links.csv` pair) with entities.csv,
    /// links.csv, sources.csv and dataset.csv.
    case csv
    /// GraphML (Gephi, yEd, Cytoscape, NetworkX).
    case graphml
    /// Graphviz DOT, read through cgraph.
    case dot
    /// `u v [weight]` per line.
    case edgelist
    /// FollowTheMoney entities, one JSON object a line (Aleph, OpenSanctions): `.ftm.jsonl`,
    /// `.ftm.json`, `.ftm`. See ``FtMSchemaMap`` for what maps to what.
    case ftm

    /// File extensions of each format (lowercase, without the dot).
    public var extensions: [String] {
        switch self {
        case .json: return ["json"]
        case .csv: return ["csv"]
        case .graphml: return ["graphml"]
        case .dot: return ["dot", "gv"]
        case .edgelist: return ["edgelist", "el", "txt", "tsv"]
        case .ftm: return ["ftm.jsonl", "ftm.json", "ftm"]
        }
    }

    /// The format for a path: a folder (or a path ending in `/`) is CSV; otherwise by extension.
    /// - Parameter path: A file or folder path; the extension is compared in any case.
    /// - Returns: `nil` when the path has no extension or one no format uses.
    public init?(path: String) {
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            self = .csv
            return
        }
        // Extensions of two parts first: `x.ftm.json` is FtM, not native JSON.
        let lower = path.lowercased()
        if let match = DatasetFormat.allCases.first(where: { f in f.extensions.contains { $0.contains(".") && lower.hasSuffix("." + $0) } }) {
            self = match
            return
        }
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        let ext = path[path.index(after: dot)...].lowercased()
        guard let match = DatasetFormat.allCases.first(where: { $0.extensions.contains(ext) }) else { return nil }
        self = match
    }

    private static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// Reads a dataset: `explicit` format when given, else by extension; standard input (`-`)
    /// without a format is sniffed (`{` JSON, `<` GraphML, `graph`/`digraph`/`strict` DOT,
    /// anything else an edge list).
    /// - Parameters:
    ///   - path: A file, a CSV folder, or `-` for standard input.
    ///   - explicit: The format, or `nil` to tell it from the path.
    ///   - directed: Read links that state no direction (edge lists, link tables) as directed.
    /// - Returns: The dataset and the problems of form found on the way (not yet validated:
    ///   see `Dataset.validate()`).
    /// - Throws: ``ReadError`` when the file is missing, the format cannot be told, or the file
    ///   cannot be parsed.
    public static func read(path: String, format explicit: DatasetFormat? = nil,
                            directed: Bool = false) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        try read(path: path, format: explicit, options: ReadOptions(directed: directed))
    }

    /// Reads a dataset as ``read(path:format:directed:)`` does, with `options` for what the
    /// file does not say (encoding, column names, date layout, direction).
    /// - Parameters:
    ///   - path: A file, a CSV folder, or `-` for standard input.
    ///   - explicit: The format, or `nil` to tell it from the path (or sniff standard input).
    ///   - options: Encoding, column names, date layout and direction.
    /// - Returns: The dataset and the problems of form found on the way.
    /// - Throws: ``ReadError`` when the file is missing, the format cannot be told, the file
    ///   cannot be decoded or parsed.
    public static func read(path: String, format explicit: DatasetFormat? = nil,
                            options: ReadOptions) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        var format = explicit ?? (path == "-" ? nil : DatasetFormat(path: path))
        if format == nil && path != "-" {
            if !FileManager.default.fileExists(atPath: path) { throw ReadError("no such file", file: path) }
            throw ReadError("cannot tell the format from the extension; name it, one of: \(names)", file: path)
        }
        if format == .csv {
            // Standard input holds one table: links, or entities, as its header says.
            if path == "-" { return try CSVDatasetReader.read(table: InputFile.read(path), options: options) }
            return try CSVDatasetReader.read(path: path, options: options)
        }
        // A native dataset, a GraphML file or FtM lines in UTF-8 are read from the mapped file, whose pages
        // are handed back as the reading passes them (see MappedFile).
        if format == .json && path != "-" && (options.encoding == nil || options.encoding == .utf8),
           let mapped = MappedFile(path: path) {
            return try NativeJSONReader.read(mapped: mapped)
        }
        if format == .graphml && path != "-" && (options.encoding == nil || options.encoding == .utf8),
           let mapped = MappedFile(path: path) {
            return try GraphMLReader.read(mapped: mapped)
        }
        if format == .ftm && path != "-" && (options.encoding == nil || options.encoding == .utf8),
           let mapped = MappedFile(path: path) {
            return try FtMReader.read(mapped: mapped)
        }
        let input = try InputFile.read(path).decoded(options.encoding)
        if format == nil { format = sniff(input) }
        if format == .csv { return try CSVDatasetReader.read(table: input, options: options) }
        switch format! {
        case .json: return try NativeJSONReader.read(input)
        case .graphml: return try GraphMLReader.read(input)
        case .dot: return try DOTDatasetReader.read(input)
        case .edgelist: return try EdgeListReader.read(input, directed: options.directed)
        case .ftm: return try FtMReader.read(input)
        case .csv: fatalError("handled above")
        }
    }

    private static func sniff(_ input: InputFile) -> DatasetFormat {
        let text = input.bytes.dropFirst(input.bomLength).prefix(4096)
        guard let first = text.firstIndex(where: { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }) else { return .edgelist }
        switch text[first] {
        case UInt8(ascii: "{"): return .json
        case UInt8(ascii: "<"): return .graphml
        default:
            let word = String(decoding: text[first...].prefix { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") || $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }, as: UTF8.self).lowercased()
            if ["graph", "digraph", "strict"].contains(word) { return .dot }
            // A first line with commas or semicolons between its fields is a CSV table.
            let line = text[first...].prefix { $0 != 0x0A && $0 != 0x0D }
            return line.contains(UInt8(ascii: ",")) || (line.contains(UInt8(ascii: ";")) && !line.contains(0x20)) ? .csv : .edgelist
        }
    }

    /// The files to write for `dataset` at `path` in this format (several for CSV).
    /// - Parameters:
    ///   - dataset: The dataset to encode.
    ///   - path: The output path; for CSV a folder (any path without the `.csv` extension
    ///     names one) or a path ending in `entities.csv` or `links.csv`, never `-`.
    /// - Returns: Each file's path and bytes, nothing yet written (see ``AtomicFile``).
    /// - Throws: ``ReadError`` when the format cannot hold the dataset as it is (an id with a
    ///   space in an edge list, a control character in GraphML, a source id with `;`), or for
    ///   CSV to standard input.
    ///   - warnings: Called with each thing the format cannot hold and leaves out (FtM: an
    ///     attribute no property takes); by default written to standard error.
    public func encode(_ dataset: Dataset, path: String,
                       warnings: (String) -> Void = { FileHandle.standardError.write(Data("warning: \($0)\n".utf8)) }) throws -> [(path: String, bytes: [UInt8])] {
        switch self {
        case .ftm:
            let (bytes, lost) = FtMWriter.write(dataset)
            for w in lost { warnings(w) }
            return [(path, bytes)]
        case .json: return [(path, NativeJSONWriter.write(dataset))]
        case .graphml: return [(path, try GraphMLWriter.write(dataset))]
        case .dot: return [(path, try DOTDatasetWriter.write(dataset))]
        case .edgelist: return [(path, try EdgeListWriter.write(dataset))]
        case .csv:
            guard path != "-" else { throw ReadError("CSV output is several files; give a folder (out/) or a …entities.csv path", file: path) }
            // A path without the .csv extension names the folder to write (created if missing).
            guard let files = CSVDatasetFiles(path: path) ?? (path.lowercased().hasSuffix(".csv") ? nil : CSVDatasetFiles(path: path + "/")) else {
                throw ReadError("CSV output is several files: a folder, or a path ending in entities.csv or links.csv", file: path)
            }
            let (out, cells) = try CSVDatasetWriter.written(dataset, to: files)
            if cells > 0 {
                warnings("\(cells) CSV cell\(cells == 1 ? " begins" : "s begin") with =, +, - or @ and may run as a formula in a spreadsheet; written as they are (tnet does not change data): open the files with formulas disabled")
            }
            return out
        }
    }

    /// Encodes a dataset in a single-file format.
    /// - Parameter dataset: The dataset to encode.
    /// - Returns: The file's bytes.
    /// - Throws: ``ReadError`` for ``csv`` (several files: use ``encode(_:path:)``) and when
    ///   the format cannot hold the dataset as it is.
    public func encode(_ dataset: Dataset) throws -> [UInt8] {
        guard self != .csv else { throw ReadError("CSV output is several files; use encode(_:path:)") }
        return try encode(dataset, path: "-")[0].bytes
    }
}
