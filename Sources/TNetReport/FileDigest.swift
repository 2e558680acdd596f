import Crypto
import Foundation

/// SHA-256 of the files a briefing was made from, so a reader can check they have the same data.
public enum FileDigest {
    /// Hex SHA-256 of a file; of each CSV file, in name order, for a folder.
    /// - Parameter path: a file or a CSV folder.
    /// - Returns: each file's path and digest; empty when `path` does not exist (standard input).
    /// - Throws: the Foundation error of a file or folder that cannot be read.
    /// - Complexity: linear in the files' size.
    public static func sha256(path: String) throws -> [(path: String, sha256: String)] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        if isDirectory.boolValue {
            let files = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".csv") }.sorted()
            return try files.flatMap { try sha256(path: (path as NSString).appendingPathComponent($0)) }
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return [(path, hex(data))]
    }

    /// The SHA-256 of `data` as 64 lowercase hexadecimal digits.
    /// - Parameter data: the bytes to hash.
    /// - Returns: the digest's hex text.
    public static func hex(_ data: Data) -> String {
        SHA256.hash(data: data).map { b in
            let s = String(b, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
