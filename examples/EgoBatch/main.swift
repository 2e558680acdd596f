// Batch rendering: the ego network (radius 1) of each of the ten actors ranked highest by
// betweenness, one SVG each, victims redacted. Run: swift run ego-batch [DATASET] [OUTDIR]
import Foundation
import TraffickingNetworks

let args = Array(CommandLine.arguments.dropFirst())
let (path, outDir) = (args.first ?? "datasets/mekong-2023.json", args.dropFirst().first ?? "out/egos")
do {
    let dataset = try Dataset(contentsOf: path, redactingVictims: true)  // pseudonyms before anything else runs
    try FileManager.default.createDirectory(atPath: outDir, withIntermediateDirectories: true)
    for (actor, _) in try dataset.betweenness().top(10, targetsOnly: true) {  // the target policy: perpetrators only
        let ego = try DatasetFilter(ego: actor.id, radius: 1).apply(to: dataset)
        var request = DiagramRequest()
        (request.highlight, request.title) = ([actor.id], "Around \(actor.label)")
        try AtomicFile.write(try ego.diagram(request).render().bytes, to: "\(outDir)/\(actor.id).svg")
        print("\(outDir)/\(actor.id).svg: \(ego.entities.count) entities, \(ego.links.count) links")
    }
} catch { FileHandle.standardError.write(Data("ego-batch: \(error)\n".utf8)); exit(1) }
