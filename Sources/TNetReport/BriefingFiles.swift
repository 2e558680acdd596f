import Foundation
import TNetIO
import TNetGraph
import TNetModel
import TNetRender

/// The version of tnet, stated in every briefing's provenance.
public let tnetVersion = "0.1.0"

/// A briefing made whole: the HTML page, its Markdown twin, the JSON of every section, and the
/// two figures. ``write(to:)`` writes them into a folder, as the command line's report does.
///
/// ```swift
/// let loaded = try Dataset.load("datasets/mekong-2023.json", options: LoadOptions(redactVictims: true))
/// let files = try BriefingFiles(loaded)
/// print(try files.write(to: "out/briefing"))
/// ```
public struct BriefingFiles: Sendable {
    /// Everything the briefing states.
    public var briefing: Briefing
    /// The self-contained page: inline CSS, script and data (a Content-Security-Policy admits
    /// only those, by hash), nothing fetched.
    public var html: String
    /// The Markdown twin, which shows the two figures as files beside it.
    public var markdown: String
    /// Every section's data by id and value, for scripts and auditors (``BriefingJSON``).
    public var json: [UInt8]
    /// The network diagram (clustered by country when entities have countries).
    public var diagramSVG: String
    /// The disruption curves.
    public var chartSVG: String
    /// The timeline of dated entities and links (``Timeline``), nil when nothing is dated.
    public var timelineSVG: String?
    /// The map of placed entities and routes (``GeoMap``), nil when nothing can be placed.
    public var mapSVG: String?
    /// Graphviz's warnings while drawing.
    public var warnings: [String]
    /// The data the page's explorer draws, as embedded in it (``PageData``): every entity and
    /// link of the briefing's dataset with Graphviz's positions, sources and findings; nil above
    /// ``PageData/entityLimit`` entities, where the page shows the static diagram.
    public var pageJSON: String?
    /// Whether the diagram draws countries as boxes.
    public var isClustered: Bool

    /// Makes the briefing of a loaded dataset, stating its input's SHA-256, its filter and
    /// whether protected persons were redacted.
    /// - Parameters:
    ///   - loaded: the dataset as `Dataset.load(_:options:)` (TNetIO) returned it.
    ///   - keyPlayers: how many key players are listed.
    ///   - disruptionSteps: removals per disruption strategy.
    ///   - date: the day stated as the briefing's date.
    ///   - strictLayout: require the clustered diagram's layout process (`Diagram.render(format:timeout:strict:)`).
    ///   - sampling: exact or sampled removal measures above the exact limit (TNetGraph's
    ///     `EfficiencySampling`), stated in the briefing.
    ///   - threads: worker threads (the briefing does not depend on them).
    ///   - progress: told what runs and the fraction done.
    /// - Throws: `CentralityError` or `AnalysisError` (TNetModel) from the analyses,
    ///   `LayoutError` or `GraphvizError` (TNetGraphviz) from drawing the diagram.
    /// - Complexity: dominated by the removal measures (``Briefing``).
    public init(_ loaded: LoadedDataset, keyPlayers: Int = 10, disruptionSteps: Int = 10, date: Date = Date(), strictLayout: Bool = false,
                sampling: EfficiencySampling = EfficiencySampling(), threads: Int = 1,
                progress: (@Sendable (String, Double) -> Void)? = nil) throws {
        // The digest is of the file as given; every text names it as `source` does (scrubbed
        // under redaction).
        let file = loaded.path
        let digests = file == "-" ? [] : ((try? FileDigest.sha256(path: file)) ?? [])
        let shown = digests.map { d in (path: d.path.hasPrefix(file) ? loaded.source.file + d.path.dropFirst(file.count) : loaded.source.file, sha256: d.sha256) }
        let provenance = Briefing.Provenance(tool: "tnet \(tnetVersion)", inputs: shown,
                                             filters: loaded.source.filter.map { $0.isEmpty ? "" : $0.description } ?? "",
                                             redacted: loaded.isRedacted, generated: Self.day(date))
        try self.init(loaded.dataset, provenance: provenance, keyPlayers: keyPlayers, disruptionSteps: disruptionSteps, strictLayout: strictLayout,
                      sampling: sampling, threads: threads, progress: progress)
    }

