/// The benchmark graphs of tnet and its peers (`Benchmarks/README.md`): undirected preferential
/// attachment by the Batagelj–Brandes edge-copy method ("Efficient generation of large random
/// networks", Phys. Rev. E 71, 2005), with a variable number of edge slots per node, driven by
/// one counter-based SplitMix64 stream so that any language can reproduce the files byte for
/// byte. Self-loops and duplicate edges are dropped; edges come sorted by (min, max).
public struct BenchmarkGraph: Sendable {
    /// The four sizes, with their node counts and seeds.
    public enum Size: String, CaseIterable, Sendable {
        /// 1,000 nodes, seed 1001.
        case small
        /// 20,000 nodes, seed 1002.
        case medium
        /// 200,000 nodes, seed 1003.
        case large
        /// 1,000,000 nodes, seed 1004.
        case xl

        /// Number of nodes of the size.
        public var nodes: Int {
            switch self { case .small: 1000; case .medium: 20000; case .large: 200_000; case .xl: 1_000_000 }
        }
        /// Seed of the size's SplitMix64 stream.
        public var seed: UInt64 {
            switch self { case .small: 1001; case .medium: 1002; case .large: 1003; case .xl: 1004 }
        }
    }

    /// Number of nodes, isolated ones included.
    public let nodeCount: Int
    /// First end of each edge: `sources[j] < targets[j]`, edges ascending by (source, target).
    public let sources: [NodeIndex]
    /// Second end of each edge.
    public let targets: [NodeIndex]
    /// Weight of edge j as an integer q in 10000 ... 100000; the weight is q / 10000.
    public let weightUnits: [Int32]

    /// The benchmark graph of a size.
    ///
    /// - Parameter size: one of the four sizes of `Benchmarks/README.md`.
    /// - Complexity: O(n + m log m) (the edges are sorted).
    public init(_ size: Size) { self.init(nodes: size.nodes, seed: size.seed) }

    /// A graph made by the benchmark method with any node count and seed.
    ///
    /// - Parameters:
    ///   - n: number of nodes.
    ///   - seed: seed of the SplitMix64 stream.
    /// - Complexity: O(n + m log m) time, O(n + m) memory.
    public init(nodes n: Int, seed: UInt64) {
        let mix = SplitMix64.mix
        // 1. Slots per node, owned in node order.
        var owners: [Int32] = []
        owners.reserveCapacity(n * 5)
        for v in 0 ..< n {
            let x = mix(seed &+ 3, UInt64(v)) % 100
            let slots = v == 0 ? 5 : (x < 1 ? 0 : 1 + Int(x % 9))
            for _ in 0 ..< slots { owners.append(Int32(v)) }
        }
        // 2. Edge copying: slot k's second end copies a uniformly chosen earlier end.
        let k = owners.count
        var ends = [Int32](repeating: 0, count: 2 * k)
        for i in 0 ..< k {
            let r = Int(mix(seed, UInt64(i)) % UInt64(2 * i + 1))
            ends[2 * i] = owners[i]
            ends[2 * i + 1] = ends[r]
        }
        // 3. Undirected simple edges, sorted.
        var keys: [UInt64] = []
        keys.reserveCapacity(k)
        for i in 0 ..< k {
            let a = ends[2 * i], b = ends[2 * i + 1]
            if a == b { continue }
            keys.append(UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b))))
        }
        keys.sort()
        var src: [NodeIndex] = [], dst: [NodeIndex] = [], units: [Int32] = []
        src.reserveCapacity(keys.count); dst.reserveCapacity(keys.count); units.reserveCapacity(keys.count)
        var previous = UInt64.max
        for key in keys where key != previous {
            previous = key
            // 4. Weight of the j-th edge.
            units.append(Int32(10000 + mix(seed &+ 1, UInt64(src.count)) % 90001))
            src.append(NodeIndex(key >> 32))
            dst.append(NodeIndex(key & 0xFFFF_FFFF))
        }
        nodeCount = n
        sources = src
        targets = dst
        weightUnits = units
    }

    /// Number of edges.
    public var edgeCount: Int { sources.count }

    /// The edge-list file: `src dst weight` per line, weight with exactly four decimals.
    ///
    /// - Returns: the file's bytes (ASCII, `\n` line ends, no header).
    /// - Complexity: O(m).
    public func edgeListBytes() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(edgeCount * 20)
        var digits = [UInt8](repeating: 0, count: 20)
        func append(_ value: Int) {
            var v = value, i = 0
            repeat { digits[i] = UInt8(48 + v % 10); v /= 10; i += 1 } while v > 0
            while i > 0 { i -= 1; out.append(digits[i]) }
        }
        for j in 0 ..< edgeCount {
            append(Int(sources[j])); out.append(0x20)
            append(Int(targets[j])); out.append(0x20)
            let q = Int(weightUnits[j])
            append(q / 10000); out.append(0x2E)
            let frac = q % 10000
            out.append(UInt8(48 + frac / 1000)); out.append(UInt8(48 + frac / 100 % 10))
            out.append(UInt8(48 + frac / 10 % 10)); out.append(UInt8(48 + frac % 10))
            out.append(0x0A)
        }
        return out
    }

    /// The graph itself (undirected; weighted by `q / 10000` when `weighted`), with node count n
    /// (isolated nodes included, unlike the file).
    ///
    /// - Parameter weighted: give the edges their weights.
    /// - Returns: the graph.
    /// - Complexity: O(n + m).
    public func graph(weighted: Bool) -> Graph {
        Graph(nodeCount: nodeCount, directed: false, sources: sources, targets: targets,
              weights: weighted ? weightUnits.map { Double($0) / 10000 } : nil)
    }
}
