import TNetIO
import TNetModel

/// How a diagram looks: a shape and colours per entity kind, a colour per link kind, fonts and
/// the layout attributes of the graph. ``standard`` is tnet's; ``read(_:)`` overrides any
/// part of it with a JSON file of the same shape:
///
/// ```json
/// { "font": "Helvetica", "font_size": 10, "label_width": 22,
///   "graph": { "rankdir": "TB", "nodesep": "0.4" },
///   "kinds": { "syndicate": { "shape": "octagon", "fill": "#D55E00", "font_color": "#FFFFFF" } },
///   "links": { "bribes": "#D55E00" },
///   "link_color": "#555555", "highlight_color": "#000000", "dim_opacity": 0.25 }
/// ```
/// Colours are `#RRGGBB`; shapes are Graphviz's polygon shapes; graph attributes pass the
/// ``LayoutAttributes`` allow-list. Kinds the theme does not name keep the standard style.
public struct Theme: Sendable {
    /// The font of labels, the legend and cluster boxes (a fontconfig name).
    public var font = "Helvetica"
    /// The node label size in points (edges 2 smaller, cluster labels 2 larger).
    public var fontSize = 10.0
    /// Labels are wrapped at about this many characters.
    public var labelWidth = 22
    /// Graph attributes for the layout (allow-listed), after the engine's defaults
    /// (``LayoutChoice/graphDefaults(engine:entities:)``).
    public var graph: [(name: String, value: String)] = []
    /// Node styles by entity kind; kinds not named here are white ellipses.
    public var kinds: [EntityKind: NodeStyle] = NodeStyle.standard
    /// Link colours by kind; kinds not named here are drawn in ``linkColor``.
    public var links: [LinkKind: String] = LinkStyle.standardColors
    /// The colour of link kinds that ``links`` does not name.
    public var linkColor = "#555555"
    /// Outline of highlighted entities and colour of highlighted links.
    public var highlightColor = "#000000"
    /// Opacity of what is not highlighted, when something is (0 to 1).
    public var dimOpacity = 0.25

    /// The standard theme (the same as ``standard``).
    public init() {}

    /// tnet's default look: the Okabe–Ito palette, distinguishable with the common forms of
    /// colour blindness, and a distinct shape per kind so that print in grey still tells them apart.
    public static let standard = Theme()

    /// How entities of `kind` are drawn.
    /// - Parameter kind: an entity kind.
    /// - Returns: the theme's style, or a white ellipse for a kind it does not name.
    public func style(for kind: EntityKind) -> NodeStyle {
        kinds[kind] ?? NodeStyle(shape: "ellipse", fill: "#FFFFFF")
    }

    /// The colour of links of `kind`.
    /// - Parameter kind: a link kind.
    /// - Returns: `#RRGGBB`: the theme's colour for the kind, else ``linkColor``.
    public func color(for kind: LinkKind) -> String { links[kind] ?? linkColor }

    /// The standard theme with the overrides of a JSON theme file (the shape above).
    /// - Parameter file: the theme file as read.
    /// - Returns: the theme.
    /// - Throws: `ReadError` (TNetIO) at the line and column of the first problem: invalid JSON,
    ///   an unknown field, a colour that is not `#RRGGBB`, an unknown shape, a number out of
    ///   range, or a graph attribute ``LayoutAttributes`` refuses.
    public static func read(_ file: InputFile) throws -> Theme {
        let doc = try JSONDocument(file)
        var theme = Theme.standard
        guard case .object(let members) = doc.root.value else {
            throw doc.error("a theme must be a JSON object, found \(doc.root.value.typeName)", at: doc.root)
        }
        func string(_ node: JSONNode, _ what: String) throws -> String {
            guard case .string(let s) = node.value else { throw doc.error("\(what) must be a string, found \(node.value.typeName)", at: node) }
            return s
        }
        func number(_ node: JSONNode, _ what: String, in range: ClosedRange<Double>) throws -> Double {
            guard case .number(let text) = node.value, let x = Double(text), range.contains(x) else {
                throw doc.error("\(what) must be a number from \(range.lowerBound) to \(range.upperBound)", at: node)
            }
            return x
        }
        func color(_ node: JSONNode, _ what: String) throws -> String {
            let s = try string(node, what)
            guard Self.isColor(s) else { throw doc.error("\(what) must be a colour #RRGGBB, found \(quoted(s))", at: node) }
            return s
        }
        func object(_ node: JSONNode, _ what: String) throws -> [JSONMember] {
            guard case .object(let m) = node.value else { throw doc.error("\(what) must be an object, found \(node.value.typeName)", at: node) }
            return m
        }
        for m in members {
            let v = m.value
            switch m.key {
            case "font": theme.font = try string(v, "\"font\"")
            case "font_size": theme.fontSize = try number(v, "\"font_size\"", in: 4 ... 72)
            case "label_width": theme.labelWidth = Int(try number(v, "\"label_width\"", in: 4 ... 200))
            case "link_color": theme.linkColor = try color(v, "\"link_color\"")
            case "highlight_color": theme.highlightColor = try color(v, "\"highlight_color\"")
            case "dim_opacity": theme.dimOpacity = try number(v, "\"dim_opacity\"", in: 0 ... 1)
            case "graph":
                for a in try object(v, "\"graph\"") {
                    let value = try string(a.value, "graph attribute \(quoted(a.key))")
                    if let problem = LayoutAttributes.problem(name: a.key, value: value) {
                        throw doc.error(problem, at: a.value)
                    }
                    theme.graph.removeAll { $0.name == a.key }
                    theme.graph.append((a.key, value))
                }
            case "kinds":
                for k in try object(v, "\"kinds\"") {
                    var style = theme.style(for: EntityKind(k.key))
                    for f in try object(k.value, "kind \(quoted(k.key))") {
                        switch f.key {
                        case "shape":
                            let shape = try string(f.value, "\"shape\"")
                            guard NodeStyle.shapes.contains(shape) else {
                                throw doc.error("unknown shape \(quoted(shape)); one of: \(NodeStyle.shapes.sorted().joined(separator: ", "))", at: f.value)
                            }
                            style.shape = shape
                        case "fill": style.fill = try color(f.value, "\"fill\"")
                        case "font_color": style.fontColor = try color(f.value, "\"font_color\"")
                        default: throw doc.error("unknown field \(quoted(f.key)) in a kind's style (shape, fill, font_color)", at: f.value)
                        }
                    }
                    theme.kinds[EntityKind(k.key)] = style
                }
            case "links":
                for l in try object(v, "\"links\"") { theme.links[LinkKind(l.key)] = try color(l.value, "colour of \(quoted(l.key))") }
            default:
                throw doc.error("unknown theme field \(quoted(m.key)) (font, font_size, label_width, graph, kinds, links, link_color, highlight_color, dim_opacity)", at: v)
            }
        }
        return theme
    }

    /// `#RRGGBB`.
    static func isColor(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return u.count == 7 && u[0] == UInt8(ascii: "#") && u.dropFirst().allSatisfy { $0.isHexDigit }
    }
}

private extension UInt8 {
    var isHexDigit: Bool {
        (0x30 ... 0x39).contains(self) || (0x41 ... 0x46).contains(self) || (0x61 ... 0x66).contains(self)
    }
}
