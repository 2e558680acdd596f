import Foundation
import Testing
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
