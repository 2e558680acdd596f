import Foundation
import TNetModel

/// How files are read when they do not say it themselves: the text encoding, which column
/// holds which field, how dates are written, and whether links without a direction are arcs.
public struct ReadOptions: Sendable, Hashable {
    /// Read links that do not state a direction as directed (edge lists, link tables).
    public var directed: Bool
    /// The text encoding; nil: UTF-8 (a DOT file's `charset` attribute may say latin1).
    public var encoding: TextEncoding?
    /// Field name → column header (`source` → `Anrufer`), matched without regard to case.
    public var columns: [String: String]
    /// How dates are written in date fields (`from`, `to`, a source's `date`): strftime-like,
    /// `%d/%m/%Y`, `%m/%d/%y`, `%d.%m.%Y`, `%Y%m%d`; nil: ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD).
    public var dateFormat: DateFormat?
    /// How a CSV table's numbers write their decimals (its weight, `:double` and `:int` columns),
    /// when given; nil: as each column's values say in a `;` table (`2,5`, `12.500,75`), with a
    /// point in a `,` table.
    public var decimal: DecimalSeparator?

    /// Options from their parts; the defaults read undirected, UTF-8, with the usual column
    /// names and ISO dates.
    /// - Parameters:
    ///   - directed: Read links without a direction as directed.
    ///   - encoding: The text encoding, or `nil` for UTF-8.
    ///   - columns: Field name → column header, for columns named otherwise.
    ///   - dateFormat: The layout of dates, or `nil` for ISO 8601.
    public init(directed: Bool = false, encoding: TextEncoding? = nil, columns: [String: String] = [:], dateFormat: DateFormat? = nil) {
        self.directed = directed
        self.encoding = encoding
        self.columns = columns
        self.dateFormat = dateFormat
    }
}

/// The character before a number's decimals: `12.500,75` (comma) or `12,500.75` (point).
public enum DecimalSeparator: String, Sendable, Hashable, CaseIterable {
    /// A decimal comma, points between thousands: German, French, Spanish spreadsheets.
    case comma
    /// A decimal point, commas between thousands.
    case point
}

/// A text encoding tnet can read besides UTF-8.
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, the default: the file is read as it is.
    case utf8 = "utf-8"
    /// ISO 8859-1 (Latin-1): every byte is the code point of the same number.
    case latin1
    /// Windows-1252, what Excel on Western European Windows saves as "CSV".
    case cp1252
    /// UTF-16 with a byte-order mark (Excel's "Unicode text").
    case utf16 = "utf-16"

    /// The encoding named `name` (case-insensitive; also iso-8859-1, l1, windows-1252, utf8, utf16).
    /// - Parameter name: An encoding's name as a user would type it; `_` counts as `-`.
    /// - Returns: `nil` for a name that is none of these encodings.
    public init?(name: String) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": self = .utf8
        case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1", "iso-latin-1": self = .latin1
        case "cp1252", "windows-1252", "win1252", "cp-1252": self = .cp1252
        case "utf-16", "utf16": self = .utf16
        default: return nil
        }
    }

    /// Converts `bytes` in this encoding to UTF-8, or says where it cannot.
    func utf8(_ bytes: [UInt8], file: String) throws -> [UInt8] {
        // A file that is already UTF-8 with accents is not Latin-1: decoding it again would
        // turn "José" into "JosÃ©" without a word.
        if self == .latin1 || self == .cp1252, bytes.contains(where: { $0 >= 0x80 }),
           bytes.withUnsafeBufferPointer({ UTF8Check.firstInvalidOffset($0) }) == nil {
            throw ReadError("is UTF-8 text with accented characters, not \(rawValue): read it without an encoding", file: file)
        }
        switch self {
        case .utf8: return bytes
        case .latin1:
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for b in bytes {
                if b < 0x80 { out.append(b) } else { out.append(0xC0 | b >> 6); out.append(0x80 | b & 0x3F) }
            }
            return out
        case .cp1252:
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            var line = 1, column = 1
            for b in bytes {
                if b < 0x80 || b >= 0xA0 {
                    if b < 0x80 { out.append(b) } else { out.append(0xC0 | b >> 6); out.append(0x80 | b & 0x3F) }
                } else {
                    let scalar = Self.cp1252High[Int(b - 0x80)]
                    guard scalar != 0, let u = Unicode.Scalar(scalar) else {
                        throw ReadError("byte 0x\(String(b, radix: 16, uppercase: true)) has no character in Windows-1252", at: SourceLocation(file: file, line: line, column: column))
                    }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                }
                if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            }
            return out
        case .utf16:
            guard bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) else {
                throw ReadError("has no UTF-16 byte-order mark (FF FE or FE FF): it is not UTF-16 text as Excel and Notepad write it", file: file)
            }
            guard let text = String(data: Data(bytes), encoding: .utf16) else {
                throw ReadError("is not UTF-16 text (a UTF-16 file starts with a byte-order mark)", file: file)
            }
            return Array(text.utf8)
        }
    }

    /// Windows-1252's characters for bytes 0x80–0x9F (0: undefined).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178]
}

