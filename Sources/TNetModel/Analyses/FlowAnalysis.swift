import Foundation
import TNetGraph

/// What ``Dataset/flow(from:to:options:)`` found.
public struct FlowResult: Sendable {
    /// Maximum flow; `.infinity` when no finite cut exists.
    public var value: Double
    /// Minimum cut: ties as (from entity, to entity), sources' side first, with their capacity
    /// and the links behind; the capacities add up to ``value``.
    public var cut: [(from: Int, to: Int, capacity: Double, links: [Int])]
    /// Vertex cut: the fewest entities separating the sides (nil unless asked; empty when the
    /// sides are already apart). Nil with `vertexCut` also when no vertex cut exists.
    public var cutEntities: [Int]?
    /// Protected persons (victims, survivors, witnesses) that a vertex cut may not take.
    public var protectedExcluded: Int
    /// Every entity a vertex cut may not take: all that the ``TargetPolicy`` does not propose.
    public var uncuttable: Int
}

/// How ``Dataset/flow(from:to:options:)`` reads the network.
public struct FlowOptions: Sendable {
    /// Link attribute holding the capacity (`weight` is the link weight); missing values are 1.
    /// Nil: every link has capacity 1.
    public var capacity: String?
    /// Also find the fewest entities whose removal separates the sides.
    public var vertexCut = false
    /// Follow links either way.
    public var undirected = false
    /// How links between the same pair combine into one tie (its capacity: the combined
    /// capacities, or 1 without ``capacity``), as every other analysis reads the dataset.
    public var projection = ProjectionOptions()
    /// Capacity 1 per tie, links in their direction, no vertex cut.
    public init() {}
}

