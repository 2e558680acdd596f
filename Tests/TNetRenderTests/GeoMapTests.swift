import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TNetModel
import TNetIO
@testable import TNetRender

/// Parses `svg` as XML (throws when it is not well-formed).
func parseXML(_ svg: String) throws -> XMLDocument { try XMLDocument(data: Data(svg.utf8), options: []) }

@Suite struct GeoMapTests {
    /// Hand-worked: the box 90–110°E, 0–20°N has its middle parallel at 10°N, cos 10° = 0.984808,
    /// so it is 20 · 0.984808 = 19.69616 "equator degrees" wide and 20 high. In 1000 × 2000 pixels
    /// the width binds: k = 1000 / 19.69616 = 50.7713 px per degree of latitude, height
    /// 20 · 50.7713 = 1015.43. (100°E, 10°N) is then at x = 20 + 10 · 0.984808 · 50.7713 = 520 and
    /// y = 56 + 10 · 50.77133 = 563.7133; the north-west corner at (20, 56); the south-east at
    /// (1020, 56 + 1015.4266 = 1071.4266).
    @Test func projectionByHand() {
        let p = GeoProjection(bounds: GeoBounds(minLon: 90, minLat: 0, maxLon: 110, maxLat: 20), left: 20, top: 56, maxWidth: 1000, maxHeight: 2000)
        let centre = p.project(GeoPoint(lon: 100, lat: 10))
        #expect(abs(centre.x - 520) < 1e-9)
        #expect(abs(centre.y - 563.7133) < 1e-3)
        let nw = p.project(GeoPoint(lon: 90, lat: 20)), se = p.project(GeoPoint(lon: 110, lat: 0))
        #expect(abs(nw.x - 20) < 1e-9 && abs(nw.y - 56) < 1e-9)
        #expect(abs(se.x - 1020) < 1e-9 && abs(se.y - 1071.4266) < 1e-3)
        #expect(abs(p.width - 1000) < 1e-9)
        // A tall box: the height binds instead (k = 500 / 40 = 12.5; width 10 · cos 0° · 12.5 = 125).
        let tall = GeoProjection(bounds: GeoBounds(minLon: 0, minLat: -20, maxLon: 10, maxLat: 20), left: 0, top: 0, maxWidth: 1000, maxHeight: 500)
        #expect(abs(tall.scale - 12.5) < 1e-9 && abs(tall.width - 125) < 1e-9)
    }

    @Test func outlinesParseAndFindCountries() {
        let w = WorldOutlines.naturalEarth110m
        #expect(w.countries.count == 177)
        #expect(w.country(matching: "India (IN)")?.alpha3 == "IND")
        #expect(w.country(matching: "Viet Nam")?.name == "Vietnam")
        #expect(w.country(matching: "viet-nam")?.alpha2 == "VN")
        #expect(w.country(matching: "United States")?.alpha3 == "USA")
        #expect(w.country(matching: "Laos")?.alpha2 == "LA")
        #expect(w.country(matching: "MM")?.name == "Myanmar")
        #expect(w.country(matching: "Atlantis") == nil)
        // Myanmar's placing point lies in Myanmar (roughly 92–101°E, 10–28°N).
        let mm = w.country(code: "MMR")!
        #expect((92 ... 101).contains(mm.point.lon) && (10 ... 28).contains(mm.point.lat))
        #expect(mm.rings.allSatisfy { $0.count >= 4 })
    }

    static func sample() -> Dataset {
        Dataset(entities: [
            Entity(id: "in-1", kind: .country, name: "India (IN)"),
            Entity(id: "viet-nam", kind: .country, name: "Viet Nam"),
            Entity(id: "atlantis", kind: .country, name: "Atlantis"),
            Entity(id: "region-x", kind: .region, name: "Region X"),
            Entity(id: "compound-x", kind: .compound, name: "Compound <X> & \"Co\""),
            Entity(id: "town", kind: .site, name: "Town", attributes: ["lat": .double(16.69), "lon": .string("98.51")]),
            Entity(id: "bad", kind: .site, name: "Bad", attributes: ["lat": .double(120), "lon": .double(98)]),
            Entity(id: "agency", kind: .agency, name: "Agency", country: "viet-nam"),
            Entity(id: "syndicate", kind: .syndicate, name: "Syndicate"),
        ], links: [
            Link(source: "region-x", target: "viet-nam", kind: .locatedIn),
            Link(source: "compound-x", target: "region-x", kind: .locatedIn),
            Link(source: "in-1", target: "compound-x", kind: .traffickedTo, weight: 12),
            Link(source: "syndicate", target: "in-1", kind: .recruitsFrom),
            Link(source: "atlantis", target: "town", kind: .traffickedTo),
        ])
    }

