import Foundation

/// A dataset's links stored by column: the endpoints as entity positions, every other field as
/// a small index into a table of the distinct values it takes (a file of a million calls has a
/// handful of kinds, grades and citation lists), and attributes only for the links that have
/// any. A million links take about 40 MB here, against about 200 MB as `Link` values with their
/// strings; a ``Link`` is built only when one is asked for (``Dataset/Links``).
///
/// An endpoint that names no entity (dangling) keeps its id aside, and is resolved when an
/// entity of that id is appended later.
package struct LinkColumns: Sendable {
    /// Two per link: the source's and the target's entity positions, `-1` when dangling.
    package private(set) var ends: [Int32] = []
    /// Ids of dangling endpoints, by slot in ``ends`` (`2i` source, `2i + 1` target).
    package private(set) var danglingIDs: [Int: String] = [:]
    /// The same, by id: the slots waiting for an entity of that id.
    private var danglingSlots: [String: [Int]] = [:]
    /// An endpoint's own spelling, by slot, where it names its entity by a different but
    /// canonically equal string (ids match as Swift compares text: a decomposed "é" names the
    /// entity spelt with a composed one). Kept so the link is given back, and written, as read.
    package private(set) var spellings: [Int: String] = [:]
    private(set) var kindIndex: [UInt32] = []
    private(set) var weights: [Double?] = []
    private(set) var directed: [Bool?] = []
    private(set) var confidenceIndex: [UInt32] = []
    private(set) var citationIndex: [UInt32] = []
    private(set) var periodIndex: [UInt32] = []
    private(set) var agreementIndex: [UInt32] = []
    private(set) var attributes: [Int: Attributes] = [:]

    private(set) var kinds = InternTable<LinkKind>()
    private(set) var confidences = InternTable<Confidence?>(first: nil)
    private(set) var citations = InternTable<[String]>(first: [])
    private(set) var periods = InternTable<Period?>(first: nil)
    private(set) var agreements = InternTable<String?>(first: nil)

    package init() {}

    /// Links with nothing but their ends (resolved), one kind and their weights: an edge list.
    package init(plainSources sources: [Int32], targets: [Int32], kind: LinkKind, weights: [Double?]) {
        precondition(sources.count == targets.count && weights.count == sources.count)
        let n = sources.count
        ends = [Int32](unsafeUninitializedCapacity: 2 * n) { buffer, count in
            for i in 0 ..< n {
                buffer[2 * i] = sources[i]
                buffer[2 * i + 1] = targets[i]
            }
            count = 2 * n
        }
        _ = kinds.index(of: kind)
        kindIndex = [UInt32](repeating: 0, count: n)
        self.weights = weights
        directed = [Bool?](repeating: nil, count: n)
        confidenceIndex = kindIndex
        citationIndex = kindIndex
        periodIndex = kindIndex
        agreementIndex = kindIndex
    }

    /// The columns of a reader that built them in parts (``LinkColumns/Parts``), whose value
    /// tables number their values as ``InternTable`` does (value 0 of the grades, citations,
    /// periods and agreements is the column's default: none).
    package init(_ parts: Parts) {
        let n = parts.kindIndex.count
        precondition(parts.ends.count == 2 * n && parts.weights.count == n && parts.directed.count == n
                     && parts.confidenceIndex.count == n && parts.citationIndex.count == n
                     && parts.periodIndex.count == n && parts.agreementIndex.count == n)
        ends = parts.ends
        kindIndex = parts.kindIndex
        weights = parts.weights
        directed = parts.directed
        confidenceIndex = parts.confidenceIndex
        citationIndex = parts.citationIndex
        periodIndex = parts.periodIndex
        agreementIndex = parts.agreementIndex
        attributes = parts.attributes
        kinds = parts.kinds
        confidences = parts.confidences
        citations = parts.citations
        periods = parts.periods
        agreements = parts.agreements
        spellings = parts.spellings
        for (slot, id) in parts.dangling {
            precondition(ends[slot] < 0)
            danglingIDs[slot] = id
            danglingSlots[id, default: []].append(slot)
        }
    }

    /// Links by column as a reader assembles them, to be checked and kept by ``init(_:)``.
    package struct Parts: Sendable {
        /// Two per link, the ends' entity positions, `-1` when dangling.
        package var ends: [Int32] = []
        package var kindIndex: [UInt32] = []
        package var weights: [Double?] = []
        package var directed: [Bool?] = []
        package var confidenceIndex: [UInt32] = []
        package var citationIndex: [UInt32] = []
        package var periodIndex: [UInt32] = []
        package var agreementIndex: [UInt32] = []
        /// By link position, for the links that have any.
        package var attributes: [Int: Attributes] = [:]
        package var kinds = InternTable<LinkKind>()
        package var confidences = InternTable<Confidence?>(first: nil)
        package var citations = InternTable<[String]>(first: [])
        package var periods = InternTable<Period?>(first: nil)
        package var agreements = InternTable<String?>(first: nil)
        /// Dangling ends (slot `2i` source, `2i + 1` target) and the ids they name, in slot order.
        package var dangling: [(slot: Int, id: String)] = []
        /// Ends that name their entity by a canonically equal but different spelling, by slot.
        package var spellings: [Int: String] = [:]
        package init() {}

        package mutating func reserveCapacity(_ n: Int) {
            kindIndex.reserveCapacity(n)
            weights.reserveCapacity(n)
            directed.reserveCapacity(n)
            confidenceIndex.reserveCapacity(n)
            citationIndex.reserveCapacity(n)
            periodIndex.reserveCapacity(n)
            agreementIndex.reserveCapacity(n)
        }

        /// Appends `link`'s values, each numbered in its table (its ends go in ``ends`` apart).
        /// Numbered here, where the tables' types are known: called from another module, the
        /// tables' generic code ran unspecialised (a fifth of reading a large GraphML file).
        package mutating func append(valuesOf link: Link) {
            let i = kindIndex.count
            append(kind: kinds.index(of: link.kind), weight: link.weight, directed: link.directed,
                   confidence: confidences.index(of: link.confidence),
                   citation: link.sources.isEmpty ? 0 : citations.index(of: link.sources),
                   period: link.period == nil ? 0 : periods.index(of: link.period),
                   agreement: link.agreement == nil ? 0 : agreements.index(of: link.agreement))
            if !link.attributes.isEmpty { attributes[i] = link.attributes }
        }

        // Each value's number in its table, for a reader in another module that numbers values
        // itself. Numbered here, where the tables' types are known: called from another module,
        // the generic code ran unspecialised, and comparing two optional periods looked up a
        // tuple's type metadata at run time, every time.
        package mutating func number(kind: LinkKind) -> UInt32 { kinds.index(of: kind) }
        package mutating func number(confidence: Confidence?) -> UInt32 { confidences.index(of: confidence) }
        package mutating func number(citation: [String]) -> UInt32 { citations.index(of: citation) }
        package mutating func number(period: Period?) -> UInt32 { periods.index(of: period) }
        package mutating func number(agreement: String?) -> UInt32 { agreements.index(of: agreement) }

        /// Appends the values of every link of `other` (not their ends), each renumbered in these
        /// tables in order of first use, as appending the links one by one would number them.
        package mutating func appendValues(of other: Parts) {
            func remap<V>(_ old: [UInt32], _ table: InternTable<V>, _ into: inout InternTable<V>, _ out: inout [UInt32]) {
                var map = [UInt32](repeating: .max, count: table.values.count)
                for o in old {
                    if map[Int(o)] == .max { map[Int(o)] = into.index(of: table.values[Int(o)]) }
                    out.append(map[Int(o)])
                }
            }
            let base = kindIndex.count
            remap(other.kindIndex, other.kinds, &kinds, &kindIndex)
            remap(other.confidenceIndex, other.confidences, &confidences, &confidenceIndex)
            remap(other.citationIndex, other.citations, &citations, &citationIndex)
            remap(other.periodIndex, other.periods, &periods, &periodIndex)
            remap(other.agreementIndex, other.agreements, &agreements, &agreementIndex)
            weights += other.weights
            directed += other.directed
            for (i, a) in other.attributes { attributes[base + i] = a }
        }

        /// Appends a link's values (its ends go in ``ends`` apart), each an index in its table.
        package mutating func append(kind: UInt32, weight: Double?, directed isDirected: Bool?, confidence: UInt32,
                                     citation: UInt32, period: UInt32, agreement: UInt32) {
            kindIndex.append(kind)
            weights.append(weight)
            directed.append(isDirected)
            confidenceIndex.append(confidence)
            citationIndex.append(citation)
            periodIndex.append(period)
            agreementIndex.append(agreement)
        }
    }

    /// Number of links.
    package var count: Int { kindIndex.count }

    package mutating func reserveCapacity(_ n: Int) {
        ends.reserveCapacity(2 * n)
        kindIndex.reserveCapacity(n)
        weights.reserveCapacity(n)
        directed.reserveCapacity(n)
        confidenceIndex.reserveCapacity(n)
        citationIndex.reserveCapacity(n)
        periodIndex.reserveCapacity(n)
        agreementIndex.reserveCapacity(n)
    }

    /// Appends `link` with its endpoints already looked up (`-1` when dangling) and the ids of
    /// the entities they resolved to (to keep the link's own spelling where it differs).
    package mutating func append(_ link: Link, source s: Int32, target t: Int32,
                                 sourceEntityID: String? = nil, targetEntityID: String? = nil) {
        let i = count
        ends.append(s)
        ends.append(t)
        if let id = sourceEntityID, !Self.sameBytes(id, link.source) { spellings[2 * i] = link.source }
        if let id = targetEntityID, !Self.sameBytes(id, link.target) { spellings[2 * i + 1] = link.target }
        if s < 0 { danglingIDs[2 * i] = link.source; danglingSlots[link.source, default: []].append(2 * i) }
        if t < 0 { danglingIDs[2 * i + 1] = link.target; danglingSlots[link.target, default: []].append(2 * i + 1) }
        kindIndex.append(kinds.index(of: link.kind))
        weights.append(link.weight)
        directed.append(link.directed)
        confidenceIndex.append(confidences.index(of: link.confidence))
        citationIndex.append(link.sources.isEmpty ? 0 : citations.index(of: link.sources))
        periodIndex.append(link.period == nil ? 0 : periods.index(of: link.period))
        agreementIndex.append(link.agreement == nil ? 0 : agreements.index(of: link.agreement))
        if !link.attributes.isEmpty { attributes[i] = link.attributes }
    }

    /// Appends a link with nothing but its resolved ends, one kind and a weight: an edge list's
    /// line, without building a ``Link``.
    package mutating func appendPlain(source s: Int32, target t: Int32, kind: LinkKind, weight: Double?) {
        precondition(s >= 0 && t >= 0)
        ends.append(s)
        ends.append(t)
        kindIndex.append(kinds.index(of: kind))
        weights.append(weight)
        directed.append(nil)
        confidenceIndex.append(0)
        citationIndex.append(0)
        periodIndex.append(0)
        agreementIndex.append(0)
    }

    /// The resolved links `keep` accepts, their ends renumbered by `position` (an entity's
    /// position in the subset), each value table holding only what the kept links use.
    /// - Complexity: O(*m*).
    package func subset(position: [Int32], keep: (Int, Int32, Int32) -> Bool) -> (columns: LinkColumns, kept: [Int]) {
        var kept: [Int] = []
        for i in 0 ..< count {
            let s = ends[2 * i], t = ends[2 * i + 1]
            if s >= 0, t >= 0, keep(i, s, t) { kept.append(i) }
        }
        // Column by column, each written once at its final size. A value table numbers its
        // values in order of first use among the kept links, as appending them would.
        func remapped<V>(_ column: [UInt32], _ table: InternTable<V>, _ into: inout InternTable<V>) -> [UInt32] {
            var map = [UInt32](repeating: .max, count: table.values.count)
            return kept.map { i in
                let old = Int(column[i])
                if map[old] == .max { map[old] = into.index(of: table.values[old]) }
                return map[old]
            }
        }
        var out = LinkColumns()
        out.ends = [Int32](unsafeUninitializedCapacity: 2 * kept.count) { buffer, initialized in
            for (j, i) in kept.enumerated() {
                buffer[2 * j] = position[Int(ends[2 * i])]
                buffer[2 * j + 1] = position[Int(ends[2 * i + 1])]
            }
            initialized = 2 * kept.count
        }
        out.kindIndex = remapped(kindIndex, kinds, &out.kinds)
        out.weights = kept.map { weights[$0] }
        out.directed = kept.map { directed[$0] }
        out.confidenceIndex = remapped(confidenceIndex, confidences, &out.confidences)
        out.citationIndex = remapped(citationIndex, citations, &out.citations)
        out.periodIndex = remapped(periodIndex, periods, &out.periods)
        out.agreementIndex = remapped(agreementIndex, agreements, &out.agreements)
        // Both are keyed by link (or slot) and usually empty: not looked up per link then.
        if !attributes.isEmpty {
            for (j, i) in kept.enumerated() { if let a = attributes[i] { out.attributes[j] = a } }
        }
        if !spellings.isEmpty {
            for (j, i) in kept.enumerated() {
                if let a = spellings[2 * i] { out.spellings[2 * j] = a }
                if let b = spellings[2 * i + 1] { out.spellings[2 * j + 1] = b }
            }
        }
        return (out, kept)
    }

    /// Points the dangling endpoints that name `id` at the entity at `position`.
    /// - Complexity: O(1) expected, plus the number of endpoints resolved.
    package mutating func resolve(_ id: String, at position: Int32) {
        guard let slots = danglingSlots.removeValue(forKey: id) else { return }
        for slot in slots {
            ends[slot] = position
            if let spelt = danglingIDs.removeValue(forKey: slot), !Self.sameBytes(spelt, id) { spellings[slot] = spelt }
        }
    }

    /// Whether `a` and `b` are spelt with the same bytes (Swift's `==` takes canonically equal
    /// texts as one): compared in place, not through the generic `elementsEqual`, which walked
    /// both views byte by byte (a GraphML reader compares a `sources` text per element).
    package static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        guard a.utf8.count == b.utf8.count else { return false }
        return a.withUTF8 { x in b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// How an endpoint is spelt: the link's own spelling when it differs from its entity's
    /// id, else `entityID`.
    package func spelling(slot: Int, entityID: String) -> String { spellings.isEmpty ? entityID : spellings[slot] ?? entityID }

    /// Renumbers resolved endpoints (`ends[k] = rank[ends[k]]`), for a reader that sorts its
    /// entities after reading.
    package mutating func renumber(_ rank: [Int32]) {
        ends.withUnsafeMutableBufferPointer { e in
            for k in e.indices where e[k] >= 0 { e[k] = rank[Int(e[k])] }
        }
    }

    package func weight(_ i: Int) -> Double? { weights[i] }
    package func isDirected(_ i: Int) -> Bool? { directed[i] }
    package func kind(_ i: Int) -> LinkKind { kinds.values[Int(kindIndex[i])] }
    package func confidence(_ i: Int) -> Confidence? { confidences.values[Int(confidenceIndex[i])] }
    package func sources(_ i: Int) -> [String] { citations.values[Int(citationIndex[i])] }
    package func period(_ i: Int) -> Period? { periods.values[Int(periodIndex[i])] }
    package func agreement(_ i: Int) -> String? { agreements.values[Int(agreementIndex[i])] }
    package func attributes(ofLink i: Int) -> Attributes? { attributes[i] }
    /// Whether any link cites a source.
    package var citesAnything: Bool { citations.values.count > 1 }

    /// The kinds present, each with its index in ``kindOf(_:)``'s numbering.
    package var kindTable: [LinkKind] { kinds.values }
    /// The index of link `i`'s kind in ``kindTable``.
    package func kindOf(_ i: Int) -> Int { Int(kindIndex[i]) }
    /// Each link's own direction (nil: not set), by link.
    package var ownDirections: [Bool?] { directed }
    /// Each link's kind as its position in ``kindTable``, by link.
    package var kindIndices: [UInt32] { kindIndex }

    /// The distinct grades, citation lists, periods and agreements, each numbered as the
    /// matching `…Of(_:)` numbers a link's (a writer renders each distinct value once).
    package var confidenceTable: [Confidence?] { confidences.values }
    package func confidenceOf(_ i: Int) -> Int { Int(confidenceIndex[i]) }
    package var citationTable: [[String]] { citations.values }
    package func citationOf(_ i: Int) -> Int { Int(citationIndex[i]) }
    package var periodTable: [Period?] { periods.values }
    package func periodOf(_ i: Int) -> Int { Int(periodIndex[i]) }
    package var agreementTable: [String?] { agreements.values }
    package func agreementOf(_ i: Int) -> Int { Int(agreementIndex[i]) }
    /// Whether any link has attributes.
    package var anyAttributes: Bool { !attributes.isEmpty }

    /// Whether any link has its own direction set (`true`), without building links.
    package var anyDirectedFlag: Bool { directed.contains { $0 == true } }
    /// Whether any link has its own direction set to undirected.
    package var anyUndirectedFlag: Bool { directed.contains { $0 == false } }

    /// Link `i` as a value, its endpoint ids taken from `entityID` (or kept aside when dangling).
    package func link(_ i: Int, entityID: (Int) -> String) -> Link {
        let s = ends[2 * i], t = ends[2 * i + 1]
        return Link(source: s >= 0 ? spelling(slot: 2 * i, entityID: entityID(Int(s))) : danglingIDs[2 * i] ?? "",
                    target: t >= 0 ? spelling(slot: 2 * i + 1, entityID: entityID(Int(t))) : danglingIDs[2 * i + 1] ?? "",
                    kind: kind(i), weight: weights[i], directed: directed[i], confidence: confidence(i),
                    sources: sources(i), period: period(i), agreement: agreement(i),
                    attributes: attributes[i] ?? Attributes())
    }
}

/// The distinct values a column takes, numbered in order of first appearance. Values are told
/// apart as spelt: a citation of `"rép"` with a composed `é` and one with `e` + U+0301 are two
/// values (Swift's `==` holds them equal), so each link keeps the spelling it was read with and
/// validation can say which name a source in another Unicode form.
package struct InternTable<Value: SpeltValue>: Sendable {
    package private(set) var values: [Value] = []
    /// Each value's number, the first spelling's where equal values are spelt differently.
    private var numbers: [Value: UInt32] = [:]
    /// The other spellings' numbers, by the first spelling's (rarely any).
    private var respelt: [UInt32: [UInt32]] = [:]
    /// The value asked for last: runs of equal values (one kind for a whole file) skip hashing.
    private var last: UInt32 = 0

    package init() {}
    /// A table whose value 0 is `first` (the column's default: no grade, no citation).
    package init(first: Value) { _ = index(of: first) }

    package mutating func index(of value: Value) -> UInt32 {
        if Int(last) < values.count && values[Int(last)].isSpelt(like: value) { return last }
        if let n = numbers[value] {
            if values[Int(n)].isSpelt(like: value) { last = n; return n }
            if let other = respelt[n]?.first(where: { values[Int($0)].isSpelt(like: value) }) { last = other; return other }
            let new = append(value)
            respelt[n, default: []].append(new)
            return new
        }
        numbers[value] = UInt32(values.count)
        return append(value)
    }

    private mutating func append(_ value: Value) -> UInt32 {
        let n = UInt32(values.count)
        values.append(value)
        last = n
        return n
    }
}

/// A value of a link column: compared as spelt, byte for byte, where it holds text.
package protocol SpeltValue: Hashable, Sendable {
    /// Whether `other` is this value with its text spelt in the same bytes (`==` holds
    /// canonically equal texts, NFC and NFD, equal).
    func isSpelt(like other: Self) -> Bool
}

extension SpeltValue {
    /// Values without text: spelt alike when equal.
    package func isSpelt(like other: Self) -> Bool { self == other }
}

extension String: SpeltValue {
    package func isSpelt(like other: String) -> Bool { LinkColumns.sameBytes(self, other) }
}

extension LinkKind: SpeltValue {
    package func isSpelt(like other: LinkKind) -> Bool { rawValue.isSpelt(like: other.rawValue) }
}

extension Confidence: SpeltValue {}
extension Period: SpeltValue {}

extension Optional: SpeltValue where Wrapped: SpeltValue {
    package func isSpelt(like other: Self) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case let (a?, b?): a.isSpelt(like: b)
        default: false
        }
    }
}

extension Array: SpeltValue where Element: SpeltValue {
    package func isSpelt(like other: Self) -> Bool {
        guard count == other.count else { return false }
        // One list shared by many records (a reader hands out one array per distinct list).
        if withUnsafeBufferPointer({ a in other.withUnsafeBufferPointer { a.baseAddress == $0.baseAddress } }) { return true }
        return zip(self, other).allSatisfy { $0.isSpelt(like: $1) }
    }
}
