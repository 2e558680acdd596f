import TNetModel

extension LineChart {
    /// The curves of the largest connected part's share as actors are removed, one per strategy
    /// (the briefing's figure), from step 0 (the intact network, share 1 or less).
    /// - Parameters:
    ///   - result: the disruption runs.
    ///   - recompute: whether the ranking was recomputed after each removal (said in the title).
    /// - Returns: the chart, y from 0 to 1.
    public static func disruption(_ result: DisruptionResult, recompute: Bool = false) -> LineChart {
        LineChart(title: "The largest connected part as actors are removed" + (recompute ? " (ranked again each time)" : ""),
                  xLabel: "actors removed", yLabel: "largest part (share of entities)",
                  series: result.runs.map { run in
                      Series(name: run.strategy.rawValue, points: run.steps.enumerated().map { (Double($0.offset), $0.element.largestShare) })
                  }, yRange: 0 ... 1)
    }
}
