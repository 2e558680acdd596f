import Testing
import TNetGraph

@Suite struct ConnectedComponentsTests {
    /// Two triangles and an isolated node: 3 components, sizes 3, 3, 1, numbered by smallest node.
    @Test func smallCase() {
        let g = Graph(nodeCount: 7, directed: false, sources: [0, 1, 2, 4, 5, 6], targets: [1, 2, 0, 5, 6, 4])
        let c = g.connectedComponents()
        #expect(c.count == 3)
        #expect(c.labels == [0, 0, 0, 1, 2, 2, 2])
        #expect(c.sizes == [3, 1, 3])
    }

    /// Weak components follow arcs both ways.
    @Test func directedIsWeak() {
        let g = Graph(nodeCount: 3, directed: true, sources: [0, 2], targets: [1, 1])
        #expect(g.connectedComponents().count == 1)
    }

    /// A 1,000,000-node chain: iterative, so no stack overflow.
    @Test func millionNodeChain() {
        let n = 1_000_000
        let s = (0 ..< n - 1).map { NodeIndex($0) }
        let t = (1 ..< n).map { NodeIndex($0) }
        let g = Graph(nodeCount: n, directed: false, sources: s, targets: t)
        let c = g.connectedComponents()
        #expect(c.count == 1 && c.sizes == [n])
        #expect(g.degree(0) == 1 && g.degree(500_000) == 2)
    }
}
