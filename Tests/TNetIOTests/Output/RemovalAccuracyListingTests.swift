import Foundation
import TNetGraph
@testable import TNetModel
import Testing
@testable import TNetIO

/// Every removal listing states how its values were computed: exact, or sampled with ε, δ, the
/// seed, the sources and the bounds (table footer, JSON "accuracy").
@Suite struct RemovalAccuracyListingTests {
    static let network = SyntheticNetwork(nodes: 400, seed: 2).generate()
    static let sampled = EfficiencySampling(epsilon: 0.1, delta: 0.05, seed: 9, exactLimit: 100)

    static func accuracy(_ json: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        return object["accuracy"] as! [String: Any]
    }

    @Test func keyPlayersStateTheirBounds() throws {
        let d = Self.network
        let exact = KeyPlayerListing(try d.keyPlayers(), in: d, top: 5)
        #expect(exact.table.contains("exact: a breadth-first search from every entity"))
        #expect(try Self.accuracy(exact.json)["exact"] as? Bool == true)
        let r = try d.keyPlayers(sampling: Self.sampled)
        let listing = KeyPlayerListing(r, in: d, top: 5)
        #expect(listing.table.contains("sampled from \(r.accuracy.sources) of 400 entities as sources (seed 9)"))
        #expect(listing.table.contains("each fragmentation gain within ±") && listing.table.contains("probability ≥ 0.95"))
        let a = try Self.accuracy(listing.json)
        #expect(a["exact"] as? Bool == false && a["seed"] as? Int == 9 && a["delta"] as? Double == 0.05 && a["epsilon"] as? Double == 0.1)
        #expect((a["gain_bound"] as? Double ?? 1) <= 0.1 && (a["sources"] as? Int) == r.accuracy.sources && a["betweenness_samples"] as? Int != nil)
        // What the sample establishes of the order: the table's last line and JSON "order",
        // the same words; exact, "order" is null and nothing is said.
        let order = try #require(r.order)
        let text = try #require(listing.orderText)
        #expect(listing.table.hasSuffix("(\(text))\n") && text == order.text(listed: 5, of: "fragmentation gain"))
        let object = try JSONSerialization.jsonObject(with: Data(listing.json.utf8)) as! [String: Any]
        let o = try #require(object["order"] as? [String: Any])
        #expect(abs((o["difference_bound"] as? Double ?? 0) - order.differenceBound) < 1e-12 && o["text"] as? String == text)
        #expect(o["separated_after"] as? [Int] == order.separations.filter { $0 <= 5 })
        let exactObject = try JSONSerialization.jsonObject(with: Data(exact.json.utf8)) as! [String: Any]
        #expect(exactObject["order"] is NSNull && exact.orderText == nil && !exact.table.contains("order"))
    }

    /// An ε so small that the betweenness sample would draw more pairs than the 400 entities
    /// have (r = ⌈0.5/ε² · (⌊log₂(VD − 2)⌋ + 1 + ln 10)⌉ ≥ 500,000 · 3.3 against 400 · 399 =
    /// 159,600) and the fragmentation sample would take every source (⌈ln 20 / (2ε²)⌉ ≫ 400):
    /// every value is exact, equal to the exact run's, and every output says exact (helper-46:
    /// nothing said of betweenness; helper-48: the JSON said "exact": false).
    @Test func exactBetweennessInPlaceOfASampleIsSaid() throws {
        let d = Self.network
        let r = try d.keyPlayers(sampling: EfficiencySampling(epsilon: 0.001, delta: 0.1, seed: 9, exactLimit: 100))
        #expect(!r.accuracy.isSampled && r.accuracy.text == "exact: a breadth-first search from every entity", "\(r.accuracy.text)")
        let a = try Self.accuracy(KeyPlayerListing(r, in: d, top: 5).json)
        #expect(a["exact"] as? Bool == true && a["betweenness_samples"] is NSNull && a["betweenness_bound"] as? Double == 0)
        let exact = try d.keyPlayers()
        let byID = Dictionary(uniqueKeysWithValues: exact.players.map { ($0.id, $0.betweenness) })
        #expect(r.players.allSatisfy { byID[$0.id] == $0.betweenness })
        // Sampled fragmentation beside betweenness exact in place of its sample says both.
        var mixed = r.accuracy
        mixed.isExact = false
        #expect(mixed.isSampled && mixed.text.contains("betweenness exact (Brandes): a sample at ε 0.001 would have drawn "))
    }

