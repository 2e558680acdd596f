import Foundation

/// A name as entity resolution compares it: its words in Latin letters, lower case, without
/// diacritics, honorifics or legal forms, each with its ``PhoneticKey``.
///
/// Investigators meet one person under many spellings: `Nguyễn Văn Hùng` and `NGUYEN Van Hung`,
/// `王伟` and `Wang Wei`, `U Aung Kyaw` and `Aung Kyaw`, `Golden Star Co., Ltd.` and
/// `Golden Star Company Limited`. The form removes what differs without changing who is meant:
/// - any script is transliterated to Latin (ICU's Any-Latin through Foundation: Chinese to
///   pinyin, Thai, Burmese, Khmer, Cyrillic, Arabic…), then diacritics are stripped and the
///   letters ICU leaves (`đ`, `ı`, `ø`, `ł`, `æ`, `ß`…) are spelt out;
/// - words are the runs of letters and digits (`Xiao-Ming` is `xiao ming`; the joined
///   `xiaoming` is matched by the scorer, which also compares the words run together);
/// - Burmese, Thai, Vietnamese, Chinese and English honorifics (`U`, `Daw`, `Ko`, `Ma`, `Khun`,
///   `Mr`…) are dropped from a person's name, legal forms (`Co`, `Ltd`, `Company Limited`,
///   `有限公司` = `you xian gong si`…) from an organisation's, unless nothing else is left.
public struct NameForm: Sendable, Hashable {
    /// The words, in the order written.
    public let tokens: [String]
    /// Each word's phonetic key (``PhoneticKey``), in the same order.
    public let keys: [String]
    /// The words that designate rather than name, which must agree exactly: numbers
    /// (`Compound 1`, `Building 7`) and, in an organisation's name, single letters
    /// (`Syndicate A`). A person's single letter is an initial and is not one.
    public let designators: Set<String>
    /// The words run together as written and in sorted order, as UTF-8 bytes, and where each
    /// word ends in the first: what ``NameSimilarity`` compares, made once per name rather than
    /// once per pair (one array of bytes, not one per word, so that reading a word in place
    /// retains nothing).
    let joinedUTF8: [UInt8], sortedJoinedUTF8: [UInt8], wordEnds: [Int]
    /// The words' phonetic keys, sorted: spellings and orders of one name share it (the
    /// scorer counts how many records carry each, for its term-frequency weight).
    public let signature: String

    /// The form of `name`.
    /// - Parameters:
    ///   - name: A name or alias as written, in any script.
    ///   - organisation: Whether it names an organisation (legal forms are dropped) rather
    ///     than a person (honorifics are dropped).
    public init(_ name: String, organisation: Bool) {
        let words = Self.words(Self.latin(name))
        let noise = organisation ? Self.legalForms : Self.honorifics
        var kept = words.filter { !noise.contains($0) }
        if kept.isEmpty { kept = words }
        tokens = kept
        keys = kept.map(PhoneticKey.of)
        designators = Set(kept.filter { t in t.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } || (organisation && t.utf8.count == 1) })
        var end = 0
        wordEnds = kept.map { end += $0.utf8.count; return end }
        joinedUTF8 = Array(kept.joined().utf8)
        sortedJoinedUTF8 = Array(kept.sorted().joined().utf8)
        signature = keys.sorted().joined(separator: " ")
    }

    /// The words run together, in the order written (`xiao ming` → `xiaoming`).
    public var joined: String { tokens.joined() }

    /// Whether the name has no word at all (only punctuation).
    public var isEmpty: Bool { tokens.isEmpty }

    /// `s` in Latin letters, lower case, without diacritics; other characters kept. ASCII text
    /// is only lower-cased (no ICU call: most names in most files are ASCII).
    public static func latin(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.lowercased() }
        var t = s.applyingTransform(.toLatin, reverse: false) ?? s
        t = t.applyingTransform(.stripDiacritics, reverse: false) ?? t
        t = t.lowercased()
        guard !t.utf8.allSatisfy({ $0 < 0x80 }) else { return t }
        var out = ""
        out.unicodeScalars.reserveCapacity(t.unicodeScalars.count)
        for u in t.unicodeScalars {
            if u.isASCII { out.unicodeScalars.append(u); continue }
            if let spelt = spelledOut[u] { out += spelt; continue }
            // A combining mark ICU left (Thai tone marks, the macron of s̄): dropped.
            if u.properties.generalCategory == .nonspacingMark { continue }
            out.unicodeScalars.append(u)
        }
        return out
    }

    /// Letters that stripping diacritics does not reduce to ASCII.
    static let spelledOut: [Unicode.Scalar: String] = [
        "đ": "d", "ð": "d", "ı": "i", "ø": "o", "ł": "l", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th",
        "ħ": "h", "ŀ": "l", "ŋ": "ng", "ʼ": "", "ʻ": "", "’": "", "‘": "", "ʹ": "", "ʾ": "", "ʿ": "",
    ]

    /// The runs of letters and digits of already folded text. An apostrophe inside a word (the
    /// Wade–Giles `ch'en`, `O'Brien`) joins it.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var current = ""
        for u in s.unicodeScalars {
            if u.properties.isAlphabetic || u.properties.numericType != nil {
                current.unicodeScalars.append(u)
            } else if u == "'" && !current.isEmpty {
                continue
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Titles and honorifics dropped from persons' names: English, Burmese (`U`, `Daw`, `Ko`,
    /// `Ma`, `Maung` is kept: it is also a given name), Thai (`Khun`, `Nai`, `Nang`, `Nangsao`),
    /// Vietnamese (`Ong`, `Ba`, `Anh`, `Chi` are also names: only `ong` and `ba` as titles are
    /// ambiguous, so kept), Chinese (`Xiansheng`, `Nushi`), Khmer (`Lok`, `Lok Srey`).
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mister", "dr", "sir", "madam", "mdm", "madame", "mme", "m",
        "u", "daw", "ko", "ma", "khun", "nai", "nang", "nangsao", "xiansheng", "nushi", "lok", "srey",
        "haji", "hajji", "sri", "tan", "dato", "datuk", "gen", "col", "lt", "capt", "maj", "pol",
    ]

    /// Legal forms and the words of company names that say nothing of which company it is.
    static let legalForms: Set<String> = [
        "co", "company", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc", "plc",
        "lp", "llp", "pte", "pty", "sa", "sarl", "gmbh", "ag", "bv", "nv", "sdn", "bhd", "jsc", "pjsc",
        "tnhh", "cty", "congty", "the", "and", "of", "group", "holding", "holdings", "international", "intl",
        "you", "xian", "gong", "si", "youxian", "gongsi", "youxiangongsi", "jituan",
    ]
}