extension Dataset {
    /// Maximum flow and minimum cut from the `sources` to the `sinks` (entity ids or kinds), over
    /// the links in their direction (undirected links both ways), capacities from a link
    /// attribute or 1. With `vertexCut`, the fewest entities whose removal leaves no path, chosen
    /// among the ``TargetPolicy``'s candidates only (never a protected person, an authority or a
    /// place). NetworkX's `maximum_flow_value` and `minimum_cut` (and, for the vertex cut,
    /// `minimum_node_cut`) with a super-source and a super-sink joined to every source and sink.
    ///
    /// ```swift
    /// var options = FlowOptions()
    /// options.vertexCut = true
    /// let flow = try dataset.flow(from: ["country"], to: ["compound"], options: options)
    /// print(flow.value, flow.cutEntities?.map { dataset.entities[$0].id } ?? [])
    /// ```
    /// - Parameters:
    ///   - sources: entity ids or kinds on the sources' side.
    ///   - sinks: entity ids or kinds on the sinks' side.
    ///   - options: capacities, direction, how parallel links combine, whether to find a vertex cut.
    /// - Returns: the flow's value, the minimum cut with the links behind each tie, and the vertex
    ///   cut when asked for.
    /// - Throws: ``AnalysisError`` when an item names nothing, an entity is on both sides, or a
    ///   capacity is missing from every link, not a number, negative or not finite (or a weight of
    ///   0 read as a length).
    /// - Complexity: Dinic's algorithm, O(*n*² · *m*) in general and O(*m* · √*m*) with unit
    ///   capacities; the vertex cut runs it again on a split graph of 2*n* nodes.
    public func flow(from sources: [String], to sinks: [String], options: FlowOptions) throws(AnalysisError) -> FlowResult {
        let s = try select(sources, what: "sources"), t = try select(sinks, what: "sinks")
        if let both = Set(s).intersection(t).min() {
            throw .onBothSides(id: entities[both].id)
        }
        var capacity = [Double](repeating: 1, count: links.count)
        if let attribute = options.capacity {
            if attribute != "weight" && !links.contains(where: { $0.attributes[attribute] != nil }) {
                let names = Set(links.flatMap { $0.attributes.map(\.key) }).sorted()
                throw AnalysisError.unsupportedData("no link has a capacity attribute \"\(attribute)\"" + (names.isEmpty ? "" : " (link attributes: \(names.joined(separator: ", ")))"))
            }
            for i in links.indices {
                func at() -> String {
                    let link = links[i]
                    return locations?.link(i).map { "\($0): \(link.source) → \(link.target)" } ?? "link \(i + 1) (\(link.source) → \(link.target))"
                }
                let value: Double?
                if attribute == "weight" { value = weight(ofLink: i) } else {
                    switch links[i].attributes[attribute] {
                    case nil, .null?: value = nil
                    case let v?:
                        // A spreadsheet's untyped column holds numbers as text.
                        guard let number = v.number ?? v.string.flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) else {
                            throw AnalysisError.unsupportedData("\(at()): capacity \"\(attribute)\" is not a number: \(v.displayText)")
                        }
                        value = number
                    }
                }
                let c = value ?? 1
                guard c >= 0 && c.isFinite else {
                    throw AnalysisError.unsupportedData("\(at()): capacity \(c) must be finite and not negative")
                }
                if c == 0 && attribute == "weight" && options.projection.weightMeaning == .distance {
                    throw AnalysisError.unsupportedData("\(at()): weight 0 has no reciprocal (weights read as lengths give capacity 1/w)")
                }
                capacity[i] = c
            }
        }
        // One tie per pair, as every analysis reads the dataset: without a capacity each tie
        // carries 1 however many links it combines; with one, the links' capacities combined.
        let directedGraph = !options.undirected && hasDirectedLinks
        var from: [NodeIndex] = [], to: [NodeIndex] = [], weights: [Double] = []
        let direction = linkDirections()
        forEachResolvedLink { i, a, b in
            from.append(a); to.append(b); weights.append(capacity[i])
            if directedGraph && a != b && !direction(i) { from.append(b); to.append(a); weights.append(capacity[i]) }
        }
        var g = Graph(nodeCount: entities.count, directed: directedGraph, sources: from, targets: to,
                      weights: options.capacity == nil ? nil : weights, duplicates: options.projection.combine.policy)
        if options.capacity == "weight" && options.projection.weightMeaning == .distance { g = g.mappingWeights { 1 / $0 } }
        let result = g.maximumFlow(from: s.map { NodeIndex($0) }, to: t.map { NodeIndex($0) }, weighted: options.capacity != nil)
        // The links behind each cut tie, found in one pass over the links (the cut is small).
        var behind: [UInt64: [Int]] = [:]
        for e in result.edges { behind[StepIndex.key(Int(e.from), Int(e.to))] = [] }
        if !behind.isEmpty {
            forEachResolvedLink { i, a, b in
                let forward = StepIndex.key(Int(a), Int(b))
                if behind[forward] != nil { behind[forward]!.append(i) }
                if a != b && (!directedGraph || !direction(i)) {
                    let backward = StepIndex.key(Int(b), Int(a))
                    if behind[backward] != nil { behind[backward]!.append(i) }
                }
            }
        }
        let cut = result.edges.map { e in
            (Int(e.from), Int(e.to), g.tieWeight(e.from, e.to) ?? 0, behind[StepIndex.key(Int(e.from), Int(e.to))] ?? [])
        }
        // A vertex cut is a proposal to remove: only the target policy's candidates may be in it.
        let standings = targetStandings()
        let uncuttable = standings.map { !$0.isCandidate }
        var cutEntities: [Int]?
        if options.vertexCut {
            cutEntities = g.minimumVertexCut(from: s.map { NodeIndex($0) }, to: t.map { NodeIndex($0) }, uncuttable: uncuttable)?
                .map(Int.init).sorted { Self.precedes(entities[$0].id, entities[$1].id) }
        }
        return FlowResult(value: result.value, cut: cut, cutEntities: cutEntities,
                          protectedExcluded: standings.filter { $0 == .protectedPerson }.count,
                          uncuttable: uncuttable.filter { $0 }.count)
    }
}
