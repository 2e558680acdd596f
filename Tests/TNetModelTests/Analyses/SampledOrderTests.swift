import Testing
@testable import TNetModel

/// Which places of a ranking by sampled values hold, by hand-worked cases.
@Suite struct SampledOrderTests {
    /// The worked case of the type's documentation: values 0.30, 0.25, 0.24, 0.10, 0.095 with
    /// b = 0.01 (2b = 0.02). Gaps 0.05, 0.01, 0.14, 0.005: those above 0.02 follow places 1 and 3.
    @Test func groupsOfTheWorkedCase() {
        let order = SampledOrder(sortedValues: [0.30, 0.25, 0.24, 0.10, 0.095], bound: 0.01, confidence: "0.9")
        #expect(order.differenceBound == 0.02 && order.separations == [1, 3])
        #expect(order.groups(listed: 5) == "#1; #2–#3; #4–#5")
        // Listing three: the groups shown end at #3, and the rest runs on below it.
        #expect(order.groups(listed: 3) == "#1; #2–#3; #4 and below")
        // Listing one: #1 alone is above every other.
        #expect(order.groups(listed: 1) == "#1; #2 and below")
        let text = order.text(listed: 5, of: "fragmentation gain")
        #expect(text.hasPrefix("the sample orders these in groups, #1; #2–#3; #4–#5: each group's estimated fragmentation gains exceed every later one's by more than 0.02, twice the bound that holds for every fragmentation gain together"))
        #expect(text.contains("probability ≥ 0.9 for all comparisons at once") && text.hasSuffix("within a group the order shown follows the estimates"))
    }

    /// No gap above 2b among the places listed: the order is said not to be established, even
    /// when a gap further down is (it says nothing of the places shown).
    @Test func noSeparationAmongThoseListed() {
        // Gaps 0.001, 0.001, 0.5: only place 3 is followed by a gap above 2b = 0.02.
        let order = SampledOrder(sortedValues: [0.6, 0.599, 0.598, 0.098], bound: 0.01, confidence: "0.9")
        #expect(order.separations == [3])
        #expect(order.groups(listed: 2) == nil)
        #expect(order.text(listed: 2, of: "fragmentation gain").hasPrefix(
            "order not established by the sample: no estimated fragmentation gain listed exceeds the next one by more than 0.02"))
        #expect(order.groups(listed: 4) == "#1–#3; #4")
    }

    /// Every gap above 2b: the whole order holds, and nothing is said of groups' inner order.
    @Test func everyPlaceSeparated() {
        let order = SampledOrder(sortedValues: [0.9, 0.5, 0.1], bound: 0.05, confidence: "0.95")
        #expect(order.separations == [1, 2] && order.groups(listed: 3) == "#1; #2; #3")
        #expect(!order.text(listed: 3, of: "gain").contains("within a group"))
        // A gap of exactly 2b does not separate (the bound allows it to be noise).
        #expect(SampledOrder(sortedValues: [0.5, 0.25], bound: 0.125, confidence: "0.9").separations.isEmpty)
    }

    /// Each value within b on its own at δ becomes, for n values together, Hoeffding–Serfling's
    /// bound at δ/n: b · √(ln(2n/δ) / ln(2/δ)). Worked: n = 1,000, δ = 0.05:
    /// √((ln 2,000 + ln 20) / (ln 2 + ln 20)) = √((7.6009 + 2.9957) / 3.6889) = √2.8726 = 1.6949.
    /// One candidate has no order to establish.
    @Test func boundForAllValuesTogether() {
        let values = (0 ..< 1_000).map { 1 - Double($0) / 1_000 }
        let order = SampledOrder(sortedValues: values, eachWithin: 0.01, delta: 0.05)
        #expect(abs(order.bound - 0.016949) < 1e-6 && abs(order.differenceBound - 0.033898) < 2e-6)
        #expect(order.confidence == "0.95" && order.separations.isEmpty)
        let one = SampledOrder(sortedValues: [0.2], eachWithin: 0.1, delta: 0.1)
        #expect(one.bound == 0.1 && one.text(listed: 10, of: "gain") == "a single candidate: there is no order to establish")
    }
}
