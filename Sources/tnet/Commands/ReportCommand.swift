import ArgumentParser
import Foundation
import TraffickingNetworks

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The briefing: one self-contained HTML file and its Markdown twin, from a dataset.",
        discussion: """
        Writes DIR/report.html (one self-contained page that opens offline: its own inline style, script and data, admitted by a Content-Security-Policy, nothing fetched; findings first, then the network to explore at Graphviz's positions: pan and zoom, search by name or alias, a panel with each entity's and link's sources and grades, filters with tnet's semantics, an as-of slider, routes; above \(PageData.overviewThreshold) entities an overview of communities), DIR/report.md, DIR/report.json (every section's data by id and value, for scripts and auditors) and the figures DIR/diagram.svg and DIR/disruption.svg that the Markdown shows. Holds the summary, the network diagram, key players and a set to act on together (candidates by the target policy, see tnet key-players --help), communities, each source country's route to a nearest compound (every step names the link walked, its grade, its sources and its direction), cooperation gaps, corruption exposure, disruption scenarios and the sources with the grades of the facts citing them; and the tool version, the input's SHA-256 and the filters, to reproduce it. A section the data cannot support (no compounds, no countries, no state actors) is left out and says why; a plain graph (an edge list) gets its structure only. Filters and --redact victims apply (redact before sharing). Prints the path of the HTML file.
        Scale: up to \(EfficiencySampling.defaultExactLimit) entities (--exact-limit; or with --exact) every value is exact; above it fragmentation, efficiency and betweenness are sampled with the bounds of tnet key-players --help (--epsilon, --delta, --seed; the disruption curves with ε \(Briefing.disruptionEpsilon) at least), and each section states them. Above \(Briefing.diagramLimit) entities the diagram (and the timeline) draws the \(Briefing.diagramTop) entities highest by betweenness and the links among them, and its caption says so. Above \(Briefing.scaleLimit) entities (unless --exact) the briefing samples more coarsely to finish in minutes: key players and the set's values at ε \(Briefing.scaleEpsilon) at least, the set searched on a sample of ε \(Briefing.scaleSearchEpsilon) without random restarts, the disruption curves at ε \(Briefing.scaleDisruptionEpsilon); its Scale paragraph and report.json's accuracy.scale say so, with the sources and the seed.
        report.json: \(BriefingJSON.shape)
        """
    )

    @OptionGroup var input: InputOptions
    @Option(name: .shortAndLong, help: "Folder to write the report into (created if missing).") var output: String
    @Option(help: "Key players listed.") var top: Int = 10
    @Option(help: "Removals per disruption strategy.") var steps: Int = 10
    @OptionGroup(title: "Scale") var scale: SamplingOptions

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if steps < 1 { throw ValidationError("--steps must be at least 1") }
    }

    func run() throws {
        try Diagnostics.reporting {
            // Checked before the analyses (helper-58: minutes of work, then this error).
            guard IsolatedLayout.isAvailable else { throw CLIError(LayoutError.helperMissing(path: IsolatedLayout.helperPath()).description) }
            TerminalProgress.step("reading \(input.input)")
            let loaded = try input.loaded()
            TerminalProgress.step("analysing \(loaded.dataset.entities.count) entities")
            let files = try BriefingFiles(loaded, keyPlayers: top, disruptionSteps: steps, strictLayout: true, sampling: scale.sampling,
                                          threads: scale.threadCount, progress: TerminalProgress.fraction)
            for w in files.warnings { Diagnostics.warning("graphviz: " + w) }
            TerminalProgress.clear()
            do {
                emit(try files.write(to: output) + "\n")
            } catch let error as CocoaError {
                throw CLIError("\(output): cannot create the folder: \(error.localizedDescription)")
            }
        }
    }
}
