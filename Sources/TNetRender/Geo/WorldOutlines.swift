import Foundation

/// A place on the globe in degrees (WGS 84): longitude east of Greenwich, latitude north.
public struct GeoPoint: Sendable, Hashable {
    /// Degrees east, −180…180.
    public var lon: Double
    /// Degrees north, −90…90.
    public var lat: Double
    /// A point from its longitude and latitude in degrees.
    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }
}

/// Country outlines to draw a map with and to place country entities by: Natural Earth's 1:110m
/// countries (public domain, `datasets/geo/NATURAL-EARTH-TERMS.md`), as geopandas 0.14 ships
/// them, converted once by `datasets/geo/make_outlines.py` into a table compiled into the library
/// (``naturalEarth110m``): no resource bundle to find at run time, no network.
public struct WorldOutlines: Sendable {
    /// One country of the table.
    public struct Country: Sendable {
        /// ISO 3166-1 alpha-2 (`MM`); empty where ISO has none (Kosovo, Somaliland, N. Cyprus).
        public let alpha2: String
        /// ISO 3166-1 alpha-3 (`MMR`); empty where ISO has none.
        public let alpha3: String
        /// Natural Earth's name (`Myanmar`, `United States of America`).
        public let name: String
        /// ISO's short, official and common names where they differ (`Viet Nam`, `United States`).
        public let aliases: [String]
        /// Where to place the country: a point well inside its largest polygon.
        public let point: GeoPoint
        /// Polygon rings (outer boundaries and holes), simplified to about 0.02° and rounded to
        /// 0.01°; drawn with the even-odd rule.
        public let rings: [[GeoPoint]]
    }

    /// The countries, by alpha-3.
    public let countries: [Country]
    private let byKey: [String: Int]

    /// A table of countries; names, aliases and codes are looked up in ``country(matching:)``.
    /// - Parameter countries: the countries; the first of several with one key wins.
    public init(countries: [Country]) {
        self.countries = countries
        var byKey: [String: Int] = [:]
        for (i, c) in countries.enumerated() {
            for key in [c.alpha2, c.alpha3] where !key.isEmpty { byKey["code:" + key.uppercased()] = byKey["code:" + key.uppercased()] ?? i }
            for name in [c.name] + c.aliases {
                let k = Self.nameKey(name)
                if !k.isEmpty { byKey["name:" + k] = byKey["name:" + k] ?? i }
            }
        }
        self.byKey = byKey
    }

    /// Natural Earth's 177 countries at 1:110m; parsed once, on first use.
    public static let naturalEarth110m: WorldOutlines = {
        struct Row: Decodable { let a2: String, a3: String, name: String, aliases: [String], point: [Double], rings: [[Double]] }
        guard let rows = try? JSONDecoder().decode([Row].self, from: Data(naturalEarth110mJSON.utf8)) else {
            preconditionFailure("the compiled-in Natural Earth table does not parse; regenerate it with datasets/geo/make_outlines.py")
        }
        return WorldOutlines(countries: rows.map { r in
            let rings = r.rings.map { flat in stride(from: 0, to: flat.count - 1, by: 2).map { GeoPoint(lon: flat[$0], lat: flat[$0 + 1]) } }
            return Country(alpha2: r.a2, alpha3: r.a3, name: r.name, aliases: r.aliases,
                           point: GeoPoint(lon: r.point[0], lat: r.point[1]), rings: rings)
        })
    }()

    /// The country with this ISO 3166-1 alpha-2 or alpha-3 code, in any case.
    public func country(code: String) -> Country? {
        byKey["code:" + code.uppercased()].map { countries[$0] }
    }

    /// The country a dataset's text names: an ISO code in parentheses at the end (`India (IN)`),
    /// the whole text as an ISO code when it is two or three letters, or a name or alias compared
    /// by its letters and digits only, in any case (`viet-nam` finds Vietnam).
    /// - Parameter text: an entity's name or id, or a code.
    /// - Returns: the country, or nil.
    public func country(matching text: String) -> Country? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.hasSuffix(")"), let open = t.lastIndex(of: "(") {
            let code = t[t.index(after: open) ..< t.index(before: t.endIndex)]
            if (2 ... 3).contains(code.count), code.allSatisfy({ $0.isASCII && $0.isLetter }), let c = country(code: String(code)) { return c }
            if let c = byKey["name:" + Self.nameKey(String(t[..<open]))] { return countries[c] }
        }
        if (2 ... 3).contains(t.count), t.allSatisfy({ $0.isASCII && $0.isUppercase }), let c = country(code: t) { return c }
        let key = Self.nameKey(t)
        return key.isEmpty ? nil : byKey["name:" + key].map { countries[$0] }
    }

    /// Letters and digits, lower-cased and without diacritics; a leading "the" dropped.
    static func nameKey(_ s: String) -> String {
        var k = String(s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init)).lowercased()
        if k.hasPrefix("the") && s.lowercased().hasPrefix("the ") { k.removeFirst(3) }
        return k
    }
}
