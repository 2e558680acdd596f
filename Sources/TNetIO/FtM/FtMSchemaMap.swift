import TNetModel

/// How tnet's kinds, roles, links and provenance map to FollowTheMoney's schemata and
/// properties, both ways. ``FtMReader`` and ``FtMWriter`` read every decision from here.
///
/// **Things.** | tnet kind | FtM schema | read back from the schema alone |
/// |---|---|---|
/// | person, official | Person | person |
/// | company, platform | Company | company |
/// | syndicate | Organization | agency (see below) |
/// | agency, country | PublicBody | agency |
/// | site, region | Address | site |
/// | compound | RealEstate | site |
/// | financial | BankAccount, or CryptoWallet when it has a `wallet` | financial |
/// | anything else (node, a declared kind) | LegalEntity | `legal_entity` (declared) |
///
/// FtM's Organization is any non-commercial, non-state body: NGOs, parties, armed and criminal
/// groups alike. It reads as `agency` (whose meaning covers NGOs and international bodies), not
/// `syndicate`: a syndicate is a candidate target of disruption and an agency never is, so the
/// wrong guess is the safe one (an armed group read as an agency is not proposed; an NGO read as a
/// syndicate would be). A tnet syndicate is written as an Organization marked `tnet:kind=syndicate`
/// and reads back as a syndicate. LegalEntity (a person or a body, unknown which) and any other
/// thing schema reads as a kind named for it in snake case (`legal_entity`, `vessel`), declared
/// in the dataset's schema.
///
/// **Links.** | FtM schema (source → target) | tnet link kind |
/// |---|---|
/// | Ownership (owner → asset) | `owns` (declared) |
/// | Directorship (director → organization) | `director_of` (declared) |
/// | Membership (member → organization) | `member_of` |
/// | Employment (employer → employee: reversed) | `employs` |
/// | Associate (person → associate) | `associate_of` (declared, symmetric) |
/// | Family (person → relative) | `family_of` (declared) |
/// | Payment (payer → beneficiary) | `pays` (amount and currency as attributes, not weight) |
/// | Sanction (authority → entity) | `sanctions`; the authority is a name in FtM, matched to the entity of that name |
/// | UnknownLink (subject → object) | its `role` when that is a tnet link kind, else `unknown_link` (declared) with the role kept |
/// | any other edge schema | its name in snake case, declared |
/// | an entity property (`parent`, `holder`, `addressEntity`) | a link of that name in snake case, declared |
///
/// A tnet link whose kind has no FtM schema, or whose ends the schema's ranges do not admit
/// (a `member_of` from a compound), is an UnknownLink whose `role` is the kind.
///
/// **Fields.** Name ↔ `name` (further names become `aliases`, said); `aliases` ↔ `alias`,
/// `weak_aliases` ↔ `weakAlias`, `previous_names` ↔ `previousName`, `note` ↔ `notes`; country
/// ↔ `country` as an ISO code (``FtMCountries``); every other attribute ↔ the property of the same
/// name in camel case when the schema has one (`passport_number` ↔ `passportNumber`,
/// `birth_date` ↔ `birthDate`, `registration_number`, `id_number`, `phone`, `email`,
/// `incorporation_date`…; `wallet` ↔ a CryptoWallet's `cryptoAddress`). A link's period ↔
/// `startDate`/`endDate`; its `role`, `relationship`, `summary`, `status` attributes ↔ those
/// properties. FtM's top-level `datasets`, `referents`, `first_seen`, `last_seen`,
/// `last_change` and `target` ↔ attributes of those names.
///
/// **Provenance.** A tnet source is a Document entity (id `source.<id>`, `fileName` the citation
/// key, `title`, `publisher`, `publishedAt` the date, `sourceUrl` the URL); an entity or link
/// cites it in `proof`. A foreign entity without `proof` but with `publisher`/`sourceUrl`
/// cites a source made from them (`ftm-source-N`); a Documentation (document → entity) is a
/// citation too. What FtM has no field for — tnet's kind where
/// the schema does not say it, a person's role, the Admiralty grade, an entity's period, a link's
/// weight, direction and agreement — is kept in FtM's free-text fields as `tnet:key=value`
/// markers: `keywords` on things, `description` on intervals (`tnet:confidence=B2`,
/// `tnet:role=recruiter`). FtM accepts them, Aleph shows them, and tnet reads them back.
/// Everything else (an attribute no property takes) is dropped with a warning naming it.
public enum FtMSchemaMap {
    /// The prefix of tnet's markers in `keywords` and `description`.
    static let markerPrefix = "tnet:"
    static let markerPrefixBytes = Array(markerPrefix.utf8)

