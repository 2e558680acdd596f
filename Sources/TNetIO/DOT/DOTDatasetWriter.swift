import TNetGraphviz
import TNetModel

/// Writes a dataset as DOT for other tools (not styled: the renderer's DOT output gives the
/// investigator's diagram). Entity ids are the node names; the model's fields and every
/// attribute become DOT attributes, so ``DOTDatasetReader`` reads the ids, kinds, names,
/// grades, citations and periods back. DOT has no types: attributes come back as text.
/// A digraph when any link is directed; undirected links in it carry `dir="none"`. The
/// dataset's direction (`true`, `false` or `by_kind`) is the graph attribute `tnet_directed`.
public enum DOTDatasetWriter {
    /// Encodes the dataset as one DOT graph, named by the dataset's title.
    /// - Parameter dataset: The dataset to write.
    /// - Returns: UTF-8 DOT text, entities then links in dataset order.
    /// - Throws: ``ReadError`` when a cited source id cannot be written in a `;`-separated list
    ///   (empty, holding `;`, or with spaces around it).
    /// - Complexity: O(*n*) in the size of the dataset.
    public static func write(_ dataset: Dataset) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try stream(dataset) { pieces in for p in pieces { bytes.append(contentsOf: p) } }
        return bytes
    }

    /// ``write(_:)`` in pieces (``OutputPieces``), for a file: each handed to `emit` as
    /// soon as it is made, so memory holds a piece, not the file.
    /// - Throws: As ``write(_:)``, before anything is emitted; or what `emit` throws.
    static func stream(_ dataset: Dataset, _ emit: ([UnsafeRawBufferPointer]) throws -> Void) throws {
        try FieldCodec.checkListable(dataset)
        let directed = dataset.hasDirectedLinks
        var out = directed ? "digraph" : "graph"
        out += " " + quote(dataset.title ?? "tnet") + " {\n"
        if let t = dataset.title { out += "  graph [title=\(quote(t))];\n" }
        if let d = dataset.description { out += "  graph [description=\(quote(d))];\n" }
        // Provenance travels as JSON text in graph attributes, so a DOT file keeps its citations.
        if !dataset.sources.isEmpty { out += "  graph [tnet_sources=\(quote(json(GraphMLWriter.sourcesValue(dataset.sources))))];\n" }
        if !dataset.schema.isEmpty { out += "  graph [tnet_schema=\(quote(json(.object(dataset.schema.attributes))))];\n" }
        out += "  graph [tnet_directed=\"\(dataset.directed.map { String($0) } ?? "by_kind")\"];\n"
        if !dataset.extra.isEmpty { out += "  graph [tnet_extra=\(quote(json(.object(dataset.extra))))];\n" }
        for e in dataset.entities {
            var attrs = FieldCodec.fields(of: e).filter { $0.name != "id" }.map { "\(quote($0.name))=\(quote($0.text))" }
            attrs.append("label=\(quote(e.label))")
            for (k, v) in e.attributes { attrs.append("\(quote(attributeName(k)))=\(quote(v.displayText))") }
            out += "  \(quote(e.id)) [\(attrs.joined(separator: ", "))];\n"
            try OutputPieces.handOn(&out, emit)
        }
        let arrow = directed ? "->" : "--"
        for l in dataset.links {
            let fields = FieldCodec.fields(of: l).filter { $0.name != "source" && $0.name != "target" }
            let undirectedInDigraph = directed && !dataset.isDirected(l)
            var attrs = fields.map { "\(quote($0.name))=\(quote($0.text))" }
            if undirectedInDigraph { attrs.append("dir=\"none\"") }
            for (k, v) in l.attributes { attrs.append("\(quote(attributeName(k)))=\(quote(v.displayText))") }
            out += "  \(quote(l.source)) \(arrow) \(quote(l.target)) [\(attrs.joined(separator: ", "))];\n"
            try OutputPieces.handOn(&out, emit)
        }
        out += "}\n"
        try OutputPieces.handOn(&out, force: true, emit)
    }

    /// Names the reader would take for a field (or that cgraph uses itself: `label`, `key`,
    /// `dir`) are written as `tnet_attr_NAME`, so an attribute never overwrites a field.
    static let reservedNames: Set<String> = Set(FieldCodec.entityFields + FieldCodec.linkFields + ["label", "key", "dir"])
    static let attributePrefix = "tnet_attr_"

    /// Graphviz's own attribute names (lower-cased; Graphviz reads `URL` and `href`, `image`,
    /// `shapefile`, `fontpath`, `stylesheet` and acts on them: a link in the drawing, a file
    /// read from the reader's disk). A dataset's attribute of such a name is written as
    /// `tnet_attr_NAME`, so the exported DOT draws as the data says and acts on nothing; the
    /// reader takes the prefix off again.
    static let graphvizNames: Set<String> = [
        "_background", "area", "arrowhead", "arrowsize", "arrowtail", "bb", "beautify", "bgcolor", "center", "charset", "class",
        "cluster", "clusterrank", "color", "colorscheme", "comment", "compound", "concentrate", "constraint", "damping",
        "decorate", "defaultdist", "dim", "dimen", "dir", "diredgeconstraints", "distortion", "dpi", "edgehref", "edgetarget",
        "edgetooltip", "edgeurl", "epsilon", "esep", "fillcolor", "fixedsize", "fontcolor", "fontname", "fontnames", "fontpath",
        "fontsize", "forcelabels", "gradientangle", "group", "head_lp", "headclip", "headhref", "headlabel", "headport",
        "headtarget", "headtooltip", "headurl", "height", "href", "id", "image", "imagepath", "imagepos", "imagescale",
        "inputscale", "k", "label", "label_scheme", "labelangle", "labeldistance", "labelfloat", "labelfontcolor",
        "labelfontname", "labelfontsize", "labelhref", "labeljust", "labelloc", "labeltarget", "labeltooltip", "labelurl",
        "landscape", "layer", "layerlistsep", "layers", "layerselect", "layersep", "layout", "len", "levels", "levelsgap",
        "lhead", "lheight", "linelength", "lp", "ltail", "lwidth", "margin", "maxiter", "mclimit", "mindist", "minlen", "mode",
        "model", "newrank", "nodesep", "nojustify", "normalize", "notranslate", "nslimit", "nslimit1", "oneblock", "ordering",
        "orientation", "outputorder", "overlap", "overlap_scaling", "overlap_shrink", "pack", "packmode", "pad", "page",
        "pagedir", "pencolor", "penwidth", "peripheries", "pin", "pos", "quadtree", "quantum", "radius", "rank", "rankdir",
        "ranksep", "ratio", "rects", "regular", "remincross", "repulsiveforce", "resolution", "root", "rotate", "rotation",
        "samehead", "sametail", "samplepoints", "scale", "searchsize", "sep", "shape", "shapefile", "showboxes", "sides",
        "size", "skew", "smoothing", "sortv", "splines", "start", "style", "stylesheet", "tail_lp", "tailclip", "tailhref",
        "taillabel", "tailport", "tailtarget", "tailtooltip", "tailurl", "target", "tbbalance", "tooltip", "truecolor", "url",
        "vertices", "viewport", "voro_margin", "weight", "width", "xdotversion", "xlabel", "xlp", "z",
    ]

    static func attributeName(_ k: String) -> String {
        reservedNames.contains(k) || k.hasPrefix(attributePrefix) || graphvizNames.contains(k.lowercased()) ? attributePrefix + k : k
    }

    /// A DOT quoted string holding `s` as cgraph will read it back: `"` escaped; other text,
    /// line breaks included, kept. cgraph keeps `\\` as two characters and reads `\"` as a
    /// quote, so no quoted string can end in one backslash or hold a backslash before a quote
    /// or a line break: such a backslash is doubled, the one case where the text read back
    /// differs (JSON written by ``json(_:)`` never has one).
    static func quote(_ s: String) -> String {
        var out = "\""
        var previous: Unicode.Scalar?
        for u in s.unicodeScalars {
            if previous == "\\" && (u == "\"" || u == "\n" || u == "\r") { out += "\\" }
            if u == "\"" { out += "\\\"" } else { out.unicodeScalars.append(u) }
            previous = u
        }
        if previous == "\\" { out += "\\" }
        return out + "\""
    }

    /// JSON text for a DOT string: quotes and backslashes inside JSON strings are written
    /// `\u0022` and `\u005c`, so the text never has a backslash before a quote and survives
    /// cgraph exactly.
    static func json(_ v: AttributeValue) -> String {
        let text = AttributeType.json.encode(v)
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var escaped = false
        for u in text.unicodeScalars {
            if escaped {
                switch u {
                case "\"": out += "u0022"
                case "\\": out += "u005c"
                default: out.unicodeScalars.append(u)
                }
                escaped = false
            } else {
                out.unicodeScalars.append(u)
                escaped = u == "\\"
            }
        }
        return out
    }
}