    @Test func setAndDisruptionStateTheirBounds() throws {
        let d = Self.network
        let set = KeyPlayerSetListing(try d.keyPlayerSet(2, seed: 9, sampling: Self.sampled), in: d, k: 2)
        #expect(set.table.contains("searched among") && set.table.contains("sampled from"))
        #expect(try Self.accuracy(set.json)["exact"] as? Bool == false)
        // Sampled, the listing says what the sample establishes of both comparisons, worked
        // from the stated values and bound; exact, nothing ("comparison" null).
        let r = set.result
        let comparison = try #require(r.sampledComparison)
        // The margins: the two values' bounds together; the sets measured on a second sample.
        #expect(r.statedBound > 0 && r.riseMargin == r.accuracy.fragmentationBound + r.statedBound)
        #expect(comparison.hasPrefix("the sample \(r.fragmentation - r.baseFragmentation > r.riseMargin ? "establishes" : "does not establish") that removing the set raises"))
        #expect(comparison.contains(r.isBetweennessSet ? "and the set found is the betweenness set itself"
            : "and \(r.fragmentation - r.betweennessFragmentation > 2 * r.statedBound ? "establishes" : "does not establish") that it fragments more"))
        #expect(comparison.contains("second sample (seed + 1)"))
        // At δ ≥ 0.5 two bounds together hold with probability ≥ 1 − 2δ ≤ 0: nothing is
        // established (helper-63: "establishes … with probability ≥ 0").
        var vague = r
        vague.accuracy.sampling.delta = 0.6
        vague.fragmentation = vague.betweennessFragmentation + 1
        #expect(!vague.beatsBetweennessSet && vague.sampledComparison!.hasPrefix("the sample establishes no comparison: at δ 0.6"))
        // The network without either set small enough to be exact (bound 0): said as exact,
        // each comparison at 1 − δ (helper-63: "measured on a second sample … beyond 0").
        var exactSets = r
        exactSets.statedBound = 0
        exactSets.betweennessSet = exactSets.set.reversed().map { $0 + 1 }
        exactSets.fragmentation = exactSets.betweennessFragmentation + 0.001
        let exactText = try #require(exactSets.sampledComparison)
        #expect(exactSets.beatsBetweennessSet && exactText.contains("establishes that it fragments more than the betweenness set;")
                && exactText.contains("both sets' fragmentations are exact (every entity left was a source)")
                && exactText.hasSuffix("probability ≥ \(RemovalAccuracy.complement(r.accuracy.sampling.delta))"), "\(exactText)")
        // The search is a heuristic: the set is "found", never "best" (helper-63).
        #expect(r.beatsBetweennessSet == (r.fragmentation - r.betweennessFragmentation > 2 * r.statedBound))
        #expect(set.table.contains("set of 2 found to remove together (KPP-Neg search: greedy start and swaps, not proven the best)") && !set.table.contains("best set"), "\(set.table)")
        #expect(set.table.hasSuffix("(\(comparison))\n"))
        let setObject = try JSONSerialization.jsonObject(with: Data(set.json.utf8)) as! [String: Any]
        #expect(setObject["comparison"] as? String == comparison)
        let measured = try #require(setObject["sets_measured"] as? [String: Any])
        #expect(measured["exact"] as? Bool == false && measured["seed"] as? Int == 10 && abs((measured["bound"] as? Double ?? 0) - r.statedBound) < 1e-12)
        let exactSet = KeyPlayerSetListing(try d.keyPlayerSet(2, seed: 9), in: d, k: 2)
        let exactObject = try JSONSerialization.jsonObject(with: Data(exactSet.json.utf8)) as! [String: Any]
        #expect(exactSet.result.sampledComparison == nil && exactObject["comparison"] is NSNull && exactObject["sets_measured"] is NSNull)
        #expect(exactSet.table.contains("set of 2 found to remove together") && !exactSet.table.contains("best set"))
        var options = DisruptionOptions()
        options.strategies = [.degree]
        options.steps = 2
        options.sampling = Self.sampled
        let disruption = DisruptionListing(try d.disruption(options), in: d, recompute: false)
        #expect(disruption.table.contains("efficiency sampled from"))
        #expect(try Self.accuracy(disruption.json)["fragmentation_bound"] as? Double ?? 1 <= 0.1)
        // What the sample establishes of the efficiency column, worked from the stated values:
        // the run's change is told apart only beyond the two values' bounds together, the
        // intact network's b and at most ε after removals.
        let result = disruption.result, run = result.runs[0]
        let change = run.steps.last!.efficiency - run.steps.first!.efficiency
        let b = result.accuracy.fragmentationBound, margin = b + 0.1
        let said = try #require(result.sampledEfficiencyText)
        #expect(said.hasPrefix(abs(change) > margin
            ? "the sample establishes that efficiency \(change < 0 ? "falls" : "rises") over the run of degree (estimated "
            : "the sample does not establish a change of efficiency over the run of degree (estimated "), "\(said)")
        #expect(said.contains("told apart only by more than \(RemovalAccuracy.number(margin)), their bounds together (each comparison holding with probability ≥ 0.9)"), "\(said)")
        #expect(said.hasSuffix("the largest part, the parts and the flow are exact"))
        // Three strategies, worked by hand with margin b + 0.1 (b ≤ 0.1, so at most 0.2):
        // betweenness and degree fall from 0.5 to 0.1 (−0.4, established), random to 0.45
        // (−0.05, not); last efficiencies 0.1, 0.1, 0.45: the gap 0.35 splits them into
        // {betweenness, degree} then random, and the two tied are not ranked (helper-63: "the
        // strategies' last efficiencies differ by more than that" was said of all three).
        func synthetic(_ strategy: DisruptionStrategy, _ last: Double) -> DisruptionRun {
            var r = run
            r.strategy = strategy
            var first = r.steps[0], end = r.steps[r.steps.count - 1]
            first.efficiency = 0.5
            end.efficiency = last
            r.steps = [first, end]
            return r
        }
        var three = result
        three.runs = [synthetic(.betweenness, 0.1), synthetic(.degree, 0.1), synthetic(.random, 0.45)]
        #expect(three.sampledEfficiencyText == "the sample establishes that efficiency falls over the runs of betweenness (estimated −0.4), degree (estimated −0.4); it does not establish one over the run of random (estimated −0.05): two sampled efficiencies are told apart only by more than \(RemovalAccuracy.number(margin)), their bounds together (each comparison holding with probability ≥ 0.9); the sample tells the strategies' last efficiencies apart only in groups, lowest first: {betweenness, degree}; random (within a group it does not rank them) (last efficiencies told apart beyond 0.2, all 3 bounds holding together with probability ≥ 0.85); the largest part, the parts and the flow are exact")
        // Last efficiencies 0.1, 0.35, 0.6: both gaps (0.25) above the margin, a full ranking.
        three.runs[1] = synthetic(.degree, 0.35)
        three.runs[2] = synthetic(.random, 0.6)
        // (Two bounds after removals, each at most ε 0.1: last values apart beyond 0.2.)
        #expect(three.sampledEfficiencyText!.contains("; the sample ranks the strategies by last efficiency, lowest first: betweenness, degree, random (last efficiencies told apart beyond 0.2, all 3 bounds holding together with probability ≥ 0.85);"))
        three.accuracy.sampling.delta = 0.5
        #expect(three.sampledEfficiencyText == "the sample establishes no change of efficiency: at δ 0.5 two values' bounds hold together with probability ≥ 1 − 2δ, which is not above 0; the largest part, the parts and the flow are exact")
        #expect(disruption.table.hasSuffix("(\(said))\n"))
        let object = try JSONSerialization.jsonObject(with: Data(disruption.json.utf8)) as! [String: Any]
        #expect(object["efficiency_established"] as? String == said)
        var exactOptions = options
        exactOptions.sampling = EfficiencySampling()
        #expect(try d.disruption(exactOptions).sampledEfficiencyText == nil)
    }

    /// Bounds are shown rounded up to four decimals (never smaller than they are), and a
    /// round value stays round: 0.05 is stored a hair above 0.05 and is shown 0.05.
    @Test func boundsAreRoundedUp() {
        #expect(RemovalAccuracy.number(0.05) == "0.05" && RemovalAccuracy.number(0.1) == "0.1" && RemovalAccuracy.number(1) == "1")
        #expect(RemovalAccuracy.number(0.09991) == "0.1" && RemovalAccuracy.number(0.010000200004000079) == "0.0101")
        #expect(RemovalAccuracy.number(0.00001) == "0.0001" && RemovalAccuracy.number(.infinity) == "∞")
        // A hair above a four-decimal value is above it (helper-43: a relative nudge showed these
        // as 0.05 and 0.3).
        #expect(RemovalAccuracy.number(0.050000000000001) == "0.0501" && RemovalAccuracy.number(0.3000000000001) == "0.3001")
        // The probability a bound holds with, 1 − δ, worked in decimal from δ as written: never
        // rounded up to 1, never 0.9299999999999999.
        #expect(RemovalAccuracy.complement(0.00006) == "0.99994" && RemovalAccuracy.complement(0.12345) == "0.87655")
        #expect(RemovalAccuracy.complement(0.07) == "0.93" && RemovalAccuracy.complement(0.05) == "0.95" && RemovalAccuracy.complement(0.1) == "0.9")
        // Below 1e-20 the exact value would not fit Decimal's 38 digits: written as a difference.
        #expect(RemovalAccuracy.complement(1e-20) == "0.99999999999999999999" && RemovalAccuracy.complement(1e-39) == "1 − 1e-39")
        #expect(RemovalAccuracy.complement(5e-324) == "1 − 5e-324" && RemovalAccuracy.number(1e300) == "1e+300")
    }
}

