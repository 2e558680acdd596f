import Foundation
import TNetModel

/// A map of a dataset as a self-contained SVG: country outlines (Natural Earth 1:110m), the
/// entities ``GeoPlacement`` places, as symbols in their kind's colour, and the movement of
/// people as arcs. Drawn by tnet itself (Graphviz cannot draw outlines); offline, no tiles.
///
/// Routes are the recruitment and transport links of ``LinkFamily/operational`` that say where
/// people go (``routeKinds``): `trafficked_to` and `transits_through` from source to target, and
/// `recruits_from` from the place recruited from to the recruiter (the way people move). Each is a
/// quadratic curve bending to its left, with an arrowhead, coloured as the diagram colours the
/// link, dashed or dotted by its grade, wider for larger weights. Other links are not drawn.
///
/// A pure function of the dataset and the options: the same input gives the same bytes. Every
/// text is escaped; what is left out (unplaced entities, routes with an unplaced end, entities
/// outside the view) is counted in ``notes`` and printed under the map.
///
/// ```swift
/// let map = GeoMap(dataset: dataset)
/// try AtomicFile.write(Array(map.svg.utf8), to: "map.svg")
/// ```
public struct GeoMap: Sendable {
    /// What to draw and how.
    public struct Options: Sendable {
        /// The image width in pixels.
        public var width: Double = 1200
        /// The tallest the map itself may be, in pixels (the legend comes below).
        public var maxHeight: Double = 800
        /// The part of the world to show; nil: around every placed entity, with a margin.
        public var bounds: GeoBounds?
        /// The heading; nil: the dataset's title, else "Map".
        public var title: String?
        /// Kind colours and link colours.
        public var theme: Theme = .standard
        /// Whether entities are labelled (labels that would overlap are left out; every symbol
        /// has its name as a tooltip).
        public var labels = true
        /// Lines printed under the map before tnet's own (the filter used, "protected persons
        /// redacted").
        public var notes: [String] = []
        /// The country outlines.
        public var outlines: WorldOutlines = .naturalEarth110m
        /// Put before every id the SVG defines (its clip path and arrowheads), so that several
        /// drawings can sit inline in one HTML page without their ids colliding (ASCII letters,
        /// digits, `-` and `_` are kept, anything else dropped).
        public var idPrefix = "tnet-map-"
        /// The defaults.
        public init() {}
    }

    /// The link kinds drawn as routes.
    public static let routeKinds: [LinkKind] = [.traffickedTo, .transitsThrough, .recruitsFrom]

    /// One route drawn: entity indices in the direction people move, and the link's index.
    public struct Route: Sendable, Hashable {
        /// Where people come from.
        public let from: Int
        /// Where they go.
        public let to: Int
        /// The link's index in the dataset.
        public let link: Int
    }

    /// The dataset drawn.
    public let dataset: Dataset
    /// The options.
    public let options: Options
    /// Where each entity is.
    public let placement: GeoPlacement
    /// The projection; nil when nothing is placed.
    public let projection: GeoProjection?
    /// The routes drawn.
    public let routes: [Route]
    /// Route links not drawn because an end is not placed.
    public let routesWithUnplacedEnd: Int
    /// Route links not drawn because both ends lie outside the view.
    public let routesOutsideView: Int
    /// Placed entities outside the view (not drawn).
    public let entitiesOutsideView: Int
    /// What the map leaves out or assumes, one line each, as printed under it (after
    /// ``Options/notes``).
    public let notes: [String]

