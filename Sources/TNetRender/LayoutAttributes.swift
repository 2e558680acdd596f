import TNetModel

/// The Graphviz graph attributes a theme, a caller's graph attributes
/// (``DiagramRequest/graphAttributes``) or an imported DOT file may set. Everything else is refused or dropped: an attribute that reads files (`imagepath`,
/// `fontpath`, `stylesheet`, `shapefile`), emits links (`URL`, `href`) or changes the output's
/// encoding never reaches Graphviz from user input.
public enum LayoutAttributes {
    /// The attribute names that may be set: layout, spacing, size, font and label placement,
    /// nothing that reads a file or writes a link.
    public static let allowed: Set<String> = [
        "rankdir", "ranksep", "nodesep", "splines", "overlap", "overlap_scaling", "overlap_shrink", "sep", "esep",
        "concentrate", "ratio", "size", "pad", "margin", "bgcolor", "fontname", "fontsize", "newrank", "compound",
        "packmode", "pack", "K", "repulsiveforce", "maxiter", "mclimit", "nslimit", "nslimit1", "searchsize",
        "remincross", "ordering", "outputorder", "dpi", "center", "rotate", "mode", "model", "start", "epsilon",
        "defaultdist", "levels", "quadtree", "smoothing", "beautify", "mindist", "root", "clusterrank", "forcelabels",
        "labelloc", "labeljust",
    ]

    /// Why `name=value` may not be set, or nil when it may.
    /// - Parameters:
    ///   - name: a Graphviz graph attribute name.
    ///   - value: its value (at most 100 bytes, no control characters).
    /// - Returns: a one-line reason naming the attribute, or nil.
    public static func problem(name: String, value: String) -> String? {
        guard allowed.contains(name) else {
            return "graph attribute \(quoted(name)) is not one tnet passes to Graphviz (allowed: \(allowed.sorted().joined(separator: ", ")))"
        }
        guard value.utf8.count <= 100, value.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) else {
            return "graph attribute \(quoted(name)) has a value that is too long or holds control characters"
        }
        return nil
    }
}