extension InputFile {
    /// The file's text in UTF-8: converted from `encoding` when one is given; otherwise as read
    /// (``checkText()`` refuses what is not UTF-8, and says to name an encoding).
    /// - Parameter encoding: The file's encoding, or `nil` (or ``TextEncoding/utf8``) to keep
    ///   the bytes as they are.
    /// - Returns: The same file with its bytes in UTF-8.
    /// - Throws: ``ReadError`` when the bytes are already UTF-8 with accented characters (a
    ///   Latin-1 or Windows-1252 reading would garble them), when a Windows-1252 byte has no
    ///   character, or when UTF-16 text has no byte-order mark.
    /// - Complexity: O(*n*) in the size of the file.
    public func decoded(_ encoding: TextEncoding?) throws -> InputFile {
        guard let encoding, encoding != .utf8 else { return self }
        return InputFile(name: name, bytes: try encoding.utf8(bytes, file: name))
    }
}

/// A date layout such as `%d/%m/%Y`: `%Y` four-digit year, `%y` two-digit year (2000–2099),
/// `%m` month, `%d` day (one or two digits each), `%H`, `%M`, `%S` a time of day (read and
/// dropped: facts are dated to the day), `%s` Unix time (seconds since 1970-01-01 UTC, 1900 to
/// 2099, the day in UTC), `%%` a percent sign; every other character must appear as written.
public struct DateFormat: Sendable, Hashable, CustomStringConvertible {
    /// The layout as given, such as `%d/%m/%Y`.
    public let description: String
    private let tokens: [Token]

    /// A literal is held as its text and its UTF-8 bytes: dates are matched on bytes, or by
    /// characters when the date or the literal is not ASCII (`é` written as one character or as
    /// `e` and an accent is the same literal).
    private enum Token: Hashable { case year4, year2, month, day, hour, minute, second, unixTime, literal(Character, [UInt8]) }

    /// Parses a layout.
    /// - Parameter format: The layout, such as `%d/%m/%Y` or `%Y%m%d`.
    /// - Returns: `nil` when the layout has no year (`%Y` or `%y`), uses a `%` code other than
    ///   `%Y`, `%y`, `%m`, `%d`, `%H`, `%M`, `%S` and `%%`, or ends in a lone `%`.
    public init?(_ format: String) {
        var tokens: [Token] = []
        var i = format.startIndex
        var fields = Set<String>()
        while i < format.endIndex {
            let c = format[i]
            i = format.index(after: i)
            guard c == "%" else { tokens.append(.literal(c, Array(String(c).utf8))); continue }
            guard i < format.endIndex else { return nil }
            let d = format[i]
            i = format.index(after: i)
            switch d {
            case "Y": tokens.append(.year4); fields.insert("y")
            case "y": tokens.append(.year2); fields.insert("y")
            case "m": tokens.append(.month); fields.insert("m")
            case "d": tokens.append(.day); fields.insert("d")
            case "H": tokens.append(.hour)
            case "M": tokens.append(.minute)
            case "S": tokens.append(.second)
            case "s": tokens.append(.unixTime); fields.insert("y")
            case "%": tokens.append(.literal("%", [UInt8(ascii: "%")]))
            default: return nil
            }
        }
        guard fields.contains("y") else { return nil }
        description = format
        self.tokens = tokens
    }

    /// The ISO form (YYYY-MM-DD, or YYYY-MM / YYYY when the layout has no day / month) of
    /// `text`, or nil when it does not follow the layout or is not a calendar date.
    /// - Parameter text: A date as written in a file, such as `08/05/2023`.
    /// - Returns: The date in ISO form (`2023-05-08`), which `PartialDate` reads, or `nil`.
    public func iso(_ text: String) -> String? {
        // Read on the UTF-8 bytes: a call-records table has a date on each of millions of rows.
        // Text beyond ASCII as characters, which compare canonical equivalents equal.
        var text = text
        let ascii: String?? = text.withUTF8 { b in
            guard !b.contains(where: { $0 >= 0x80 }) else { return .none }
            return .some(parse(count: b.count, digit: { b[$0] &- UInt8(ascii: "0") < 10 ? b[$0] &- UInt8(ascii: "0") : nil },
                               literal: { k, _, bytes in
                                   k + bytes.count <= b.count && bytes.elementsEqual(b[k ..< k + bytes.count]) ? bytes.count : nil
                               }))
        }
        if let ascii { return ascii }
        let characters = Array(text)
        return parse(count: characters.count,
                     digit: { k in characters[k].asciiValue.flatMap { $0 &- UInt8(ascii: "0") < 10 ? $0 &- UInt8(ascii: "0") : nil } },
                     literal: { k, c, _ in characters[k] == c ? 1 : nil })
    }

