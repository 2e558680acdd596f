import Foundation
import TNetModel

/// Where each entity of a dataset sits on the map, and why.
///
/// Rules, first that applies wins:
/// 1. **Coordinates**: numeric `lat` and `lon` attributes (also `latitude`, `longitude`, `lng`, in
///    any case; numbers or numeric text) within range.
/// 2. **Country outline**: an entity of kind `country` whose ISO code attribute (`iso`, `iso2`,
///    `iso3`, `iso_a2`, `iso_a3`, `country_code`), name or id names a country of the outlines
///    (``WorldOutlines/country(matching:)``: `India (IN)`, `Viet Nam`, `viet-nam`), at that
///    country's placing point.
/// 3. **Near a place**: an entity `located_in` a placed entity sits near it, at a deterministic
///    offset (a hash of its id: the same file gives the same map), about 1.2° from a country, 0.3°
///    from a region and 0.12° from anything else; chains follow (compound → site → region →
///    country), breadth-first, without recursion.
/// 4. **Near its country**: what is still unplaced and names a placed country entity in its
///    `country` field sits near that country, as in rule 3 (and what is located in it follows).
///
/// Everything else is unplaced and counted (``unplaced``): the map says how many it leaves out.
public struct GeoPlacement: Sendable {
    /// Why an entity is where it is.
    public enum Method: Sendable, Hashable {
        /// Its own `lat`/`lon` attributes.
        case coordinates
        /// The placing point of this country of the outlines (its name).
        case country(String)
        /// Near the entity with this id, which it is `located_in`.
        case locatedIn(String)
        /// Near the country entity with this id, named in its `country` field.
        case countryField(String)
    }

    /// One placed entity.
    public struct Placed: Sendable, Hashable {
        /// The entity's index in the dataset.
        public let index: Int
        /// Where it is drawn.
        public let point: GeoPoint
        /// Why it is there.
        public let method: Method
    }

    /// The placed entities, in dataset order.
    public let placed: [Placed]
    /// Indices of entities no rule places, in dataset order.
    public let unplaced: [Int]
    /// Indices of entities whose `lat`/`lon` attributes are present but not usable (not a number,
    /// out of range, one without the other); other rules may still place them.
    public let badCoordinates: [Int]
    /// For each entity index, its position in ``placed``, or nil.
    public let slot: [Int?]

    /// Places the entities of `dataset`.
    /// - Parameters:
    ///   - dataset: the dataset (filtered and redacted as it is to be drawn).
    ///   - outlines: the countries to place country entities by.
    /// - Complexity: O((*n* + *m*) · *r*) for *n* entities and *m* links, where *r* is the number
    ///   of times rule 4 unlocks more places (1 or 2 in practice).
    public init(dataset: Dataset, outlines: WorldOutlines = .naturalEarth110m) {
        let n = dataset.entities.count
        var point = [GeoPoint?](repeating: nil, count: n)
        var method = [Method?](repeating: nil, count: n)
        var bad: [Int] = []
        var queue: [Int] = []
        for (i, e) in dataset.entities.enumerated() {
            switch CoordinateAttributes(e.attributes) {
            case .point(let lat, let lon):
                point[i] = GeoPoint(lon: lon, lat: lat); method[i] = .coordinates; queue.append(i); continue
            case .unusable: bad.append(i)
            case .absent: break
            }
            if e.kind == .country, let c = Self.country(of: e, in: outlines) {
                point[i] = c.point; method[i] = .country(c.name); queue.append(i)
            }
        }
        // located_in, reversed: for each place, the entities located in it.
        var inside = [[Int]](repeating: [], count: n)
        dataset.forEachResolvedLink { li, s, t in
            if dataset.links[li].kind == .locatedIn && s != t { inside[Int(t)].append(Int(s)) }
        }
        var head = 0
        while true {
            while head < queue.count {
                let p = queue[head]; head += 1
                for s in inside[p] where point[s] == nil {
                    point[s] = Self.near(point[p]!, kind: dataset.entities[p].kind, id: dataset.entities[s].id)
                    method[s] = .locatedIn(dataset.entities[p].id)
                    queue.append(s)
                }
            }
            var more = false
            for (i, e) in dataset.entities.enumerated() where point[i] == nil {
                guard let cid = e.country, let c = dataset.index(of: cid), dataset.entities[c].kind == .country, let at = point[c] else { continue }
                point[i] = Self.near(at, kind: .country, id: e.id)
                method[i] = .countryField(cid)
                queue.append(i)
                more = true
            }
            if !more { break }
        }
        var placed: [Placed] = [], unplaced: [Int] = [], slot = [Int?](repeating: nil, count: n)
        for i in 0 ..< n {
            if let p = point[i], let m = method[i] {
                slot[i] = placed.count
                placed.append(Placed(index: i, point: p, method: m))
            } else {
                unplaced.append(i)
            }
        }
        self.placed = placed
        self.unplaced = unplaced
        self.badCoordinates = bad
        self.slot = slot
    }

    /// The country of the outlines a country entity names, by code attribute, name, then id.
    static func country(of e: Entity, in outlines: WorldOutlines) -> WorldOutlines.Country? {
        for (key, value) in e.attributes where ["iso", "iso2", "iso3", "iso_a2", "iso_a3", "country_code", "iso_code"].contains(key.lowercased()) {
            if let s = value.string, let c = outlines.country(code: s.trimmingCharacters(in: .whitespaces)) { return c }
        }
        if let name = e.name, let c = outlines.country(matching: name) { return c }
        return outlines.country(matching: e.id)
    }

    /// A point near `anchor` at an offset that depends only on `id` (FNV-1a of its UTF-8).
    static func near(_ anchor: GeoPoint, kind: EntityKind, id: String) -> GeoPoint {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        let radius = kind == .country ? 1.2 : kind == .region ? 0.3 : 0.12
        let angle = Double(h % 3600) / 3600 * 2 * Double.pi
        let r = radius * (0.45 + 0.55 * Double((h >> 16) % 1000) / 1000)
        let lat = max(-89, min(89, anchor.lat + r * sin(angle)))
        var lon = anchor.lon + r * cos(angle) / max(0.2, cos(anchor.lat * .pi / 180))
        if lon > 180 { lon -= 360 } else if lon < -180 { lon += 360 }
        return GeoPoint(lon: lon, lat: lat)
    }
}
