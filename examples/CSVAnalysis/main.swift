// A custom analysis over a spreadsheet export: how well supported is each kind of link?
// Reads the CSV folder (entities.csv, links.csv, sources.csv) and tallies links by kind and by
// the reliability letter of their Admiralty grade. Run: swift run csv-analysis [FOLDER]
import Foundation
import TraffickingNetworks

let path = CommandLine.arguments.dropFirst().first ?? "datasets/mekong-2023-csv"
do {
    let links = try Dataset(contentsOf: path).links
    let letters = ["A", "B", "C", "D", "E", "F", "ungraded"]
    print((["link kind"] + letters + ["share A/B"]).joined(separator: "\t"))
    for (kind, group) in Dictionary(grouping: links, by: \.kind).sorted(by: { $0.key < $1.key }) {
        let counts = letters.map { l in group.filter { ($0.confidence.map { String($0.reliability) } ?? "ungraded") == l }.count }
        print(([kind.rawValue] + counts.map(String.init) + [String(format: "%.0f%%", 100 * Double(counts[0] + counts[1]) / Double(group.count))]).joined(separator: "\t"))
    }
    print("\(links.count) links, \(links.filter { $0.sources.isEmpty }.count) without a source")
} catch { FileHandle.standardError.write(Data("csv-analysis: \(error)\n".utf8)); exit(1) }
