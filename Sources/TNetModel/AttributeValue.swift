/// A typed attribute value, as found in JSON, GraphML (`int`, `double`, `string`, `boolean`)
/// or a CSV cell. Lists and objects are kept so that nothing a file holds is lost.
public enum AttributeValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([AttributeValue])
    case object(Attributes)

    /// The value as a number, when it is one.
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The value as a string, when it is one.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A plain-text rendering for tables and labels.
    public var displayText: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        case .list(let items): return items.map(\.displayText).joined(separator: ";")
        case .object(let attrs): return attrs.map { "\($0.key)=\($0.value.displayText)" }.joined(separator: ";")
        }
    }
}

/// An ordered set of named attributes. Order is the order read (or set), so files are written
/// back as they were.
public struct Attributes: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    public typealias Element = (key: String, value: AttributeValue)
    private var keys: [String] = []
    private var values: [AttributeValue] = []

    public init() {}
    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        for (k, v) in elements { self[k] = v }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { keys.count }
    public subscript(position: Int) -> Element { (keys[position], values[position]) }

    /// The value for `key`, or `nil`. Setting `nil` removes the key.
    public subscript(key: String) -> AttributeValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            if let i = keys.firstIndex(of: key) {
                if let newValue { values[i] = newValue } else { keys.remove(at: i); values.remove(at: i) }
            } else if let newValue {
                keys.append(key); values.append(newValue)
            }
        }
    }

    public static func == (a: Attributes, b: Attributes) -> Bool { a.keys == b.keys && a.values == b.values }
    public func hash(into hasher: inout Hasher) { hasher.combine(keys); hasher.combine(values) }
}
