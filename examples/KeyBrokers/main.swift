// Key brokers of a dataset: betweenness and Gould–Fernandez brokerage, victims never listed as
// targets. Run: swift run key-brokers [DATASET]
import Foundation
import TraffickingNetworks

let path = CommandLine.arguments.dropFirst().first ?? "datasets/mekong-2023.json"
do {
    let dataset = try Dataset(contentsOf: path)
    let betweenness = try dataset.betweenness(), brokerage = try dataset.brokerage()
    print("Key brokers of \(dataset.title ?? path):")
    for (rank, (e, score)) in betweenness.top(5, targetsOnly: true).enumerated() {  // the target policy: perpetrators only
        print("\(rank + 1). \(e.label) [\(e.kind)]: betweenness \(ResultText.fixed4(score)), brokers \(Int(brokerage[e.id]!)) pairs")
    }
} catch { FileHandle.standardError.write(Data("key-brokers: \(error)\n".utf8)); exit(1) }
