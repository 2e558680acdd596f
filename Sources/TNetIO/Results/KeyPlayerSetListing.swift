import TNetModel

/// The set of K actors the KPP-Neg search found to remove together, against the K highest by betweenness.
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

    /// `{"k","base_fragmentation","kpp":{"fragmentation","members"},"betweenness":{…},"protected_excluded","searched","candidates","accuracy":{…},"comparison","sets_measured"}`
    /// (`sets_measured`: null when exact, else `{"exact","seed","bound"}`, the sample the two
    /// sets' fragmentations were measured on: seed + 1, or exact when the network without a
    /// set is small enough)
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
            // Where the two sets' fragmentations come from when the base is sampled: a second
            // sample (its seed and the larger of the two values' bounds), or exact values.
            w.key("sets_measured")
            if result.accuracy.isExact { w.null() } else {
                w.beginObject()
                w.key("exact"); w.bool(result.setsExact)
                w.key("seed")
                if result.setsExact { w.null() } else { w.numberText("\(result.accuracy.sampling.seed &+ 1)") }
                w.key("bound"); w.double(result.statedBound)
                w.endObject()
            }
        }
    }

    /// Both sets with their fragmentations, and who was never proposed.
    public var table: String {
        var out = "fragmentation of the intact network: \(ResultText.fixed4(result.baseFragmentation)) (\(Dataset.removalProjectionText))\n"
        // Not "best": the search (a greedy start, swaps, seeded restarts) is a heuristic, and
        // above the exact limit it searches a pruned pool (helper-63).
        let size = result.set.count
        // Every candidate asked for (or more): there is one set, nothing was searched or compared.
        let everyCandidate = size == result.candidates && size > 0
        if everyCandidate {
            out += "set of every candidate, \(size)\(size < k ? ", fewer than the \(k) asked" : ""): fragmentation \(ResultText.fixed4(result.fragmentation)) (the only set of that size: nothing to search or compare)\n"
        } else {
            out += "set of \(size) found to remove together (KPP-Neg search: greedy start and swaps, not proven the best): fragmentation \(ResultText.fixed4(result.fragmentation))\n"
        }
        for i in result.set { out += "  " + ResultText.entity(dataset.entities[i]) + "\n" }
        if !everyCandidate {
            let top = result.betweennessSet.count
            out += "the \(top == 1 ? "candidate" : "\(top) candidates") highest by \(result.accuracy.betweennessSampled ? "sampled " : "")betweenness, for comparison: fragmentation \(ResultText.fixed4(result.betweennessFragmentation))\n"
            for i in result.betweennessSet { out += "  " + ResultText.entity(dataset.entities[i]) + "\n" }
        }
        let excluded = dataset.targetStandingCounts().filter { !$0.standing.isCandidate }
        if !excluded.isEmpty {
            out += "(never proposed, by the target policy: " + excluded.map { "\($0.standing.rawValue) \($0.count)" }.joined(separator: ", ") + ")\n"
        }
        if everyCandidate {
            out += "(\(result.accuracy.text))\n"
            return out
        }
        out += "(searched among " + (result.candidates == 1 ? "the only candidate" : result.searched == result.candidates ? "all \(result.candidates) candidates"
                : "\(result.searched) of \(result.candidates) candidates: those with the highest estimated gains alone and the highest by betweenness")
            + "; \(result.accuracy.text))\n"
        if let comparison = result.sampledComparison { out += "(\(comparison))\n" }
        return out
    }
}
