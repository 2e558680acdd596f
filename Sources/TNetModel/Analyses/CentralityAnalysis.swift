import TNetGraph

/// A centrality measure ``Dataset/centrality(_:options:)`` can compute. The raw value is the
/// measure's name in outputs (a column, a JSON key).
///
/// Complexities are for *n* entities and *m* links (ties after projection); each measure's
/// kernel is TNetGraph's, and the projection itself costs O(*n* + *m*).
public enum CentralityMeasure: String, CaseIterable, Sendable, Hashable {
    /// Links per entity (in + out when directed), divided by *n* − 1 when normalised (NetworkX's
    /// `degree_centrality`). O(*n* + *m*).
    case degree
    /// Incoming links, divided by *n* − 1 when normalised (NetworkX's `in_degree_centrality`).
    /// O(*n* + *m*).
    case inDegree = "in-degree"
    /// Outgoing links, divided by *n* − 1 when normalised (NetworkX's `out_degree_centrality`).
    /// O(*n* + *m*).
    case outDegree = "out-degree"
    /// The sum of the weights of an entity's ties, in + out when directed (NetworkX's
    /// `G.degree(weight="weight")`); the degree when unweighted. O(*n* + *m*).
    case strength
    /// Share of shortest paths between other pairs that pass through the entity (Brandes 2001;
    /// NetworkX's `betweenness_centrality`). O(*n* · *m*) unweighted, O(*n* · *m* + *n*² log *n*)
    /// weighted.
    case betweenness
    /// Share of shortest paths that walk each tie, one row per linked pair (NetworkX's
    /// `edge_betweenness_centrality`). O(*n* · *m*) unweighted, O(*n* · *m* + *n*² log *n*) weighted.
    case edgeBetweenness = "edge-betweenness"
    /// Betweenness estimated from sampled shortest paths (Riondato–Kornaropoulos), within
    /// ``CentralityAnalysisOptions/epsilon`` of the exact value with probability at least
    /// 1 − ``CentralityAnalysisOptions/delta``. O(*r* · (*n* + *m*)) for *r* ≈ (0.5/ε²)(log₂ of the
    /// vertex diameter + ln(1/δ)) sampled paths, each search usually touching a small part of the graph.
    case approxBetweenness = "approx-betweenness"
    /// Inverse mean distance to the entities reached, Wasserman–Faust corrected (NetworkX's
    /// `closeness_centrality`). O(*n* · (*n* + *m*)) unweighted, O(*n* · (*n* + *m*) log *n*) weighted.
    case closeness
    /// Sum of inverse distances to every other entity (NetworkX's `harmonic_centrality`).
    /// O(*n* · (*n* + *m*)) unweighted, O(*n* · (*n* + *m*) log *n*) weighted.
    case harmonic
    /// Principal eigenvector of the adjacency matrix by power iteration (NetworkX's
    /// `eigenvector_centrality`). O(*m*) per iteration.
    case eigenvector
    /// PageRank with damping ``CentralityAnalysisOptions/damping`` (NetworkX's `pagerank`).
    /// O(*n* + *m*) per iteration.
    case pagerank
    /// Katz centrality with attenuation ``CentralityAnalysisOptions/katzAlpha`` (NetworkX's
    /// `katz_centrality`). O(*m*) per iteration.
    case katz
    /// HITS hub scores: who points to good authorities (NetworkX's `hits`, first result).
    /// O(*m*) per iteration.
    case hubs
    /// HITS authority scores: who is pointed to by good hubs (NetworkX's `hits`, second
    /// result). O(*m*) per iteration.
    case authorities
    /// Core number: the largest k of a k-core that holds the entity (NetworkX's `core_number`;
    /// undefined with self-loops). O(*n* + *m*).
    case core
    /// Burt's constraint: how much an entity's ties lead to one another, lower for a broker
    /// across structural holes (NetworkX's `constraint`). O(Σ degree²).
    case constraint
    /// Burt's effective size: non-redundant contacts (NetworkX's `effective_size`). O(Σ degree²).
    case effectiveSize = "effective-size"
    /// Gould–Fernandez brokerage over the groups of ``CentralityAnalysisOptions/partition``: a
    /// total column and one per ``BrokerageRole``. O(Σ in-degree · out-degree · log degree).
    case brokerage

