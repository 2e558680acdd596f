import Foundation
import Testing
import TNetGraph
@testable import TNetModel

/// Name similarity (issue 20). The string measures against their published values; the name
/// score worked by hand from NameSimilarity's doc comment.
@Suite struct NameSimilarityTests {
    func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }
    func person(_ s: String) -> NameForm { NameForm(s, organisation: false) }

    /// Winkler (1990) and the record-linkage literature's worked examples: MARTHA/MARHTA
    /// 0.961, DWAYNE/DUANE 0.840, DIXON/DICKSONX 0.813.
    @Test func jaroWinklerPublishedValues() {
        #expect(abs(NameSimilarity.jaroWinkler(bytes("MARTHA"), bytes("MARHTA")) - 0.9611) < 0.0001)
        #expect(abs(NameSimilarity.jaroWinkler(bytes("DWAYNE"), bytes("DUANE")) - 0.84) < 0.0001)
        #expect(abs(NameSimilarity.jaroWinkler(bytes("DIXON"), bytes("DICKSONX")) - 0.8133) < 0.0001)
        #expect(NameSimilarity.jaroWinkler(bytes("abc"), bytes("xyz")) == 0)
        #expect(NameSimilarity.jaroWinkler([], []) == 0)
    }

    /// kitten → sitting is three edits (k→s, e→i, +g): 1 − 3/7.
    @Test func levenshtein() {
        #expect(abs(NameSimilarity.levenshteinSimilarity(bytes("kitten"), bytes("sitting")) - (1 - 3.0 / 7)) < 1e-12)
        #expect(NameSimilarity.levenshteinSimilarity(bytes("same"), bytes("same")) == 1)
        #expect(NameSimilarity.levenshteinSimilarity(bytes("a"), []) == 0)
    }

    /// Order does not matter (both pairs exact: 2 / 2); a missing middle name costs less than
    /// a wrong one (two exact pairs over a mean of 2.5 words = 0.8; the words run together,
    /// 13 and 10 letters, cannot beat that: 10/13 × 0.97 < 0.8); written joined or apart is
    /// the same given name (`xiaoming` = `xiao ming` run together: 1 × 0.97).
    @Test func nameScores() {
        #expect(NameSimilarity.score(person("Wang Wei"), person("Wei Wang")) == 1)
        #expect(abs(NameSimilarity.score(person("Nguyen Van Hung"), person("Nguyen Hung")) - 0.8) < 1e-12)
        #expect(abs(NameSimilarity.score(person("Li Xiaoming"), person("Li Xiao Ming")) - 0.97) < 1e-12)
        #expect(NameSimilarity.score(person("Nguyễn Văn Hùng"), person("NGUYEN VAN HUNG")) == 1)
        #expect(NameSimilarity.score(person("U Aung Kyaw"), person("Aung Kyaw")) == 1)
        #expect(NameSimilarity.score(person("..."), person("Aung Kyaw")) == 0)
    }

    /// Romanisations whose phonetic keys agree score at least 0.92 a word when the key has two
    /// letters or more: Tsang (Cantonese) and Zeng (pinyin) both key `cn` (ts → c, ng → n; z →
    /// c), so `Tsang Wei` – `Zeng Wei` is (0.92 + 1) / 2 = 0.96. A one-letter key is shared by
    /// too many names to lift a pair (Zhao, Zhou, Chao, Jiao all key `c`): Zhao – Chao stays at
    /// their spelling's similarity, Jaro–Winkler 0.833 (3 of 4 letters in place) and edit
    /// distance 0.75, mean 0.792; with Ming – Ming: (0.792 + 1) / 2 = 0.896.
    @Test func romanisations() {
        #expect(abs(NameSimilarity.score(person("Tsang Wei"), person("Zeng Wei")) - 0.96) < 1e-12)
        #expect(abs(NameSimilarity.score(person("Zhao Ming"), person("Chao Ming")) - (((2.5 / 3) + 0.75) / 2 + 1) / 2) < 1e-12)
        #expect(NameSimilarity.score(person("Zhou Ming"), person("Zhao Ming")) < 0.96)
        // Unrelated names stay low: no word pair above 0.7 is paired.
        #expect(NameSimilarity.score(person("Somchai Prasoet"), person("Li Wei")) < 0.3)
    }

    /// Designators must agree exactly: two numbered compounds are 0.3, whatever else matches.
    @Test func designatorsDisagree() {
        let one = NameForm("Compound Cambodia-1", organisation: true)
        let two = NameForm("Compound Cambodia-2", organisation: true)
        #expect(NameSimilarity.score(one, two) == 0.3)
        #expect(NameSimilarity.score(one, one) == 1)
    }
    /// With a floor, a name pair scores exactly as without it when it reaches the floor, and
    /// below the floor when it does not (what cannot reach it is not computed): every pair of
    /// a set of names at floors from 0 to 1.
    @Test func floorKeepsWhatReachesIt() {
        let names = ["Li Wei", "Wei Li", "Lee Wei", "Li Wen", "Liang Wei Ming", "Wang Xiaoming", "Wang Xiao-Ming",
                     "Aung Kyaw", "U Aung Kyaw", "Aung Kyaw Htet", "Nguyen Van Hung", "Nguyen Hung", "Xiaoming",
                     "Somchai Phrasoet", "Somchay Prasert", "Chen", "Ch'en Li Hua Mei", "Compound 1", "Compound 2"].map(person)
        for a in names {
            for b in names {
                let exact = NameSimilarity.score(a, b)
                for step in 0 ... 20 {
                    let floor = Double(step) / 20
                    let s = NameSimilarity.score(a, b, floor: floor)
                    if exact >= floor { #expect(s == exact, "\(a.tokens) \(b.tokens) \(floor)") } else { #expect(s < floor) }
                }
            }
        }
    }
}

/// The bit-parallel edit distance equals the dynamic programme on every pair of a seeded set
/// of random strings (lengths 0 to 70, so both sides of the 64-byte word), and on the
/// published kitten/sitting case (3).
@Suite struct LevenshteinTests {
    @Test func bitParallelEqualsTable() {
        var rng = SplitMix64(seed: 20)
        func word() -> [UInt8] {
            let n = Int(rng.next() % 71)
            return (0 ..< n).map { _ in UInt8(97 + rng.next() % 4) }
        }
        for _ in 0 ..< 3000 {
            let a = word(), b = word()
            #expect(NameSimilarity.levenshtein(a, b) == NameSimilarity.levenshteinTable(a, b), "\(a) \(b)")
        }
        #expect(NameSimilarity.levenshtein(Array("kitten".utf8), Array("sitting".utf8)) == 3)
        #expect(NameSimilarity.levenshtein([], Array("abc".utf8)) == 3)
    }
}
