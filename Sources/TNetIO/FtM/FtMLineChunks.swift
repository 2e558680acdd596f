import Foundation
import Synchronization
import TNetGraph
import TNetModel

extension FtMReader {
    /// FtM lines read on every core, in two passes, holding the relations' lines only a wave at
    /// a time.
    ///
    /// The file is cut at line ends into chunks of about ``chunkBytes``, read at the same time,
    /// each counting lines from its own start; their lines and issues are then put in file order
    /// and renumbered. The first pass parses every line and checks it (every issue a line has is
    /// found there, in file order), and keeps the lines of sources and things, and of each
    /// relation (an interval entity or a Sanction) only where it is and what its line and column
    /// are. Relations can name sources and things that come after them, so they are made into
    /// links once every thing is known: the second pass reads them again, ``waveLines`` at a
    /// time on every core, and hands them in file order to the builder. A 1M-entity file's 2M
    /// relations were 3.5 GB of parsed lines held at once.
    enum LineChunks {
        /// About how much of the file one chunk reads.
        static let chunkBytes = 4 << 20
        /// How many relations' lines the second pass holds at once.
        static let waveLines = 1 << 16

        /// Where a relation's line is, to read it again: its bytes (from the first byte of its
        /// object to its line's end) and the line and column of its object.
        struct Relation {
            var start: Int
            var end: Int
            var line: Int32
            var column: Int32
        }

        /// What one chunk's first pass found.
        struct Part {
            var lines: [Line] = []
            var relations: [Relation] = []
            var issues: [ValidationIssue] = []
            /// The first line that is not JSON, at its place within the chunk, stopping it.
            var failure: ReadError?
            /// Line ends in the chunk: the lines of the chunks after it count from there.
            var lineEnds = 0
        }

        /// Whether `schema` is read as a link rather than an entity or a source.
        static func isRelation(_ schema: FtMModel.Schema) -> Bool {
            (schema.edge != nil || schema.name == "Sanction") && schema.name != "Documentation"
        }

        /// The chunks of `buf` from `start`, cut after a line end near every ``chunkBytes``.
        static func chunks(_ buf: UnsafeBufferPointer<UInt8>, from start: Int, bytes: Int = chunkBytes) -> [Range<Int>] {
            let bytes = max(1, bytes)
            var out: [Range<Int>] = []
            var from = start
            while from < buf.count {
                var to = min(buf.count, from + bytes)
                while to < buf.count && buf[to - 1] != 0x0A { to += 1 }
                out.append(from ..< to)
                from = to
            }
            return out
        }

        /// One line read: decoded straight from its bytes where it has the common shape
        /// (``LineDecoder``), parsed as JSON otherwise; with its object's offset in the line and
        /// its location, which `location` gives for that offset.
        /// - Parameter relationsBare: whether a relation's properties are only checked, not
        ///   kept, where its schema comes before them (the first pass: the relation is read again
        ///   once every thing is known).
        /// - Throws: the parser's error for a line that is not JSON.
        static func line(_ slice: UnsafeBufferPointer<UInt8>, _ issues: inout [ValidationIssue], relationsBare: Bool = false,
                         location: (Int) -> SourceLocation) throws(JSONParser.Failure) -> (line: Line?, offset: Int, location: SourceLocation) {
            let bare = { (schema: String) in relationsBare && FtMModel.schema(schema).map(isRelation) == true }
            if let decoded = LineDecoder.decode(slice, skipProperties: bare) {
                let at = location(decoded.offset)
                return (parse(decoded.fields, at, &issues), decoded.offset, at)
            }
            var parser = JSONParser(slice)
            let node = try parser.parseDocument()
            let at = location(node.offset)
            return (parse(node, at, &issues), node.offset, at)
        }

        /// The first pass over one chunk.
        /// - Parameter failed: the first chunk known to have failed (`Int.max` while none
        ///   has): a chunk after it stops, as its result would not be read (helper-70: a bad
        ///   second line had made every chunk of the file be read before the error was said).
        static func firstPass(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, chunk: Int, failed: borrowing Atomic<Int>,
                              name: String, bom: Int) -> Part {
            var part = Part()
            // The first chunk counts from the file's start, past its byte-order mark.
            var positions = TextPositions(file: name, bytes: buf, origin: range.lowerBound == bom ? 0 : range.lowerBound)
            var start = range.lowerBound
            var lines = 0
            while start < range.upperBound {
                lines += 1
                if lines & 1023 == 0, failed.load(ordering: .relaxed) < chunk { return part }
                var end = start
                while end < range.upperBound && buf[end] != 0x0A { end += 1 }
                defer { start = end + 1 }
                if end < range.upperBound { part.lineEnds += 1 }
                let slice = UnsafeBufferPointer(rebasing: buf[start ..< end])
                guard slice.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) else { continue }
                let read: (line: Line?, offset: Int, location: SourceLocation)
                do { read = try Self.line(slice, &part.issues, relationsBare: true) { positions.location(of: start + $0) } } catch {
                    part.failure = ReadError(error.message + " (FtM entities are one JSON object a line)", at: positions.location(of: start + error.offset))
                    failed.min(chunk, ordering: .relaxed)
                    return part
                }
                guard let line = read.line else { continue }
                if isRelation(line.schema) {
                    part.relations.append(Relation(start: start + read.offset, end: end, line: Int32(clamping: read.location.line),
                                                   column: Int32(clamping: read.location.column)))
                } else {
                    part.lines.append(line)
                }
            }
            return part
        }

