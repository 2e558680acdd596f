import CLibXML2
import TNetModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What an ``XMLPushParser`` reports, in document order. Names and values are handed over as
/// libxml2's own bytes, valid only during the call: a handler turns into strings only what it
/// keeps.
protocol XMLEventHandler: AnyObject {
    /// A start tag (or an empty-element tag, followed at once by its end).
    func startElement(_ name: XMLName, _ attributes: XMLAttributes, _ parser: XMLPushParser)
    /// An end tag.
    func endElement(_ name: XMLName, _ parser: XMLPushParser)
    /// Character data, CDATA sections and predefined or character references, as UTF-8; one
    /// run of text may arrive in several calls.
    func characters(_ text: UnsafeBufferPointer<UInt8>, _ parser: XMLPushParser)
    /// A warning or error from libxml2 (its error code and message); the handler decides
    /// whether to stop.
    func problem(code: Int, message: String, _ parser: XMLPushParser)
}

/// An element's local name (the part after any prefix), as libxml2 holds it.
struct XMLName {
    let local: UnsafePointer<UInt8>

    /// Whether the local name is exactly `s`.
    @inline(__always)
    func `is`(_ s: StaticString) -> Bool {
        strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self),
               UnsafeRawPointer(s.utf8Start).assumingMemoryBound(to: CChar.self)) == 0
    }
}