    /// Column names this measure fills (brokerage: the total, then one column per role).
    public var columns: [String] {
        switch self {
        case .brokerage: return ["brokerage"] + BrokerageRole.allCases.map { "brokerage-\($0.rawValue)" }
        default: return [rawValue]
        }
    }

    /// Whether values are per link (edge betweenness) rather than per entity.
    public var isPerLink: Bool { self == .edgeBetweenness }

    /// Whether the measure reads a weight as a length (shortest paths) or as a strength.
    public var weightUse: WeightUse {
        switch self {
        case .betweenness, .edgeBetweenness, .approxBetweenness, .closeness, .harmonic: return .distance
        default: return .strength
        }
    }
}

/// Gould and Fernandez's five brokerage roles, in output order. For a path a → b → c where b
/// brokers, by the groups of a, b and c:
public enum BrokerageRole: String, CaseIterable, Sendable {
    /// All three in one group: b mediates within its own group.
    case coordinator
    /// a and c in one group, b in another: b is an outside go-between.
    case itinerant
    /// b in a's group, c in another: b speaks for its group to the outside.
    case representative
    /// b in c's group, a in another: b controls what enters its group.
    case gatekeeper
    /// All three in different groups: b links two groups it does not belong to.
    case liaison
}

/// How ``Dataset/centrality(_:options:)`` computes: NetworkX's defaults unless changed.
public struct CentralityAnalysisOptions: Sendable {
    /// How the dataset becomes a graph: direction, weights, how parallel links combine and what
    /// a weight means (path measures read lengths, the others strengths).
    public var projection = ProjectionOptions()
    /// Use link weights, each measure as NetworkX does with `weight="weight"` (shorthand for
    /// `projection.weighted`).
    public var weighted: Bool {
        get { projection.weighted }
        set { projection.weighted = newValue }
    }
    /// NetworkX's default normalisation; `false` gives raw values where a measure has them
    /// (degree family: counts; betweenness: pair sums; Katz: unscaled; HITS: max-scaled).
    public var normalized = true
    /// Threads the path measures (betweenness, closeness, harmonic, edge and approximate
    /// betweenness) and core numbers may use; the values do not depend on it.
    public var threads = 1
    /// NetworkX's `tol` of PageRank, eigenvector and Katz centrality (stop when the L1 change
    /// of an iteration is below n·tol).
    public var tolerance = 1e-6
    /// Iteration limit of PageRank, eigenvector, Katz and HITS; nil: NetworkX's default for each
    /// (PageRank and eigenvector 100, Katz 1000, HITS 100 restarts).
    public var maxIterations: Int? = nil
    /// PageRank's damping factor α (NetworkX's `alpha`).
    public var damping = 0.85
    /// Katz's attenuation α (NetworkX's `alpha`; must be below 1/λmax for the iteration to
    /// converge).
    public var katzAlpha = 0.1
    /// Katz's constant β, the centrality every entity receives before counting walks
    /// (NetworkX's `beta`).
    public var katzBeta = 1.0
    /// PageRank's teleport set: rows (node indices) that share the restart probability equally
    /// (NetworkX's `personalization` with weight 1 each); nil: every node.
    public var personalization: [Int]? = nil
    /// Approximate betweenness: the additive error bound ε every value keeps to.
    public var epsilon = 0.01
    /// Approximate betweenness: the probability δ that some value misses the bound ``epsilon``.
    public var delta = 0.1
    /// Approximate betweenness: the seed of the path sampler (the same seed gives the same values).
    public var seed: UInt64 = 0
    /// What partitions entities into groups for brokerage: `kind`, `country`, `role`, or an
    /// attribute name. Entities without a value form one group, "(none)".
    public var partition = "kind"
    /// Called with a label and a fraction done during long measures.
    public var progress: (@Sendable (String, Double) -> Void)?

    /// NetworkX's defaults: unweighted, normalised, one thread, brokerage by kind.
    public init() {}
}

/// A measure that could not be computed on this graph.
public struct CentralityError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, in one line, naming the measure.
    public let description: String
    /// An error with this message.
    /// - Parameter description: one line naming the measure and what went wrong.
    public init(_ description: String) { self.description = description }
}

