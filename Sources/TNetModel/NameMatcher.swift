import Foundation

/// Finds the names and ids of protected persons in any text, in every form a person would type
/// them: any case, with or without diacritics (`Nguyễn`, `NGUYEN`), with any spacing between
/// the words (two spaces, a no-break space, a line break), as a slug or an id part
/// (`home-of-somchai-prasert`, `somchai_prasert`, `SomchaiPrasert`), or percent-encoded in a URL
/// (`Somchai%20Prasert`).
///
/// A name is read as its words (runs of letters and digits), folded to lower case without
/// diacritics; a match is a run of whole words of the text whose folded letters, joined, equal
/// the name's, separated only by spaces, punctuation that joins words in ids and URLs
/// (`- _ . + '`), or percent escapes. Names of fewer than ``minimumLength`` letters match a
/// whole text, in any form, and otherwise only spelt exactly as given, case included, between
/// word boundaries: no letter or digit just before or after it (an id may hold `-`, `_` or `.`
/// inside, as `v-1` does). So `v1` is found in `v1:r1`, `"v1"`, `(v1 → r1)`, `v1.` and
/// `home-of-v1`, but not in `v10`, `kv1` or `V1` (a two-letter id read in any case would rewrite
/// ordinary words).
struct NameMatcher: Sendable {
    /// Shortest name (in folded letters) that is also found inside longer texts.
    static let minimumLength = 3

    /// Folded name (letters and digits only) → its replacement in a text and in an identifier.
    private var names: [String: (text: String, identifier: String)] = [:]
    /// Names by their first folded character, for a quick look-up at each word.
    private var byFirst: [Character: [String]] = [:]

    /// Short originals (fewer than ``minimumLength`` folded letters, two characters or more)
    /// found as whole tokens, exactly as spelt.
    private var tokens: [String: (text: String, identifier: String)] = [:]
    /// The short originals by their first character, longest first.
    private var tokensByFirst: [Character: [String]] = [:]

    var isEmpty: Bool { names.isEmpty }

    /// Adds `original` (a name, an id or an alias), to be replaced by `text` in texts and by
    /// `identifier` in ids. The first replacement given for a folded name stands.
    mutating func add(_ original: String, text: String, identifier: String) {
        let key = Self.words(original).map(\.folded).joined()
        if !key.isEmpty, Self.weight(key) < Self.minimumLength, original.count >= 2, Self.isToken(original), tokens[original] == nil {
            tokens[original] = (text, identifier)
            tokensByFirst[original.first!, default: []].append(original)
            tokensByFirst[original.first!]!.sort { $0.count > $1.count }
        }
        guard !key.isEmpty, names[key] == nil else { return }
        names[key] = (text, identifier)
        byFirst[key.first!, default: []].append(key)
        // Longest first, so that a name containing another is replaced whole.
        byFirst[key.first!]!.sort { $0.count > $1.count }
    }

    /// `s` with every match replaced (by the text or the identifier form). Nil when nothing
    /// matched.
    func replacing(in s: String, identifier: Bool) -> String? {
        let named = replacingNames(in: s, identifier: identifier)
        guard let tokened = replacingTokens(in: named ?? s, identifier: identifier) else { return named }
        return tokened
    }

