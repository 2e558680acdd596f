import TNetModel

/// What `tnet merge` did: the inputs, the entities before and after, the merges made without
/// review, the pairs left for review and every conflict between merged records.
public struct MergeListing: PrintableResult, Sendable {
    /// The merge.
    public let merge: DatasetMerge
    /// Each input's tag and entity and link counts.
    public let inputs: [(tag: String, entities: Int, links: Int)]
    /// The review file written, if any.
    public let reviewFile: String?
    /// The probability above which pairs were merged without review, when set.
    public let acceptProbability: Double?

    /// A listing of `merge`.
    /// - Parameters:
    ///   - merge: The merge.
    ///   - inputs: Each input's tag and counts.
    ///   - reviewFile: Where the pairs for review were written.
    ///   - acceptProbability: `--accept-above`, when given.
    public init(_ merge: DatasetMerge, inputs: [(tag: String, entities: Int, links: Int)], reviewFile: String?,
                acceptProbability: Double?) {
        self.merge = merge
        self.inputs = inputs
        self.reviewFile = reviewFile
        self.acceptProbability = acceptProbability
    }

    /// The most conflicts listed in the table (all are in JSON and CSV).
    public static let tableLimit = 40

    /// Counts, merges, conflicts, notes.
    public var table: String {
        let m = merge
        var out = ""
        for i in inputs { out += "input \(TextTable.clean(i.tag)): \(i.entities) entities, \(i.links) links\n" }
        out += "merged: \(m.dataset.entities.count) entities, \(m.dataset.links.count) links, \(m.dataset.sources.count) sources\n"
        out += "pairs compared: \(m.compared)\n"
        out += "merged without review: \(m.automatic.count) pair\(m.automatic.count == 1 ? "" : "s")"
        if let a = acceptProbability { out += " (including every pair of probability ≥ \(a): --accept-above)" }
        out += "\n"
        out += "merged by judgement: \(m.judgedSame)\n"
        out += "left for review: \(m.review.count) pair\(m.review.count == 1 ? "" : "s")" + (reviewFile.map { " in \(TextTable.clean($0))" } ?? "") + "\n"
        for u in m.unusedJudgements { out += "judgement not applied: \(TextTable.bounded(TextTable.clean(u)))\n" }
        if !m.conflicts.isEmpty {
            out += "\nconflicts (\(m.conflicts.count)):\n"
            var t = TextTable(header: ["entity", "field", "values", "kept"])
            for c in m.conflicts.prefix(Self.tableLimit) {
                t.rows.append([c.subject, c.field, c.values.joined(separator: "; "), c.kept].map { TextTable.bounded(TextTable.clean($0)) })
            }
            out += t.text
            if m.conflicts.count > Self.tableLimit {
                out += "(\(m.conflicts.count - Self.tableLimit) more; --format csv lists every one)\n"
            }
        }
        // A line's bound, not a cell's: tnet's own notes run past 200 characters (helper-65: the
        // note on records left uncompared lost its point).
        for n in m.notes { out += "note: \(TextTable.boundedLine(TextTable.clean(n)))\n" }
        return out
    }

    /// `{"inputs","entities","links","sources","compared","automatic":[{"left","right","reason"}],"judged_same","review","review_file","unused_judgements","conflicts":[{"entity","field","values","kept"}],"notes"}`.
    public var json: String {
        let m = merge
        return JSONWriter.object { w in
            w.key("inputs"); w.beginArray()
            for i in inputs {
                w.beginObject(); w.key("tag"); w.string(i.tag); w.key("entities"); w.int(i.entities); w.key("links"); w.int(i.links); w.endObject()
            }
            w.endArray()
            w.key("entities"); w.int(m.dataset.entities.count)
            w.key("links"); w.int(m.dataset.links.count)
            w.key("sources"); w.int(m.dataset.sources.count)
            w.key("compared"); w.int(m.compared)
            w.key("accept_above"); if let a = acceptProbability { w.double(a) } else { w.null() }
            w.key("automatic"); w.beginArray()
            for a in m.automatic {
                w.beginObject(); w.key("left"); w.string(a.left.description); w.key("right"); w.string(a.right.description)
                w.key("reason"); w.string(a.reason); w.endObject()
            }
            w.endArray()
            w.key("judged_same"); w.int(m.judgedSame)
            w.key("review"); w.int(m.review.count)
            w.key("review_file"); w.string(orNull: reviewFile)
            w.key("unused_judgements"); w.beginArray(); for u in m.unusedJudgements { w.string(u) }; w.endArray()
            w.key("conflicts"); w.beginArray()
            for c in m.conflicts {
                w.beginObject(); w.key("entity"); w.string(c.subject); w.key("field"); w.string(c.field)
                w.key("values"); w.beginArray(inline: true); for v in c.values { w.string(v) }; w.endArray()
                w.key("kept"); w.string(c.kept); w.endObject()
            }
            w.endArray()
            w.key("notes"); w.beginArray(); for n in m.notes { w.string(n) }; w.endArray()
        }
    }

    /// `entity,field,values,kept`: every conflict.
    public var csv: String {
        var out = CSVText.row(["entity", "field", "values", "kept"])
        for c in merge.conflicts { out += CSVText.row([c.subject, c.field, c.values.joined(separator: "; "), c.kept]) }
        return out
    }
}
