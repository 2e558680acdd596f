import TNetGraphviz
import TNetModel
import TNetIO

/// What a diagram shows beyond the dataset itself.
public struct DiagramOptions: Sendable {
    /// Shapes and colours per kind, fonts and graph attributes.
    public var theme = Theme.standard
    /// The layout engine the DOT is meant for (its default graph attributes are written first);
    /// `auto` picks by size (``LayoutChoice/engine(entities:links:)``).
    public var engine = "auto"

    /// ``engine`` with `auto` resolved for `dataset`.
    /// - Parameter dataset: the dataset to be drawn.
    /// - Returns: a Graphviz engine name.
    public func resolvedEngine(for dataset: Dataset) -> String {
        engine == "auto" ? LayoutChoice.engine(entities: dataset.entities.count, links: dataset.links.count) : engine
    }
    /// Graph attributes added after the theme's (each must pass ``LayoutAttributes``).
    public var graphAttributes: [(name: String, value: String)] = []
    /// A value per entity (a centrality, say) that scales node size; nil draws every node alike.
    public var sizes: [Double]?
    /// What ``sizes`` measures, for the legend.
    public var sizeMeasure: String?
    /// Boxes drawn around groups of entities (Graphviz clusters); nil for none.
    public var clustering: Clustering?
    /// Whether the diagram has at least one cluster box.
    public var isClustered: Bool { !(clustering?.labels.isEmpty ?? true) }
    /// Entities drawn with a strong outline; when any is set, everything else is dimmed.
    public var highlightedEntities: Set<Int> = []
    /// Links drawn in the highlight colour (a route, say).
    public var highlightedLinks: Set<Int> = []
    /// Whether the legend (title, kinds, link families, line styles) is drawn.
    public var legend = true
    /// The legend's heading; the dataset's title when nil.
    public var title: String?
    /// Lines added under the legend (what was filtered or redacted).
    public var notes: [String] = []

    /// The standard theme, engine `auto`, a legend, no sizes, clusters or highlights.
    public init() {}
}

