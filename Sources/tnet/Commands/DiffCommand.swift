import ArgumentParser
import Foundation
import TraffickingNetworks

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Change over time: what appeared or ended between two dates (or two files), and who gained or lost centrality.",
        discussion: """
        tnet diff INPUT --from DATE --to DATE compares the dataset as of the two dates (facts whose period overlaps each date, and undated facts); tnet diff BEFORE AFTER compares two files. Entities are matched by id, links by (source, target, kind). The largest changes of --measure (an entity absent on one side counts 0) follow; by default betweenness, sampled above 20,000 entities on either side (approx-betweenness, its error bound said on standard error and in JSON's notes: exact betweenness of 100,000 entities takes minutes). Filters apply to both sides.
        CSV: change,id,source,target,kind,before,after (change: entity_appeared, entity_ended, link_appeared, link_ended, measure). JSON: {"measure","entities_appeared","entities_ended","links_appeared":[{"source","target","kind"}],"links_ended":[…],"changes":[{"id","before","after","delta"}],"notes":[…]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Argument(help: "A second dataset (after); without it, --from and --to.") var after: String?
    @Option(help: ArgumentHelp("The earlier date (YYYY, YYYY-MM or YYYY-MM-DD).", valueName: "date")) var from: String?
    @Option(help: ArgumentHelp("The later date.", valueName: "date")) var to: String?
    @Option(help: "The centrality measure whose changes are listed (default: betweenness; approx-betweenness above 20,000 entities).")
    var measure: String?
    @Option(help: "How many centrality changes to list.") var top: Int = 10
    @OptionGroup var output: FormatOption

    func validate() throws {
        if after == nil && (from == nil || to == nil) { throw ValidationError("give a second dataset, or --from and --to") }
        if after != nil && (from != nil || to != nil) { throw ValidationError("--from and --to compare one dataset with itself; with two files leave them out") }
        for d in [from, to].compactMap({ $0 }) where PartialDate(d) == nil { throw ValidationError("\(quoted(d)) is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
        if top < 0 { throw ValidationError("--top must be 0 or more") }
    }

    func run() throws {
        try Diagnostics.reporting {
            if let measure, CentralityMeasure(rawValue: measure).map({ $0.isPerLink || $0 == .brokerage }) ?? true {
                throw CLIError("--measure \(quoted(measure)): not a per-entity measure")
            }
            let (before, later) = try after.map { try input.loadPair(after: $0) } ?? input.load().snapshots(PartialDate(from!)!, PartialDate(to!)!)
            let large = max(before.entities.count, later.entities.count) > BetweennessDefault.exactLimit
            let m = measure.flatMap(CentralityMeasure.init(rawValue:)) ?? (large ? .approxBetweenness : .betweenness)
            var options = CentralityAnalysisOptions()
            options.threads = ProcessInfo.processInfo.activeProcessorCount
            options.progress = TerminalProgress.fraction
            var diff = try DatasetDiff(before: before, after: later, measure: m, top: top, options: options)
            diff.notes = diff.notes.map { MeasureAdvice.elsewhere($0, command: "diff", measure: m) }
            TerminalProgress.clear()
            // The table carries the bounds and the caveat itself.
            if output.format != .table {
                for note in diff.notes { Diagnostics.note(note) }
                if diff.isSampled { Diagnostics.note(DiffListing.samplingCaveat) }
            }
            output.print(DiffListing(diff, before: before, after: later, measure: m))
        }
    }
}
