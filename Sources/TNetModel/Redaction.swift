/// Replaces what could identify protected persons (role `victim`, `survivor` or `witness`, see
/// ``Entity/isProtected``) with stable pseudonyms, for outputs that leave the analyst's desk.
///
/// Each protected person, numbered in dataset order per role, becomes id `victim-N` and name
/// `Victim N` (`survivor-N`/`Survivor N`, `witness-N`/`Witness N`); links that name them are
/// rewritten. Their attributes are dropped (an alias, a phone number or a passport number
/// identifies as well as a name); kind, role, country, grade, citations and period stay, so every
/// analysis still runs. Every other text of the dataset — ids, names, attribute keys and strings,
/// source ids, titles, publishers and URLs, the title and description, the schema's target
/// overrides — has each occurrence of a protected person's name, id or alias replaced, in any form
/// a person would type it (`NameMatcher`: any case, diacritics or spacing, a slug inside an id, a
/// percent-encoded URL). A source URL that names a protected person is withheld (a rewritten
/// address would be a broken or misleading link).
///
/// The numbering depends only on the dataset's order, so the same file gives the same
/// pseudonyms in every output; redaction runs before filters for that reason.
///
/// ```swift
/// var redaction = Redaction()
/// let safe = redaction.apply(to: dataset)
/// print(redaction.count, "persons redacted")
/// print(redaction.scrub("no entity somchai-prasert"))   // "no entity victim-1"
/// ```
public struct Redaction: Sendable {
    /// The originals replaced (ids, names and aliases of protected persons) with their pseudonym.
    public private(set) var replacements: [(original: String, pseudonym: String)] = []
    /// How many persons were redacted.
    public private(set) var count = 0
    /// Each protected person's id as read → their pseudonym id (`victim-1`).
    private var pseudonymIDs: [String: String] = [:]
    private var matcher = NameMatcher()

    /// Redacts `dataset`; returns the redacted copy. Records ``replacements`` and ``count``,
    /// and prepares ``scrub(_:)`` for texts made from the dataset elsewhere.
    /// - Parameter dataset: the dataset as read.
    /// - Returns: the dataset with every protected person pseudonymised (unchanged when it has none).
    /// - Complexity: linear in the dataset's text, times the matcher's cost per text
    ///   (`NameMatcher`).
    public mutating func apply(to dataset: Dataset) -> Dataset {
        apply(to: [dataset])[0]
    }

    /// Attribute keys read as identifiers (``IdentifierKind/attributeNames``).
    static func isIdentifierKey(_ key: String) -> Bool {
        let k = key.lowercased()
        return IdentifierKind.allCases.contains { $0.attributeNames.contains(k) }
    }

    /// Attribute keys of a protected person whose string values name them too.
    static func isNameKey(_ key: String) -> Bool {
        let k = key.lowercased()
        return k.contains("name") || k.contains("alias")
    }

    /// Redacts several datasets with one set of pseudonyms (two versions of a file, say): a
    /// person has the same pseudonym in each, numbered in order of first appearance, first
    /// dataset first, and a person protected in any of them is redacted in all — a victim in
    /// one version is not named in the other because it gives them another role.
    /// - Parameter datasets: the datasets as read.
    /// - Returns: the redacted datasets, in the same order.
    /// - Complexity: linear in the datasets' text, times the matcher's cost per text.
    public mutating func apply(to datasets: [Dataset]) -> [Dataset] {
        var pseudonyms: [String: (id: String, name: String)] = [:]
        var numbers: [String: Int] = [:]
        var taken = Set(datasets.flatMap { $0.entities.map(\.id) })
        var originals: [(String, String, String)] = []  // original, text pseudonym, id pseudonym
        for dataset in datasets {
            for e in dataset.entities where e.isProtected && pseudonyms[e.id] == nil {
                let role = Self.protectedRole(e)
                numbers[role, default: 0] += 1
                let n = numbers[role]!
                // A pseudonym never collides with a real id (a dataset may already use `victim-1`).
                var id = "\(role)-\(n)"
                while taken.contains(id) { id += "-redacted" }
                taken.insert(id)
                let name = role.prefix(1).uppercased() + role.dropFirst() + " \(n)"
                pseudonyms[e.id] = (id, name)
            }
        }
        // Ids, names and aliases, from every dataset (a version may spell the name differently).
        for dataset in datasets {
            for e in dataset.entities {
                guard let p = pseudonyms[e.id] else { continue }
                originals.append((e.id, p.name, p.id))
                if let name = e.name { originals.append((name, p.name, p.id)) }
                // Their identifiers too (passport, id number, phone, wallet, e-mail): a link's
                // `contact` or a note that gives a victim's number identifies them as a name does.
                for (key, value) in e.attributes where Self.isNameKey(key) || Self.isIdentifierKey(key) {
                    for text in Self.strings(value) { originals.append((text, p.name, p.id)) }
                }
            }
        }
        count = pseudonyms.count
        pseudonymIDs = pseudonyms.mapValues(\.id)
        guard count > 0 else { return datasets }
        var matcher = NameMatcher()
        // Longer originals first: the first replacement of a folded name stands.
        for (original, name, id) in originals.sorted(by: { $0.0.count > $1.0.count }) {
            matcher.add(original, text: name, identifier: id)
            replacements.append((original, name))
        }
        self.matcher = matcher
        let rewrite = { (s: String) in matcher.replacing(in: s, identifier: false) ?? s }
        let rewriteID = { (s: String) in matcher.replacing(in: s, identifier: true) ?? s }
        // Every other id that spells a protected person's name or id (`home-of-somchai-prasert`)
        // is renamed too, consistently wherever it is used, in every dataset alike.
        var renamed: [String: String] = [:]
        for dataset in datasets {
            for e in dataset.entities where pseudonyms[e.id] == nil && renamed[e.id] == nil {
                let new = rewriteID(e.id)
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
                let new = rewriteID(src.id)
                if new != src.id {
                    var unique = new
                    while takenSources.contains(unique) { unique += "-redacted" }
                    takenSources.insert(unique)
                    sourceIDs[src.id] = unique
                }
            }
        }
        return datasets.map { Self.rewritten($0, pseudonyms: pseudonyms, renamed: renamed, sourceIDs: sourceIDs, rewrite: rewrite,
                                             rewriteID: rewriteID) }
    }

