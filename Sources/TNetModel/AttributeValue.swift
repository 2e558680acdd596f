/// A typed attribute value, as found in JSON, GraphML (`int`, `double`, `string`, `boolean`)
/// or a CSV cell. Lists and objects are kept so that nothing a file holds is lost.
public enum AttributeValue: Sendable, Hashable {
    /// Text, kept exactly as read (a GraphML `string` key, an untyped CSV column).
    case string(String)
    /// A whole number: a JSON number without a fraction or exponent that fits in `Int`, a
    /// GraphML `int` or `long`, a CSV `:int` column.
    case int(Int)
    /// A number with a fraction or exponent (a JSON `2.5` or `1e3`, a GraphML `float` or
    /// `double`, a CSV `:double` column).
    case double(Double)
    /// `true` or `false` (a GraphML `boolean`, a CSV `:bool` column).
    case bool(Bool)
    /// An explicit JSON `null`, kept so that a file written back still says it; distinct from
    /// an attribute that is absent.
    case null
    /// A JSON array, its items in order.
    case list([AttributeValue])
    /// A JSON object, its members in the order read.
    case object(Attributes)

    /// The value as a number, when it is one: an ``int(_:)`` converted to `Double`, or a
    /// ``double(_:)``; `nil` for every other case (a numeric-looking ``string(_:)`` included).
    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// The text of a ``string(_:)``; `nil` for every other case (no conversion is made).
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// A plain-text rendering for tables, labels and formats without types (DOT): numbers and
    /// booleans as Swift prints them, ``null`` as the empty string, list items joined by `;`,
    /// object members as `key=value` joined by `;`.
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
///
/// The fields of an entity or link that the model has no property for (a phone number, a
/// compound's capacity, an analyst's note) live here, as do a dataset's unknown top-level
/// fields. Keys are unique. Look-up by key is a linear search while there are at most
/// ``indexedAbove`` attributes (the handful a record carries; a table per record would double
/// the memory of a wide spreadsheet's rows), and through a table of positions by key beyond
/// that (a record of 20,000 fields was read in time quadratic in their number).
public struct Attributes: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// One attribute: its name and its value.
    public typealias Element = (key: String, value: AttributeValue)
    private var keys: [String] = []
    private var values: [AttributeValue] = []
    /// Each key's position, kept while there are more than ``indexedAbove`` attributes or room
    /// was reserved for more (nil otherwise; dropped when a key is removed, until the next is
    /// added). Not part of the value: equality and hashing read the keys and values only.
    private var positions: AttributePositions?
    /// Above this many attributes, keys are found through a table instead of one by one.
    public static let indexedAbove = 64

    /// An empty set of attributes.
    public init() {}
    /// Attributes from a literal such as `["phone": .string("+855…"), "floors": .int(7)]`, in
    /// the order written; a key given twice keeps its first position and its last value.
    /// - Parameter elements: The name and value pairs.
    /// - Complexity: O(*n*²) for *n* pairs up to ``indexedAbove``, O(*n*) expected beyond (each
    ///   key is looked up before it is added).
    public init(dictionaryLiteral elements: (String, AttributeValue)...) {
        for (k, v) in elements { self[k] = v }
    }

    /// Makes room for `count` attributes in all, so that a record whose number of fields is
    /// known before it is read (a spreadsheet's row) grows no list or table as it is filled.
    /// Above ``indexedAbove`` the table of positions is made now, at its final size (it had
    /// grown by doubling, copying every key each time: most of reading a row of 50,000 cells).
    /// - Parameter count: The number of attributes expected.
    public mutating func reserveCapacity(_ count: Int) {
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
        guard count > Self.indexedAbove, positions == nil else { return }
        positions = AttributePositions(keys, capacity: count)
    }

    /// The position of the first attribute: always 0.
    public var startIndex: Int { 0 }
    /// One past the position of the last attribute: the number of attributes.
    public var endIndex: Int { keys.count }
    /// The attribute at `position`, in the order read or set.
    /// - Parameter position: A valid index, from ``startIndex`` up to but not including
    ///   ``endIndex``.
    public subscript(position: Int) -> Element { (keys[position], values[position]) }

    /// The value for `key`, or `nil`. Setting a value replaces it in place (the attribute keeps
    /// its position) or appends a new attribute; setting `nil` removes the key.
    /// - Parameter key: The attribute's name, compared exactly (case-sensitive).
    /// - Complexity: O(*n*) in the number of attributes up to ``indexedAbove``, O(1) expected
    ///   beyond, to read or to set; removing a key is O(*n*), and lets the table go until the
    ///   next key is added.
    public subscript(key: String) -> AttributeValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let i = position(of: key) {
                if let newValue {
                    values[i] = newValue
                } else {
                    keys.remove(at: i)
                    values.remove(at: i)
                    // Positions after `i` moved: made again when a key is next added.
                    positions = nil
                }
            } else if let newValue {
                keys.append(key)
                values.append(newValue)
                if positions != nil {
                    positions!.append(lastOf: keys)
                } else if keys.count > Self.indexedAbove {
                    positions = AttributePositions(keys, capacity: keys.count)
                }
            }
        }
    }

    /// The position of `key` (compared as `String`'s `==` compares, in the table as in the list).
    private func position(of key: String) -> Int? {
        if let positions { return positions.position(of: key, in: keys) }
        return keys.firstIndex(of: key)
    }

    /// Whether two sets of attributes hold the same names with the same values **in the same
    /// order**: the same attributes read in another order are not equal.
    public static func == (a: Attributes, b: Attributes) -> Bool { a.keys == b.keys && a.values == b.values }
    /// Hashes the names and values in order, consistently with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) { hasher.combine(keys); hasher.combine(values) }
}
