/// Finds entities by what an investigator types: an id, a name or an alias, in any case, with
/// or without diacritics, in any script, with any punctuation between the words.
///
/// `Golden Star`, `golden-star`, `GOLDEN STAR` and `Gölden Star` all name the entity called
/// Golden Star, and `compound shan 1` the one whose id is `compound-shan-1`. A text is folded
/// like a name for entity resolution (``NameForm/latin(_:)``, then its words), but nothing is
/// dropped: an honorific or a legal form typed is a word to match. Aliases are the attributes
/// ``ResolutionRecord/aliasNames`` names (`aliases`, `aka`…).
///
/// Used by every command that takes an entity (``Dataset/resolveEntity(_:what:)``) and by
/// `tnet find`; under `--redact victims` the dataset holds pseudonyms only, so a protected
/// person's name finds nothing and is never suggested.
public struct EntityLookup: Sendable {
    /// What a match matched.
    public enum Field: String, Sendable {
        case id, name, alias
    }
    /// One entity found for a text.
    public struct Match: Sendable {
        /// The entity's position in the dataset.
        public var entity: Int
        /// The id, name or alias that matched, as written in the dataset.
        public var matched: String
        /// Which of them it is.
        public var field: Field
        /// 1 for an exact (folded) match; else the names' similarity (``NameSimilarity``).
        public var score: Double
    }

    let dataset: Dataset
    /// Folded text → the entities (and the field) it names exactly.
    private var exactIndex: [String: [(entity: Int, matched: String, field: Field)]] = [:]
    /// The same, by the folded words in sorted order: `Kim Sok` and `Sok Kim` are one name
    /// written in two orders (family name first or last), so a text that is one is the other.
    private var sortedIndex: [String: [(entity: Int, matched: String, field: Field)]] = [:]

    /// An index of `dataset`'s ids, names and aliases (O(n) to build).
    public init(_ dataset: Dataset) {
        self.dataset = dataset
        for (i, e) in dataset.entities.enumerated() {
            for (text, field) in Self.texts(of: e) {
                let key = Self.fold(text)
                guard !key.isEmpty else { continue }
                if exactIndex[key]?.contains(where: { $0.entity == i }) != true { exactIndex[key, default: []].append((i, text, field)) }
                let sorted = Self.sortedWords(key)
                if sortedIndex[sorted]?.contains(where: { $0.entity == i }) != true { sortedIndex[sorted, default: []].append((i, text, field)) }
            }
        }
    }

    /// The id, name and aliases of an entity, with their fields.
    static func texts(of e: Entity) -> [(String, Field)] {
        var out: [(String, Field)] = [(e.id, .id)]
        if let n = e.name { out.append((n, .name)) }
        for key in ResolutionRecord.aliasNames {
            if let v = e.attributes[key] { for a in ResolutionRecord.texts(v) { out.append((a, .alias)) } }
        }
        return out
    }

    /// A text as compared: Latin letters, lower case, no diacritics, its words joined by one
    /// space.
    public static func fold(_ text: String) -> String {
        NameForm.words(NameForm.latin(text)).joined(separator: " ")
    }

    static func sortedWords(_ folded: String) -> String { folded.split(separator: " ").sorted().joined(separator: " ") }

    /// The entities that `text` names exactly: by id as written first (one entity); else every
    /// entity whose folded id, name or alias equals the folded text, or has its words in another
    /// order (`Sok Kim` for `Kim Sok`), each once.
    public func exact(_ text: String) -> [Match] {
        if let i = dataset.index(of: text) { return [Match(entity: i, matched: text, field: .id, score: 1)] }
        let folded = Self.fold(text)
        var out = (exactIndex[folded] ?? []).map { Match(entity: $0.entity, matched: $0.matched, field: $0.field, score: 1) }
        for m in sortedIndex[Self.sortedWords(folded)] ?? [] where !out.contains(where: { $0.entity == m.entity }) {
            out.append(Match(entity: m.entity, matched: m.matched, field: m.field, score: 1))
        }
        return out.sorted { $0.entity < $1.entity }
    }

    /// The entities whose id, name or alias is most like `text`, best first: exact matches
    /// (score 1), then by name similarity (``NameSimilarity``, words in any order, any
    /// romanisation, typos) and by a folded text that contains the typed one (score 0.75).
    /// - Parameters:
    ///   - text: What was typed.
    ///   - limit: The most entities returned.
    ///   - minimum: The lowest similarity kept (default 0.6).
    /// - Complexity: O(*n*) name comparisons.
    public func search(_ text: String, limit: Int = 10, minimum: Double = 0.6) -> [Match] {
        let query = NameForm(text, organisation: false)
        let folded = Self.fold(text)
        guard !folded.isEmpty else { return [] }
        var best: [Int: Match] = [:]
        for (i, e) in dataset.entities.enumerated() {
            for (t, field) in Self.texts(of: e) {
                let f = Self.fold(t)
                var s: Double
                if f == folded {
                    s = 1
                } else {
                    s = NameSimilarity.score(query, NameForm(t, organisation: false))
                    if s < 0.75 && folded.utf8.count >= 3 && f.contains(folded) { s = 0.75 }
                }
                guard s >= minimum else { continue }
                if let old = best[i], old.score >= s { continue }
                best[i] = Match(entity: i, matched: t, field: field, score: s)
            }
        }
        return best.values.sorted { ($0.score, dataset.entities[$1.entity].id) > ($1.score, dataset.entities[$0.entity].id) }
            .prefix(limit).map { $0 }
    }

    /// `entity (kind, name)` for messages.
    func describe(_ i: Int) -> String {
        let e = dataset.entities[i]
        return e.id + " (" + e.kind.rawValue + (e.name.map { ", " + $0 } ?? "") + ")"
    }
}

extension Dataset {
    /// The entity `text` names: an id, else a name or alias that names one entity only
    /// (``EntityLookup``).
    /// - Parameters:
    ///   - text: An id, name or alias.
    ///   - what: The parameter it came from, named in errors.
    /// - Returns: The entity's position, and the match when it was found by a name or a folded id.
    /// - Throws: ``AnalysisError/ambiguousEntity(text:parameter:candidates:)`` when the text
    ///   names several entities; ``AnalysisError/entityNotFound(id:parameter:suggestions:)``,
    ///   with the closest names, when it names none.
    public func resolveEntity(_ text: String, what: String) throws(AnalysisError) -> (index: Int, byName: EntityLookup.Match?) {
        if let i = index(of: text) { return (i, nil) }
        let lookup = EntityLookup(self)
        let found = lookup.exact(text)
        if found.count == 1 { return (found[0].entity, found[0]) }
        if found.count > 1 {
            throw .ambiguousEntity(text: text, parameter: what, candidates: found.prefix(5).map { lookup.describe($0.entity) })
        }
        let near = lookup.search(text, limit: 3, minimum: 0.7)
        throw .entityNotFound(id: text, parameter: what, suggestions: near.map { lookup.describe($0.entity) })
    }
}
