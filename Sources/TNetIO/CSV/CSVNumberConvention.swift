/// How a number column of a `;` table writes its numbers: spreadsheets in German, French or
/// Spanish write `12.500,75` (a point between thousands, a decimal comma), English ones
/// `12,500.75`. A few values read either way with meanings a thousand apart (`1,500` and
/// `12.500`); the column's other values tell which way it writes them.
enum CSVNumberConvention: Sendable, Equatable {
    /// `2,5`, `12.500,75`: a decimal comma.
    case decimalComma
    /// `2.5`, `12,500.75`: a decimal point.
    case decimalPoint
    /// Both ways in one column, or no value that tells.
    case unknown
    /// Both ways in one column: only values with one reading are read.
    case mixed

    /// What a column's values say: how many tell a decimal comma, how many a decimal point,
    /// and how many read both ways.
    struct Survey: Sendable, Equatable {
        var comma = 0, point = 0, ambiguous = 0
        /// An ambiguous value, for messages.
        var example: String?
        /// A value that told, for messages.
        var witness: String?
    }

    /// The survey of a column's values.
    static func survey<S: Sequence<String>>(_ values: S) -> Survey {
        var s = Survey()
        for v in values {
            var copy = v
            // The number's digits found once, for both questions.
            let (told, both) = copy.withUTF8 { all in
                let digits = number(all).digits
                let told = telling(digits)
                return (told, told == nil && ambiguous(digits))
            }
            switch told {
            case .decimalComma?: s.comma += 1; if s.witness == nil { s.witness = v }
            case .decimalPoint?: s.point += 1; if s.witness == nil { s.witness = v }
            default: if both { s.ambiguous += 1; if s.example == nil { s.example = v } }
            }
        }
        return s
    }

    /// The convention a survey decides: the one its telling values share, when they are at
    /// least as many as the values that read both ways (helper-61: one `49.99` among `1.500`
    /// and `25.000` made them 1.5 and 25 without a word); `.mixed` when values tell both ways;
    /// else `.unknown`, and the values that read both ways are refused.
    static func deciding(_ s: Survey) -> CSVNumberConvention {
        if s.comma > 0 && s.point > 0 { return .mixed }
        if s.comma > 0 && s.comma >= s.ambiguous { return .decimalComma }
        if s.point > 0 && s.point >= s.ambiguous { return .decimalPoint }
        return .unknown
    }

    /// The one way `text` can be read, or nil when it reads both ways (`1,500`, `12.500`) or
    /// has no separator (`1500`). A leading `0` group (`0,500`, `0.500`) or more than three
    /// digits after the separator (`1712,1234`) is not a thousands group; two separators of
    /// one kind (`1.000.000`) are thousands.
    static func telling(_ text: String) -> CSVNumberConvention? {
        var text = text
        return text.withUTF8 { all in telling(number(all).digits) }
    }

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>
    private static let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")

    private static func telling(_ digits: Bytes) -> CSVNumberConvention? {
        var commas = 0, points = 0
        var last: UInt8 = 0
        for b in digits where b == comma || b == point {
            if b == comma { commas += 1 } else { points += 1 }
            last = b
        }
        switch (commas, points) {
        case (0, 0): return nil
        case (_, 0): return commas > 1 ? (grouped(digits, by: comma) ? .decimalPoint : nil) : (grouped(digits, by: comma) ? nil : .decimalComma)
        case (0, _): return points > 1 ? (grouped(digits, by: point) ? .decimalComma : nil) : (grouped(digits, by: point) ? nil : .decimalPoint)
        default: return last == comma ? .decimalComma : .decimalPoint  // both: the last one is the decimal separator
        }
    }

    /// `text` as tnet reads numbers (a point before the decimals, no thousands separators), read
    /// in this convention; nil when it reads both ways and the convention does not say which.
    /// Text that is no number in the convention is handed back as it is, for the number reader
    /// to refuse with the file's own text.
    func normalized(_ text: String) -> String? {
        var copy = text
        return copy.withUTF8 { all -> String? in
            let (sign, digits) = Self.number(all)
            guard digits.contains(where: { $0 == Self.comma || $0 == Self.point }) else { return text }
            let way: CSVNumberConvention
            switch self {
            case .decimalComma, .decimalPoint: way = self
            case .unknown, .mixed:
                guard let told = Self.telling(digits) else { return Self.ambiguous(digits) ? nil : text }
                way = told
            }
            let (decimal, thousands) = way == .decimalComma ? (Self.comma, Self.point) : (Self.point, Self.comma)
            let split = digits.firstIndex(of: decimal)
            let whole = digits[..<(split ?? digits.endIndex)]
            let fraction = split.map { digits[digits.index(after: $0)...] }
            if let fraction, fraction.contains(decimal) { return text }
            guard fraction.map(Self.isDigits) ?? true, whole.contains(thousands) ? Self.grouped(whole, by: thousands) : Self.isDigits(whole) else { return text }
            var out: [UInt8] = []
            out.reserveCapacity(all.count)
            if let sign { out.append(sign) }
            for b in whole where b != thousands { out.append(b) }
            if let fraction { out.append(Self.point); out.append(contentsOf: fraction) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether digits read both ways: one separator, between a first group of one to three
    /// digits and a group of three (`1,500`, `12.500`). `1.2.3` or `k.A.` read neither way:
    /// they are left to the number reader to refuse.
    private static func ambiguous(_ digits: Bytes) -> Bool {
        let separators = digits.filter { $0 == comma || $0 == point }.count
        return separators == 1 && (grouped(digits, by: comma) || grouped(digits, by: point))
    }

    /// The sign (`-` or `+`) and the rest of the text without spaces around it.
    private static func number(_ all: UnsafeBufferPointer<UInt8>) -> (sign: UInt8?, digits: Bytes) {
        var s = all[...]
        while let f = s.first, f == 0x20 || f == 0x09 { s = s.dropFirst() }
        while let l = s.last, l == 0x20 || l == 0x09 { s = s.dropLast() }
        if let first = s.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { return (first, s.dropFirst()) }
        return (nil, s)
    }

    private static func isDigits(_ g: Bytes) -> Bool { !g.isEmpty && g.allSatisfy { (0x30 ... 0x39).contains($0) } }

    /// Whether `s` is digits in groups of three after a first group of one to three (not a
    /// leading zero), separated by `separator`: `1.234`, `12.500.000`.
    private static func grouped(_ s: Bytes, by separator: UInt8) -> Bool {
        var groups = 0, length = 0
        for b in s {
            if b == separator {
                if groups == 0 ? !(1 ... 3).contains(length) : length != 3 { return false }
                groups += 1
                length = 0
            } else if (0x30 ... 0x39).contains(b) {
                if groups == 0 && length == 0 && b == UInt8(ascii: "0") { return false }
                length += 1
            } else {
                return false
            }
        }
        return groups > 0 && length == 3
    }
}
