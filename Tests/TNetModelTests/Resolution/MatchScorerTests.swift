import Foundation
import Testing
import TNetGraph
@testable import TNetModel

/// The match scorer's log-odds (issue 20), worked by hand from the weights tabled in
/// MatchScorer: prior −1; name weight 4 at similarity ≥ 0.98, 3 + (s − 0.92)/0.06 from 0.92,
/// 1.5 + 1.5 (s − 0.86)/0.06 from 0.86, 1.5 (s − 0.8)/0.06 from 0.8, 14 (s − 0.8) below;
/// a shared passport, id or registration number +7, wallet or e-mail +4, phone +2.5; a
/// differing strong identifier −3; same full date +2; same country +0.4, differing −0.7.
@Suite struct MatchScorerTests {
    static func records(_ entities: [Entity]) -> [ResolutionRecord] {
        let d = Dataset(entities: entities)
        return d.entities.indices.map { ResolutionRecord(d, entity: $0, input: 0) }
    }
    func logistic(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    @Test func nameWeightPieces() {
        #expect(MatchScorer.nameWeight(1) == 4)
        #expect(abs(MatchScorer.nameWeight(0.95) - 3.5) < 1e-12)
        #expect(abs(MatchScorer.nameWeight(0.89) - 2.25) < 1e-12)
        #expect(abs(MatchScorer.nameWeight(0.83) - 0.75) < 1e-12)
        #expect(abs(MatchScorer.nameWeight(0.7) - -1.4) < 1e-12)
        // Continuous at the joins (0.8, 0.86, 0.92).
        for s in [0.8, 0.86, 0.92] { #expect(abs(MatchScorer.nameWeight(s - 1e-9) - MatchScorer.nameWeight(s)) < 1e-6) }
    }

    /// Same name (+4) and same passport, written differently (+7): −1 + 4 + 7 = 10.
    @Test func sharedPassport() {
        let r = Self.records([
            Entity(id: "a", kind: .person, name: "Aung Kyaw", attributes: ["passport": .string("MA 123-456")]),
            Entity(id: "b", kind: .person, name: "U Aung Kyaw", attributes: ["passport_number": .string("ma123456")]),
        ])
        let s = MatchScorer().score(r[0], r[1])
        #expect(abs(s.probability - logistic(10)) < 1e-12)
        #expect(s.sharesStrongIdentifier)
        #expect(s.evidence.first?.text == "passport MA123456 in both")
        #expect(s.evidence.first?.weight == 7)
    }

    /// Same name (+4), passports differ (−3), same date of birth (+2), countries differ (−0.7):
    /// −1 + 4 − 3 + 2 − 0.7 = 1.3. The phone is the last 8 digits: +855 12 345 678 and
    /// 012-345-678 agree (+2.5): 3.8.
    @Test func mixedEvidence() {
        let r = Self.records([
            Entity(id: "a", kind: .person, name: "Li Wei", country: "China",
                   attributes: ["passport": .string("E1"), "dob": .string("1985-04-02"), "phone": .string("+855 12 345 678")]),
            Entity(id: "b", kind: .person, name: "Li Wei", country: "Taiwan",
                   attributes: ["passport": .string("E2"), "birth_date": .string("1985-04-02"), "mobile": .string("012-345-678")]),
        ])
        let s = MatchScorer().score(r[0], r[1])
        #expect(abs(s.probability - logistic(3.8)) < 1e-12)
        #expect(!s.sharesStrongIdentifier)
        #expect(Set(s.evidence.map { $0.weight }) == [4, -3, 2, -0.7, 2.5])
    }

    /// Records without a name share a passport: their ids ("rec-0412", "q9") are labels, not
    /// names, so no names are compared (weight 0, not 14 (s − 0.8) ≈ −11): −1 + 0 + 7 = 6. Named
    /// records whose names differ keep the weight against; so does the fast path.
    @Test func labelsAreNoEvidenceAgainst() throws {
        let r = Self.records([
            Entity(id: "rec-0412", kind: .person, attributes: ["passport": .string("P1234567")]),
            Entity(id: "q9", kind: .person, attributes: ["passport": .string("P1234567")]),
            Entity(id: "c", kind: .person, name: "Somsak Wongsawat", attributes: ["passport": .string("P1234567")]),
            Entity(id: "d", kind: .person, name: "Mohammed Al-Rashid", attributes: ["passport": .string("P1234567")]),
        ])
        #expect(r[0].firstFormIsLabel && r[1].firstFormIsLabel && !r[2].firstFormIsLabel)
        let s = MatchScorer().score(r[0], r[1])
        #expect(abs(s.probability - logistic(6)) < 1e-12)
        #expect(s.evidence.contains(MatchEvidence(text: "no name to compare (the first has only an id)", weight: 0)))
        #expect(try #require(MatchScorer().score(r[0], r[1], atLeast: 0.99)).probability == s.probability)
        // One named, one not: still no weight against.
        #expect(abs(MatchScorer().score(r[2], r[1]).probability - logistic(6)) < 1e-12)
        // Both named, names far apart: the weight against stays.
        let named = MatchScorer().score(r[2], r[3])
        #expect(named.probability < logistic(6) - 0.5)
        #expect(named.evidence.contains { $0.text.hasPrefix("names ") && $0.weight < -5 })
    }

    /// helper-66's cases. An id of letters only is a name (an edge list's nodes have no other):
    /// "Wang Lei" and "Li Na" sharing a passport are compared as names, and the pair is below
    /// the automatic 0.95 as named records are. A label with an alias compares the alias, on the
    /// fast path too, whatever the minimum: "Mo" against "Mohammed Al-Rashid" weighs against,
    /// as it would for a named record.
    @Test func idsOfLettersAreNamesAndAliasesAreCompared() throws {
        #expect(ResolutionRecord.isLabel("rec-0412") && ResolutionRecord.isLabel("q9") && ResolutionRecord.isLabel("+66 81 234")
                && ResolutionRecord.isLabel("--") && ResolutionRecord.isLabel("person-123") && ResolutionRecord.isLabel("case-2023-a"))
        #expect(!ResolutionRecord.isLabel("Wang Lei") && !ResolutionRecord.isLabel("somchai-prasert") && !ResolutionRecord.isLabel("Nguyễn"))
        // helper-67: handles with digits and Chinese names with numerals are names.
        #expect(!ResolutionRecord.isLabel("mai-nguyen-2") && !ResolutionRecord.isLabel("mai.nguyen.1998") && !ResolutionRecord.isLabel("tran-van-hung-1")
                && !ResolutionRecord.isLabel("王一博") && !ResolutionRecord.isLabel("张三"))
        // helper-68: a UUID's hexadecimal is no word.
        #expect(ResolutionRecord.isLabel("ae12cd4f-be9a-4c1d-a0ff-7b21aa9e0c3d") && ResolutionRecord.isLabel("mainguyen1998"))
        // helper-69: a handle's letters before its digits are a word.
        #expect(!ResolutionRecord.isLabel("hung.tran85") && ResolutionRecord.isLabel("rec-0412") && ResolutionRecord.isLabel("case-2023-a"))
        let r = Self.records([
            Entity(id: "Wang Lei", kind: .person, role: .victim, attributes: ["passport": .string("E12345678")]),
            Entity(id: "Li Na", kind: .person, role: .recruiter, attributes: ["passport": .string("E12345678")]),
            Entity(id: "p1", kind: .person, attributes: ["passport": .string("E12345678"), "aliases": .list([.string("Mo")])]),
            Entity(id: "m", kind: .person, name: "Mohammed Al-Rashid", attributes: ["passport": .string("E12345678")]),
        ])
        #expect(!r[0].firstFormIsLabel && r[2].firstFormIsLabel && r[2].nameForms.count == 1)
        let idNames = MatchScorer().score(r[0], r[1])
        #expect(idNames.probability < 0.95 && idNames.evidence.contains { $0.text.hasPrefix("names ") && $0.weight < 0 })
        let full = MatchScorer().score(r[2], r[3])
        #expect(full.evidence.contains { $0.text.hasPrefix("names \"mo\"") && $0.weight < 0 }, "\(full.evidence)")
        for minimum in [0.0, 0.01, 0.5, 0.9] {
            let fast = MatchScorer().score(r[2], r[3], atLeast: minimum)
            #expect(fast == nil ? full.probability < minimum : fast!.probability == full.probability, "\(minimum)")
        }
    }

