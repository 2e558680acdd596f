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
}
