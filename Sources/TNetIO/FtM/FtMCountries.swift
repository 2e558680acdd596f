import TNetModel

/// FtM's country codes (`mm`, `kh`, `la`…) against tnet's country entities, which are named
/// rather than coded (`myanmar`, "Myanmar").
///
/// A code is matched to a country entity whose name or id is the code's English name (or a
/// common other spelling: "Viet Nam", "Burma", "Lao PDR"), compared without case, spaces,
/// hyphens or punctuation; a tnet country is given the code of its name the same way.
public enum FtMCountries {
    /// Other English spellings of some countries, by code, beside FtM's name.
    static let otherNames: [String: [String]] = [
        "mm": ["Burma"], "la": ["Lao PDR", "Lao People's Democratic Republic", "Lao"],
        "vn": ["Viet Nam"], "us": ["USA", "United States of America"], "gb": ["UK", "Great Britain"],
        "ae": ["UAE"], "kr": ["Korea", "Republic of Korea"], "kp": ["North Korea"], "hk": ["Hong Kong"],
        "mo": ["Macau", "Macao"], "tw": ["Taiwan, China"], "tl": ["East Timor"], "bn": ["Brunei Darussalam"],
        "cn": ["People's Republic of China", "PRC"], "ru": ["Russian Federation"],
    ]

    /// Letters and digits only, lower-cased: "Viet Nam", "viet-nam" and "VietNam" compare equal.
    static func folded(_ s: String) -> String {
        String(s.lowercased().unicodeScalars.filter { isAlphanumeric($0) }.map(Character.init))
    }

    private static func isAlphanumeric(_ u: Unicode.Scalar) -> Bool {
        u.properties.isAlphabetic || ("0" ... "9").contains(u)
    }

    /// Codes by folded name or code.
    static let codeByName: [String: String] = {
        var m: [String: String] = [:]
        for (code, name) in table {
            m[folded(name)] = m[folded(name)] ?? code
            for other in otherNames[code] ?? [] { m[folded(other)] = m[folded(other)] ?? code }
        }
        return m
    }()

    /// Names by code.
    static let nameByCode: [String: String] = Dictionary(table.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a })

    /// Whether FtM accepts `code` as a country (lower case, as FtM writes it).
    /// - Parameter code: A candidate code such as `mm`.
    public static func isCode(_ code: String) -> Bool { nameByCode[code] != nil }

    /// The code of a country named `name` ("Myanmar", "Viet Nam", "viet-nam"), or nil.
    /// - Parameter name: A country's name or id.
    public static func code(forName name: String) -> String? { codeByName[folded(name)] }

    /// The ids of a dataset's country entities by FtM code: an entity whose id is the code, or
    /// whose name or id is the code's name (or another spelling of it); the first such entity
    /// for each code.
    /// - Parameter countries: The dataset's country entities, as (id, name).
    /// - Returns: Entity ids by lower-case code.
    static func entityIDs(among countries: [(id: String, name: String?)]) -> [String: String] {
        var out: [String: String] = [:]
        for c in countries {
            for code in [c.id.lowercased(), c.name.flatMap(code(forName:)), code(forName: c.id)].compactMap({ $0 })
            where isCode(code) && out[code] == nil {
                out[code] = c.id
            }
        }
        return out
    }
}
