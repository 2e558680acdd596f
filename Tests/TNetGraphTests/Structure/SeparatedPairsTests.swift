import Testing
@testable import TNetGraph

/// `separatedPairs` against its definition: remove the node, recount the pairs connected before
/// and apart after (one components search per node).
@Suite struct SeparatedPairsTests {
    static func bruteForce(_ g: Graph, _ first: [Bool], _ second: [Bool], n: Int,
                           edges: [(NodeIndex, NodeIndex)]) -> [Int] {
        let before = g.connectedComponents().labels
        return (0 ..< n).map { v in
            let kept = edges.filter { Int($0.0) != v && Int($0.1) != v }
            let after = Graph(nodeCount: n, directed: false, sources: kept.map(\.0), targets: kept.map(\.1))
                .connectedComponents().labels
            var pairs = 0
            for a in 0 ..< n where first[a] && a != v {
                for b in 0 ..< n where second[b] && b != v && a != b {
                    if before[a] == before[b] && after[a] != after[b] { pairs += 1 }
                }
            }
            return pairs
        }
    }

    @Test func handWorkedPath() {
        // Path 0 - 1 - 2 - 3 and an isolated 4. first = {0, 3}, second = {2, 3, 4}.
        // Without 1: {0} | {2, 3}: pairs (0,2), (0,3) apart → 2. Without 2: {0,1} | {3}: (0,3)
        // apart; (3,·) pairs: 3 is in first, second {3} itself, no → 1. Without 0 or 3: nothing
        // left to separate among the rest (1-2-3 or 0-1-2 stay whole) → 0. 4 connects nothing.
        let g = Graph(nodeCount: 5, directed: false, sources: [0, 1, 2], targets: [1, 2, 3])
        let first = [true, false, false, true, false], second = [false, false, true, true, true]
        #expect(g.separatedPairs(first: first, second: second) == [0, 2, 1, 0, 0])
    }

    @Test func agreesWithRemovalOnRandomGraphs() {
        var rng = SplitMix64(seed: 5)
        for trial in 0 ..< 30 {
            let n = 5 + Int(rng.next() % 40)
            let m = Int(rng.next() % UInt64(2 * n))
            var edges: [(NodeIndex, NodeIndex)] = []
            for _ in 0 ..< m { edges.append((NodeIndex(rng.next() % UInt64(n)), NodeIndex(rng.next() % UInt64(n)))) }
            let first = (0 ..< n).map { _ in rng.next() % 3 == 0 }, second = (0 ..< n).map { _ in rng.next() % 2 == 0 }
            for directed in [false, true] {
                let g = Graph(nodeCount: n, directed: directed, sources: edges.map(\.0), targets: edges.map(\.1))
                let undirected = Graph(nodeCount: n, directed: false, sources: edges.map(\.0), targets: edges.map(\.1))
                #expect(g.separatedPairs(first: first, second: second)
                        == Self.bruteForce(undirected, first, second, n: n, edges: edges), "trial \(trial)")
            }
        }
    }
}
