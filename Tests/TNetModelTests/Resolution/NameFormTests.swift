import Testing
@testable import TNetModel

/// Names as entity resolution compares them (issue 20): the spellings one person or company
/// is met under fold to the same words. Expected forms worked by hand from the rules in
/// NameForm's doc comment; the Chinese reading is Unicode's Han-Latin (pinyin) transliteration.
@Suite struct NameFormTests {
    func words(_ s: String, organisation: Bool = false) -> [String] { NameForm(s, organisation: organisation).tokens }

    /// Diacritics go, case goes, punctuation splits: `Nguyễn Văn Hùng` is `nguyen van hung`.
    @Test func diacriticsAndCase() {
        #expect(words("Nguyễn Văn Hùng") == ["nguyen", "van", "hung"])
        #expect(words("NGUYEN Van Hung") == ["nguyen", "van", "hung"])
        #expect(words("Xiao-Ming  Li") == ["xiao", "ming", "li"])
        // The decomposed é (e + U+0301) folds like the composed one.
        #expect(words("Jos\u{65}\u{301} Ramos") == words("José Ramos"))
        #expect(words("José Ramos") == ["jose", "ramos"])
    }

    /// Letters stripping diacritics leaves (đ, ß, ø, ł) are spelt out.
    @Test func lettersSpeltOut() {
        #expect(words("Đặng Thị Ngọc") == ["dang", "thi", "ngoc"])
        #expect(words("Strauß") == ["strauss"])
        #expect(words("Søren Łukasz") == ["soren", "lukasz"])
    }

    /// Other scripts are read in Latin letters: 王伟 is Wang Wei in pinyin (Han-Latin gives
    /// `wáng wěi`, the tone marks then stripped).
    @Test func otherScripts() {
        #expect(words("王伟") == ["wang", "wei"])
        #expect(words("Владимир") == ["vladimir"])
        // Thai and Burmese come out as some Latin letters: not empty, ASCII only.
        for s in ["สมชาย", "အောင်ကျော်"] {
            let w = words(s)
            #expect(!w.isEmpty, "\(s)")
            #expect(w.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }, "\(s) → \(w)")
        }
    }

    /// A person's honorifics and an organisation's legal forms are dropped, unless nothing
    /// else is left.
    @Test func honorificsAndLegalForms() {
        #expect(words("U Aung Kyaw") == ["aung", "kyaw"])
        #expect(words("Daw Aung San Suu Kyi") == ["aung", "san", "suu", "kyi"])
        #expect(words("Khun Somchai") == ["somchai"])
        #expect(words("U") == ["u"])
        #expect(words("Golden Star Co., Ltd.", organisation: true) == ["golden", "star"])
        #expect(words("Golden Star Company Limited", organisation: true) == ["golden", "star"])
        #expect(words("金星有限公司", organisation: true) == ["jin", "xing"])
        // The same words in a person's name are kept: a person's honorifics, not legal forms.
        #expect(words("Co Ltd", organisation: true) == ["co", "ltd"])
        #expect(words("Ma Co") == ["co"])
    }

    /// Designators must agree: numbers always; single letters in an organisation's name only
    /// (a person's single letter is an initial).
    @Test func designators() {
        #expect(NameForm("Compound 1", organisation: true).designators == ["1"])
        #expect(NameForm("Syndicate A", organisation: true).designators == ["a"])
        #expect(NameForm("J Smith", organisation: false).designators.isEmpty)
    }

    /// Word order does not change the signature (the sorted phonetic keys), and romanisations
    /// of one name share it.
    @Test func signature() {
        #expect(NameForm("Wang Wei", organisation: false).signature == NameForm("Wei Wang", organisation: false).signature)
        #expect(NameForm("Zhao Li", organisation: false).signature == NameForm("Chao Lee", organisation: false).signature)
    }
}

/// The phonetic key blurs what the romanisations of Chinese, Thai and Burmese write
/// differently. Each expected key worked by hand from PhoneticKey's rules: digraphs first
/// (zh → c, ch → c, hs → s, ph → p, th → t, kh → k, ky → c), then j/q/z → c, x → s, g → k,
/// b → p, d → t, r → l, f → p, vowels and glides dropped but for a leading one (→ a), runs of
/// one letter kept once.
@Suite struct PhoneticKeyTests {
    @Test func romanisationsShareKeys() {
        // zhao: zh→c, a o dropped = c. chao: ch→c = c. jao: j→c = c.
        #expect(PhoneticKey.of("zhao") == "c")
        #expect(PhoneticKey.of("chao") == "c")
        #expect(PhoneticKey.of("jao") == "c")
        // hsu: hs→s = s. xu: x→s = s.
        #expect(PhoneticKey.of("hsu") == "s")
        #expect(PhoneticKey.of("xu") == "s")
        // somchai: s, (o), m, ch→c, (a i) = smc; somchay the same; smchay (ICU's Thai) too.
        #expect(PhoneticKey.of("somchai") == "smc")
        #expect(PhoneticKey.of("somchay") == "smc")
        #expect(PhoneticKey.of("smchay") == "smc")
        // phrasoet: ph→p, r→l, (a), s, (o e), t = plst. prasoet the same.
        #expect(PhoneticKey.of("phrasoet") == "plst")
        #expect(PhoneticKey.of("prasoet") == "plst")
        // kyaw: ky→c, (a w) = c; chaw: ch→c = c; jaw = c (Burmese ky/ch/j).
        #expect(PhoneticKey.of("kyaw") == "c")
        #expect(PhoneticKey.of("chaw") == "c")
        // thein / tein: th→t, n = tn.
        #expect(PhoneticKey.of("thein") == PhoneticKey.of("tein"))
    }

    /// A leading vowel leaves a mark (aung = a n: ng→n), a word of vowels alone is `a`, and
    /// distinct consonants stay distinct.
    @Test func vowelsAndDistinctions() {
        #expect(PhoneticKey.of("aung") == "an")
        #expect(PhoneticKey.of("ei") == "a")
        #expect(PhoneticKey.of("") == "")
        #expect(PhoneticKey.of("lin") != PhoneticKey.of("min"))
        #expect(PhoneticKey.of("tan") != PhoneticKey.of("kan"))
    }
}