    /// A person is never a company, whatever the names.
    @Test func categoriesNeverMatch() {
        let r = Self.records([
            Entity(id: "a", kind: .person, name: "Golden Star"),
            Entity(id: "b", kind: .company, name: "Golden Star"),
        ])
        #expect(MatchScorer().score(r[0], r[1]).probability == 0)
        #expect(MatchScorer.compatible(.person, .other))
    }

    /// A common name weighs less: with six records of signature `li wei` (k = 6), two of them
    /// score −1 + 4 − 0.8 ln(6/2) = 3 − 0.879 = 2.121.
    @Test func commonNamesWeighLess() {
        let r = Self.records((0 ..< 6).map { Entity(id: "p\($0)", kind: .person, name: $0 % 2 == 0 ? "Li Wei" : "Wei Li") })
        let scorer = MatchScorer(records: r)
        #expect(abs(scorer.probability(r[0], r[1]) - logistic(3 - 0.8 * log(3.0))) < 1e-12)
        #expect(abs(MatchScorer().probability(r[0], r[1]) - logistic(3)) < 1e-12)
    }

    /// Shared neighbours count 0.8 each, at most 2.4.
    @Test func neighbours() {
        let r = Self.records([Entity(id: "a", kind: .person, name: "Aung Kyaw"), Entity(id: "b", kind: .person, name: "Aung Kyaw")])
        #expect(abs(MatchScorer().probability(r[0], r[1], commonNeighbours: 1) - logistic(3.8)) < 1e-12)
        #expect(abs(MatchScorer().probability(r[0], r[1], commonNeighbours: 9) - logistic(5.4)) < 1e-12)
    }

