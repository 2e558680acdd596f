import TNetGraphviz
import TNetModel

/// Options for ``DOTWriter``.
public struct DOTOptions: Sendable {
    /// Graph-level layout attributes (`rankdir`, `overlap`…), written as given.
    public var graphAttributes: [(String, String)]
    /// Labels are wrapped at about this many characters.
    public var labelWidth: Int

    public init(graphAttributes: [(String, String)] = [("rankdir", "LR"), ("overlap", "false"), ("splines", "true")],
                labelWidth: Int = 22) {
        self.graphAttributes = graphAttributes
        self.labelWidth = labelWidth
    }
}

/// Writes a dataset as DOT, styled for investigators. Deterministic: the same dataset gives the
/// same bytes. Nodes are named `n0, n1, …` (entity positions), so no user text is ever a DOT
/// identifier; names and ids appear only as quoted, escaped `label` and `tooltip` strings.
public enum DOTWriter {
    public static func write(_ dataset: Dataset, options: DOTOptions = DOTOptions()) -> String {
        let directed = dataset.links.contains { dataset.isDirected($0) }
        var out = directed ? "digraph \"tnet\" {\n" : "graph \"tnet\" {\n"
        for (k, v) in options.graphAttributes { out += "  \(k)=\(DOTEscaping.quoted(v));\n" }
        out += "  node [style=\"filled\", fontname=\"Helvetica\", fontsize=\"10\", penwidth=\"0.8\"];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=\"8\", arrowsize=\"0.6\"];\n"
        for (i, e) in dataset.entities.enumerated() {
            let style = NodeStyle.forKind(e.kind)
            var label = DOTEscaping.wrapped(e.label, width: options.labelWidth)
            if e.role == .victim || e.role == .survivor { label += "\n(\(e.role!.rawValue))" }
            out += "  n\(i) [label=\(DOTEscaping.quoted(label)), tooltip=\(DOTEscaping.quoted("\(e.id) (\(e.kind.rawValue))"))"
            out += ", shape=\"\(style.shape)\", fillcolor=\"\(style.fill)\", fontcolor=\"\(style.fontColor)\"];\n"
        }
        let arrow = directed ? "->" : "--"
        dataset.forEachResolvedLink { i, s, t in
            let link = dataset.links[i]
            var attrs = "color=\"\(LinkStyle.color(link.kind))\", style=\"\(LinkStyle.lineStyle(link.confidence))\""
            attrs += ", tooltip=\(DOTEscaping.quoted(link.kind.rawValue + (link.confidence.map { " (\($0))" } ?? "")))"
            if directed && !dataset.isDirected(link) { attrs += ", dir=\"none\"" }
            out += "  n\(s) \(arrow) n\(t) [\(attrs)];\n"
        }
        out += "}\n"
        return out
    }
}