    /// The schema a tnet entity is written as.
    static func schema(forKind kind: EntityKind, attributes: Attributes) -> String {
        switch kind {
        case .person, .official: return "Person"
        case .company, .platform: return "Company"
        case .syndicate: return "Organization"
        case .agency, .country: return "PublicBody"
        case .site, .region: return "Address"
        case .compound: return "RealEstate"
        case .financial: return attributes["wallet"] != nil ? "CryptoWallet" : "BankAccount"
        case "vessel": return "Vessel"
        default: return "LegalEntity"
        }
    }

    /// The tnet kind an FtM thing schema reads as, without a marker.
    static func kind(forSchema schema: String) -> EntityKind {
        switch schema {
        case "Person": return .person
        case "Company": return .company
        case "Organization", "PublicBody": return .agency
        case "Address", "RealEstate": return .site
        case "BankAccount", "CryptoWallet": return .financial
        default: return EntityKind(snakeCase(schema))
        }
    }

    /// The link kinds FtM's edge schemata read as (the source and target as tnet orders them).
    static let linkKinds: [String: LinkKind] = [
        "Ownership": "owns", "Directorship": "director_of", "Membership": .memberOf, "Employment": .employs,
        "Associate": "associate_of", "Family": "family_of", "Payment": .pays, "Sanction": .sanctions,
        "UnknownLink": "unknown_link",
    ]

    /// Link kinds the reader declares because tnet has none built in, with whether each is symmetric.
    static let declaredLinkKinds: [LinkKind: Bool] = [
        "owns": false, "director_of": false, "associate_of": true, "family_of": false, "unknown_link": false,
    ]

    /// The schema a tnet link kind is written as, when its ends fit (else UnknownLink).
    static func schema(forLink kind: LinkKind) -> String? {
        linkKinds.first(where: { $0.value == kind && $0.key != "UnknownLink" })?.key
    }

    /// Whether an edge (or Sanction) schema admits a link from an entity of schema `source` to
    /// one of schema `target`, as tnet orders them.
    static func fits(_ name: String, source: FtMModel.Schema, target: FtMModel.Schema) -> Bool {
        guard let sc = FtMModel.schema(name), !sc.abstract else { return false }
        if name == "Sanction" { return true }
        guard let (sp, tp) = sc.edge, let sr = sc.properties[sp]?.range, let tr = sc.properties[tp]?.range else { return false }
        let (a, b) = isReversed(name) ? (target, source) : (source, target)
        return a.isA(sr) && b.isA(tr)
    }

    /// The schema a link of `kind` is written as between entities of those schemata: `preferred`
    /// (a link read from FtM keeps its schema) when it admits them, else the kind's own schema
    /// when it does, else UnknownLink.
    static func linkSchema(_ kind: LinkKind, preferred: String?, source: FtMModel.Schema, target: FtMModel.Schema) -> String {
        if let p = preferred, fits(p, source: source, target: target) { return p }
        if let own = schema(forLink: kind), fits(own, source: source, target: target) { return own }
        return "UnknownLink"
    }

    /// Whether FtM's edge runs the other way from tnet's link (Employment: employee → employer;
    /// tnet's `employs`: employer → employee).
    static func isReversed(_ schema: String) -> Bool { schema == "Employment" }

    /// Attribute names that always hold a list of strings, by FtM property.
    static let listAttributes: [String: String] = ["alias": "aliases", "weakAlias": "weak_aliases", "previousName": "previous_names"]
    /// FtM properties whose attribute name is not their snake case.
    static let renamed: [String: String] = ["notes": "note"]
    /// FtM's top-level fields kept as attributes, with whether each is a list.
    static let topLevel: [(key: String, list: Bool)] = [("datasets", true), ("referents", true), ("first_seen", false),
                                                        ("last_seen", false), ("last_change", false)]

    /// The attribute an FtM property reads as.
    static func attributeName(forProperty p: String, schema: String) -> String {
        if schema == "CryptoWallet" && p == "cryptoAddress" { return "wallet" }
        return listAttributes[p] ?? renamed[p] ?? snakeCase(p)
    }

    /// The FtM property an attribute is written as, if `schema` has it.
    static func property(forAttribute key: String, schema: FtMModel.Schema) -> FtMModel.Property? {
        if schema.name == "CryptoWallet" && key == "wallet" { return schema.properties["cryptoAddress"] }
        if let p = listAttributes.first(where: { $0.value == key })?.key { return schema.properties[p] }
        if let p = renamed.first(where: { $0.value == key })?.key { return schema.properties[p] }
        // A key already in camel case would not read back the same.
        guard key == key.lowercased() else { return nil }
        return schema.properties[camelCase(key)]
    }

