import ArgumentParser
import Foundation
import TraffickingNetworks

struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Draw entities and links with dates on a time axis, as an SVG timeline.",
        discussion: """
        One row per entity that has a period or a dated link, grouped by kind and ordered by the first date that concerns it. A bar is an entity's own period, from the first day its start covers to the last day its end covers (a year-only date spans the year). An open end (unknown, or still holding) runs to the edge of the axis, fading and dashed. The axis starts where the entities' periods and most links begin (--since and --until choose it); what lies beyond is drawn at the edge, with an arrow, and counted. A dated link is a connector between its two rows where it begins (a hollow dot when only its end is known), coloured by family as in render and dashed or dotted by grade. Protected persons are hatched, and with --redact victims drawn under their pseudonyms.
        What has no date is counted, never dropped silently: "N entities and M links have no dates and are not drawn" is printed on standard error and under the drawing. Filters apply first (--as-of keeps what held on a date, and undated facts). Above 500 entities with dates (--top), those with the most dated links are drawn, with the links among them, and the rest counted; above 5,000 links among them (--link-limit), they are drawn by month (by quarter or year when months are still too many), one connector per pair of rows, kind and period.
        Drawn by tnet itself (no Graphviz). The output file is written atomically.
        """
    )

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file (.svg); - writes to standard output.", valueName: "file"))
    var output: String

    @Option(help: "The heading (default: the dataset's title).")
    var title: String?

    @Option(help: ArgumentHelp("Image width in pixels (600–6000).", valueName: "pixels"))
    var width: Double = 1200

    @Option(help: ArgumentHelp("Start the axis at DATE (YYYY, YYYY-MM or YYYY-MM-DD; default: the start of the earliest year an entity's period begins, or by which a tenth of the dated links have begun, whichever is earlier). What begins before is drawn at the left edge and counted.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("End the axis after DATE (default: the end of the latest year named). What lies after is drawn at the right edge and counted.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("A JSON theme overriding tnet's kind and link colours (as render's --theme).", valueName: "file"))
    var theme: String?

    @Option(help: ArgumentHelp("Draw at most N entities: those with the most dated links, and the links among them; what is left out is counted under the drawing. 0 draws every entity with a date.", valueName: "n"))
    var top: Int = 500

    @Option(name: .customLong("link-limit"), help: ArgumentHelp("Draw at most N links one by one; above it, one connector per pair of rows, kind and month (quarter, year), its tooltip counting the links. 0 draws every link.", valueName: "n"))
    var linkLimit: Int = 5_000

    func validate() throws {
        guard (600 ... 6000).contains(width) else { throw ValidationError("--width must be between 600 and 6000 pixels") }
        for (flag, value) in [("--since", since), ("--until", until)] {
            if let value, PartialDate(value) == nil { throw ValidationError("\(flag) \(quoted(value)) is not a date (YYYY, YYYY-MM or YYYY-MM-DD)") }
        }
        if let a = since.flatMap(PartialDate.init), let b = until.flatMap(PartialDate.init), b.latest < a.earliest {
            throw ValidationError("--until \(b) is before --since \(a)")
        }
        guard top >= 0 else { throw ValidationError("--top must be 0 (every entity) or more") }
        guard linkLimit >= 0 else { throw ValidationError("--link-limit must be 0 (every link) or more") }
        if output != "-" && !output.lowercased().hasSuffix(".svg") { throw ValidationError("--output \(quoted(output)): a timeline is SVG; name a .svg file or -") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let loaded = try input.loaded()
            var options = Timeline.Options()
            options.width = width
            options.title = title
            options.since = since.flatMap(PartialDate.init)
            options.until = until.flatMap(PartialDate.init)
            options.top = top == 0 ? nil : top
            options.linkLimit = linkLimit == 0 ? nil : linkLimit
            if let theme { options.theme = try Theme.read(try InputFile.read(theme)) }
            options.notes = viewNotes(loaded, redacted: input.filters.redactsVictims)
            let timeline = Timeline(dataset: loaded.dataset, options: options)
            for line in timeline.notes { Diagnostics.warning("timeline: " + line) }
            if output == "-" { emitBytes(Array(timeline.svg.utf8)) } else { try AtomicFile.write(Array(timeline.svg.utf8), to: output) }
        }
    }
}

/// What a drawing says about the view it shows: the filter's counts, and redaction.
func viewNotes(_ loaded: LoadedDataset, redacted: Bool) -> [String] {
    var notes: [String] = []
    if let before = loaded.source.before {
        notes.append("filtered: \(loaded.dataset.entities.count) of \(before.entities) entities, \(loaded.dataset.links.count) of \(before.links) links")
    }
    if redacted { notes.append("protected persons redacted") }
    return notes
}