    @Test func placementRules() {
        let d = Self.sample()
        let g = GeoPlacement(dataset: d)
        func method(_ id: String) -> GeoPlacement.Method? { g.slot[d.index(of: id)!].map { g.placed[$0].method } }
        func point(_ id: String) -> GeoPoint? { g.slot[d.index(of: id)!].map { g.placed[$0].point } }
        #expect(method("in-1") == .country("India"))
        #expect(method("viet-nam") == .country("Vietnam"))
        #expect(method("town") == .coordinates)
        #expect(point("town") == GeoPoint(lon: 98.51, lat: 16.69))
        #expect(method("region-x") == .locatedIn("viet-nam"))
        #expect(method("compound-x") == .locatedIn("region-x"))
        #expect(method("agency") == .countryField("viet-nam"))
        // Near: within the stated radius (1.2° of a country, 0.3° of a region; longitude scaled).
        let vn = point("viet-nam")!, rx = point("region-x")!, cx = point("compound-x")!
        #expect(abs(rx.lat - vn.lat) <= 1.2 && abs(cx.lat - rx.lat) <= 0.3)
        #expect(rx != vn && cx != rx)
        // Unplaced and unusable coordinates are listed, not dropped.
        #expect(Set(g.unplaced.map { d.entities[$0].id }) == ["atlantis", "bad", "syndicate"])
        #expect(g.badCoordinates.map { d.entities[$0].id } == ["bad"])
        // Deterministic.
        #expect(GeoPlacement(dataset: d).placed == g.placed)
    }

    @Test func mapSaysWhatItLeavesOutAndEscapes() throws {
        let d = Self.sample()
        let map = GeoMap(dataset: d)
        // Routes: in-1 → compound-x (trafficked_to) and in-1 → syndicate is not drawn (the
        // syndicate is unplaced); atlantis → town neither.
        #expect(map.routes.count == 1)
        #expect(map.routesWithUnplacedEnd == 2)
        #expect(map.notes.contains { $0.hasPrefix("3 entities are not placed") })
        #expect(map.notes.contains { $0.hasPrefix("1 entity has lat/lon attributes") })
        #expect(map.notes.contains("2 route links are not drawn: an end is not placed"))
        let svg = map.svg
        _ = try parseXML(svg)
        #expect(!svg.contains("<X>"))
        #expect(svg.contains("Compound &lt;X&gt; &amp; &quot;Co&quot;"))
        #expect(svg.components(separatedBy: "marker-end=").count - 1 == 1)
        #expect(svg.contains("Natural Earth"))
        #expect(svg == GeoMap(dataset: d).svg)
    }

    @Test func boundsLeaveOutWhatLiesOutside() {
        var o = GeoMap.Options()
        o.bounds = GeoBounds(minLon: 95, minLat: 5, maxLon: 115, maxLat: 30)  // not India
        let map = GeoMap(dataset: Self.sample(), options: o)
        #expect(map.entitiesOutsideView == 1)
        #expect(map.routes.count == 1)  // India → compound: one end inside, drawn (clipped)
        #expect(map.notes.contains("1 placed entity lies outside the view and is not drawn"))
    }

    /// Two drawings inline in one page: their ids do not collide, and a hostile prefix is tamed.
    @Test func idsArePrefixed() throws {
        var a = GeoMap.Options(), b = GeoMap.Options()
        a.idPrefix = "first-"
        b.idPrefix = "second\")<x>-"
        let one = GeoMap(dataset: Self.sample(), options: a).svg, two = GeoMap(dataset: Self.sample(), options: b).svg
        func ids(_ svg: String) -> Set<String> {
            Set(svg.components(separatedBy: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        }
        #expect(!ids(one).isEmpty && ids(one).allSatisfy { $0.hasPrefix("first-") })
        #expect(ids(two).allSatisfy { $0.hasPrefix("secondx-") })
        #expect(ids(one).isDisjoint(with: ids(two)))
        #expect(!one.hasPrefix("<?xml"))
        _ = try parseXML(two)
    }

    @Test func redactedMapNamesNoProtectedPerson() throws {
        var d = Self.sample()
        d.append(Entity(id: "somchai-prasert", kind: .person, name: "Somchai Prasert", role: .victim))
        d.append(Link(source: "somchai-prasert", target: "compound-x", kind: .locatedIn))
        var r = Redaction()
        let safe = r.apply(to: d)
        let svg = GeoMap(dataset: safe).svg
        _ = try parseXML(svg)
        #expect(!svg.localizedCaseInsensitiveContains("somchai"))
        #expect(!svg.localizedCaseInsensitiveContains("prasert"))
        #expect(svg.contains("Victim 1"))
        // Unredacted, the name is there (the test would catch nothing otherwise).
        #expect(GeoMap(dataset: d).svg.contains("Somchai Prasert"))
    }

    @Test func bundledDatasetMap() throws {
        let (d, _) = try DatasetFormat.read(path: packageRoot.appendingPathComponent("datasets/mekong-2023.json").path)
        let map = GeoMap(dataset: d)
        let placedIDs = Set(map.placement.placed.map { d.entities[$0.index].id })
        for id in ["myanmar", "laos", "cambodia", "viet-nam", "united-states", "singapore", "shwe-kokko", "compound-kayin-1"] {
            #expect(placedIDs.contains(id), "\(id) not placed")
        }
        #expect(map.routes.count > 15)
        _ = try parseXML(map.svg)
        #expect(map.svg.utf8.count < 1_000_000)
    }
}
