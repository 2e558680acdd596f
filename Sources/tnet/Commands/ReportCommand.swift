import ArgumentParser
import Foundation
import TraffickingNetworks

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The briefing: one self-contained HTML file and its Markdown twin, from a dataset.",
        discussion: """
        Writes DIR/report.html (inline CSS and SVG, no script, nothing fetched; opens offline), DIR/report.md, DIR/report.json (every section's data by id and value, for scripts and auditors) and the figures DIR/diagram.svg and DIR/disruption.svg that the Markdown shows. Holds the summary, the network diagram, key players and the best set to act on together (candidates by the target policy, see tnet key-players --help), communities, each source country's route to a nearest compound (every step names the link walked, its grade, its sources and its direction), cooperation gaps, corruption exposure, disruption scenarios and the sources with the grades of the facts citing them; and the tool version, the input's SHA-256 and the filters, to reproduce it. A section the data cannot support (no compounds, no countries, no state actors) is left out and says why; a plain graph (an edge list) gets its structure only. Filters and --redact victims apply (redact before sharing). Prints the path of the HTML file.
        report.json: \(BriefingJSON.shape)
        """
    )

    @OptionGroup var input: InputOptions
    @Option(name: .shortAndLong, help: "Folder to write the report into (created if missing).") var output: String
    @Option(help: "Key players listed.") var top: Int = 10
    @Option(help: "Removals per disruption strategy.") var steps: Int = 10

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if steps < 1 { throw ValidationError("--steps must be at least 1") }
    }

    func run() throws {
        try Diagnostics.reporting {
            Progress.step("reading \(input.input)")
            let dataset = try input.load()
            let inputs = input.input == "-" ? [] : ((try? FileDigest.sha256(path: input.input)) ?? [])
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withFullDate]
            let provenance = Briefing.Provenance(tool: "tnet \(TNet.version)", inputs: inputs,
                                                 filters: input.filters.filter.isEmpty ? "" : input.filters.filter.description,
                                                 redacted: input.filters.redactsVictims, generated: formatter.string(from: Date()))
            Progress.step("analysing \(dataset.entities.count) entities")
            let briefing = try Briefing(dataset: dataset, provenance: provenance, keyPlayers: top, disruptionSteps: steps)
            Progress.step("drawing")
            var options = DiagramOptions()
            options.clustering = .byCountry(dataset)
            options.engine = LayoutChoice.engine(entities: dataset.entities.count, links: dataset.links.count)
            if input.filters.redactsVictims { options.notes.append("protected persons redacted") }
            // Clustered by country (when entities have countries): a dot layout then runs in a
            // process of its own, to be the same every time (LayoutChoice.dependsOnMemoryLayout).
            let dot = DOTWriter.write(dataset, options: options)
            let rendered = LayoutChoice.dependsOnMemoryLayout(engine: options.engine, clustered: options.isClustered)
                ? try IsolatedLayout.render(dot: dot, engine: options.engine, format: "svg", timeout: nil)
                : try GraphvizRenderer.shared.renderReporting(dot: dot, engine: options.engine, format: "svg")
            for w in rendered.warnings { Diagnostics.warning("graphviz: " + w) }
            let diagram = String(decoding: rendered.bytes, as: UTF8.self)
            let chart = LineChart(title: "The largest connected part as actors are removed", xLabel: "actors removed",
                                  yLabel: "largest part (share of entities)",
                                  series: briefing.disruption.runs.map { run in
                                      .init(name: run.strategy.rawValue, points: run.steps.enumerated().map { (Double($0.offset), $0.element.largestShare) })
                                  }, yRange: 0 ... 1).svg()
            let html = BriefingWriter.html(briefing, diagramSVG: diagram, chartSVG: chart, clustered: options.isClustered)
            let markdown = BriefingWriter.markdown(briefing, clustered: options.isClustered)
            let json = BriefingJSON.write(briefing)
            Progress.clear()
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw CLIError("\(output): cannot create the folder: \(error.localizedDescription)")
            }
            let dir = output.hasSuffix("/") ? String(output.dropLast()) : output
            try AtomicFile.write(Array(diagram.utf8), to: dir + "/diagram.svg")
            try AtomicFile.write(Array(chart.utf8), to: dir + "/disruption.svg")
            try AtomicFile.write(Array(markdown.utf8), to: dir + "/report.md")
            try AtomicFile.write(json, to: dir + "/report.json")
            try AtomicFile.write(Array(html.utf8), to: dir + "/report.html")
            emit(dir + "/report.html\n")
        }
    }
}
