import Synchronization
import TNetGraph

/// Two records that may be one entity, with the scorer's verdict. `a < b`, positions in the
/// records searched.
public struct CandidatePair: Sendable {
    /// The first record's position.
    public var a: Int
    /// The second record's position.
    public var b: Int
    /// The verdict.
    public var score: MatchScore
}

/// Finds the pairs of records worth scoring without scoring every pair (blocking), then
/// scores them. A pair is compared when the two records share a key:
/// - two words of a name or alias (their ``PhoneticKey``s, in either order, a word also read
///   joined with the next: `xiao ming wang` and `wang xiaoming` share `wang|xiaoming`);
/// - a one-word name's key; a distinctive word's key (three letters of skeleton or more);
/// - an identifier (``IdentifierKind``) of the same kind and value.
///
/// Keys are per category (a person never meets a company). A key that would add more pairs
/// than `blockLimit` records do (a common family name) is not used alone: a name key is used
/// within each country and year of birth or incorporation instead, a record giving only one of
/// the two meeting all that share it (a part still too large is set aside), an identifier not
/// at all; the search says how many keys it set aside and how
/// many records were left with no name key. Across inputs only (`withinInputs` false), only
/// the pairs across inputs count.
public struct CandidateSearch: Sendable {
    /// The most records a name key may hold and still be compared pairwise (120: on the
    /// benchmark's 200,000 records it halves the pairs compared against 200, 10.1 M → 6.0 M, for
    /// 0.005–0.009 of F1).
    public var blockLimit = 120
    /// The most records an identifier may hold (a call centre's shared phone).
    public var identifierLimit = 50
    /// Only pairs whose probability is at least this are kept.
    public var minimumProbability = 0.2
    /// Whether pairs of records from the same input are compared (duplicates within one file).
    public var withinInputs = true
    /// Threads to score with.
    public var threads = 2
    /// Whether pairs sharing a strong identifier (``IdentifierKind/isStrong``) are kept below
    /// the minimum probability (names far apart outweigh the identifier).
    public var keepsSharedIdentifiers = false

    /// The search's findings.
    public struct Result: Sendable {
        /// Pairs at or above the minimum probability, by first record, then second.
        public var pairs: [CandidatePair]
        /// How many pairs were scored.
        public var compared: Int
        /// How many keys were set aside because too many records held them.
        public var keysSetAside: Int
        /// How many of them were name keys (the rest identifiers: a shared phone).
        public var nameKeysSetAside: Int = 0
        /// Records with a name key whose every name key was set aside: compared with no other
        /// record by name, only by an identifier they share (a person with only a common name).
        public var recordsWithoutNameKey: Int = 0
        /// ``recordsWithoutNameKey`` by input.
        public var withoutNameKeyByInput: [Int: Int] = [:]
    }

    /// A search with the defaults.
    public init() {}

    /// The blocking keys of a record, as hashes.
    static func keys(_ r: ResolutionRecord) -> (names: [Int], identifiers: [Int]) {
        var names = Set<Int>()
        let c = r.category
        // Names only: a label (`rec-0412`) finds no candidates by its spelling (helper-67: two
        // unnamed records `rec-0001` and `rec-0011` were listed for review on the prior alone).
        for f in r.nameForms {
            var units = f.keys
            if f.tokens.count > 1 {
                for i in 0 ..< min(f.tokens.count - 1, 5) { units.append(PhoneticKey.of(f.tokens[i] + f.tokens[i + 1])) }
            }
            units = Array(units.prefix(10))
            if f.tokens.count == 1 { names.insert(Hasher.key(c, "s", units[0])) }
            for i in units.indices {
                if units[i].count >= 3 { names.insert(Hasher.key(c, "t", units[i])) }
                for j in units.indices where j > i && units[j] != units[i] {
                    let (x, y) = units[i] < units[j] ? (units[i], units[j]) : (units[j], units[i])
                    names.insert(Hasher.key(c, "p", x + "|" + y))
                }
            }
        }
        let ids = Set(r.identifiers.map { Hasher.key(c, $0.kind.rawValue, $0.value) })
        return (Array(names), Array(ids))
    }

