import Foundation

/// Finds the names and ids of protected persons in any text, in every form a person would type
/// them: any case, with or without diacritics (`Nguyễn`, `NGUYEN`), with look-alike Cyrillic or
/// Greek letters (`Sоmchai` with a Cyrillic `о`), with any spacing or joining punctuation between
/// the words (two spaces, a no-break space, a line break, `Somchai/Prasert`), family name first
/// (`Prasert, Somchai`), as a slug or an id part (`home-of-somchai-prasert`, `somchai_prasert`,
/// `SomchaiPrasert`), with digits after it (`Somchai_Prasert2`, `somchai.prasert85@mail.com`), or
/// percent-encoded in a URL (`?q=Somchai%20Prasert`, `Jos%C3%A9`). A phone or id number is also
/// found in another format, by its digits (`+66 81 234 5678` for `081-234-5678`).
///
/// A name is read as its words (runs of letters and digits), folded to lower case without
/// diacritics; a match is a run of whole words of the text whose folded letters, joined, equal
/// the name's (or the name's words rotated: last first, first last), separated only by spaces,
/// the joiners of ids, URLs and lists (`- _ . + ' , / \ | : ; & @`), or percent escapes; the
/// last word may go on with digits. Other punctuation and symbols (brackets, quotes, `#`, emoji:
/// `Mai (Nguyen)`, `Mai#Nguyen`, `Mai💕Nguyen`) separate them too, but not `?` or `!`, and then
/// only where the brackets close beside the name and none of its words stands in another
/// entity's name. A given name alone is not the name. A
/// one-word original of letters (a nickname, an alias) is found as a word anywhere except inside
/// another entity's name of several words (``ordinaryPhrases``): the alias `Mai` in "met Mai at
/// the border", not in "Chiang Mai".
///
/// Names of fewer than ``minimumLength`` letters match a whole text, in any form, and otherwise
/// only spelt exactly as given, case included, between word boundaries: no letter or digit just
/// before or after it (an id may hold `-`, `_` or `.` inside, as `v-1` does). So `v1` is found in
/// `v1:r1`, `"v1"`, `(v1 → r1)`, `v1.` and `home-of-v1`, but not in `v10`, `kv1`, or `V1` in free
/// text (a two-letter id read in any case would rewrite ordinary words). In an id-bearing field
/// (an id, a link's endpoint, a value under an id-named key) a short id is found in any case
/// (`V1`), and an id of digits only, fewer than seven (a CSV row number `3` or `100`), is found
/// only there: read in free text it would rewrite `floor: 3` or `paid 100`.
///
/// Every look-up is indexed: a binary search of the sorted names per word, a hash of the last
/// seven digits per run of digits; the cost per text is linear in its length times log of the
/// number of names.
struct NameMatcher: Sendable {
    /// Shortest name (in folded letters) that is also found inside longer texts.
    static let minimumLength = 3

    /// What a folded name is replaced by, and whether a short one is replaced in free text.
    struct Replacement: Sendable {
        var text: String
        var identifier: String
        /// Whether it is replaced in free text too, not only in id-bearing fields. False for an
        /// id of digits only shorter than ``minimumDigits`` (a CSV row number `3`, `12` or
        /// `100`): read in free text it would rewrite `floor: 3` or `paid 100`. A short id with
        /// a letter (`v1`, `tb`, initials perhaps) is still replaced in free text, spelt
        /// exactly so; a longer number (a case or phone number) everywhere.
        var inText: Bool
        /// Whether it is one word of letters that other entities' names of several words
        /// use (``ordinaryPhrases``): not replaced where it stands inside one of them.
        var shared = false
        /// Whether it is a one-word alias that is a month or a day of the week (`May`, `Jan`):
        /// not replaced beside a number ("3 May 2023" is a date), everywhere else it is.
        var calendar = false
        /// Whether it is a one-word name left of a title (`Rose` of "Ms Rose"): found only
        /// where it starts with a capital (`Rose`, `ROSE`), not as the word "rose".
        var capitalized = false
        /// Whether it is one word of letters (a given name, a nickname, an id such as `mai`):
        /// in tnet's own words (``replacing(in:identifier:shortIDs:ownWords:)``) found only
        /// where it starts with a capital, as data is written, not as the word "not" or "date".
        var oneWord = false
        /// Whether it is another person's name that holds a protected one (the recruiter
        /// "Mai Lan Anh" beside the victim "Mai Lan", "Annamaria Rossi" beside "Anna Maria"):
        /// read like a protected name, so that where it is written whole it is that person and
        /// is replaced by `text` (its name withheld), not read as the protected person with the
        /// rest of it left beside the pseudonym ("Victim 1 Rossi", helper-88). Only as written
        /// (helper-90: its shorter forms and other orders are other people's names, `Mai Anh`,
        /// or lists, `Huong, Nguyen Thi Lan and Hoa`), with its words capitalised as names are
        /// (``holderCase``), and where a protected reading reads as many words, that one
        /// (helper-90: `Annamaria Rossi Bruno Ferri` beside the victim Bruno Ferri). Never in an
        /// id, never across what separates the items of a list (`Mai Lan, Anh Tran`).
        var holder = false
        /// For a ``holder``: whether its name is written in capitals, so that a text in capitals
        /// may be it (`ALI HASSAN SAID` is not the recruiter Ali Hassan Said).
        var holderInCapitals = false
    }

