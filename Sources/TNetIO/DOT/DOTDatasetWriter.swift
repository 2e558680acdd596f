import TNetGraphviz
import TNetModel

/// Writes a dataset as DOT for other tools (not styled: `tnet render --format dot` gives the
/// investigator's diagram). Entity ids are the node names; the model's fields and every
/// attribute become DOT attributes, so ``DOTDatasetReader`` reads the ids, kinds, names,
/// grades, citations and periods back. DOT has no types: attributes come back as text.
/// A digraph when any link is directed; undirected links in it carry `dir="none"` and
/// `directed="false"`.
public enum DOTDatasetWriter {
    public static func write(_ dataset: Dataset) throws -> [UInt8] {
        try FieldCodec.checkListable(dataset)
        let directed = dataset.links.contains { dataset.isDirected($0) }
        var out = directed ? "digraph" : "graph"
        out += " " + quote(dataset.title ?? "tnet") + " {\n"
        if let t = dataset.title { out += "  graph [title=\(quote(t))];\n" }
        if let d = dataset.description { out += "  graph [description=\(quote(d))];\n" }
        // Provenance travels as JSON text in graph attributes, so a DOT file keeps its citations.
        if !dataset.sources.isEmpty { out += "  graph [tnet_sources=\(quote(AttributeType.json.encode(GraphMLWriter.sourcesValue(dataset.sources))))];\n" }
        if !dataset.schema.isEmpty { out += "  graph [tnet_schema=\(quote(AttributeType.json.encode(.object(dataset.schema.attributes))))];\n" }
        if let d = dataset.directed { out += "  graph [tnet_directed=\"\(d)\"];\n" }
        if !dataset.extra.isEmpty { out += "  graph [tnet_extra=\(quote(AttributeType.json.encode(.object(dataset.extra))))];\n" }
        for e in dataset.entities {
            var attrs = FieldCodec.fields(of: e).filter { $0.name != "id" }.map { "\(quote($0.name))=\(quote($0.text))" }
            attrs.append("label=\(quote(e.label))")
            for (k, v) in e.attributes where k != "label" { attrs.append("\(quote(k))=\(quote(v.displayText))") }
            out += "  \(quote(e.id)) [\(attrs.joined(separator: ", "))];\n"
        }
        let arrow = directed ? "->" : "--"
        for l in dataset.links {
            var fields = FieldCodec.fields(of: l).filter { $0.name != "source" && $0.name != "target" }
            let undirectedInDigraph = directed && !dataset.isDirected(l)
            if undirectedInDigraph && l.directed == nil { fields.append(("directed", "false")) }
            var attrs = fields.map { "\(quote($0.name))=\(quote($0.text))" }
            if undirectedInDigraph { attrs.append("dir=\"none\"") }
            for (k, v) in l.attributes { attrs.append("\(quote(k))=\(quote(v.displayText))") }
            out += "  \(quote(l.source)) \(arrow) \(quote(l.target)) [\(attrs.joined(separator: ", "))];\n"
        }
        out += "}\n"
        return Array(out.utf8)
    }

    /// A DOT quoted string holding `s` as cgraph will read it back: `"` escaped; other text,
    /// line breaks included, kept. (cgraph joins a backslash at a line end with the next line,
    /// and a trailing backslash would escape the closing quote: such backslashes are doubled,
    /// the one case where the text read back differs.)
    static func quote(_ s: String) -> String {
        var out = "\""
        var previous: Character?
        for c in s {
            if c == "\"" { out += "\\\"" } else if (c == "\n" || c == "\r\n") && previous == "\\" { out += "\\" + String(c) } else { out.append(c) }
            previous = c
        }
        if previous == "\\" { out += "\\" }
        return out + "\""
    }
}
