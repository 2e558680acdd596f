/// An ISO 8601 calendar date that may be partial: `2023`, `2023-05` or `2023-05-08`.
///
/// Reports rarely date a fact to the day: a partial date stands for the whole year or month it
/// names, and comparisons and ``Period/covers(_:)`` treat it as that span.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Stored in four bytes (a date sits on most facts, millions of them in a large file): the
    // year, and the month and day with 0 for absent.
    private let y: Int16
    private let m: UInt8
    private let d: UInt8

    /// The year, 0–9999.
    public var year: Int { Int(y) }

    /// The four bytes as one number: equal dates, equal keys (a year is at most 9999 and a month
    /// 12, so no date's key is `UInt32.max`).
    var key: UInt32 { UInt32(UInt16(bitPattern: y)) << 16 | UInt32(m) << 8 | UInt32(d) }

    /// One word hashed, not three fields: millions of dated facts are numbered by their period
    /// when a large file is read.
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    /// 1–12, or `nil` for a year only.
    public var month: Int? { m == 0 ? nil : Int(m) }
    /// 1–31, or `nil`.
    public var day: Int? { d == 0 ? nil : Int(d) }

    /// A date from its parts; `month` 1–12 and `day` valid for the month, or `nil`.
    ///
    /// Out-of-range parts, or a day without a month, are a programming error (a precondition
    /// failure); use ``init(_:)`` for text from a file.
    /// - Parameters:
    ///   - year: 0–9999.
    ///   - month: 1–12, or `nil` for a year only.
    ///   - day: A day the month has in that year (29 February only in a leap year), or `nil`.
    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        precondition((0 ... 9999).contains(year) && (month.map { (1 ... 12).contains($0) } ?? (day == nil)))
        if let day, let month { precondition(day >= 1 && day <= PartialDate.daysIn(month: month, year: year)) }
        y = Int16(year)
        m = UInt8(month ?? 0)
        d = UInt8(day ?? 0)
    }

    /// Parses an ISO 8601 date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, in ASCII digits.
    /// - Parameter text: The date as written, with no spaces and no time of day.
    /// - Returns: `nil` for any other form, a month outside 1–12, or a day the month does not
    ///   have (`2023-02-29`).
    public init?(_ text: String) {
        // Read on the UTF-8 bytes: a dataset has a date on nearly every fact.
        var text = text
        guard let (year, month, day) = text.withUTF8({ Self.parse($0) }) else { return nil }
        y = Int16(year)
        m = UInt8(month ?? 0)
        d = UInt8(day ?? 0)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in ASCII digits, with a month 1–12 and a day the month has.
    private static func parse(_ b: UnsafeBufferPointer<UInt8>) -> (Int, Int?, Int?)? {
        func digits(_ start: Int, _ count: Int) -> Int? {
            var v = 0
            for i in start ..< start + count {
                let digit = b[i] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                v = v * 10 + Int(digit)
            }
            return v
        }
        guard b.count == 4 || b.count == 7 || b.count == 10, let y = digits(0, 4) else { return nil }
        var m: Int?, d: Int?
        if b.count >= 7 {
            guard b[4] == UInt8(ascii: "-"), let month = digits(5, 2), (1 ... 12).contains(month) else { return nil }
            m = month
        }
        if b.count == 10 {
            guard b[7] == UInt8(ascii: "-"), let day = digits(8, 2), day >= 1, day <= daysIn(month: m!, year: y) else { return nil }
            d = day
        }
        return (y, m, d)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date in ISO form, as precise as it is: `2023`, `2023-05` or `2023-05-08` (the year
    /// zero-padded to four digits).
    public var description: String {
        var s = String(format4: year)
        if let month { s += "-" + String(format2: month) }
        if let day { s += "-" + String(format2: day) }
        return s
    }

    /// The first day the date covers (`2023-05` → 2023-05-01), as (y, m, d).
    public var earliest: (Int, Int, Int) { (year, month ?? 1, day ?? 1) }
    /// The last day the date covers (`2023-05` → 2023-05-31).
    public var latest: (Int, Int, Int) {
        let m = month ?? 12
        return (year, m, day ?? PartialDate.daysIn(month: m, year: year))
    }

    /// Orders by ``earliest``: `2023` and `2023-01-01` are neither before the other, and `2023`
    /// comes before `2023-05`.
    public static func < (a: Self, b: Self) -> Bool { a.earliest < b.earliest }
}

extension PartialDate {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Hinnant's days-from-civil).
    /// - Parameters:
    ///   - year: Any year.
    ///   - month: 1–12.
    ///   - day: 1–31.
    /// - Returns: The day number, negative before 1970.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date of a day number (``dayNumber(year:month:day:)`` undone).
    public static func civil(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

/// When a fact held: from and to, either open.
public struct Period: Sendable, Hashable {
    /// When the fact began to hold; `nil` when the start is unknown (open).
    public var from: PartialDate?
    /// When the fact stopped holding; `nil` while it still holds or when the end is unknown
    /// (open). A `to` before `from` is a validation error.
    public var to: PartialDate?

    /// A period between two dates, either or both open.
    /// - Parameters:
    ///   - from: The start, or `nil` for an open start.
    ///   - to: The end, or `nil` for an open end.
    public init(from: PartialDate? = nil, to: PartialDate? = nil) {
        self.from = from
        self.to = to
    }

    /// Both dates as one word (an open end as `UInt32.max`, which no date's key is): two
    /// periods are equal exactly when their words are.
    var key: UInt64 { UInt64(from?.key ?? .max) << 32 | UInt64(to?.key ?? .max) }

    /// Compared and hashed as one word, not as two optionals field by field: millions of dated
    /// facts are numbered by their period when a large file is read, through tables generic
    /// code reaches (the derived `==` there went through `Optional`'s, and a tuple's metadata
    /// looked up at run time, on every comparison).
    public static func == (a: Period, b: Period) -> Bool { a.key == b.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    /// Whether the period overlaps `date`'s span (a partial date spans its year or month): it did
    /// not start after the date ends and did not end before the date starts.
    /// - Parameter date: The day, month or year asked about (a date filter's "as of").
    /// - Returns: Whether the two spans overlap. An open end never excludes, so a period with
    ///   neither end covers every date.
    public func covers(_ date: PartialDate) -> Bool {
        if let from, from.earliest > date.latest { return false }
        if let to, to.latest < date.earliest { return false }
        return true
    }

    /// Whether it starts after it ends (`from` 2023-05, `to` 2023-04-30): a validation error.
    /// Dates in the same span are not reversed (`from` 2023-05, `to` 2023-05-01).
    public var startsAfterItEnds: Bool {
        guard let from, let to else { return false }
        return from.earliest > to.latest
    }
}

extension String {
    init(format4 value: Int) {
        let s = String(value)
        self = String(repeating: "0", count: Swift.max(0, 4 - s.count)) + s
    }
    init(format2 value: Int) { self = value < 10 ? "0\(value)" : String(value) }
}