/// An element's attributes as libxml2 hands them to a SAX2 start-element callback: five
/// pointers each (local name, prefix, namespace URI, value start, value end).
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
    let count: Int

    /// The value of the attribute named `name` without a prefix (`y:id` is not `id`), or nil.
    func value(_ name: StaticString) -> String? {
        guard let base else { return nil }
        let wanted = UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
        for i in 0 ..< count {
            let a = base + 5 * i
            guard let local = a[0] else { continue }
            if let prefix = a[1], prefix[0] != 0 { continue }
            guard strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self), wanted) == 0 else { continue }
            guard let start = a[3], let end = a[4] else { return nil }
            guard end > start else { return "" }
            let raw = UnsafeBufferPointer(start: start, count: end - start)
            return raw.contains(UInt8(ascii: "&")) ? Self.ampersands(raw) : String(decoding: raw, as: UTF8.self)
        }
        return nil
    }

    /// Without entity substitution (never asked for), libxml2 hands over an attribute's `&`
    /// (written `&amp;`, `&#38;` or `&#x26;`) as the five characters `&#38;`; every other
    /// reference is already decoded, and no other `&` can remain (an undeclared entity is an
    /// error). So each `&#38;` is one `&`.
    static func ampersands(_ raw: UnsafeBufferPointer<UInt8>) -> String {
        let escaped = Array("&#38;".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "&"), i + escaped.count <= raw.count, raw[i ..< i + escaped.count].elementsEqual(escaped) {
                out.append(UInt8(ascii: "&"))
                i += escaped.count
            } else {
                out.append(raw[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// libxml2's SAX2 push parser over bytes already in memory, fed in chunks: a stream of events,
/// never a document tree. Entities other than XML's five predefined ones are never substituted
/// or loaded, no DTD is read (no callback records one) and the network is never used.
final class XMLPushParser {
    /// How much is handed to libxml2 at a time: its push parser copies each chunk into its own
    /// buffer, so chunks keep that buffer small; at a few hundred kilobytes the calls cost nothing.
    static let chunkSize = 256 * 1024

    private let handler: any XMLEventHandler
    private var context: xmlParserCtxtPtr?
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Lines and columns of the bytes, counted by tnet: libxml2's column was found one or two
    /// short on some lines with a blank before a start tag's `>`.
    private var positions: TextPositions

    private init(handler: any XMLEventHandler, bytes: UnsafeBufferPointer<UInt8>) {
        self.handler = handler
        self.bytes = bytes
        positions = TextPositions(file: "", bytes: bytes)
    }

    /// Line of the parser's position in the document (1-based), as libxml2 reports it.
    var line: Int { context.map { Int(xmlSAX2GetLineNumber(UnsafeMutableRawPointer($0))) } ?? 0 }
    /// Column of the parser's position on its line (1-based), as libxml2 reports it.
    var column: Int { context.map { Int(xmlSAX2GetColumnNumber(UnsafeMutableRawPointer($0))) } ?? 0 }

    /// Where the start tag just reported begins (its `<`): line and column, both from 1.
    /// Called from ``XMLEventHandler/startElement(_:_:_:)``, when libxml2 stands at the tag's
    /// `>` (or the `/` of `/>`); no `<` can come between (XML allows none in attribute values).
    func startTagPosition() -> ReadLocations.Position {
        guard let context else { return ReadLocations.Position(line: 1, column: 1) }
        // Converting an encoding, libxml2 counts bytes consumed past where it stands: its own
        // line and column then (the GraphML reader hands it UTF-8 only, so never in practice).
        if converting { return ReadLocations.Position(line: max(1, line), column: max(1, column)) }
        var i = min(Int(xmlByteConsumed(context)), bytes.count - 1)
        while i > 0 && bytes[i] != UInt8(ascii: "<") { i -= 1 }
        let at = positions.location(of: i)
        return ReadLocations.Position(line: at.line, column: at.column)
    }

    /// Whether libxml2 converts the input from another encoding than UTF-8.
    var converting: Bool { context?.pointee.input?.pointee.buf?.pointee.encoder != nil }

    /// Stops parsing: no event follows.
    func stop() { if let context { xmlStopParser(context) } }

    /// Parses `bytes` (UTF-8, or with an encoding libxml2 detects itself), reporting to `handler`.
    /// - Returns: libxml2's result, 0 when the document was read to its end, else the code of
    ///   the error that stopped it (the handler has been told of every problem first); the
    ///   position where parsing ended; whether libxml2 converted the input from another encoding.
    /// A document of fewer than four bytes is not parsed (libxml2 needs four to detect the
    /// encoding) and reports nothing.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, handler: any XMLEventHandler,
                      passed: (Int) -> Void = { _ in }) -> (status: Int, line: Int, column: Int, converted: Bool) {
        guard bytes.count >= 4, let base = bytes.baseAddress else { return (0, 1, 1, false) }
        xmlInitParser()
        let parser = XMLPushParser(handler: handler, bytes: bytes)
        var sax = xmlSAXHandler()
        sax.initialized = tnet_xml_sax2_magic()
        sax.startElementNs = { ctx, local, _, _, _, _, count, _, attributes in
            guard let ctx, let local else { return }
            let p = Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue()
            p.handler.startElement(XMLName(local: local), XMLAttributes(base: attributes, count: Int(count)), p)
        }
        sax.endElementNs = { ctx, local, _, _ in
            guard let ctx, let local else { return }
            let p = Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue()
            p.handler.endElement(XMLName(local: local), p)
        }
        let characters: charactersSAXFunc = { ctx, text, length in
            guard let ctx, let text, length > 0 else { return }
            let p = Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue()
            p.handler.characters(UnsafeBufferPointer(start: text, count: Int(length)), p)
        }
        sax.characters = characters
        sax.ignorableWhitespace = characters
        sax.cdataBlock = characters
        sax.serror = { ctx, error in
            guard let ctx, let error else { return }
            let p = Unmanaged<XMLPushParser>.fromOpaque(ctx).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) } ?? ""
            p.handler.problem(code: Int(error.pointee.code), message: message, p)
        }
        return withExtendedLifetime(parser) {
            let me = Unmanaged.passUnretained(parser).toOpaque()
            let first = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let context = xmlCreatePushParserCtxt(&sax, me, first, 4, nil) else { return (Int(XML_ERR_NO_MEMORY.rawValue), 1, 1, false) }
            parser.context = context
            defer {
                parser.context = nil
                xmlFreeParserCtxt(context)
            }
            _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue))
            var offset = 4
            var status = 0
            while offset < bytes.count && status == 0 {
                let n = min(chunkSize, bytes.count - offset)
                status = Int(xmlParseChunk(context, first + offset, Int32(n), 0))
                // Stopped (by the handler, or a fatal error): nothing more would be reported.
                if status == 0 && context.pointee.disableSAX != 0 { status = max(1, Int(context.pointee.errNo)) }
                offset += n
                passed(offset)
            }
            if status == 0 { status = Int(xmlParseChunk(context, nil, 0, 1)) }
            return (status, parser.line, parser.column, parser.converting)
        }
    }
}
