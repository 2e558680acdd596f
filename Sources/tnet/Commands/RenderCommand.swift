import ArgumentParser
import Foundation
import TraffickingNetworks

/// The style and view options `render` and `dot` share.
struct DiagramArguments: ParsableArguments {
    @Option(help: ArgumentHelp("A JSON theme overriding tnet's styles (shapes and colours per kind, link colours, fonts, graph attributes).", valueName: "file"))
    var theme: String?

    @Option(name: [.customShort("G"), .customLong("graph-attribute")], help: ArgumentHelp("A Graphviz graph attribute NAME=VALUE (repeatable), from an allow-list (rankdir, splines, overlap, concentrate, nodesep…).", valueName: "name=value"))
    var graphAttribute: [String] = []

    @Option(name: .customLong("size-by"), help: ArgumentHelp("Scale nodes by a centrality measure (pagerank, betweenness, degree…).", valueName: "measure"))
    var sizeBy: String?

    @Option(name: .customLong("cluster-by"), help: ArgumentHelp("Draw boxes around entities of the same country, region (the region an entity is located_in), community (Leiden), kind, role or attribute value.", valueName: "field"))
    var clusterBy: String?

    @Option(help: ArgumentHelp("Outline these entities (comma-separated ids) and dim the rest.", valueName: "ids"))
    var highlight: String?

    @Option(name: .customLong("highlight-path"), help: ArgumentHelp("Highlight the shortest route FROM,TO (links followed either way) and dim the rest.", valueName: "from,to"))
    var highlightPath: String?

    @Option(help: ArgumentHelp("Keep only the N entities ranked highest by --by, and the links among them.", valueName: "n"))
    var top: Int?

    @Option(help: ArgumentHelp("The measure --top ranks by (default betweenness).", valueName: "measure"))
    var by: String?

    @Flag(inversion: .prefixedNo, help: "Draw a legend of the kinds, link families and line styles present.")
    var legend = true

    @Option(help: "The legend's heading (default: the dataset's title).")
    var title: String?