    /// Makes the briefing of `dataset` with the provenance given.
    /// - Parameters:
    ///   - dataset: the dataset, already redacted and filtered as wanted.
    ///   - provenance: how to reproduce it.
    ///   - keyPlayers: how many key players are listed.
    ///   - disruptionSteps: removals per disruption strategy.
    ///   - strictLayout: require the clustered diagram's layout process.
    ///   - sampling: exact or sampled removal measures above the exact limit.
    ///   - threads: worker threads.
    ///   - progress: told what runs and the fraction done.
    /// - Throws: as ``init(_:keyPlayers:disruptionSteps:date:strictLayout:sampling:threads:progress:)``.
    public init(_ dataset: Dataset, provenance: Briefing.Provenance, keyPlayers: Int = 10, disruptionSteps: Int = 10, strictLayout: Bool = false,
                sampling: EfficiencySampling = EfficiencySampling(), threads: Int = 1,
                progress: (@Sendable (String, Double) -> Void)? = nil) throws {
        briefing = try Briefing(dataset: dataset, provenance: provenance, keyPlayers: keyPlayers, disruptionSteps: disruptionSteps,
                                sampling: sampling, threads: threads, progress: progress)
        var request = DiagramRequest()
        request.clusterBy = "country"
        // Above Briefing.diagramLimit entities: the view the briefing states (its caption says so).
        if let view = briefing.diagramView {
            request.top = view.shown
            request.by = view.measure
            request.threads = threads
        }
        if provenance.redacted { request.notes.append("protected persons redacted") }
        // Clustered by country (when entities have countries): a dot layout then runs in a
        // process of its own, to be the same every time (LayoutChoice.dependsOnMemoryLayout).
        progress?("diagram", 0)
        let drawing = try dataset.diagram(request)
        let rendered = try drawing.render(format: "svg", strict: strictLayout)
        warnings = rendered.warnings
        diagramSVG = String(decoding: rendered.bytes, as: UTF8.self)
        chartSVG = LineChart.disruption(briefing.disruption).svg()
        isClustered = drawing.isClustered
        // The explorable page draws Graphviz's own positions: the diagram's layout when it draws
        // every entity (the same DOT, laid out the same way, read as JSON), else a layout of every
        // entity without boxes or legend (sfdp above LayoutChoice's limits). Above
        // PageData.entityLimit the page shows the static diagram instead, and says why.
        if dataset.entities.count > PageData.entityLimit {
            pageJSON = nil
        } else {
            let page: Diagram
            let note: String
            if briefing.diagramView == nil {
                page = drawing
                note = "Positions: Graphviz \(drawing.engine), the layout of diagram.svg" + (drawing.isClustered ? ", countries as boxes" : "") + "."
            } else {
                var full = DiagramRequest()
                full.legend = false
                page = try dataset.diagram(full)
                note = "Positions: Graphviz \(page.engine), a layout of all \(dataset.entities.count) entities (diagram.svg draws the \(Briefing.diagramTop) highest by betweenness)."
            }
            let laidOut = try page.render(format: "json0", strict: strictLayout)
            warnings += laidOut.warnings
            let layout = try PageLayout(json: laidOut.bytes, dataset: page.dataset)
            pageJSON = PageData.json(briefing, layout: layout, layoutNote: note)
        }
        // The timeline and the map: tabs of the page, and files beside it.
        var views: [(title: String, svg: String)] = []
        // Above Briefing.diagramLimit entities the timeline draws the diagram's view (a row per
        // entity: 100,000 rows were an 84 MB drawing nobody can read), and says so under it.
        progress?("timeline and map", 0)
        var timelineOptions = Timeline.Options()
        timelineOptions.top = nil  // bounded by the diagram's view above
        if let view = briefing.diagramView {
            timelineOptions.notes.append("the \(view.shown) entities of diagram.svg (highest by \(view.measure == .approxBetweenness ? "betweenness, sampled" : view.measure.rawValue)) of \(view.of), and the links among them: above \(Briefing.diagramLimit) entities a row per entity cannot be read")
        }
        let timeline = Timeline(dataset: briefing.diagramView == nil ? dataset : drawing.dataset, options: timelineOptions)
        if !timeline.rows.isEmpty {
            let svg = timeline.svg
            timelineSVG = svg
            views.append(("Timeline", svg))
        }
        var mapOptions = GeoMap.Options()
        mapOptions.bounds = Self.mapBounds(GeoPlacement(dataset: dataset), dataset: dataset)
        let map = GeoMap(dataset: dataset, options: mapOptions)
        if !map.placement.placed.isEmpty {
            let svg = map.svg
            mapSVG = svg
            views.append(("Map", svg))
        }
        progress?("page", 0)
        html = BriefingWriter.html(briefing, diagramSVG: diagramSVG, chartSVG: chartSVG, clustered: drawing.isClustered, pageJSON: pageJSON,
                                   views: views)
        markdown = BriefingWriter.markdown(briefing, clustered: drawing.isClustered)
        json = BriefingJSON.write(briefing)
    }

