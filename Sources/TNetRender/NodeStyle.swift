import TNetModel

/// How an entity kind is drawn.
public struct NodeStyle: Sendable, Hashable {
    /// A Graphviz polygon shape (one of ``shapes``).
    public var shape: String
    /// The fill colour, `#RRGGBB`.
    public var fill: String
    /// The label colour, `#RRGGBB`.
    public var fontColor: String

    /// A style.
    /// - Parameters:
    ///   - shape: a Graphviz polygon shape.
    ///   - fill: the fill colour, `#RRGGBB`.
    ///   - fontColor: the label colour (default black).
    public init(shape: String, fill: String, fontColor: String = "#000000") {
        self.shape = shape
        self.fill = fill
        self.fontColor = fontColor
    }

    /// tnet's kinds in the Okabe–Ito palette, each with its own shape.
    public static let standard: [EntityKind: NodeStyle] = [
        .syndicate: NodeStyle(shape: "octagon", fill: "#D55E00", fontColor: "#FFFFFF"),
        .compound: NodeStyle(shape: "box3d", fill: "#E69F00"),
        .country: NodeStyle(shape: "ellipse", fill: "#56B4E9"),
        .region: NodeStyle(shape: "ellipse", fill: "#C6E6F7"),
        .site: NodeStyle(shape: "house", fill: "#F0E442"),
        .person: NodeStyle(shape: "oval", fill: "#FFFFFF"),
        .official: NodeStyle(shape: "hexagon", fill: "#CC79A7"),
        .agency: NodeStyle(shape: "component", fill: "#0072B2", fontColor: "#FFFFFF"),
        .company: NodeStyle(shape: "box", fill: "#BBBBBB"),
        .financial: NodeStyle(shape: "cylinder", fill: "#009E73", fontColor: "#FFFFFF"),
        .platform: NodeStyle(shape: "parallelogram", fill: "#F7EF9A"),
    ]

    /// Graphviz's polygon shapes a theme may name (record and HTML shapes are not offered: they
    /// would parse label text as markup).
    public static let shapes: Set<String> = [
        "box", "polygon", "ellipse", "oval", "circle", "point", "egg", "triangle", "diamond", "trapezium",
        "parallelogram", "house", "pentagon", "hexagon", "septagon", "octagon", "doublecircle", "doubleoctagon",
        "tripleoctagon", "invtriangle", "invtrapezium", "invhouse", "Mdiamond", "Msquare", "Mcircle", "rect",
        "rectangle", "square", "star", "underline", "cylinder", "note", "tab", "folder", "box3d", "component",
        "promoter", "cds", "terminator", "utr", "primersite", "restrictionsite", "fivepoverhang", "threepoverhang",
        "noverhang", "assembly", "signature", "insulator", "ribosite", "rnastab", "proteasesite", "proteinstab",
        "rpromoter", "rarrow", "larrow", "lpromoter",
    ]
}

/// How links are drawn: colour by what the link does (corruption red, trafficking orange,
/// cooperation and enforcement blue), line by the source's reliability, width by weight.
public enum LinkStyle {
    /// The families a legend names, with their standard colour and kinds.
    public static let families: [(name: String, color: String, kinds: [LinkKind])] = [
        ("corruption and money", "#D55E00", [.protects, .bribes, .colludesWith, .laundersVia, .pays]),
        ("recruitment and trafficking", "#E69F00", [.traffickedTo, .recruitsFrom, .recruitsVia, .transitsThrough, .advertisesOn]),
        ("cooperation and enforcement", "#0072B2", [.cooperatesWith, .rescuedFrom, .repatriatedTo, .sanctions]),
    ]

    /// The colour of each link kind in ``families``; other kinds take the theme's
    /// ``Theme/linkColor``.
    public static let standardColors: [LinkKind: String] = {
        var out: [LinkKind: String] = [:]
        for f in families { for k in f.kinds { out[k] = f.color } }
        return out
    }()

    /// Solid for A/B reliability, dashed for C/D, dotted for E/F; solid when ungraded.
    /// - Parameter confidence: the link's Admiralty grade, or nil.
    /// - Returns: a Graphviz edge style: `solid`, `dashed` or `dotted`.
    public static func lineStyle(_ confidence: Confidence?) -> String {
        switch confidence?.reliability {
        case "C", "D": return "dashed"
        case "E", "F": return "dotted"
        default: return "solid"
        }
    }

    /// What the line styles mean, in legend order.
    public static let lineStyles: [(style: String, meaning: String)] = [
        ("solid", "reliable source (A, B) or ungraded"), ("dashed", "fairly or not usually reliable (C, D)"),
        ("dotted", "unreliable or not judged (E, F)"),
    ]
}
