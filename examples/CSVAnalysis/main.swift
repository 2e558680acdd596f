// A custom analysis over a spreadsheet export: how well supported is each kind of link?
// Reads the CSV folder (entities.csv, links.csv, sources.csv) and tallies links by kind and by
// the reliability letter of their Admiralty grade. Run: swift run csv-analysis [FOLDER]
import Foundation
import TraffickingNetworks

let path = CommandLine.arguments.dropFirst().first ?? "datasets/mekong-2023-csv"
do {
    let dataset = try Dataset(contentsOf: path)
    var byKind: [LinkKind: [String: Int]] = [:]
    for link in dataset.links {
        let letter = link.confidence.map { String($0.reliability) } ?? "ungraded"
        byKind[link.kind, default: [:]][letter, default: 0] += 1
    }
    let letters = ["A", "B", "C", "D", "E", "F", "ungraded"]
    print((["link kind"] + letters + ["share A/B"]).joined(separator: "\t"))
    for kind in byKind.keys.sorted() {
        let counts = letters.map { byKind[kind]![$0] ?? 0 }
        let total = counts.reduce(0, +)
        let strong = Double(counts[0] + counts[1]) / Double(max(total, 1))
        print(([kind.rawValue] + counts.map(String.init) + [String(format: "%.0f%%", 100 * strong)]).joined(separator: "\t"))
    }
    let uncited = dataset.links.filter { $0.sources.isEmpty }.count
    print("\(dataset.links.count) links, \(uncited) without a source")
} catch {
    FileHandle.standardError.write(Data("csv-analysis: \(error)\n".utf8))
    exit(1)
}
