import PropertyBased
import Testing
@testable import TNetGraph

/// Core numbers by the definition, independently of the peel: the k-core is what remains after
/// deleting, again and again, every node with fewer than k remaining neighbours (counting each
/// parallel edge, in + out when directed); a node's core number is the largest k whose k-core
/// holds it. Quadratic and more, for small graphs only.
private func coreNumbersByDefinition(_ g: Graph) -> [Int] {
    let n = g.nodeCount
    var ends: [[Int]] = Array(repeating: [], count: n)
    for u in 0 ..< n {
        for v in g.outgoing.neighbors(of: NodeIndex(u)) { ends[u].append(Int(v)) }
        if g.isDirected { for v in g.incoming.neighbors(of: NodeIndex(u)) { ends[u].append(Int(v)) } }
    }
    var core = [Int](repeating: 0, count: n)
    var k = 1
    while true {
        var inCore = [Bool](repeating: true, count: n)
        var changed = true
        while changed {
            changed = false
            for u in 0 ..< n where inCore[u] && ends[u].filter({ inCore[$0] }).count < k {
                inCore[u] = false
                changed = true
            }
        }
        guard inCore.contains(true) else { return core }
        for u in 0 ..< n where inCore[u] { core[u] = k }
        k += 1
    }
}

@Suite struct CoreNumberTests {
    /// Random graphs, directed or not, with parallel edges and no self-loops (which core numbers
    /// refuse), some dense enough for many distinct levels: every peel path agrees with the
    /// definition.
    @Test func peelMatchesTheDefinition() async {
        await propertyCheck(count: 150, input: Gen<UInt64>.value(in: 0 ... UInt64.max), Gen.int(in: 1 ... 60)) { seed, n in
            var rng = SplitMix64(seed: seed)
            let directed = rng.below(2) == 0
            var b = GraphBuilder(directed: directed, nodeCount: n)
            let edges = rng.below(n * (1 + rng.below(8)) + 1)
            for _ in 0 ..< edges {
                let u = rng.below(n), v = rng.below(n)
                if u != v { b.addEdge(NodeIndex(u), NodeIndex(v)) }
            }
            let g = b.build(duplicates: rng.below(2) == 0 ? .keepAll : .keepLast)
            let expected = coreNumbersByDefinition(g)
            #expect(g.coreNumbers() == expected)
            for factor in [0.0, 0.1, 1.0] {
                for threads in [2, 4] {
                    let settings = CorePeeling.Settings(scanBudgetFactor: factor, minimumNodesPerThread: 1)
                    #expect(g.coreNumbers(threads: threads, peeling: settings) == expected, "budget \(factor), \(threads) threads")
                }
            }
        }
    }

    /// A chain of a million nodes (core number 1 everywhere) peels without recursion on two
    /// threads; a graph with many distinct core numbers goes through both methods and the
    /// switch from one to the other.
    @Test func largeChainAndManyLevels() {
        var chain = GraphBuilder(directed: false, nodeCount: 1_000_000)
        for i in 0 ..< 999_999 { chain.addEdge(NodeIndex(i), NodeIndex(i + 1)) }
        let c = chain.build()
        #expect(c.coreNumbers(threads: 2)?.allSatisfy { $0 == 1 } == true)

        // Node i is joined to every j in i/2 ..< i: degrees, and core numbers, grow with i.
        var b = GraphBuilder(directed: false, nodeCount: 120)
        for i in 0 ..< 120 { for j in i / 2 ..< i { b.addEdge(NodeIndex(i), NodeIndex(j)) } }
        let g = b.build()
        let expected = coreNumbersByDefinition(g)
        #expect(Set(expected).count > 10)
        for threads in [1, 2] {
            #expect(g.coreNumbers(threads: threads, peeling: CorePeeling.Settings(scanBudgetFactor: 0.02, minimumNodesPerThread: 1)) == expected)
            #expect(g.coreNumbers(threads: threads, peeling: CorePeeling.Settings(minimumNodesPerThread: 1)) == expected)
        }
    }
}