    /// Scores the candidate pairs of `records`.
    /// - Parameters:
    ///   - records: The records.
    ///   - scorer: The scorer (with the records' name frequencies).
    ///   - commonNeighbours: How many neighbours two records share (0 when not known).
    ///   - progress: Called with the fraction done.
    /// - Returns: The pairs kept and the counts.
    public func run(_ records: [ResolutionRecord], scorer: MatchScorer,
                    commonNeighbours: (@Sendable (Int, Int) -> Int)? = nil,
                    progress: ProgressHandler? = nil) -> Result {
        let n = records.count
        var blocks: [Int: [Int32]] = [:]
        var identifierKeys = Set<Int>()
        var recordKeys = [[Int]](repeating: [], count: n)
        for (i, r) in records.enumerated() {
            let k = Self.keys(r)
            recordKeys[i] = k.names + k.identifiers
            for key in k.names { blocks[key, default: []].append(Int32(i)) }
            for key in k.identifiers { blocks[key, default: []].append(Int32(i)); identifierKeys.insert(key) }
        }
        // A key is set aside when the pairs it would add are more than a block of the limit's
        // size holds, L(L − 1)/2, counting only the pairs compared: across inputs alone (a
        // screening), a common name held by 5,000 of the dataset's records and one list record
        // adds 5,000 pairs, not 12.5 million, and is kept (helper-64: at 100,000 entities a
        // sanctioned name matching five records exactly was never compared).
        var setAside = 0, nameKeysSetAside = 0
        var droppedForSize = Set<Int>()
        var oversized: [(key: Int, members: [Int32])] = []
        func inputs(_ members: [Int32]) -> [Int: Int] {
            var n: [Int: Int] = [:]
            for j in members { n[records[Int(j)].input, default: 0] += 1 }
            return n
        }
        /// The pairs a block compares: all of them, or across inputs only.
        func pairs(_ members: [Int32]) -> Int {
            let m = members.count
            return withinInputs ? m * (m - 1) / 2 : (m * m - inputs(members).values.reduce(0) { $0 + $1 * $1 }) / 2
        }
        /// Whether a block of `records` adding `pairs` is too large for a limit of `limit`.
        func tooMany(_ pairs: Int, _ records: Int, limit: Int) -> Bool { pairs > 0 && records > limit && pairs > limit * (limit - 1) / 2 }
        for (key, members) in blocks {
            let limit = identifierKeys.contains(key) ? identifierLimit : blockLimit
            let pairs = pairs(members)
            // Across inputs, a key no two inputs share adds no pair: dropped, not counted
            // (walking its members would cost their square for nothing: helper-65).
            if !withinInputs && pairs == 0 { blocks[key] = nil; continue }
            if tooMany(pairs, members.count, limit: limit) {
                blocks[key] = nil
                setAside += 1
                if !identifierKeys.contains(key) { nameKeysSetAside += 1; droppedForSize.insert(key); oversized.append((key, members)) }
            }
        }
        // A name key set aside is used again within each country and year of birth or
        // incorporation: 5,000 records of one common name over forty countries and sixty years
        // make blocks of a few each (helper-64: at 100,000 entities one in six exact same-name
        // duplicates had been compared with no record). A record that gives only one of the
        // two meets every record sharing it: a list entry born 1950 with no country meets the
        // 1950-born (helper-68: it had met no one). Two records that give both are not paired by
        // one alone: the country's or the year's part pairs a record missing the other (active)
        // with every record of that part (passive ones included), never two passive ones
        // (helper-69: pairing them gave 12.7 M pairs and 313,000 rows for review at 100,000
        // entities). A part still too large is set aside; a record with neither is compared
        // with no one by that name, and counted.
        func part(_ key: Int, _ tag: String, _ country: String?, _ year: Int?) -> Int {
            var h = Hasher()
            h.combine(key)
            h.combine(tag)
            h.combine(country)
            h.combine(year)
            return h.finalize()
        }
        var fine: [Int: [Int32]] = [:]
        // Per half-refined part (its active id): its actives, its passives, and its passive id.
        var halves: [Int: (active: [Int32], passive: [Int32], passiveID: Int)] = [:]
        for (key, members) in oversized {
            for j in members {
                let r = records[Int(j)]
                let c = r.country, y = r.date?.year
                if let c, let y {
                    let both = part(key, "cy", c, y)
                    fine[both, default: []].append(j)
                    recordKeys[Int(j)].append(both)
                }
                let halvesOf: [(tag: String, country: String?, year: Int?)] = (c == nil ? [] : [("c", c, nil)]) + (y == nil ? [] : [("y", nil, y)])
                for (tag, country, year) in halvesOf {
                    let active = part(key, tag + "+", country, year), passive = part(key, tag + "-", country, year)
                    var half = halves[active] ?? ([], [], passive)
                    // Missing the other attribute: active, meeting everyone in the part.
                    if (tag == "c" && y == nil) || (tag == "y" && c == nil) {
                        half.active.append(j)
                        recordKeys[Int(j)] += [active, passive]
                    } else {
                        half.passive.append(j)
                        recordKeys[Int(j)].append(active)
                    }
                    halves[active] = half
                }
            }
        }
        for (id, members) in fine {
            // A part that adds no pair is kept (it costs nothing): its records were compared
            // with everyone of their country and year, none.
            if tooMany(pairs(members), members.count, limit: blockLimit) { droppedForSize.insert(id); continue }
            blocks[id] = members
        }
        for (active, half) in halves where !half.active.isEmpty {
            // Actives among themselves, and each active with each passive (across inputs, less
            // those of one input).
            let a = half.active.count, p = half.passive.count
            var added = pairs(half.active) + a * p
            if !withinInputs {
                let pi = inputs(half.passive)
                added -= inputs(half.active).reduce(0) { $0 + $1.value * (pi[$1.key] ?? 0) }
            }
            if tooMany(added, a + p, limit: blockLimit) { droppedForSize.insert(active); droppedForSize.insert(half.passiveID); continue }
            blocks[active] = half.active
            if p > 0 { blocks[half.passiveID] = half.passive }
        }
        // Across inputs only, each record walks only the members of the other inputs: a kept
        // block of 5,000 records of the dataset and one list entry costs 5,000 steps, not 12.5
        // million (helper-65).
        var byInput: [Int: [(input: Int, members: [Int32])]] = [:]
        if !withinInputs {
            for (key, members) in blocks {
                var split: [Int: [Int32]] = [:]
                for j in members { split[records[Int(j)].input, default: []].append(j) }
                byInput[key] = split.map { (input: $0.key, members: $0.value) }
            }
        }
        // Records left without a name key to be found by (helper-64: at 100,000 entities one
        // in six exact same-name duplicates was neither merged nor sent to review, and only the
        // keys were counted).
        var withoutNameKey = 0, withoutByInput: [Int: Int] = [:]
        if nameKeysSetAside > 0 {
            for i in 0 ..< n where recordKeys[i].contains(where: { !identifierKeys.contains($0) }) {
                // Every name key of the record set aside (a key dropped because no other input
                // shares it is no loss: there was nothing to compare it with).
                let names = recordKeys[i].filter { !identifierKeys.contains($0) }
                if names.allSatisfy({ blocks[$0] == nil }) && names.contains(where: { droppedForSize.contains($0) }) {
                    withoutNameKey += 1
                    withoutByInput[records[i].input, default: 0] += 1
                }
            }
        }
        let chunk = 512
        let chunks = (n + chunk - 1) / chunk
        let found = Mutex<[[CandidatePair]]>(Array(repeating: [], count: chunks))
        let compared = Atomic<Int>(0)
        let done = Atomic<Int>(0)
        let stamps = Mutex<[[Int32]]>([])
        let threadCount = max(1, threads)
        stamps.withLock { $0 = Array(repeating: [Int32](repeating: -1, count: n), count: threadCount) }
        forEachChunk(chunks, threads: threadCount) { c, worker in
            var seen = stamps.withLock { s -> [Int32] in let x = s[worker]; s[worker] = []; return x }
            var out: [CandidatePair] = []
            var count = 0
            for i in c * chunk ..< min(n, (c + 1) * chunk) {
                var others: [Int] = []
                func meet(_ members: [Int32]) {
                    for j32 in members {
                        let j = Int(j32)
                        guard j > i, seen[j] != Int32(i) else { continue }
                        seen[j] = Int32(i)
                        others.append(j)
                    }
                }
                for key in recordKeys[i] {
                    if withinInputs {
                        if let members = blocks[key] { meet(members) }
                    } else {
                        for part in byInput[key] ?? [] where part.input != records[i].input { meet(part.members) }
                    }
                }
                others.sort()
                for j in others {
                    let a = records[i], b = records[j]
                    if !withinInputs && a.input == b.input { continue }
                    guard MatchScorer.compatible(a.category, b.category) else { continue }
                    count += 1
                    let cn = commonNeighbours?(i, j) ?? 0
                    // The names compared only when they can lift the pair to the minimum, the
                    // evidence's words built only for the pairs kept.
                    if let score = scorer.score(a, b, commonNeighbours: cn, atLeast: minimumProbability) {
                        out.append(CandidatePair(a: i, b: j, score: score))
                    } else if keepsSharedIdentifiers && MatchScorer.sharedIdentifier(a, b, \.isStrong) != nil {
                        // Below the minimum, but one passport, id, registration, wallet or
                        // e-mail under two names is a lead: kept to be listed.
                        out.append(CandidatePair(a: i, b: j, score: scorer.score(a, b, commonNeighbours: cn)))
                    }
                }
            }
            compared.wrappingAdd(count, ordering: .relaxed)
            found.withLock { $0[c] = out }
            stamps.withLock { $0[worker] = seen }
            let d = done.wrappingAdd(1, ordering: .relaxed).newValue
            progress?(Double(d) / Double(max(1, chunks)))
        }
        return Result(pairs: found.withLock { $0.flatMap { $0 } }, compared: compared.load(ordering: .relaxed), keysSetAside: setAside,
                      nameKeysSetAside: nameKeysSetAside, recordsWithoutNameKey: withoutNameKey, withoutNameKeyByInput: withoutByInput)
    }
}

extension Hasher {
    /// A blocking key's hash (a collision only adds a comparison).
    static func key(_ c: ResolutionRecord.Category, _ tag: String, _ value: String) -> Int {
        var h = Hasher()
        h.combine(c)
        h.combine(tag)
        h.combine(value)
        return h.finalize()
    }
}
