import TNetModel

/// A timeline of a dataset, as i2 Analyst's Notebook draws one: a row per entity that has a
/// period or takes part in a dated link, grouped by kind (in ``EntityKind/builtIn`` order) and, in
/// a group, ordered by the first date that concerns them; a bar for an entity's own period; a
/// connector between two rows where a dated link begins. Rendered as a self-contained SVG by
/// ``svg``.
///
/// Dates are partial (``PartialDate``): a bar starts on the first day its `from` covers and ends
/// after the last day its `to` covers (`2021` → 2021-01-01 up to 2022-01-01). An open end (no
/// `from`, or no `to`: unknown, or still holding) is drawn to the edge of the axis, fading, with
/// an arrow, and the legend says so. The axis runs to the end of the latest year named, from the
/// start of a year chosen so that old outliers do not squeeze the rest (``Options/since``), or
/// between dates the caller gives; what lies beyond is drawn at the edge and counted.
///
/// Nothing is dropped silently: ``undatedEntities`` and ``undatedLinks`` count what has no date
/// and is not drawn, and ``notes`` says it under the drawing. Protected persons are drawn as the
/// dataset has them: redact the dataset first (``Redaction``, or `--redact victims`) for a
/// drawing that leaves the desk; their bars are grey and hatched either way.
///
/// A pure function of the dataset and the options: the same input gives the same bytes.
///
/// ```swift
/// let timeline = Timeline(dataset: dataset)
/// try AtomicFile.write(Array(timeline.svg.utf8), to: "timeline.svg")
/// ```
public struct Timeline: Sendable {
    /// What to draw and how.
    public struct Options: Sendable {
        /// The image width in pixels.
        public var width: Double = 1200
        /// The width of the label column in pixels; the axis runs from 16 + this to width − 30.
        public var labelWidth: Double = 284
        /// The height of one row in pixels.
        public var rowHeight: Double = 18
        /// The heading; nil: the dataset's title, else "Timeline".
        public var title: String?
        /// Kind colours and link colours.
        public var theme: Theme = .standard
        /// Lines printed under the drawing before tnet's own (the filter used, "protected
        /// persons redacted").
        public var notes: [String] = []
        /// The first day of the axis (the first day this date covers); nil: 1 January of the
        /// earliest year in which an entity's period starts, or of the year by which a tenth of
        /// the dated links have begun, whichever is earlier (so that a few old facts, such as a
        /// state joining a regional body decades ago, do not squeeze the rest). What begins
        /// earlier is drawn at the axis's left edge, counted in ``Timeline/notes``.
        public var since: PartialDate?
        /// The last day of the axis (the last day this date covers); nil: 31 December of the
        /// latest year named. What lies later is drawn at the right edge, counted.
        public var until: PartialDate?
        /// Put before every id the SVG defines (its gradients and hatching), so that several
        /// drawings can sit inline in one HTML page without their ids colliding (ASCII letters,
        /// digits, `-` and `_` are kept, anything else dropped).
        public var idPrefix = "tnet-timeline-"
        /// The most entity rows drawn; nil draws every entity with a date. Above it, the
        /// entities with the most dated links are drawn (ties: an own period first, then the
        /// earlier first date, then file order) with the links among them, and what is left out
        /// is counted in ``Timeline/notes``: a hundred thousand rows of 18 px are a drawing 1.8
        /// million pixels tall (84 MB of SVG) that no one reads.
        public var top: Int? = 500
        /// The most connectors drawn one per link; nil draws every link. Above it, the links
        /// among the drawn rows are drawn by month: one connector per pair of rows, kind, line
        /// style and month (quarter, year, when months are still too many), at the first link, its
        /// tooltip counting them (helper-58: the
        /// 500 busiest numbers of two million calls were 80,000 connectors, 21 MB of SVG).
        public var linkLimit: Int? = 5_000
        /// The defaults.
        public init() {}
    }

    /// A period on the axis, in day numbers (``day(_:end:)``); nil: open.
    public struct Bar: Sendable, Hashable {
        /// The first day, or nil when the start is open.
        public let start: Int?
        /// The day after the last, or nil when the end is open.
        public let end: Int?
    }