    @Option(help: "Layout engine: auto, dot, neato, fdp, sfdp, circo, twopi (the DOT carries the engine's layout attributes).")
    var engine: String = "auto"

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        if by != nil && top == nil { throw ValidationError("--by goes with --top") }
        // Graphviz's six engines are taken on trust here (a build without one fails at layout
        // with Graphviz's message), so that parsing need not wait for Graphviz to start; any
        // other name is checked against the installed plugins at once.
        if engine != "auto" && !GraphvizRenderer.standardEngines.contains(engine) && !GraphvizRenderer.shared.engines.contains(engine) {
            throw ValidationError("--engine \(quoted(engine)): not a Graphviz layout engine here; one of: auto, \(GraphvizRenderer.shared.engines.joined(separator: ", "))")
        }
        for a in graphAttribute where !a.contains("=") { throw ValidationError("--graph-attribute \(quoted(a)) is not NAME=VALUE") }
    }

    static func measure(_ name: String, option: String) throws -> CentralityMeasure {
        guard let m = CentralityMeasure(rawValue: name), !m.isPerLink, m != .brokerage else {
            throw CLIError("\(option) \(quoted(name)): not a per-entity measure; one of: "
                           + CentralityMeasure.allCases.filter { !$0.isPerLink && $0 != .brokerage }.map(\.rawValue).joined(separator: ", "))
        }
        return m
    }

    /// The view (filters, `--top`) and the styled DOT for it.
    /// `isolated`: the layout runs in a child process (user layout attributes may crash
    /// Graphviz; a clustered dot or an fdp layout must not share its process to be the same
    /// every run, ``LayoutChoice/dependsOnMemoryLayout(engine:clustered:)``).
    func diagram(_ input: InputOptions) throws -> (dataset: Dataset, dot: String, engine: String, isolated: Bool) {
        var (dataset, before) = try input.loadCounting()
        var options = DiagramOptions()
        var userLayout = false
        if let theme {
            options.theme = try Theme.read(try InputFile.read(theme))
            userLayout = !options.theme.graph.isEmpty  // user layout attributes: laid out apart
        }
        for a in graphAttribute {
            let name = String(a.prefix { $0 != "=" }), value = String(a.drop { $0 != "=" }.dropFirst())
            if let problem = LayoutAttributes.problem(name: name, value: value) { throw CLIError("--graph-attribute: " + problem) }
            options.graphAttributes.append((name, value))
            userLayout = true
        }
        // A DOT file's own graph attributes: those on the allow-list are kept, the rest dropped.
        if DatasetFormat(path: input.input) == .dot || input.from == .dot {
            var dropped: [String] = []
            for (k, v) in dataset.extra {
                guard let value = v.string else { continue }
                if LayoutAttributes.problem(name: k, value: value) == nil {
                    options.graphAttributes.append((k, value))
                    userLayout = true
                } else if !k.hasPrefix("tnet_") {
                    dropped.append(k)
                }
            }
            if !dropped.isEmpty {
                Diagnostics.warning("graph attributes not passed to Graphviz: \(dropped.joined(separator: ", ")) (see --graph-attribute for the allowed ones)")
            }
        }
        if let before {
            options.notes.append("filtered: \(dataset.entities.count) of \(before.entities) entities, \(dataset.links.count) of \(before.links) links")
        }
        if input.filters.redactsVictims { options.notes.append("protected persons redacted") }
        if let top {
            let measure = try Self.measure(by ?? "betweenness", option: "--by")
            let before = dataset.entities.count
            do {
                (dataset, _) = try dataset.top(top, by: measure)
            } catch { throw CLIError("--by \(measure.rawValue): \(error)") }
            if dataset.entities.count < before {
                options.notes.append("the \(dataset.entities.count) entities with the highest \(measure.rawValue) of \(before)")
            }
        }
        if let sizeBy {
            let measure = try Self.measure(sizeBy, option: "--size-by")
            do {
                let table = try dataset.centrality([measure])
                var sizes = [Double](repeating: .nan, count: dataset.entities.count)
                for (r, row) in table.rows.enumerated() { sizes[row.source] = table.values[0][r] }
                options.sizes = sizes
                options.sizeMeasure = measure.rawValue
            } catch { throw CLIError("--size-by \(measure.rawValue): \(error)") }
        }
        if let clusterBy {
            switch clusterBy {
            case "country": options.clustering = .byCountry(dataset)
            case "region": options.clustering = .byRegion(dataset)
            case "community":
                // Leiden (connected communities), seed 0: the same file gives the same boxes.
                let r = dataset.communities(method: .leiden)
                options.clustering = .byGroups(r.community, basis: "community")
                options.notes.append("communities: Leiden, modularity \(String(format: "%.3f", r.modularity))")
            default:
                let c = Clustering.byAttribute(dataset, clusterBy)
                if c.labels.isEmpty { Diagnostics.warning("--cluster-by \(quoted(clusterBy)): no entity has that field or attribute") }
                options.clustering = c
            }
        }
        if let highlight {
            for id in highlight.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) where !id.isEmpty {
                guard let i = dataset.index(of: id) else { throw CLIError("--highlight: no entity \(quoted(id)) in the view") }
                options.highlightedEntities.insert(i)
            }
        }
        if let highlightPath {
            let ends = highlightPath.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2 else { throw CLIError("--highlight-path takes FROM,TO") }
            var route = RouteOptions()
            route.undirected = true
            let result: RouteResult
            do { result = try dataset.routes(from: ends[0], to: ends[1], options: route) } catch { throw CLIError("--highlight-path: \(error)") }
            guard let path = result.routes.first else { throw CLIError("--highlight-path: no route from \(quoted(ends[0])) to \(quoted(ends[1])) in the view") }
            options.highlightedEntities.formUnion(path.entities)
            options.highlightedLinks.formUnion(path.links)
        }
        options.legend = legend
        options.title = title
        options.engine = engine == "auto" ? LayoutChoice.engine(entities: dataset.entities.count, links: dataset.links.count) : engine
        return (dataset, DOTWriter.write(dataset, options: options), options.engine,
                userLayout || LayoutChoice.dependsOnMemoryLayout(engine: options.engine, clustered: options.isClustered))
    }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a dataset with Graphviz (in-process, through libgvc) as SVG, PNG, PDF or DOT.",
        discussion: """
        Kinds have their own shape and colour-blind-safe colour; links are coloured by family (corruption red, trafficking orange, cooperation blue), solid for A/B-graded sources, dashed for C/D, dotted for E/F, wider for larger weights. A legend shows only the kinds present.
        --engine auto uses dot (layered, best for small networks) up to \(LayoutChoice.dotNodeLimit) entities and \(LayoutChoice.dotLinkLimit) links, sfdp beyond. Layout attributes from a DOT input or --graph-attribute pass an allow-list, and such a layout, or any with --timeout, runs in a child process: a Graphviz crash or a layout over time becomes an error, never a lost run.
        The output file is written atomically: it appears complete or not at all.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Style and view") var diagram: DiagramArguments

    @Option(name: .shortAndLong, help: "Output file (.svg, .png, .pdf, .dot, .json); - writes to standard output.")
    var output: String

    @Option(help: "Output format when the extension does not tell: svg, png, pdf, dot, json, plain.")
    var format: String?

    @Option(help: ArgumentHelp("Stop a layout that takes longer than this (it runs in a child process).", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) { throw ValidationError("--timeout must be a positive number of seconds") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let outFormat = try format ?? Self.formatFromExtension(output)
            Progress.step("reading \(input.input)")
            let (dataset, dot, chosen, isolated) = try diagram.diagram(input)
            let bytes: [UInt8]
            if outFormat == "dot" && format == nil {
                bytes = Array(dot.utf8)  // the styled DOT: no layout needed
            } else {
                Progress.step("laying out \(dataset.entities.count) entities with \(chosen)")
                let result: RenderOutput
                if timeout != nil || isolated {
                    result = try IsolatedLayout.render(dot: dot, engine: chosen, format: outFormat, timeout: timeout)
                } else {
                    result = try GraphvizRenderer.shared.renderReporting(dot: dot, engine: chosen, format: outFormat)
                }
                bytes = result.bytes
                Progress.clear()
                for w in result.warnings { Diagnostics.warning("graphviz: " + w) }
            }
            Progress.clear()
            if output == "-" { emitBytes(bytes) } else { try AtomicFile.write(bytes, to: output) }
        }
    }

    static func formatFromExtension(_ path: String) throws -> String {
        guard path != "-" else { return "svg" }
        let known = ["svg", "png", "pdf", "dot", "gv", "json", "plain"]
        if let dot = path.lastIndex(of: "."), case let ext = path[path.index(after: dot)...].lowercased(), known.contains(ext) {
            return ext == "gv" ? "dot" : ext
        }
        throw CLIError("\(path): cannot tell the output format from the extension; use --format svg|png|pdf|dot|json|plain")
    }
}

struct DotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dot",
        abstract: "Write the styled DOT of a dataset to standard output (what render lays out).",
        discussion: "The same styles, views and filters as render; no layout is run."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup(title: "Style and view") var diagram: DiagramArguments

    func run() throws {
        try Diagnostics.reporting {
            emit(try diagram.diagram(input).dot)
        }
    }
}
