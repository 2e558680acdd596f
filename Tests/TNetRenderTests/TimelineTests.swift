import Foundation
import Testing
import TNetModel
import TNetIO
@testable import TNetRender

@Suite struct TimelineTests {
    @Test func dayNumbers() {
        #expect(Timeline.day(year: 1970, month: 1, day: 1) == 0)
        #expect(Timeline.day(year: 2000, month: 1, day: 1) == 10957)
        #expect(Timeline.day(year: 2000, month: 3, day: 1) == 10957 + 31 + 29)  // leap year
        #expect(Timeline.day(PartialDate("2023-05")!, end: false) == Timeline.day(year: 2023, month: 5, day: 1))
        #expect(Timeline.day(PartialDate("2023-05")!, end: true) == Timeline.day(year: 2023, month: 6, day: 1))
        #expect(Timeline.day(PartialDate("2023")!, end: true) == Timeline.day(year: 2024, month: 1, day: 1))
        for z in [-1000, 0, 10957, 19000, 20000] {
            let c = Timeline.civil(z)
            #expect(Timeline.day(year: c.year, month: c.month, day: c.day) == z)
        }
    }

    /// Three entities, worked by hand. Width 1030 and label column 284: the axis runs from
    /// x = 16 + 284 = 300 to 1030 − 30 = 1000, 700 px. The dates name 2020 to 2022, so the axis
    /// is 2020-01-01 to 2023-01-01: 366 + 365 + 365 = 1096 days.
    /// - A (compound) 2020–2020: 2020-01-01 to 2021-01-01, day 0 to 366:
    ///   x 300, width 366 / 1096 · 700 = 233.76.
    /// - B (syndicate) from 2021-07, open end: day 366 + 181 = 547 (Jan–Jun 2021 have 181 days):
    ///   x = 300 + 547 / 1096 · 700 = 649.36, to the axis end 1000: width 350.64.
    /// - C (person) open start, to 2022-06-30: from the axis start 300 to the day after,
    ///   2022-07-01, day 366 + 365 + 181 = 912: x = 300 + 912 / 1096 · 700 = 882.48, width 582.48.
    @Test func threeBarsByHand() throws {
        let d = Dataset(entities: [
            Entity(id: "a", kind: .compound, name: "A", period: Period(from: PartialDate("2020"), to: PartialDate("2020"))),
            Entity(id: "b", kind: .syndicate, name: "B", period: Period(from: PartialDate("2021-07"))),
            Entity(id: "c", kind: .person, name: "C", period: Period(to: PartialDate("2022-06-30"))),
        ])
        var o = Timeline.Options()
        o.width = 1030
        o.labelWidth = 284
        let t = Timeline(dataset: d, options: o)
        #expect(t.axis.end - t.axis.start == 1096)
        // Kinds in the built-in order (syndicate, compound, …, person), each under its heading.
        #expect(t.rows.map { $0.heading?.rawValue ?? d.entities[$0.entity!].id } == ["syndicate", "b", "compound", "a", "person", "c"])
        #expect(abs(t.x(day: Timeline.day(year: 2021, month: 1, day: 1)) - 533.76) < 0.01)
        let svg = t.svg
        _ = try parseXML(svg)
        #expect(svg.contains("<rect x=\"300\" y=\"\(SVGText.n(t.rowTop(3) + 3))\" width=\"233.8\""))
        #expect(svg.contains("<rect x=\"649.4\" y=\"\(SVGText.n(t.rowTop(1) + 3))\" width=\"350.6\""))
        #expect(svg.contains("<rect x=\"300\" y=\"\(SVGText.n(t.rowTop(5) + 3))\" width=\"582.5\""))
        #expect(svg.contains("fade-right-"))  // B's open end
        #expect(svg.contains("fade-left-"))   // C's open start
        #expect(t.notes.isEmpty)
    }

