// A batch over a folder of datasets: one CSV row per dataset (JSON, GraphML, DOT, edge lists),
// with its size and the actor ranked highest by betweenness among those the target policy allows
// to be proposed. Victims are redacted first. Run: swift run batch-summary [FOLDER] [OUT.csv]
import Foundation
import TraffickingNetworks

let args = Array(CommandLine.arguments.dropFirst())
let (folder, output) = (args.first ?? "datasets", args.dropFirst().first ?? "out/datasets.csv")
do {
    var csv = CSVText.row(["file", "entities", "links", "components", "top_actor", "betweenness"])
    for name in try FileManager.default.contentsOfDirectory(atPath: folder).sorted() where DatasetFormat(path: name) != nil {
        let dataset = try Dataset(contentsOf: "\(folder)/\(name)", redactingVictims: true)
        let top = try dataset.betweenness().top(1, targetsOnly: true).first
        csv += CSVText.row([name, String(dataset.entities.count), String(dataset.links.count), String(Set(dataset.components(strong: false)).count),
                            top?.entity.id ?? "", top.map { ResultText.exact($0.value) } ?? ""])
    }
    try FileManager.default.createDirectory(atPath: (output as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try AtomicFile.write(Array(csv.utf8), to: output)
    print(output)
} catch { FileHandle.standardError.write(Data("batch-summary: \(error)\n".utf8)); exit(1) }
