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
        var pseudonyms: [String: (id: String, name: String)] = [:]
        var numbers: [PersonRole: Int] = [:]
        var taken = Set(dataset.entities.map(\.id))
        var texts: [(String, String)] = []
        for e in dataset.entities where e.role?.isProtected == true && pseudonyms[e.id] == nil {
            let role = e.role!
            numbers[role, default: 0] += 1
            let n = numbers[role]!
            // A pseudonym never collides with a real id (a dataset may already use `victim-1`).
            var id = "\(role.rawValue)-\(n)"
            while taken.contains(id) { id += "-redacted" }
            taken.insert(id)
            let name = role.rawValue.prefix(1).uppercased() + role.rawValue.dropFirst() + " \(n)"
            pseudonyms[e.id] = (id, name)
            texts.append((e.id, id))
            if let original = e.name, original != e.id { texts.append((original, name)) }
        }
        count = pseudonyms.count
        guard count > 0 else { return dataset }
        // Longest first, so that a name containing another is replaced whole.
        replacements = texts.sorted { $0.0.count > $1.0.count }
        let table = replacements
        let rewrite = { (s: String) in Self.scrub(s, table) }

        var out = dataset.emptyCopy()
        out.title = dataset.title.map(rewrite)
        out.description = dataset.description.map(rewrite)
        out.extra = Self.scrub(dataset.extra, rewrite)
        out.sources = dataset.sources.map { s in
            var s = s
            s.title = s.title.map(rewrite)
            s.publisher = s.publisher.map(rewrite)
            s.url = s.url.map(rewrite)
            s.attributes = Self.scrub(s.attributes, rewrite)
            return s
        }
        for e in dataset.entities {
            var e = e
            if e.role?.isProtected == true, let p = pseudonyms[e.id] {
                e.id = p.id
                e.name = p.name
                e.attributes = Attributes()
            } else {
                e.name = e.name.map(rewrite)
                e.attributes = Self.scrub(e.attributes, rewrite)
            }
            out.append(e)
        }
        for l in dataset.links {
            var l = l
            l.source = pseudonyms[l.source]?.id ?? l.source
            l.target = pseudonyms[l.target]?.id ?? l.target
            l.attributes = Self.scrub(l.attributes, rewrite)
            out.append(l)
        }
        out.locations = dataset.locations
        return out
    }

    public init() {}

    /// `s` with every protected person's original id or name replaced, as a whole word.
    static func scrub(_ s: String, _ replacements: [(original: String, pseudonym: String)]) -> String {
        var result = s
        for (original, pseudonym) in replacements {
            if result == original { return pseudonym }
            guard original.count >= Self.minimumEmbeddedLength, result.firstRange(of: original) != nil else { continue }
            result = Self.replaceWords(original, with: pseudonym, in: result)
        }
        return result
    }

    /// Replaces occurrences of `word` that are not inside a longer word (letters or digits on
    /// either side).
    static func replaceWords(_ word: String, with replacement: String, in text: String) -> String {
        var out = ""
        var rest = text[...]
        while let range = rest.firstRange(of: word) {
            let before = range.lowerBound > rest.startIndex ? rest[rest.index(before: range.lowerBound)] : nil
            let after = range.upperBound < rest.endIndex ? rest[range.upperBound] : nil
            let inWord = (before.map { $0.isLetter || $0.isNumber } ?? false) || (after.map { $0.isLetter || $0.isNumber } ?? false)
            out += rest[..<range.lowerBound]
            out += inWord ? String(rest[range]) : replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }

    static func scrub(_ attributes: Attributes, _ rewrite: (String) -> String) -> Attributes {
        var out = Attributes()
        for (k, v) in attributes { out[k] = scrub(v, rewrite) }
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