/// A key that spellings of one name under different romanisations share: the word's
/// consonant skeleton after mapping the letters the romanisations of Chinese (pinyin,
/// Wade–Giles, Cantonese), Thai (RTGS and informal), Burmese and Vietnamese write differently
/// for one sound. `Zhao`, `Chao` and `Jao` share `c`; `Hsu` and `Xu` share `s`; `Somchai`,
/// `Somchay` and ICU's `smchay` share `smc`; `Prasoet` and `Phrasoet` share `plst` (the informal
/// `Prasert` does not: its `r` before `t` is written, not read, and the key keeps it).
///
/// Used for finding candidates (blocking) and as one of the scorer's comparisons; never to
/// decide alone. Our own rules: published phonetic keys (Soundex, Metaphone) are built for
/// English and keep the distinctions these romanisations blur.
public enum PhoneticKey {
    /// Letter groups read as one sound, longest first.
    static let rules: [([UInt8], [UInt8])] = [
        ("tch", "c"), ("sch", "s"), ("ng", "n"), ("nh", "n"), ("ph", "p"), ("th", "t"), ("kh", "k"),
        ("gh", "k"), ("dh", "t"), ("bh", "p"), ("ch", "c"), ("zh", "c"), ("sh", "s"), ("hs", "s"),
        ("ts", "c"), ("tz", "c"), ("dz", "c"), ("ck", "k"), ("qu", "k"), ("ht", "t"), ("hl", "l"),
        ("hm", "m"), ("hn", "n"), ("ky", "c"), ("gy", "c"),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The key of one folded word (lower-case ASCII letters and digits; anything else is kept
    /// as it is).
    public static func of(_ word: String) -> String {
        var b = Array(word.utf8)
        guard !b.isEmpty else { return "" }
        // Digraphs and trigraphs first, longest first.
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            var matched = false
            for (from, to) in rules where i + from.count <= b.count {
                var same = true
                for k in 0 ..< from.count where b[i + k] != from[k] { same = false; break }
                if same {
                    out.append(contentsOf: to)
                    i += from.count
                    matched = true
                    break
                }
            }
            if matched { continue }
            out.append(b[i])
            i += 1
        }
        b = out
        // Single letters: one class for the sounds the romanisations spell differently.
        var key: [UInt8] = []
        for (k, c) in b.enumerated() {
            let mapped: UInt8?
            switch c {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
                 UInt8(ascii: "y"), UInt8(ascii: "w"), UInt8(ascii: "v"), UInt8(ascii: "h"):
                // Vowels and glides: only a leading vowel leaves a mark.
                mapped = k == 0 && c != UInt8(ascii: "h") ? UInt8(ascii: "a") : nil
            case UInt8(ascii: "j"), UInt8(ascii: "q"), UInt8(ascii: "z"): mapped = UInt8(ascii: "c")
            case UInt8(ascii: "x"): mapped = UInt8(ascii: "s")
            case UInt8(ascii: "g"): mapped = UInt8(ascii: "k")
            case UInt8(ascii: "b"): mapped = UInt8(ascii: "p")
            case UInt8(ascii: "d"): mapped = UInt8(ascii: "t")
            case UInt8(ascii: "r"): mapped = UInt8(ascii: "l")
            case UInt8(ascii: "f"): mapped = UInt8(ascii: "p")
            default: mapped = c
            }
            if let m = mapped, key.last != m { key.append(m) }
        }
        if key.isEmpty { key = [UInt8(ascii: "a")] }
        return String(decoding: key, as: UTF8.self)
    }
}
