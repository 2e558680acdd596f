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

    /// What the sample establishes about the order of the players printed; nil when the gains
    /// are exact.
    public var orderText: String? {
        result.order?.text(listed: players.count, of: "fragmentation gain")
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

    /// `{"base_fragmentation","protected_excluded","candidates","accuracy":{…},"order":{"difference_bound","separated_after","text"}|null,"players":[{"rank","id","name","kind",…,"why"}]}`
    /// (`accuracy`: ``TNetIO/JSONWriter/accuracy(_:)``).
    public var json: String {
        JSONWriter.object { w in
            w.key("base_fragmentation"); w.double(result.fragmentation)
            w.key("protected_excluded"); w.int(result.protectedExcluded)
            w.key("candidates"); w.int(result.players.count)
            w.accuracy(result.accuracy)
            w.key("order")
            if let order = result.order {
                w.beginObject()
                w.key("difference_bound"); w.double(order.differenceBound)
                w.key("separated_after"); w.beginArray()
                for r in order.separations where r <= players.count { w.int(r) }
                w.endArray()
                w.key("text"); w.string(orderText ?? "")
                w.endObject()
            } else {
                w.null()
            }
            w.key("players"); w.beginArray()
            for (i, p) in players.enumerated() {
                let e = dataset.entities[p.entity]
                w.beginObject()
                w.key("rank"); w.int(i + 1)
                w.entityFields(e)
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
        out += "(\(ResultText.counted(result.players.count, "candidate")) evaluated; \(result.accuracy.text))\n"
        if let order = orderText { out += "(\(order))\n" }
        return out
    }
}