    /// The candidate search's bound (`score(_:_:atLeast:)`), worked by hand at the search's
    /// minimum 0.2, logit ln(0.2 / 0.8) = −1.386.
    /// - Passports differ (−3), birth years ten apart (−4), countries differ (−0.7): the rest
    ///   is −7.7, so even the same name (+4) gives −1 + 4 − 7.7 = −4.7 (p = 0.009); the name
    ///   would need a weight of −1.386 + 1 + 7.7 = 7.31 > 4: nil, names not compared.
    /// - Only the years ten apart (−4): the name needs −1.386 + 1 + 4 = 3.614, a similarity of
    ///   0.92 + 0.614 × 0.06 = 0.957. `Li Wei` twice (1, +4): −1 + 4 − 4 = −1, p = 0.269, kept,
    ///   the same score as without the bound. `Li Wei` and `Lu Wen` are far below it: nil, and
    ///   the full score agrees (under 0.2).
    @Test func boundSkipsHopelessPairs() {
        let r = Self.records([
            Entity(id: "a", kind: .person, name: "Li Wei", country: "China", attributes: ["passport": .string("E1"), "dob": .string("1985")]),
            Entity(id: "b", kind: .person, name: "Li Wei", country: "Taiwan", attributes: ["passport": .string("E2"), "dob": .string("1995")]),
            Entity(id: "c", kind: .person, name: "Li Wei", attributes: ["dob": .string("1995")]),
            Entity(id: "d", kind: .person, name: "Lu Wen", attributes: ["dob": .string("1995")]),
        ])
        let scorer = MatchScorer()
        #expect(abs(scorer.probability(r[0], r[1]) - logistic(-4.7)) < 1e-12)
        #expect(scorer.score(r[0], r[1], atLeast: 0.2) == nil)
        #expect(abs(MatchScorer.similarityFloor(forWeight: 3.614) - 0.95684) < 1e-6)
        let kept = scorer.score(r[0], r[2], atLeast: 0.2)
        #expect(kept?.probability == scorer.probability(r[0], r[2]))
        #expect(abs((kept?.probability ?? 0) - logistic(-1)) < 1e-12)
        #expect(kept?.evidence == scorer.score(r[0], r[2]).evidence)
        #expect(scorer.score(r[0], r[3], atLeast: 0.2) == nil)
        #expect(scorer.probability(r[0], r[3]) < 0.2)
    }

