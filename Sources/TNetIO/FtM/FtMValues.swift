import TNetModel

/// Checks a value against an FtM property type before it is written, so that what tnet writes
/// is what `followthemoney` accepts: a value that would fail is left out and said instead.
enum FtMValues {
    /// Whether `value` is acceptable for a property of FtM type `type`. Types tnet cannot
    /// check without FtM's own tables (a topic, a mime type) are accepted as they are.
    static func accepts(_ value: String, type: String) -> Bool {
        if value.isEmpty { return false }
        switch type {
        case "date": return isDate(value)
        case "number": return Double(value.replacingOccurrences(of: ",", with: "")) != nil
        case "country": return FtMCountries.isCode(value)
        case "url": return value.hasPrefix("http://") || value.hasPrefix("https://")
        case "email":
            guard let at = value.firstIndex(of: "@") else { return false }
            return at != value.startIndex && value[value.index(after: at)...].contains(".") && !value.contains(" ")
        case "phone":
            // FtM asks libphonenumber for a valid number; tnet checks the form E.164 needs.
            let digits = value.filter(\.isNumber).count
            return value.hasPrefix("+") && (8 ... 15).contains(digits)
                && value.dropFirst().allSatisfy { $0.isNumber || $0 == " " || $0 == "-" }
        case "language": return value.count == 3 && value.allSatisfy { $0.isLowercase && $0.isASCII }
        case "gender": return ["male", "female", "other"].contains(value)
        case "entity": return false
        default: return true
        }
    }

    /// An ISO date, possibly partial (`2023`, `2023-05`, `2023-05-01`), or a date and time.
    static func isDate(_ s: String) -> Bool {
        if PartialDate(s) != nil { return true }
        let head = String(s.prefix(10))
        return s.count > 10 && PartialDate(head) != nil && s[s.index(s.startIndex, offsetBy: 10)] == "T"
    }

    /// The texts of an attribute value, as FtM's string values: numbers and booleans as text,
    /// a list's items each; nil for what has no text form (an object, a null, a nested list).
    static func texts(_ v: AttributeValue) -> [String]? {
        switch v {
        case .string(let s): return [s]
        case .int(let i): return [String(i)]
        case .double(let d): return d.isFinite ? [JSONWriter.format(d)] : nil
        case .bool(let b): return [b ? "true" : "false"]
        case .null, .object: return nil
        case .list(let items):
            var out: [String] = []
            for i in items {
                switch i {
                case .list, .object, .null: return nil
                default: out += texts(i) ?? []
                }
            }
            return out
        }
    }
}