    /// The region the briefing's map shows: around the places that are not countries (sites,
    /// regions, compounds…), without the outer tenth of them east–west and north–south, so that
    /// one far-off place (a transit city in another continent) does not shrink the rest; all
    /// placed entities when fewer than five such places are placed. What lies outside is
    /// counted on the map.
    static func mapBounds(_ placement: GeoPlacement, dataset: Dataset) -> GeoBounds? {
        let local = placement.placed.filter { dataset.entities[$0.index].kind != .country }
        let points = (local.count >= 5 ? local : placement.placed).map(\.point)
        guard points.count >= 5 else { return GeoBounds.around(points) }
        let lons = points.map(\.lon).sorted(), lats = points.map(\.lat).sorted()
        let lo = points.count / 20, hi = points.count - 1 - points.count / 20
        return GeoBounds.around([GeoPoint(lon: lons[lo], lat: lats[lo]), GeoPoint(lon: lons[hi], lat: lats[hi])], margin: 3)
    }

    /// The page with further drawings in tabs beside the network (a timeline, a map: SVG
    /// documents, inlined without their prolog and comments); ``html`` is the page without them,
    /// which has no such tab. Assign the result to ``html`` before ``write(to:)`` to write it.
    /// Drawings are styled by presentation attributes: the page's Content-Security-Policy refuses a
    /// `<style>` element or a `style` attribute inside them, and any script.
    /// - Parameter views: each drawing's tab title and SVG, in tab order.
    /// - Returns: the self-contained page.
    public func html(views: [(title: String, svg: String)]) -> String {
        BriefingWriter.html(briefing, diagramSVG: diagramSVG, chartSVG: chartSVG, clustered: isClustered, pageJSON: pageJSON, views: views)
    }

    /// `date` as the briefing states it: YYYY-MM-DD.
    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    /// Writes `report.html`, `report.md`, `report.json`, `diagram.svg`, `disruption.svg` and,
    /// when there is something to draw, `timeline.svg` and `map.svg` into
    /// `folder` (created if missing), each atomically, the page last.
    /// - Parameter folder: the folder to write into.
    /// - Returns: the path of `report.html`.
    /// - Throws: `AtomicFile.WriteError` (TNetIO) when a file cannot be written, `CocoaError`
    ///   when the folder cannot be created.
    @discardableResult
    public func write(to folder: String) throws -> String {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let dir = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        try AtomicFile.write(Array(diagramSVG.utf8), to: dir + "/diagram.svg")
        try AtomicFile.write(Array(chartSVG.utf8), to: dir + "/disruption.svg")
        // A drawing this briefing does not have is removed: an earlier briefing's (unredacted,
        // another dataset's) must not sit beside this one as if it were its own.
        for (svg, name) in [(timelineSVG, "timeline.svg"), (mapSVG, "map.svg")] {
            if let svg { try AtomicFile.write(Array(svg.utf8), to: dir + "/" + name) } else if FileManager.default.fileExists(atPath: dir + "/" + name) {
                try FileManager.default.removeItem(atPath: dir + "/" + name)
            }
        }
        try AtomicFile.write(Array(markdown.utf8), to: dir + "/report.md")
        try AtomicFile.write(json, to: dir + "/report.json")
        try AtomicFile.write(Array(html.utf8), to: dir + "/report.html")
        return dir + "/report.html"
    }
}

extension Dataset {
    /// The briefing of this dataset (no input file to fingerprint): sections, figures and files.
    /// - Parameters:
    ///   - keyPlayers: how many key players are listed.
    ///   - disruptionSteps: removals per disruption strategy.
    ///   - redacted: whether protected persons were redacted (stated in the briefing).
    /// - Returns: the briefing's files.
    /// - Throws: as ``BriefingFiles/init(_:keyPlayers:disruptionSteps:date:strictLayout:sampling:threads:progress:)``.
    public func briefing(keyPlayers: Int = 10, disruptionSteps: Int = 10, redacted: Bool = false) throws -> BriefingFiles {
        return try BriefingFiles(self, provenance: Briefing.Provenance(tool: "tnet \(tnetVersion)", inputs: [], filters: "", redacted: redacted,
                                                                       generated: BriefingFiles.day(Date())),
                                 keyPlayers: keyPlayers, disruptionSteps: disruptionSteps)
    }
}