    /// One row: a kind's heading, or an entity with its bar (nil when the entity has no period
    /// of its own and is drawn for its dated links).
    public struct Row: Sendable, Hashable {
        /// The heading's kind, for a heading row.
        public let heading: EntityKind?
        /// The entity's index in the dataset, for an entity row.
        public let entity: Int?
        /// The entity's own period.
        public let bar: Bar?
    }

    /// A dated link, drawn where it begins.
    public struct Event: Sendable, Hashable {
        /// The link's index in the dataset.
        public let link: Int
        /// The rows of its source and target.
        public let sourceRow: Int, targetRow: Int
        /// The day it is drawn at: its start, or its end when only the end is known.
        public let day: Int
        /// Whether only the end is known (``day`` is then its end).
        public let endOnly: Bool
        /// How many links the connector stands for: 1, or more when links are drawn by month
        /// (``Options/linkLimit``); ``link`` is then the month's first, and ``lastDay`` its last
        /// link's day.
        public var count = 1
        /// The day of the last link the connector stands for.
        public var lastDay: Int
    }

    /// The dataset drawn.
    public let dataset: Dataset
    /// The options.
    public let options: Options
    /// The rows, top to bottom.
    public let rows: [Row]
    /// The dated links.
    public let events: [Event]
    /// The axis: its first day and the day after its last (day numbers).
    public let axis: (start: Int, end: Int)
    /// Entities with no period and no dated link: not drawn.
    public let undatedEntities: Int
    /// Links with no period: not drawn.
    public let undatedLinks: Int
    /// Dated links with an end that names no entity: not drawn.
    public let danglingLinks: Int
    /// Entities with a date left out by ``Options/top``.
    public let entitiesLeftOut: Int
    /// Dated links with an end among the entities left out: not drawn.
    public let linksLeftOut: Int
    /// Whether the links are drawn by month, quarter or year (more than ``Options/linkLimit``
    /// among the rows).
    public let byMonth: Bool
    /// What the drawing leaves out, one line each, as printed under it (after ``Options/notes``).
    public let notes: [String]