    /// The map of `dataset`.
    /// - Parameters:
    ///   - dataset: the dataset, filtered and redacted as it is to be shown.
    ///   - options: size, view and style.
    /// - Complexity: O(*n* + *m* + *p*) for *n* entities, *m* links and *p* outline points, plus,
    ///   for the labels, a check of each against the labels already placed in its neighbourhood.
    public init(dataset: Dataset, options: Options = Options()) {
        self.dataset = dataset
        self.options = options
        let placement = GeoPlacement(dataset: dataset, outlines: options.outlines)
        self.placement = placement
        let margin = 40.0
        let bounds = options.bounds ?? GeoBounds.around(placement.placed.map(\.point))
        var projection: GeoProjection?
        if let bounds {
            let fit = GeoProjection(bounds: bounds, left: 0, top: 0, maxWidth: options.width - 2 * margin, maxHeight: options.maxHeight)
            projection = GeoProjection(bounds: bounds, left: (options.width - fit.width) / 2, top: 56, maxWidth: fit.width, maxHeight: fit.height + 1e-9)
        }
        self.projection = projection
        var routes: [Route] = [], unplacedEnd = 0, outside = 0
        let kinds = Set(Self.routeKinds)
        dataset.forEachResolvedLink { li, s, t in
            let link = dataset.links[li]
            guard kinds.contains(link.kind), s != t else { return }
            let (a, b) = link.kind == .recruitsFrom ? (Int(t), Int(s)) : (Int(s), Int(t))
            guard let pa = placement.slot[a], let pb = placement.slot[b] else { unplacedEnd += 1; return }
            if let bounds, !bounds.contains(placement.placed[pa].point) && !bounds.contains(placement.placed[pb].point) { outside += 1; return }
            routes.append(Route(from: a, to: b, link: li))
        }
        self.routes = routes
        routesWithUnplacedEnd = unplacedEnd
        routesOutsideView = outside
        entitiesOutsideView = bounds.map { b in placement.placed.filter { !b.contains($0.point) }.count } ?? 0
        // What the map says about itself.
        var notes: [String] = []
        var byMethod = [0, 0, 0, 0]
        for p in placement.placed {
            switch p.method {
            case .coordinates: byMethod[0] += 1
            case .country: byMethod[1] += 1
            case .locatedIn: byMethod[2] += 1
            case .countryField: byMethod[3] += 1
            }
        }
        notes.append("\(placement.placed.count) of \(dataset.entities.count) entities placed: \(byMethod[0]) by their lat/lon, \(byMethod[1]) by their country's outline, "
                     + "\(byMethod[2]) near the place they are located_in, \(byMethod[3]) near the country in their country field (near: a fixed offset, not a location); \(routes.count) route\(routes.count == 1 ? "" : "s") drawn")
        if !placement.unplaced.isEmpty {
            let names = placement.unplaced.prefix(4).map { dataset.entities[$0].label }
            notes.append("\(placement.unplaced.count) entit\(placement.unplaced.count == 1 ? "y is" : "ies are") not placed (no lat/lon, no country outline, not located_in a placed entity): "
                         + names.joined(separator: "; ") + (placement.unplaced.count > 4 ? "; …" : ""))
        }
        if !placement.badCoordinates.isEmpty {
            notes.append("\(placement.badCoordinates.count) entit\(placement.badCoordinates.count == 1 ? "y has" : "ies have") lat/lon attributes that are not a usable pair of degrees: "
                         + placement.badCoordinates.prefix(4).map { dataset.entities[$0].label }.joined(separator: "; "))
        }
        if entitiesOutsideView > 0 { notes.append("\(entitiesOutsideView) placed entit\(entitiesOutsideView == 1 ? "y lies" : "ies lie") outside the view and \(entitiesOutsideView == 1 ? "is" : "are") not drawn") }
        if unplacedEnd > 0 { notes.append("\(unplacedEnd) route link\(unplacedEnd == 1 ? " is" : "s are") not drawn: an end is not placed") }
        if outside > 0 { notes.append("\(outside) route link\(outside == 1 ? " is" : "s are") not drawn: both ends lie outside the view") }
        self.notes = notes
    }

    /// The map as a standalone SVG document, ending with a newline.
    public var svg: String { render() }
}

extension GeoMap {
    private typealias N = SVGText