    /// The same three bars with the axis from 2021-07 to 2022: 2021-07-01 is day 547 from 2020-01-01
    /// and 2023-01-01 day 1096, so the axis is 549 days over 700 px. B starts at the axis start
    /// (x 300) and runs open to 1000; C's end, day 912, is at 300 + (912 − 547) / 549 · 700 =
    /// 765.39. A (2020) and C (open start) begin before the axis.
    @Test func windowClipsAndSays() throws {
        let d = Dataset(entities: [
            Entity(id: "a", kind: .compound, name: "A", period: Period(from: PartialDate("2020"), to: PartialDate("2020"))),
            Entity(id: "b", kind: .syndicate, name: "B", period: Period(from: PartialDate("2021-07"))),
            Entity(id: "c", kind: .person, name: "C", period: Period(to: PartialDate("2022-06-30"))),
        ], links: [Link(source: "a", target: "b", kind: .operates, period: Period(from: PartialDate("2019-05")))])
        var o = Timeline.Options()
        o.width = 1030
        o.labelWidth = 284
        o.since = PartialDate("2021-07")
        o.until = PartialDate("2022")
        let t = Timeline(dataset: d, options: o)
        #expect(t.axis.end - t.axis.start == 549)
        let svg = t.svg
        _ = try parseXML(svg)
        #expect(svg.contains("<rect x=\"300\" y=\"\(SVGText.n(t.rowTop(1) + 3))\" width=\"700\""))
        #expect(svg.contains("<rect x=\"300\" y=\"\(SVGText.n(t.rowTop(5) + 3))\" width=\"465.4\""))
        #expect(t.notes.contains("1 entity's period begins and 1 link begins before 2021-07-01, the start of the axis: drawn from its left edge (their dates are in the tooltips)"))
    }

    /// Above `top`, the entities with the most dated links are drawn, worked by hand:
    ///
    ///     a  no period   links a–b 2021, a–c 2022, a–d 2023     3 dated links
    ///     b  no period   a–b, b–c 2021-06                        2
    ///     c  own period  a–c, b–c                                2 (an own period: before b)
    ///     d  no period   a–d                                     1
    ///     e  own period  none                                    0
    ///
    /// Top 3: a, c, b, and the three links among them; d and e are left out with a–d. Top 2:
    /// a and c, and a–c only (a–b, b–c and a–d are left out). No limit: all five.
    @Test func topDrawsTheBusiestAndCountsTheRest() throws {
        let d = Dataset(entities: [
            Entity(id: "a", kind: .person, name: "A"),
            Entity(id: "b", kind: .person, name: "B"),
            Entity(id: "c", kind: .person, name: "C", period: Period(from: PartialDate("2020"))),
            Entity(id: "d", kind: .person, name: "D"),
            Entity(id: "e", kind: .person, name: "E", period: Period(from: PartialDate("2019"))),
        ], links: [
            Link(source: "a", target: "b", kind: .pays, period: Period(from: PartialDate("2021"))),
            Link(source: "a", target: "c", kind: .pays, period: Period(from: PartialDate("2022"))),
            Link(source: "a", target: "d", kind: .pays, period: Period(from: PartialDate("2023"))),
            Link(source: "b", target: "c", kind: .pays, period: Period(from: PartialDate("2021-06"))),
        ])
        func drawn(_ t: Timeline) -> Set<String> { Set(t.rows.compactMap { $0.entity.map { d.entities[$0].id } }) }
        var o = Timeline.Options()
        o.top = 3
        let three = Timeline(dataset: d, options: o)
        #expect(drawn(three) == ["a", "b", "c"])
        #expect(Set(three.events.map(\.link)) == [0, 1, 3])
        #expect(three.entitiesLeftOut == 2 && three.linksLeftOut == 1)
        #expect(three.notes.contains("5 entities have dates: the 3 with the most dated links are drawn (--top sets how many), 2 are not, nor the 1 dated link with an end among them"), "\(three.notes)")
        _ = try parseXML(three.svg)
        #expect(!three.svg.contains(">D<") && !three.svg.contains(">E<"))

        o.top = 2
        let two = Timeline(dataset: d, options: o)
        #expect(drawn(two) == ["a", "c"] && two.events.map(\.link) == [1] && two.linksLeftOut == 3)

        o.top = nil
        let all = Timeline(dataset: d, options: o)
        #expect(drawn(all) == ["a", "b", "c", "d", "e"] && all.events.count == 4 && all.entitiesLeftOut == 0)
        #expect(!all.notes.contains { $0.contains("--top") })
    }

