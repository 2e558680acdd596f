/// A parsed JSON value with the byte offset where it starts, so readers can point at it.
public struct JSONNode: Sendable {
    /// The value, with its own members or items as nodes.
    public var value: JSONValue
    /// Byte offset of the value's first character in the input.
    public var offset: Int
}

/// One member of a JSON object, in input order (duplicate keys are kept; readers decide).
public struct JSONMember: Sendable {
    /// The member's name, unescaped.
    public var key: String
    /// Byte offset of the key's opening quote in the input, to point at the name rather than
    /// the value.
    public var keyOffset: Int
    /// The member's value.
    public var value: JSONNode
}

/// A JSON value. Numbers keep their text, so integers stay exact and nothing is rounded
/// until a reader decides what the number means.
public enum JSONValue: Sendable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its text in the input (`12`, `-0.5`, `1e400`): a reader decides whether
    /// it is an integer, a double or out of range.
    case number(String)
    /// A string, unescaped.
    case string(String)
    /// An array, its items in order.
    case array([JSONNode])
    /// An object, its members in input order, duplicate keys included.
    case object([JSONMember])

    /// What a message calls this kind of value.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}
