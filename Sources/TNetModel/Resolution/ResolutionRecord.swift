/// An identifier that points at one person or organisation, read from an entity's attributes.
public enum IdentifierKind: String, Sendable, Hashable, CaseIterable {
    /// A passport number (`passport`, `passport_number`, `passport_no`).
    case passport
    /// A national identity number (`id_number`, `national_id`, `id_card`).
    case idNumber = "id_number"
    /// A company registration number (`registration_number`, `registration`, `company_number`,
    /// `reg_no`).
    case registration = "registration_number"
    /// A telephone number (`phone`, `phones`, `phone_number`, `telephone`, `mobile`): shared by
    /// a call centre's workers or a family, so weaker evidence than the others.
    case phone
    /// A cryptocurrency wallet address (`wallet`, `wallets`, `crypto_wallet`, `wallet_address`).
    case wallet
    /// An e-mail address (`email`, `emails`).
    case email

    /// Whether two records sharing it are very likely one (every kind but ``phone``).
    public var isStrong: Bool { self != .phone }

    /// Whether it is one person's or company's document (passport, id or registration number),
    /// not an address that an agency, an exchange or an office may give many (wallet, e-mail).
    public var isDocument: Bool { self == .passport || self == .idNumber || self == .registration }

    /// The attribute names read as this identifier (lower case).
    public var attributeNames: [String] {
        switch self {
        case .passport: return ["passport", "passport_number", "passport_no", "passports"]
        case .idNumber: return ["id_number", "national_id", "id_card", "id_numbers"]
        case .registration: return ["registration_number", "registration", "company_number", "reg_no"]
        case .phone: return ["phone", "phones", "phone_number", "telephone", "mobile"]
        case .wallet: return ["wallet", "wallets", "crypto_wallet", "wallet_address"]
        case .email: return ["email", "emails"]
        }
    }

    /// `value` as compared: letters and digits only, upper case (passport, id and registration
    /// numbers); the last 8 digits (phones: `+855 12 345 678`, `00855-12345678` and
    /// `012 345 678` are one number, whatever the trunk or country prefix); an address trimmed
    /// and lower-cased (e-mail, and wallets written in hexadecimal `0x…`); nil when nothing is
    /// left.
    public func normalise(_ value: String) -> String? {
        switch self {
        case .passport, .idNumber, .registration:
            let s = String(value.uppercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
            return s.isEmpty ? nil : s
        case .phone:
            let digits = value.unicodeScalars.filter { $0.value >= 48 && $0.value <= 57 }
            guard digits.count >= 6 else { return nil }
            return String(String.UnicodeScalarView(digits.suffix(8)))
        case .wallet:
            let s = value.trimmingWhitespace()
            guard !s.isEmpty else { return nil }
            return s.lowercased().hasPrefix("0x") ? s.lowercased() : s
        case .email:
            let s = value.trimmingWhitespace().lowercased()
            return s.isEmpty ? nil : s
        }
    }
}

/// What entity resolution compares of one entity: its class, its names, identifiers, date and
/// country, already normalised.
///
/// A class, not a struct: the candidate search reads two records per pair, millions of times,
/// and a struct of arrays would be retained field by field at each read.
public final class ResolutionRecord: Sendable {
    /// What kind of thing it is, as far as matching goes: a person is never the same as a
    /// company, and places match places only.
    public enum Category: Sendable, Hashable {
        case person, organisation, place, other
    }
    /// The entity's position in the dataset it came from.
    public let entity: Int
    /// Which input it came from (0 for the first).
    public let input: Int
    /// Its category.
    public let category: Category
    /// The entity kind as written (two kinds of one category are a conflict, not a mismatch).
    public let kind: EntityKind
    /// Its name and aliases (first the name, or the id when it has none).
    public let forms: [NameForm]
    /// Whether its first form is an id that is a label, not a name (``isLabel(_:)``; the entity
    /// has no name): it is used to find candidates, never compared as a name. Ids that differ
    /// (`rec-0412`, `q9`) are no evidence that two records are two entities.
    public let firstFormIsLabel: Bool
    /// The forms compared as names: all but a label.
    public var nameForms: ArraySlice<NameForm> { firstFormIsLabel ? forms.dropFirst() : forms[...] }
    /// Its identifiers, normalised (``IdentifierKind/normalise(_:)``).
    public let identifiers: [(kind: IdentifierKind, value: String)]
    /// Its date of birth or incorporation: year, and month and day when known.
    public let date: (year: Int, month: Int?, day: Int?)?
    /// Its country, as a folded name (the country entity's name when the country is an id in
    /// the dataset), or nil.
    public let country: String?
    /// Whether the entity is a protected person (victim, survivor, witness).
    public let isProtected: Bool

    /// Attribute names read as aliases.
    public static let aliasNames = ["aliases", "alias", "also_known_as", "aka", "other_names", "previous_name", "previous_names", "weak_alias"]
    /// Attribute names read as a date of birth or incorporation.
    public static let dateNames = ["birth_date", "date_of_birth", "dob", "born", "incorporation_date", "incorporated", "founded"]

