// Batch rendering: the ego network (radius 1) of each of the ten actors ranked highest by
// betweenness, one SVG each, victims redacted. Run: swift run ego-batch [DATASET] [OUTDIR]
import Foundation
import TraffickingNetworks

let args = Array(CommandLine.arguments.dropFirst())
let path = args.count > 0 ? args[0] : "datasets/mekong-2023.json"
let outDir = args.count > 1 ? args[1] : "out/egos"
do {
    var redaction = Redaction()
    let dataset = redaction.apply(to: try Dataset(contentsOf: path))  // pseudonyms before anything is drawn
    let table = try dataset.centrality([.betweenness])
    let candidates = dataset.targetCandidates()  // the target policy: perpetrators only
    let top = table.sortedRows(ids: { dataset.entities[$0].id }).map { table.rows[$0].source }
        .filter { candidates[$0] }.prefix(10)
    try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
    for i in top {
        let id = dataset.entities[i].id
        let ego = try DatasetFilter(ego: id, radius: 1).apply(to: dataset)
        var options = DiagramOptions()
        options.highlightedEntities = [ego.index(of: id)!]
        options.title = "Around \(dataset.entities[i].label)"
        let file = "\(outDir)/\(id).svg"
        try AtomicFile.write(try ego.render(options), to: file)
        print("\(file): \(ego.entities.count) entities, \(ego.links.count) links")
    }
} catch {
    FileHandle.standardError.write(Data("ego-batch: \(error)\n".utf8))
    exit(1)
}
