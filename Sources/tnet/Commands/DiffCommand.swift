import ArgumentParser
import Foundation
import TraffickingNetworks

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Change over time: what appeared or ended between two dates (or two files), and who gained or lost centrality.",
        discussion: """
        tnet diff INPUT --from DATE --to DATE compares the dataset as of the two dates (facts whose period overlaps each date, and undated facts); tnet diff BEFORE AFTER compares two files. Entities are matched by id, links by (source, target, kind). The largest changes of --measure (default betweenness; an entity absent on one side counts 0) follow. Filters apply to both sides.
        CSV: change,id,source,target,kind,before,after (change: entity_appeared, entity_ended, link_appeared, link_ended, measure). JSON: {"measure","entities_appeared","entities_ended","links_appeared":[{"source","target","kind"}],"links_ended":[…],"changes":[{"id","before","after","delta"}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Argument(help: "A second dataset (after); without it, --from and --to.") var after: String?
    @Option(help: ArgumentHelp("The earlier date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("The later date.", valueName: "date")) var to: String?
    @Option(help: "The centrality measure whose changes are listed.") var measure: String = "betweenness"
    @Option(help: "How many centrality changes to list.") var top: Int = 10
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

    func validate() throws {
        if after == nil && (from == nil || to == nil) { throw ValidationError("give a second dataset, or --from and --to") }
        if after != nil && (from != nil || to != nil) { throw ValidationError("--from and --to compare one dataset with itself; with two files leave them out") }
        for d in [from, to].compactMap({ $0 }) where PartialDate(d) == nil { throw ValidationError("\(quoted(d)) is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
        if top < 0 { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        try Diagnostics.reporting {
            guard let m = CentralityMeasure(rawValue: measure), !m.isPerLink, m != .brokerage else {
                throw CLIError("--measure \(quoted(measure)): not a per-entity measure")
            }
            let before: Dataset, later: Dataset
            if let after {
                (before, later) = try input.loadPair(after: after)
            } else {
                let all = try input.load()
                func snapshot(_ date: String) throws -> Dataset {
                    try Result { () throws(DatasetFilter.Failure) in try DatasetFilter(asOf: PartialDate(date)!).apply(to: all) }
                        .mapError { CLIError($0.description) }.get()
                }
                before = try snapshot(from!)
                later = try snapshot(to!)
            }
            let diff = try Result { () throws(CentralityError) in try DatasetDiff(before: before, after: later, measure: m, top: top) }
                .mapError { CLIError($0.description) }.get()
            let label = { (id: String, d: Dataset) in d[id: id].map(entityLabel) ?? id }
            switch format {
            case .csv:
                var out = CSVText.row(["change", "id", "source", "target", "kind", "before", "after"])
                for id in diff.entitiesAppeared { out += CSVText.row(["entity_appeared", id, "", "", later[id: id]?.kind.rawValue ?? "", "", ""]) }
                for id in diff.entitiesEnded { out += CSVText.row(["entity_ended", id, "", "", before[id: id]?.kind.rawValue ?? "", "", ""]) }
                for l in diff.linksAppeared { out += CSVText.row(["link_appeared", "", l.source, l.target, l.kind.rawValue, "", ""]) }
                for l in diff.linksEnded { out += CSVText.row(["link_ended", "", l.source, l.target, l.kind.rawValue, "", ""]) }
                for c in diff.changes { out += CSVText.row(["measure", c.id, "", "", m.rawValue, JSONWriter.format(c.before), JSONWriter.format(c.after)]) }
                emit(out)
            case .json:
                var w = JSONWriter(pretty: true)
                w.beginObject()
                w.key("measure"); w.string(m.rawValue)
                w.key("entities_appeared"); w.beginArray(inline: true); for id in diff.entitiesAppeared { w.string(id) }; w.endArray()
                w.key("entities_ended"); w.beginArray(inline: true); for id in diff.entitiesEnded { w.string(id) }; w.endArray()
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
                w.endObject()
                emit(w.text + "\n")
            case .table:
                var out = "before: \(before.entities.count) entities, \(before.links.count) links; after: \(later.entities.count) entities, \(later.links.count) links\n"
                out += "entities appeared (\(diff.entitiesAppeared.count)):\n" + diff.entitiesAppeared.map { "  + " + label($0, later) + "\n" }.joined()
                out += "entities ended (\(diff.entitiesEnded.count)):\n" + diff.entitiesEnded.map { "  - " + label($0, before) + "\n" }.joined()
                out += "links appeared (\(diff.linksAppeared.count)):\n" + diff.linksAppeared.map { "  + \($0.source) \($0.kind.rawValue) \($0.target)\n" }.joined()
                out += "links ended (\(diff.linksEnded.count)):\n" + diff.linksEnded.map { "  - \($0.source) \($0.kind.rawValue) \($0.target)\n" }.joined()
                var table = TextTable(header: ["entity", "before", "after", "change"], rightAligned: [1, 2, 3])
                for c in diff.changes {
                    table.append([label(c.id, later[id: c.id] != nil ? later : before), String(format: "%.4f", c.before),
                                  String(format: "%.4f", c.after), String(format: "%+.4f", c.delta)])
                }
                out += "largest \(m.rawValue) changes:\n" + table.text
                emit(out)
            }
        }
    }
}
