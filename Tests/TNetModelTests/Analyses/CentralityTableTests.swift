import Testing
@testable import TNetModel

@Suite struct CentralityTableTests {
    /// Worked by hand: values descending with NaN last and −0 equal to 0; ties by id in UTF-8
    /// byte order, including ids that share their first eight bytes and ids beyond ASCII
    /// ("Z" 0x5A < "n" 0x6E < "é" 0xC3 0xA9).
    @Test func rowOrder() {
        let ids = ["b", "a", "node-0001x", "node-0001", "é", "Z", "a", "q", "node-00010"]
        let values: [Double] = [1, 1, 2, 2, 2, 2, -0.0, .nan, 0]
        let table = CentralityTable(columns: ["x"], values: [values], rows: ids.indices.map { ($0, nil) }, notes: [])
        let order = table.sortedRows { ids[$0] }
        // Value 2: "Z", "node-0001", "node-0001x", "é"; value 1: "a", "b"; value 0 (−0 and 0):
        // "a" (row 6), "node-00010" (row 8); then NaN: "q".
        #expect(order == [5, 3, 2, 4, 1, 0, 6, 8, 7])
    }

    @Test func keysOrderAsTheValues() {
        let xs: [Double] = [.infinity, 1e300, 2, 1, 1e-300, 0, -1e-300, -1, -2, -.infinity]
        let keys = xs.map(CentralityTable.descendingKey)
        #expect(keys == keys.sorted())
        #expect(Set(keys).count == xs.count)
        #expect(CentralityTable.descendingKey(-0.0) == CentralityTable.descendingKey(0))
        #expect(CentralityTable.descendingKey(.nan) > CentralityTable.descendingKey(-.infinity))
    }

    /// A first column with no value (a measure that was not computed) does not order the rows:
    /// the first column with values does. Worked by hand: second column 1, 3, 2 → rows 1, 2, 0.
    @Test func rowsFollowTheFirstColumnWithValues() {
        let nan = Double.nan
        let table = CentralityTable(columns: ["x", "y"], values: [[nan, nan, nan], [1, 3, 2]], rows: [(0, nil), (1, nil), (2, nil)], notes: [])
        #expect(table.sortColumn == 1)
        #expect(table.sortedRows { ["a", "b", "c"][$0] } == [1, 2, 0])
        let none = CentralityTable(columns: ["x"], values: [[nan, nan]], rows: [(0, nil), (1, nil)], notes: [])
        #expect(none.sortColumn == nil)
        #expect(none.sortedRows { ["b", "a"][$0] } == [1, 0])
    }

    /// Eigenvector centrality does not converge on a directed path (A + I has the single
    /// eigenvalue 1, with no dominant vector; NetworkX raises PowerIterationFailedConvergence):
    /// its column is NaN, the rows follow degree, and a note says so.
    @Test func aMeasureNotComputedIsNotTheOrder() throws {
        let dataset = Dataset(entities: ["a", "b", "c", "d", "e"].map { Entity(id: $0, kind: .person) },
                              links: [("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")].map { Link(source: $0.0, target: $0.1, kind: .controls) })
        let table = try dataset.centrality([.eigenvector, .degree])
        #expect(table.values[0].allSatisfy { $0.isNaN })
        #expect(table.notes.contains { $0.hasPrefix("eigenvector: not computed: ") })
        #expect(table.notes.contains("rows sorted by degree, the first measure with values (eigenvector has none)"))
        let two = try dataset.centrality([.eigenvector, .katz, .degree], options: { var o = CentralityAnalysisOptions(); o.maxIterations = 1; return o }())
        #expect(two.notes.contains("rows sorted by degree, the first measure with values (eigenvector, katz have none)"), "\(two.notes)")
        // Degree: b, c, d 2/4; a, e 1/4; ties by id.
        let ids = dataset.entities.map(\.id)
        #expect(table.sortedRows { ids[$0] }.map { ids[$0] } == ["b", "c", "d", "a", "e"])
    }
}
