import ArgumentParser
import Foundation
import TraffickingNetworks

extension DisruptionStrategy: ExpressibleByArgument {}

struct DisruptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disrupt",
        abstract: "What removing actors one at a time would do, strategy against strategy.",
        discussion: """
        Strategies: degree, betweenness, pagerank, articulation (articulation points first), random (--seed), list (--targets, in order). After each removal: the largest connected part's share of all entities, the number of parts, global efficiency (NetworkX's global_efficiency of what is left) and the maximum flow from the source countries (a trafficked_to source or a recruits_from target) to the compounds over recruitment, transport, employment and control links (recruits_from, recruits_via, trafficked_to, transits_through, employs, operates, controls; one unit each, either way). Links are read as undirected. --recompute ranks again after every removal.
        Candidates follow the target policy (see tnet key-players --help): the perpetrator side only; never authorities, places (countries, regions, sites, compounds), platforms or protected persons (victims, survivors, witnesses); the output says how many were left out and why. The flow runs over recruits_from, recruits_via, trafficked_to, transits_through, employs, operates and controls links.
        CSV: strategy,step,removed,largest_share,components,efficiency,flow. JSON: {"protected_excluded","places_excluded","flow_sources":[ids],"flow_sinks":[ids],"runs":[{"strategy","steps":[{"step","removed","largest_share","components","efficiency","flow"}]}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("Strategies to compare (comma-separated).", valueName: "list"))
    var strategy: String = "betweenness,degree,random"
    @Option(help: "Removals per strategy.") var steps: Int = 10
    @Flag(help: "Rank again after every removal.") var recompute = false
    @Option(help: "Seed of the random strategy.") var seed: UInt64 = 0
    @Option(help: ArgumentHelp("Actors to remove, in order, for the list strategy (comma-separated ids).", valueName: "ids"))
    var targets: String?
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table
    @Option(help: ArgumentHelp("Also draw the curves of the largest part's share as an SVG line chart.", valueName: "file.svg"))
    var plot: String?

    var strategies: [DisruptionStrategy] {
        get throws {
            try strategy.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.map {
                guard let s = DisruptionStrategy(rawValue: $0) else {
                    throw ValidationError("unknown strategy \"\($0)\"; strategies: \(DisruptionStrategy.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return s
            }
        }
    }

    func validate() throws {
        let s = try strategies
        if s.isEmpty { throw ValidationError("--strategy needs at least one strategy") }
        if steps < 1 { throw ValidationError("--steps must be at least 1") }
        if s.contains(.list) && (targets ?? "").isEmpty { throw ValidationError("the list strategy needs --targets") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            var options = DisruptionOptions()
            options.strategies = try strategies
            options.steps = steps
            options.recompute = recompute
            options.seed = seed
            options.targets = splitList(targets)
            let r: DisruptionResult
            Progress.step("removing actors by \(options.strategies.map(\.rawValue).joined(separator: ", "))")
            defer { Progress.clear() }
            do { r = try dataset.disruption(options) } catch let error as AnalysisError { throw CLIError(error.description) }
            Progress.clear()
            func value(_ x: Double?) -> String { x.map { JSONWriter.format($0) } ?? "" }
            switch format {
            case .csv:
                var out = CSVText.row(["strategy", "step", "removed", "largest_share", "components", "efficiency", "flow"])
                for run in r.runs {
                    for (i, s) in run.steps.enumerated() {
                        out += CSVText.row([run.strategy.rawValue, String(i), s.removed.map { dataset.entities[$0].id } ?? "",
                                            value(s.largestShare), String(s.components), value(s.efficiency), value(s.flow)])
                    }
                }
                emit(out)
            case .json:
                var w = JSONWriter(pretty: true)
                w.beginObject()
                w.key("protected_excluded"); w.int(r.protectedExcluded)
                w.key("places_excluded"); w.int(r.placesExcluded)
                w.key("flow_sources"); w.beginArray(inline: true); for i in r.flowSources { w.string(dataset.entities[i].id) }; w.endArray()
                w.key("flow_sinks"); w.beginArray(inline: true); for i in r.flowSinks { w.string(dataset.entities[i].id) }; w.endArray()
                w.key("runs"); w.beginArray()
                for run in r.runs {
                    w.beginObject()
                    w.key("strategy"); w.string(run.strategy.rawValue)
                    w.key("steps"); w.beginArray()
                    for (i, s) in run.steps.enumerated() {
                        w.beginObject()
                        w.key("step"); w.int(i)
                        w.key("removed"); if let e = s.removed { w.string(dataset.entities[e].id) } else { w.null() }
                        w.key("largest_share"); w.double(s.largestShare)
                        w.key("components"); w.int(s.components)
                        w.key("efficiency"); w.double(s.efficiency)
                        w.key("flow"); if let f = s.flow { w.double(f) } else { w.null() }
                        w.endObject()
                    }
                    w.endArray()
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                emit(w.text + "\n")
            case .table:
                var out = ""
                for run in r.runs {
                    out += "\(run.strategy.rawValue)\(recompute ? " (ranked again after each removal)" : "")\n"
                    var table = TextTable(header: ["step", "removed", "largest part", "parts", "efficiency", "flow"], rightAligned: [0, 2, 3, 4, 5])
                    for (i, s) in run.steps.enumerated() {
                        table.append([String(i), s.removed.map { entityLabel(dataset.entities[$0]) } ?? "(intact network)",
                                      String(format: "%.1f%%", 100 * s.largestShare), String(s.components),
                                      String(format: "%.4f", s.efficiency), s.flow.map { String(format: "%g", $0) } ?? "—"])
                    }
                    out += table.text + "\n"
                }
                out += "(projection: \(r.projection); never removed, by the target policy: " + r.excluded.map { "\($0.standing.rawValue) \($0.count)" }.joined(separator: ", ") + ")\n"
                emit(out)
            }
            if let plot {
                let chart = LineChart(title: "The largest connected part as actors are removed" + (recompute ? " (ranked again each time)" : ""),
                                      xLabel: "actors removed",
                                      yLabel: "largest part (share of entities)",
                                      series: r.runs.map { run in
                                          .init(name: run.strategy.rawValue,
                                                points: run.steps.enumerated().map { (Double($0.offset), $0.element.largestShare) })
                                      }, yRange: 0 ... 1)
                try AtomicFile.write(Array(chart.svg().utf8), to: plot)
            }
        }
    }
}
