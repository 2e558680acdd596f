// Key brokers of a dataset: betweenness and Gould–Fernandez brokerage, victims never listed as
// targets. Run: swift run key-brokers [DATASET]
import Foundation
import TraffickingNetworks

let path = CommandLine.arguments.dropFirst().first ?? "datasets/mekong-2023.json"
do {
    let dataset = try Dataset(contentsOf: path)
    // NetworkX's betweenness (normalised) and brokerage roles between entity kinds.
    let table = try dataset.centrality([.betweenness, .brokerage])
    let candidates = dataset.targetCandidates()  // the target policy: perpetrators only
    let rows = table.sortedRows(ids: { dataset.entities[$0].id })
        .map { table.rows[$0].source }
        .filter { candidates[$0] }
    print("Key brokers of \(dataset.title ?? path):")
    for (rank, i) in rows.prefix(5).enumerated() {
        let e = dataset.entities[i]
        let row = table.rows.firstIndex { $0.source == i }!
        let betweenness = table.values[0][row], brokerage = table.values[1][row]
        print("\(rank + 1). \(e.label) [\(e.kind)]: betweenness \(String(format: "%.4f", betweenness)), brokers \(Int(brokerage)) pairs")
    }
} catch {
    FileHandle.standardError.write(Data("key-brokers: \(error)\n".utf8))
    exit(1)
}