/// Centrality values of every entity (or, for edge betweenness, every linked pair).
public struct CentralityTable: Sendable {
    /// Column names, in the order asked for.
    public var columns: [String]
    /// `values[c][row]`.
    public var values: [[Double]]
    /// Row keys: entity indices, or for per-link tables the (source, target) entity indices.
    public var rows: [(source: Int, target: Int?)]
    /// Notes worth showing with the result (sample size and error bound of approximations).
    public var notes: [String]
    /// The bound approx-betweenness holds every value within, all together, when it drew a
    /// sample; nil when it was not asked for or was computed exactly.
    public var approxBetweennessBound: Double? = nil
    /// The first note of a measure that was not computed ("katz: not computed: …"), the one
    /// place that marker is read; nil when every measure was.
    public var failure: String? { notes.first { $0.contains(Self.notComputed) } }
    /// The words a note of a measure that was not computed holds, after the measure's name.
    public static let notComputed = ": not computed: "

    /// Whether rows are linked pairs (edge betweenness) rather than entities.
    public var isPerLink: Bool { rows.first?.target != nil }

    /// The column rows are sorted by: the first with a value (a measure that was not computed
    /// is all NaN, and ordering by it would rank rows by id alone); nil when none has one.
    public var sortColumn: Int? { values.firstIndex { $0.contains { !$0.isNaN } } }

    /// Row order: by ``sortColumn`` descending (NaN last, −0 equal to 0), then by id (source,
    /// then target) in Unicode code point order (the order of their UTF-8 bytes, as `LC_ALL=C
    /// sort` has it), then by row.
    /// - Parameter ids: the id of the entity (or node) at a row key.
    /// - Returns: row indices in printing order.
    /// - Complexity: O(*r* log *r*) for *r* rows; ids are compared in full only where the value
    ///   and their first eight bytes tie.
    public func sortedRows(ids: (Int) -> String) -> [Int] {
        let first = sortColumn.map { values[$0] } ?? []
        // Packed keys, computed once, so that most comparisons are two integer comparisons: the
        // value mapped to an integer that orders as the value does, descending, and the first
        // eight bytes of the id, big-endian; the ids in full only where those tie.
        struct Key { var value: UInt64; var prefix: UInt64; var row: Int32 }
        let sourceIDs = rows.map { ids($0.source) }
        let targetIDs = isPerLink ? rows.map { ids($0.target!) } : []
        var keys = rows.indices.map { r in
            Key(value: first.isEmpty ? 0 : Self.descendingKey(first[r]), prefix: Self.prefixKey(sourceIDs[r]), row: Int32(r))
        }
        keys.sort { a, b in
            if a.value != b.value { return a.value < b.value }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            let p = Int(a.row), q = Int(b.row)
            if let order = Self.compareBytes(sourceIDs[p], sourceIDs[q]) { return order }
            if !targetIDs.isEmpty, let order = Self.compareBytes(targetIDs[p], targetIDs[q]) { return order }
            return p < q
        }
        return keys.map { Int($0.row) }
    }

    /// An integer that sorts as `x` does in descending order; NaN last, −0 as 0.
    static func descendingKey(_ x: Double) -> UInt64 {
        if x.isNaN { return .max }
        let bits = (x == 0 ? 0.0 : x).bitPattern
        let ascending = bits >> 63 == 1 ? ~bits : bits | 1 << 63
        return ~ascending
    }

    /// The first eight UTF-8 bytes of `s`, big-endian, zero-padded.
    static func prefixKey(_ s: String) -> UInt64 {
        var key: UInt64 = 0, count = 0
        for b in s.utf8.prefix(8) {
            key = key << 8 | UInt64(b)
            count += 1
        }
        return key << (8 * UInt64(8 - count))
    }

    /// Whether `a` precedes `b` in UTF-8 byte order; nil when their bytes are equal.
    static func compareBytes(_ a: String, _ b: String) -> Bool? {
        var i = a.utf8.makeIterator(), j = b.utf8.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return nil
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): if x != y { return x < y }
            }
        }
    }
}