    /// The floor is the name weight's inverse, less the margin: a similarity below it weighs
    /// less than asked, one a little above it weighs at least that (every 0.01 of weight).
    @Test func similarityFloorInvertsTheWeight() {
        for step in -1200 ... 400 {
            let w = Double(step) / 100
            let s = MatchScorer.similarityFloor(forWeight: w)
            #expect(MatchScorer.nameWeight(s) < w)
            #expect(MatchScorer.nameWeight(s + 2 * MatchScorer.margin) >= w - 1e-12)
        }
    }

    /// The bound changes nothing: on a seeded set of records built from a few alike names,
    /// identifiers, dates and countries, every pair scores with `atLeast` exactly as without
    /// it when at or above the minimum (probability, name similarity and evidence), and is nil
    /// below it, at each threshold tnet merge uses.
    @Test func boundIsExact() {
        var rng = SplitMix64(seed: 23)
        func pick<T>(_ xs: [T]) -> T { xs[Int(rng.next() % UInt64(xs.count))] }
        let names = ["Li Wei", "Wei Li", "Lee Wei", "Li Wen", "Liang Wei Ming", "Wang Xiaoming", "Wang Xiao-Ming",
                     "Ong Xiao Ming", "Aung Kyaw", "U Aung Kyaw", "Aung Kyaw Htet", "Nguyen Van Hung", "Nguyen Hung",
                     "Somchai Phrasoet", "Somchay Prasert", "Golden Star", "Chen Li", "Ch'en Li"]
        var entities: [Entity] = []
        for k in 0 ..< 150 {
            var attributes: Attributes = [:]
            if rng.next() % 2 == 0 { attributes["passport"] = .string(pick(["E1", "E2", "E3"])) }
            if rng.next() % 3 == 0 { attributes["phone"] = .string(pick(["012 345 678", "099 111 222"])) }
            if rng.next() % 4 == 0 { attributes["aliases"] = .string(pick(names)) }
            if rng.next() % 2 == 0 { attributes["dob"] = .string(pick(["1985", "1985-04", "1985-04-02", "1986-04-02", "1995-01-01"])) }
            entities.append(Entity(id: "p\(k)", kind: .person, name: pick(names), country: rng.next() % 2 == 0 ? pick(["China", "Taiwan"]) : nil,
                                   attributes: attributes))
        }
        let r = Self.records(entities)
        let scorer = MatchScorer(records: r)
        var kept = 0, dropped = 0
        for i in r.indices {
            for j in r.indices where j > i {
                let full = scorer.score(r[i], r[j], commonNeighbours: (i + j) % 3)
                // Also the pair's own probability as the minimum: kept at exactly its threshold,
                // near 1 too (a review found pairs at p = 0.9999999962… dropped by the bounds).
                let own = full.probability > 0 && full.probability < 1 ? [full.probability] : []
                for minimum in [0.2, 0.25, 0.5, 0.95] + own {
                    let bounded = scorer.score(r[i], r[j], commonNeighbours: (i + j) % 3, atLeast: minimum)
                    if full.probability >= minimum {
                        kept += 1
                        #expect(bounded?.probability == full.probability)
                        #expect(bounded?.nameSimilarity == full.nameSimilarity)
                        #expect(bounded?.evidence == full.evidence)
                    } else {
                        dropped += 1
                        #expect(bounded == nil)
                    }
                }
            }
        }
        #expect(kept > 1000 && dropped > 1000)
    }

    /// Identifiers as compared: phones by their last 8 digits, numbers in upper case without
    /// punctuation, too-short phones not at all.
    @Test func identifierNormalisation() {
        #expect(IdentifierKind.phone.normalise("00855-12345678") == "12345678")
        #expect(IdentifierKind.phone.normalise("12 34") == nil)
        #expect(IdentifierKind.passport.normalise(" ma-123 456 ") == "MA123456")
        #expect(IdentifierKind.wallet.normalise("0xABCdef") == "0xabcdef")
        #expect(IdentifierKind.wallet.normalise("TXyz") == "TXyz")
        #expect(IdentifierKind.email.normalise(" Boss@Example.ORG ") == "boss@example.org")
    }
}
