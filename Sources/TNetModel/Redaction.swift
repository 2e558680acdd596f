/// Replaces what could identify protected persons (role `victim` or `survivor`) with stable
/// pseudonyms, for outputs that leave the analyst's desk.
///
/// Each protected person, numbered in dataset order, becomes id `victim-N` and name
/// `Victim N` (`survivor-N`, `Survivor N` for survivors); links that name them are rewritten.
/// Their attributes are dropped (an alias, a phone number or a passport number identifies as
/// well as a name); kind, role, country, grade, citations and period stay, so every analysis
/// still runs. Every other text of the dataset — names, attribute strings, source titles, the
/// title and description — has each occurrence of a protected person's original name or id
/// (as a whole word, when at least three characters long) replaced by the pseudonym.
///
/// The numbering depends only on the dataset's order, so the same file gives the same
/// pseudonyms in every output; redaction runs before filters for that reason.
public struct Redaction: Sendable {
    /// The replacements made, original text first: ids and names of protected persons.
    public private(set) var replacements: [(original: String, pseudonym: String)] = []
    /// How many persons were redacted.
    public private(set) var count = 0

    /// Shortest original text that is also replaced inside other texts (a two-letter id would
    /// rewrite ordinary words).
    static let minimumEmbeddedLength = 3

    /// Redacts `dataset`; returns the redacted copy.
    public mutating func apply(to dataset: Dataset) -> Dataset {
        apply(to: [dataset])[0]
    }

    /// Redacts several datasets with one set of pseudonyms (two versions of a file, say): a
    /// person has the same pseudonym in each, numbered in order of first appearance, first
    /// dataset first, and a person protected in any of them is redacted in all — a victim in
    /// one version is not named in the other because it gives them another role.
    public mutating func apply(to datasets: [Dataset]) -> [Dataset] {
        var pseudonyms: [String: (id: String, name: String)] = [:]
        var numbers: [String: Int] = [:]
        var taken = Set(datasets.flatMap { $0.entities.map(\.id) })
        var texts: [(String, String)] = []
        for dataset in datasets {
            for e in dataset.entities where e.role?.isProtected == true && pseudonyms[e.id] == nil {
                let role = e.role!.canonical.rawValue  // victim or survivor
                numbers[role, default: 0] += 1
                let n = numbers[role]!
                // A pseudonym never collides with a real id (a dataset may already use `victim-1`).
                var id = "\(role)-\(n)"
                while taken.contains(id) { id += "-redacted" }
                taken.insert(id)
                let name = role.prefix(1).uppercased() + role.dropFirst() + " \(n)"
                pseudonyms[e.id] = (id, name)
                if !e.id.isEmpty { texts.append((e.id, id)) }
            }
        }
        // Names after ids, from every dataset (a version may spell the name differently).
        for dataset in datasets {
            for e in dataset.entities {
                guard let p = pseudonyms[e.id], let original = e.name, !original.isEmpty, original != e.id,
                      !texts.contains(where: { $0.0 == original }) else { continue }
                texts.append((original, p.name))
            }
        }
        count = pseudonyms.count
        guard count > 0 else { return datasets }
        // Longest first, so that a name containing another is replaced whole.
        replacements = texts.sorted { $0.0.count > $1.0.count }
        let table = replacements
        let rewrite = { (s: String) in Self.scrub(s, table) }
        // Every other id that spells a protected person's name or id (`home-of-somchai-prasert`)
        // is renamed too, consistently wherever it is used, in every dataset alike.
        var renamed: [String: String] = [:]
        for dataset in datasets {
            for e in dataset.entities where pseudonyms[e.id] == nil && renamed[e.id] == nil {
                let new = rewrite(e.id)
                if new != e.id {
                    var unique = new
                    while taken.contains(unique) { unique += "-redacted" }
                    taken.insert(unique)
                    renamed[e.id] = unique
                }
            }
        }
        var sourceIDs: [String: String] = [:]
        var takenSources = Set(datasets.flatMap { $0.sources.map(\.id) })
        for dataset in datasets {
            for src in dataset.sources where sourceIDs[src.id] == nil {
                let new = rewrite(src.id)
                if new != src.id {
                    var unique = new
                    while takenSources.contains(unique) { unique += "-redacted" }
                    takenSources.insert(unique)
                    sourceIDs[src.id] = unique
                }
            }
        }
        return datasets.map { Self.rewritten($0, pseudonyms: pseudonyms, renamed: renamed, sourceIDs: sourceIDs, rewrite: rewrite) }
    }