    func render() -> String {
        let theme = options.theme, width = options.width
        let title = options.title ?? dataset.title ?? "Map"
        let pre = N.idPrefix(options.idPrefix)
        guard let proj = projection else {
            var out = N.open(width: width, height: 120, font: theme.font)
            out += "<text x=\"20\" y=\"30\" font-size=\"16\" font-weight=\"bold\">\(N.text(title))</text>\n"
            for (i, line) in (options.notes + notes).enumerated() { out += "<text x=\"20\" y=\"\(60 + 16 * i)\">\(N.text(line))</text>\n" }
            return out + "</svg>\n"
        }
        let b = proj.bounds
        let mapBottom = proj.top + proj.height
        // Legend lines under the map.
        let kindsPresent = EntityKind.builtIn.filter { k in placement.placed.contains { dataset.entities[$0.index].kind == k && b.contains($0.point) } }
            + Set(placement.placed.map { dataset.entities[$0.index].kind }).subtracting(EntityKind.builtIn).sorted()
        let textLines = (options.notes + notes + [
            "Routes (arcs, arrow where people go): trafficked_to and transits_through from source to target; recruits_from from the place recruited from to the recruiter. Width grows with the weight (a count where a source gives one).",
            "Line: " + LinkStyle.lineStyles.map { "\($0.style) \($0.meaning)" }.joined(separator: "; ") + ". Hover a symbol or arc for its name, grade and sources; labels that would overlap are left out.",
            "Countries the dataset names are shaded darker. Outlines: Natural Earth 1:110m (public domain; de facto boundaries, no position on any territory). Projection: equirectangular, true scale at \(Self.degrees((b.minLat + b.maxLat) / 2)).",
        ]).flatMap { N.wrapped($0, to: Int((width - 2 * proj.left + 40) / 5.4)) }
        let legendTop = mapBottom + 22
        let height = legendTop + 22 + Double(textLines.count) * 15 + 12
        var out = N.open(width: width, height: height, font: theme.font)
        out += "<title>\(N.text(title))</title>\n"
        out += "<defs><clipPath id=\"\(pre)clip\"><rect x=\"\(N.n(proj.left))\" y=\"\(N.n(proj.top))\" width=\"\(N.n(proj.width))\" height=\"\(N.n(proj.height))\"/></clipPath>\n"
        let routeColors = Array(Set(routes.map { theme.color(for: dataset.links[$0.link].kind) })).sorted()
        for (i, c) in routeColors.enumerated() {
            out += "<marker id=\"\(pre)arrow-\(i)\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"\(N.attribute(c))\"/></marker>\n"
        }
        out += "</defs>\n"
        out += "<text x=\"\(N.n(proj.left))\" y=\"30\" font-size=\"16\" font-weight=\"bold\">\(N.text(title))</text>\n"
        out += "<text x=\"\(N.n(proj.left))\" y=\"47\" fill=\"#555555\">\(N.text("Where the entities are, and the routes people are moved along"))</text>\n"
        out += "<g clip-path=\"url(#\(pre)clip)\">\n"
        out += "<rect x=\"\(N.n(proj.left))\" y=\"\(N.n(proj.top))\" width=\"\(N.n(proj.width))\" height=\"\(N.n(proj.height))\" fill=\"#DCEAF4\"/>\n"
        // Countries: those the dataset names in a darker sand with a darker outline.
        var named = Set<String>()
        for p in placement.placed { if case .country(let name) = p.method { named.insert(name) } }
        out += "<g stroke=\"#9A9A9A\" stroke-width=\"0.6\" stroke-linejoin=\"round\" fill-rule=\"evenodd\">\n"
        for c in options.outlines.countries {
            guard Self.intersects(c.rings, b) else { continue }
            var d = ""
            for ring in c.rings {
                for (i, p) in ring.enumerated() {
                    let (x, y) = proj.project(p)
                    d += (i == 0 ? "M" : "L") + N.n(x) + "," + N.n(y)
                }
                d += "Z"
            }
            let fill = named.contains(c.name) ? " fill=\"#E4DCC8\" stroke=\"#6E6E6E\" stroke-width=\"0.9\"" : " fill=\"#F4F1EA\""
            out += "<path\(fill) d=\"\(d)\"><title>\(N.text(c.name))</title></path>\n"
        }
        out += "</g>\n"
        // Graticule.
        let step = Self.graticuleStep(max(b.maxLon - b.minLon, b.maxLat - b.minLat))
        out += "<g stroke=\"#B8C7D3\" stroke-width=\"0.4\" stroke-dasharray=\"2 3\" fill=\"none\">"
        var lon = (b.minLon / step).rounded(.up) * step
        while lon <= b.maxLon {
            let x = proj.project(GeoPoint(lon: lon, lat: b.minLat)).x
            out += "<line x1=\"\(N.n(x))\" y1=\"\(N.n(proj.top))\" x2=\"\(N.n(x))\" y2=\"\(N.n(mapBottom))\"/>"
            lon += step
        }
        var lat = (b.minLat / step).rounded(.up) * step
        while lat <= b.maxLat {
            let y = proj.project(GeoPoint(lon: b.minLon, lat: lat)).y
            out += "<line x1=\"\(N.n(proj.left))\" y1=\"\(N.n(y))\" x2=\"\(N.n(proj.left + proj.width))\" y2=\"\(N.n(y))\"/>"
            lat += step
        }
        out += "</g>\n"
        // Routes.
        var pairs: [[Int]: Int] = [:]
        out += "<g fill=\"none\" stroke-linecap=\"round\">\n"
        for r in routes {
            let link = dataset.links[r.link]
            let a = proj.project(placement.placed[placement.slot[r.from]!].point), z = proj.project(placement.placed[placement.slot[r.to]!].point)
            let k = pairs[[r.from, r.to], default: 0]
            pairs[[r.from, r.to]] = k + 1
            let dx = z.x - a.x, dy = z.y - a.y
            let bend = 0.18 + 0.07 * Double(k)
            let cx = (a.x + z.x) / 2 + dy * bend, cy = (a.y + z.y) / 2 - dx * bend
            let color = theme.color(for: link.kind)
            let w = 1.3 + min(4.5, log2(1 + max(0, link.weight ?? 1)) / 2)
            let tip = "\(dataset.entities[r.from].label) → \(dataset.entities[r.to].label): \(link.evidence)" + Self.periodText(link.period)
            out += "<path d=\"M\(N.n(a.x)),\(N.n(a.y)) Q\(N.n(cx)),\(N.n(cy)) \(N.n(z.x)),\(N.n(z.y))\" stroke=\"\(N.attribute(color))\" stroke-width=\"\(N.n(w))\" stroke-opacity=\"0.8\"\(N.dash(LinkStyle.lineStyle(link.confidence))) marker-end=\"url(#\(pre)arrow-\(routeColors.firstIndex(of: color) ?? 0))\"><title>\(N.text(tip))</title></path>\n"
        }
        out += "</g>\n"
        // Symbols, then labels (countries first, then compounds, sites, regions, the rest).
        let order = placement.placed.filter { b.contains($0.point) }.sorted { x, y in
            let rx = Self.labelRank(dataset.entities[x.index].kind), ry = Self.labelRank(dataset.entities[y.index].kind)
            return rx != ry ? rx < ry : x.index < y.index
        }
        out += "<g stroke=\"#333333\" stroke-width=\"0.8\">\n"
        for p in order.reversed() {
            let e = dataset.entities[p.index]
            let (x, y) = proj.project(p.point)
            let fill = e.isProtected ? "#DDDDDD" : theme.style(for: e.kind).fill
            out += Self.symbol(e.kind, x: x, y: y, fill: fill, tip: e.label + " (" + e.kind.rawValue + (e.isProtected ? ", protected" : "") + ")")
        }
        out += "</g>\n"
        if options.labels {
            // Boxes of the labels placed so far, bucketed in a 64-px grid so each new label is
            // checked against its neighbours only.
            var taken: [(Double, Double, Double, Double)] = [], grid: [Int: [Int]] = [:]
            func cells(_ b: (Double, Double, Double, Double)) -> [Int] {
                var out: [Int] = []
                for gx in Int(b.0 / 64) ... Int(b.2 / 64) { for gy in Int(b.1 / 64) ... Int(b.3 / 64) { out.append(gx &* 100_003 &+ gy) } }
                return out
            }
            out += "<g font-size=\"10\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\" fill=\"#222222\">\n"
            for p in order {
                let e = dataset.entities[p.index]
                let (x, y) = proj.project(p.point)
                let text = N.truncated(e.label, to: 34)
                let big = e.kind == .country
                let w = Double(text.count) * (big ? 6.6 : 5.4), h = big ? 12.0 : 10.0
                let candidates = [(x + 7, y + 3.5, "start"), (x - 7, y + 3.5, "end"), (x, y - 8, "middle"), (x, y + 15, "middle")]
                for (lx, ly, anchor) in candidates {
                    let x0 = anchor == "start" ? lx : anchor == "end" ? lx - w : lx - w / 2
                    let box = (x0, ly - h + 2, x0 + w, ly + 2)
                    guard box.0 >= proj.left, box.2 <= proj.left + proj.width, box.1 >= proj.top, box.3 <= mapBottom else { continue }
                    let near = cells(box)
                    if near.contains(where: { c in grid[c, default: []].contains { let t = taken[$0]; return t.0 < box.2 && box.0 < t.2 && t.1 < box.3 && box.1 < t.3 } }) { continue }
                    for c in near { grid[c, default: []].append(taken.count) }
                    taken.append(box)
                    out += "<text x=\"\(N.n(lx))\" y=\"\(N.n(ly))\" text-anchor=\"\(anchor)\"\(big ? " font-size=\"12\" font-weight=\"bold\"" : "")>\(N.text(text))</text>\n"
                    break
                }
            }
            out += "</g>\n"
        }
        out += "</g>\n"
        out += "<rect x=\"\(N.n(proj.left))\" y=\"\(N.n(proj.top))\" width=\"\(N.n(proj.width))\" height=\"\(N.n(proj.height))\" fill=\"none\" stroke=\"#666666\"/>\n"
        // Legend: kinds, then the lines of text.
        var x = proj.left
        let ly = legendTop
        for k in kindsPresent {
            out += "<g stroke=\"#333333\" stroke-width=\"0.8\">" + Self.symbol(k, x: x + 5, y: ly - 4, fill: theme.style(for: k).fill, tip: k.rawValue) + "</g>"
            out += "<text x=\"\(N.n(x + 14))\" y=\"\(N.n(ly))\">\(N.text(k.rawValue))</text>\n"
            x += 22 + Double(k.rawValue.count) * 6.2
        }
        for family in LinkStyle.families {
            guard let kind = family.kinds.first(where: { k in routes.contains { dataset.links[$0.link].kind == k } }) else { continue }
            let c = theme.color(for: kind), name = family.name
            out += "<path d=\"M\(N.n(x)),\(N.n(ly - 3)) Q\(N.n(x + 14)),\(N.n(ly - 12)) \(N.n(x + 28)),\(N.n(ly - 3))\" fill=\"none\" stroke=\"\(N.attribute(c))\" stroke-width=\"2\"/>"
            out += "<text x=\"\(N.n(x + 34))\" y=\"\(N.n(ly))\">\(N.text("route (" + name + ")"))</text>\n"
            x += 40 + Double(name.count + 8) * 6.2
        }
        for (i, line) in textLines.enumerated() {
            out += "<text x=\"\(N.n(proj.left))\" y=\"\(N.n(ly + 22 + Double(i) * 15))\" fill=\"#333333\" font-size=\"10.5\">\(N.text(line))</text>\n"
        }
        return out + "</svg>\n"
    }

    /// A symbol for an entity kind at (x, y), with a tooltip.
    static func symbol(_ kind: EntityKind, x: Double, y: Double, fill: String, tip: String) -> String {
        typealias N = SVGText
        let f = "fill=\"\(N.attribute(fill))\""
        let t = "<title>\(N.text(tip))</title>"
        func poly(_ pts: [(Double, Double)]) -> String {
            "<polygon \(f) points=\"" + pts.map { "\(N.n(x + $0.0)),\(N.n(y + $0.1))" }.joined(separator: " ") + "\">\(t)</polygon>\n"
        }
        switch kind {
        case .compound: return "<rect \(f) x=\"\(N.n(x - 4.5))\" y=\"\(N.n(y - 4.5))\" width=\"9\" height=\"9\">\(t)</rect>\n"
        case .syndicate: return poly((0 ..< 8).map { i in let a = (Double(i) + 0.5) * .pi / 4; return (5.5 * cos(a), 5.5 * sin(a)) })
        case .site: return poly([(0, -5.5), (5, 4), (-5, 4)])
        case .official: return poly((0 ..< 6).map { i in let a = Double(i) * .pi / 3; return (5 * cos(a), 5 * sin(a)) })
        case .company: return "<rect \(f) x=\"\(N.n(x - 5))\" y=\"\(N.n(y - 3.5))\" width=\"10\" height=\"7\">\(t)</rect>\n"
        case .agency: return poly([(0, -5.5), (5.5, 0), (0, 5.5), (-5.5, 0)])
        case .country: return "<circle \(f) cx=\"\(N.n(x))\" cy=\"\(N.n(y))\" r=\"3.5\">\(t)</circle>\n"
        case .region: return "<circle \(f) cx=\"\(N.n(x))\" cy=\"\(N.n(y))\" r=\"5\" stroke-dasharray=\"2 1.5\">\(t)</circle>\n"
        default: return "<circle \(f) cx=\"\(N.n(x))\" cy=\"\(N.n(y))\" r=\"4.5\">\(t)</circle>\n"
        }
    }

    static func labelRank(_ kind: EntityKind) -> Int {
        switch kind {
        case .country: 0
        case .compound: 1
        case .site: 2
        case .region: 3
        case .syndicate: 4
        default: 5
        }
    }

    static func intersects(_ rings: [[GeoPoint]], _ b: GeoBounds) -> Bool {
        var minLon = Double.infinity, maxLon = -Double.infinity, minLat = Double.infinity, maxLat = -Double.infinity
        for r in rings { for p in r { minLon = min(minLon, p.lon); maxLon = max(maxLon, p.lon); minLat = min(minLat, p.lat); maxLat = max(maxLat, p.lat) } }
        return minLon <= b.maxLon && maxLon >= b.minLon && minLat <= b.maxLat && maxLat >= b.minLat
    }

    static func graticuleStep(_ span: Double) -> Double {
        span > 120 ? 30 : span > 50 ? 10 : span > 20 ? 5 : span > 8 ? 2 : 1
    }

    static func degrees(_ lat: Double) -> String {
        let r = (lat * 10).rounded() / 10
        return (r == r.rounded() ? String(Int(abs(r))) : String(abs(r))) + "°" + (r < 0 ? "S" : "N")
    }

    static func periodText(_ p: Period?) -> String {
        guard let p, p.from != nil || p.to != nil else { return "" }
        return ", " + (p.from?.description ?? "…") + "–" + (p.to?.description ?? "…")
    }
}