extension Dataset {
    /// Computes `measures` on the dataset's graph (``graph(_:)``, direction from the link kinds),
    /// one column per measure (brokerage: six). Edge betweenness is per link and cannot be mixed
    /// with per-entity measures. Path measures read weights as lengths, the others as strengths
    /// (``CentralityMeasure/weightUse``); each projection is built once. A measure that fails
    /// (no convergence, a zero-length tie, self-loops for core numbers) leaves a NaN column and a
    /// note in ``CentralityTable/notes``; the others are computed. For one measure as values by
    /// id, ``scores(_:options:)`` or the shorthands (``betweenness(weighted:)``…) are simpler.
    ///
    /// ```swift
    /// var options = CentralityAnalysisOptions()
    /// options.weighted = true
    /// let table = try dataset.centrality([.betweenness, .pagerank], options: options)
    /// for r in table.sortedRows(ids: { dataset.entities[$0].id }).prefix(5) {
    ///     print(dataset.entities[table.rows[r].source].id, table.values[0][r], table.values[1][r])
    /// }
    /// ```
    /// - Parameters:
    ///   - measures: the measures, one or more columns each, in this order.
    ///   - options: projection, weights, normalisation, iteration limits, threads.
    /// - Returns: one row per entity (per linked pair for edge betweenness), in entity order.
    /// - Throws: ``CentralityError`` when a weight cannot be used (negative, not finite, a tie
    ///   of weight 0 to invert), edge betweenness is mixed with other measures, or the brokerage
    ///   partition gives no entity a group.
    /// - Complexity: the sum of the measures' (``CentralityMeasure``); betweenness, closeness and
    ///   harmonic, O(*n* · (*n* + *m*)), dominate.
    public func centrality(_ measures: [CentralityMeasure], options: CentralityAnalysisOptions = CentralityAnalysisOptions()) throws(CentralityError) -> CentralityTable {
        for use in Set(measures.map(\.weightUse)) {
            do { try checkWeights(options.projection.using(use)) } catch { throw CentralityError(error.description) }
        }
        var graphs: [WeightUse: Graph] = [:]
        let graphFor = { (use: WeightUse) -> Graph in
            if let g = graphs[use] { return g }
            let g = self.graph(options.projection.using(use))
            graphs[use] = g
            return g
        }
        var table = try CentralityTable.compute(measures, on: graphFor, options: options) { () throws(CentralityError) in
            let (groups, missing) = brokerageGroups(options.partition)
            if missing == entities.count {
                throw CentralityError("brokerage: no entity has a value for the partition \"\(options.partition)\"")
            }
            let note = missing > 0 ? "brokerage: \(missing) entities without \(options.partition) form one group, \"(none)\"" : nil
            return (groups, note)
        }
        let shown = graphFor(measures.first?.weightUse ?? .strength)
        table.notes.insert(options.projection.using(measures.first?.weightUse ?? .strength).describe(shown, links: resolvedLinkCount), at: 0)
        return table
    }

    /// Group index of every entity by `partition`, and how many entities had no value.
    func brokerageGroups(_ partition: String) -> (groups: [Int32], missing: Int) {
        var ids: [String: Int32] = [:]
        var missing = 0
        let groups = entities.map { e -> Int32 in
            let key: String?
            switch partition {
            case "kind": key = e.kind.rawValue
            case "country": key = e.country
            case "role": key = e.role?.rawValue
            default: key = e.attributes[partition]?.displayText
            }
            if key == nil { missing += 1 }
            let k = key.map { "v:" + $0 } ?? "none"
            if let i = ids[k] { return i }
            let i = Int32(ids.count)
            ids[k] = i
            return i
        }
        return (groups, missing)
    }
}

extension CentralityTable {
    /// Computes `measures` on a graph whose nodes are the rows (a plain edge list's graph, built
    /// without a dataset). `groups` gives the brokerage partition (and a note about it) when
    /// brokerage is asked for. A graph to invert (weights as strengths read by path measures) is
    /// derived once.
    /// - Parameters:
    ///   - measures: the measures, in column order.
    ///   - g: the graph, weights as stored.
    ///   - options: weights, normalisation, iteration limits, threads.
    ///   - groups: called only for brokerage: each node's group and an optional note.
    /// - Returns: the table, one row per node.
    /// - Throws: ``CentralityError`` when edge betweenness is mixed with other measures, or as
    ///   `groups` throws.
    /// - Complexity: the measures' (``CentralityMeasure``).
    public static func compute(_ measures: [CentralityMeasure], on g: Graph, options: CentralityAnalysisOptions,
                               groups: () throws(CentralityError) -> ([Int32], String?)) throws(CentralityError) -> CentralityTable {
        var inverted: Graph?
        return try compute(measures, on: { use in
            guard options.projection.using(use).inverts else { return g }
            if inverted == nil { inverted = g.mappingWeights { 1 / $0 } }
            return inverted!
        }, options: options, groups: groups)
    }

