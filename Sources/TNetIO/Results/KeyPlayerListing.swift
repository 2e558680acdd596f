import TNetModel

/// Key players ready to print: candidates under the target policy, ranked by what removing each
/// would do, with the counts of those never proposed and why.
public struct KeyPlayerListing: PrintableResult, Sendable {
    /// The dataset ranked.
    public let dataset: Dataset
    /// The full ranking.
    public let result: KeyPlayerRanking
    /// The players printed (the first of the ranking).
    public let players: [KeyPlayer]

    /// A listing of the first `top` players of `result`.
    /// - Parameters:
    ///   - result: the ranking.
    ///   - dataset: the dataset ranked.
    ///   - top: how many players to print (nil: all).
    public init(_ result: KeyPlayerRanking, in dataset: Dataset, top: Int? = nil) {
        self.result = result
        self.dataset = dataset
        players = top.map { Array(result.players.prefix($0)) } ?? result.players
    }

    /// `rank,id,name,kind,fragmentation_gain,betweenness,pagerank,brokerage_role,brokerage_count,articulation_point,cut_off,protected,why`.
    public var csv: String {
        var out = CSVText.row(["rank", "id", "name", "kind", "fragmentation_gain", "betweenness", "pagerank", "brokerage_role",
                               "brokerage_count", "articulation_point", "cut_off", "protected", "why"])
        for (i, p) in players.enumerated() {
            let e = dataset.entities[p.entity]
            out += CSVText.row([String(i + 1), e.id, e.name ?? "", e.kind.rawValue, ResultText.exact(p.fragmentationGain),
                                ResultText.exact(p.betweenness), ResultText.exact(p.pagerank), p.brokerageRole ?? "",
                                String(p.brokerageCount), String(p.isArticulationPoint), String(p.cutOff), String(p.isProtected), p.why])
        }
        return out
    }

    /// `{"base_fragmentation","protected_excluded","players":[{"rank","id","name","kind",…,"why"}]}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("base_fragmentation"); w.double(result.fragmentation)
            w.key("protected_excluded"); w.int(result.protectedExcluded)
            w.key("players"); w.beginArray()
            for (i, p) in players.enumerated() {
                let e = dataset.entities[p.entity]
                w.beginObject()
                w.key("rank"); w.int(i + 1)
                w.key("id"); w.string(e.id)
                w.key("name"); w.string(orNull: e.name)
                w.key("kind"); w.string(e.kind.rawValue)
                w.key("fragmentation_gain"); w.double(p.fragmentationGain)
                w.key("betweenness"); w.double(p.betweenness)
                w.key("pagerank"); w.double(p.pagerank)
                w.key("brokerage_role"); w.string(orNull: p.brokerageRole)
                w.key("brokerage_count"); w.int(p.brokerageCount)
                w.key("articulation_point"); w.bool(p.isArticulationPoint)
                w.key("cut_off"); w.int(p.cutOff)
                w.key("protected"); w.bool(p.isProtected)
                w.key("why"); w.string(p.why)
                w.endObject()
            }
            w.endArray()
        }
    }

    /// The fragmentation of the intact network, the ranked actors, and who was never proposed.
    public var table: String {
        var table = TextTable(header: ["#", "actor", "fragmentation +", "betweenness", "pagerank", "why"], rightAligned: [0, 2, 3, 4])
        for (i, p) in players.enumerated() {
            table.append([String(i + 1), ResultText.entity(dataset.entities[p.entity]), ResultText.fixed4(p.fragmentationGain),
                          ResultText.fixed4(p.betweenness), ResultText.fixed4(p.pagerank), p.why])
        }
        var out = "key players: fragmentation of the intact network \(ResultText.fixed4(result.fragmentation)) (\(result.projection))\n" + table.text
        if !result.excluded.isEmpty {
            out += "(never proposed, by the target policy: " + result.excluded.map { "\($0.standing.rawValue) \($0.count)" }.joined(separator: ", ")
                + (result.protectedExcluded > 0 ? "; protected persons can be ranked, marked, for analysis only" : "") + ")\n"
        }
        return out
    }
}

/// The best set of K actors to remove together, against the K highest by betweenness.
public struct KeyPlayerSetListing: PrintableResult, Sendable {
    /// The dataset searched.
    public let dataset: Dataset
    /// The two sets and their fragmentations.
    public let result: KeyPlayerSetResult
    /// The size of each set.
    public let k: Int

    /// A listing of `result`.
    /// - Parameters:
    ///   - result: the sets.
    ///   - dataset: the dataset searched.
    ///   - k: the size asked for.
    public init(_ result: KeyPlayerSetResult, in dataset: Dataset, k: Int) {
        self.result = result
        self.dataset = dataset
        self.k = k
    }

    /// `set,id,name,kind` (set kpp or betweenness).
    public var csv: String {
        var out = CSVText.row(["set", "id", "name", "kind"])
        for (name, members) in [("kpp", result.set), ("betweenness", result.betweennessSet)] {
            for i in members { out += CSVText.row([name, dataset.entities[i].id, dataset.entities[i].name ?? "", dataset.entities[i].kind.rawValue]) }
        }
        return out
    }

    /// `{"k","base_fragmentation","kpp":{"fragmentation","members"},"betweenness":{…},"protected_excluded"}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("k"); w.int(k)
            w.key("base_fragmentation"); w.double(result.baseFragmentation)
            for (name, members, f) in [("kpp", result.set, result.fragmentation), ("betweenness", result.betweennessSet, result.betweennessFragmentation)] {
                w.key(name); w.beginObject()
                w.key("fragmentation"); w.double(f)
                w.key("members"); w.strings(members.map { dataset.entities[$0].id })
                w.endObject()
            }
            w.key("protected_excluded"); w.int(result.protectedExcluded)
        }
    }

    /// Both sets with their fragmentations, and who was never proposed.
    public var table: String {
        var out = "fragmentation of the intact network: \(ResultText.fixed4(result.baseFragmentation)) (\(Dataset.removalProjectionText))\n"
        out += "best set of \(k) to remove together (KPP-Neg): fragmentation \(ResultText.fixed4(result.fragmentation))\n"
        for i in result.set { out += "  " + ResultText.entity(dataset.entities[i]) + "\n" }
        out += "the \(k) candidates highest by betweenness, for comparison: fragmentation \(ResultText.fixed4(result.betweennessFragmentation))\n"
        for i in result.betweennessSet { out += "  " + ResultText.entity(dataset.entities[i]) + "\n" }
        out += "(never proposed, by the target policy: " + dataset.targetStandingCounts().filter { !$0.standing.isCandidate }
            .map { "\($0.standing.rawValue) \($0.count)" }.joined(separator: ", ") + ")\n"
        return out
    }
}

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

    /// `{"protected_excluded","places_excluded","flow_sources","flow_sinks","runs":[{"strategy","steps":[…]}]}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("protected_excluded"); w.int(result.protectedExcluded)
            w.key("places_excluded"); w.int(result.placesExcluded)
            w.key("flow_sources"); w.strings(result.flowSources.map { dataset.entities[$0].id })
            w.key("flow_sinks"); w.strings(result.flowSinks.map { dataset.entities[$0].id })
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
        out += "(projection: \(result.projection); never removed, by the target policy: " + result.excluded.map { "\($0.standing.rawValue) \($0.count)" }.joined(separator: ", ") + ")\n"
        return out
    }

}