    /// The ISO form of a text of `count` units (bytes or characters): `digit(k)` is unit `k`'s
    /// value when it is an ASCII digit, `literal(k, character, bytes)` how many units from `k` a
    /// literal of the layout takes there, or nil when it is not there.
    private func parse(count: Int, digit: (Int) -> UInt8?, literal: (Int, Character, [UInt8]) -> Int?) -> String? {
        var k = 0
        var year: Int?, month: Int?, day: Int?
        func digits(_ most: Int, exactly: Bool) -> Int? {
            var n = 0, v = 0
            while k < count, n < most, let d = digit(k) {
                v = v * 10 + Int(d); n += 1; k += 1
            }
            return n == 0 || (exactly && n != most) ? nil : v
        }
        for t in tokens {
            switch t {
            case .year4: guard let v = digits(4, exactly: true) else { return nil }; year = v
            case .year2: guard let v = digits(2, exactly: true) else { return nil }; year = 2000 + v
            case .month: guard let v = digits(2, exactly: false), (1 ... 12).contains(v) else { return nil }; month = v
            case .day: guard let v = digits(2, exactly: false), (1 ... 31).contains(v) else { return nil }; day = v
            // A time of day is checked and dropped: a fact is dated to the day.
            case .hour: guard let v = digits(2, exactly: false), v <= 23 else { return nil }
            case .minute: guard let v = digits(2, exactly: false), v <= 59 else { return nil }
            case .second: guard let v = digits(2, exactly: false), v <= 60 else { return nil }  // 60: a leap second
            case .unixTime:
                // Seconds since 1970 (a minus sign before), from 1900 to 2099: the day in UTC.
                // Beyond, a value is not a time a record holds (helper-59: 120000000000 was 5772).
                let negative = k < count && literal(k, "-", [UInt8(ascii: "-")]) != nil
                if negative { k += 1 }
                guard let v = digits(11, exactly: false) else { return nil }
                let seconds = negative ? -v : v
                guard (-2_208_988_800 ..< 4_102_444_800).contains(seconds) else { return nil }
                let c = PartialDate.civil(dayNumber: seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400))
                (year, month, day) = (c.year, c.month, c.day)
            case .literal(let c, let bytes):
                guard k < count, let n = literal(k, c, bytes) else { return nil }
                k += n
            }
        }
        guard k == count, let year else { return nil }
        return Self.isoText(year, month, day)
    }

    /// YYYY, YYYY-MM or YYYY-MM-DD when that is a calendar date.
    private static func isoText(_ year: Int, _ month: Int?, _ day: Int?) -> String? {
        // Written digit by digit (String(format:) went through Foundation on every row).
        var iso: [UInt8] = []
        iso.reserveCapacity(10)
        func put(_ v: Int, _ width: Int) {
            var divisor = width == 4 ? 1000 : 10
            while divisor > 0 { iso.append(UInt8(ascii: "0") + UInt8(v / divisor % 10)); divisor /= 10 }
        }
        put(year, 4)
        if let month { iso.append(UInt8(ascii: "-")); put(month, 2); if let day { iso.append(UInt8(ascii: "-")); put(day, 2) } }
        let s = String(decoding: iso, as: UTF8.self)
        return PartialDate(s) == nil ? nil : s
    }
}

extension ReadOptions {
    /// Column names for the model's fields from `FIELD=COLUMN` items (`source=Anrufer`).
    /// - Parameter items: the items, each `FIELD=COLUMN`; fields in any case.
    /// - Returns: the columns by field.
    /// - Throws: ``ReadError`` naming the item that is not `FIELD=COLUMN`, names no field, or maps
    ///   a field twice.
    public static func columns(_ items: [String]) throws -> [String: String] {
        var columns: [String: String] = [:]
        let known = FieldCodec.entityFields + FieldCodec.linkFields.filter { !FieldCodec.entityFields.contains($0) } + ["date"]
        for item in items {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw ReadError("\(quoted(item)): expected FIELD=COLUMN, e.g. source=Caller") }
            let field = parts[0].lowercased()
            guard known.contains(field) else {
                throw ReadError("\(quoted(item)): \(quoted(parts[0])) is not a field; fields are " + known.joined(separator: ", "))
            }
            guard columns[field] == nil else { throw ReadError("\(field) is mapped twice") }
            columns[field] = parts[1]
        }
        return columns
    }
}