/// Writes a dataset as DOT, styled for investigators.
///
/// Deterministic: the same dataset and options give the same bytes (the graph is named, so
/// Graphviz's output does not carry a per-call counter). Nodes are named `n0, n1, …` (entity
/// positions), so no user text is ever a DOT identifier; names and ids appear only in quoted,
/// escaped strings (`DOTEscaping.text(_:)`) and in the legend's HTML, escaped for HTML.
public enum DOTWriter {
    /// The styled DOT of `dataset`: the legend and graph attributes, then the entities (in
    /// cluster boxes first), then one line per tie. Links of one kind and grade between the
    /// same two entities are drawn as one line, as thick as their summed weights, with every
    /// link's evidence in its tooltip.
    /// - Parameters:
    ///   - dataset: the dataset to draw.
    ///   - options: theme, engine, sizes, clusters, highlights and legend.
    /// - Returns: the DOT text, ending with a newline.
    /// - Complexity: O(*n* + *m*) expected.
    public static func write(_ dataset: Dataset, options: DiagramOptions = DiagramOptions()) -> String {
        let theme = options.theme
        let directed = dataset.hasDirectedLinks
        var out = directed ? "digraph \"tnet\" {\n" : "graph \"tnet\" {\n"
        var graphAttributes = LayoutChoice.graphDefaults(engine: options.resolvedEngine(for: dataset), entities: dataset.entities.count)
        for a in theme.graph + options.graphAttributes {
            graphAttributes.removeAll { $0.name == a.name }
            graphAttributes.append(a)
        }
        // tnet's own first, so that an allow-listed theme or -G attribute (fontname, labelloc…) wins.
        let font = DOTEscaping.quoted(theme.font)
        out += "  fontname=\(font); fontsize=\"\(format(theme.fontSize))\";\n"
        if options.legend {
            out += "  labelloc=\"b\"; labeljust=\"l\";\n"
            out += "  label=<" + Legend.html(dataset, options: options) + ">;\n"
        }
        for (k, v) in graphAttributes { out += "  \(k)=\(DOTEscaping.quoted(v));\n" }
        out += "  node [style=\"filled\", fontname=\(font), fontsize=\"\(format(theme.fontSize))\", penwidth=\"0.8\"];\n"
        out += "  edge [fontname=\(font), fontsize=\"\(format(theme.fontSize - 2))\", arrowsize=\"0.6\"];\n"

        let dimming = !options.highlightedEntities.isEmpty || !options.highlightedLinks.isEmpty
        let dim = dimming ? alphaSuffix(theme.dimOpacity) : ""
        let scale = options.sizes.map(SizeScale.init)

        func node(_ i: Int) -> String {
            let e = dataset.entities[i]
            let style = theme.style(for: e.kind)
            // A name of megabytes is cut, as in tables, with a count of the rest; so are the
            // role and, in the tooltip, the id and kind.
            var label = DOTEscaping.wrapped(TextTable.bounded(e.name.flatMap { $0.isEmpty ? nil : $0 } ?? e.id), width: theme.labelWidth)
            if let role = e.role, e.kind == .person || role.isProtected { label += "\n(\(TextTable.bounded(role.rawValue, to: 40)))" }
            var tooltip = "\(TextTable.bounded(e.id)) (\(TextTable.bounded(e.kind.rawValue, to: 40))\(e.role.map { ", \(TextTable.bounded($0.rawValue, to: 40))" } ?? ""))"
            if let c = e.confidence { tooltip += " [\(c)]" }
            let lit = !dimming || options.highlightedEntities.contains(i)
            var s = "n\(i) [label=\(DOTEscaping.text(label)), tooltip=\(DOTEscaping.text(tooltip)), shape=\"\(style.shape)\""
            s += ", fillcolor=\"\(style.fill)\(lit ? "" : dim)\", fontcolor=\"\(style.fontColor)\(lit ? "" : dim)\""
            if dimming && lit {
                s += ", color=\"\(theme.highlightColor)\", penwidth=\"2.5\""
            } else if dimming {
                s += ", color=\"#000000\(dim)\""
            }
            if let scale, let f = scale.fraction(options.sizes![i]) {
                // Minimum sizes: a long label still fits.
                s += ", width=\"\(format(0.75 + 1.25 * f))\", height=\"\(format(0.5 + 0.8 * f))\""
                s += ", fontsize=\"\(format(theme.fontSize * (1 + 0.6 * f)))\""
            }
            return s + "];\n"
        }

        // Clusters first (numbered by first member), then the entities outside any.
        if let c = options.clustering {
            var members = [[Int]](repeating: [], count: c.labels.count)
            for (i, m) in c.membership.enumerated() { if let m { members[m].append(i) } }
            for (k, list) in members.enumerated() where !list.isEmpty {
                out += "  subgraph \"cluster_\(k)\" {\n"
                out += "    label=\(DOTEscaping.text(c.labels[k])); style=\"rounded,filled\"; fillcolor=\"#F5F5F5\"; color=\"#AAAAAA\"; fontsize=\"\(format(theme.fontSize + 2))\";\n"
                for i in list { out += "    " + node(i) }
                out += "  }\n"
            }
            for i in dataset.entities.indices where c.membership[i] == nil { out += "  " + node(i) }
        } else {
            for i in dataset.entities.indices { out += "  " + node(i) }
        }

        let ties = Self.ties(dataset)
        let widths = SizeScale(ties.map(\.weight))
        let arrow = directed ? "->" : "--"
        for (k, tie) in ties.enumerated() {
            let link = dataset.links[tie.links[0]]
            let (s, t) = (tie.s, tie.t)
            let highlighted = tie.links.contains { options.highlightedLinks.contains($0) }
            let lit = !dimming || highlighted
                || (options.highlightedLinks.isEmpty && options.highlightedEntities.contains(Int(s)) && options.highlightedEntities.contains(Int(t)))
            let color = highlighted ? theme.highlightColor : theme.color(for: link.kind) + (lit ? "" : dim)
            // The tie's number as the line's id: Graphviz's JSON lists lines by tail, not in
            // the order written, and a reader of the layout finds each tie's line by it.
            var attrs = "id=\"tie\(k)\", color=\"\(color)\", style=\"\(LinkStyle.lineStyle(link.confidence))\""
            var width = 0.8 + 2.2 * (widths.fraction(tie.weight) ?? 0)
            if highlighted { width += 1.5 }
            attrs += ", penwidth=\"\(format(width))\""
            let evidence = tie.links.count == 1 ? link.evidence
                : "\(tie.links.count) links, weight \(FieldCodec.number(tie.weight)) in all: " + tie.links.map { dataset.links[$0].evidence }.joined(separator: "; ")
            attrs += ", tooltip=\(DOTEscaping.text(evidence))"
            if directed && !dataset.isDirected(link) { attrs += ", dir=\"none\"" }
            out += "  n\(s) \(arrow) n\(t) [\(attrs)];\n"
        }
        out += "}\n"
        return out
    }

