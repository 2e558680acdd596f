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

    @Option(help: ArgumentHelp("The measure --top ranks by (default betweenness; above \(BetweennessDefault.exactLimit) entities approx-betweenness, sampled, and a note says so: exact betweenness takes minutes there).", valueName: "measure"))
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
        guard let m = CentralityMeasure(rawValue: name), DiagramRequest.perEntityMeasures.contains(m) else {
            // Under --redact victims the text typed is not repeated (it may be a name: helper-65).
            throw CLIError("\(option)\(EntityArguments.redacting ? " (the text given, not repeated under --redact victims)" : " " + quoted(name)): not a per-entity measure; one of: "
                           + DiagramRequest.perEntityMeasures.map(\.rawValue).joined(separator: ", "))
        }
        return m
    }

    /// The view (filters, `--top`), styled, with the choice of a layout in a child process.
    func diagram(_ input: InputOptions) throws -> Diagram {
        let loaded = try input.loaded(); let (dataset, source) = (loaded.dataset, loaded.source)
        var request = DiagramRequest()
        if let theme { request.theme = try Theme.read(try InputFile.read(theme)) }
        request.graphAttributes = graphAttribute.map { a in (String(a.prefix { $0 != "=" }), String(a.drop { $0 != "=" }.dropFirst())) }
        request.useDatasetLayoutAttributes = DatasetFormat(path: input.input) == .dot || input.from == .dot
        if let before = source.before {
            request.notes.append("filtered: \(dataset.entities.count) of \(before.entities) entities, \(dataset.links.count) of \(before.links) links")
        }
        if input.filters.redactsVictims { request.notes.append("protected persons redacted") }
        request.top = top
        if top != nil {
            // Exact betweenness at 10⁵ entities took 67 s of a 68 s `render --top 150`, and at
            // 10⁶ more than ten minutes (helper-64): above the limit the default is sampled, as
            // the briefing's diagram and `diff` do, and said with its bound.
            let n = dataset.entities.count
            let sampled = by == nil && n > BetweennessDefault.exactLimit
            request.by = try Self.measure(by ?? (sampled ? "approx-betweenness" : "betweenness"), option: "--by")
            if sampled {
                let o = CentralityAnalysisOptions()
                Diagnostics.note("--top ranks by sampled betweenness above \(BetweennessDefault.exactLimit) entities (this view has \(n)): approx-betweenness (Riondato–Kornaropoulos, ε \(o.epsilon), δ \(o.delta), seed \(o.seed); tnet centrality --measure approx-betweenness states the bound it reaches); --by betweenness ranks exactly (minutes at this size)")
            }
        }
        request.sizeBy = try sizeBy.map { try Self.measure($0, option: "--size-by") }
        request.clusterBy = clusterBy
        request.highlight = splitList(highlight)
        if let highlightPath {
            let ends = splitList(highlightPath)
            guard ends.count == 2 else { throw CLIError("--highlight-path takes FROM,TO") }
            request.highlightRoute = (ends[0], ends[1])
        }
        request.legend = legend
        request.title = title
        request.engine = engine
        let diagram: Diagram
        do throws(DiagramError) { diagram = try dataset.diagram(request) } catch {
            let flag: String
            switch error {
            case .attributeRefused: flag = "--graph-attribute"
            case .unknownEntity: flag = "--highlight"
            case .routeFailed, .noRoute: flag = "--highlight-path"
            case .notPerEntityMeasure(let m), .measureFailed(let m, _): flag = m == request.sizeBy ? "--size-by" : "--by"
            }
            // The text typed for --highlight may be a protected person's name: not repeated.
            if case .unknownEntity = error, EntityArguments.redacting {
                throw CLIError("\(flag): no entity by that text in the redacted view (under --redact victims the text is not repeated)")
            }
            if EntityArguments.redacting, case .notPerEntityMeasure = error {
                throw CLIError("\(flag): not a per-entity measure (the text given is not repeated under --redact victims)")
            }
            if case .measureFailed(let m, _) = error { throw CLIError(MeasureAdvice.elsewhere("\(flag): \(error)", command: "render", measure: m)) }
            throw CLIError("\(flag): \(error)")
        }
        for w in diagram.warnings {
            switch w {
            case .attributesDropped(let names):
                Diagnostics.warning("graph attributes not passed to Graphviz: \(names.joined(separator: ", ")) (see --graph-attribute for the allowed ones)")
            case .nothingToCluster(let field):
                Diagnostics.warning(EntityArguments.redacting ? "--cluster-by: no entity has the field given (not repeated under --redact victims)"
                                    : "--cluster-by \(quoted(field)): no entity has that field or attribute")
            }
        }
        return diagram
    }
}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a dataset with Graphviz (in-process, through libgvc) as SVG, PNG, PDF or DOT.",
        discussion: """
        Kinds have their own shape and colour-blind-safe colour; links are coloured by family (corruption red, trafficking orange, cooperation blue), solid for A/B-graded sources, dashed for C/D, dotted for E/F, wider for larger weights. A legend shows only the kinds present.
        --engine auto uses dot (layered, best for small networks) up to \(LayoutChoice.dotNodeLimit) entities and \(LayoutChoice.dotLinkLimit) links, sfdp beyond. Layout attributes from a DOT input or --graph-attribute pass an allow-list, and such a layout, or any with --timeout, runs in a child process: a Graphviz crash or a layout over time becomes an error, never a lost run.
        --layout geo draws a map instead, with tnet's own SVG (Graphviz cannot draw country outlines; no tiles, nothing fetched): Natural Earth 1:110m country outlines (public domain) in an equirectangular projection of the region that holds the placed entities (or --bounds). An entity is placed by its lat/lon attributes, else (a country) by its ISO code, name or id against the outlines (India (IN), Viet Nam), else near the entity it is located_in, else near the country in its country field; what is not placed is counted and said, and a map on which nothing can be placed, or nothing placed lies inside --bounds, is an error. Symbols are coloured by kind as in the diagram; trafficked_to and transits_through (source to target) and recruits_from (from the place recruited from to the recruiter) are drawn as arcs with arrows. --theme and --title apply; the other style options are graph-only. A map is SVG only.
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

    @Option(help: ArgumentHelp("graph: a network diagram laid out by Graphviz (--engine); geo: a map of where the entities are, with routes as arcs, drawn by tnet as SVG.", valueName: "graph|geo"))
    var layout: String = "graph"

    @Option(help: ArgumentHelp("With --layout geo: the part of the world shown, WEST,SOUTH,EAST,NORTH in degrees (e.g. 90,0,125,30 for mainland South-East Asia); default: around every placed entity.", valueName: "w,s,e,n"))
    var bounds: String?

    @Option(help: ArgumentHelp("With --layout geo: the image width in pixels (600–6000).", valueName: "pixels"))
    var width: Double = 1200

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout.isFinite) { throw ValidationError("--timeout must be a positive number of seconds") }
        guard layout == "graph" || layout == "geo" else { throw ValidationError("--layout \(quoted(layout)): one of graph, geo") }
        if layout != "geo" && bounds != nil { throw ValidationError("--bounds goes with --layout geo") }
        if layout == "geo" {
            guard (600 ... 6000).contains(width) else { throw ValidationError("--width must be between 600 and 6000 pixels") }
            if let f = format ?? GraphvizRenderer.format(forPath: output), f != "svg", output != "-" || format != nil {
                throw ValidationError("--layout geo draws SVG only; name a .svg file (or - for standard output)")
            }
            if let bounds { _ = try Self.parseBounds(bounds) }
        }
    }

    /// `WEST,SOUTH,EAST,NORTH` in degrees.
    static func parseBounds(_ text: String) throws -> GeoBounds {
        let v = splitList(text).compactMap(Double.init)
        guard v.count == 4, v.allSatisfy(\.isFinite), (-180 ... 180).contains(v[0]), (-180 ... 180).contains(v[2]), (-90 ... 90).contains(v[1]), (-90 ... 90).contains(v[3]), v[0] < v[2], v[1] < v[3] else {
            throw ValidationError("--bounds \(quoted(text)): give WEST,SOUTH,EAST,NORTH in degrees, west < east (−180…180), south < north (−90…90)")
        }
        return GeoBounds(minLon: v[0], minLat: v[1], maxLon: v[2], maxLat: v[3])
    }

    /// `--layout geo`: the map, drawn by TNetRender's ``GeoMap``.
    func runGeo() throws {
        let d = diagram
        let unused = [("--size-by", d.sizeBy != nil), ("--cluster-by", d.clusterBy != nil), ("--highlight", d.highlight != nil),
                      ("--highlight-path", d.highlightPath != nil), ("--top", d.top != nil), ("--graph-attribute", !d.graphAttribute.isEmpty),
                      ("--engine", d.engine != "auto"), ("--timeout", timeout != nil), ("--no-legend", !d.legend)].filter(\.1).map(\.0)
        if !unused.isEmpty { Diagnostics.warning("\(unused.joined(separator: ", ")): not used by --layout geo") }
        let loaded = try input.loaded()
        var options = GeoMap.Options()
        options.width = width
        options.title = d.title
        options.bounds = try bounds.map(Self.parseBounds)
        if let theme = d.theme { options.theme = try Theme.read(try InputFile.read(theme)) }
        options.notes = viewNotes(loaded, redacted: input.filters.redactsVictims)
        let map = GeoMap(dataset: loaded.dataset, options: options)
        // A map with nothing on it is not a map of the data: said, and no file written.
        guard !map.placement.placed.isEmpty else {
            let n = loaded.dataset.entities.count
            throw CLIError("map: \(n == 0 ? "the dataset has no entities" : "none of the \(n) entit\(n == 1 ? "y" : "ies") can be placed") "
                           + "(an entity needs lat/lon attributes, a country matched by ISO code, name or id, or a located_in link or country field leading to one); nothing to draw")
        }
        guard map.entitiesOutsideView < map.placement.placed.count else {
            throw CLIError("map: none of the \(map.placement.placed.count) placed entities lies inside --bounds; nothing to draw")
        }
        if let summary = map.notes.first { Diagnostics.note("map: " + summary) }
        for line in map.notes.dropFirst() { Diagnostics.warning("map: " + line) }
        let bytes = Array(map.svg.utf8)
        if output == "-" { emitBytes(bytes) } else { try AtomicFile.write(bytes, to: output) }
    }

    func run() throws {
        if layout == "geo" { return try Diagnostics.reporting { try runGeo() } }
        try Diagnostics.reporting {
            guard let outFormat = format ?? GraphvizRenderer.format(forPath: output) else {
                throw CLIError("\(output): cannot tell the output format from the extension; use --format svg|png|pdf|dot|json|plain")
            }
            TerminalProgress.step("reading \(input.input)")
            let drawing = try diagram.diagram(input)
            let bytes: [UInt8]
            if outFormat == "dot" && format == nil {
                bytes = Array(drawing.dot.utf8)  // the styled DOT: no layout needed
            } else {
                let n = drawing.dataset.entities.count
                if diagram.top == nil && n > Briefing.diagramLimit {
                    // Above the limit --top ranks by sampled betweenness by default (exact took
                    // 128 s at 100,000 entities, sampled 1.3 s: helper-54).
                    let sampled = n > BetweennessDefault.exactLimit
                    Diagnostics.note("laying out \(n) entities draws more than a reader can follow (and takes minutes at tens of thousands); --top \(Briefing.diagramTop) draws the \(Briefing.diagramTop) highest by \(sampled ? "sampled " : "")betweenness and the links among them")
                }
                TerminalProgress.step("laying out \(n) entities with \(drawing.engine)")
                let result = try drawing.render(format: outFormat, timeout: timeout, strict: true)
                bytes = result.bytes
                TerminalProgress.clear()
                for w in result.warnings { Diagnostics.warning("graphviz: " + w) }
            }
            TerminalProgress.clear()
            if output == "-" { emitBytes(bytes) } else { try AtomicFile.write(bytes, to: output) }
        }
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