    private static func rewritten(_ dataset: Dataset, pseudonyms: [String: (id: String, name: String)], renamed: [String: String],
                                  sourceIDs: [String: String], rewrite: (String) -> String) -> Dataset {
        func entityID(_ id: String) -> String { pseudonyms[id]?.id ?? renamed[id] ?? id }
        func citations(_ list: [String]) -> [String] { list.map { sourceIDs[$0] ?? rewrite($0) } }

        var out = dataset.emptyCopy()
        out.title = dataset.title.map(rewrite)
        out.description = dataset.description.map(rewrite)
        out.extra = scrub(dataset.extra, rewrite)
        out.sources = dataset.sources.map { s in
            var s = s
            s.id = sourceIDs[s.id] ?? s.id
            s.title = s.title.map(rewrite)
            s.publisher = s.publisher.map(rewrite)
            s.url = s.url.map(rewrite)
            s.attributes = scrub(s.attributes, rewrite)
            return s
        }
        for e in dataset.entities {
            var e = e
            if let p = pseudonyms[e.id] {
                e.id = p.id
                e.name = p.name
                e.attributes = Attributes()
            } else {
                e.id = entityID(e.id)
                e.name = e.name.map(rewrite)
                e.attributes = scrub(e.attributes, rewrite)
            }
            e.country = e.country.map(entityID)
            e.sources = citations(e.sources)
            out.append(e)
        }
        for l in dataset.links {
            var l = l
            l.source = entityID(l.source)
            l.target = entityID(l.target)
            l.agreement = l.agreement.map(rewrite)
            l.sources = citations(l.sources)
            l.attributes = scrub(l.attributes, rewrite)
            out.append(l)
        }
        out.locations = dataset.locations
        return out
    }

    public init() {}

    /// `s` with every protected person's original id or name replaced, for texts made from the
    /// dataset elsewhere (a diagnostic that quotes an id, say).
    public func scrub(_ s: String) -> String { Self.scrub(s, replacements) }

    /// One pass over `s`: at each position the longest original that stands as a whole word (no
    /// letter or digit on either side) is replaced, so a pseudonym just written is never
    /// rewritten by a later replacement.
    static func scrub(_ s: String, _ replacements: [(original: String, pseudonym: String)]) -> String {
        guard !replacements.isEmpty, !s.isEmpty else { return s }
        if let whole = replacements.first(where: { $0.original == s }) { return whole.pseudonym }
        let chars = Array(s)
        let originals = replacements.filter { $0.original.count >= minimumEmbeddedLength }.map { (Array($0.original), $0.pseudonym) }
        guard !originals.isEmpty else { return s }
        var out = ""
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber }
        while i < chars.count {
            var matched = false
            if i == 0 || !isWordChar(chars[i - 1]) {
                for (original, pseudonym) in originals where i + original.count <= chars.count && chars[i] == original[0] {
                    let end = i + original.count
                    guard chars[i ..< end].elementsEqual(original), end == chars.count || !isWordChar(chars[end]) else { continue }
                    out += pseudonym
                    i = end
                    matched = true
                    break
                }
            }
            if !matched { out.append(chars[i]); i += 1 }
        }
        return out
    }

    static func scrub(_ attributes: Attributes, _ rewrite: (String) -> String) -> Attributes {
        var out = Attributes()
        // Keys too: `{"debts": {"Somchai Prasert": 3000}}` names a person.
        for (k, v) in attributes { out[rewrite(k)] = scrub(v, rewrite) }
        return out
    }

    static func scrub(_ value: AttributeValue, _ rewrite: (String) -> String) -> AttributeValue {
        switch value {
        case .string(let s): return .string(rewrite(s))
        case .list(let items): return .list(items.map { scrub($0, rewrite) })
        case .object(let a): return .object(scrub(a, rewrite))
        default: return value
        }
    }
}
