import Foundation

/// Where the files of a CSV dataset are: a folder holding `entities.csv`, `links.csv` and
/// optionally `sources.csv` and `dataset.csv`, or one of those files named with a common
/// prefix (`case-entities.csv` beside `case-links.csv`).
public struct CSVDatasetFiles: Sendable, Hashable {
    /// The path of the entity table (`…entities.csv`): one row per entity.
    public var entities: String
    /// The path of the link table (`…links.csv`): one row per link.
    public var links: String
    /// The path of the source table (`…sources.csv`), optional when reading.
    public var sources: String
    /// The path of the metadata table (`…dataset.csv`: `key`, `value` rows), optional when
    /// reading.
    public var dataset: String

    /// The file names for `path`: a folder (existing, or ending in `/` for output) or a file
    /// whose name ends in `entities.csv`, `links.csv`, `sources.csv` or `dataset.csv`.
    /// - Parameter path: A folder, or one of the four files; the other three are named with the
    ///   same prefix (`case-links.csv` gives `case-entities.csv`).
    /// - Returns: `nil` for any other path. No file is checked to exist.
    public init?(path: String) {
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/") || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue) {
            let folder = path.hasSuffix("/") ? path : path + "/"
            self.init(prefix: folder)
            return
        }
        let lower = path.lowercased()
        for name in ["entities.csv", "links.csv", "sources.csv", "dataset.csv"] where lower.hasSuffix(name) {
            self.init(prefix: String(path.dropLast(name.count)))
            return
        }
        return nil
    }

    private init(prefix: String) {
        entities = prefix + "entities.csv"
        links = prefix + "links.csv"
        sources = prefix + "sources.csv"
        dataset = prefix + "dataset.csv"
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
}
