import Foundation
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
/// a person would type it (`NameMatcher`: any case, diacritics or spacing, family name first,
/// the given name first without the middle name, look-alike letters, a slug inside an id, digits
/// after it, a percent-encoded URL; a phone or id number in another format, or stored as a JSON
/// number). A source URL that names a protected person is withheld (a rewritten address would be
/// a broken or misleading link).
///
/// What is not replaced, so that the analysis keeps its words (over-redaction also reads as a
/// leak by contrast: "Chiang Victim 1"):
/// - a one-word alias or name of letters (`Mai`, `Srisuk`) where it stands inside another
///   entity's name or id of several words (the site "Chiang Mai", the company "Srisuk
///   Transport"); everywhere else it is replaced as a word ("met Mai at the border"). A given
///   or family name alone of a longer name is never looked for; an id of one or two letters
///   (`an`, `tb`) is replaced in ids and as a whole value, not in free text (`an office`);
/// - an id of digits only with fewer than seven digits (`3`, a CSV row) is replaced only where
///   an entity is meant (an entity's id, a link's endpoint, a country), not in text nor under an
///   attribute's id key (`case_id`: a case numbered 3 is not the entity 3).
/// Alias keys (``isNameKey(_:)``) are keys that give another name of the person (`aka`,
/// `nickname`, `full_name`), not `employer_name` or `father_name`.
///
/// Another entity's id that held a protected person's name or id is renamed (`home-of-victim-1`);
/// a person's, or one that would read as a pseudonym and a number (`victim-1-2`), gets an id that
/// says nothing (`withheld-1`), so that no record — a later version's, say — is tied to a
/// pseudonym. Nothing changes silently: every such rename, every name or URL withheld, every
/// pair of attribute keys that became one (both kept, the second as `key (2)`) is a ``notices``
/// line, naming no one.
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
    /// Internal: it holds the very names redaction withholds, and nothing outside the module
    /// needs it (tests read it through `@testable`).
    private(set) var replacements: [(original: String, pseudonym: String)] = []
    /// How many persons were redacted.
    public private(set) var count = 0
    /// What redaction changed besides the protected persons' own records, once each, naming
    /// no one (new ids and pseudonyms only): an id renamed, a URL or a name withheld, attribute
    /// keys that became one. A tool shows them as warnings, so that nothing changes silently.
    public private(set) var notices: [String] = []
    var matcher = NameMatcher()
    /// What the last ``apply(to:)-([Dataset])`` made of every id, for messages about the data as
    /// read to name its records as the output does.
    var renaming: IDRenaming?

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
    ///
    /// Also any key whose words name a contact or account, however a spreadsheet spells it
    /// (`Phone Number`, `WhatsApp`, `Tel`, `E-mail`, `Email Address`, `Passport No.`,
    /// `line_id`, `facebook`): a victim's number under such a key is looked for everywhere else.
    static func isIdentifierKey(_ key: String) -> Bool {
        let k = key.lowercased()
        if IdentifierKind.allCases.contains(where: { $0.attributeNames.contains(k) }) { return true }
        let joined = String(k.unicodeScalars.filter { $0.properties.isAlphabetic }.map(Character.init))
        if ["phone", "whatsapp", "telegram", "passport", "email", "wechat", "viber", "facebook", "instagram", "tiktok",
            "mobile", "telephone", "cellphone"].contains(where: { joined.contains($0) }) { return true }
        let words = k.split { !$0.isLetter }.map(String.init)
        return words.contains { ["tel", "cell", "mail", "line", "lineid", "contact", "fb", "handle", "username", "account",
                                 "wallet", "iban", "signal", "skype", "zalo", "kakao"].contains($0) }
    }

    /// A name without a title before it (``NameMatcher/titles``: Mr, Ms, Dr, Khun, Ông, Bà, Daw…)
    /// and without a bracketed remark after it; the name itself when nothing would be left.
    static func bareName(_ name: String) -> String {
        var words = name.split(separator: " ").map(String.init)
        if let last = words.last, last.hasSuffix(")"), let open = words.lastIndex(where: { $0.hasPrefix("(") }) {
            words.removeSubrange(open...)
        }
        while let first = words.first, NameMatcher.titles.contains(NameMatcher.fold(first.trimmingCharacters(in: CharacterSet(charactersIn: "."))[...])) {
            words.removeFirst()
        }
        // One word left ("Ms Nok" → "Nok"): looked for as a one-word alias is.
        return words.isEmpty ? name : words.joined(separator: " ")
    }

    /// Attribute keys whose values are another name of the entity itself: a key whose words
    /// (split at `_`, `-`, `.`, spaces and capitals, any case) are a name word (`name`,
    /// `surname`, `alias`, `aka`, `nickname`, `nick`, `moniker`, `pseudonym`, their plurals)
    /// with only qualifiers of the person's own name around it (`full`, `first`, `given`,
    /// `family`, `birth`, `maiden`, `legal`, `other`, `alt`, `previous`, `local`, `native`,
    /// `real`, `preferred`, a two-letter language code…), or `known as`, `also known as`,
    /// `a.k.a.`. So `full_name`, `Given Name`, `nickname`, `alias_names`, `name_vi` and
    /// `known_as` are, and `employer_name`, `father_name`, `company_name`, `contact_name` (the
    /// name of someone or something else) are not.
    static func isNameKey(_ key: String) -> Bool {
        let words = PersonRole.words(key)
        guard !words.isEmpty, key.utf8.count < 40 else { return false }
        let joined = words.joined()
        if ["aka", "akas", "knownas", "alsoknownas", "fullname", "firstname", "lastname", "givenname", "familyname",
            "othernames", "aliasnames", "nickname", "nicknames", "surname", "surnames"].contains(joined) { return true }
        return words.contains(where: nameWords.contains)
            && words.allSatisfy { nameWords.contains($0) || nameQualifiers.contains($0) || $0.count <= 2 }
    }

    static let nameWords: Set<String> = ["name", "names", "surname", "surnames", "alias", "aliases", "aka", "akas",
                                         "nickname", "nicknames", "nick", "nicks", "moniker", "monikers", "pseudonym", "pseudonyms",
                                         // Spanish, French, Portuguese: nombre, apodo, sobrenombre, mote; nom, prénom,
                                         // surnom; nome, apelido, alcunha.
                                         "nombre", "nombres", "apodo", "apodos", "sobrenombre", "mote", "nom", "prenom",
                                         "surnom", "nome", "apelido", "alcunha"]
    static let nameQualifiers: Set<String> = ["full", "first", "given", "last", "family", "middle", "sur", "birth", "maiden",
                                              "legal", "other", "alt", "alternate", "alternative", "previous", "former", "local",
                                              "native", "original", "real", "true", "preferred", "display", "latin", "romanised",
                                              "romanized", "spelling", "spellings", "known", "also", "as", "person", "persons"]

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
        let entityIDs = Set(datasets.flatMap { $0.entities.map(\.id) })
        // (A pseudonym or a new id is no source's either: a value under an id key may name a
        // source, helper-99.)
        let givenSourceIDs = Set(datasets.flatMap { $0.sources.map(\.id) })
        var taken = entityIDs.union(givenSourceIDs)
        var originals: [(String, String, String, Bool)] = []  // original, text pseudonym, id pseudonym, is an id
        var titled = Set<String>()  // one word left of a titled name: found only capitalised…
        var plain = Set<String>()   // …unless it is also a name, an alias or an id as given
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
                originals.append((e.id, p.name, p.id, true))
                plain.insert(e.id)
                if let name = e.name {
                    originals.append((name, p.name, p.id, false))
                    plain.insert(name)
                    // The name as notes write it: without a title before it or an age or remark
                    // in brackets after it ("Ms. Nguyễn Thị Mai (17)" is written "Nguyen Thi Mai").
                    let bare = Self.bareName(name)
                    if bare != name {
                        originals.append((bare, p.name, p.id, false))
                        // One word left of a titled name ("Ms Rose"): capitalised, not the word rose.
                        if !bare.contains(" ") { titled.insert(bare) }
                    }
                }
                // Their identifiers too (passport, id number, phone, wallet, e-mail): a link's
                // `contact` or a note that gives a victim's number identifies them as a name does.
                // Under any other key, a text that reads as an identifier (``looksLikeIdentifier``)
                // and a stored number of nine digits or more (a phone, its leading 0 lost to a
                // spreadsheet; an id number), unless the key names a measure (an amount, a
                // coordinate, a count).
                for (key, value) in e.attributes {
                    let named = Self.isNameKey(key) || Self.isIdentifierKey(key)
                    for text in Self.strings(value) where named || Self.looksLikeIdentifier(text, key: key) {
                        originals.append((text, p.name, p.id, false))
                        plain.insert(text)
                    }
                    // A number a spreadsheet stored as a number (`"phone": 84912345678`, or
                    // `8.4912345678E10` from a spreadsheet's float column).
                    for n in Self.numbers(value) where Self.isIdentifierKey(key) || (n.count >= 9 && !Self.isMeasureKey(key)) {
                        originals.append((n, p.name, p.id, false))
                    }
                }
            }
        }
        count = pseudonyms.count
        renaming = nil
        guard count > 0 else { return datasets }
        var matcher = NameMatcher()
        // Every other entity's name and id of several words (a place "Chiang Mai", a company
        // "Srisuk Transport"): a protected person's one-word alias is left where it stands
        // inside one of them, and replaced everywhere else.
        // Another order or a shorter form of a name (`Nguyen An` for `Nguyễn Văn An`) that is,
        // word for word, another entity's name is left too. Only the phrases holding a word of
        // a protected person's name or alias are kept.
        var nameWords = Set<String>()
        for (original, _, _, _) in originals { for w in NameMatcher.words(original) { nameWords.insert(w.folded) } }
        var phrases: [[String]] = []

        // Every other entity's name of several words, its words joined: a group between a
        // protected name's words that holds one is kept beside the replacement ("Victim 1
        // (Sean O'Brien)").
        var otherNames = Set<String>(), otherWords = Set<String>()
        for dataset in datasets where !nameWords.isEmpty {
            for e in dataset.entities where pseudonyms[e.id] == nil {
                for text in [e.id, e.name ?? ""] {
                    let words = NameMatcher.words(text).map(\.folded)
                    if words.count >= 2 && words.contains(where: nameWords.contains) { phrases.append(words) }
                }
                // Their names and aliases, and those names' words: a group that holds one is
                // theirs ("Victim 1 (Boss Kim)", a recruiter's alias; "(BLA)", a company's; a
                // word of one after a name: helper-76, helper-77).
                let names = [e.name].compactMap { $0 } + e.attributes.filter { Self.isNameKey($0.key) }.flatMap { Self.strings($0.value) }
                for text in names {
                    let words = NameMatcher.words(text).map(\.folded)
                    if words.count >= 2 || (words.count == 1 && Self.oneWordNameIsKept(words[0], nameWords)) { otherNames.insert(words.joined()) }
                    for w in words where Self.oneWordNameIsKept(w, nameWords) { otherWords.insert(w) }
                }
            }
        }
        matcher.ordinaryPhrases = phrases
        matcher.otherNames = otherNames
        matcher.otherNameWords = otherWords
        // Longer originals first: the first replacement of a folded name stands.
        for (original, name, id, isID) in originals.sorted(by: { $0.0.count > $1.0.count }) {
            matcher.add(original, text: name, identifier: id, isID: isID, capitalized: titled.contains(original) && !plain.contains(original))
            replacements.append((original, name))
        }
        matcher.finish()
        let log = NoticeLog()
        let rewrite = { (s: String) -> String in
            guard let r = matcher.replacing(in: s, identifier: false) else { return s }
            log.texts += 1
            return r
        }
        let rewriteID = { (s: String) -> String in
            guard let r = matcher.replacing(in: s, identifier: true) else { return s }
            log.texts += 1
            return r
        }
        // A value under an id-named attribute key (`case_id`, `row_id`): an id, but maybe not an
        // entity's; a short id of digits (`3`) is not read there, a case numbered 3 not being
        // the entity 3.
        let rewriteAttributeID = { (s: String) -> String in
            guard let r = matcher.replacing(in: s, identifier: true, shortIDs: false) else { return s }
            log.texts += 1
            return r
        }
        // A source's id: an id, but not an entity's (a source numbered `3` is not the entity `3`).
        let rewriteSourceID = { (s: String) -> String in
            guard let r = matcher.replacing(in: s, identifier: true, shortIDs: false) else { return s }
            log.texts += 1
            return r
        }
        // Another person's name or alias that is a protected person's, or holds one's whole name
        // (its letters, however spaced: the recruiter "Mai Lan Anh" beside the victim "Mai Lan",
        // "Annamaria Rossi" beside "Anna Maria"), is withheld in their record (``rewritten``).
        // So is one that is a protected person's name in another order (`ｻﾄｳ ﾊﾅｺ` beside the
        // victim ハナコ サトウ, helper-92; `James Thomas` beside `Thomas James`): a text that writes
        // it may mean either, so it reads `[name withheld]`, neither the protected person nor
        // the other (helper-93: reading it as the protected person called recruiters "Victim
        // 1", and let a victim's alias fire inside their names). Where a text writes one
        // that holds a protected name, as written, it is that person, their name withheld and
        // their id said, not the protected person with the rest of the name beside the pseudonym
        // ("Victim 1 Rossi paid", helper-88); only a name written as names are
        // (``NameMatcher/isWrittenAsAName(_:)``) is looked for so, not one that describes
        // ("Uncle of Mai Lan"), whose mentions read the pseudonym as every text does. (A first
        // version kept the pseudonym in such a record too: helper-92 found "Victim 1 anh" for a
        // recruiter "mai lan anh" typed in small letters.)
        let pseudonymNames = Set(pseudonyms.values.map(\.name))
        // The letters of protected persons' names and aliases, as written and bare (titles and
        // brackets off), long enough to be found in texts.
        var protectedLetters = Set<String>()
        for (original, _, _, isID) in originals where !isID {
            for text in [original, Self.bareName(original)] {
                let letters = NameMatcher.letters(text)
                if NameMatcher.weight(letters) >= NameMatcher.minimumLength && letters.contains(where: \.isLetter) { protectedLetters.insert(letters) }
            }
        }
        // Protected persons' names as their words, sorted.
        let protectedWords = Set(originals.filter { !$0.3 }.map { NameMatcher.sortedWords($0.0) })
        // Whether a name or an id of two words or more is a protected name in another order.
        func isProtectedInAnotherOrder(_ text: String) -> Bool {
            NameMatcher.words(text).count >= 2 && protectedWords.contains(NameMatcher.sortedWords(text))
        }
        // The holders whose name is a protected person's in another order.
        var reordered = Set<String>()
        func holdsProtectedLetters(_ text: String) -> Bool {
            let letters = NameMatcher.letters(text)
            return protectedLetters.contains(where: letters.contains)
        }
        var withheldNames = Set<String>()
        // A holder's name, by its folded letters (two spelt apart are one: `Annamaria  Rossi`),
        // → the ids of the persons so named.
        var holders: [String: Set<String>] = [:]
        var holderNames: [String: String] = [:]
        for dataset in datasets {
            for e in dataset.entities where pseudonyms[e.id] == nil && (e.kind == .person || e.kind == .official) {
                let names = [e.name].compactMap { $0 } + e.attributes.filter { Self.isNameKey($0.key) }.flatMap { Self.strings($0.value) }
                for name in names {
                    let r = matcher.replacing(in: name, identifier: false)
                    // A protected name in another order holds it, even where it also reads as the
                    // protected person (helper-102: the recruiter Anh Tran beside the victim Tran
                    // Anh, `Anh` a title, read "Mr Tran": his id was kept and `anh-tran-2 paid`
                    // read "Victim 1-2 paid").
                    let inAnotherOrder = isProtectedInAnotherOrder(name)
                    if let r, pseudonymNames.contains(r), !inAnotherOrder {
                        withheldNames.insert(name)
                        continue
                    }
                    // (Whatever else is read in it: a one-word alias of another protected person had
                    // fired inside such a name, helper-94.)
                    guard inAnotherOrder || (r != nil && holdsProtectedLetters(name)) else { continue }
                    withheldNames.insert(name)
                    guard NameMatcher.isWrittenAsAName(name) else { continue }
                    let key = NameMatcher.letters(name)
                    holders[key, default: []].insert(e.id)
                    if holderNames[key] == nil { holderNames[key] = name }
                    if inAnotherOrder { reordered.insert(key) }
                }
            }
        }
        // An entity of any kind whose id is a protected name in another order (a broker `J. T.`
        // of id `james-thomas`, a site `lan-nguyen-thi`) holds it too: as an ordinary phrase, the
        // id had kept texts from reading the protected name in that order at all (helper-96:
        // `James Thomas paid` left in clear). Either may be meant there: `[name withheld]`.
        for dataset in datasets {
            for e in dataset.entities where pseudonyms[e.id] == nil {
                guard isProtectedInAnotherOrder(e.id) else { continue }
                let key = NameMatcher.letters(e.id)
                holders[key, default: []].insert(e.id)
                if holderNames[key] == nil { holderNames[key] = e.id }
                reordered.insert(key)
            }
        }
        let holderIDs = Set(holders.values.flatMap { $0 })
        // The holders are read before any id is renamed, so that an id holding one
        // (`home-of-james-thomas`, `james-thomas-2` beside the victim Thomas James and the
        // recruiter James Thomas) reads `home-of-withheld`, not the name and not the victim's id.
        // Their texts' markers name their records' ids, known after the renaming: set below.
        // What they read in an id is no entity's id, nor made one below (helper-97: a site
        // `withheld` had become what `ref_ids: james-thomas, v0` named).
        var token = Self.withheldID
        while taken.contains(token) { token += "-redacted" }
        let holderKeys = holders.keys.sorted()
        for key in holderKeys {
            matcher.add(holderNames[key]!, text: Self.holderMark + "]", identifier: token, holder: true,
                        overReordered: reordered.contains(key))
        }
        matcher.finish()
        let pseudonymIDSet = Set(pseudonyms.values.map(\.id))
        var withheldIDs = 0
        // Every other id that spells a protected person's name or id (`home-of-somchai-prasert`)
        // is renamed too, consistently wherever it is used, in every dataset alike.
        var renamed: [String: String] = [:]
        for dataset in datasets {
            for e in dataset.entities where pseudonyms[e.id] == nil && renamed[e.id] == nil {
                // (A holder's id that holds a protected name's letters in one token,
                // `annamariarossi`, too: the text that names them says it, helper-90.)
                // An id that is a protected name in another order (`james-thomas` beside the
                // victim Thomas James) too: ids are not read in another order, and it spells what
                // its record withholds.
                let inAnotherOrder = isProtectedInAnotherOrder(e.id)
                let withheld = inAnotherOrder || (holderIDs.contains(e.id) && holdsProtectedLetters(e.id))
                let new = withheld ? "withheld" : rewriteID(e.id)
                if new != e.id {
                    var unique = new
                    // A person's id (`mai-tran-2`, a later record of the same person, say) or an id
                    // that is a pseudonym and a number (`victim-1-2`) would tie its entity to the
                    // protected person: it gets an id that says nothing (`withheld-1`).
                    if withheld || new == token || e.kind == .person || e.kind == .official || Self.isNearCopy(new, of: pseudonymIDSet) {
                        repeat { withheldIDs += 1; unique = "withheld-\(withheldIDs)" } while taken.contains(unique)
                    }
                    while taken.contains(unique) { unique += "-redacted" }
                    taken.insert(unique)
                    renamed[e.id] = unique
                    log.lines.append("an entity id held a protected person's name or id: renamed \(unique)")
                }
            }
        }
        var sourceIDs: [String: String] = [:]
        // (Nor is a renamed source's id an entity's, helper-99, nor what a holder reads in an
        // id: a source `james-thomas` had become `withheld`, which a list naming the recruiter
        // reads, helper-104.)
        var takenSources = taken.union([token])
        for dataset in datasets {
            for src in dataset.sources where sourceIDs[src.id] == nil {
                let new = rewriteSourceID(src.id)
                if new != src.id {
                    var unique = new
                    while takenSources.contains(unique) { unique += "-redacted" }
                    takenSources.insert(unique)
                    sourceIDs[src.id] = unique
                    log.lines.append("a source id held a protected person's name or id: renamed \(unique)")
                }
            }
        }
        for key in holderKeys where holders[key]!.count == 1 && !reordered.contains(key) {
            let id = holders[key]!.first!
            matcher.relabelHolder(holderNames[key]!, text: Self.holderMark + ": \(renamed[id] ?? id)]")
        }
        self.matcher = matcher
        let ids = IDRenaming(pseudonyms: pseudonyms, entities: renamed, sources: sourceIDs,
                             givenEntityIDs: entityIDs, givenSourceIDs: givenSourceIDs)
        renaming = ids
        let out = datasets.map { Self.rewritten($0, ids: ids, withheldNames: withheldNames, rewrite: rewrite,
                                                rewriteID: rewriteID, rewriteAttributeID: rewriteAttributeID,
                                                rewriteSourceID: rewriteSourceID, log: log) }
        // Once each: two versions of a file say the same thing twice.
        var seen = Set<String>()
        notices = log.lines.filter { seen.insert($0).inserted }
        if log.texts > 0 {
            notices.append("\(log.texts) text\(log.texts == 1 ? "" : "s") (ids, names, attributes, titles, notes) named a protected person and now read their pseudonym"
                           + (holders.isEmpty ? "" : ", or [name withheld: ID] where another person's name holds theirs"))
        }
        return out
    }

    /// What a redaction records as it goes (``notices``), shared by the closures that rewrite.
    final class NoticeLog {
        var lines: [String] = []
        var texts = 0
    }

    /// Whether `id` is one of `pseudonyms`, alone or followed only by digits and separators
    /// (`victim-1-2`, `victim-12`): a near-copy of a protected id, renamed (`mai-tran-2`).
    static func isNearCopy(_ id: String, of pseudonyms: Set<String>) -> Bool {
        if pseudonyms.contains(id) { return true }
        var end = id.endIndex
        while end > id.startIndex {
            let before = id.index(before: end)
            guard id[before].isNumber || "-_. ".contains(id[before]) else { break }
            end = before
            if pseudonyms.contains(String(id[..<end])) { return true }
        }
        return false
    }

    /// The positions of the entities whose role or kind redaction cannot read: neither built in
    /// nor declared in the dataset's schema, and naming no protected role in a language tnet
    /// reads, on an entity not protected otherwise (a role `PW`, a kind `Menschenhandelsopfer`).
    /// Whether they are victims is not known, so a victim-safe load refuses the dataset rather
    /// than name them (``Dataset/load(_:options:)-(String,_)``), and `tnet validate` lists them
    /// (``unreadableIssues(in:)``): the role or kind is written in words tnet reads, or declared
    /// in the schema to say it is not a protected one. A script that calls ``apply(to:)`` itself
    /// checks this first.
    /// - Parameter dataset: the dataset as read.
    /// - Returns: entity positions, in order.
    public static func unreadableEntities(in dataset: Dataset) -> [Int] {
        dataset.entities.indices.filter { i in
            let e = dataset.entities[i]
            return !e.isProtected && (!dataset.schema.knows(e.kind) || e.role.map { !dataset.schema.knows($0) } == true)
        }
    }

    /// One error for each of ``unreadableEntities(in:)``, at the entity's place, quoting neither
    /// its role or kind nor its id (either may be a person's name).
    /// - Parameter dataset: the dataset as read.
    /// - Returns: the errors, in entity order.
    public static func unreadableIssues(in dataset: Dataset) -> [ValidationIssue] {
        unreadableEntities(in: dataset).map {
            ValidationIssue(.error, .undeclaredKind,
                            "--redact victims: an entity's role or kind is not one tnet can read (not victim, survivor or witness in a language it knows, "
                                + "nor built in, nor declared in \"schema\"), so whether to redact them is not known; write it as "
                                + "victim, survivor or witness, or declare it in the schema's \"roles\" or \"entity_kinds\" to say it is not a protected one",
                            at: dataset.locations?.entity($0))
        }
    }

    /// `victim`, `survivor` or `witness`: the protected role an entity has, from its role field or
    /// its `role` attribute (``Entity/isProtected``).
    /// The first protected word of a compound role names the pseudonym: a `survivor-witness` is
    /// `survivor-N`, a `former victim` `victim-N`.
    static func protectedRole(_ e: Entity) -> String {
        (e.protectedRoles.first ?? .victim).rawValue
    }

    /// The whole numbers of `value` (or of its list) as digits: an int, or a double without a
    /// fraction below 10^18.
    static func numbers(_ value: AttributeValue) -> [String] {
        switch value {
        case .int(let n): return [String(n)]
        case .double(let d) where d.rounded() == d && d.magnitude < 1e18: return [String(Int64(d))]
        case .list(let items): return items.flatMap(numbers)
        default: return []
        }
    }

    static func strings(_ value: AttributeValue) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .list(let items): return items.flatMap(strings)
        // A nested record (`"names": {"street": "Tiger"}`): every text in it.
        case .object(let members): return members.flatMap { strings($0.value) }
        default: return []
        }
    }

    /// Whether a text of a protected person's, under `key`, reads as an identifier of theirs:
    /// - an e-mail address;
    /// - a number with only spaces, `+`, `-`, `.`, `/`, brackets or dashes between its seven
    ///   digits or more, not a date: under any key when it starts with `+` or has twelve digits
    ///   or more; otherwise, unless the key names a measure (``isMeasureKey(_:)``: `debt`,
    ///   `amount`, `lat`) or it is a decimal or an amount grouped in thousands, when it starts
    ///   with `0` or a bracket, has nine digits or more, or is two groups of four (`9123 4567`);
    /// - one token of letters and at least five digits (`P99887766`, `AB998877`), not under a
    ///   measure key (a flight `VN12345`).
    /// A key in another language (`telefono`, `Số điện thoại`, `NIC`) says nothing tnet can
    /// read; the value does.
    static func looksLikeIdentifier(_ text: String, key: String = "") -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 40 else { return false }
        if t.contains("@") && !t.contains(" ") { return true }
        let digits = t.filter(\.isNumber).count
        if digits >= NameMatcher.minimumDigits, PartialDate(t) == nil, !looksLikeDate(t),
           t.allSatisfy({ $0.isNumber || $0 == "+" || NameMatcher.isNumberSeparator($0) }) {
            // A number marked as a phone (a leading +) or as long as an id number (twelve
            // digits or more) whatever its key.
            if t.first == "+" || digits >= 12 { return true }
            // Otherwise not under a key naming a measure, nor an amount (`15000000`,
            // `1 200 000`) or a coordinate (`16.713422`): a phone (a leading 0 or bracket, two
            // groups of four as in Hong Kong and Singapore) or nine digits or more.
            if isMeasureKey(key) || looksLikeAmountOrDecimal(t) { return false }
            let groups = t.split(whereSeparator: { !$0.isNumber })
            return t.first == "0" || t.first == "(" || digits >= 9 || (groups.count == 2 && groups.allSatisfy { $0.count == 4 })
        }
        guard !isMeasureKey(key) else { return false }
        return digits >= 5 && !t.contains(where: \.isWhitespace) && t.allSatisfy { $0.isLetter || $0.isNumber || "-_./".contains($0) }
            && PartialDate(t) == nil && !looksLikeDate(t)
    }

    /// A decimal (`16.713422`, `-3.5`) or an amount grouped in thousands (`1 200 000`,
    /// `1.200.000`, `15,000,000`): a measure, not a number of a person's.
    static func looksLikeAmountOrDecimal(_ t: String) -> Bool {
        let body = t.hasPrefix("-") ? String(t.dropFirst()) : t
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) { return true }
        // Grouped in thousands, nine digits at most (an amount; `66 812 345 678` is a phone).
        let groups = body.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." || $0 == "\u{A0}" || $0 == "'" })
        return groups.count >= 2 && groups[0].count <= 3 && groups.dropFirst().allSatisfy { $0.count == 3 }
            && groups.allSatisfy { $0.allSatisfy(\.isNumber) } && !body.hasPrefix("0") && body.filter(\.isNumber).count <= 9
    }

    /// A key naming a measure rather than an identifier: an amount, a coordinate, a count, a
    /// date or an age (`debt`, `ransom_thb`, `lat`, `amount`, `age`).
    static func isMeasureKey(_ key: String) -> Bool {
        PersonRole.words(key).contains { measureWords.contains($0) }
    }

    static let measureWords: Set<String> = [
        "amount", "debt", "ransom", "salary", "wage", "wages", "price", "fee", "fees", "cost", "paid", "payment", "sum",
        "total", "balance", "value", "loan", "fine", "usd", "thb", "vnd", "php", "mmk", "khr", "lak", "cny", "lat",
        "latitude", "lon", "lng", "long", "longitude", "count", "age", "height", "weight", "date", "year", "day",
        "days", "months", "hours", "km", "distance", "flight", "vessel",
    ]

    /// `31/12/2023`, `12.31.2023`, `2023/12/31`, `20231231`: a day, not a number of a person's.
    static func looksLikeDate(_ t: String) -> Bool {
        let groups = t.split(whereSeparator: { "/.-".contains($0) }).map(String.init)
        func year(_ g: String) -> Bool { g.count == 4 && (1900 ... 2100).contains(Int(g) ?? 0) }
        if groups.count == 3, groups.allSatisfy({ $0.allSatisfy(\.isNumber) }),
           (year(groups[0]) && groups[1].count <= 2 && groups[2].count <= 2) || (year(groups[2]) && groups[0].count <= 2 && groups[1].count <= 2) {
            return true
        }
        if t.count == 8, t.allSatisfy(\.isNumber), let y = Int(t.prefix(4)), (1900 ... 2100).contains(y) { return true }
        return false
    }

    private static func rewritten(_ dataset: Dataset, ids: IDRenaming, withheldNames: Set<String>, rewrite: (String) -> String,
                                  rewriteID: (String) -> String, rewriteAttributeID: (String) -> String,
                                  rewriteSourceID: (String) -> String, log: NoticeLog) -> Dataset {
        let pseudonyms = ids.pseudonyms
        func entityID(_ id: String) -> String { ids.entity(id, read: rewriteID) }
        func attributeID(_ s: String) -> String { ids.value(s, read: rewriteAttributeID) }
        func sourceAttributeID(_ s: String) -> String { ids.value(s, read: rewriteAttributeID, sourceFirst: true) }
        func citations(_ list: [String]) -> [String] { list.map { ids.sources[$0] ?? rewriteSourceID($0) } }

        var out = dataset.emptyCopy()
        out.title = dataset.title.map(rewrite)
        out.description = dataset.description.map(rewrite)
        out.extra = scrub(dataset.extra, rewrite, attributeID, sourceAttributeID, log: log, in: "the dataset")
        out.sources = dataset.sources.map { s in
            var s = s
            s.id = ids.sources[s.id] ?? s.id
            s.title = s.title.map(rewrite)
            s.publisher = s.publisher.map(rewrite)
            s.attributes = scrub(s.attributes, rewrite, attributeID, sourceAttributeID, log: log, in: "source \(s.id)")
            if let url = s.url, [url, url.removingPercentEncoding ?? url].contains(where: { rewrite($0) != $0 }) {
                s.url = nil
                s.attributes["url_withheld"] = .string("the address names a protected person (redacted)")
                log.lines.append("source \(s.id): its URL names a protected person and is withheld")
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
        // A pseudonym inside a role or kind that did not read as protected would make it read
        // so ("handler of Somchai" → "handler of Victim 1": a handler protected, and
        // pseudonymised on the next redaction): there the pseudonym is written short
        // (``shortPseudonym(_:)``: "handler of V1"), which reads as no role.
        let pseudonymTexts = Set(pseudonyms.values.map(\.name)).sorted { $0.count > $1.count }
        func rewriteRole(_ text: String) -> String {
            let r = rewrite(text)
            guard r != text, PersonRole(r).isProtected, !PersonRole(text).isProtected else { return r }
            var out = r
            for p in pseudonymTexts where out.contains(p) { out = out.replacingOccurrences(of: p, with: Self.shortPseudonym(p)) }
            return out
        }
        func kind(_ k: EntityKind) -> EntityKind {
            if EntityKind.builtIn.contains(k) { return k }
            if let r = entityKinds[k] { return r }
            let r = EntityKind(rewriteRole(k.rawValue)); entityKinds[k] = r; return r
        }
        func kind(_ k: LinkKind) -> LinkKind {
            if LinkKind.builtIn.contains(k) { return k }
            if let r = linkKinds[k] { return r }
            let r = LinkKind(rewrite(k.rawValue)); linkKinds[k] = r; return r
        }
        func role(_ k: PersonRole) -> PersonRole {
            if PersonRole.builtIn.contains(k) { return k }
            if let r = roles[k] { return r }
            let r = PersonRole(rewriteRole(k.rawValue)); roles[k] = r; return r
        }
        out.schema.entityKinds = out.schema.entityKinds.map(kind)
        out.schema.linkKinds = out.schema.linkKinds.map(kind)
        out.schema.symmetricLinkKinds = Set(out.schema.symmetricLinkKinds.map(kind))
        out.schema.roles = out.schema.roles.map(role)
        // Two kinds whose spellings become one (`ally_of_somchai`, `ally_of_SOMCHAI`) have one
        // override: `excluded` where theirs differ (never proposed when in doubt), said; not
        // whichever a dictionary happened to give first (helper-71: it changed from run to run).
        var kindTargets: [EntityKind: TargetPolicy.Override] = [:]
        for (k, v) in out.schema.targets.kinds.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let r = kind(k)
            if let other = kindTargets[r], other != v {
                kindTargets[r] = .excluded
                log.lines.append("two kinds are spelt \(r.rawValue) once redacted and had different target overrides: excluded")
            } else {
                kindTargets[r] = v
            }
        }
        out.schema.targets.kinds = kindTargets
        for original in dataset.entities {
            var e = original
            // A protected person's own role is free text too ("witness (sister of Mai Tran)").
            e.role = e.role.map(role)
            if pseudonyms[e.id] == nil { e.kind = kind(e.kind) }
            if let p = pseudonyms[e.id] {
                // Protected by an attribute or the kind alone (`"status": "victim"` on a
                // recruiter): the attributes go, so the role says it, or the redacted output
                // would propose them as a target (and so would reading it again).
                if original.isProtected && e.role?.isProtected != true {
                    let mark = Self.protectedRole(original)
                    e.role = PersonRole(e.role.map { "\(mark) (\($0.rawValue))" } ?? mark)
                }
                e.id = p.id
                e.name = p.name
                e.attributes = Attributes()
            } else if e.kind == .person || e.kind == .official {
                // Another person whose name or alias is a protected person's (the whole of it): it
                // is withheld, never replaced by the protected person's pseudonym (a perpetrator
                // shown as "Victim 1" would be proposed as a target under a victim's label).
                // So is a name that holds a protected person's whole name ("… Sr.", "Mai Lan Anh"
                // beside "Mai Lan"): shown with the pseudonym inside, it would tie the two
                // ("Victim 1 Rossi"). (``apply(to:)`` finds them: `withheldNames`.)
                e.id = entityID(e.id)
                // (Nor a name that would read another's withheld name: helper-90 found one so
                // written become `[name withheld: p2]`.)
                let withhold = { [id = e.id] (s: String) -> String in
                    let r = withheldNames.contains(s) ? nil : rewrite(s)
                    if let r, !Self.takesHolderMark(s, as: r) { return r }
                    log.lines.append("entity \(id): a name or alias that is, or holds, a protected person's name is withheld")
                    return Self.withheldName
                }
                e.name = e.name.map(withhold)
                // Their aliases too; a note that mentions the protected person keeps the
                // pseudonym, as everywhere.
                var attributes = Attributes()
                for (k, v) in e.attributes {
                    let value = Self.isNameKey(k) ? scrub(v, withhold)
                        : scrub(v, under: IDKeys(k), rewrite, attributeID, sourceAttributeID, log: log, in: "entity \(e.id)")
                    Self.insert(value, under: rewrite(k), into: &attributes, log: log, in: "entity \(e.id)")
                }
                e.attributes = attributes
            } else {
                e.id = entityID(e.id)
                // (A place or company named as a person whose name holds a protected one is not
                // given their text's marker as its name, helper-94: it is withheld.)
                e.name = e.name.map { s in
                    let r = rewrite(s)
                    guard Self.takesHolderMark(s, as: r) else { return r }
                    log.lines.append("entity \(e.id): a name that holds a protected person's name is withheld")
                    return Self.withheldName
                }
                e.attributes = scrub(e.attributes, rewrite, attributeID, sourceAttributeID, log: log, in: "entity \(e.id)")
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
            l.attributes = scrub(l.attributes, rewrite, attributeID, sourceAttributeID, log: log, in: "link \(l.source) → \(l.target)")
            out.append(l)
        }
        out.locations = dataset.locations
        return out
    }

    /// The name given to a person who is not protected but whose name or alias is a protected
    /// person's.
    public static let withheldName = "name withheld (a protected person's name)"
    /// How a text's mention of a person whose name holds a protected one starts (`[name withheld:
    /// p5]`).
    static let holderMark = "[name withheld"

    /// For separate inputs redacted together (`tnet merge`): the first entity, in a later
    /// dataset, whose id is a protected person's in an earlier one, or a protected person's whose
    /// id an earlier dataset's entity has. Ids are compared as redaction reads them, folded
    /// (helper-99: a recruiter `Mai-Tran` beside a victim `mai-tran` in another input passed an
    /// exact comparison, and his notes then read "Victim 1").
    /// - Parameter datasets: the inputs, in order.
    /// - Returns: the earlier dataset, the later one and the entity's position in it; nil when
    ///   no protected person's id is used in two inputs.
    public static func protectedIDInTwoInputs(_ datasets: [Dataset]) -> (earlier: Int, later: Int, entity: Int)? {
        func key(_ id: String) -> String {
            let letters = NameMatcher.letters(id)
            return letters.isEmpty ? id : letters
        }
        var first: [String: (input: Int, protected: Bool)] = [:]
        for (k, d) in datasets.enumerated() {
            var here: [String: Bool] = [:]
            for e in d.entities { here[key(e.id)] = (here[key(e.id)] ?? false) || e.isProtected }
            for (i, e) in d.entities.enumerated() {
                if let f = first[key(e.id)], f.input != k, f.protected || here[key(e.id)]! { return (f.input, k, i) }
            }
            for (id, protected) in here where first[id] == nil { first[id] = (k, protected) }
        }
        return nil
    }

    /// What another person's name holding a protected one reads in an id (`home-of-withheld`):
    /// an id cannot hold the text's marker.
    static let withheldID = "withheld"

    /// Whether `s`, rewritten as `r`, took another person's marker (``holderMark``): a record's
    /// name so rewritten is withheld instead.
    static func takesHolderMark(_ s: String, as r: String) -> Bool {
        r.contains(holderMark) && !s.contains(holderMark)
    }

    /// Whether another entity's one-word name, inside a group between a protected name's words,
    /// is kept beside the replacement: three letters or more, and no word of a protected
    /// person's name or alias (that would be theirs).
    static func oneWordNameIsKept(_ word: String, _ protectedWords: Set<String>) -> Bool {
        word.count >= 3 && !protectedWords.contains(word)
    }
    /// A pseudonym as it is written inside the role or kind of someone who is not protected,
    /// where in full it would read as a protected role: its first letter and its number ("handler
    /// of V1", not "handler of Victim 1"; `S2` for "Survivor 2").
    static func shortPseudonym(_ name: String) -> String {
        String(name.prefix(1)) + name.filter(\.isNumber)
    }

    /// A redaction that has replaced nothing yet; ``apply(to:)-(Dataset)`` does the work.
    public init() {}

    /// `s` with every protected person's id, name or alias replaced, in any form
    /// (`NameMatcher`), for texts made from the dataset elsewhere (a diagnostic that quotes an
    /// id, say): each becomes the pseudonym id (`victim-1`).
    /// - Parameter s: any text.
    /// - Returns: the text with protected persons replaced; `s` itself before ``apply(to:)-(Dataset)``
    ///   or when it names none.
    public func scrub(_ s: String) -> String { matcher.replacing(in: s, identifier: true) ?? s }

    /// `filter` as the redacted dataset reads it: each entity kind, link kind and excluded role
    /// typed (a built-in one aside) rewritten as ``apply(to:)-(Dataset)`` rewrote the dataset's
    /// (`safehouse_of_somchai` reads `safehouse_of_Victim 1`), so that it still selects what it
    /// named; and which of them named a protected person, to be left out of any message (quoted,
    /// even rewritten, it would say whose name the user typed).
    /// - Parameter filter: the filter as typed.
    /// - Returns: the filter to apply to the redacted dataset, and the rewritten values that
    ///   named a protected person.
    public func redacting(_ filter: DatasetFilter) -> (filter: DatasetFilter, named: Set<String>) {
        guard count > 0 else { return (filter, []) }
        var named = Set<String>()
        func rewrite(_ s: String, builtIn: Bool) -> String {
            guard !builtIn, let r = matcher.replacing(in: s, identifier: false) else { return s }
            named.insert(r)
            return r
        }
        var out = filter
        out.entityKinds = filter.entityKinds.map { Set($0.map { EntityKind(rewrite($0.rawValue, builtIn: EntityKind.builtIn.contains($0))) }) }
        out.linkKinds = filter.linkKinds.map { Set($0.map { LinkKind(rewrite($0.rawValue, builtIn: LinkKind.builtIn.contains($0))) }) }
        out.excludedRoles = Set(filter.excludedRoles.map { PersonRole(rewrite($0.rawValue, builtIn: PersonRole.builtIn.contains($0))) })
        return (out, named)
    }

    /// The pseudonym id given to the protected person whose id (as read) is `id`; nil when no
    /// protected person has that id or before ``apply(to:)-(Dataset)``.
    /// - Parameter id: an entity id as read.
    /// - Returns: `victim-1`, `survivor-2`… or nil.
    public func pseudonym(ofID id: String) -> String? { renaming?.pseudonyms[id]?.id }

    static func scrub(_ attributes: Attributes, _ rewrite: (String) -> String, log: NoticeLog? = nil, in owner: String = "") -> Attributes {
        scrub(attributes, rewrite, rewrite, log: log, in: owner)
    }

    /// `attributes` as below, an id under a key that names a source read as any id.
    static func scrub(_ attributes: Attributes, _ rewrite: (String) -> String, _ rewriteID: (String) -> String,
                      log: NoticeLog? = nil, in owner: String = "") -> Attributes {
        scrub(attributes, rewrite, rewriteID, rewriteID, log: log, in: owner)
    }

    /// `attributes` with each key rewritten by `rewrite`, and each value by `rewriteID` where it
    /// is an id (under an id key, or anywhere below one: `{"owner_ids": {"primary": …}}`), by
    /// `rewriteSourceID` where the key names a source (`source_id`), by `rewrite` otherwise;
    /// nested objects alike (`{"refs": {"owner_id": …}}`). `ids` says what every value is, below
    /// a key that said it (``IDKeys/none``: each key says it).
    static func scrub(_ attributes: Attributes, _ rewrite: (String) -> String, _ rewriteID: (String) -> String,
                      _ rewriteSourceID: (String) -> String, ids: IDKeys = .none, log: NoticeLog? = nil, in owner: String = "") -> Attributes {
        var out = Attributes()
        // Keys too: `{"debts": {"Somchai Prasert": 3000}}` names a person. A value under an id
        // key (`id`, `case_id`) takes the pseudonym's id form: `victim-1:recruiter-1`.
        for (k, v) in attributes {
            let value = scrub(v, under: ids == .none ? IDKeys(k) : ids, rewrite, rewriteID, rewriteSourceID, log: log, in: owner)
            insert(value, under: rewrite(k), into: &out, log: log, in: owner)
        }
        return out
    }

    /// `value`, found under a key of `keys`: each string read as the key says, an object's
    /// attributes as ``scrub(_:_:_:_:ids:log:in:)`` reads them, below that key.
    static func scrub(_ value: AttributeValue, under keys: IDKeys, _ rewrite: (String) -> String, _ rewriteID: (String) -> String,
                      _ rewriteSourceID: (String) -> String, log: NoticeLog?, in owner: String) -> AttributeValue {
        scrub(value, { keys.read($0, rewrite, rewriteID, rewriteSourceID) },
              objects: { scrub($0, rewrite, rewriteID, rewriteSourceID, ids: keys, log: log, in: owner) }, log: log, in: owner)
    }

    /// What the values under a key are: text, ids, or ids of sources (a key of an id that names
    /// a source: `source_id`, `src_ids`, `citation_id`), where an id that is both an entity's and
    /// a source's is the source's (helper-104: `source_id: mai-tran`, a source beside the victim
    /// `mai-tran`, had come to name her).
    enum IDKeys: Equatable {
        case none, ids, sourceIDs

        init(_ key: String) {
            guard Redaction.isIDKey(key) else { self = .none; return }
            let words = key.lowercased().split { !$0.isLetter }
            self = words.contains { ["source", "sources", "src", "srcs", "citation", "citations"].contains(String($0)) } ? .sourceIDs : .ids
        }

        /// `s` read by `text`, `id` or `sourceID`, as the key says.
        func read(_ s: String, _ text: (String) -> String, _ id: (String) -> String, _ sourceID: (String) -> String) -> String {
            switch self {
            case .none: text(s)
            case .ids: id(s)
            case .sourceIDs: sourceID(s)
            }
        }
    }

    /// Puts `value` under `key`; when a key rewritten is already there (`Somchai Prasert` and
    /// `Victim 1` both read `Victim 1`), keeps both, the later under `key (2)`, `key (3)`…, and
    /// says so: a value is never lost silently.
    static func insert(_ value: AttributeValue, under key: String, into out: inout Attributes, log: NoticeLog?, in owner: String) {
        guard out[key] != nil else { out[key] = value; return }
        var n = 2
        while out["\(key) (\(n))"] != nil { n += 1 }
        out["\(key) (\(n))"] = value
        log?.lines.append("\(owner): two attribute keys read \"\(key)\" once redacted; the second is kept as \"\(key) (\(n))\"")
    }

    /// `id`, `ID`, `link_id`, `case-id`, `ids`: a key whose values are identifiers.
    static func isIDKey(_ key: String) -> Bool {
        let k = key.lowercased()
        return k == "id" || k == "ids" || ["_id", "-id", " id", "_ids", "-ids", " ids"].contains { k.hasSuffix($0) }
    }

    /// `value` with each string rewritten by `rewrite`, in lists and objects, an object's keys too.
    static func scrub(_ value: AttributeValue, _ rewrite: (String) -> String, log: NoticeLog? = nil, in owner: String = "") -> AttributeValue {
        scrub(value, rewrite, objects: { scrub($0, rewrite, log: log, in: owner) }, log: log, in: owner)
    }

    /// `value` with each string rewritten by `rewrite`, in lists; an object's attributes by
    /// `objects` (which reads each key again: an id key nested under another key).
    static func scrub(_ value: AttributeValue, _ rewrite: (String) -> String, objects: (Attributes) -> Attributes,
                      log: NoticeLog? = nil, in owner: String = "") -> AttributeValue {
        switch value {
        case .string(let s): return .string(rewrite(s))
        // A phone or id number stored as a JSON number (`"contact": 84912345678`): read as its
        // digits, and written as the pseudonym when it is a protected person's. Only numbers of
        // ``NameMatcher/minimumDigits`` digits or more: a count or an amount is left alone.
        case .int(let n) where String(n.magnitude).count >= NameMatcher.minimumDigits:
            let r = rewrite(String(n))
            return r == String(n) ? value : .string(r)
        case .double(let d) where d.rounded() == d && d.magnitude >= 1e6 && d.magnitude < 1e18:
            let digits = String(Int64(d))
            let r = rewrite(digits)
            return r == digits ? value : .string(r)
        case .list(let items): return .list(items.map { scrub($0, rewrite, objects: objects, log: log, in: owner) })
        case .object(let a): return .object(objects(a))
        default: return value
        }
    }
}