        /// The relations of `wave`, each line parsed again and read as a link by a copy of
        /// `builder` (every relation before the wave added), on the threads, in pieces in file
        /// order. A relation that changes what later ones read (an agency or a source made) is not
        /// drafted: its line is kept, to be read in order; a drafted relation's line is let go on
        /// its thread. No copy of the builder outlives the call: one kept had made the builder's
        /// next link copy every column it appends to, once a wave.
        static func drafted(_ wave: ArraySlice<Relation>, of builder: Builder, _ buf: UnsafeBufferPointer<UInt8>, name: String,
                            threads: Int, drafts: Bool) -> [[(line: Line?, drafted: Builder.Drafted?)]] {
            let pieces = max(1, min(4 * threads, wave.count / 256))
            var read = [[(line: Line?, drafted: Builder.Drafted?)]](repeating: [], count: pieces)
            read.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                forEachChunk(pieces, threads: threads) { p, _ in
                    let from = wave.startIndex + p * wave.count / pieces, to = wave.startIndex + (p + 1) * wave.count / pieces
                    var made: [(line: Line?, drafted: Builder.Drafted?)] = []
                    made.reserveCapacity(to - from)
                    var ignored: [ValidationIssue] = []
                    var copy = builder
                    for (k, r) in zip(from ..< to, wave[from ..< to]) {
                        // The first pass read this line: it reads, and its issues are said.
                        let at = SourceLocation(file: name, line: Int(r.line), column: Int(r.column))
                        guard let line = (try? Self.line(UnsafeBufferPointer(rebasing: buf[r.start ..< r.end]), &ignored) { _ in at })?.line else {
                            fatalError("a relation's line read twice reads the same")
                        }
                        // Its place among the relations: every one before this wave has been
                        // added. What one read in order makes (an agency, a source) no drafted
                        // relation reads, so the drafts stand whatever comes between.
                        let drafted = drafts ? Builder.draft(line, position: k + 1, by: &copy, of: builder) : nil
                        made.append((drafted == nil ? line : nil, drafted))
                    }
                    out[p] = made
                }
            }
            return read
        }

        /// Reads `buf` from `start` (past a byte-order mark) on `threads` threads.
        /// - Parameters:
        ///   - chunkBytes: About how much of the file one chunk reads (smaller in tests).
        ///   - waveLines: How many relations' lines are held at once (smaller in tests).
        ///   - drafts: Whether relations are read ahead on the threads (false in a test: each
        ///     read in order, as the drafts must equal).
        ///   - mapped: The mapped file `buf` is, which hands back the pages a pass is done with
        ///     (a chunk once the first pass has read it, a wave of relations once they are read
        ///     again).
        static func read(_ buf: UnsafeBufferPointer<UInt8>, name: String, start: Int, threads: Int,
                         chunkBytes: Int = chunkBytes, waveLines: Int = waveLines, drafts: Bool = true,
                         mapped: MappedFile? = nil) throws -> (dataset: Dataset, issues: [ValidationIssue]) {
            let ranges = chunks(buf, from: start, bytes: chunkBytes)
            var parts = [Part](repeating: Part(), count: ranges.count)
            let failed = Atomic<Int>(Int.max)
            parts.withUnsafeMutableBufferPointer { out in
                nonisolated(unsafe) let out = out
                forEachChunk(ranges.count, threads: threads) { c, _ in
                    // Chunks after a failed one are not read at all.
                    guard failed.load(ordering: .relaxed) > c else { return }
                    out[c] = firstPass(buf, ranges[c], chunk: c, failed: failed, name: name, bom: start)
                    mapped?.release(ranges[c])
                }
            }
            // In file order: each chunk's lines numbered after the chunks before it.
            var lines: [Line] = []
            var relations: [Relation] = []
            var issues: [ValidationIssue] = []
            lines.reserveCapacity(parts.reduce(0) { $0 + $1.lines.count })
            relations.reserveCapacity(parts.reduce(0) { $0 + $1.relations.count })
            var before = 0
            for c in parts.indices {
                var part = parts[c]
                parts[c] = Part()
                if before > 0 {
                    for k in part.lines.indices { part.lines[k].location.line += before }
                    for k in part.relations.indices { part.relations[k].line += Int32(clamping: before) }
                    for k in part.issues.indices { part.issues[k].location?.line += before }
                    part.failure?.location?.line += before
                }
                issues += part.issues
                if let failure = part.failure { throw failure }
                lines += part.lines
                relations += part.relations
                before += part.lineEnds
            }
            var builder = Builder(issues: issues)
            builder.begin(&lines, file: name)
            lines = []
            // The relations, a wave at a time, read again on every core and built in file order.
            var first = 0
            while first < relations.count {
                let wave = relations[first ..< min(first + waveLines, relations.count)]
                precondition(builder.relationCount == first, "every relation before the wave is added")
                let read = drafted(wave, of: builder, buf, name: name, threads: threads, drafts: drafts)
                mapped?.release(wave.first!.start ..< wave.last!.end)
                for piece in read {
                    for (line, drafted) in piece {
                        if let drafted { builder.add(drafted) } else { builder.relation(line!) }
                    }
                }
                first += wave.count
            }
            return (builder.finish(), builder.issues)
        }
    }
}
