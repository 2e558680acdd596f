import TNetModel

/// How an entity kind is drawn. Colours are the Okabe–Ito palette, distinguishable with the
/// common forms of colour blindness.
public struct NodeStyle: Sendable, Hashable {
    public var shape: String
    public var fill: String
    public var fontColor: String

    public init(shape: String, fill: String, fontColor: String = "#000000") {
        self.shape = shape
        self.fill = fill
        self.fontColor = fontColor
    }

    public static func forKind(_ kind: EntityKind) -> NodeStyle {
        switch kind {
        case .syndicate: return NodeStyle(shape: "octagon", fill: "#D55E00", fontColor: "#FFFFFF")
        case .compound: return NodeStyle(shape: "box3d", fill: "#E69F00")
        case .country: return NodeStyle(shape: "ellipse", fill: "#56B4E9")
        case .region: return NodeStyle(shape: "ellipse", fill: "#C6E6F7")
        case .site: return NodeStyle(shape: "house", fill: "#F0E442")
        case .person: return NodeStyle(shape: "oval", fill: "#FFFFFF")
        case .official: return NodeStyle(shape: "hexagon", fill: "#CC79A7")
        case .agency: return NodeStyle(shape: "component", fill: "#0072B2", fontColor: "#FFFFFF")
        case .company: return NodeStyle(shape: "box", fill: "#BBBBBB")
        case .financial: return NodeStyle(shape: "cylinder", fill: "#009E73", fontColor: "#FFFFFF")
        case .platform: return NodeStyle(shape: "parallelogram", fill: "#F7EF9A")
        default: return NodeStyle(shape: "ellipse", fill: "#FFFFFF")
        }
    }
}

/// How a link kind is drawn: corruption red, trafficking flows orange, cooperation blue.
enum LinkStyle {
    static func color(_ kind: LinkKind) -> String {
        switch kind {
        case .protects, .bribes, .colludesWith, .laundersVia, .pays: return "#D55E00"
        case .traffickedTo, .recruitsFrom, .recruitsVia, .transitsThrough, .advertisesOn: return "#E69F00"
        case .cooperatesWith, .rescuedFrom, .repatriatedTo, .sanctions: return "#0072B2"
        default: return "#555555"
        }
    }

    /// solid for A/B reliability, dashed for C/D, dotted for E/F; solid when ungraded.
    static func lineStyle(_ confidence: Confidence?) -> String {
        switch confidence?.reliability {
        case "C", "D": return "dashed"
        case "E", "F": return "dotted"
        default: return "solid"
        }
    }
}
