import TNetModel

/// Disruption scenarios ready to print: each strategy's removals, step by step.
public struct DisruptionListing: PrintableResult, Sendable {
    /// The dataset disrupted.
    public let dataset: Dataset
    /// The runs.
    public let result: DisruptionResult
    /// Whether the ranking was recomputed after each removal.
    public let recompute: Bool

    /// A listing of `result`.
    /// - Parameters:
    ///   - result: the runs.
    ///   - dataset: the dataset disrupted.
    ///   - recompute: whether ranks were recomputed after each removal.
    public init(_ result: DisruptionResult, in dataset: Dataset, recompute: Bool) {
        self.result = result
        self.dataset = dataset
        self.recompute = recompute
    }

    private func value(_ x: Double?) -> String { x.map(ResultText.exact) ?? "" }

    /// `strategy,step,removed,largest_share,components,efficiency,flow`.
    public var csv: String {
        var out = CSVText.row(["strategy", "step", "removed", "largest_share", "components", "efficiency", "flow"])
        for run in result.runs {
            for (i, s) in run.steps.enumerated() {
                out += CSVText.row([run.strategy.rawValue, String(i), s.removed.map { dataset.entities[$0].id } ?? "",
                                    value(s.largestShare), String(s.components), value(s.efficiency), value(s.flow)])
            }
        }
        return out
    }

    /// `{"protected_excluded","places_excluded","flow_sources","flow_sinks","accuracy":{…},"efficiency_established","runs":[{"strategy","steps":[…]}]}`
    /// (`efficiency_established`: what the sample establishes of the efficiency columns,
    /// ``TNetModel/DisruptionResult/sampledEfficiencyText``; null when exact)
    /// (`accuracy`: ``TNetIO/JSONWriter/accuracy(_:)``).
    public var json: String {
        JSONWriter.object { w in
            w.key("protected_excluded"); w.int(result.protectedExcluded)
            w.key("places_excluded"); w.int(result.placesExcluded)
            w.key("flow_sources"); w.strings(result.flowSources.map { dataset.entities[$0].id })
            w.key("flow_sinks"); w.strings(result.flowSinks.map { dataset.entities[$0].id })
            w.accuracy(result.accuracy)
            w.key("efficiency_established"); w.string(orNull: result.sampledEfficiencyText)
            w.key("runs"); w.beginArray()
            for run in result.runs {
                w.beginObject()
                w.key("strategy"); w.string(run.strategy.rawValue)
                w.key("steps"); w.beginArray()
                for (i, s) in run.steps.enumerated() {
                    w.beginObject()
                    w.key("step"); w.int(i)
                    w.key("removed"); w.string(orNull: s.removed.map { dataset.entities[$0].id })
                    w.key("largest_share"); w.double(s.largestShare)
                    w.key("components"); w.int(s.components)
                    w.key("efficiency"); w.double(s.efficiency)
                    w.key("flow"); if let f = s.flow { w.double(f) } else { w.null() }
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
        }
    }

    /// A table per strategy, then the projection and who was never removed.
    public var table: String {
        var out = ""
        for run in result.runs {
            out += "\(run.strategy.rawValue)\(recompute ? " (ranked again after each removal)" : "")\n"
            var table = TextTable(header: ["step", "removed", "largest part", "parts", "efficiency", "flow"], rightAligned: [0, 2, 3, 4, 5])
            for (i, s) in run.steps.enumerated() {
                table.append([String(i), s.removed.map { ResultText.entity(dataset.entities[$0]) } ?? "(intact network)",
                              ResultText.percent1(s.largestShare), String(s.components),
                              ResultText.fixed4(s.efficiency), s.flow.map(ResultText.general) ?? "—"])
            }
            out += table.text + "\n"
        }
        out += "(projection: \(result.projection)"
            + (result.excluded.isEmpty ? "" : "; never removed, by the target policy: " + result.excluded.map { "\($0.standing.rawValue) \($0.count)" }.joined(separator: ", ")) + ")\n"
        out += "(\(result.accuracy.text))\n"
        if let efficiency = result.sampledEfficiencyText { out += "(\(efficiency))\n" }
        return out
    }

}