    /// Months and days of the week, in English, folded: a one-word alias among them is not
    /// replaced beside a number.
    static let calendarWords: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ]

    /// Other entities' names and ids of two words or more, folded word by word (a place
    /// "Chiang Mai", a company "Srisuk Transport"): a protected person's one-word alias is not
    /// replaced where it stands inside one of them, and is everywhere else, a whole value or
    /// quoted value included. Set before the first ``add``.
    var ordinaryPhrases: [[String]] = [] {
        didSet {
            phrasesByWord = [:]
            for phrase in ordinaryPhrases where phrase.count >= 2 {
                for (k, w) in phrase.enumerated() { phrasesByWord[w, default: []].append((phrase, k)) }
            }
        }
    }
    /// Every other entity's name of two words or more, its folded words joined
    /// (`seanobrien`): a quoted or bracketed group between a protected name's words that holds
    /// one is kept beside the name's replacement, not taken with it ("Victim 1 (Sean O'Brien)").
    var otherNames = Set<String>()
    /// The words of other entities' names and aliases (of three letters or more, none a word of a
    /// protected name): a group after a protected name holding one is theirs.
    var otherNameWords = Set<String>()

    /// Each word of ``ordinaryPhrases`` → the phrases holding it, with its place in each.
    private var phrasesByWord: [String: [(phrase: [String], position: Int)]] = [:]

    /// Folded name (letters and digits only) → its replacement in a text and in an identifier.
    private var names: [String: Replacement] = [:]
    /// A name's words in another order (`prasertsomchai`), found only across two words or more
    /// of a text: "An Le" read backwards is the word `lean`, not a name.
    private var rotated: [String: Replacement] = [:]
    /// Each holder of a protected name in another order (``add(_:text:identifier:isID:capitalized:holder:overReordered:)``),
    /// by its words sorted (``sortedWords(_:)``): those words in a third order are either
    /// person's too.
    private var holdersByWords: [String: Replacement] = [:]
    /// Each word (three letters or more) of a name of two words or more → its replacement: found
    /// alone only after a title (`Mr Prasert`, `Khun Somchai`, ``titles``).
    private var titledWords: [String: Replacement] = [:]

    /// Titles and honorifics, folded, after which one word of a protected person's name is
    /// them: English, Thai (khun, nai, nang), Vietnamese (ông, bà, anh, chị), Burmese (U,
    /// Daw, Ko, Ma), Spanish, French and Portuguese.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "mister", "madam", "mdm", "khun", "nai", "nang", "ong", "ba", "anh", "chi",
        "u", "daw", "ko", "ma", "sr", "sra", "srta", "senor", "senora", "don", "dona", "mme", "mlle", "monsieur", "madame",
    ]
    /// Every folded name, sorted: a binary search tells whether a run of words can still grow
    /// into a name (O(log n) per word, whatever the number of names).
    private var sortedNames: [String] = []

    /// Short originals (fewer than ``minimumLength`` folded letters, two characters or more)
    /// found as whole tokens, by their lower-cased spelling.
    private var tokens: [String: (spelling: String, replacement: Replacement)] = [:]
    /// The short originals (lower-cased) by their first character, longest first.
    private var tokensByFirst: [Character: [String]] = [:]

    /// Identifiers written as digits (a phone or id number) of at least ``minimumDigits``
    /// digits, leading zeros removed, by their last ``minimumDigits`` digits.
    private var numbers: [Substring: [(digits: String, replacement: Replacement)]] = [:]
    /// Fewest digits a number must have to be found in another format.
    static let minimumDigits = 7

    var isEmpty: Bool { names.isEmpty }

    /// Adds `original` (a name, an id or an alias), to be replaced by `text` in texts and by
    /// `identifier` in ids. The first replacement given for a folded name stands. Call
    /// ``finish()`` after the last one, before replacing.
    /// - Parameter isID: whether `original` is an entity id: one without a letter and of fewer
    ///   than ``minimumDigits`` digits is then replaced only in id-bearing fields
    ///   (``replacing(in:identifier:)`` with `identifier` true).
    /// - Parameter capitalized: a one-word original found in free text only where it starts
    ///   with a capital (the `Rose` of "Ms Rose", not the verb in "prices rose").
    /// - Parameter holder: whether `original` is another person's name that holds a protected
    ///   one (``Replacement/holder``): added after every protected name, and only where no
    ///   protected name reads the same; only as written.
    /// - Parameter overReordered: for a holder that is a protected name in another order
    ///   (`James Thomas` beside the victim Thomas James): written so, it is read as the holder
    ///   rather than as the protected name reordered.
    mutating func add(_ original: String, text: String, identifier: String, isID: Bool = false, capitalized: Bool = false,
                      holder: Bool = false, overReordered: Bool = false) {
        let words = Self.words(original)
        let key = words.map(\.folded).joined()
        guard !key.isEmpty else { return }
        let short = Self.weight(key) < Self.minimumLength
        let inText = !isID || original.contains(where: \.isLetter) || original.filter(\.isNumber).count >= Self.minimumDigits
        // One word of letters: a given name, a nickname or an id such as `mai` or `an`.
        let oneWord = words.count == 1 && !key.contains(where: \.isNumber)
        let r = Replacement(text: text, identifier: identifier, inText: inText, shared: oneWord && phrasesByWord[key] != nil,
                            calendar: oneWord && Self.calendarWords.contains(key), capitalized: capitalized && oneWord,
                            oneWord: oneWord && !isID, holder: holder,
                            holderInCapitals: holder && !original.contains(where: \.isLowercase))
        if holder {
            // (Never over a protected name's reading as written; in another order only where
            // asked.)
            if !short, names[key] == nil, rotated[key] == nil || overReordered {
                names[key] = r
                if rotated[key] == nil { sortedNames.append(key) }
                if overReordered { holdersByWords[Self.sortedWords(original)] = r }
            }
            return
        } else if short, original.count >= 2, Self.isToken(original) {
            // A short token of letters only (`an`, `tb`) is an ordinary word in free text: found
            // there only as a whole value (by the name pass), as a token only in id fields.
            var r = r
            if oneWord { r.inText = false }
            let lower = original.lowercased()
            if tokens[lower] == nil {
                tokens[lower] = (original, r)
                tokensByFirst[lower.first!, default: []].append(lower)
            } else if r.inText {
                // (`r`'s: a one-word short name is not made free-text by a second spelling, as
                // the name `An` beside the id `an` made "is not an ISO date" read "is not
                // victim-1 ISO date": helper-63.)
                tokens[lower]!.replacement.inText = true
            }
        }
        insert(key, r)
        guard !short else { return }
        // The name's words in the other usual orders: family name first, with or without a
        // comma ("Prasert, Somchai"; "Hung, Nguyen Van"), and the first word last ("Van Hung
        // Nguyen"). Only for names of letters: a phone number's groups are not reordered. In a
        // script written without spaces each character is a word, so a name's words there are
        // what spaces part (`มาลี ทอง`, read as `ทอง มาลี` too), not its characters, whose
        // shuffles had made readings that took parts of other names (helper-82).
        let parts = original.contains(where: Self.isUnspaced)
            ? original.split(whereSeparator: \.isWhitespace).map(Self.fold).filter { !$0.isEmpty }
            : words.map(\.folded)
        if parts.count >= 2, parts.allSatisfy({ $0.contains(where: \.isLetter) }) {
            let f = parts
            if !isID {
                for w in f where Self.weight(w) >= Self.minimumLength && !Self.titles.contains(w) && titledWords[w] == nil {
                    titledWords[w] = r
                }
            }
            insert(f.last! + f.dropLast().joined(), r, rotated: true)
            insert(f.dropFirst().joined() + f.first!, r, rotated: true)
            // Without the middle words, in either order: "Mai Nguyen" and "Nguyen Mai" for
            // "Nguyễn Thị Mai" (the given name first, as forms abroad write it).
            if f.count >= 3 {
                insert(f.last! + f.first!, r, rotated: true)
                insert(f.first! + f.last!, r, rotated: true)
                // The middle name as its initial: "NGUYEN T. MAI", "Mai T. Nguyen"; every middle
                // name so ("Le M. P. Linh").
                let initial = String(f[1].prefix(1))
                insert(f.first! + initial + f.last!, r, rotated: true)
                insert(f.last! + initial + f.first!, r, rotated: true)
                let initials = f.dropFirst().dropLast().map { String($0.prefix(1)) }.joined()
                insert(f.first! + initials + f.last!, r, rotated: true)
                insert(f.last! + initials + f.first!, r, rotated: true)
                // Every word in the reverse order ("Mai Thi Nguyen" for "Nguyễn Thị Mai", as
                // English-language papers write Vietnamese names; helper-54). Not the family and
                // middle names as initials before the given name ("N.T. Mai"): as letters,
                // `ltan` is also the recruiter "L. Tan" (helper-56).
                insert(f.reversed().joined(), r, rotated: true)
                // A name of four words or more without one of its middle words, in either order
                // ("Le Phuong Linh" for "Lê Minh Phương Linh").
                if f.count >= 4 {
                    for k in 1 ..< f.count - 1 {
                        var g = f
                        g.remove(at: k)
                        insert(g.joined(), r, rotated: true)
                        insert(g.reversed().joined(), r, rotated: true)
                        // And the family name last ("Phuong Linh Le"; as "Linh Le" it had left
                        // "Phuong Victim 2").
                        insert(g.dropFirst().joined() + g.first!, r, rotated: true)
                    }
                }
            }

        }
        // A number (phone, id number): also found in another format, by its digits.
        let digits = String(original.filter(\.isDigitForNumbers).map(\.asciiDigit))
        if digits.count >= Self.minimumDigits, original.allSatisfy({ $0.isDigitForNumbers || $0 == "+" || Self.isNumberSeparator($0) }) {
            let significant = String(digits.drop { $0 == "0" })
            if significant.count >= Self.minimumDigits {
                numbers[significant.suffix(Self.minimumDigits), default: []].append((significant, r))
            }
        }
    }

    private mutating func insert(_ key: String, _ r: Replacement, rotated isRotated: Bool = false) {
        if isRotated {
            guard names[key] == nil, rotated[key] == nil else { return }
            rotated[key] = r
            sortedNames.append(key)
        } else if names[key] == nil {
            names[key] = r
            if rotated[key] == nil { sortedNames.append(key) }
        } else {
            if r.inText { names[key]!.inText = true }
            if r.shared { names[key]!.shared = true }
            // An id spelt so (`mai`) is found in tnet's own words in any case, as before: a
            // message may name it without quotes (helper-65: FtM's "FtM entity mai needs …").
            if !r.oneWord { names[key]!.oneWord = false }
            if !r.calendar { names[key]!.calendar = false }
            if !r.capitalized { names[key]!.capitalized = false }
        }
    }

    /// Sets the text a holder added with ``add(_:text:identifier:isID:capitalized:holder:overReordered:)``
    /// reads in texts (its record's id, known only once ids are renamed, which reads holders).
    mutating func relabelHolder(_ original: String, text: String) {
        let key = Self.words(original).map(\.folded).joined()
        if names[key]?.holder == true { names[key]!.text = text }
    }

    /// Orders the names and tokens for look-up: O(n log n) once, after the last ``add``.
    mutating func finish() {
        sortedNames.sort()
        for k in tokensByFirst.keys { tokensByFirst[k]!.sort { $0.count > $1.count } }
    }

    /// Whether some name starts with `prefix` (binary search of ``sortedNames``).
    private func isPrefixOfName(_ prefix: String) -> Bool {
        var lo = 0, hi = sortedNames.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedNames[mid] < prefix { lo = mid + 1 } else { hi = mid }
        }
        return lo < sortedNames.count && sortedNames[lo].hasPrefix(prefix)
    }

    /// `s` with every match replaced (by the text or the identifier form). Nil when nothing
    /// matched.
    /// - Parameter identifier: whether `s` is an id-bearing field (an id, a link's endpoint, a
    ///   value under an id-named key): the identifier form replaces, and short ids are found
    ///   there (whole, or as tokens in any case, `V1` for `v1`), and only there.
    ///
    /// A percent-encoded text (`?q=Somchai%20Prasert`, `Jos%C3%A9`) is also read decoded: when
    /// the decoded text names someone the encoded one did not, the decoded text is returned,
    /// rewritten.
    /// - Parameter shortIDs: whether short ids are read as in an id-bearing field (any case, and
    ///   those of digits only); `identifier` when nil. False for a source's id, an identifier
    ///   of another kind: a source numbered `3` is not the entity `3`.
    /// - Parameter ownWords: whether `s` is tnet's own words (a diagnostic's text outside the
    ///   data it quotes): a one-word name of letters is then found only where it starts with a
    ///   capital, so that the victims `Not` and `Date` leave "is not an ISO date" as it is.
    func replacing(in s: String, identifier: Bool, shortIDs: Bool? = nil, ownWords: Bool = false) -> String? {
        let short = shortIDs ?? identifier
        var result = replacingDecoded(in: s, identifier: identifier, shortIDs: short, ownWords: ownWords)
        if s.utf8.contains(UInt8(ascii: "%")), let decoded = Self.decodingPercentEscapes(result ?? s),
           let r = replacingDecoded(in: decoded, identifier: identifier, shortIDs: short, ownWords: ownWords) {
            result = r
        }
        // HTML character references, tags and backslash escapes written out as text (`Mai&nbsp;Nguyen`,
        // `Mai\nNguyen` from an export): read decoded too, as percent escapes are (helper-66).
        let current = result ?? s
        // On bytes: Foundation's substring search per text was a tenth of redacting 100,000 entities.
        if current.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "<") }),
           let decoded = Self.decodingTextEscapes(current),
           let r = replacingDecoded(in: decoded, identifier: identifier, shortIDs: short, ownWords: ownWords) {
            return r
        }
        return result
    }

    /// `s` with the escapes written out as text that can stand inside a name decoded, for the
    /// name to be found; nil when it has none. Nothing else is decoded (`&amp;`, `&lt;`, `\\`,
    /// a control character): a text rewritten because a name was found in it keeps the rest as
    /// written (helper-67: `&#0;` had put a NUL into a note, which GraphML then refused).
    /// - HTML character references, numeric (`&#7877;`, `&#x1EC5;`) or named for a Latin
    ///   letter (`&eacute;`, `&ccedil;`, `&szlig;`), to a letter, a mark, a digit or an
    ///   invisible format character (`&#8203;`, `&shy;`); those of white space (`&nbsp;`,
    ///   `&#160;`) to a plain space.
    /// - `\uXXXX` likewise; `\n`, `\t`, `\r` after a letter, a digit, white space, a comma or
    ///   another such escape, to a space (helper-68: `Mai\r\nNguyen`), not in `C:\temp`.
    /// - Quotation marks, which can hold a nickname between a name's words: `&quot;`, `&ldquo;`,
    ///   `&#8220;`, `\"`, `\u201C` and the like.
    /// - HTML comments and tags of text markup (`<br>`, `<b>`, `</span>`) to a space.
    static func decodingTextEscapes(_ s: String) -> String? {
        var out = "", changed = false
        let chars = Array(s)
        /// The text a decoded scalar stands for here: itself (a letter, mark, digit or format
        /// character), a space (any white space), or nil (left as written).
        func kept(_ u: Unicode.Scalar) -> String? {
            if u.properties.isWhitespace { return " " }
            // Quotation marks, which can hold a nickname between a name's words (helper-70:
            // `Mai &quot;Mimi&quot; Nguyen`).
            if Self.nicknameQuotes.contains(Character(u)) { return String(u) }
            switch u.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .format: return String(u)
            default: return nil
            }
        }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "&", let semicolon = chars[i ..< min(chars.count, i + 32)].firstIndex(of: ";") {
                let body = String(chars[i + 1 ..< semicolon])
                var text: String?
                if body.hasPrefix("#x") || body.hasPrefix("#X") { text = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).flatMap(kept) }
                else if body.hasPrefix("#") { text = UInt32(body.dropFirst(), radix: 10).flatMap(Unicode.Scalar.init).flatMap(kept) }
                else { text = Self.namedLetter(body) }
                if let text { out += text; changed = true; i = semicolon + 1; continue }
            }
            if c == "\\", i + 1 < chars.count {
                let e = chars[i + 1]
                // After a letter, a digit, white space or another such escape, not after `:` or
                // a backslash (`C:\temp`, `\\n`): a path or an escaped backslash stays as written.
                let before = i > 0 ? chars[i - 1] : " "
                if (e == "n" || e == "t" || e == "r") && (before.isLetter || before.isNumber || before.isWhitespace || before == ",") {
                    out += " "; changed = true; i += 2; continue
                }
                // An escaped quotation mark (`Mai \"Mimi\" Nguyen` in JSON written out as text).
                if e == "\"" || e == "'" { out.append(e); changed = true; i += 2; continue }
                if e == "u", i + 6 <= chars.count, let v = UInt32(String(chars[i + 2 ..< i + 6]), radix: 16),
                   let scalar = Unicode.Scalar(v), let text = kept(scalar) {
                    out += text; changed = true; i += 6; continue
                }
            }
            // A comment, or a tag of HTML's text markup (`<br>`, `<b>`, `</span>`, `<span
            // style="…">`): a space. Other angle brackets (`<tran@agency.vn>`, `<Tran Van
            // Hung>`, `a<b and c>d`) stay as written (helper-69).
            if c == "<", i + 1 < chars.count {
                if chars[i + 1] == "!", i + 3 < chars.count, chars[i + 2] == "-", chars[i + 3] == "-",
                   let end = Self.find(["-", "-", ">"], in: chars, from: i + 4) {
                    out += " "; changed = true; i = end + 3; continue
                }
                var k = i + 1
                if chars[k] == "/" { k += 1 }
                var name = ""
                while k < chars.count, chars[k].isASCII, chars[k].isLetter || chars[k].isNumber { name.append(chars[k]); k += 1 }
                if Self.markupTags.contains(name.lowercased()), k < chars.count,
                   chars[k] == ">" || chars[k] == "/" || (chars[k].isWhitespace && chars[k ..< min(chars.count, k + 40)].contains("=")),
                   let close = chars[k ..< min(chars.count, k + 512)].firstIndex(where: { $0 == ">" || $0 == "<" }), chars[close] == ">" {
                    out += " "; changed = true; i = close + 1; continue
                }
            }
            out.append(c)
            i += 1
        }
        return changed ? out : nil
    }

    /// HTML's tags of text markup, which stand between the words of a name in exported pages
    /// and notes.
    static let markupTags: Set<String> = ["a", "abbr", "b", "big", "br", "cite", "code", "dd", "del", "dfn", "div", "dt", "em", "font",
                                          "h1", "h2", "h3", "h4", "h5", "h6", "i", "ins", "kbd", "li", "mark", "p", "q", "s",
                                          "small", "span", "strong", "sub", "sup", "td", "th", "tr", "tt", "u", "wbr"]

    /// The first position at or after `from` where `pattern` starts in `chars`.
    static func find(_ pattern: [Character], in chars: [Character], from: Int) -> Int? {
        guard chars.count >= pattern.count else { return nil }
        var k = from
        while k + pattern.count <= chars.count {
            if chars[k ..< k + pattern.count].elementsEqual(pattern) { return k }
            k += 1
        }
        return nil
    }

    /// The text of a named HTML reference for a Latin letter or a space: a base letter and an
    /// accent (`eacute` → é, `Ccedil` → Ç, `ouml` → ö, composed), the ligatures and letters
    /// HTML names on their own (`szlig`, `aelig`, `oslash`, `eth`, `thorn`), `nbsp` (a space)
    /// and `shy` (a soft hyphen); nil for any other (`amp`, `lt`, …: left as written).
    static func namedLetter(_ name: String) -> String? {
        let own: [String: String] = ["nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ", "NonBreakingSpace": " ", "shy": "\u{00AD}",
                                     "szlig": "ß", "aelig": "æ", "AElig": "Æ", "oslash": "ø", "Oslash": "Ø", "eth": "ð", "ETH": "Ð",
                                     "thorn": "þ", "THORN": "Þ", "oelig": "œ", "OElig": "Œ", "Dstrok": "Đ", "dstrok": "đ", "Lstrok": "Ł",
                                     "lstrok": "ł", "Hstrok": "Ħ", "hstrok": "ħ", "Tstrok": "Ŧ", "tstrok": "ŧ", "inodot": "ı", "imath": "ı",
                                     // Quotation marks, which can hold a nickname.
                                     "quot": "\"", "apos": "'", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "lsquo": "\u{2018}",
                                     "rsquo": "\u{2019}", "bdquo": "\u{201E}", "sbquo": "\u{201A}", "laquo": "\u{00AB}",
                                     "raquo": "\u{00BB}", "lsaquo": "\u{2039}", "rsaquo": "\u{203A}"]
        if let t = own[name] { return t }
        let accents: [(String, String)] = [("acute", "\u{0301}"), ("grave", "\u{0300}"), ("circ", "\u{0302}"), ("tilde", "\u{0303}"),
                                           ("uml", "\u{0308}"), ("ring", "\u{030A}"), ("cedil", "\u{0327}"), ("caron", "\u{030C}"),
                                           ("macr", "\u{0304}"), ("breve", "\u{0306}"), ("ogon", "\u{0328}"), ("dblac", "\u{030B}"),
                                           ("dot", "\u{0307}")]
        guard let first = name.first, first.isASCII, first.isLetter else { return nil }
        for (suffix, mark) in accents where name.count == suffix.count + 1 && name.hasSuffix(suffix) {
            let composed = (String(first) + mark).precomposedStringWithCanonicalMapping
            return composed.unicodeScalars.count == 1 ? composed : nil
        }
        return nil
    }

    /// `s` with every run of percent escapes that spells valid UTF-8 decoded (`Nguy%E1%BB%85n`),
    /// and anything else, a bare `%` included (`50% of …`), as written; nil when nothing was
    /// decoded. Foundation's `removingPercentEncoding` gives up on the whole text at one bare `%`
    /// (helper-67).
    static func decodingPercentEscapes(_ s: String) -> String? {
        let bytes = Array(s.utf8)
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30 ... 0x39: return b - 0x30
            case 0x41 ... 0x46: return b - 0x41 + 10
            case 0x61 ... 0x66: return b - 0x61 + 10
            default: return nil
            }
        }
        var out: [UInt8] = [], changed = false
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            // A run of escapes, decoded together (one character may take several).
            var run: [UInt8] = [], j = i
            while j + 2 < bytes.count, bytes[j] == UInt8(ascii: "%"), let h = hex(bytes[j + 1]), let l = hex(bytes[j + 2]) {
                run.append(h << 4 | l)
                j += 3
            }
            if run.isEmpty { out.append(bytes[i]); i += 1; continue }
            if String(validating: run, as: UTF8.self) != nil, !run.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
                out += run
                changed = true
            } else {
                out += bytes[i ..< j]
            }
            i = j
        }
        return changed ? String(decoding: out, as: UTF8.self) : nil
    }

    private func replacingDecoded(in s: String, identifier: Bool, shortIDs: Bool, ownWords: Bool) -> String? {
        let named = replacingNames(in: s, identifier: identifier, shortIDs: shortIDs, ownWords: ownWords)
        let numbered = replacingNumbers(in: named ?? s, identifier: identifier)
        let tokened = replacingTokens(in: numbered ?? named ?? s, identifier: identifier, shortIDs: shortIDs)
        return tokened ?? numbered ?? named
    }

    /// `s` with every protected number written in another format replaced: a run of digit
    /// groups (separated by spaces, `-`, `.`, `/` or brackets, after an optional `+`) whose
    /// digits, leading zeros dropped, equal a number's or differ from it only by up to three
    /// leading digits (a country code: `+66 81 234 5678` for `081-234-5678`, and back).
    /// - Complexity: linear in `s` (at most six groups are joined from each).
    func replacingNumbers(in s: String, identifier: Bool) -> String? {
        guard !numbers.isEmpty, s.contains(where: \.isDigitForNumbers) else { return nil }
        let chars = Array(s)
        var out = ""
        var changed = false
        var cursor = 0, i = 0
        func alnum(_ k: Int) -> Bool { k >= 0 && k < chars.count && (chars[k].isLetter || chars[k].isNumber) }
        while i < chars.count {
            guard chars[i].isDigitForNumbers || (chars[i] == "+" && i + 1 < chars.count && chars[i + 1].isDigitForNumbers), !alnum(i - 1) else { i += 1; continue }
            // The run: digit groups and the separators between them.
            var groups: [(start: Int, end: Int)] = []
            var k = chars[i] == "+" ? i + 1 : i
            while k < chars.count {
                guard chars[k].isDigitForNumbers else { break }
                let b = k
                while k < chars.count && chars[k].isDigitForNumbers { k += 1 }
                groups.append((b, k))
                var g = k
                while g < chars.count && Self.isNumberSeparator(chars[g]) && g - k < 3 { g += 1 }
                guard g > k, g < chars.count, chars[g].isDigitForNumbers else { break }
                k = g
            }
            let runEnd = groups.last!.end
            if alnum(runEnd) { i = runEnd; continue }  // `5678abc`: not a number standing alone
            var a = 0
            while a < groups.count {
                var digits = ""
                var best: (end: Int, r: Replacement)?
                for b in a ..< min(a + 6, groups.count) {
                    digits += chars[groups[b].start ..< groups[b].end].map(\.asciiDigit)
                    let d = digits.drop { $0 == "0" }
                    guard d.count >= Self.minimumDigits, let candidates = numbers[d.suffix(Self.minimumDigits)] else { continue }
                    for c in candidates where d == c.digits[...]
                        || (d.hasSuffix(c.digits) && d.count - c.digits.count <= 3)
                        || (c.digits.hasSuffix(d) && c.digits.count - d.count <= 3) {
                        best = (b, c.replacement)
                        break
                    }
                }
                if let best {
                    // A `+` or an opening bracket just before the number goes with it, and the
                    // bracket's close after it (`+66 …`, `(089) …`, `[089] …`): `+Victim 1` and
                    // `(Survivor 1` would read as broken text.
                    var start = groups[a].start, end = groups[best.end].end
                    if start > cursor && chars[start - 1] == "+" { start -= 1 }
                    if start > cursor, let close = Self.closingBracket[chars[start - 1]] {
                        start -= 1
                        // Its close, unless the number closed it already (`(089) 123 4567)`).
                        if end < chars.count && chars[end] == close && !chars[groups[a].start ..< end].contains(close) { end += 1 }
                    }
                    out += String(chars[cursor ..< start])
                    out += identifier ? best.r.identifier : best.r.text
                    cursor = end
                    changed = true
                    a = best.end + 1
                } else {
                    a += 1
                }
            }
            i = runEnd
        }
        guard changed else { return nil }
        out += String(chars[cursor...])
        return out
    }

    /// Whether `c` separates the digit groups of a phone or id number: a space of any kind,
    /// `-`, `.`, `/`, a round or square bracket (helper-61: `[081] 234 5678` left its area
    /// code), or a dash (`–`, `—`, `‒`, `−`: a word processor's).
    static func isNumberSeparator(_ c: Character) -> Bool {
        " -./()[]\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2212}".contains(c) || c.isWhitespace
    }

    /// Brackets that go with a name a match opens or closes inside them ("Mai (Nguyen)",
    /// "Mai（Nguyen）", "Mai 【Nguyen】"), each with its close.
    static let namePairs: [(Character, Character)] = [("(", ")"), ("[", "]"), ("{", "}"), ("<", ">"), ("\u{3010}", "\u{3011}"),
                                                      ("\u{FF08}", "\u{FF09}"), ("\u{300C}", "\u{300D}"), ("\u{300E}", "\u{300F}"),
                                                      ("\u{FE59}", "\u{FE5A}")]

    /// Quotation marks, which languages pair differently: English “…” and ‘…’, German „…“ and
    /// ‚…‘, Polish „…”, French «…», Danish and German »…« and ›…‹, Swedish ”…”, and the straight
    /// `"` and `'` (an apostrophe between letters is not counted: ``isQuote(_:at:)``). Any one of them closes any other, beside a name (``bracketed(_:_:)``) as
    /// around a nickname between its words (``nicknameGroup(_:_:at:)``).
    static let quotes: Set<Character> = ["\"", "'", "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2018}", "\u{2019}", "\u{201A}",
                                         "\u{201B}", "\u{00AB}", "\u{00BB}", "\u{2039}", "\u{203A}"]

    /// The quotation marks whose pairs were counted before every language's were (`"`, `“ ”`,
    /// `‘ ’`, `« »`, `‹ ›`): one of them left open beside a match across punctuation refuses it.
    /// The scalars of ``namePairs`` and ``quotes``: a text without any has no mark
    /// ``bracketed(_:_:)`` reads.
    static let bracketScalars = Set((namePairs.flatMap { [$0.0, $0.1] } + Array(quotes)).flatMap(\.unicodeScalars))

    static let pairedQuotes: Set<Character> = ["\"", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}", "\u{2039}", "\u{203A}"]

    /// Quotation marks that can hold a nickname between a name's words: ``quotes``, the
    /// straight `'`, the full-width and CJK ones (`＂`, `＇`, `〝`, `〞`, `〟`). Any of them closes
    /// any other, as people mix them (`Mai "Mimi” Nguyen` after a word processor's autocorrect).
    static let nicknameQuotes: Set<Character> = quotes.union(["'", "\u{FF02}", "\u{FF07}", "\u{301D}", "\u{301E}", "\u{301F}"])

    /// Brackets that can hold a nickname, each with its close: ``namePairs`` and `《》`, `〈〉`,
    /// `⟨⟩`, `［］`, `｛｝`.
    static let nicknameBrackets: [Character: Character] = {
        var pairs: [Character: Character] = ["\u{300A}": "\u{300B}", "\u{3008}": "\u{3009}", "\u{27E8}": "\u{27E9}",
                                             "\u{FF3B}": "\u{FF3D}", "\u{FF5B}": "\u{FF5D}"]
        for (open, close) in namePairs { pairs[open] = close }
        return pairs
    }()

    /// Whether `s` holds a mark of ``nicknameMarks``: on bytes for ASCII text (a character set
    /// per character of every id and text was a third of redacting 100,000 entities).
    static func hasNicknameMark(_ s: String) -> Bool {
        for b in s.utf8 {
            if b >= 0x80 { return s.contains(where: nicknameMarks.contains) }
            if b == 0x22 || b == 0x27 || b == 0x28 || b == 0x29 || b == 0x3C || b == 0x3E || b == 0x5B || b == 0x5D || b == 0x7B || b == 0x7D { return true }
        }
        return false
    }

    /// Every mark of ``nicknameQuotes`` and ``nicknameBrackets``, opening or closing.
    static let nicknameMarks: Set<Character> = nicknameQuotes.union(nicknameBrackets.keys).union(nicknameBrackets.values)

    /// Whether the character at `k` of `s` is a quotation mark (``quotes``) and not an
    /// apostrophe (`’` or `'` between two letters: "O’Brien", "Nguyen's").
    static func isQuote(_ s: String, at k: String.Index) -> Bool {
        let c = s[k]
        guard quotes.contains(c) else { return false }
        guard c == "\u{2019}" || c == "'", k > s.startIndex, s[s.index(before: k)].isLetter else { return true }
        let next = s.index(after: k)
        return !(next < s.endIndex && s[next].isLetter)
    }

    /// `match` widened by the brackets (``namePairs``) and quotation marks (``quotes``) it
    /// opens or closes, their other halves just beside it, and whether
    /// every one has its other half there. Quotation marks are counted together, whatever their
    /// language (`„Mai“ Nguyen`, `“Mai” Nguyen`, `Mai »Nguyen«`): an odd number inside takes
    /// the one before the match, else the one after. A closing half a letter follows is not
    /// taken (’ is also an apostrophe: "‘Nguyen’s sister"), though it does close.
    static func bracketed(_ s: String, _ match: Range<String.Index>) -> (bounds: Range<String.Index>, closed: Bool) {
        // Most names hold no mark: then nothing is widened (a name is now read from every word,
        // and counting each pair's marks in every reading made redaction a third slower).
        guard s.unicodeScalars[match].contains(where: bracketScalars.contains) else { return (match, true) }
        var from = match.lowerBound, to = match.upperBound, closed = true
        func before(_ c: Character) -> Bool { from > s.startIndex && s[s.index(before: from)] == c }
        func after(_ c: Character) -> Bool { to < s.endIndex && s[to] == c }
        func takeAfter() {
            let next = s.index(after: to)
            if next == s.endIndex || !(s[next].isLetter || s[next].isNumber) { to = next }
        }
        for (open, close) in namePairs {
            var opens = 0, closes = 0
            for c in s[from ..< to] {
                if c == open { opens += 1 } else if c == close { closes += 1 }
            }
            if closes > opens { if before(open) { from = s.index(before: from) } else { closed = false } }
            if opens > closes { if after(close) { takeAfter() } else { closed = false } }
        }
        var marks = 0
        var k = from
        while k < to {
            if isQuote(s, at: k) { marks += 1 }
            k = s.index(after: k)
        }
        if marks % 2 == 1 {
            if from > s.startIndex, quotes.contains(s[s.index(before: from)]) {
                from = s.index(before: from)
            } else if to < s.endIndex, quotes.contains(s[to]) {
                takeAfter()
            } else if s[from ..< to].contains(where: pairedQuotes.contains) {
                // A mark left open refuses a match across punctuation only when it is one that
                // pairs in English or French: a lone `„`, `‚` or `'` between a name's words
                // (`Lan „Tran`) did not before, and does not (helper-74).
                closed = false
            }
        }
        return (from ..< to, closed)
    }

    /// Spaces, invisible characters, and the joiners people put around a nickname
    /// (`Mai-"Mimi"-Nguyen`, `Mai "Mimi" — Nguyen`); not `,`, which separates fields
    /// (`Mai,"Bangkok",Nguyen`: helper-72).
    static func isNicknameGlue(_ c: Character) -> Bool {
        c.isWhitespace || "-_+\u{2013}\u{2014}".contains(c) || c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .format }
    }

    /// Whether `c` separates the items of a list: a comma, a semicolon, a line break, a tab, a
    /// slash or a bar. A name is read across one (`Prasert, Somchai`), with less weight where
    /// another reading competes (``Match/doubt``).
    static func isListSeparator(_ c: Character) -> Bool {
        c.isNewline || ",;\t/|\u{FF0C}\u{3001}\u{FF1B}".contains(c)
    }

    /// Marks written with spaces inside them (French `« Mimi »`).
    static let spacedMarks: Set<Character> = ["\u{00AB}", "\u{00BB}", "\u{2039}", "\u{203A}"]

    /// A quoted or bracketed group between two words of a name (`Mai "Mimi" Nguyen`, `Mai
    /// „Mimi“ Nguyen`, `Mai (Mimi) Nguyen`, `Mai ("Mimi") Nguyen`, `Mai-"Mimi"-Nguyen`): the word
    /// after it, the group's text (marks included), and whether only spaces and joiners follow
    /// it before that word (else another group opens there). The gap before word `j` is
    /// spaces or joiners, then one or two opening marks set against the word (spaced only as
    /// French writes `« »`); words `j` onward (one to ``nicknameWords``) lie inside; the gap
    /// after them starts with the marks that close those (after any punctuation: `"Mimi!"`),
    /// then spaces or joiners. So `'Mai' and 'Nguyen'` holds no group: the mark after `Mai` is
    /// set against it (helper-72).
    static func nicknameGroup(_ s: String, _ words: [Word], at j: Int, after: String.Index? = nil)
        -> (next: Int, text: Range<String.Index>, glued: Bool)? {
        guard j > 0, j + 1 < words.count else { return nil }
        func opens(_ c: Character) -> Bool { nicknameQuotes.contains(c) || nicknameBrackets[c] != nil }
        let before = s[(after ?? words[j - 1].range.upperBound) ..< words[j].range.lowerBound]
        guard let start = before.firstIndex(where: { !isNicknameGlue($0) }) else { return nil }
        // One or two opening marks, then nothing but a symbol (`"💕Mimi"`), or spaces inside
        // brackets (`( Mimi )`, `« Mimi »`): inside quotation marks a space says the mark closes
        // something before it (`'Mai' and 'Nguyen'`, helper-72).
        let openers = Array(before[start...].prefix(while: opens))
        let inside = before[start...].dropFirst(openers.count)
        let spacedOK = openers.allSatisfy { spacedMarks.contains($0) || nicknameBrackets[$0] != nil }
        guard (1 ... 2).contains(openers.count), !inside.contains(where: nicknameMarks.contains),
              !inside.contains(where: \.isWhitespace) || spacedOK else { return nil }
        func closes(_ close: Character, _ open: Character) -> Bool {
            nicknameQuotes.contains(open) ? nicknameQuotes.contains(close) : nicknameBrackets[open] == close
        }
        for k in j + 1 ... min(j + nicknameWords, words.count - 1) {
            let gap = s[words[k - 1].range.upperBound ..< words[k].range.lowerBound]
            // An apostrophe inside a word (`O’Brien`, `Hung's`) is no mark.
            if gap.count == 1, gap.first == "'" || gap.first == "\u{2019}" { continue }
            guard let mark = gap.firstIndex(where: nicknameMarks.contains) else { continue }
            let closers = Array(gap[mark...].prefix(openers.count))
            guard closers.count == openers.count,
                  (0 ..< closers.count).allSatisfy({ closes(closers[$0], openers[openers.count - 1 - $0]) }),
                  !gap[..<mark].contains(where: \.isWhitespace) || spacedOK else { return nil }
            let end = gap.index(mark, offsetBy: closers.count)
            // After the close, joiners or nothing (`Mai(Mimi)Nguyen`, `田中（ユキ）由紀`), then the
            // next word or another group's opening; not a comma (a list: `Mai (17), Nguyen Thi
            // Lan (16)`, helper-74). A quotation mark touches the next word only where the
            // opening one touched the word before (`Mai"Mimi"Nguyen`), else it opens a quotation
            // of what follows (`Lan »Mimi said »Nguyen Van Hung`, helper-74).
            let rest = gap[end...].drop(while: isNicknameGlue)
            guard rest.isEmpty || opens(rest.first!) else { return nil }
            if end == gap.endIndex, !closers.allSatisfy({ nicknameBrackets.values.contains($0) }), start != before.startIndex { return nil }
            return (k, start ..< end, rest.isEmpty)
        }
        return nil
    }

    /// Most words a quoted or bracketed group between a name's words holds (`Mai "Little Miss
    /// Sunshine" Nguyen`, `Mai (a.k.a. Mimi) Nguyen`).
    static let nicknameWords = 8

    /// A quoted or bracketed group just after a name (`Mai Nguyen (Mimi) was moved`, `Mai Nguyen
    /// "Mimi"`, `"Mai Nguyen" (aka "Mimi")`, `田中由紀（ユキ）は`): its text (marks included) and
    /// the word after it (`words.count` at the text's end). Between the name's end (`after`) and
    /// the group only spaces and the marks that close around the name (`"`, `)`, `**`), not a
    /// line break, a tab, a comma or a colon (a list, a table, speech: helper-76); one or two
    /// opening marks set against the group's first word (spaced only inside brackets and
    /// French marks); up to ``trailingScan`` words inside, with no line break; the group closes
    /// at the first close of its outer mark (any quotation mark closes a quotation; a bracket
    /// its own close, quotation marks inside it allowed: `(aka "Mimi")`), and is followed by the
    /// text's end, a character that is not a letter or digit, or, after a bracket, a word of a
    /// script written without spaces (`（ユキ）は`).
    static func trailingGroup(_ s: String, _ words: [Word], at j: Int, after: String.Index) -> (next: Int, text: Range<String.Index>)? {
        guard j < words.count, after <= words[j].range.lowerBound else { return nil }
        let before = s[after ..< words[j].range.lowerBound]
        let trimmed = before[..<(before.lastIndex(where: { !$0.isWhitespace }).map(before.index(after:)) ?? before.startIndex)]
        var start = trimmed.endIndex
        var openers: [Character] = []
        while start > trimmed.startIndex, openers.count < 2 {
            let p = trimmed.index(before: start)
            guard nicknameQuotes.contains(trimmed[p]) || nicknameBrackets[trimmed[p]] != nil else { break }
            openers.insert(trimmed[p], at: 0)
            start = p
        }
        guard let outer = openers.first else { return nil }
        if trimmed.endIndex < before.endIndex, !openers.allSatisfy({ spacedMarks.contains($0) || nicknameBrackets[$0] != nil }) { return nil }
        // An apostrophe against the name is none (`NGUYEN'S SISTER"`: helper-77), nor is a
        // Markdown link's target or reference (`[Mai Nguyen](People)`, `[Mai Nguyen][1]`).
        if start == after, s[start] == "'" || s[start] == "\u{2019}", !isQuote(s, at: start) { return nil }
        if start > before.startIndex, s[s.index(before: start)] == "]" { return nil }
        // Nor is an HTML tag (`<b>`: helper-79).
        if outer == "<" { return nil }
        let closers: Set<Character> = nicknameBrackets[outer].map { [$0] } ?? nicknameQuotes
        let quoted = nicknameBrackets[outer] == nil
        func prefixAllows(_ c: Character) -> Bool {
            (c.isWhitespace && !c.isNewline && c != "\t") || quotes.contains(c) || bracketCloses.contains(c) || "*_~".contains(c)
        }
        guard before[..<start].allSatisfy(prefixAllows) else { return nil }
        for m in j ..< min(j + trailingScan, words.count) {
            let last = m + 1 == words.count
            let gap = last ? s[words[m].range.upperBound...] : s[words[m].range.upperBound ..< words[m + 1].range.lowerBound]
            guard !gap.contains(where: \.isNewline) || gap.firstIndex(where: closers.contains).map({ !gap[..<$0].contains(where: \.isNewline) }) == true else { return nil }
            // An apostrophe inside a word (`O’Brien`) closes no quotation.
            if quoted, !last, gap.count == 1, gap.first == "'" || gap.first == "\u{2019}" { continue }
            guard let close = gap.firstIndex(where: closers.contains) else { continue }
            var end = gap.index(after: close)
            // Brackets inside it closed (`((Mimi))` whole; `"(Mimi" left)` is no group: helper-77),
            // counted once and then as the close is taken further (helper-79: counting again at
            // each step was quadratic in a run of brackets).
            var unclosed: [Character: Int] = [:]
            for c in s[start ..< end] {
                if let close = nicknameBrackets[c] { unclosed[close, default: 0] += 1 } else if bracketCloses.contains(c) { unclosed[c, default: 0] -= 1 }
            }
            while end < gap.endIndex, let n = unclosed[gap[end]], n > 0 {
                unclosed[gap[end]] = n - 1
                end = gap.index(after: end)
            }
            guard !unclosed.values.contains(where: { $0 != 0 }) else { return nil }
            if end == gap.endIndex, !last {
                guard !quoted, let c = s[words[m + 1].range].first, isUnspaced(c) else { return nil }
            }
            return (m + 1, start ..< end)
        }
        return nil
    }

    /// An alias written after a name without brackets, after words that say one follows
    /// (`Nguyen Thi Lan, a.k.a. Mimi`, `Lan alias "Mimi"`, `Mai Nguyen, known as Mimi,`): the
    /// alias words and the alias, up to its last word (the comma after it stays). Between the
    /// name and the alias words only spaces, the quotation marks that close around the name
    /// (not a bracket's close), and one comma or dash, on one line. The alias words: `aka`,
    /// `a.k.a.`, `f/k/a`, `fka`, `alias`, `nicknamed`, `known as`, `also known as`, `better
    /// known as` (not `tức`, `geb.`, `née`, `goes by`, which begin other things too:
    /// helper-87). The alias: a quoted or bracketed
    /// group without a number (as ``trailingGroup(_:_:at:after:)`` reads one), or one word of
    /// three letters or more of a cased script that starts with a capital (capitals after a
    /// name in capitals), followed by the end, punctuation or a word in small letters: not by
    /// another capitalised word or a number after spaces (`aka Mimi Police said`, `known as
    /// Victim 2`), a colon (a label), a hyphen or an apostrophe (`Mimi-Rose`, `O'Brien`); after
    /// a name in capitals by no word at all. Such aliases are left whole: a word of the
    /// sentence is not eaten for them (helper-87, helper-88). The caller refuses an alias that
    /// stands in another entity's name present in the text.
    /// Words that start a sentence or stand for no alias, which a capital after an alias word
    /// does not make one (helper-89: `also known as The girl from Hanoi` had lost `The`, `alias
    /// None, age 17` its `None`).
    static let notAliases: Set<String> = ["the", "this", "that", "these", "those", "his", "her", "their", "our", "its", "none", "unknown",
                                          "nil", "null", "nobody", "not", "no", "same", "another", "other", "some", "one", "she", "he",
                                          "they", "and", "but", "who", "which", "police"]

    static func trailingAlias(_ s: String, _ words: [Word], at j: Int, after: String.Index, name: Substring) -> (next: Int, text: Range<String.Index>)? {
        guard j < words.count, after <= words[j].range.lowerBound else { return nil }
        var dashes = 0
        for c in s[after ..< words[j].range.lowerBound] {
            if c == "," || c == "-" || c == "\u{2013}" || c == "\u{2014}" {
                dashes += 1
            } else if !((c.isWhitespace && !c.isNewline && c != "\t") || quotes.contains(c) || "*_~".contains(c)) {
                // (not a bracket's close: `Hung (who trafficked Mai Nguyen) aka Tiger` is Hung's
                // alias: helper-89)
                return nil
            }
        }
        guard dashes <= 1 else { return nil }
        var k = j
        // Only spaces between an alias phrase's words; dots only inside `a.k.a.` (helper-88:
        // `aka. Police arrived` is a sentence's end).
        func spaced(_ m: Int) -> Bool {
            s[words[m - 1].range.upperBound ..< words[m].range.lowerBound].allSatisfy { $0.isWhitespace && !$0.isNewline }
        }
        func dotted(_ m: Int) -> Bool {
            let gap = s[words[m - 1].range.upperBound ..< words[m].range.lowerBound]
            return gap.filter { !$0.isWhitespace } == "." || gap == "/" || gap.allSatisfy { $0.isWhitespace && !$0.isNewline }
        }
        var abbreviated = false
        if k + 2 < words.count, ["a", "f"].contains(words[k].folded), words[k + 1].folded == "k", words[k + 2].folded == "a",
           dotted(k + 1), dotted(k + 2) {
            k += 3
            abbreviated = true
        } else if bareAliasWords.contains(words[k].folded) {
            k += 1
        } else {
            let phrases: [[String]] = [["also", "known", "as"], ["better", "known", "as"], ["known", "as"]]
            guard let p = phrases.first(where: { p in
                k + p.count < words.count && p.indices.allSatisfy { words[k + $0].folded == p[$0] && ($0 == 0 || spaced(k + $0)) }
            }) else { return nil }
            k += p.count
        }
        guard k < words.count else { return nil }
        // A quoted or bracketed alias: as one after the name (after `a.k.a.`'s last dot),
        // without a number.
        let aliasWordsEnd = abbreviated ? s[words[k - 1].range.upperBound...].prefix { $0 == "." }.endIndex : words[k - 1].range.upperBound
        if let g = trailingGroup(s, words, at: k, after: aliasWordsEnd) {
            return isNickname(words, k, g.next) ? (g.next, words[j].range.lowerBound ..< g.text.upperBound) : nil
        }
        // Else one word: after `a.k.a.` a dot and spaces, else spaces alone, any but a line
        // break (not `Alias: None`, a label: helper-88; a no-break space counts: helper-89).
        let before = s[words[k - 1].range.upperBound ..< words[k].range.lowerBound]
        guard (abbreviated ? before.drop { $0 == "." } : before[...]).allSatisfy({ $0.isWhitespace && !$0.isNewline }),
              !before.isEmpty || abbreviated else { return nil }
        let upperName = name.contains(where: \.isUppercase) && !name.contains(where: \.isLowercase)
        // The alias word (the token it starts: `McLane` is read as two words that touch): a
        // capital, then small letters or capitals, three letters or more, no digit, not a script
        // without spaces (two-letter words are as often another person's name: `aka Li`,
        // helper-88).
        var end = k + 1
        while end < words.count, words[end - 1].range.upperBound == words[end].range.lowerBound { end += 1 }
        let text = s[words[k].range.lowerBound ..< words[end - 1].range.upperBound]
        guard let first = text.first, first.isCased, first.isUppercase, text.count > 2, !isUnspaced(first),
              !text.contains(where: \.isNumber), upperName || text.contains(where: \.isLowercase),
              !notAliases.contains(words[k].folded) else { return nil }
        // What follows: the text's end, or a gap that is not a hyphen, an apostrophe or a colon
        // (`Mimi-Rose`, `O'Brien`, `Alias: Mimi Age:`), and not a word with a capital after
        // spaces (`aka Mimi Police said`, `aka Mimi Rose`: a second word may be the sentence's,
        // so the alias is left whole rather than either word taken: helper-88); after a name in
        // capitals, no word at all after spaces (`AKA MIMI WAS MOVED`).
        if end < words.count {
            let gap = s[words[end - 1].range.upperBound ..< words[end].range.lowerBound]
            if gap.contains(where: { "-'\u{2019}\u{2010}\u{2011}:".contains($0) }) && !gap.contains(where: \.isWhitespace) { return nil }
            if gap.contains(":") { return nil }
            if gap.allSatisfy({ $0.isWhitespace && !$0.isNewline }) {
                if upperName { return nil }
                // (nor a number: `known as Victim 2`, `Subject 12`: helper-89)
                if let c = s[words[end].range].first, c.isUppercase || c.isNumber { return nil }
            }
        }
        return (end, words[j].range.lowerBound ..< words[end - 1].range.upperBound)
    }

    /// The single words that say an alias follows, written without brackets (folded).
    static let bareAliasWords: Set<String> = ["aka", "alias", "nicknamed", "fka"]

    /// The words ``trailingAlias(_:_:at:after:name:)`` starts from (folded).
    static let aliasStarts = bareAliasWords.union(["a", "f", "also", "better", "known"])

    /// Every bracket of ``nicknameBrackets`` that closes.
    static let bracketCloses = Set(nicknameBrackets.values)

    /// Most words ``trailingGroup(_:_:at:after:)`` reads for a group's close: a script written
    /// without spaces counts a word a character (`（ミミちゃん）`).
    static let trailingScan = 16

    /// Most words of a group just after a name that have capitals (`Mai Nguyen (Little Miss
    /// Mimi)`): a nickname is short, and a longer group there is more often a description.
    static let trailingWords = 4

    /// Whether the group of words `from ..< to` just after a name is a nickname, taken with the
    /// name. After an alias word that says so (`aka`, `a.k.a.`, `alias`, `nicknamed`, `née`,
    /// `f/k/a`, `dite`, `geb.`, `tức`): whatever follows (`(aka Mimi, 17)`, `(aka "mimi")`).
    /// Otherwise, after any words that may introduce one (`also known as`, `called`, `born`,
    /// `goes by`, `real name`, `or`): no number, and every word with a capital, at most
    /// ``trailingWords`` of them, none an acronym or a single letter (`(PDF)`, `(IOM)`, `(F)`),
    /// or a word without case (`（ユキ）`, `(น้องมิมี่)`). A name written in small letters takes
    /// one or two words in small letters (`mai nguyen (mimi)`), one in capitals acronyms (`MAI
    /// NGUYEN (MIMI)`). Quoted speech and descriptions stay (`Mai Nguyen "I was beaten" said`, `Mai
    /// Nguyen (she was 17)`, `(called the police)`).
    static func isTrailingNickname(_ s: String, _ words: [Word], _ from: Int, _ to: Int, name: Substring) -> Bool {
        var k = from
        var sure = false
        while k < to {
            let w = words[k].folded
            if k + 2 < to, w == "a" || w == "f", words[k + 1].folded == "k", words[k + 2].folded == "a" { sure = true; k += 3; continue }
            if sureAliasWords.contains(w) { sure = true; k += 1; continue }
            if aliasWords.contains(w) { k += 1; continue }
            break
        }
        guard k < to else { return false }
        if sure { return true }
        guard isNickname(words, from, to) else { return false }
        // A name in small letters takes a word or two in small letters (`mai nguyen (mimi)`), not
        // speech (`mai nguyen "help me please"`: helper-77).
        // So in capitals (`MAI NGUYEN "I WAS BEATEN"`); a name in a script without case is
        // neither (`田中由紀 (deceased)` stays: helper-79).
        let lowerName = name.contains(where: \.isLowercase) && !name.contains(where: \.isUppercase)
        let upperName = name.contains(where: \.isUppercase) && !name.contains(where: \.isLowercase)
        guard !(lowerName || upperName) || to - k <= 2 else { return false }
        var capitals = 0
        for m in k ..< to {
            let text = s[words[m].range]
            guard let c = text.first else { return false }
            guard c.isCased else { continue }
            capitals += 1
            if lowerName { continue }
            guard c.isUppercase else { return false }
            if !upperName, text.count == 1 || !text.contains(where: \.isLowercase) { return false }
        }
        return capitals <= trailingWords
    }

    /// Words that say an alias follows, whatever it is (folded: `née` is `nee`, `tức` `tuc`).
    static let sureAliasWords: Set<String> = ["aka", "alias", "nicknamed", "nickname", "nee", "fka", "dite", "geb", "tuc"]
    /// Words that may introduce an alias (`also known as Mimi`, `called Mimi`, `goes by Mimi`)
    /// and also a description (`called the police`): what follows them must read as a name.
    static let aliasWords: Set<String> = ["also", "known", "as", "called", "born", "real", "name", "goes", "by", "or", "formerly", "dubbed"]

    /// Whether words `from ..< to` are taken with the name rather than kept beside its
    /// replacement: any group without a number (a nickname, an alias, a maiden name: `Mimi`,
    /// `known as Mimi`, `née Tran`, `lil mimi`; helper-73 found the lower-case ones kept beside
    /// the pseudonym). A group with a number (`age 17`, `born 2001`, a phone) is kept beside it.
    static func isNickname(_ words: [Word], _ from: Int, _ to: Int) -> Bool {
        !(from ..< to).contains { m in words[m].folded.contains(where: \.isNumber) }
    }

    /// The brackets that open an area code, each with its close.
    static let closingBracket: [Character: Character] = ["(": ")", "[": "]"]

    /// `s` with every short original that stands as a whole token replaced; nil when none does.
    /// In free text only the short originals replaced there (``Replacement/inText``), spelt
    /// exactly so; in an id-bearing field every one, in any case (`V1` for the id `v1`).
    func replacingTokens(in s: String, identifier: Bool, shortIDs: Bool? = nil) -> String? {
        let anyCase = shortIDs ?? identifier
        guard !tokens.isEmpty, !s.isEmpty else { return nil }
        var out = ""
        var cursor = s.startIndex
        var changed = false
        var i = s.startIndex
        var afterWord = false
        while i < s.endIndex {
            let c = s[i]
            let isWord = Self.isTokenCharacter(c)
            // A token starts where a word does: not inside `kv2`.
            if isWord && !afterWord, let lowerFirst = c.lowercased().first, let candidates = tokensByFirst[lowerFirst] {
                let rest = s[i...]
                let hit = candidates.lazy.compactMap { o -> (Replacement, String.Index)? in
                    guard let t = tokens[o] else { return nil }
                    let end: String.Index
                    if anyCase {
                        guard let e = rest.index(i, offsetBy: o.count, limitedBy: s.endIndex),
                              rest[i ..< e].lowercased() == o else { return nil }
                        end = e
                    } else {
                        guard t.replacement.inText, rest.hasPrefix(t.spelling) else { return nil }
                        end = s.index(i, offsetBy: t.spelling.count)
                    }
                    // …and ends where a word does: not inside `v20`.
                    return end == s.endIndex || !Self.isTokenCharacter(s[end]) ? (t.replacement, end) : nil
                }.first
                if let (r, end) = hit {
                    out += s[cursor ..< i]
                    out += identifier ? r.identifier : r.text
                    cursor = end
                    changed = true
                    i = end
                    afterWord = false
                    continue
                }
            }
            afterWord = isWord
            i = s.index(after: i)
        }
        guard changed else { return nil }
        out += s[cursor...]
        return out
    }

    /// Whether `c` is a letter, a digit or a combining mark: what tokens and words are made of.
    static func isTokenCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark }
    }

    /// Whether `s` can be found as a token: letters and digits, possibly joined by `-`, `_` or
    /// `.`, starting and ending with a letter or digit.
    static func isToken(_ s: String) -> Bool {
        guard let first = s.first, let last = s.last, isTokenCharacter(first), isTokenCharacter(last) else { return false }
        return s.allSatisfy { isTokenCharacter($0) || "-_.".contains($0) }
    }

    /// `s` with every name matched by its words replaced; nil when none is. A name's last word
    /// may go on with digits (`Somchai_Prasert2`, the e-mail `somchai.prasert85@…`, the id
    /// `mai-tran2`), and its first word start with them (`2mai-tran`): the digits are replaced
    /// with it. A short name (fewer than
    /// ``minimumLength`` letters) is replaced only as the whole text, and a short id only so in
    /// an id-bearing field.
    /// A name found in a text: its last word, its replacement, the groups between its words
    /// kept beside the replacement, how many of its words it does not read as a protected name's
    /// (``Reading/score``: a group's words, but the protected names' in one kept beside it, and
    /// for a name read in another order, words that stand in another entity's name written
    /// across its edge), and whether it departs from the name as written: read in another order,
    /// or, in its order, across what separates the items of a list. (A name in another order
    /// is not doubted twice for a separator: `Prasert, Somchai` and `Lopez; Anh` are how such
    /// names are written; helper-84 found rows of a table read across their line breaks.)
    private struct Match {
        var end: Int
        var replacement: String
        var kept: [Range<String.Index>] = []
        var unread = 0
        var doubt = 0
        /// Whether it is another person's name holding a protected one (``Replacement/holder``):
        /// it takes no nickname after it.
        var holder = false
        /// How many characters at the end of its last word it leaves (a Korean particle: 은 of
        /// `이수진은`).
        var trim = 0
    }

    /// One way to read a name in a text from a word: its match, the text it replaces (`from ..<
    /// to`: its words, the brackets they open or close, and the nicknames just after them that
    /// it takes), the marks that close around it and stay after its replacement, the word after
    /// it, and its score: twice the words of protected names it reads (its own, those of the
    /// protected names in a group kept beside it, and in a nickname after it that it takes),
    /// less one where it departs from the name as written (``Match/doubt``), so that it gives
    /// way to one that reads as many words without (helper-82: `Thi Lan, Tran` read as
    /// the victim Tran Thi Lan had won over Nguyen Thi Lan; helper-83: `Hoang, Phuong` across
    /// the comma of `Mai Hoang, Phuong Pham` had won over the victim Hoang Mai, reordered).
    private struct Reading {
        var match: Match
        var from: String.Index
        var to: String.Index
        var closing: String
        var next: Int
        var score: Int
    }

    /// `s` with every protected name replaced, nil when none is found.
    /// - Parameter nicknames: whether a name is also read across quoted or bracketed groups
    ///   between its words; false inside such a group (so no group is read inside another).
    private func replacingNames(in s: String, identifier: Bool, shortIDs: Bool, ownWords: Bool, nicknames: Bool = true) -> String? {
        guard !names.isEmpty, !s.isEmpty else { return nil }
        let words = Self.words(s)
        guard !words.isEmpty else { return nil }
        var out = ""
        var cursor = s.startIndex
        var changed = false
        /// Whether words i through j stand inside another entity's name of several words, as
        /// written in the text (`Mai` in "Chiang Mai", `Hoa Le` in "Hoa Le Trading").
        func insidePhrase(_ i: Int, _ j: Int) -> Bool {
            standing(i).contains { $0.upperBound >= j && $0.count > j - i + 1 }
        }
        // ``standing(_:)``'s answers, each worked out once a text: a word such as "nguyen" can
        // stand in thousands of other entities' names, and each reading through it asked again
        // (helper-82: 3,000 brokers "Nguyen Van …" made redaction three times slower).
        var standingAt = [[ClosedRange<Int>]?](repeating: nil, count: words.count)
        // The Korean endings of each word (``koreanEndingLengths(_:)``), worked out once a text.
        var koreanCutsAt: [[Int]?] = []
        func koreanCuts(_ k: Int) -> [Int] {
            if koreanCutsAt.isEmpty { koreanCutsAt = [[Int]?](repeating: nil, count: words.count) }
            if let known = koreanCutsAt[k] { return known }
            let cuts = Self.koreanEndingLengths(words[k].folded)
            koreanCutsAt[k] = cuts
            return cuts
        }
        /// The words of the other entities' names of several words that are written over word
        /// `k` (``stands(_:at:)``).
        func standing(_ k: Int) -> [ClosedRange<Int>] {
            if let known = standingAt[k] { return known }
            var out: [ClosedRange<Int>] = []
            for (phrase, at) in phrasesByWord[words[k].folded] ?? [] where stands(phrase, at: k - at) {
                out.append(k - at ... k - at + phrase.count - 1)
            }
            standingAt[k] = out
            return out
        }
        /// Whether `phrase` is written at word `start`: its words there, joined by the narrow
        /// rule's joiners.
        func stands(_ phrase: [String], at start: Int) -> Bool {
            guard start >= 0, start + phrase.count <= words.count else { return false }
            for m in 0 ..< phrase.count {
                if m > 0 && !Self.isSeparator(s[words[start + m - 1].range.upperBound ..< words[start + m].range.lowerBound], joinersOnly: true) { return false }
                if words[start + m].folded != phrase[m] { return false }
            }
            return true
        }
        /// Whether another entity's name of several words, as written in the text, shares some
        /// of words i through j and goes on past them ("Mai (Nguyen Van Hung's niece)": the
        /// victim Mai Nguyen's match would take the recruiter's first word; helper-66). A name
        /// that holds all of them ("Mai Nguyen Trading") does not cross them.
        func crossesPhrase(_ i: Int, _ j: Int) -> Bool {
            crossingWords(i, j, skipping: []) > 0
        }
        /// Whether the words `span` of another entity's name overlap words i through j, neither
        /// holding them nor held by them.
        func crosses(_ span: ClosedRange<Int>, _ i: Int, _ j: Int) -> Bool {
            (span.lowerBound > i || span.upperBound < j) && (span.lowerBound < i || span.upperBound > j)
        }
        /// Whether words `from ..< to` hold another entity's name of several words, its words
        /// in a row (at most ``nicknameWords``, so at most ten runs are looked up).
        func holdsOtherName(_ from: Int, _ to: Int) -> Bool {
            for a in from ..< to {
                var joined = words[a].folded
                // Another entity's one-word name (a recruiter "Tiger", a site "Pattaya").
                if otherNames.contains(joined) { return true }
                for b in a + 1 ..< to {
                    joined += words[b].folded
                    // Another entity's name, or a protected person's in any order (kept as their
                    // pseudonym: "Victim 1 (Victim 2)", helper-72).
                    if otherNames.contains(joined) || names[joined] != nil || rotated[joined] != nil { return true }
                }
            }
            return false
        }
        /// How many of words `from ..< to` are read as protected names ending among them, from
        /// the left (names read as where no group is crossed).
        func protectedWords(_ from: Int, _ to: Int) -> Int {
            var n = 0, a = from
            while a < to {
                if let m = match(from: a, first: words[a].folded), m.end < to {
                    n += m.end - a + 1
                    a = m.end + 1
                } else {
                    a += 1
                }
            }
            return n
        }
        /// How many of words i through j stand in another entity's name, as written in the
        /// text, that crosses them (``crossesPhrase(_:_:)``): `Tuan, Hoang Van` read as the victim
        /// Hoang Van Tuan in `Tran Tuan, Hoang Van Phuong` is one word of a name, not three
        /// (helper-81). Asked of names read in another order only: one read as written stands
        /// whatever crosses it (helper-82: a recruiter "Hoa Nguyen" across the comma of `Le Hoa,
        /// Nguyen Thi Lan` had cut the victim's reading).
        func crossingWords(_ i: Int, _ j: Int, skipping skipped: IndexSet) -> Int {
            guard j > i else { return 0 }
            return (i ... j).filter { k in !skipped.contains(k) && standing(k).contains { crosses($0, i, j) } }.count
        }
        /// Whether every bracket that words i through j open or close inside them is closed or
        /// opened just beside them ("Mai (Nguyen)"), as the replacement takes it; not
        /// "Nguyen (Mai's recruiter)", where the bracket holds more than the name.
        func bracketsClose(_ i: Int, _ j: Int) -> Bool {
            Self.bracketed(s, words[i].range.lowerBound ..< words[j].range.upperBound).closed
        }
        /// Whether words i through j are another entity's name or id, its words in any order
        /// ("An Nguyen" for the recruiter "Nguyen An").
        func isOrdinaryPhrase(_ i: Int, _ j: Int) -> Bool {
            guard let holders = phrasesByWord[words[i].folded] else { return false }
            let here = words[i ... j].map(\.folded).sorted()
            return holders.contains { phrase, _ in phrase.count == j - i + 1 && phrase.sorted() == here }
        }
        /// Whether word k is a day (1–31) or a year (1900–2100) joined to its neighbour by spaces
        /// only (the neighbour after it when `gapAfter`).
        func dateNumber(_ k: Int, gapAfter: Bool) -> Bool {
            guard k >= 0, k < words.count, let v = Int(words[k].folded) else { return false }
            guard (1 ... 31).contains(v) || (1900 ... 2100).contains(v) else { return false }
            let gap = gapAfter ? s[words[k].range.upperBound ..< words[k + 1].range.lowerBound]
                               : s[words[k - 1].range.upperBound ..< words[k].range.lowerBound]
            return !gap.isEmpty && gap.allSatisfy(\.isWhitespace)
        }
        // Whether name `key`, read over words i through j, is replaced there.
        func accepts(_ key: String, _ r: Replacement, from i: Int, through j: Int) -> Bool {
            if !r.inText && !shortIDs { return false }
            if r.shared && j == i && insidePhrase(i, i) { return false }
            // A month or weekday with a day or a year beside it, spaces only between, is a date
            // ("3 May 2023", "May 3"), not the alias ("paid May 500", "2023. May was held").
            if r.calendar && (dateNumber(i - 1, gapAfter: true) || dateNumber(j + 1, gapAfter: false)) { return false }
            // A one-word name left of a title ("Ms Rose"): not in small letters ("prices rose").
            if r.capitalized || (ownWords && r.oneWord), let f = s[words[i].range].first, f.isLowercase { return false }
            if Self.weight(key) >= Self.minimumLength { return true }
            return i == 0 && j == words.count - 1 && s[s.startIndex ..< words[0].range.lowerBound].isEmpty
                && s[words[j].range.upperBound...].isEmpty
        }
        // The longest name found from word i, its first word read as `first`; with
        // `nicknames`, across quoted or bracketed groups between its words (`Mai "Mimi"
        // Nguyen`) wherever the name goes on after one, else only where the words join.
        func match(from i: Int, first: String, nicknames: Bool = false) -> Match? {
            matches(from: i, first: first, nicknames: nicknames).last
        }
        // Every name found from word i, shortest first, as ``match`` finds the longest.
        func matches(from i: Int, first: String, nicknames: Bool = false) -> [Match] {
            // Read across a group, a name starts at no word that ends another entity's name
            // (helper-72: "Chiang Mai "Night Bazaar" Nguyen Hue" is two places).
            if nicknames, standing(i).contains(where: { $0.lowerBound < i }) {
                return []
            }
            var found: [Match] = []
            // Join words i, i+1, … while the gaps between them are separators and the joined
            // letters are still a prefix of some name.
            var joined = ""
            var j = i
            // Whether a gap so far needed the broad rule (a bracket, `#`, an emoji: not a joiner
            // of ids and lists). Such a match, new in this rule, is taken only where its
            // brackets close beside it and none of its words stands in another entity's name
            // ("Mai (Nguyen Van Hung's niece)" and "Nguyen (Mai's recruiter)" are not the victim
            // Mai Nguyen: helper-66).
            var broad = false
            // Only a match the broad rule made is turned down: one joined as before stands even
            // where it takes a word of another's name ("Mai Nguyen, Hue" beside the site
            // "Nguyen Hue"): a protected name is never left whole to spare another's (helper-67).
            func broadAllows(_ j: Int) -> Bool {
                !broad || (bracketsClose(i, j) && !crossesPhrase(i, j) && !(i ... j).contains { !skipped.contains($0) && insidePhrase($0, $0) })
            }
            // The words of the groups skipped between the name's words, and the groups that
            // hold another entity's name ("Mai (Sean O'Brien) Nguyen"): those are kept, beside
            // the name's replacement (helper-70).
            var skipped = IndexSet()
            var unread = 0
            // Whether a gap so far separates the items of a list (``isListSeparator(_:)``).
            var listed = false
            var kept: [Range<String.Index>] = []
            var groups = 0
            // The words of a group skipped between the name's words that start a name: a name's
            // words in another order are read across such a group only where each is a name of
            // the same person (helper-95: `James "Tommy" Thomas`, the victim Thomas James with her
            // alias Tommy, had left `James "Victim 1" Thomas`; helper-72: not `Lan, "Mai"
            // Nguyen` for Nguyen Thi Lan, Mai being another's).
            var groupNames: [String] = []
            func rotatable(_ r: Replacement?) -> Replacement? {
                guard let r else { return nil }
                return groupNames.allSatisfy { names[$0].map { !$0.holder && $0.text == r.text } ?? false } ? r : nil
            }
            // Whether every gap so far is how one name's words are written (``isNameGap(_:)``):
            // not a sentence's end (`Anna Maria. Rossi`).
            var tight = true
            // Another person's name holding a protected one (``Replacement/holder``): in texts
            // only, its words joined as written, not across a list's separator, each word
            // capitalised as a name is (``holderCase(_:_:inCapitals:)``), and in a script written
            // without spaces not running on into the next character (helper-90: `张伟东莞打工`
            // is the victim 张伟 in Dongguan, 东莞, not the recruiter 张伟东).
            // In an id, in any case: it reads `withheld` there (`home-of-james-thomas`).
            func holderAllows(_ r: Replacement, through j: Int) -> Bool {
                guard r.holder else { return true }
                guard tight, skipped.isEmpty, !listed else { return false }
                if j + 1 < words.count, Self.isUnspaced(s[words[j].range].last!), words[j + 1].range.lowerBound == words[j].range.upperBound {
                    return false
                }
                return identifier || (i ... j).allSatisfy { Self.holderCase(s[words[$0].range], words[$0].folded, inCapitals: r.holderInCapitals) }
            }
            // The name `key` read over words i through j, less the last `trim` characters of word
            // j, if it is one there.
            // Another order or a shorter form of a name (`Nguyen An` for `Nguyễn Văn An`) that
            // is, word for word, another entity's own name is that entity.
            // Not across a group that holds a word a name starts with (helper-72: "Lan,
            // "Mai" Nguyen" read as Nguyen Thi Lan).
            // A holder's reading gives way to a protected one that reads as many words.
            // A holder not read here leaves a protected name in another order to be read, even
            // where it stands as the holder's own phrase (`Сергей "Mimi" Мария`, the victim Мария
            // Сергей across a nickname; helper-94: `ハナコ タナカが来た`, the witness タナカ ハナコ
            // with a particle written on, beside a broker ハナコ ﾀﾅｶ).
            // Where such a holder is refused in a text, its words are still both persons' (either
            // may be meant): read with the protected reading's rules, they take the holder's
            // marker, `[name withheld]`, not the protected person's pseudonym (`hassan-ali drove
            // him`, the broker Hassan Ali's id, beside the victim Ali Hassan, had read `Victim 3
            // drove him`); in a list they are the protected person's, written family name first
            // (`James, Thomas` for the victim Thomas James). Not in an id, where a holder is read
            // in any case (`home-of-withheld`) and a refused one lets no other order through (the
            // recruiter's id `james-thomas` had become the victim's).
            func refusedHolder(_ named: Replacement?, _ direct: Replacement?) -> Replacement? {
                !identifier && named?.holder == true && direct == nil ? named : nil
            }
            // A protected name in a third order, whose words are a holder's too (the victim
            // Nguyen Thi Lan, the recruiter Lan Nguyen Thi: `Lan Thi Nguyen`), is either person's:
            // it had been left in clear, as the holder's phrase in another order; in an id it
            // reads `withheld` (helper-97: `home-of-lan-thi-nguyen` had kept it). (In a list, like
            // a refused holder, the protected person's: `Lan, Thi Nguyen`.)
            func thirdOrderHolder(_ i: Int, _ j: Int) -> Replacement? {
                guard j > i, !holdersByWords.isEmpty else { return nil }
                return holdersByWords[words[i ... j].map(\.folded).sorted().joined(separator: " ")]
            }
            func add(_ key: String, through j: Int, trim: Int = 0) {
                let named = names[key]
                let direct = named.flatMap { holderAllows($0, through: j) ? $0 : nil }
                let refused = refusedHolder(named, direct) ?? (direct == nil ? thirdOrderHolder(i, j) : nil)
                // (The phrases asked only of a name read in another order.)
                if let r = direct ?? (j > i ? rotatable(rotated[key]).flatMap { refused != nil || (!isOrdinaryPhrase(i, j) && !insidePhrase(i, j)) ? $0 : nil } : nil),
                   broadAllows(j), accepts(key, r, from: i, through: j) {
                    let shown = (listed ? nil : refused) ?? r
                    found.append(Match(end: j, replacement: identifier ? shown.identifier : shown.text, kept: kept,
                                       unread: unread + (direct == nil ? crossingWords(i, j, skipping: skipped) : 0),
                                       doubt: (direct == nil || listed ? 1 : 0) + (r.holder ? 1 : 0), holder: r.holder, trim: trim))
                }
            }
            while j < words.count {
                // A quoted or bracketed group between two words of the name (two at most), where
                // the name goes on after it: skipped, and replaced with the name. A group is
                // closed by its own marks, so the name's words around it join as before: not
                // broad (helper-70: "Mai "Mimi" Nguyen, Hue" beside the site "Nguyen Hue").
                if nicknames, j > i, groups < 2, let first = Self.nicknameGroup(s, words, at: j) {
                    // One group, or two in a row (`Mai "Mimi" "Bee" Nguyen`); after the last,
                    // only spaces and joiners: the name does not go on into a group that opens
                    // there (helper-72: "Mai "Mimi" (Nguyen Van Hung's niece)").
                    var chain = [(start: j, group: first)]
                    if !first.glued, let second = Self.nicknameGroup(s, words, at: first.next, after: first.text.upperBound) {
                        chain.append((first.next, second))
                    }
                    let next = chain.last!.group.next
                    if chain.last!.group.glued, isPrefixOfName(joined + words[next].folded) {
                        for (start, group) in chain {
                            skipped.insert(integersIn: start ..< group.next)
                            groupNames += (start ..< group.next).map { words[$0].folded }.filter(isPrefixOfName)
                            // A nickname goes with the name; any other group (a description,
                            // another entity's name, another protected person's) is kept beside
                            // the replacement, itself redacted.
                            // In an id nothing is kept (a group would put a space into it).
                            let other = !identifier && holdsOtherName(start, group.next)
                            if other || (!identifier && !Self.isNickname(words, start, group.next)) { kept.append(group.text) }
                            // Its words are read as names' only where it is kept beside with
                            // another's name, which is then redacted in its turn (`Tran "Nguyen
                            // Thi Lan" Mai`), not where it goes into the replacement (helper-81:
                            // `Tran «Duc» and Lan "Tran"` read as Duc Tran across `» and Lan "`).
                            unread += group.next - start - (other ? protectedWords(start, group.next) : 0)
                        }
                        groups += chain.count
                        j = next
                    }
                }
                if skipped.contains(j - 1) {
                    // Just past a group: its close is the gap.
                } else if j > i {
                    let gap = s[words[j - 1].range.upperBound ..< words[j].range.lowerBound]
                    if gap.contains(where: Self.isListSeparator) { listed = true }
                    if tight && !Self.isNameGap(gap) { tight = false }
                    if !Self.isSeparator(gap, joinersOnly: true) {
                        guard Self.isSeparator(gap) else { break }
                        broad = true
                    }
                }
                let w = j == i ? first : words[j].folded
                // The word without the digits that end it: `prasert85` → `prasert`.
                if let last = w.last, last.isNumber, w.first?.isNumber == false {
                    let letters = joined + w.prefix { !$0.isNumber }
                    let direct = names[letters].flatMap { holderAllows($0, through: j) ? $0 : nil }
                    let refused = refusedHolder(names[letters], direct)
                    if w.drop(while: { !$0.isNumber }).allSatisfy(\.isNumber), let r = direct ?? (j > i ? rotatable(rotated[letters]) : nil),
                       broadAllows(j),
                       Self.weight(letters) >= Self.minimumLength, r.inText || shortIDs,
                       !((r.capitalized || (ownWords && r.oneWord)) && s[words[i].range].first?.isLowercase == true) {
                        found.append(Match(end: j, replacement: identifier ? r.identifier : ((listed ? nil : refused) ?? r).text, kept: kept,
                                           unread: unread + (direct == nil ? crossingWords(i, j, skipping: skipped) : 0),
                                           doubt: (direct == nil || listed ? 1 : 0) + (r.holder ? 1 : 0), holder: r.holder))
                    }
                }
                // A Korean name with a particle or a title written onto its last word (`이수진은`,
                // `이수진씨의`): the name, the ending kept after its replacement (`Victim 1은`).
                // Not a name too short to be found inside texts (helper-91: the victim 김민
                // made `김민아` read `Victim 1아`).
                // (Each word's endings are worked out once a text; the ending is cut in the text
                // as in the folded word, so only where the two have as many characters.)
                if !identifier, let last = w.unicodeScalars.last, (0xAC00 ... 0xD7A3).contains(last.value), w == words[j].folded {
                    for cut in koreanCuts(j) {
                        let key = joined + String(String.UnicodeScalarView(w.unicodeScalars.dropLast(cut)))
                        if names[key] != nil || rotated[key] != nil, Self.weight(key) >= Self.minimumLength, s[words[j].range].count == w.count {
                            add(key, through: j, trim: cut)
                        }
                    }
                }
                joined += w
                guard isPrefixOfName(joined) else { break }
                add(joined, through: j)
                j += 1
            }
            return found
        }
        // Whether the text (not an id: helper-72 found a kept group putting a space into one) has
        // a quotation mark or a bracket: only then can a nickname stand between a name's words,
        // and only then is the second reading (``match``'s `nicknames`) made.
        let marked = nicknames && Self.hasNicknameMark(s)
        // Whether a word may start an alias written without brackets (`a.k.a. Mimi`).
        let aliased = nicknames && !identifier && words.contains { Self.aliasStarts.contains($0.folded) }
        // Whether another name starts at word `k` and goes on past it: a protected person's
        // (`Mai (17), Nguyen Thi Lan`) or another entity's (`Mai (17) Nguyen Van Hung`). A name
        // read across a group does not take that word (helper-74: lists of people with ages).
        // With `nicknamesOnly` (the groups crossed are all nicknames), another entity's name
        // gives way: a protected name is never left whole to spare another's (helper-67), so
        // `Mai "Mimi" Nguyen, Hue` beside the site "Nguyen Hue" is `Victim 1, Hue`.
        // A protected name there read in another order or across a list's separator does not
        // count: it had kept `Kozlov "Mimi" Petrov / Kozlov` from being read at all, as `Petrov
        // / Kozlov`, the victim Kozlov Petrov reversed across the slash, started at `Petrov`,
        // leaving her name and nickname in clear beside it (helper-105). It does where word k
        // starts a new item (a list's separator before it: `Ali "Mimi"\nGrace Hassan`), and so
        // does another person's name holding a protected one (`Петров "Mimi" - Мария Петров`
        // beside the recruiter Мария Петров): read on, the name had swallowed their first word
        // (helper-106).
        func startsLonger(_ k: Int, nicknamesOnly: Bool) -> Bool {
            let newItem = k > 0 && s[words[k - 1].range.upperBound ..< words[k].range.lowerBound].contains(where: Self.isListSeparator)
            if matches(from: k, first: words[k].folded).contains(where: { $0.end > k && ($0.doubt == 0 || $0.holder || newItem) }) { return true }
            if nicknamesOnly { return false }
            return standing(k).contains { $0.lowerBound == k && $0.count > 1 }
        }
        // Whether a quotation mark or bracket stands in a gap after words `from` through
        // `through + 1`: only there can a group make the reading across go further.
        func markFollows(_ from: Int, _ through: Int) -> Bool {
            let last = min(through + 1, words.count - 2)
            guard from <= last else { return false }
            for m in from ... last
            where s[words[m].range.upperBound ..< words[m + 1].range.lowerBound].contains(where: Self.nicknameMarks.contains) { return true }
            return false
        }
        // The ways to read a name from word `i`, and the text each replaces: the longest name
        // with the nicknames just after it that it takes, then with fewer of them, then each
        // shorter name found there (a one-word victim "Mai" in `Mai, Nguyen Thi Lan`).
        func ways(at i: Int) -> [Reading] {
            let w = words[i].folded
            var found = matches(from: i, first: w)
            // The name read across nicknames too, when that reading goes further (helper-70:
            // `Mai "Lan" Nguyen` beside a victim "Mai Lan Tran" had stopped at "Mai Lan").
            // Only from a word a name can start with: a second reading of every word of a text
            // with a quotation mark had made redaction half as slow again (helper-72); taken
            // where it goes further (helper-73: a first-name alias had stopped it).
            if marked, isPrefixOfName(w), markFollows(i, found.last?.end ?? i) {
                let across = matches(from: i, first: w, nicknames: true)
                if let a = across.last, a.end > (found.last?.end ?? -1),
                   !startsLonger(a.end, nicknamesOnly: !identifier && a.kept.isEmpty) { found = across }
            }
            // A title and one word of a name (`Mr Prasert`, `Khun Somchai`), when no whole name
            // starts there or at the next word.
            if found.isEmpty, !identifier, Self.titles.contains(w), i + 1 < words.count,
               let r = titledWords[words[i + 1].folded],
               Self.isSeparator(s[words[i].range.upperBound ..< words[i + 1].range.lowerBound], joinersOnly: true),
               match(from: i + 1, first: words[i + 1].folded) == nil {
                found = [Match(end: i + 1, replacement: r.text)]
            }
            // A first word that starts with digits (`2mai-tran`, `85somchai.prasert`): the name
            // after them, the digits replaced with it. Only when the name is long enough to be
            // found inside texts.
            if found.isEmpty, w.first?.isNumber == true, w.contains(where: { !$0.isNumber }) {
                let letters = String(w.drop { $0.isNumber })
                if letters.first?.isNumber == false, let m = match(from: i, first: letters),
                   words.indices.contains(m.end) {
                    var key = letters
                    for k in i + 1 ..< m.end + 1 { key += words[k].folded }
                    if Self.weight(key) >= Self.minimumLength { found = [m] }
                }
            }
            var out: [Reading] = []
            for (n, m) in found.reversed().enumerated() {
                let end = m.end
                // A number's `+` goes with it (`+639171234567`), as in the number pass.
                var from = words[i].range.lowerBound
                if words[i].folded.first?.isNumber == true, from > s.startIndex, s[s.index(before: from)] == "+" { from = s.index(before: from) }
                // A bracket the match opens or closes goes with it, and its other half beside
                // it: "Mai (Nguyen)" and "(089) 123 4567" are replaced whole, not as
                // "Victim 1)" or "(Victim 1".
                let stop = m.trim > 0 ? s.index(words[end].range.upperBound, offsetBy: -m.trim) : words[end].range.upperBound
                let span = Self.bracketed(s, from ..< stop)
                var r = Reading(match: m, from: span.bounds.lowerBound, to: span.bounds.upperBound, closing: "", next: end + 1,
                                score: max(0, 2 * (end - i + 1 - m.unread) - m.doubt))
                var taking = [r]
                // A nickname just after the longest name goes with it (`Mai Nguyen (Mimi)`): in
                // texts, not ids, and not inside a group kept beside another name. Two at most
                // (`Mai Nguyen (Mimi) "Bee"`).
                let name = s[words[i].range.lowerBound ..< words[end].range.upperBound]
                for _ in 0 ..< (n == 0 && !m.holder && m.trim == 0 ? 2 : 0) {
                    // Not a group holding another entity's name, or a word of one (`(Hung)` beside
                    // the recruiter "Nguyen Van Hung"), or the start of a protected name that goes
                    // on after it (`Mai Nguyen "Lan" Pham`: helper-77).
                    guard marked || aliased, !identifier,
                          let g = (marked ? Self.trailingGroup(s, words, at: r.next, after: r.to) : nil).flatMap({ g in
                              Self.isTrailingNickname(s, words, r.next, g.next, name: name) ? g : nil
                          }) ?? (aliased ? Self.trailingAlias(s, words, at: r.next, after: r.to, name: name).flatMap({ g in
                              // (no word of it in another entity's name: `aka Le Van Hung`, helper-87)
                              (r.next ..< g.next).allSatisfy { standing($0).isEmpty } ? g : nil
                          }) : nil),
                          !holdsOtherName(r.next, g.next),
                          !(r.next ..< g.next).contains(where: { otherNameWords.contains(words[$0].folded) }),
                          !(r.next ..< g.next).contains(where: { (match(from: $0, first: words[$0].folded)?.end ?? $0) >= g.next }) else { break }
                    // The marks that close around the name stay (`"Victim 1"`, `**Victim 1**`);
                    // a comma or dash before an alias goes with it.
                    r.closing += s[r.to ..< g.text.lowerBound].filter { !$0.isWhitespace && !",-\u{2013}\u{2014}".contains($0) }
                    r.to = g.text.upperBound
                    // A protected name inside it is read with it (`Nguyen Thi Lan (aka Mimi, Mai)`).
                    r.score += 2 * protectedWords(r.next, g.next)
                    r.next = g.next
                    taking.append(r)
                }
                out += taking.reversed()
            }
            return out
        }
        // Every word's ways, then the readings that read the most words of protected names
        // between them (``Reading/score``), the earlier one where two read as many, and of its
        // ways the first that does. Where no two overlap, these are the readings taken from the
        // left, one after another. Where two protected names overlap (`Mai, Nguyen Thi Lan`,
        // victims Mai Nguyen and Nguyen Thi Lan), reading from the left had taken the first and
        // left the rest of the second (`Victim 1 Thi Lan`); now the one that leaves fewer words
        // is taken (`Mai, Victim 2`); a list of reversed names (`Nguyen, Mai; Tran, Mai`) is
        // still read name by name; a nickname counts no words (it had made `Mai
        // Nguyen\nMai (Mimi)` read as Nguyen Mai), and is given up where another name starts
        // inside it and goes on after it (`Mai Nguyen « Duc, Pham Van" said`).
        let readings = words.indices.map(ways(at:))
        var covered = [Int](repeating: 0, count: words.count + 1)
        for k in words.indices.reversed() {
            covered[k] = max(covered[k + 1], readings[k].map { $0.score + covered[$0.next] }.max() ?? 0)
        }
        var i = 0
        while i < words.count {
            guard let r = readings[i].first(where: { $0.score + covered[$0.next] == covered[i] }) else {
                i += 1
                continue
            }
            // Not into the text already replaced (a mark that closed the name before may open
            // this one).
            out += s[cursor ..< max(r.from, cursor)]
            out += r.match.replacement
            // A group between the name's words that holds another entity's name follows the
            // replacement, itself redacted ("Victim 1 (Sean O'Brien)").
            for group in r.match.kept {
                let text = String(s[group])
                out += " " + (replacingNames(in: text, identifier: identifier, shortIDs: shortIDs, ownWords: ownWords, nicknames: false) ?? text)
            }
            out += r.closing
            cursor = r.to
            changed = true
            i = r.next
        }
        guard changed else { return nil }
        out += s[cursor...]
        return out
    }

    /// What a Korean particle follows: a syllable that ends in a consonant (`이수진이`), one that
    /// ends in a vowel (`박민수가`), a vowel or ㄹ (`로`), or either. A particle that does not fit
    /// the syllable before it is not one there: `니콜라이` (Nikolai) is not 니콜라 with the
    /// subject particle, which after 라 is 가 (helper-91).
    enum KoreanFollows { case consonant, vowel, vowelOrL, either }

    /// Korean particles, written onto the word before them: case (이/가, 은/는, 을/를, 의, 에,
    /// 에게, 께서, 와/과, (이)랑, 하고, (으)로, 에서, 부터, 까지…), some stacked (에게는, 에서도,
    /// 과의), quoting (이라는, 라고), the copula's commonest forms and the plural 들. Not 나 or
    /// 이나 ("or"), rare after a name and the end of many (`마리아나`, `크리스티나`: helper-91).
    static let koreanParticles: [(String, KoreanFollows)] = {
        let consonant = ["이", "은", "을", "과", "아", "이랑", "이야", "이다", "이고", "이며", "이에요", "이었다", "이라는", "이라고",
                         "이지만", "이면", "과는", "과의", "과도", "으로", "으로는"]
        let vowel = ["가", "는", "를", "와", "야", "랑", "예요", "였다", "라는", "라고", "와는", "와의", "와도"]
        let vowelOrL = ["로", "로는"]
        let either = ["의", "에", "에게", "에게서", "에게는", "에게도", "에게만", "한테", "한테서", "한테는", "한테도", "께", "께서",
                      "께서는", "께서도", "께는", "하고", "도", "만", "만의", "만은", "만이", "만을", "에서", "에서는", "에서도", "에는",
                      "에도", "부터", "까지", "처럼", "보다", "조차", "마저", "밖에", "뿐", "입니다", "들", "들이", "들은", "들의",
                      "들을", "네"]
        return consonant.map { ($0, .consonant) } + vowel.map { ($0, .vowel) } + vowelOrL.map { ($0, .vowelOrL) } + either.map { ($0, .either) }
    }()
    /// Korean titles written onto a name (`이수진씨`, `수진언니`), alone or before a particle.
    static let koreanTitles = ["씨", "님", "양", "군", "선생님", "선생", "사장님", "사장", "대표", "실장", "팀장", "여사", "언니",
                               "오빠", "누나", "형"]
    /// A title, alone or with a particle that fits it (`씨`, `씨가`, `님이`, `언니의`).
    static let koreanTitledEndings = Set(koreanTitles + koreanTitles.flatMap { t in
        koreanParticles.filter { fits(t.last!, $0.1) }.map { t + $0.0 }
    })

    /// Every ending (a particle, or a title with or without one) by its last syllable, with what
    /// it follows.
    static let koreanEndingsByLast: [Unicode.Scalar: [(ending: [Unicode.Scalar], follows: KoreanFollows)]] = {
        var out: [Unicode.Scalar: [(ending: [Unicode.Scalar], follows: KoreanFollows)]] = [:]
        for (e, f) in koreanParticles + koreanTitledEndings.map({ ($0, KoreanFollows.either) }) {
            out[e.unicodeScalars.last!, default: []].append((Array(e.unicodeScalars), f))
        }
        return out
    }()

    /// Whether `c` is a Hangul syllable (U+AC00–U+D7A3).
    static func isHangulSyllable(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first?.value, c.unicodeScalars.count == 1 else { return false }
        return (0xAC00 ... 0xD7A3).contains(u)
    }

    /// Whether a particle that `follows` so may stand after `c`: any but a Hangul syllable takes
    /// any (`Mai Nguyen은`).
    static func fits(_ c: Character, _ follows: KoreanFollows) -> Bool {
        c.unicodeScalars.count != 1 || fits(c.unicodeScalars.first!, follows)
    }
    static func fits(_ u: Unicode.Scalar, _ follows: KoreanFollows) -> Bool {
        guard (0xAC00 ... 0xD7A3).contains(u.value) else { return true }
        let final = (u.value - 0xAC00) % 28
        switch follows {
        case .consonant: return final != 0
        case .vowel: return final == 0
        case .vowelOrL: return final == 0 || final == 8
        case .either: return true
        }
    }

    /// The lengths (in syllables) of the Korean endings `word` (folded, so its syllables
    /// composed) ends with, each after a syllable or more that it fits (``fits(_:_:)``).
    static func koreanEndingLengths(_ word: String) -> [Int] {
        guard let last = word.unicodeScalars.last, let candidates = koreanEndingsByLast[last] else { return [] }
        let scalars = Array(word.unicodeScalars)
        var out: [Int] = []
        for (e, f) in candidates where scalars.count > e.count && scalars.suffix(e.count).elementsEqual(e) {
            if fits(scalars[scalars.count - e.count - 1], f) { out.append(e.count) }
        }
        return out
    }

    /// Name particles written in small letters inside a name (`Maria de la Cruz`, `Ludwig van
    /// Beethoven`, `Omar bin Said`), folded.
    /// (Not `e` or `y`, which are "and" as often: `Ana Maria e Silva foram resgatadas`, helper-92.)
    static let nameParticles: Set<String> = ["de", "la", "le", "del", "della", "da", "das", "do", "dos", "du", "van", "von", "der", "den",
                                             "ter", "ten", "bin", "binti", "bint", "ibn", "al", "el", "di", "ben", "abu"]

    /// Whether a word is written as a name's word is: a capital first and small letters after
    /// it (or a capital alone), a particle in small letters (``nameParticles``), no letters of
    /// a cased script (`阮`, `محمد`); in capitals only where the name is (`inCapitals`). So
    /// `said` is not the `Said` of a name, nor `annamaria-rossi` an id's words.
    static func holderCase(_ word: Substring, _ folded: String, inCapitals: Bool) -> Bool {
        guard let first = word.first(where: \.isLetter), first.isCased else { return true }
        if first.isLowercase { return nameParticles.contains(folded) }
        if word.count > 1, !word.contains(where: \.isLowercase) { return inCapitals }
        return true
    }

    /// A text's folded letters and digits, its words joined: what names are compared by
    /// (`Annamaria Rossi` and `Anna Maria Rossi` alike).
    static func letters(_ s: String) -> String { words(s).map(\.folded).joined() }

    /// A text's folded words, sorted: a name in any order of its words.
    static func sortedWords(_ s: String) -> String { words(s).map(\.folded).sorted().joined(separator: " ") }

    /// Whether a name is written as a person's name is (``holderCase(_:_:inCapitals:)`` for each
    /// of its words, as written): the names that, holding a protected one, are another person's
    /// (``Replacement/holder``), not a description that mentions them (`an-le's recruiter`,
    /// `Uncle of Mai Lan`, which keep the pseudonym).
    static func isWrittenAsAName(_ name: String) -> Bool {
        let inCapitals = !name.contains(where: \.isLowercase)
        return words(name).allSatisfy { holderCase(name[$0.range], $0.folded, inCapitals: inCapitals) }
    }

    /// Whether `gap` is how one name's words are written apart (``Replacement/holder``): spaces
    /// on one line, one hyphen, underscore, dot or apostrophe alone, or nothing
    /// (`AnnamariaRossi`).
    static func isNameGap(_ gap: Substring) -> Bool {
        if gap.count == 1, let c = gap.first, "-_.'\u{2019}\u{00B7}".contains(c) { return true }
        return gap.allSatisfy { $0.isWhitespace && !$0.isNewline }
    }

    /// Whether `gap` only separates the words of one name: spaces of any kind, line breaks,
    /// punctuation and ASCII symbols, percent escapes; empty for `SomchaiPrasert`.
    ///
    /// With `joinersOnly`, the narrower rule that says where another entity's name stands (so
    /// that a protected person's alias inside it is kept): spaces, the joiners of ids, URLs and
    /// lists (`- _ . + ' , / \ | : ; & @`, `·`, dashes) and escapes, not brackets. Read broadly
    /// there, "Mai (Tran's niece)" would be the recruiter Mai Tran and the alias Mai left
    /// (helper-61): a redaction finds names broadly and keeps them narrowly.
    static func isSeparator(_ gap: Substring, joinersOnly: Bool = false) -> Bool {
        var rest = gap.unicodeScalars[...]
        while let u = rest.first {
            if u == "%" {
                let hex = rest.dropFirst().prefix(2)
                if hex.count == 2, hex.allSatisfy({ $0.properties.isASCIIHexDigit }) {
                    rest = rest.dropFirst(3)
                    continue
                }
                if joinersOnly { return false }
            }
            if u.isASCII {
                // The same test for ASCII, from a table: Unicode properties per character were a
                // fifth of redacting 100,000 entities.
                guard (joinersOnly ? Self.asciiJoiners : Self.asciiSeparators)[Int(u.value)] else { return false }
                rest = rest.dropFirst()
                continue
            }
            if joinersOnly {
                guard Self.isJoiner(u) else { return false }
            } else {
                // Any punctuation but a question or exclamation mark: `,` for "Prasert, Somchai";
                // `/`, `\` and `|` in paths and lists; brackets and `#` as people type names in
                // notes and handles ("Mai (Nguyen)", "Mai#Nguyen"); quotes, `·` and dashes as
                // lists and exports write them; symbols and emoji as display names hold them
                // ("Mai💕Nguyen", "Mai ★ Nguyen").
                if Self.sentenceEnds.contains(u) { return false }
                switch u.properties.generalCategory {
                case .format, .control, .spaceSeparator, .lineSeparator, .paragraphSeparator, .connectorPunctuation, .dashPunctuation,
                     .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation,
                     .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol, .nonspacingMark, .enclosingMark: break
                default: guard u.properties.isWhitespace else { return false }
                }
            }
            rest = rest.dropFirst()
        }
        return true
    }

    /// The joiners of ``isSeparator(_:joinersOnly:)``'s narrow rule.
    static func isJoiner(_ u: Unicode.Scalar) -> Bool {
        u.properties.isWhitespace || "-_.+'’,/\\|·:;&@\u{2010}\u{2011}\u{2013}\u{2014}".unicodeScalars.contains(u)
            || u.properties.generalCategory == .format || u.properties.generalCategory == .control
    }

    /// The ASCII characters ``isSeparator(_:joinersOnly:)`` lets between the words of a name:
    /// every one but letters, digits, `?` and `!` (white space, controls, punctuation and
    /// symbols: `-_.+',/\|:;&@`, brackets, quotes, `#`, `*`, `=`, `~`…); `%` too where it starts
    /// no escape.
    static let asciiSeparators: [Bool] = (0 ..< 128).map { v in
        !(0x30 ... 0x39).contains(v) && !(0x41 ... 0x5A).contains(v) && !(0x61 ... 0x7A).contains(v)
            && !sentenceEnds.contains(Unicode.Scalar(UInt8(v)))
    }

    /// Question and exclamation marks, which end a sentence: "sent to Mai? Nguyen said no" is
    /// not the name Mai Nguyen. (A full stop joins the words of ids, `somchai.prasert`.)
    static let sentenceEnds: Set<Unicode.Scalar> = ["?", "!", "\u{FF1F}", "\u{FF01}", "\u{3002}", "\u{203D}"]

    /// The ASCII characters of the narrow rule (``isJoiner(_:)``), as a table.
    static let asciiJoiners: [Bool] = (0 ..< 128).map { isJoiner(Unicode.Scalar(UInt8($0))) }

    struct Word {
        var range: Range<String.Index>
        var folded: String
    }

    /// The words of `s` (maximal runs of letters, marks and digits), each folded to lower case
    /// without diacritics; a camel-case run is one word (`SomchaiPrasert` joins as the name does).
    static func words(_ s: String) -> [Word] {
        s.utf8.allSatisfy({ $0 < 0x80 }) ? asciiWords(s) : characterWords(s)
    }

    /// ``words(_:)`` of any text, character by character.
    static func characterWords(_ s: String) -> [Word] {
        var out: [Word] = []
        var start: String.Index?
        var i = s.startIndex
        func isWordCharacter(_ c: Character) -> Bool {
            c.isLetter || c.isNumber || c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark } || isRadical(c)
        }
        while i < s.endIndex {
            let c = s[i]
            // A percent escape (`%20`) ends a word: `Somchai%20Prasert` is two words.
            if c == "%", let h1 = s.index(i, offsetBy: 1, limitedBy: s.endIndex), h1 < s.endIndex,
               let h2 = s.index(h1, offsetBy: 1, limitedBy: s.endIndex), h2 < s.endIndex,
               s[h1].isHexDigit, s[h2].isHexDigit {
                if let b = start { out.append(Word(range: b ..< i, folded: fold(s[b ..< i]))); start = nil }
                i = s.index(after: h2)
                continue
            }
            if isWordCharacter(c) && isUnspaced(c) {
                // Scripts written without spaces between words (Chinese, Japanese, Thai, Lao,
                // Burmese, Khmer): each character is a word of its own, so that a name is found
                // inside a sentence (张伟明 in 张伟明在园区工作).
                if let b = start { out.append(Word(range: b ..< i, folded: fold(s[b ..< i]))); start = nil }
                var next = s.index(after: i)
                // A voicing mark written apart (half-width `ｻﾞ`, or `サ゛`) goes with its letter:
                // as a word of its own it had hidden `ヤマザキ` (helper-86).
                while next < s.endIndex, let u = s[next].unicodeScalars.first, s[next].unicodeScalars.count == 1, Self.isVoicingMark(u) {
                    next = s.index(after: next)
                }
                out.append(Word(range: i ..< next, folded: fold(s[i ..< next])))
                i = next
                continue
            }
            if isWordCharacter(c) {
                // A capital after a small letter starts a word: `maiNguyen`, `PrasertSomchai`
                // (handles and ids joined in camel case) are two words each.
                if let b = start, c.isUppercase, b < i, s[s.index(before: i)].isLowercase {
                    out.append(Word(range: b ..< i, folded: fold(s[b ..< i])))
                    start = i
                }
                if start == nil { start = i }
            } else if let b = start {
                out.append(Word(range: b ..< i, folded: fold(s[b ..< i])))
                start = nil
            }
            i = s.index(after: i)
        }
        if let b = start { out.append(Word(range: b ..< s.endIndex, folded: fold(s[b ..< s.endIndex]))) }
        return out
    }

    /// ``words(_:)`` of ASCII text, on its bytes: the same words (letters and digits, split at a
    /// capital after a small letter and at a percent escape), folded by lowering the letters.
    /// Redacting a dataset of 100,000 entities folds every word of every text; through
    /// Characters and Foundation that took 13 s.
    static func asciiWords(_ s: String) -> [Word] {
        let u = s.utf8
        var out: [Word] = []
        var start: String.Index?
        var folded: [UInt8] = []
        func isHex(_ b: UInt8) -> Bool { (0x30 ... 0x39).contains(b) || (0x41 ... 0x46).contains(b) || (0x61 ... 0x66).contains(b) }
        func end(_ at: String.Index) {
            if let b = start { out.append(Word(range: b ..< at, folded: String(decoding: folded, as: UTF8.self))) }
            start = nil
            folded.removeAll(keepingCapacity: true)
        }
        var i = u.startIndex
        var previous: UInt8 = 0
        while i < u.endIndex {
            let b = u[i]
            if b == UInt8(ascii: "%"), let h1 = u.index(i, offsetBy: 1, limitedBy: u.endIndex), h1 < u.endIndex,
               let h2 = u.index(h1, offsetBy: 1, limitedBy: u.endIndex), h2 < u.endIndex, isHex(u[h1]), isHex(u[h2]) {
                end(i)
                i = u.index(after: h2)
                previous = 0
                continue
            }
            let upper = (0x41 ... 0x5A).contains(b), lower = (0x61 ... 0x7A).contains(b), digit = (0x30 ... 0x39).contains(b)
            if upper || lower || digit {
                if start != nil, upper, (0x61 ... 0x7A).contains(previous) { end(i) }
                if start == nil { start = i }
                folded.append(upper ? b + 32 : b)
            } else {
                end(i)
            }
            previous = b
            i = u.index(after: i)
        }
        end(u.endIndex)
        return out
    }

    /// Whether `c` is of a script written without spaces between words.
    static func isUnspaced(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first?.value else { return false }
        switch u {
        case 0x0E00 ... 0x0EFF, 0x1000 ... 0x109F, 0x1780 ... 0x17FF: return true   // Thai, Lao, Burmese, Khmer
        // Half-width katakana and its voicing marks (`ﾔﾏｻﾞｷﾊﾅｺｻﾝ`), and the Kangxi radicals that
        // text copied from PDFs holds for ideographs (`⼭⽥` for `山田`; folded to them).
        case 0xFF66 ... 0xFF9F, 0x2F00 ... 0x2FD5: return true
        default: return isIdeographic(c)
        }
    }

    /// Whether `c` is a Chinese character or Japanese kana: one carries about as much of a name
    /// as two letters, so a two-character name counts as four (``weight(_:)``).
    /// Whether `c` is a Kangxi radical (U+2F00–U+2FD5): a symbol, but one that a PDF's text
    /// holds for the ideograph it looks like, and that folding (NFKC) makes it.
    static func isRadical(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first?.value else { return false }
        return (0x2F00 ... 0x2FD5).contains(u)
    }

    /// The kana voicing marks written apart (``characterWords(_:)``), and the combining marks
    /// folding reads them as: `サ゛` is `ザ`. (By NFKC, U+309B is a space and the combining mark,
    /// which would part them.)
    static let voicingMarks: [Unicode.Scalar: Unicode.Scalar] = ["\u{309B}": "\u{3099}", "\u{309C}": "\u{309A}",
                                                                 "\u{FF9E}": "\u{3099}", "\u{FF9F}": "\u{309A}"]

    /// Whether `u` is one of ``voicingMarks``, by its range (a look-up per scalar of every word
    /// cost the 100,000 notes several per cent).
    static func isVoicingMark(_ u: Unicode.Scalar) -> Bool {
        (0x309B ... 0x309C).contains(u.value) || (0xFF9E ... 0xFF9F).contains(u.value)
    }

    static func isIdeographic(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first?.value else { return false }
        switch u {
        case 0x3040 ... 0x30FF, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xF900 ... 0xFAFF, 0x20000 ... 0x2FA1F: return true
        default: return false
        }
    }

    /// A folded name's length against ``minimumLength``: a Chinese character or kana counts 2.
    static func weight(_ folded: String) -> Int { folded.reduce(0) { $0 + (isIdeographic($1) ? 2 : 1) } }

    /// Compatibility forms read as their letters (NFKC: `Ｓ` is `S`, `ｻﾞ` is `ザ`), lower case,
    /// diacritics and Hebrew and Arabic points removed (``dropsMark(_:after:)``), Cyrillic and
    /// Greek letters that look like Latin ones read as those (``confusables``), letters and
    /// digits only.
    static func fold(_ s: Substring) -> String {
        guard s.utf8.allSatisfy({ $0 < 0x80 }) else { return foldedByFoundation(s) }
        // ASCII: lower case, letters and digits (what Foundation's folding gives, without it).
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            if (0x41 ... 0x5A).contains(b) { out.append(b + 32) } else if (0x61 ... 0x7A).contains(b) || (0x30 ... 0x39).contains(b) { out.append(b) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// ``fold(_:)`` of any text, through Foundation's folding.
    static func foldedByFoundation(_ s: Substring) -> String {
        var text = String(s)
        if text.unicodeScalars.contains(where: { !$0.isASCII }) {
            var mapped = String.UnicodeScalarView()
            // In lower case first, so that a name folds alike in any case (helper-82: the
            // table had read capital Н as Latin H but left small н, and `АННА` never matched
            // `Анна`); the two capitals whose small letters pass for other Latin ones before
            // (helper-83: `ΝGUΥΕΝ` with Greek Ν and Υ); and without accents, so that a letter
            // with one is read as the letter is (helper-83: `ή` had stayed Greek while `η`
            // became `h`).
            // Compatibility forms first (NFKC): half-width katakana (`ﾔﾏｻﾞｷ` is `ヤマザキ`, its
            // voicing mark joined to its letter), full-width Latin, ligatures (helper-84: a
            // name typed in half-width kana was never found).
            // (Only where a character has such a form, or a capital: the pass costs.)
            if text.unicodeScalars.contains(where: isVoicingMark) {
                text = String(String.UnicodeScalarView(text.unicodeScalars.map { voicingMarks[$0] ?? $0 }))
            }
            let compatible = text.unicodeScalars.contains { !$0.isASCII && $0.properties.changesWhenNFKCCaseFolded }
            var lower = String.UnicodeScalarView()
            for u in (compatible ? text.precomposedStringWithCompatibilityMapping : text).unicodeScalars where !Self.isStretch(u) {
                lower.append(capitalConfusables[u] ?? u)
            }
            // Marks dropped from Latin, Greek and Cyrillic letters, and the vowel points of
            // Hebrew and Arabic, which most texts leave out (helper-84: `יִצְחָק` never matched
            // `יצחק`); not in Thai, kana or Devanagari, where a mark tells names apart
            // (helper-84: ศิริพร and ศรีพร, ヤマザキ and ヤマサキ had folded alike), nor an
            // Arabic hamza but on alef (helper-86: لؤي and لوي are two names).
            var bare = String.UnicodeScalarView()
            var base: Unicode.Scalar?
            for u in String(lower).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                if u.properties.generalCategory == .nonspacingMark, let b = base, Self.dropsMark(u, after: b) { continue }
                if u.properties.generalCategory != .nonspacingMark { base = u }
                bare.append(u)
            }
            for u in String(bare).precomposedStringWithCanonicalMapping.unicodeScalars { mapped.append(confusables[u] ?? u) }
            text = String(mapped)
        }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }

    /// Whether folding drops the nonspacing mark `mark` after the letter `base`: every mark of
    /// a Latin, Greek or Cyrillic letter (accents) or a Hebrew one (points); an Arabic letter's
    /// vowel marks, shadda and sukun (U+064B–U+0652, U+0656–U+065F), the superscript alef
    /// (U+0670: `الرحمٰن` is `الرحمن`) and Quranic marks, and the hamza or madda
    /// on alef (`أحمد` is found as `احمد`, as Arabic is searched), but not on waw or yeh
    /// (`لؤي` and `لوي`, Luay and Louis, are two names: helper-86).
    static func dropsMark(_ mark: Unicode.Scalar, after base: Unicode.Scalar) -> Bool {
        switch base.value {
        case 0x41 ... 0x24F, 0x370 ... 0x52F, 0x1E00 ... 0x1FFF: return true        // Latin, Greek, Cyrillic
        case 0x0590 ... 0x05FF, 0xFB1D ... 0xFB4F: return true                        // Hebrew
        case 0x0600 ... 0x06FF, 0x0750 ... 0x077F, 0x08A0 ... 0x08FF:                // Arabic
            switch mark.value {
            case 0x064B ... 0x0652, 0x0656 ... 0x065F, 0x0670, 0x0610 ... 0x061A, 0x06D6 ... 0x06ED: return true
            case 0x0653 ... 0x0655: return base.value == 0x0627
            default: return false
            }
        default: return false
        }
    }

    /// Arabic tatweel (U+0640), which stretches a word on a line (`محـــمد` is `محمد`).
    static func isStretch(_ u: Unicode.Scalar) -> Bool { u.value == 0x0640 }

    /// The Greek capitals that pass for another Latin letter than their small letters do (`Ν`
    /// for N, `ν` for v; `Υ` for Y, `υ` for u), read before the text is put in lower case.
    static let capitalConfusables: [Unicode.Scalar: Unicode.Scalar] = ["\u{039D}": "n", "\u{03A5}": "y"]

    /// Cyrillic and Greek letters drawn like Latin ones, each with the Latin letter it passes
    /// for: a name typed or pasted with a Cyrillic `а` (U+0430) in `Sоmchai` looks the same on
    /// a page and must be found as the name. A small table of the letters whose shapes are the
    /// same in common fonts (after Unicode's confusables.txt, Latin/Cyrillic/Greek only): a full
    /// skeleton (UTS #39) would fold far more than these scripts need. Small letters only, each
    /// read after the text is put in lower case, a capital's as the capital passes for (`Н` and
    /// `н` as `h`), so a real Cyrillic or Greek name folds the same way in any case and wherever
    /// it is written, and still matches itself. Also Persian kaf for Arabic kaf.
    static let confusables: [Unicode.Scalar: Unicode.Scalar] = {
        let pairs: [(UInt32, Character)] = [
            // Cyrillic
            (0x0430, "a"), (0x0432, "b"), (0x0435, "e"), (0x043A, "k"), (0x043C, "m"), (0x043D, "h"), (0x043E, "o"),
            (0x0440, "p"), (0x0441, "c"), (0x0442, "t"), (0x0443, "y"), (0x0445, "x"), (0x0455, "s"), (0x0456, "i"),
            (0x0458, "j"), (0x04AF, "y"), (0x04CF, "i"), (0x04BB, "h"), (0x0501, "d"), (0x051B, "q"), (0x051D, "w"),
            // Latin letters with a stroke, which folding diacritics leaves alone: Vietnamese đ
            // (Đặng is typed Dang), Icelandic ð, Polish ł, Nordic ø, Maltese ħ.
            (0x0111, "d"), (0x00F0, "d"), (0x0142, "l"), (0x00F8, "o"), (0x0127, "h"),
            // Greek
            (0x03B1, "a"), (0x03B2, "b"), (0x03B5, "e"), (0x03B6, "z"), (0x03B7, "h"), (0x03B9, "i"), (0x03BA, "k"),
            (0x03BC, "m"), (0x03BD, "v"), (0x03BF, "o"), (0x03C1, "p"), (0x03C4, "t"), (0x03C5, "u"), (0x03C7, "x"),
            // Latin look-alikes outside ASCII
            (0x0131, "i"), (0x0237, "j"),
            // Persian kaf typed for Arabic kaf, alef wasla for alef: one letter in two code
            // points. (Not alef
            // maksura or Persian yeh for yeh, nor teh marbuta for heh: يسرى and يسري, منى and
            // مني "from me" are different words, and Pashto keeps its yehs apart: helper-86.)
            (0x06A9, "\u{0643}"), (0x0671, "\u{0627}"),
        ]
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (code, latin) in pairs { table[Unicode.Scalar(code)!] = latin.unicodeScalars.first! }
        return table
    }()
}

private extension Character {
    /// A decimal digit of any script (`0`–`9`, Arabic-Indic `٠`–`٩`, Persian `۰`–`۹`, Thai,
    /// Devanagari, full-width…): what a phone or id number is compared by, as its ASCII digit
    /// (``asciiDigit``). Not `²` or `½`, which are numbers but not digits.
    var isDigitForNumbers: Bool {
        if isASCII { return isNumber }
        return unicodeScalars.count == 1 && unicodeScalars.first!.properties.numericType == .decimal
    }
    /// The ASCII digit of a ``isDigitForNumbers`` character: `٠٨١` is compared as `081`
    /// (helper-86: a victim's phone written in Arabic-Indic digits was never found).
    var asciiDigit: Character {
        isASCII ? self : Character(Unicode.Scalar(UInt8(0x30 + wholeNumberValue!)))
    }
}
