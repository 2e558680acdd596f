import TNetModel

/// Attribute values as text in formats whose cells or keys carry one declared type per
/// column (CSV headers such as `count:int`, GraphML `attr.type`).
///
/// A column's type is chosen from all its values: one type when they agree, else `json` (each
/// cell holds the value's JSON text), so mixed, null, list and object values survive a
/// round trip.
public enum AttributeType: String, Sendable, CaseIterable {
    /// `string`: text as written, the untyped CSV column; `int`: a whole number; `double`: a
    /// number with a fraction; `bool`: `true`/`false` (`1`/`0` read too); `json`: each value as
    /// JSON text, for columns whose values differ in type or are lists, objects or null. The
    /// raw value is the suffix of a typed CSV header (`count:int`).
    case string, int, double, bool, json

    /// The type for a column holding `values`. `emptyStringIsAbsent`: in CSV an empty cell means
    /// "no value", so a column with an empty string must be `json` (`""`).
    /// - Parameters:
    ///   - values: Every value the column holds.
    ///   - emptyStringIsAbsent: Whether the format reads an empty cell as no value (CSV).
    /// - Returns: The values' one shared type; `json` when they differ or any is null, a list
    ///   or an object; `string` for no values.
    /// - Complexity: O(*n*) in the number of values.
    public static func of<S: Sequence>(_ values: S, emptyStringIsAbsent: Bool) -> AttributeType where S.Element == AttributeValue {
        var type: AttributeType?
        for v in values {
            let t: AttributeType
            switch v {
            case .string(let s): t = emptyStringIsAbsent && s.isEmpty ? .json : .string
            case .int: t = .int
            case .double: t = .double
            case .bool: t = .bool
            case .null, .list, .object: t = .json
            }
            if type == nil { type = t } else if type != t { return .json }
            if t == .json { return .json }
        }
        return type ?? .string
    }

    /// The text of `value` in a column of this type.
    /// - Parameter value: A value of this type, or of any type in a `json` column.
    /// - Returns: The plain text for a value of the column's type (a double in shortest
    ///   round-trip form); JSON text for anything else.
    public func encode(_ value: AttributeValue) -> String {
        switch (self, value) {
        case (.string, .string(let s)): return s
        case (.int, .int(let i)): return String(i)
        case (.double, .double(let d)): return d.isFinite ? JSONWriter.format(d) : String(d)
        case (.bool, .bool(let b)): return b ? "true" : "false"
        default:
            var w = JSONWriter(pretty: false)
            NativeJSONWriter.value(value, &w)
            return w.text
        }
    }

    /// The value of `text` in a column of this type, or `nil` when it does not read as one.
    /// - Parameter text: A cell or data value as written; spaces and tabs around a number or
    ///   boolean are ignored.
    /// - Returns: `nil` also for a decimal that overflows to infinity or underflows to 0.
    public func decode(_ text: String) -> AttributeValue? {
        switch self {
        case .string: return .string(text)
        case .int: return Int(FieldCodec.trimmed(text)).map(AttributeValue.int)
        case .double:
            let t = FieldCodec.trimmed(text)
            guard let d = Double(t) else { return nil }
            // A decimal out of a double's range (1e999, 1e-999) is refused, not turned into
            // infinity or 0; "inf" and "nan" written as such are what they say.
            let decimal = t.contains { $0.isNumber }
            if decimal && !d.isFinite { return nil }
            if decimal && d == 0 && t.prefix(while: { $0 != "e" && $0 != "E" }).contains(where: { $0 >= "1" && $0 <= "9" }) { return nil }
            return .double(d)
        case .bool:
            switch FieldCodec.trimmed(text).lowercased() {
            case "true", "1": return .bool(true)
            case "false", "0": return .bool(false)
            default: return nil
            }
        case .json: return Self.parseJSON(text)
        }
    }

    /// A JSON text as an attribute value, or `nil` when it is not JSON.
    static func parseJSON(_ text: String) -> AttributeValue? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buf -> AttributeValue? in
            var parser = JSONParser(buf)
            guard let node = try? parser.parseDocument() else { return nil }
            return convert(node.value)
        }
    }

    private static func convert(_ v: JSONValue) -> AttributeValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .number(let text): return NativeJSONReader.Decoder.number(text)
        case .array(let items): return .list(items.map { convert($0.value) })
        case .object(let members):
            var attrs = Attributes()
            for m in members { attrs[m.key] = convert(m.value.value) }
            return .object(attrs)
        }
    }
}