    /// `victim`, `survivor` or `witness`: the protected role an entity has, from its role field or
    /// its `role` attribute (``Entity/isProtected``).
    /// The first protected word of a compound role names the pseudonym: a `survivor-witness` is
    /// `survivor-N`, a `former victim` `victim-N`.
    static func protectedRole(_ e: Entity) -> String {
        (e.protectedRoles.first ?? .victim).rawValue
    }

    static func strings(_ value: AttributeValue) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .list(let items): return items.flatMap(strings)
        default: return []
        }
    }

    private static func rewritten(_ dataset: Dataset, pseudonyms: [String: (id: String, name: String)], renamed: [String: String],
                                  sourceIDs: [String: String], rewrite: (String) -> String,
                                  rewriteID: (String) -> String) -> Dataset {
        func entityID(_ id: String) -> String { pseudonyms[id]?.id ?? renamed[id] ?? rewriteID(id) }
        func citations(_ list: [String]) -> [String] { list.map { sourceIDs[$0] ?? rewriteID($0) } }

        var out = dataset.emptyCopy()
        out.title = dataset.title.map(rewrite)
        out.description = dataset.description.map(rewrite)
        out.extra = scrub(dataset.extra, rewrite)
        out.sources = dataset.sources.map { s in
            var s = s
            s.id = sourceIDs[s.id] ?? s.id
            s.title = s.title.map(rewrite)
            s.publisher = s.publisher.map(rewrite)
            s.attributes = scrub(s.attributes, rewrite, rewriteID)
            if let url = s.url, [url, url.removingPercentEncoding ?? url].contains(where: { rewrite($0) != $0 }) {
                s.url = nil
                s.attributes["url_withheld"] = .string("the address names a protected person (redacted)")
            }
            return s
        }
        out.schema.targets.entities = Dictionary(dataset.schema.targets.entities.map { (entityID($0.key), $0.value) },
                                                 uniquingKeysWith: { a, _ in a })
        // Kinds and roles are free text too (`paid_somchai`, `handler of …`): rewritten once
        // per distinct value, in the schema as in every entity and link, so that a kind keeps
        // its meaning (direction, target policy) under its new spelling.
        var entityKinds: [EntityKind: EntityKind] = [:], linkKinds: [LinkKind: LinkKind] = [:], roles: [PersonRole: PersonRole] = [:]
        // The built-in vocabulary is left as it is: a generic word reveals no one, and the
        // analyses read it (a protected id spelt `person` does not rename every person's kind).
        func kind(_ k: EntityKind) -> EntityKind {
            if EntityKind.builtIn.contains(k) { return k }
            if let r = entityKinds[k] { return r }
            let r = EntityKind(rewrite(k.rawValue)); entityKinds[k] = r; return r
        }
        func kind(_ k: LinkKind) -> LinkKind {
            if LinkKind.builtIn.contains(k) { return k }
            if let r = linkKinds[k] { return r }
            let r = LinkKind(rewrite(k.rawValue)); linkKinds[k] = r; return r
        }
        func role(_ k: PersonRole) -> PersonRole {
            if PersonRole.builtIn.contains(k) { return k }
            if let r = roles[k] { return r }
            let r = PersonRole(rewrite(k.rawValue)); roles[k] = r; return r
        }
        out.schema.entityKinds = out.schema.entityKinds.map(kind)
        out.schema.linkKinds = out.schema.linkKinds.map(kind)
        out.schema.symmetricLinkKinds = Set(out.schema.symmetricLinkKinds.map(kind))
        out.schema.roles = out.schema.roles.map(role)
        out.schema.targets.kinds = Dictionary(out.schema.targets.kinds.map { (kind($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        let pseudonymNames = Set(pseudonyms.values.map(\.name))
        // Protected persons' own names (not ids), lower-cased: a person's name that holds one.
        let protectedNames = dataset.entities.filter { pseudonyms[$0.id] != nil }
            .compactMap { $0.name?.lowercased() }.filter { $0.count >= 3 }
        for e in dataset.entities {
            var e = e
            if pseudonyms[e.id] == nil {
                e.kind = kind(e.kind)
                e.role = e.role.map(role)
            }
            if let p = pseudonyms[e.id] {
                e.id = p.id
                e.name = p.name
                e.attributes = Attributes()
            } else if e.kind == .person || e.kind == .official {
                // Another person whose name or alias is a protected person's (the whole of it): it
                // is withheld, never replaced by the protected person's pseudonym (a perpetrator
                // shown as "Victim 1" would be proposed as a target under a victim's label).
                // Also a name that holds a protected person's whole name ("… Sr."): shown with
                // the pseudonym inside, it would tie the two.
                let withhold = { (s: String) -> String in
                    let r = rewrite(s)
                    guard r != s else { return r }
                    if pseudonymNames.contains(r) { return Self.withheldName }
                    let folded = s.lowercased()
                    return protectedNames.contains(where: { folded.contains($0) }) ? Self.withheldName : r
                }
                e.id = entityID(e.id)
                e.name = e.name.map(withhold)
                // Their aliases too; a note that mentions the protected person keeps the
                // pseudonym, as everywhere.
                var attributes = Attributes()
                for (k, v) in e.attributes {
                    if Self.isNameKey(k) {
                        attributes[rewrite(k)] = scrub(v, withhold)
                    } else {
                        attributes[rewrite(k)] = Self.isIDKey(k) ? scrub(v, rewriteID) : scrub(v, rewrite)
                    }
                }
                e.attributes = attributes
            } else {
                e.id = entityID(e.id)
                e.name = e.name.map(rewrite)
                e.attributes = scrub(e.attributes, rewrite, rewriteID)
            }
            e.country = e.country.map(entityID)
            e.sources = citations(e.sources)
            out.append(e)
        }
        for l in dataset.links {
            var l = l
            l.source = entityID(l.source)
            l.target = entityID(l.target)
            l.kind = kind(l.kind)
            l.agreement = l.agreement.map(rewrite)
            l.sources = citations(l.sources)
            l.attributes = scrub(l.attributes, rewrite, rewriteID)
            out.append(l)
        }
        out.locations = dataset.locations
        return out
    }

    /// The name given to a person who is not protected but whose name or alias is a protected
    /// person's.
    public static let withheldName = "name withheld (a protected person's name)"

    /// A redaction that has replaced nothing yet; ``apply(to:)-(Dataset)`` does the work.
    public init() {}

    /// `s` with every protected person's id, name or alias replaced, in any form
    /// (`NameMatcher`), for texts made from the dataset elsewhere (a diagnostic that quotes an
    /// id, say): each becomes the pseudonym id (`victim-1`).
    /// - Parameter s: any text.
    /// - Returns: the text with protected persons replaced; `s` itself before ``apply(to:)-(Dataset)``
    ///   or when it names none.
    public func scrub(_ s: String) -> String { matcher.replacing(in: s, identifier: true) ?? s }

    /// The pseudonym id given to the protected person whose id (as read) is `id`; nil when no
    /// protected person has that id or before ``apply(to:)-(Dataset)``.
    /// - Parameter id: an entity id as read.
    /// - Returns: `victim-1`, `survivor-2`… or nil.
    public func pseudonym(ofID id: String) -> String? { pseudonymIDs[id] }

    static func scrub(_ attributes: Attributes, _ rewrite: (String) -> String) -> Attributes {
        scrub(attributes, rewrite, rewrite)
    }

    static func scrub(_ attributes: Attributes, _ rewrite: (String) -> String, _ rewriteID: (String) -> String) -> Attributes {
        var out = Attributes()
        // Keys too: `{"debts": {"Somchai Prasert": 3000}}` names a person. A value under an id
        // key (`id`, `case_id`) takes the pseudonym's id form: `victim-1:recruiter-1`.
        for (k, v) in attributes { out[rewrite(k)] = isIDKey(k) ? scrub(v, rewriteID) : scrub(v, rewrite) }
        return out
    }

    /// `id`, `ID`, `link_id`, `case-id`, `ids`: a key whose values are identifiers.
    static func isIDKey(_ key: String) -> Bool {
        let k = key.lowercased()
        return k == "id" || k == "ids" || ["_id", "-id", " id", "_ids", "-ids", " ids"].contains { k.hasSuffix($0) }
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