    /// Above `linkLimit`, links are drawn by month, worked by hand: a pays b on 5, 10 and 20
    /// January 2024 and on 3 February; a bribes b on 7 January. With a limit of 3 (5 links):
    /// three connectors, pays in January (3 links, 2024-01-05 to 2024-01-20), pays in February
    /// (1), bribes in January (1); every link counted once. With a limit of 2, months are still
    /// three: by quarter, two connectors (pays 4 links from 2024-01-05 to 2024-02-03, bribes 1).
    @Test func manyLinksAreDrawnByMonth() throws {
        let d = Dataset(entities: [Entity(id: "a", kind: .person, name: "A"), Entity(id: "b", kind: .person, name: "B")],
                        links: ["2024-01-05", "2024-01-10", "2024-01-20", "2024-02-03"].map {
                            Link(source: "a", target: "b", kind: .pays, period: Period(from: PartialDate($0), to: PartialDate($0)))
                        } + [Link(source: "a", target: "b", kind: .bribes, period: Period(from: PartialDate("2024-01-07")))])
        var o = Timeline.Options()
        o.linkLimit = 3
        let t = Timeline(dataset: d, options: o)
        #expect(t.byMonth && t.events.count == 3 && t.events.map(\.count).reduce(0, +) == 5)
        let january = try #require(t.events.first { $0.count == 3 })
        #expect(january.link == 0 && january.day == Timeline.day(year: 2024, month: 1, day: 5) && january.lastDay == Timeline.day(year: 2024, month: 1, day: 20))
        #expect(t.notes.contains("5 dated links among the drawn entities, more than 3: drawn by month, one connector per pair, kind and month (3 in all), its tooltip counting the links"), "\(t.notes)")
        let svg = t.svg
        _ = try parseXML(svg)
        #expect(svg.contains("A → B: 3 pays links from 2024-01-05 to 2024-01-20 (drawn together; the first: "))
        o.linkLimit = 2
        let quarters = Timeline(dataset: d, options: o)
        #expect(quarters.events.map(\.count).sorted() == [1, 4] && quarters.notes.contains { $0.contains("drawn by quarter") })
        #expect(quarters.svg.contains("A → B: 4 pays links from 2024-01-05 to 2024-02-03"))
        o.linkLimit = nil
        let all = Timeline(dataset: d, options: o)
        #expect(!all.byMonth && all.events.count == 5 && all.events.allSatisfy { $0.count == 1 })
    }

    @Test func undatedAreCountedNotDropped() throws {
        let d = Dataset(entities: [
            Entity(id: "s", kind: .syndicate, name: "S <&> \"quoted\"", period: Period(from: PartialDate("2019"))),
            Entity(id: "k", kind: .compound, name: "K"),          // undated, but in a dated link: drawn
            Entity(id: "u", kind: .country, name: "Undated"),     // undated, no dated link: not drawn
        ], links: [
            Link(source: "s", target: "k", kind: .operates, period: Period(from: PartialDate("2021-03"))),
            Link(source: "k", target: "u", kind: .locatedIn),     // undated
            Link(source: "s", target: "k", kind: .controls, period: Period(to: PartialDate("2023"))),
            Link(source: "s", target: "ghost", kind: .bribes, period: Period(from: PartialDate("2022"))),
        ])
        let t = Timeline(dataset: d)
        #expect(t.undatedEntities == 1 && t.undatedLinks == 1 && t.danglingLinks == 1)
        #expect(t.notes.contains("1 entity and 1 link have no dates and are not drawn"))
        #expect(t.notes.contains("1 dated link names an entity the dataset does not have and is not drawn"))
        #expect(t.events.count == 2)
        #expect(t.events.contains { $0.endOnly })
        let svg = t.svg
        _ = try parseXML(svg)
        #expect(svg.contains("S &lt;&amp;&gt; &quot;quoted&quot;"))
        #expect(!svg.contains("<&>"))
        #expect(svg.contains("have no dates and are not drawn"))
        #expect(svg == Timeline(dataset: d).svg)
    }

    @Test func redactedTimelineNamesNoProtectedPerson() throws {
        let d = Dataset(entities: [
            Entity(id: "compound-1", kind: .compound, name: "Compound 1"),
            Entity(id: "somchai-prasert", kind: .person, name: "Somchai Prasert", role: .victim,
                   period: Period(from: PartialDate("2023-02"), to: PartialDate("2023-09")), attributes: ["alias": .string("Chai")]),
        ], links: [
            Link(source: "somchai-prasert", target: "compound-1", kind: .rescuedFrom, period: Period(from: PartialDate("2023-09-14"))),
        ])
        #expect(Timeline(dataset: d).svg.contains("Somchai Prasert"))
        var r = Redaction()
        let svg = Timeline(dataset: r.apply(to: d)).svg
        _ = try parseXML(svg)
        for s in ["Somchai", "somchai", "Prasert", "prasert", "Chai"] { #expect(!svg.contains(s)) }
        #expect(svg.contains("Victim 1 (protected)"))
        #expect(svg.contains("url(#tnet-timeline-protected)"))
    }

    @Test func bundledDataset() throws {
        let (d, _) = try DatasetFormat.read(path: packageRoot.appendingPathComponent("datasets/mekong-2023.json").path)
        let t = Timeline(dataset: d)
        #expect(t.rows.contains { $0.entity.map { d.entities[$0].id } == "compound-gtsez-1" })
        #expect(t.undatedEntities + t.rows.filter { $0.entity != nil }.count == d.entities.count)
        #expect(t.undatedLinks + t.events.count + t.danglingLinks == d.links.count)
        _ = try parseXML(t.svg)
    }
}
