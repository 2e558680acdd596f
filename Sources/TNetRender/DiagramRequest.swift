import Foundation
import TNetGraphviz
import TNetIO
import TNetModel

/// What a diagram should show, as a person asks for it: a view (the top N by a measure), node
/// sizes by a measure, boxes around groups, highlighted entities or a highlighted route, a style
/// and layout attributes. ``TNetModel/Dataset/diagram(_:)`` turns it into a ``Diagram``: the view drawn,
/// its styled DOT, the engine and whether the layout must run in a process of its own.
///
/// ```swift
/// var request = DiagramRequest()
/// request.top = 30
/// request.clusterBy = "country"
/// let svg = try dataset.diagram(request).render(format: "svg").bytes
/// ```
public struct DiagramRequest: Sendable {
    /// Styles (shapes and colours per kind, fonts, graph attributes); a theme with graph
    /// attributes is laid out in a process of its own.
    public var theme = Theme.standard
    /// Graphviz graph attributes from the user (each must pass ``LayoutAttributes``); laid out in
    /// a process of its own, since some crash Graphviz.
    public var graphAttributes: [(name: String, value: String)] = []
    /// Pass the dataset's own graph attributes (a DOT file's `rankdir`, say) that are on the
    /// allow-list to Graphviz; the others are dropped with a warning.
    public var useDatasetLayoutAttributes = false
    /// Keep only this many entities, ranked highest by ``by``, and the links among them.
    public var top: Int?
    /// The measure ``top`` ranks by.
    public var by = CentralityMeasure.betweenness
    /// Worker threads of the measure ``top`` and ``sizeBy`` rank by (the drawing does not depend
    /// on them: sampled betweenness is the same for any number).
    public var threads = 1
    /// Scale nodes by this per-entity measure.
    public var sizeBy: CentralityMeasure?
    /// Draw boxes around entities sharing a `country`, `region` (the region an entity is
    /// located in), `community` (Leiden, seed 0), `kind`, `role` or attribute value.
    public var clusterBy: String?
    /// Outline these entities (ids) and dim the rest.
    public var highlight: [String] = []
    /// Highlight the shortest route between two entities (links followed either way).
    public var highlightRoute: (from: String, to: String)?
    /// Draw a legend of the kinds, link families and line styles present.
    public var legend = true
    /// The legend's heading (nil: the dataset's title).
    public var title: String?
    /// The layout engine: `auto` (dot for small networks, sfdp beyond), dot, neato, fdp, sfdp,
    /// circo or twopi.
    public var engine = "auto"
    /// Lines added under the legend (what was filtered or redacted).
    public var notes: [String] = []

    /// A request for the whole dataset, standard styles, a legend and an engine chosen by size.
    public init() {}
}

extension DiagramRequest {
    /// The measures a view or a size can use: one value per entity.
    public static var perEntityMeasures: [CentralityMeasure] { CentralityMeasure.allCases.filter { !$0.isPerLink && $0 != .brokerage } }
}
