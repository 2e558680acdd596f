import Foundation
import TNetModel

/// Reads GraphML as written by NetworkX, Gephi, yEd, Cytoscape and tnet.
///
/// - `<key>`s are typed (`int`, `long`, `float`, `double`, `boolean`, `string`) and may have a
///   `<default>`, applied to elements without that data.
/// - Keys named as the model's fields (``FieldCodec``) set them; every other key is an attribute
///   of its type. Node `label` (Gephi) is the name when there is no `name` key; yEd's node
///   graphics give their label text as the name.
/// - `edgedefault` and per-edge `directed` are kept. A graph with no `kind` key is a plain graph.
/// - Streamed: libxml2's SAX2 push parser (`XMLPushParser`) is fed the bytes in chunks and
///   each node and edge is built as it closes; no document tree is held. A large file in the
///   plain form writers use is read in chunks on every core (``Chunks``), to the same result.
/// - Security: a `<!DOCTYPE` (and so any entity declaration) is refused (the chunked reader
///   gives up at any `<!`, and the file is then checked before libxml2 reads it whole);
///   external entities are never resolved, no DTD is loaded, the network is never used.
/// - Refused with line and column: nested graphs, hyperedges, ports, a second graph.
public enum GraphMLReader {
    /// Reads one GraphML graph as a dataset.
    /// - Parameter input: The file's bytes; an XML declaration of Latin-1 is honoured.
    /// - Returns: The dataset (nodes and edges in file order, each with its line and column)
    ///   and the problems of form found on the way: errors for a value that does not read as
    ///   its key's type or field; warnings for data under an undeclared or repeated key, and
    ///   for yEd graphics that are not kept.
    /// - Throws: ``ReadError`` for a file that is not text, declares an encoding other than
    ///   UTF-8, ASCII or Latin-1, has a `<!DOCTYPE`, is not well-formed XML, has no `<graph>`,
    ///   or uses what is refused above.
    public static func read(_ input: InputFile) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        try read(input, chunksTried: false)
    }

    /// ``read(_:)``; when `chunksTried`, the chunks gave up on these very bytes, after checking
    /// them as UTF-8 text: neither is done again.
    static func read(_ input: InputFile, chunksTried: Bool) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        let input = try declaredEncoding(input)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        if !chunksTried {
            try input.bytes.withUnsafeBufferPointer {
                try InputFile.checkText(name: input.name, $0, slice: 32 << 20, threads: threads) { _ in }
            }
        }
        // A large file is read in chunks on every core when it is in the plain form writers
        // use (which has no `<!DOCTYPE`: the chunks give up at one); anything else is read by
        // libxml2 alone, which words any error.
        if !chunksTried, input.bytes.count >= Chunks.minimumBytes,
           let read = input.bytes.withUnsafeBufferPointer({ Chunks.read($0, name: input.name, threads: threads) }) {
            return read
        }
        return try input.bytes.withUnsafeBufferPointer { try parseWhole($0, name: input.name) }
    }

    /// UTF-8 GraphML read whole by libxml2's push parser, fed in chunks straight from `buf`;
    /// `passed` is told how far it has read (a mapped file hands back the pages behind).
    static func parseWhole(_ buf: UnsafeBufferPointer<UInt8>, name: String,
                           passed: (Int) -> Void = { _ in }) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        try refuseDoctype(buf, name: name)
        let handler = GraphMLHandler(file: name)
        let end = XMLPushParser.parse(buf, handler: handler, passed: passed)
        if let failure = handler.failure { throw failure }
        if end.status != 0 {
            throw ReadError("XML error: \(describe(code: end.status, message: ""))", at: SourceLocation(file: name, line: max(1, end.line), column: max(1, end.column)))
        }
        guard handler.sawGraph else { throw ReadError("no <graph> element: not a GraphML file", file: name) }
        return handler.finish()
    }

    /// The document as UTF-8 with an XML declaration that says so. libxml2 is always handed
    /// UTF-8, with nothing to convert (converting, it placed elements wrongly and ran 13 times
    /// slower): a declaration of Latin-1 is honoured (the bytes decoded, when they are not
    /// already UTF-8); one of ASCII is read as UTF-8 when every byte is ASCII, and refused
    /// otherwise; any other declared encoding is refused (libxml2 2.9 crashes converting some
    /// of them: UTF-7, found by fuzzing).
    static func declaredEncoding(_ input: InputFile) throws -> InputFile {
        let b = input.bytes
        let start = input.bomLength
        guard let (name, valueStart, valueEnd) = b.withUnsafeBufferPointer({ declaredEncodingName($0, start: start) }) else { return input }
        var bytes = b
        if utf8Names.contains(name) { return input }
        if ["us-ascii", "ascii"].contains(name) {
            if let beyond = b[start...].firstIndex(where: { $0 >= 0x80 }) {
                let at = b.withUnsafeBufferPointer { buf in
                    var positions = TextPositions(file: input.name, bytes: buf)
                    return positions.location(of: beyond)
                }
                throw ReadError("the XML declaration names the encoding \(quoted(name)), but here is a character beyond ASCII: declare the file's encoding (UTF-8 or Latin-1)", at: at)
            }
        } else if ["iso-8859-1", "latin1", "latin-1", "iso_8859-1", "l1"].contains(name) {
            if b.withUnsafeBufferPointer({ UTF8Check.firstInvalidOffset($0) }) != nil {
                bytes = try TextEncoding.latin1.utf8(b, file: input.name)
            }
        } else {
            throw ReadError("the XML declaration names the encoding \(quoted(name)); GraphML is read as UTF-8 (or Latin-1): save it as UTF-8",
                            at: SourceLocation(file: input.name, line: 1, column: valueStart + 1))
        }
        // Say UTF-8, since UTF-8 is what libxml2 gets.
        let offset = start + valueStart
        let end = start + valueEnd
        bytes.replaceSubrange(offset ..< end, with: Array("UTF-8".utf8))
        return InputFile(name: input.name, bytes: bytes)
    }

    /// Names of UTF-8, read as it is.
    static let utf8Names: Set = ["utf-8", "utf8"]

    /// The encoding an XML declaration at `start` names, lower case, with where its value
    /// starts and ends (counted from `start`); nil without a declaration or an encoding in it.
    static func declaredEncodingName(_ b: UnsafeBufferPointer<UInt8>, start: Int) -> (name: String, valueStart: Int, valueEnd: Int)? {
        // `<?xml` and a blank: `<?xml-stylesheet …?>` is another processing instruction.
        guard b.count >= start + 6, b[start ..< start + 5].elementsEqual("<?xml".utf8),
              [0x20, 0x09, 0x0A, 0x0D].contains(b[start + 5]),
              let close = b[start...].firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let declaration = Array(b[start ..< close])
        let key = Array("encoding".utf8)
        guard let k = (0 ... max(0, declaration.count - key.count)).first(where: { Array(declaration[$0 ..< min(declaration.count, $0 + key.count)]) == key }) else { return nil }
        // Blanks (space, tab, line ends) may stand around the `=`.
        func blanks(_ from: Int) -> Int {
            var i = from
            while i < declaration.count, [0x20, 0x09, 0x0A, 0x0D].contains(declaration[i]) { i += 1 }
            return i
        }
        var i = blanks(k + key.count)
        guard i < declaration.count, declaration[i] == UInt8(ascii: "=") else { return nil }
        i = blanks(i + 1)
        guard i < declaration.count, declaration[i] == UInt8(ascii: "\"") || declaration[i] == UInt8(ascii: "'") else { return nil }
        let quote = declaration[i]
        let valueStart = i + 1
        guard let valueEnd = declaration[valueStart...].firstIndex(of: quote) else { return nil }
        return (String(decoding: declaration[valueStart ..< valueEnd], as: UTF8.self).lowercased(), valueStart, valueEnd)
    }

    /// Reads a large GraphML file from a mapped file, its pages handed back as the chunks pass
    /// them: resident memory holds the dataset, not the file. A file declared in another
    /// encoding than UTF-8, or one the chunks gave up on, is read whole, as ``read(_:)`` reads it
    /// (the chunks are not tried twice).
    /// - Parameters:
    ///   - file: The mapped file.
    ///   - minimumBytes: The size from which the chunks are tried (a test tries them on less).
    /// - Returns: As ``read(_:)``.
    /// - Throws: As ``read(_:)``.
    static func read(mapped file: MappedFile, minimumBytes: Int = Chunks.minimumBytes) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let declared = declaredEncodingName(file.buffer, start: file.bomLength)?.name
        if file.buffer.count >= minimumBytes, declared.map(utf8Names.contains) ?? true {
            try InputFile.checkText(name: file.name, file.buffer, slice: MappedFile.releaseStep, threads: threads) { file.release($0) }
            file.releaseAll()
            if let read = Chunks.read(file.buffer, name: file.name, threads: threads, mapped: file) { return read }
            file.releaseAll()
            // Read whole by libxml2 straight from the mapping, its pages handed back as it
            // passes them: copied into an array first, a large file with an error in it peaked
            // at 1.39 GB (660 MB cut at two thirds), over what its whole load takes.
            return try parseWhole(file.buffer, name: file.name) { file.release(before: $0) }
        }
        // Read whole: a file declared ASCII or Latin-1 is made UTF-8 there, then may be chunked.
        return try read(InputFile(name: file.name, bytes: Array(file.buffer)), chunksTried: false)
    }

    /// A readable phrase for libxml2's error codes (`xmlParserErrors`), else libxml2's own
    /// message on one line, with its code.
    static func describe(code: Int, message: String) -> String {
        let phrases: [Int: String] = [
            4: "document is empty", 5: "unexpected end of document (an element is not closed)",
            9: "invalid character", 23: "'&' not followed by an entity or character reference",
            26: "undefined entity", 38: "attribute value not quoted", 39: "'<' in an attribute value",
            41: "attribute without a value", 42: "duplicate attribute", 64: "XML declaration not at the start",
            73: "'>' expected", 76: "end tag does not match the open element",
            77: "'>' expected after an end tag name", 85: "extra content after the document element",
        ]
        if let p = phrases[code] { return p }
        let text = message.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? "malformed XML (libxml2 error \(code))" : "\(text) (libxml2 error \(code))"
    }

    private static func refuseDoctype(_ b: UnsafeBufferPointer<UInt8>, name: String) throws {
        let needle = Array("<!DOCTYPE".utf8)
        // Each '<' found with memchr, then compared in place: no copy per tag.
        let found: Int? = {
            guard b.count >= needle.count, let base = b.baseAddress else { return nil }
            let last = b.count - needle.count
            var i = 0
            while i <= last {
                guard let hit = memchr(base + i, Int32(needle[0]), last - i + 1) else { return nil }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, needle, needle.count) == 0 { return at }
                i = at + 1
            }
            return nil
        }()
        guard let found else { return }
        var positions = TextPositions(file: name, bytes: b)
        let at = positions.location(of: found)
        throw ReadError("a <!DOCTYPE> is not accepted in GraphML (GraphML needs none; tnet never loads DTDs or entities): remove it", at: at)
    }
}