    /// Computes `measures` on the graph each needs: `graph(.distance)` for path measures,
    /// `graph(.strength)` for the others. A measure that fails (an iteration that does not
    /// converge, an undefined value) leaves its column NaN and says why in ``notes``; the
    /// others are computed.
    /// - Parameters:
    ///   - measures: the measures, in column order.
    ///   - graph: the graph for a ``WeightUse`` (called once per measure; cache what is costly).
    ///   - options: weights, normalisation, iteration limits, threads, progress.
    ///   - groups: called only for brokerage: each node's group and an optional note.
    /// - Returns: the table, one row per node (per edge for edge betweenness).
    /// - Throws: ``CentralityError`` when edge betweenness is mixed with other measures or has a
    ///   tie of length 0, or as `groups` throws.
    /// - Complexity: the measures' (``CentralityMeasure``).
    public static func compute(_ measures: [CentralityMeasure], on graph: (WeightUse) -> Graph, options: CentralityAnalysisOptions,
                               groups: () throws(CentralityError) -> ([Int32], String?)) throws(CentralityError) -> CentralityTable {
        let perLink = measures.filter(\.isPerLink)
        if !perLink.isEmpty && perLink.count != measures.count {
            throw CentralityError("edge-betweenness is computed per link: ask for it on its own")
        }
        let w = options.weighted, norm = options.normalized, threads = options.threads
        func progress(_ label: String) -> ProgressHandler? {
            guard let p = options.progress else { return nil }
            return { fraction in p(label, fraction) }
        }
        // Brandes's counting of shortest paths (NetworkX's too) miscounts them across ties of
        // length 0: such a measure is refused rather than given wrong.
        func zeroLength(_ g: Graph) -> String? {
            guard w else { return nil }
            var zero: (NodeIndex, NodeIndex)?
            g.forEachEdge { _, u, v, x in if x == 0 && zero == nil { zero = (u, v) } }
            return zero.map { "a tie of length 0 (between rows \($0.0) and \($0.1)) makes shortest-path counts undefined; give it a positive length, or read weights as strengths" }
        }
        if !perLink.isEmpty {
            let g = graph(.distance)
            if let why = zeroLength(g) { throw CentralityError("edge-betweenness: \(why)") }
            let values = g.edgeBetweennessCentrality(BetweennessOptions(weighted: w, normalized: norm), threads: threads,
                                                     progress: progress("edge-betweenness"))
            var rows: [(source: Int, target: Int?)] = [], column: [Double] = []
            g.forEachEdge { e, u, v, _ in
                rows.append((Int(u), Int(v)))
                column.append(values[Int(e)])
            }
            return CentralityTable(columns: ["edge-betweenness"], values: [column], rows: rows, notes: [])
        }
        var columns: [String] = [], values: [[Double]] = [], notes: [String] = []
        var approxBound: Double?
        let nodeCount = graph(.strength).nodeCount
        func counts(_ c: [Int], scaled: [Double]) -> [Double] { norm ? scaled : c.map(Double.init) }
        // A measure that fails leaves NaN and a note; the others still print.
        func failed(_ m: CentralityMeasure, _ why: String) {
            notes.append(m.rawValue + CentralityTable.notComputed + why)
            values.append([Double](repeating: .nan, count: nodeCount))
        }
        let iterations = options.maxIterations
        // What to do: only a measure that ran out of iterations is helped by more of them.
        func advice(_ error: any Error) -> String {
            (error as? PowerIterationError)?.reason == nil ? "\(error); raise the iteration limit or the tolerance" : "\(error)"
        }
        var hits: Result<HITSScores, PowerIterationError>?
        for m in measures {
            columns += m.columns
            let g = graph(m.weightUse)
            switch m {
            case .degree: values.append(counts(g.degrees(), scaled: g.degreeCentrality()))
            case .inDegree: values.append(counts(g.inDegrees(), scaled: g.inDegreeCentrality()))
            case .outDegree: values.append(counts(g.outDegrees(), scaled: g.outDegreeCentrality()))
            case .strength: values.append(g.strengths())
            case .betweenness:
                if let why = zeroLength(g) { failed(m, why); continue }
                values.append(g.betweennessCentrality(BetweennessOptions(weighted: w, normalized: norm), threads: threads,
                                                      progress: progress("betweenness")))
            case .approxBetweenness:
                if let why = zeroLength(g) { failed(m, why); continue }
                let r = g.approximateBetweenness(ApproximateBetweennessOptions(epsilon: options.epsilon, delta: options.delta,
                                                                               seed: options.seed, weighted: w, normalized: norm),
                                                 threads: threads, progress: progress("approx-betweenness"))
                values.append(r.values)
                let n = g.nodeCount
                if n >= 3 && !r.isExact { approxBound = r.errorBound }
                notes.append(n < 3 ? "approx-betweenness: exact (fewer than 3 entities: every value is 0)"
                    : r.isExact
                    ? "approx-betweenness: computed exactly (Brandes): ε \(RemovalAccuracy.number(options.epsilon)) with δ \(options.delta) would have drawn \(r.samples) pairs, more than the \(n * (n - 1)) ordered pairs the network has"
                    : "approx-betweenness: \(r.samples) sampled paths (vertex diameter ≤ \(r.vertexDiameterBound)); every value within \(RemovalAccuracy.number(r.errorBound)) of the exact one with probability ≥ \(RemovalAccuracy.complement(options.delta)), all together, so two entities are ranked apart by the sample only when their values differ by more than \(RemovalAccuracy.number(2 * r.errorBound)); closer values are listed in the order of their estimates")
            case .edgeBetweenness: break
            case .closeness: values.append(g.closenessCentrality(weighted: w, threads: threads, progress: progress("closeness")))
            case .harmonic: values.append(g.harmonicCentrality(weighted: w, threads: threads, progress: progress("harmonic")))
            case .eigenvector:
                do { values.append(try g.eigenvectorCentrality(weighted: w, tolerance: options.tolerance, maxIterations: iterations ?? 100)) } catch {
                    failed(m, advice(error))
                }
            case .pagerank:
                var teleport: [Double]? = nil
                if let rows = options.personalization {
                    var p = [Double](repeating: 0, count: g.nodeCount)
                    for r in rows { p[r] = 1 }
                    teleport = p
                }
                var o = PageRankOptions(damping: options.damping, tolerance: options.tolerance, weighted: w, personalization: teleport)
                if let iterations { o.maxIterations = iterations }
                do { values.append(try g.pageRank(o, threads: threads)) } catch {
                    failed(m, advice(error))
                }
            case .katz:
                let o = KatzOptions(alpha: options.katzAlpha, beta: options.katzBeta, tolerance: options.tolerance,
                                    maxIterations: iterations ?? 1000, normalized: norm, weighted: w)
                do { values.append(try g.katzCentrality(o)) } catch {
                    failed(m, g.katzDiagnosis(o, error))
                }
            case .hubs, .authorities:
                if hits == nil { hits = Result { () throws(PowerIterationError) in try g.hits(weighted: w, maxIterations: iterations ?? 100, normalized: norm) } }
                switch hits! {
                case .success(let scores): values.append(m == .hubs ? scores.hubs : scores.authorities)
                case .failure(let error): failed(m, advice(error))
                }
            case .core:
                guard let core = g.coreNumbers(threads: threads) else {
                    failed(m, "the graph has self-loops (k-cores are undefined with them, as in NetworkX); drop them or filter the links")
                    continue
                }
                values.append(core.map(Double.init))
            case .constraint: values.append(g.constraint(weighted: w))
            case .effectiveSize: values.append(g.effectiveSize(weighted: w))
            case .brokerage:
                let (partition, note) = try groups()
                if let note { notes.append(note) }
                let b = g.brokerage(groups: partition)
                values.append(b.map { Double($0.total) })
                values.append(b.map { Double($0.coordinator) })
                values.append(b.map { Double($0.itinerant) })
                values.append(b.map { Double($0.representative) })
                values.append(b.map { Double($0.gatekeeper) })
                values.append(b.map { Double($0.liaison) })
            }
        }
        var table = CentralityTable(columns: columns, values: values, rows: (0 ..< nodeCount).map { ($0, nil) }, notes: notes,
                                    approxBetweennessBound: approxBound)
        // Said, not done silently: rows ranked by a later column than the one asked first.
        if nodeCount > 0, table.sortColumn != 0 {
            let empty = columns.prefix(table.sortColumn ?? columns.count).joined(separator: ", ")
            table.notes.append(table.sortColumn.map { "rows sorted by \(columns[$0]), the first measure with values (\(empty) \($0 == 1 ? "has" : "have") none)" }
                               ?? "rows in id order: no measure has values")
        }
        return table
    }
}
