import Foundation
import TNetModel

/// What changed between two datasets ready to print: entities and links that appeared or
/// ended, and the largest changes of a centrality measure.
public struct DiffListing: PrintableResult, Sendable {
    /// The differences.
    public let diff: DatasetDiff
    /// The earlier and later datasets.
    public let before: Dataset, after: Dataset
    /// The measure whose changes are listed.
    public let measure: CentralityMeasure

    /// A listing of `diff`.
    /// - Parameters:
    ///   - diff: the differences.
    ///   - before: the earlier dataset.
    ///   - after: the later dataset.
    ///   - measure: the measure compared.
    public init(_ diff: DatasetDiff, before: Dataset, after: Dataset, measure: CentralityMeasure) {
        self.diff = diff
        self.before = before
        self.after = after
        self.measure = measure
    }

    /// `change,id,source,target,kind,before,after`.
    public var csv: String {
        var out = CSVText.row(["change", "id", "source", "target", "kind", "before", "after"])
        for id in diff.entitiesAppeared { out += CSVText.row(["entity_appeared", id, "", "", after[id: id]?.kind.rawValue ?? "", "", ""]) }
        for id in diff.entitiesEnded { out += CSVText.row(["entity_ended", id, "", "", before[id: id]?.kind.rawValue ?? "", "", ""]) }
        for l in diff.linksAppeared { out += CSVText.row(["link_appeared", "", l.source, l.target, l.kind.rawValue, "", ""]) }
        for l in diff.linksEnded { out += CSVText.row(["link_ended", "", l.source, l.target, l.kind.rawValue, "", ""]) }
        for c in diff.changes { out += CSVText.row(["measure", c.id, "", "", measure.rawValue, ResultText.exact(c.before), ResultText.exact(c.after)]) }
        return out
    }

    /// `{"measure","entities_appeared","entities_ended","links_appeared","links_ended","changes":[{"id","before","after","delta"}],"notes"}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("measure"); w.string(measure.rawValue)
            w.key("entities_appeared"); w.strings(diff.entitiesAppeared)
            w.key("entities_ended"); w.strings(diff.entitiesEnded)
            for (key, list) in [("links_appeared", diff.linksAppeared), ("links_ended", diff.linksEnded)] {
                w.key(key); w.beginArray()
                for l in list {
                    w.beginObject()
                    w.key("source"); w.string(l.source); w.key("target"); w.string(l.target); w.key("kind"); w.string(l.kind.rawValue)
                    w.endObject()
                }
                w.endArray()
            }
            w.key("changes"); w.beginArray()
            for c in diff.changes {
                w.beginObject()
                w.key("id"); w.string(c.id); w.key("before"); w.double(c.before); w.key("after"); w.double(c.after); w.key("delta"); w.double(c.delta)
                w.endObject()
            }
            w.endArray()
            w.key("notes"); w.strings(diff.notes)
        }
    }

    /// What a change of sampled values may be, said with them.
    public static let samplingCaveat = "a change smaller than the two bounds together may be sampling error, not a change in the network"

    /// The counts, what appeared and ended, and the largest changes (sampled: with the bounds).
    public var table: String {
        let label = { (id: String, d: Dataset) in d[id: id].map { ResultText.entity($0) } ?? TextTable.shownID(id) }
        var out = "before: \(before.entities.count) entities, \(before.links.count) links; after: \(after.entities.count) entities, \(after.links.count) links\n"
        // Ids and kinds are the file's text: shown as tables show ids, cleaned, cut in the
        // middle and marked with a hash when that changed them (two links that differ only in
        // the middle of an id stay apart).
        let link = { (l: DatasetDiff.LinkKey) in
            "\(TextTable.shownID(l.source)) \(TextTable.shownText(l.kind.rawValue, limit: 200)) \(TextTable.shownID(l.target))"
        }
        out += "entities appeared (\(diff.entitiesAppeared.count)):\n" + TextTable.boundedLines(diff.entitiesAppeared, "entities") { "  + " + label($0, after) + "\n" }
        out += "entities ended (\(diff.entitiesEnded.count)):\n" + TextTable.boundedLines(diff.entitiesEnded, "entities") { "  - " + label($0, before) + "\n" }
        out += "links appeared (\(diff.linksAppeared.count)):\n" + TextTable.boundedLines(diff.linksAppeared, "links") { "  + " + link($0) + "\n" }
        out += "links ended (\(diff.linksEnded.count)):\n" + TextTable.boundedLines(diff.linksEnded, "links") { "  - " + link($0) + "\n" }
        var table = TextTable(header: ["entity", "before", "after", "change"], rightAligned: [1, 2, 3])
        for c in diff.changes {
            table.append([label(c.id, after[id: c.id] != nil ? after : before), ResultText.fixed4(c.before),
                          ResultText.fixed4(c.after), String(format: "%+.4f", c.delta)])
        }
        out += "largest \(measure.rawValue) changes:\n" + table.text
        // Sampled values: the bounds and what they mean, with the table, not only on standard
        // error (helper-64: a table written to a file listed changes all inside the bounds).
        // And a measure that was not computed on a side says so: its table is empty for that
        // reason, not for want of changes (helper-66).
        if !diff.notes.isEmpty {
            out += "(" + diff.notes.joined(separator: "; ") + (diff.isSampled ? "; \(Self.samplingCaveat)" : "") + ")\n"
        }
        return out
    }
}
