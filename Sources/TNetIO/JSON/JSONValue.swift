/// A parsed JSON value with the byte offset where it starts, so readers can point at it.
public struct JSONNode: Sendable {
    public var value: JSONValue
    /// Byte offset of the value's first character in the input.
    public var offset: Int
}

/// One member of a JSON object, in input order (duplicate keys are kept; readers decide).
public struct JSONMember: Sendable {
    public var key: String
    public var keyOffset: Int
    public var value: JSONNode
}

/// A JSON value. Numbers keep their text, so integers stay exact and nothing is rounded
/// until a reader decides what the number means.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
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
