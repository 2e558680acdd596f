import Synchronization
import Foundation
import Testing
@testable import TNetIO
import TNetModel

/// A native dataset read from its mapped file (pages handed back behind the reader) is the
/// dataset read from the file's bytes, with the same places and the same messages.
@Suite struct MappedFileTests {
    func temporary(_ text: [UInt8]) throws -> String {
        let path = NSTemporaryDirectory() + "tnet-mapped-\(UUID().uuidString).json"
        try Data(text).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func mappedReadEqualsArrayRead() throws {
        let text = Array("""
        {"format": "tnet/1",
         "entities": [{"id": "a", "kind": "person", "name": "Nguyễn"},
                      {"id": "b", "kind": "company", "bogus": 1}],
         "links": [{"source": "a", "target": "b", "kind": "owns"}]}
        """.utf8)
        let path = try temporary(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let viaMap = try DatasetFormat.read(path: path)
        let viaArray = try NativeJSONReader.read(InputFile(name: path, bytes: text))
        #expect(viaMap.dataset.entities.map(\.id) == ["a", "b"])
        #expect(viaMap.dataset.entities.map(\.id) == viaArray.dataset.entities.map(\.id))
        #expect(viaMap.dataset.links.map(\.kind) == viaArray.dataset.links.map(\.kind))
        // Entity b is on line 3, its "{" at column 15; the unknown field warned at the same place.
        #expect(viaMap.dataset.locations?.entities.map(\.line) == [2, 3])
        #expect(viaMap.dataset.locations?.entities.map(\.column) == viaArray.dataset.locations?.entities.map(\.column))
        #expect(viaMap.issues.map(\.description) == viaArray.issues.map(\.description))
        #expect(!viaMap.issues.isEmpty)
    }

    /// Pages handed back every page (a one-page step) while a file of many pages is read, with a
    /// warning on the last record: every place and message is the array read's.
    @Test func pagesHandedBackKeepPlacesAndMessages() throws {
        var text = "{\"format\": \"tnet/1\",\n \"entities\": [\n"
        for i in 0 ..< 3000 { text += "  {\"id\": \"e\(i)\", \"kind\": \"person\", \"name\": \"Nguyễn \(i)\"},\n" }
        text += "  {\"id\": \"last\", \"kind\": \"person\", \"bogus\": true}],\n \"links\": [{\"source\": \"e1\", \"target\": \"last\", \"kind\": \"knows\"}]}\n"
        let bytes = Array(text.utf8)
        let path = try temporary(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try #require(MappedFile(path: path, step: Int(sysconf(Int32(_SC_PAGESIZE)))))
        #expect(file.buffer.count > 8 * 4096)
        let mapped = try NativeJSONReader.read(mapped: file)
        let array = try NativeJSONReader.read(InputFile(name: path, bytes: bytes))
        // Entity i is on line i + 3; the last (3001st) on line 3003; the warning on that line.
        #expect(mapped.dataset.locations?.entities.last?.line == 3003)
        #expect(mapped.dataset.locations?.entities.map(\.line) == array.dataset.locations?.entities.map(\.line))
        #expect(mapped.issues.map(\.description) == array.issues.map(\.description))
        #expect(mapped.issues.contains { $0.description.contains(":3003:") })
    }

    @Test func syntaxErrorHasTheSamePlace() throws {
        let text = Array("{\"format\": \"tnet/1\",\n \"entities\": [{\"id\": \"a\",,}]}".utf8)
        let path = try temporary(text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var mapped = "", array = ""
        do { _ = try DatasetFormat.read(path: path) } catch { mapped = "\(error)" }
        do { _ = try NativeJSONReader.read(InputFile(name: path, bytes: text)) } catch { array = "\(error)" }
        #expect(!mapped.isEmpty && mapped == array)
        #expect(mapped.contains(":2:"))
    }

    @Test func textCheckInSlicesFindsTheSameByte() throws {
        // "ä" (C3 A4) and "😀" (4 bytes) straddle slice ends of 3 bytes; 0xFF at offset 12 is the
        // first invalid byte: "ab" 0-1, ä 2-3, "c" 4, 😀 5-8, "d" 9, ä 10-11, FF 12.
        let bytes: [UInt8] = Array("abäc😀dä".utf8) + [0xFF, 0x41]
        var whole = "", sliced = ""
        var ends: [Int] = []
        try bytes.withUnsafeBufferPointer { buf in
            do { try InputFile.checkText(name: "f", buf) } catch { whole = "\(error)" }
            do { try InputFile.checkText(name: "f", buf, slice: 3) { ends.append($0) } } catch { sliced = "\(error)" }
            // A clean text in slices reaches its end; no slice ends inside a scalar.
            ends = []
            try InputFile.checkText(name: "f", UnsafeBufferPointer(rebasing: buf[0 ..< 12]), slice: 3) { ends.append($0) }
        }
        #expect(whole.contains("0xFF") && whole == sliced)
        // Column 8: a b ä c 😀 d ä are 7 scalars before the byte.
        #expect(whole.contains("1:8"))
        #expect(ends.last == 12)
        #expect(ends.allSatisfy { $0 == 12 || bytes[$0] & 0xC0 != 0x80 })
    }

    /// Slices checked on several threads: the error is the file's first bad byte even when a
    /// later slice (checked first, perhaps) has one too, and a clean text hands back every slice.
    @Test func textCheckOnThreadsFindsTheFirstByte() throws {
        // FF at 12 and a NUL at 15: "abäc😀dä" FF "A" "b" 00.
        let bytes: [UInt8] = Array("abäc😀dä".utf8) + [0xFF, 0x41, 0x62, 0x00] + Array(repeating: 0x61, count: 40)
        let released = Mutex<[Range<Int>]>([])
        try bytes.withUnsafeBufferPointer { buf in
            for slice in [1, 3, 5, 16] {
                var whole = "", threaded = ""
                do { try InputFile.checkText(name: "f", buf) } catch { whole = "\(error)" }
                do { try InputFile.checkText(name: "f", buf, slice: slice, threads: 2) { _ in } } catch { threaded = "\(error)" }
                #expect(whole.contains("0xFF") && whole.contains("1:8") && whole == threaded, "slice \(slice)")
            }
            let clean = UnsafeBufferPointer(rebasing: buf[0 ..< 12])
            try InputFile.checkText(name: "f", clean, slice: 3, threads: 2) { r in released.withLock { $0.append(r) } }
        }
        // Every byte handed back once, in slices that end before a scalar's first byte.
        let ranges = released.withLock { $0 }.sorted { $0.lowerBound < $1.lowerBound }
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == 12)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(ranges.allSatisfy { $0.upperBound == 12 || bytes[$0.upperBound] & 0xC0 != 0x80 })
    }
}