    /// The timeline of `dataset`.
    /// - Parameters:
    ///   - dataset: the dataset, filtered and redacted as it is to be shown.
    ///   - options: size and style.
    /// - Complexity: O(*n* log *n* + *m*) for *n* entities and *m* links.
    public init(dataset: Dataset, options: Options = Options()) {
        self.dataset = dataset
        self.options = options
        let n = dataset.entities.count
        var firstDay = [Int?](repeating: nil, count: n)
        var bars = [Bar?](repeating: nil, count: n)
        var minDay = Int.max, maxDay = Int.min
        func see(_ d: Int, _ e: Int?) {
            minDay = min(minDay, d); maxDay = max(maxDay, d)
            if let e { firstDay[e] = min(firstDay[e] ?? d, d) }
        }
        for (i, e) in dataset.entities.enumerated() {
            guard let p = e.period, p.from != nil || p.to != nil else { continue }
            let bar = Bar(start: p.from.map { Self.day($0, end: false) }, end: p.to.map { Self.day($0, end: true) })
            bars[i] = bar
            if let s = bar.start { see(s, i) }
            if let t = bar.end { see(t - 1, i) }
        }
        var dated: [(link: Int, s: Int, t: Int, day: Int, endOnly: Bool)] = []
        var undatedLinks = 0, dangling = 0
        for li in 0 ..< dataset.links.count {
            let link = dataset.links[li]
            guard let p = link.period, p.from != nil || p.to != nil else { undatedLinks += 1; continue }
            let ends = dataset.endpoints(ofLink: li)
            guard let s = ends.source, let t = ends.target else { dangling += 1; continue }
            let day = p.from.map { Self.day($0, end: false) } ?? Self.day(p.to!, end: false)
            see(day, s); see(day, t)
            if let to = p.to { see(Self.day(to, end: true) - 1, nil) }
            dated.append((li, s, t, day, p.from == nil))
        }
        // Above the limit, the entities with the most dated links.
        let withDates = (0 ..< n).filter { firstDay[$0] != nil }
        var shown = withDates
        if let top = options.top, withDates.count > max(0, top) {
            var count = [Int](repeating: 0, count: n)
            for d in dated { count[d.s] += 1; if d.t != d.s { count[d.t] += 1 } }
            shown = Array(withDates.sorted { a, b in
                if count[a] != count[b] { return count[a] > count[b] }
                if (bars[a] != nil) != (bars[b] != nil) { return bars[a] != nil }
                if firstDay[a]! != firstDay[b]! { return firstDay[a]! < firstDay[b]! }
                return a < b
            }.prefix(max(0, top)))
        }
        entitiesLeftOut = withDates.count - shown.count
        // Rows: kinds in the built-in order, then others by name; in a kind, by first date, label, id.
        let builtIn = Dictionary(uniqueKeysWithValues: EntityKind.builtIn.enumerated().map { ($1, $0) })
        let sorted = shown.sorted { a, b in
            let ea = dataset.entities[a], eb = dataset.entities[b]
            let ka = builtIn[ea.kind] ?? Int.max, kb = builtIn[eb.kind] ?? Int.max
            if ka != kb { return ka < kb }
            if ea.kind != eb.kind { return ea.kind < eb.kind }
            if firstDay[a]! != firstDay[b]! { return firstDay[a]! < firstDay[b]! }
            if ea.label != eb.label { return ea.label < eb.label }
            return a < b
        }
        var rows: [Row] = [], rowOf = [Int](repeating: -1, count: n)
        for i in sorted {
            let kind = dataset.entities[i].kind
            if rows.last.map({ r in r.entity.map { dataset.entities[$0].kind } != kind }) ?? true {
                rows.append(Row(heading: kind, entity: nil, bar: nil))
            }
            rowOf[i] = rows.count
            rows.append(Row(heading: nil, entity: i, bar: bars[i]))
        }
        self.rows = rows
        let drawn = dated.filter { rowOf[$0.s] >= 0 && rowOf[$0.t] >= 0 }
        linksLeftOut = dated.count - drawn.count
        var events = drawn.map { Event(link: $0.link, sourceRow: rowOf[$0.s], targetRow: rowOf[$0.t], day: $0.day, endOnly: $0.endOnly, lastDay: $0.day) }
        byMonth = options.linkLimit.map { events.count > $0 } ?? false
        var bucket = "month"
        if byMonth, let limit = options.linkLimit {
            // One connector per pair of rows, kind, line style, open start and month, at the
            // month's first link: what is drawn together looks the same. Quarters, then years,
            // when months are still too many.
            struct Key: Hashable { var s: Int, t: Int, kind: LinkKind, style: String, endOnly: Bool, period: Int }
            let single = events.sorted(by: { ($0.day, $0.link) < ($1.day, $1.link) })
            for (months, name) in [(1, "month"), (3, "quarter"), (12, "year")] {
                var index: [Key: Int] = [:]
                var merged: [Event] = []
                for e in single {
                    let link = dataset.links[e.link]
                    let c = Self.civil(e.day)
                    let key = Key(s: e.sourceRow, t: e.targetRow, kind: link.kind, style: LinkStyle.lineStyle(link.confidence),
                                  endOnly: e.endOnly, period: (c.year * 12 + c.month - 1) / months)
                    if let i = index[key] {
                        merged[i].count += 1
                        merged[i].lastDay = e.day
                    } else {
                        index[key] = merged.count
                        merged.append(e)
                    }
                }
                events = merged
                bucket = name
                if merged.count <= limit { break }
            }
        }
        self.events = events
        var start: Int, end: Int
        if minDay <= maxDay {
            let barStarts = bars.compactMap { $0?.start }, linkDays = dated.map(\.day).sorted()
            var auto = barStarts.min() ?? Int.max
            if !linkDays.isEmpty { auto = min(auto, linkDays[linkDays.count / 10]) }
            if auto == Int.max { auto = minDay }
            start = Self.day(year: Self.civil(auto).year, month: 1, day: 1)
            end = Self.day(year: Self.civil(maxDay).year + 1, month: 1, day: 1)
        } else {
            (start, end) = (0, 1)
        }
        if let since = options.since { start = Self.day(since, end: false) }
        if let until = options.until { end = Self.day(until, end: true) }
        if end <= start { end = start + 1 }
        axis = (start, end)
        undatedEntities = n - withDates.count
        self.undatedLinks = undatedLinks
        danglingLinks = dangling
        var notes: [String] = []
        if undatedEntities > 0 || undatedLinks > 0 {
            notes.append("\(undatedEntities) entit\(undatedEntities == 1 ? "y" : "ies") and \(undatedLinks) link\(undatedLinks == 1 ? "" : "s") have no dates and are not drawn")
        }
        // Of what is drawn.
        let earlyBars = shown.filter { i in bars[i]?.start.map { $0 < start } ?? false }.count
        let lateBars = shown.filter { i in bars[i]?.end.map { $0 > end } ?? false }.count
        let earlyLinks = drawn.filter { $0.day < start }.count, lateLinks = drawn.filter { $0.day >= end }.count
        func date(_ d: Int) -> String { Self.dateText(d) }
        func both(_ a: String?, _ b: String?) -> String { [a, b].compactMap { $0 }.joined(separator: " and ") }
        if earlyBars + earlyLinks > 0 {
            notes.append(both(earlyBars > 0 ? "\(earlyBars) entit\(earlyBars == 1 ? "y's period begins" : "ies' periods begin")" : nil,
                              earlyLinks > 0 ? "\(earlyLinks) link\(earlyLinks == 1 ? " begins" : "s begin")" : nil)
                         + " before \(date(start)), the start of the axis: drawn from its left edge (their dates are in the tooltips)")
        }
        if lateBars + lateLinks > 0 {
            notes.append(both(lateBars > 0 ? "\(lateBars) entit\(lateBars == 1 ? "y's period ends" : "ies' periods end")" : nil,
                              lateLinks > 0 ? "\(lateLinks) link\(lateLinks == 1 ? " begins" : "s begin")" : nil)
                         + " after \(date(end - 1)), the end of the axis: drawn at its right edge")
        }
        if entitiesLeftOut > 0 {
            notes.append("\(withDates.count) entities have dates: the \(shown.count) with the most dated links are drawn (--top sets how many), "
                         + "\(entitiesLeftOut) are not"
                         + (linksLeftOut > 0 ? ", nor the \(linksLeftOut) dated link\(linksLeftOut == 1 ? "" : "s") with an end among them" : ""))
        }
        if byMonth {
            notes.append("\(drawn.count) dated links among the drawn entities, more than \(options.linkLimit!): drawn by \(bucket), one connector per pair, kind and \(bucket) (\(events.count) in all), its tooltip counting the links")
        }
        if dangling > 0 { notes.append("\(dangling) dated link\(dangling == 1 ? " names" : "s name") an entity the dataset does not have and \(dangling == 1 ? "is" : "are") not drawn") }
        self.notes = notes
    }

