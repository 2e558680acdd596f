import Foundation
import TNetModel

/// Routes between two entities ready to print, each step with the link walked, its grade and
/// its sources, and the way it was walked (along a directed link, against it, or undirected).
public struct RouteListing: PrintableResult, Sendable {
    /// The dataset the routes were found in.
    public let dataset: Dataset
    /// The routes and how the search ended.
    public let result: RouteResult
    /// The start and end as asked.
    public let from: String, to: String
    /// What a route's cost measures.
    public let cost: RouteOptions.Cost

    /// A listing of `result`.
    /// - Parameters:
    ///   - result: the routes found.
    ///   - dataset: the dataset they were found in.
    ///   - from: the start as asked.
    ///   - to: the end as asked.
    ///   - cost: what the cost measures (hops, weight or reliability).
    public init(_ result: RouteResult, in dataset: Dataset, from: String, to: String, cost: RouteOptions.Cost) {
        self.result = result
        self.dataset = dataset
        self.from = from
        self.to = to
        self.cost = cost
    }

    /// How step `step` (1-based) of `route` walks its link: `forward` (source to target),
    /// `backward` (against a directed link) or `undirected`.
    /// - Parameters:
    ///   - route: a route of ``result``.
    ///   - step: the step, from 1 to the route's hops.
    /// - Returns: forward, backward or undirected.
    public func direction(_ route: Route, step: Int) -> String {
        let link = dataset.links[route.links[step - 1]]
        if !dataset.isDirected(link) { return "undirected" }
        return link.source == dataset.entities[route.entities[step - 1]].id ? "forward" : "backward"
    }

    /// `{"from","to","cost_measure","complete","examined","paths":[{"cost","hops","reliability"?,"nodes","links"}]}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("from"); w.string(from)
            w.key("to"); w.string(to)
            w.key("cost_measure"); w.string(cost == .hops ? "hops" : cost == .weight ? "weight" : "reliability")
            w.key("complete"); w.bool(result.complete)
            w.key("examined"); w.int(result.examined)
            w.key("paths"); w.beginArray()
            for route in result.routes {
                w.beginObject()
                w.key("cost"); w.double(route.cost)
                w.key("hops"); w.int(route.hops)
                if cost == .reliability { w.key("reliability"); w.double(exp(-route.cost)) }
                w.key("nodes"); w.strings(route.entities.map { dataset.entities[$0].id })
                w.links("links", route.links.map { dataset.links[$0] })
                w.endObject()
            }
            w.endArray()
        }
    }

    /// `path,step,id,name,kind,link_kind,link_direction,confidence,cost`, a row per entity passed.
    public var csv: String {
        var out = CSVText.row(["path", "step", "id", "name", "kind", "link_kind", "link_direction", "confidence", "cost"])
        for (p, route) in result.routes.enumerated() {
            for (i, e) in route.entities.enumerated() {
                let entity = dataset.entities[e]
                let link = i > 0 ? dataset.links[route.links[i - 1]] : nil
                out += CSVText.row([String(p + 1), String(i), entity.id, entity.name ?? "", entity.kind.rawValue,
                                    link?.kind.rawValue ?? "", i > 0 ? direction(route, step: i) : "", link?.confidence?.description ?? "",
                                    i == route.entities.count - 1 ? ResultText.exact(route.cost) : ""])
            }
        }
        return out
    }

    /// Each route as a list of entities with the link between them: `-->` walked along its
    /// direction, `<--` against it, `---` undirected.
    public var table: String {
        var out = ""
        for (p, route) in result.routes.enumerated() {
            var head = "path \(p + 1): \(ResultText.counted(route.hops, "link"))"
            switch cost {
            case .hops: break
            case .weight: head += ", cost \(ResultText.short(route.cost))"
            case .reliability: head += ", reliability \(ResultText.short(exp(-route.cost)))"
            }
            out += head + "\n"
            for (i, e) in route.entities.enumerated() {
                if i > 0 {
                    let link = dataset.links[route.links[i - 1]]
                    let arrow = ["forward": "-->", "backward": "<--", "undirected": "---"][direction(route, step: i)]!
                    out += TextTable.boundedLine("    \(arrow) \(link.evidence)") + "\n"
                }
                out += "  " + ResultText.entity(dataset.entities[e]) + "\n"
            }
        }
        return out
    }
}
