import Testing
import TNetGraph
@testable import TNetModel

/// The dataset keeps its last projection (ProjectionMemo, issue 19): asked again with the same
/// options it is the same graph; any change to what a graph is made of gives a new one, and a
/// changed copy never disturbs its original. Worked by hand on ProjectionTests' calls.
@Suite struct ProjectionMemoTests {
    static let undirected = ProjectionOptions(direction: .undirected, weighted: true)

    /// The same options twice give the same graph; other options their own (a–b: sum 10,
    /// max 5).
    @Test func sameOptionsSameGraph() {
        let d = ProjectionTests.calls()
        #expect(d.graph(Self.undirected).tieWeight(0, 1) == 10)
        #expect(d.graph(Self.undirected).tieWeight(0, 1) == 10)
        var maxRule = Self.undirected
        maxRule.combine = .max
        #expect(d.graph(maxRule).tieWeight(0, 1) == 5)
        #expect(d.graph(Self.undirected).tieWeight(0, 1) == 10)
    }

    /// A link appended after a projection is in the next one (a–b: 10 + 1 = 11), an entity
    /// appended is a node, and a changed default direction or schema is read again.
    @Test func changesAreSeen() {
        var d = ProjectionTests.calls()
        #expect(d.graph(Self.undirected).edgeCount == 2)
        d.append(Link(source: "a", target: "b", kind: "call", weight: 1, directed: true))
        #expect(d.graph(Self.undirected).tieWeight(0, 1) == 11)
        d.append(Entity(id: "d", kind: .person))
        #expect(d.graph(Self.undirected).nodeCount == 4)
        // A link that does not say is directed by its kind (an undeclared kind is); the
        // dataset's default, then a schema declaring the kind symmetric, make it undirected.
        var plain = Dataset(entities: ["a", "b"].map { Entity(id: $0, kind: .person) },
                            links: [Link(source: "a", target: "b", kind: "met")])
        #expect(plain.graph().isDirected)
        plain.directed = false
        #expect(!plain.graph().isDirected)
        plain.schema = Schema(linkKinds: ["met"], symmetricLinkKinds: ["met"])
        plain.directed = nil
        #expect(!plain.graph().isDirected)
    }

    /// A copy changed after the original projected does not see the original's graph, and
    /// the original keeps its own.
    @Test func copiesAreIndependent() {
        let original = ProjectionTests.calls()
        #expect(original.graph(Self.undirected).tieWeight(0, 1) == 10)
        var copy = original
        copy.append(Link(source: "b", target: "c", kind: "call", weight: 7))
        #expect(copy.graph(Self.undirected).edgeCount == 3)
        #expect(original.graph(Self.undirected).edgeCount == 2)
        #expect(original.graph(Self.undirected).tieWeight(1, 2) == nil)
    }
}
