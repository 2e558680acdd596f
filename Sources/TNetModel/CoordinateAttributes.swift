import Foundation

/// An entity's position as its attributes give it: numeric `lat` and `lon` (also `latitude`,
/// `longitude`, `lng`, `long`, in any case; numbers or texts of numbers), read once for the
/// map, which places the entity by them, and for validation, which warns of a pair no map can
/// use.
public enum CoordinateAttributes: Equatable, Sendable {
    /// No coordinate attribute.
    case absent
    /// Coordinate attributes that are not a usable pair; `problem` says why, as a phrase after
    /// the entity ("latitude 95.0 is outside −90 to 90").
    case unusable(problem: String)
    /// Degrees north and east.
    case point(lat: Double, lon: Double)

    /// The coordinates `attributes` give; the first of each spelling counts.
    public init(_ attributes: Attributes) {
        var lat: AttributeValue?, lon: AttributeValue?
        for (key, value) in attributes {
            switch key.lowercased() {
            case "lat", "latitude": lat = lat ?? value
            case "lon", "lng", "long", "longitude": lon = lon ?? value
            default: break
            }
        }
        if lat == nil && lon == nil { self = .absent; return }
        func number(_ v: AttributeValue?) -> Double? {
            guard let v else { return nil }
            if let d = v.number { return d }
            return v.string.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        }
        guard lat != nil, lon != nil else {
            self = .unusable(problem: "has \(lat == nil ? "a longitude" : "a latitude") without \(lat == nil ? "a latitude" : "a longitude")")
            return
        }
        guard let y = number(lat), let x = number(lon) else { self = .unusable(problem: "has coordinates that are not numbers"); return }
        guard (-90 ... 90).contains(y) else { self = .unusable(problem: "latitude \(y) is outside −90 to 90"); return }
        guard (-180 ... 180).contains(x) else { self = .unusable(problem: "longitude \(x) is outside −180 to 180"); return }
        self = .point(lat: y, lon: x)
    }
}
