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
                w.key("links"); w.beginArray()
                for l in route.links { w.link(dataset.links[l]) }
                w.endArray()
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
                    out += TextTable.clean("    \(arrow) \(link.evidence)") + "\n"
                }
                out += "  " + ResultText.entity(dataset.entities[e]) + "\n"
            }
        }
        return out
    }
}

/// Distances from one entity to every entity it reaches, nearest first.
public struct DistanceListing: PrintableResult, Sendable {
    /// The dataset measured.
    public let dataset: Dataset
    /// Each reached entity (index), its distance and the links on the way.
    public let rows: [(entity: Int, distance: Double, hops: Int)]
    /// The start as asked.
    public let from: String
    /// Whether distances run towards the start rather than from it.
    public let reverse: Bool
    /// What a distance measures.
    public let cost: RouteOptions.Cost

    /// A listing of `rows`.
    /// - Parameters:
    ///   - rows: the distances, as `Dataset.distances(from:options:)` returns them.
    ///   - dataset: the dataset measured.
    ///   - from: the start as asked.
    ///   - reverse: whether distances run towards the start.
    ///   - cost: what a distance measures.
    public init(_ rows: [(entity: Int, distance: Double, hops: Int)], in dataset: Dataset, from: String, reverse: Bool, cost: RouteOptions.Cost) {
        self.rows = rows
        self.dataset = dataset
        self.from = from
        self.reverse = reverse
        self.cost = cost
    }

    private func number(_ x: Double) -> String { cost == .hops ? String(Int(x)) : ResultText.exact(x) }

    /// `id,distance`.
    public var csv: String {
        var out = CSVText.row(["id", "distance"])
        for r in rows { out += CSVText.row([dataset.entities[r.entity].id, number(r.distance)]) }
        return out
    }

    /// `{"from","reverse","rows":[{"id","name","kind","distance","hops"}]}`.
    public var json: String {
        JSONWriter.object { w in
            w.key("from"); w.string(from)
            w.key("reverse"); w.bool(reverse)
            w.key("rows"); w.beginArray()
            for r in rows {
                let e = dataset.entities[r.entity]
                w.beginObject()
                w.key("id"); w.string(e.id)
                w.key("name"); w.string(orNull: e.name)
                w.key("kind"); w.string(e.kind.rawValue)
                w.key("distance"); if cost == .hops { w.int(Int(r.distance)) } else { w.double(r.distance) }
                w.key("hops"); w.int(r.hops)
                w.endObject()
            }
            w.endArray()
        }
    }

    /// Entity, distance and hops, nearest first.
    public var table: String {
        var table = TextTable(header: ["entity", "distance", "hops"], rightAligned: [1, 2])
        for r in rows {
            table.append([ResultText.entity(dataset.entities[r.entity]), cost == .hops ? String(Int(r.distance)) : ResultText.short(r.distance), String(r.hops)])
        }
        return table.text
    }
}

/// A maximum flow and its minimum cut ready to print, each cut tie with the links behind it.
public struct FlowListing: PrintableResult, Sendable {
    /// The dataset the flow ran on.
    public let dataset: Dataset
    /// The flow, the cut and the vertex cut.
    public let result: FlowResult
    /// Whether the fewest separating entities were asked for.
    public let vertexCut: Bool

    /// A listing of `result`.
    /// - Parameters:
    ///   - result: the flow.
    ///   - dataset: the dataset it ran on.
    ///   - vertexCut: whether the vertex cut was asked for.
    public init(_ result: FlowResult, in dataset: Dataset, vertexCut: Bool) {
        self.result = result
        self.dataset = dataset
        self.vertexCut = vertexCut
    }

    private func id(_ i: Int) -> String { dataset.entities[i].id }

    /// `{"value","cut":[[u,v]],"cut_ties":[{"from","to","capacity","links"}],"cut_links":[…]}`,
    /// with the vertex cut `"cut_nodes"` and `"protected_excluded"`.
    public var json: String {
        let r = result
        return JSONWriter.object { w in
            w.key("value"); w.double(orNull: r.value)
            w.key("cut"); w.beginArray()
            for c in r.cut { w.strings([id(c.from), id(c.to)]) }
            w.endArray()
            w.key("cut_ties"); w.beginArray()
            for c in r.cut {
                w.beginObject()
                w.key("from"); w.string(id(c.from)); w.key("to"); w.string(id(c.to))
                w.key("capacity"); w.double(c.capacity); w.key("links"); w.int(c.links.count)
                w.endObject()
            }
            w.endArray()
            w.key("cut_links"); w.beginArray()
            for c in r.cut { for l in c.links { w.link(dataset.links[l]) } }
            w.endArray()
            if vertexCut {
                w.key("cut_nodes")
                if let nodes = r.cutEntities { w.strings(nodes.map(id)) } else { w.null() }
                w.key("protected_excluded"); w.int(r.protectedExcluded)
            }
        }
    }

    /// `type,from,to,capacity,links` (type cut_tie or cut_node).
    public var csv: String {
        var out = CSVText.row(["type", "from", "to", "capacity", "links"])
        for c in result.cut { out += CSVText.row(["cut_tie", id(c.from), id(c.to), ResultText.exact(c.capacity), String(c.links.count)]) }
        for n in result.cutEntities ?? [] { out += CSVText.row(["cut_node", id(n), "", "", ""]) }
        return out
    }

    /// The value, the cut ties with their capacities and link kinds, and the vertex cut.
    public var table: String {
        let r = result
        var out = "maximum flow \(r.value.isFinite ? ResultText.short(r.value) : "unbounded")\n"
        let linkCount = r.cut.reduce(0) { $0 + $1.links.count }
        let capacityTotal = r.cut.reduce(0.0) { $0 + $1.capacity }
        out += "minimum cut: \(ResultText.counted(r.cut.count, "tie")) of capacity \(ResultText.short(capacityTotal)) in all, \(ResultText.counted(linkCount, "link")) behind them (from the sources' side → to the other side)\n"
        for c in r.cut {
            var kinds: [(String, Int)] = []
            for l in c.links {
                let k = dataset.links[l].kind.rawValue
                if let i = kinds.firstIndex(where: { $0.0 == k }) { kinds[i].1 += 1 } else { kinds.append((k, 1)) }
            }
            let behind = kinds.map { $0.1 == 1 ? $0.0 : "\($0.1) \($0.0)" }.joined(separator: ", ")
            out += "  " + ResultText.entity(dataset.entities[c.from]) + " → " + ResultText.entity(dataset.entities[c.to])
                + "  capacity \(ResultText.short(c.capacity))" + (behind.isEmpty ? "" : " (\(behind))") + "\n"
        }
        if vertexCut {
            if let nodes = r.cutEntities {
                out += "vertex cut: \(ResultText.counted(nodes.count, "entity", "entities"))\n"
                for n in nodes { out += "  " + ResultText.entity(dataset.entities[n]) + "\n" }
            } else {
                out += "vertex cut: none (a source touches a sink, or only protected persons stand between them)\n"
            }
            if r.protectedExcluded > 0 {
                out += "(\(r.protectedExcluded) protected person\(r.protectedExcluded == 1 ? " was" : "s were") never candidates: forced-criminality principle)\n"
            }
        }
        return out
    }
}
