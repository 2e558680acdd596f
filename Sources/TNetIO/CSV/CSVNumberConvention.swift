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

    /// The convention of a column's values: the one its telling values share, `.mixed` when
    /// some tell one way and some the other, `.unknown` when none tells.
    static func of<S: Sequence<String>>(_ values: S) -> CSVNumberConvention {
        var comma = false, point = false
        for v in values {
            switch telling(v) {
            case .decimalComma?: comma = true
            case .decimalPoint?: point = true
            default: break
            }
            if comma && point { return .mixed }
        }
        return comma ? .decimalComma : point ? .decimalPoint : .unknown
    }

    /// The one way `text` can be read, or nil when it reads both ways (`1,500`, `12.500`) or
    /// has no separator (`1500`). A leading `0` group (`0,500`, `0.500`) or more than three
    /// digits after the separator (`1712,1234`) is not a thousands group; two separators of
    /// one kind (`1.000.000`) are thousands.
    static func telling(_ text: String) -> CSVNumberConvention? {
        let (_, digits) = split(text)
        let commas = digits.filter { $0 == UInt8(ascii: ",") }.count, points = digits.filter { $0 == UInt8(ascii: ".") }.count
        switch (commas, points) {
        case (0, 0): return nil
        case (_, 0): return commas > 1 ? (grouped(digits, by: UInt8(ascii: ",")) ? .decimalPoint : nil) : oneSeparator(digits, UInt8(ascii: ","), .decimalComma)
        case (0, _): return points > 1 ? (grouped(digits, by: UInt8(ascii: ".")) ? .decimalComma : nil) : oneSeparator(digits, UInt8(ascii: "."), .decimalPoint)
        default:
            // Both: the last one is the decimal separator.
            let last = digits.last { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: ".") }!
            return last == UInt8(ascii: ",") ? .decimalComma : .decimalPoint
        }
    }

    /// `text` as tnet reads numbers (a point before the decimals, no thousands separators), read
    /// in this convention; nil when it reads both ways and the convention does not say which.
    /// Text that is no number in the convention is handed back as it is, for the number reader
    /// to refuse with the file's own text.
    func normalized(_ text: String) -> String? {
        let (sign, digits) = Self.split(text)
        let comma = UInt8(ascii: ","), point = UInt8(ascii: ".")
        guard digits.contains(comma) || digits.contains(point) else { return text }
        let way: CSVNumberConvention
        switch self {
        case .decimalComma, .decimalPoint: way = self
        case .unknown, .mixed:
            guard let told = Self.telling(text) else { return nil }
            way = told
        }
        let (decimal, thousands) = way == .decimalComma ? (comma, point) : (point, comma)
        let parts = digits.split(separator: decimal, omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return text }
        let whole = parts[0], fraction = parts.count == 2 ? parts[1] : nil
        let isDigits = { (g: ArraySlice<UInt8>) in !g.isEmpty && g.allSatisfy { (0x30 ... 0x39).contains($0) } }
        guard fraction.map(isDigits) ?? true, whole.contains(thousands) ? Self.grouped(whole, by: thousands) : isDigits(whole) else { return text }
        var out = sign
        out += whole.filter { $0 != thousands }
        if let fraction { out.append(point); out += fraction }
        return String(decoding: out, as: UTF8.self)
    }

    /// The sign (`-` or `+`, kept) and the rest of the trimmed text.
    private static func split(_ text: String) -> (sign: [UInt8], digits: ArraySlice<UInt8>) {
        let b = Array(FieldCodec.trimmed(text).utf8)
        if let first = b.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { return ([first], b[1...]) }
        return ([], b[...])
    }

    /// Whether `s` is digits in groups of three after a first group of one to three (not a
    /// leading zero), separated by `separator`: `1.234`, `12.500.000`.
    private static func grouped(_ s: ArraySlice<UInt8>, by separator: UInt8) -> Bool {
        let groups = s.split(separator: separator, omittingEmptySubsequences: false)
        let isDigits = { (g: ArraySlice<UInt8>) in !g.isEmpty && g.allSatisfy { (0x30 ... 0x39).contains($0) } }
        guard groups.count > 1, isDigits(groups[0]), groups[0].count <= 3, groups[0].first != UInt8(ascii: "0") else { return false }
        return groups.dropFirst().allSatisfy { $0.count == 3 && isDigits($0) }
    }

    /// The way one separator tells: as a decimal separator (`way`) unless it could be a
    /// thousands separator too (a group of one to three digits, not a leading zero, then three).
    private static func oneSeparator(_ digits: ArraySlice<UInt8>, _ separator: UInt8, _ way: CSVNumberConvention) -> CSVNumberConvention? {
        grouped(digits, by: separator) ? nil : way
    }
}