    /// One line per tie, as every analysis reads the dataset: links of the same kind and grade
    /// between the same two entities (repeated calls; a call each way when undirected) are one
    /// line, as thick as their weights summed, with every link's evidence in the tooltip. Links
    /// of different kinds or grades keep lines of their own. In the order ``write(_:options:)``
    /// writes the edges, so the *k*-th edge Graphviz lays out is the *k*-th tie.
    /// - Parameter dataset: the dataset drawn.
    /// - Returns: each tie's links (dataset positions), its endpoints (tail, head) and summed weight.
    /// - Complexity: O(*m*) expected.
    public static func ties(_ dataset: Dataset) -> [Tie] {
        let directed = dataset.hasDirectedLinks
        var ties: [Tie] = [], tieOf: [String: Int] = [:]
        dataset.forEachResolvedLink { i, s, t in
            let link = dataset.links[i]
            let undirectedLine = !directed || !dataset.isDirected(link)
            let (a, b) = undirectedLine && t < s ? (t, s) : (s, t)
            let key = "\(a) \(b) \(undirectedLine) \(link.kind.rawValue) \(link.confidence?.description ?? "")"
            if let k = tieOf[key] {
                ties[k].links.append(i)
                ties[k].weight += link.weight ?? 1
            } else {
                tieOf[key] = ties.count
                ties.append(Tie(links: [i], s: a, t: b, weight: link.weight ?? 1))
            }
        }
        return ties
    }

    /// One drawn line: the links it stands for, its tail and head (entity positions) and weight.
    public struct Tie: Sendable {
        /// The links behind the line, dataset positions, in dataset order.
        public var links: [Int]
        /// The tail entity's position.
        public var s: Int32
        /// The head entity's position.
        public var t: Int32
        /// The links' weights summed (1 each when unweighted).
        public var weight: Double
    }

    /// A Graphviz colour's alpha suffix for an opacity from 0 to 1.
    static func alphaSuffix(_ opacity: Double) -> String {
        let v = Int((min(max(opacity, 0), 1) * 255).rounded())
        let hex = String(v, radix: 16, uppercase: true)
        return hex.count == 1 ? "0" + hex : hex
    }

    /// A number for a DOT attribute: up to three decimals, no exponent.
    static func format(_ x: Double) -> String {
        let scaled = (x * 1000).rounded()
        let whole = Int(scaled) / 1000, frac = abs(Int(scaled) % 1000)
        if frac == 0 { return String(whole) }
        var f = String(frac)
        while f.count < 3 { f = "0" + f }
        while f.hasSuffix("0") { f.removeLast() }
        return (scaled < 0 && whole == 0 ? "-" : "") + "\(whole).\(f)"
    }
}

/// Maps values to 0…1 linearly between their smallest and largest finite value.
struct SizeScale: Sendable {
    let low: Double, high: Double
    init(_ values: [Double]) {
        let finite = values.filter(\.isFinite)
        low = finite.min() ?? 0
        high = finite.max() ?? 0
    }
    /// nil when every value is equal (nothing to scale) or `x` is not finite.
    func fraction(_ x: Double) -> Double? {
        guard high > low, x.isFinite else { return nil }
        return (x - low) / (high - low)
    }
}