    /// `birthDate` → `birth_date`.
    static func snakeCase(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 && !(0x41 ... 0x5A).contains($0) }) { return s }
        var out = ""
        for (i, c) in s.enumerated() {
            if c.isUppercase { if i > 0 { out += "_" }; out += c.lowercased() } else { out.append(c) }
        }
        return out
    }

    /// `birth_date` → `birthDate`.
    static func camelCase(_ s: String) -> String {
        var out = "", up = false
        for c in s {
            if c == "_" { up = true; continue }
            out += up ? c.uppercased() : String(c)
            up = false
        }
        return out
    }

    /// A `tnet:key=value` marker.
    static func marker(_ key: String, _ value: String) -> String { "\(markerPrefix)\(key)=\(value)" }

    /// The key and value of a marker, or nil for other text.
    static func parseMarker(_ s: String) -> (key: String, value: String)? {
        // A key of ASCII letters, on the string's own bytes where it has them in one piece (a
        // million things' markers, three each, were a third of making their entities).
        if let read = s.utf8.withContiguousStorageIfAvailable({ u -> (key: String, value: String)?? in
            let prefix = markerPrefixBytes
            guard u.count > prefix.count, u.starts(with: prefix) else { return .some(nil) }
            var eq = prefix.count
            while eq < u.count, u[eq] != UInt8(ascii: "=") {
                let c = u[eq]
                if c >= 0x80 { return nil }
                guard (0x61 ... 0x7A).contains(c | 0x20) || c == UInt8(ascii: "_") else { return .some(nil) }
                eq += 1
            }
            guard eq > prefix.count, eq + 1 < u.count else { return .some(nil) }
            return (String(decoding: UnsafeBufferPointer(rebasing: u[prefix.count ..< eq]), as: UTF8.self),
                    String(decoding: UnsafeBufferPointer(rebasing: u[(eq + 1)...]), as: UTF8.self))
        }), let read { return read }
        // A key with other letters, or a string without its bytes in one piece: on the string's
        // UTF-8 view (the prefix and `=` are ASCII, so the key and value are cut where characters
        // start), the key's letters as characters.
        let u = s.utf8
        guard u.starts(with: markerPrefix.utf8) else { return nil }
        let keyStart = u.index(u.startIndex, offsetBy: markerPrefix.utf8.count)
        guard let eq = u[keyStart...].firstIndex(of: UInt8(ascii: "=")), u.index(after: eq) < u.endIndex else { return nil }
        let key = s[keyStart ..< eq]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0 == "_" }) else { return nil }
        return (String(key), String(s[u.index(after: eq)...]))
    }
}

/// FtM entity ids: letters, digits, `.` and `-`, starting and ending with a letter or digit.
/// A tnet id that is not one is written as `tnet-x-` and its UTF-8 bytes in hex, which reads back
/// exactly.
enum FtMID {
    static let escapePrefix = "tnet-x-"

    /// Whether FtM accepts `s` as an entity id.
    static func isValid(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard let first = u.first, let last = u.last else { return false }
        func alnum(_ b: UInt8) -> Bool { (48 ... 57).contains(b) || (65 ... 90).contains(b) || (97 ... 122).contains(b) }
        return alnum(first) && alnum(last) && u.allSatisfy { alnum($0) || $0 == 46 || $0 == 45 }
    }

    /// The FtM id of a tnet id.
    static func encode(_ id: String) -> String {
        if isValid(id) && !id.hasPrefix(escapePrefix) { return id }
        let hex = Array("0123456789abcdef")
        return escapePrefix + String(id.utf8.flatMap { [hex[Int($0 >> 4)], hex[Int($0 & 15)]] })
    }

    /// The tnet id of an FtM id (the inverse of ``encode(_:)``; any other id is kept).
    static func decode(_ id: String) -> String {
        guard id.hasPrefix(escapePrefix) else { return id }
        let hex = Array(id.utf8.dropFirst(escapePrefix.utf8.count))
        guard hex.count % 2 == 0 else { return id }
        var bytes: [UInt8] = []
        func nibble(_ c: UInt8) -> UInt8? {
            switch c {
            case 48 ... 57: return c - 48
            case 97 ... 102: return c - 87
            default: return nil
            }
        }
        for i in stride(from: 0, to: hex.count, by: 2) {
            guard let h = nibble(hex[i]), let l = nibble(hex[i + 1]) else { return id }
            bytes.append(h << 4 | l)
        }
        guard let s = String(validating: bytes, as: UTF8.self), encode(s) == id else { return id }
        return s
    }
}