    /// The record of `dataset.entities[index]`.
    /// - Parameters:
    ///   - dataset: The dataset the entity is in (its country entity is looked up there).
    ///   - index: The entity's position.
    ///   - input: Which input the dataset is.
    public init(_ dataset: Dataset, entity index: Int, input: Int) {
        let e = dataset.entities[index]
        entity = index
        self.input = input
        kind = e.kind
        let category = Self.category(of: e.kind)
        self.category = category
        let organisation = category == .organisation
        let named = !(e.name ?? "").trimmingWhitespace().isEmpty
        var forms = [NameForm(named ? e.name! : e.id, organisation: organisation)]
        var identifiers: [(IdentifierKind, String)] = []
        var date: (Int, Int?, Int?)?
        for (key, value) in e.attributes {
            let k = key.lowercased()
            if Self.aliasNames.contains(k) {
                for text in Self.texts(value) {
                    let f = NameForm(text, organisation: organisation)
                    if !f.isEmpty && !forms.contains(f) { forms.append(f) }
                }
            } else if let kind = IdentifierKind.allCases.first(where: { $0.attributeNames.contains(k) }) {
                for text in Self.texts(value) {
                    if let v = kind.normalise(text), !identifiers.contains(where: { $0 == (kind, v) }) { identifiers.append((kind, v)) }
                }
            } else if date == nil, Self.dateNames.contains(k), let text = Self.texts(value).first {
                date = Self.date(text)
            }
        }
        var firstFormIsLabel = !named && Self.isLabel(e.id)
        if forms.count > 1 && forms[0].isEmpty { forms.removeFirst(); firstFormIsLabel = false }
        self.forms = forms
        self.firstFormIsLabel = firstFormIsLabel
        self.identifiers = identifiers
        self.date = date
        country = e.country.map { NameForm.latin(dataset[id: $0]?.name ?? $0) }
        isProtected = e.isProtected
    }

    /// Whether an entity's id is a label rather than a name: it has no letter, or it has a
    /// decimal digit and fewer than two words. A word is a part between punctuation or spaces
    /// made of letters only, two or more; in a part with digits, a run of three letters or more
    /// that is not all hexadecimal (`tran` in `tran85`, not `cd` or `fab` in `ae12cd4f`). So
    /// `rec-0412`, `q9`, `p1`, `person-123`, a phone number and a UUID are labels; `Wang Lei`
    /// from an edge list, a slug `somchai-prasert`, handles `mai.nguyen.1998`, `hung.tran85`
    /// and `tran-van-hung-1`, and `王一博` (一 is a numeral, not a decimal digit) are names: an
    /// edge list's or a call record's nodes have no other (helper-66, -67, -68 and -69 each found
    /// a kind of id this had taken the wrong way).
    public static func isLabel(_ id: String) -> Bool {
        var digit = false, letter = false, words = 0
        var partLetters = 0, partHasDigit = false, partWords = 0
        var run = 0, runHex = true
        func endRun() {
            if run >= 3 && !runHex { partWords += 1 }
            run = 0
            runHex = true
        }
        func endPart() {
            endRun()
            if !partHasDigit { words += partLetters >= 2 ? 1 : 0 } else { words += partWords }
            partLetters = 0
            partHasDigit = false
            partWords = 0
        }
        for u in id.unicodeScalars {
            if u.properties.numericType == .decimal {
                digit = true
                partHasDigit = true
                endRun()
            } else if u.properties.isAlphabetic {
                letter = true
                partLetters += 1
                run += 1
                if !u.properties.isASCIIHexDigit { runHex = false }
            } else {
                endPart()
            }
        }
        endPart()
        return !letter || (digit && words < 2)
    }

    static func category(of kind: EntityKind) -> Category {
        switch kind {
        case .person, .official: return .person
        case .company, .syndicate, .agency, .platform: return .organisation
        case .country, .region, .site, .compound: return .place
        default: return .other
        }
    }

    static func texts(_ v: AttributeValue) -> [String] {
        switch v {
        case .string(let s): return s.split(separator: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        case .int(let i): return [String(i)]
        case .list(let items): return items.flatMap(texts)
        default: return []
        }
    }

    /// `yyyy`, `yyyy-mm` or `yyyy-mm-dd` (the first four digits a year from 1800 on).
    static func date(_ s: String) -> (Int, Int?, Int?)? {
        let parts = s.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        guard let first = parts.first, first.count == 4, let year = Int(first), year >= 1800 else { return nil }
        let month = parts.count > 1 ? Int(parts[1]).flatMap { (1 ... 12).contains($0) ? $0 : nil } : nil
        let day = parts.count > 2 && month != nil ? Int(parts[2]).flatMap { (1 ... 31).contains($0) ? $0 : nil } : nil
        return (year, month, day)
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[first ... last]))
    }
}
