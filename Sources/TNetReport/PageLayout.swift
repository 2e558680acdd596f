import Foundation
import TNetModel
import TNetRender

/// The positions Graphviz gave a diagram, read from its `json0` output (libgvc's JSON without
/// drawing operations), so the explorable page draws the picture tnet's diagram draws.
///
/// Graphviz's coordinates are points with y growing upwards; ``init(json:dataset:)`` turns them
/// to y growing downwards (as SVG and the page draw), inside ``width`` × ``height``.
struct PageLayout: Sendable {
    struct Node: Sendable {
        /// Centre, points.
        var x, y: Double
        /// Size, points.
        var w, h: Double
        /// Graphviz's shape name (box, ellipse, diamond, hexagon…).
        var shape: String
        /// Fill colour as the DOT gave it.
        var fill: String
    }
    struct Edge: Sendable {
        /// The tie's links, dataset positions.
        var links: [Int]
        /// The spline's points, flattened x, y pairs: a start then groups of three (cubic Béziers).
        var points: [Double]
        /// Where the arrowhead ends (the head's border), when Graphviz drew one.
        var arrow: [Double]?
        var color: String
        var style: String
        var width: Double
    }
    struct Cluster: Sendable {
        var label: String
        /// x0, y0, x1, y1 (y downwards).
        var box: [Double]
    }

    var width = 0.0, height = 0.0
    /// By entity position; nil when Graphviz placed no node for it.
    var nodes: [Node?]
    /// By tie (``DOTWriter/ties(_:)``).
    var edges: [Edge] = []
    var clusters: [Cluster] = []

    /// Reads Graphviz's `json0` (or `json`) output of ``DOTWriter/write(_:options:)``'s DOT for
    /// `dataset`: nodes are named `n<position>`, and the *k*-th edge is the *k*-th
    /// ``DOTWriter/ties(_:)``.
    /// - Throws: ``LayoutReadError`` when the output is not what Graphviz writes.
    init(json: [UInt8], dataset d: Dataset) throws {
        nodes = [PageLayout.Node?](repeating: nil, count: d.entities.count)
        guard let root = try? JSONSerialization.jsonObject(with: Data(json)) as? [String: Any] else {
            throw LayoutReadError(message: "Graphviz's JSON layout could not be read")
        }
        func numbers(_ s: String) -> [Double] {
            s.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
        }
        guard let bb = (root["bb"] as? String).map(numbers), bb.count == 4 else {
            throw LayoutReadError(message: "Graphviz's JSON layout has no bounding box")
        }
        width = bb[2] - bb[0]
        height = bb[3] - bb[1]
        let top = bb[3], left = bb[0]
        func flip(_ p: [Double]) -> [Double] {
            var out = p
            var i = 0
            while i + 1 < out.count {
                out[i] = Self.round(out[i] - left)
                out[i + 1] = Self.round(top - out[i + 1])
                i += 2
            }
            return out
        }
        let objects = root["objects"] as? [[String: Any]] ?? []
        var entityOfGvid: [Int: Int] = [:]
        for o in objects {
            if let name = o["name"] as? String, name.hasPrefix("n"), let i = Int(name.dropFirst()), i >= 0, i < nodes.count,
               let pos = (o["pos"] as? String).map(numbers), pos.count == 2 {
                let p = flip(pos)
                let w = Double(o["width"] as? String ?? "") ?? 0.75, h = Double(o["height"] as? String ?? "") ?? 0.5
                nodes[i] = Node(x: p[0], y: p[1], w: Self.round(w * 72), h: Self.round(h * 72),
                                shape: o["shape"] as? String ?? "ellipse", fill: o["fillcolor"] as? String ?? "#dddddd")
                if let gvid = o["_gvid"] as? Int { entityOfGvid[gvid] = i }
            } else if let name = o["name"] as? String, name.hasPrefix("cluster"), let box = (o["bb"] as? String).map(numbers), box.count == 4 {
                let a = flip([box[0], box[3], box[2], box[1]])
                clusters.append(Cluster(label: o["label"] as? String ?? "", box: a))
            }
        }
        let ties = DOTWriter.ties(d)
        let edges = root["edges"] as? [[String: Any]] ?? []
        self.edges = ties.map { Edge(links: $0.links, points: [], arrow: nil, color: "#555555", style: "solid", width: 1) }
        guard edges.count == ties.count else {
            throw LayoutReadError(message: "Graphviz laid out \(edges.count) lines for \(ties.count) ties")
        }
        var seen = [Bool](repeating: false, count: ties.count)
        for e in edges {
            guard let id = e["id"] as? String, id.hasPrefix("tie"), let k = Int(id.dropFirst(3)), k >= 0, k < ties.count, !seen[k] else {
                throw LayoutReadError(message: "Graphviz laid out a line that is not one of the ties")
            }
            seen[k] = true
            let tie = ties[k]
            if let tail = e["tail"] as? Int, let head = e["head"] as? Int,
               entityOfGvid[tail] != Int(tie.s) || entityOfGvid[head] != Int(tie.t) {
                throw LayoutReadError(message: "Graphviz's line \(k) does not join its tie's entities")
            }
            var points: [Double] = []
            var arrow: [Double]?
            for part in (e["pos"] as? String ?? "").split(separator: " ") {
                if part.hasPrefix("e,") {
                    arrow = flip(numbers(String(part.dropFirst(2))))
                } else if part.hasPrefix("s,") {
                    continue
                } else {
                    points += numbers(String(part))
                }
            }
            let line = flip(points)
            self.edges[k] = Edge(links: tie.links, points: line, arrow: arrow, color: e["color"] as? String ?? "#555555",
                                   style: e["style"] as? String ?? "solid", width: Double(e["penwidth"] as? String ?? "") ?? 1)
        }
    }

    static func round(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}

/// Graphviz's layout output was not what tnet expects of it.
public struct LayoutReadError: Error, CustomStringConvertible, Sendable {
    /// What was wrong, in one line.
    public var message: String
    public var description: String { message }
}
