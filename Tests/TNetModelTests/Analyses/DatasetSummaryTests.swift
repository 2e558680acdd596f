import Testing
import TNetModel

@Suite struct DatasetSummaryTests {
    /// Minimum, median, mean and maximum, worked by hand (the median of an even count is the
    /// mean of the two middle values, as Python's `statistics.median`). Degree sequences are
    /// counted; a wide range of values is sorted; both give the same answers.
    @Test func distributionHandWorked() {
        typealias D = DatasetSummary.Distribution
        // Sorted 1 2 2 3: middle values 2 and 2; mean 8 / 4.
        #expect(D([3, 1, 2, 2]) == D(min: 1, median: 2, mean: 2, max: 3))
        // Sorted 0 10: median (0 + 10) / 2; mean 5.
        #expect(D([10, 0]) == D(min: 0, median: 5, mean: 5, max: 10))
        // Odd count: sorted 0 0 4 7 9, the third.
        #expect(D([9, 0, 4, 0, 7]) == D(min: 0, median: 4, mean: 4, max: 9))
        #expect(D([6]) == D(min: 6, median: 6, mean: 6, max: 6))
        #expect(D([]) == D(min: 0, median: 0, mean: 0, max: 0))
        // A range far wider than the count (sorted, not counted): 1 and 10^9.
        #expect(D([1_000_000_000, 1]) == D(min: 1, median: 500_000_000.5, mean: 500_000_000.5, max: 1_000_000_000))
        // Negative values and the extremes of Int do not overflow the range check.
        #expect(D([-3, Int.max - 1, -1]).median == -1)
        #expect(D([Int.min + 1, 0, 2]).max == 2)
        // Summed in input order without trapping when the total fits: Int.max + 1 - 1.
        #expect(D([Int.max, 1, -1]).mean == Double(Int.max) / 3)
        // Totals beyond an Int: 2·(2⁶³ − 1) / 2 and −2⁶³·2 / 2, no trap; the middle two of a
        // huge even pair averaged in Double.
        #expect(D([Int.max, Int.max]) == D(min: Int.max, median: Double(Int.max), mean: Double(Int.max), max: Int.max))
        #expect(D([Int.min, Int.min]).mean == Double(Int.min) && D([Int.min, Int.min]).median == Double(Int.min))
        #expect(D([Int.max - 1, Int.max]).median == Double(Int.max))
        // Above 2⁵³ the sum is rounded once: 2⁵³ + 1 and 2⁵³ + 5 have the mean 2⁵³ + 3, whose
        // nearest Double (ties to even) is 2⁵³ + 4; rounding each first would give 2⁵³ + 2.
        #expect(D([(1 << 53) + 1, (1 << 53) + 5]).median == Double((1 << 53) + 4))
    }

    /// Counting and sorting agree on random degree-like sequences.
    @Test func countingAgreesWithSorting() {
        var state: UInt64 = 11
        for trial in 0 ..< 200 {
            let n = 1 + trial % 37
            let values = (0 ..< n).map { _ -> Int in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Int(state >> 58)
            }
            let s = values.sorted()
            let median = n % 2 == 1 ? Double(s[n / 2]) : Double(s[n / 2 - 1] + s[n / 2]) / 2
            #expect(DatasetSummary.Distribution(values).median == median, "\(values)")
        }
    }
}