    /// The x position of the start of `day` (a day number) on the axis.
    public func x(day: Int) -> Double {
        let left = 16 + options.labelWidth, right = options.width - 30
        return left + Double(day - axis.start) / Double(max(1, axis.end - axis.start)) * (right - left)
    }

    /// The timeline as a standalone SVG document, ending with a newline.
    public var svg: String { render() }

    // MARK: Days

    /// The day number of a date: days since 1970-01-01 of its first day covered, or, with
    /// `end`, of the day after the last day it covers (`2023-05` → 2023-05-01, or 2023-06-01).
    public static func day(_ date: PartialDate, end: Bool) -> Int {
        let (y, m, d) = end ? date.latest : date.earliest
        return day(year: y, month: m, day: d) + (end ? 1 : 0)
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (``PartialDate/dayNumber(year:month:day:)``).
    public static func day(year: Int, month: Int, day: Int) -> Int { PartialDate.dayNumber(year: year, month: month, day: day) }

    /// A day number as an ISO date (`2024-01-02`).
    static func dateText(_ day: Int) -> String {
        let c = civil(day)
        return PartialDate(year: c.year, month: c.month, day: c.day).description
    }

    /// The calendar date of a day number (``PartialDate/civil(dayNumber:)``).
    static func civil(_ z: Int) -> (year: Int, month: Int, day: Int) { PartialDate.civil(dayNumber: z) }
}
