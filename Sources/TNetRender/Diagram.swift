import Foundation
import TNetGraphviz
import TNetIO
import TNetModel

/// A diagram ready to lay out: the view drawn, its styled DOT, the engine, and whether the
/// layout runs in a process of its own.
public struct Diagram: Sendable {
    /// The entities and links drawn (after the view).
    public var dataset: Dataset
    /// The styled DOT of ``dataset`` (``DOTWriter/write(_:options:)``).
    public var dot: String
    /// The layout engine, resolved.
    public var engine: String
    /// Whether the diagram has cluster boxes.
    public var isClustered: Bool
    /// Whether the layout runs in a child process: user layout attributes may crash Graphviz,
    /// and a clustered dot or an fdp layout comes out the same every run (fdp: nearly every run)
    /// only in a process of its own (``LayoutChoice/dependsOnMemoryLayout(engine:clustered:)``).
    public var needsIsolation: Bool
    /// Whether the layout carries user layout attributes (a theme's, the caller's, a DOT file's),
    /// some of which crash Graphviz: such a layout never runs in this process.
    public var hasUserLayout: Bool
    /// What was left out, for the user.
    public var warnings: [DiagramWarning]

    /// Lays the diagram out and renders it. When the layout should run apart only to be the same
    /// every run, and the layout program (`tnet-layout`) is not beside this one, it runs here
    /// instead, with a warning saying so, unless `strict`.
    /// - Parameters:
    ///   - format: svg, png, pdf, dot (laid out), json or plain.
    ///   - timeout: stop a layout that runs longer (it then runs in a child process).
    ///   - strict: require the child process wherever ``needsIsolation`` says so.
    /// - Returns: the drawing and Graphviz's warnings.
    /// - Throws: `LayoutError` from a layout in a child process (`IsolatedLayout`), or
    ///   `GraphvizError` from one in this process (both TNetGraphviz).
    public func render(format: String = "svg", timeout: Double? = nil, strict: Bool = false) throws -> RenderOutput {
        if needsIsolation || timeout != nil {
            if !strict && timeout == nil && !hasUserLayout && !IsolatedLayout.isAvailable {
                var out = try GraphvizRenderer.shared.renderReporting(dot: dot, engine: engine, format: format)
                out.warnings.append("laid out in this process: \(IsolatedLayout.helperPath()) is missing, and a clustered dot or an fdp layout can then differ from run to run")
                return out
            }
            return try IsolatedLayout.render(dot: dot, engine: engine, format: format, timeout: timeout)
        }
        return try GraphvizRenderer.shared.renderReporting(dot: dot, engine: engine, format: format)
    }
}

extension Dataset {
    /// The diagram `request` asks for: the view, sizes, clusters and highlights applied, styled.
    ///
    /// ```swift
    /// var request = DiagramRequest()
    /// request.highlightRoute = (from: "india", to: "compound-kayin-1")
    /// let diagram = try dataset.diagram(request)
    /// let svg = try diagram.render(format: "svg").bytes
    /// ```
    /// - Parameter request: what to show.
    /// - Returns: the diagram, ready to ``Diagram/render(format:timeout:)``.
    /// - Throws: ``DiagramError``.
    /// - Complexity: the measures asked for (betweenness O(nm) for a view) plus linear styling.
    public func diagram(_ request: DiagramRequest) throws(DiagramError) -> Diagram {
        var dataset = self
        var options = DiagramOptions()
        var warnings: [DiagramWarning] = []
        options.theme = request.theme
        var userLayout = !request.theme.graph.isEmpty
        for (name, value) in request.graphAttributes {
            if let problem = LayoutAttributes.problem(name: name, value: value) { throw .attributeRefused(problem: problem) }
            options.graphAttributes.append((name, value))
            userLayout = true
        }
        if request.useDatasetLayoutAttributes {
            var dropped: [String] = []
            for (k, v) in extra {
                guard let value = v.string else { continue }
                if LayoutAttributes.problem(name: k, value: value) == nil {
                    options.graphAttributes.append((k, value))
                    userLayout = true
                } else if !k.hasPrefix("tnet_") {
                    dropped.append(k)
                }
            }
            if !dropped.isEmpty { warnings.append(.attributesDropped(dropped)) }
        }
        options.notes = request.notes
        if let top = request.top {
            let measure = request.by
            guard DiagramRequest.perEntityMeasures.contains(measure) else { throw .notPerEntityMeasure(measure) }
            let before = dataset.entities.count
            var measureOptions = CentralityAnalysisOptions()
            measureOptions.threads = max(1, request.threads)
            do { (dataset, _) = try dataset.top(top, by: measure, options: measureOptions) } catch { throw .measureFailed(measure, error) }
            if dataset.entities.count < before {
                options.notes.append("the \(dataset.entities.count) entities with the highest \(measure.rawValue) of \(before)")
            }
        }
        if let measure = request.sizeBy {
            guard DiagramRequest.perEntityMeasures.contains(measure) else { throw .notPerEntityMeasure(measure) }
            do throws(CentralityError) {
                let table = try dataset.centrality([measure])
                if let failure = table.failure { throw CentralityError(failure) }
                var sizes = [Double](repeating: .nan, count: dataset.entities.count)
                for (r, row) in table.rows.enumerated() { sizes[row.source] = table.values[0][r] }
                options.sizes = sizes
                options.sizeMeasure = measure.rawValue
            } catch { throw .measureFailed(measure, error) }
        }
        if let field = request.clusterBy {
            switch field {
            case "country": options.clustering = .byCountry(dataset)
            case "region": options.clustering = .byRegion(dataset)
            case "community":
                // Leiden (connected communities), seed 0: the same file gives the same boxes.
                let r = dataset.communities(method: .leiden)
                options.clustering = .byGroups(r.community, basis: "community")
                options.notes.append("communities: Leiden, modularity \(String(format: "%.3f", r.modularity))")
            default:
                let c = Clustering.byAttribute(dataset, field)
                if c.labels.isEmpty { warnings.append(.nothingToCluster(field)) }
                options.clustering = c
            }
        }
        for id in request.highlight {
            guard let i = try? dataset.resolveEntity(id, what: "highlight").index else { throw .unknownEntity(id) }
            options.highlightedEntities.insert(i)
        }
        if let (from, to) = request.highlightRoute {
            var route = RouteOptions()
            route.undirected = true
            let result: RouteResult
            do { result = try dataset.routes(from: from, to: to, options: route) } catch { throw .routeFailed(error) }
            guard let path = result.routes.first else { throw .noRoute(from: from, to: to) }
            options.highlightedEntities.formUnion(path.entities)
            options.highlightedLinks.formUnion(path.links)
        }
        options.legend = request.legend
        options.title = request.title
        options.engine = request.engine
        options.engine = options.resolvedEngine(for: dataset)
        return Diagram(dataset: dataset, dot: DOTWriter.write(dataset, options: options), engine: options.engine, isClustered: options.isClustered,
                       needsIsolation: userLayout || LayoutChoice.dependsOnMemoryLayout(engine: options.engine, clustered: options.isClustered),
                       hasUserLayout: userLayout,
                       warnings: warnings)
    }

}
