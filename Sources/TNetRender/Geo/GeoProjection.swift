import Foundation

/// A box of longitudes and latitudes: the part of the world a map shows.
public struct GeoBounds: Sendable, Hashable {
    /// Western edge, degrees east.
    public var minLon: Double
    /// Southern edge, degrees north.
    public var minLat: Double
    /// Eastern edge, degrees east.
    public var maxLon: Double
    /// Northern edge, degrees north.
    public var maxLat: Double
    /// A box from its edges (west, south, east, north); east must exceed west and north south.
    public init(minLon: Double, minLat: Double, maxLon: Double, maxLat: Double) {
        self.minLon = minLon
        self.minLat = minLat
        self.maxLon = maxLon
        self.maxLat = maxLat
    }

    /// Whether the box holds `p` (edges included).
    public func contains(_ p: GeoPoint) -> Bool {
        p.lon >= minLon && p.lon <= maxLon && p.lat >= minLat && p.lat <= maxLat
    }

    /// The box around `points`, widened on each side by a tenth of its span and at least
    /// `margin` degrees, kept within ±180° and ±85°; nil without points.
    public static func around(_ points: [GeoPoint], margin: Double = 2) -> GeoBounds? {
        guard let first = points.first else { return nil }
        var b = GeoBounds(minLon: first.lon, minLat: first.lat, maxLon: first.lon, maxLat: first.lat)
        for p in points.dropFirst() {
            b.minLon = min(b.minLon, p.lon); b.maxLon = max(b.maxLon, p.lon)
            b.minLat = min(b.minLat, p.lat); b.maxLat = max(b.maxLat, p.lat)
        }
        let dx = max(margin, (b.maxLon - b.minLon) / 10), dy = max(margin, (b.maxLat - b.minLat) / 10)
        return GeoBounds(minLon: max(-180, b.minLon - dx), minLat: max(-85, b.minLat - dy),
                         maxLon: min(180, b.maxLon + dx), maxLat: min(85, b.maxLat + dy))
    }
}

/// The equirectangular projection a map is drawn in: x proportional to longitude scaled by the
/// cosine of the box's middle latitude (true scale along that parallel), y proportional to
/// latitude, north up. Simple and honest at the scale of a region; areas far from the middle
/// latitude are stretched east–west (poleward) or squeezed (equatorward).
///
/// With `k` pixels per degree of latitude and `φ0` the middle latitude:
/// `x = left + (lon − minLon) · cos φ0 · k`, `y = top + (maxLat − lat) · k`, where `k` is the
/// largest scale at which the box fits `maxWidth` × `maxHeight`.
public struct GeoProjection: Sendable, Hashable {
    /// The part of the world shown.
    public let bounds: GeoBounds
    /// Pixels from the image's left edge to the box's western edge.
    public let left: Double
    /// Pixels from the image's top edge to the box's northern edge.
    public let top: Double
    /// Pixels per degree of latitude.
    public let scale: Double
    /// cos φ0, the east–west factor.
    public let cosine: Double
    /// The drawn box's width in pixels.
    public var width: Double { (bounds.maxLon - bounds.minLon) * cosine * scale }
    /// The drawn box's height in pixels.
    public var height: Double { (bounds.maxLat - bounds.minLat) * scale }

    /// The projection of `bounds` into at most `maxWidth` × `maxHeight` pixels at (`left`, `top`).
    public init(bounds: GeoBounds, left: Double, top: Double, maxWidth: Double, maxHeight: Double) {
        self.bounds = bounds
        self.left = left
        self.top = top
        let mid = (bounds.minLat + bounds.maxLat) / 2
        cosine = max(0.05, cos(mid * Double.pi / 180))
        let lonSpan = max(1e-6, (bounds.maxLon - bounds.minLon) * cosine), latSpan = max(1e-6, bounds.maxLat - bounds.minLat)
        scale = min(maxWidth / lonSpan, maxHeight / latSpan)
    }

    /// The pixel position of `p`.
    public func project(_ p: GeoPoint) -> (x: Double, y: Double) {
        (left + (p.lon - bounds.minLon) * cosine * scale, top + (bounds.maxLat - p.lat) * scale)
    }
}