    /// `s` with every short original that stands as a whole token replaced; nil when none does.
    func replacingTokens(in s: String, identifier: Bool) -> String? {
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
            if isWord && !afterWord, let candidates = tokensByFirst[c] {
                let rest = s[i...]
                let hit = candidates.lazy.compactMap { o -> (String, String.Index)? in
                    guard rest.hasPrefix(o) else { return nil }
                    let end = s.index(i, offsetBy: o.count)
                    // …and ends where a word does: not inside `v20`.
                    return end == s.endIndex || !Self.isTokenCharacter(s[end]) ? (o, end) : nil
                }.first
                if let (o, end) = hit, let r = tokens[o] {
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

    /// `s` with every name matched by its words replaced; nil when none is.
    private func replacingNames(in s: String, identifier: Bool) -> String? {
        guard !names.isEmpty, !s.isEmpty else { return nil }
        let words = Self.words(s)
        guard !words.isEmpty else { return nil }
        var out = ""
        var cursor = s.startIndex
        var changed = false
        var i = 0
        while i < words.count {
            guard let first = words[i].folded.first, let keys = byFirst[first] else { i += 1; continue }
            var matched: (end: Int, replacement: String)?
            // Join words i, i+1, … while the gaps between them are separators and the joined
            // letters are still a prefix of some name.
            var joined = ""
            var j = i
            while j < words.count {
                if j > i && !Self.isSeparator(s[words[j - 1].range.upperBound ..< words[j].range.lowerBound]) { break }
                joined += words[j].folded
                guard keys.contains(where: { $0.hasPrefix(joined) }) else { break }
                if let r = names[joined] {
                    let whole = i == 0 && j == words.count - 1 && s[s.startIndex ..< words[0].range.lowerBound].isEmpty
                        && s[words[j].range.upperBound...].isEmpty
                    if Self.weight(joined) >= Self.minimumLength || whole {
                        matched = (j, identifier ? r.identifier : r.text)
                    }
                }
                j += 1
            }
            if let (end, replacement) = matched {
                out += s[cursor ..< words[i].range.lowerBound]
                out += replacement
                cursor = words[end].range.upperBound
                changed = true
                i = end + 1
            } else {
                i += 1
            }
        }
        guard changed else { return nil }
        out += s[cursor...]
        return out
    }

    /// Whether `gap` only separates the words of one name: spaces of any kind, line breaks, the
    /// joiners of ids and URLs, percent escapes; empty for `SomchaiPrasert`.
    static func isSeparator(_ gap: Substring) -> Bool {
        var rest = gap.unicodeScalars[...]
        while let u = rest.first {
            if u == "%" {
                let hex = rest.dropFirst().prefix(2)
                guard hex.count == 2, hex.allSatisfy({ $0.properties.isASCIIHexDigit }) else { return false }
                rest = rest.dropFirst(3)
                continue
            }
            guard u.properties.isWhitespace || "-_.+'’".unicodeScalars.contains(u)
                    || u.properties.generalCategory == .format || u.properties.generalCategory == .control else { return false }
            rest = rest.dropFirst()
        }
        return true
    }

    struct Word {
        var range: Range<String.Index>
        var folded: String
    }

    /// The words of `s` (maximal runs of letters, marks and digits), each folded to lower case
    /// without diacritics; a camel-case run is one word (`SomchaiPrasert` joins as the name does).
    static func words(_ s: String) -> [Word] {
        var out: [Word] = []
        var start: String.Index?
        var i = s.startIndex
        func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark } }
        while i < s.endIndex {
            let c = s[i]
            if isWordCharacter(c) && isUnspaced(c) {
                // Scripts written without spaces between words (Chinese, Japanese, Thai, Lao,
                // Burmese, Khmer): each character is a word of its own, so that a name is found
                // inside a sentence (张伟明 in 张伟明在园区工作).
                if let b = start { out.append(Word(range: b ..< i, folded: fold(s[b ..< i]))); start = nil }
                let next = s.index(after: i)
                out.append(Word(range: i ..< next, folded: fold(s[i ..< next])))
                i = next
                continue
            }
            if isWordCharacter(c) {
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

    /// Whether `c` is of a script written without spaces between words.
    static func isUnspaced(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first?.value else { return false }
        switch u {
        case 0x0E00 ... 0x0EFF, 0x1000 ... 0x109F, 0x1780 ... 0x17FF: return true   // Thai, Lao, Burmese, Khmer
        default: return isIdeographic(c)
        }
    }

    /// Whether `c` is a Chinese character or Japanese kana: one carries about as much of a name
    /// as two letters, so a two-character name counts as four (``weight(_:)``).
    static func isIdeographic(_ c: Character) -> Bool {
        guard let u = c.unicodeScalars.first?.value else { return false }
        switch u {
        case 0x3040 ... 0x30FF, 0x3400 ... 0x4DBF, 0x4E00 ... 0x9FFF, 0xF900 ... 0xFAFF, 0x20000 ... 0x2FA1F: return true
        default: return false
        }
    }

    /// A folded name's length against ``minimumLength``: a Chinese character or kana counts 2.
    static func weight(_ folded: String) -> Int { folded.reduce(0) { $0 + (isIdeographic($1) ? 2 : 1) } }

    /// Lower case, diacritics removed, width folded (`Ｓ` is `s`), letters and digits only.
    static func fold(_ s: Substring) -> String {
        let folded = String(s).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}
