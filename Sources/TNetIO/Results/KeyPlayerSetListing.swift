import TNetModel

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

    /// `{"k","base_fragmentation","kpp":{"fragmentation","members"},"betweenness":{…},"protected_excluded","searched","candidates","accuracy":{…},"comparison"}`
    /// (`comparison`: what the sample establishes of the set against the intact network and the
    /// betweenness set, ``TNetModel/KeyPlayerSetResult/sampledComparison``; null when exact)
    /// (`accuracy`: ``TNetIO/JSONWriter/accuracy(_:)``).
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
            w.key("searched"); w.int(result.searched)
            w.key("candidates"); w.int(result.candidates)
            w.accuracy(result.accuracy)
            w.key("comparison"); w.string(orNull: result.sampledComparison)
        }
    }

    /// Both sets with their fragmentations, and who was never proposed.
    public var table: String {
        var out = "fragmentation of the intact network: \(ResultText.fixed4(result.baseFragmentation)) (\(Dataset.removalProjectionText))\n"
        // "Best" only where the set is known to beat the betweenness set (exact, or sampled and
        // ahead by more than the bounds together).
        let best = result.accuracy.isExact || result.beatsBetweennessSet
        out += "\(best ? "best set" : "set") of \(k) \(best ? "" : "chosen ")to remove together (KPP-Neg): fragmentation \(ResultText.fixed4(result.fragmentation))\n"
        for i in result.set { out += "  " + ResultText.entity(dataset.entities[i]) + "\n" }
        out += "the \(k) candidates highest by \(result.accuracy.betweennessSampled ? "sampled " : "")betweenness, for comparison: fragmentation \(ResultText.fixed4(result.betweennessFragmentation))\n"
        for i in result.betweennessSet { out += "  " + ResultText.entity(dataset.entities[i]) + "\n" }
        let excluded = dataset.targetStandingCounts().filter { !$0.standing.isCandidate }
        if !excluded.isEmpty {
            out += "(never proposed, by the target policy: " + excluded.map { "\($0.standing.rawValue) \($0.count)" }.joined(separator: ", ") + ")\n"
        }
        out += "(searched among \(result.searched == result.candidates ? "all \(result.candidates)" : "\(result.searched) of \(result.candidates)") candidates"
            + (result.searched < result.candidates ? ": those whose removal alone raises fragmentation most and the highest by betweenness" : "")
            + "; \(result.accuracy.text))\n"
        if let comparison = result.sampledComparison { out += "(\(comparison))\n" }
        return out
    }
}
