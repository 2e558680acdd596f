// The route from a source country to a compound, with the sources behind every step.
// Run: swift run route-to-compound [DATASET] [FROM] [TO]
import Foundation
import TraffickingNetworks

let args = Array(CommandLine.arguments.dropFirst())
let path = args.count > 0 ? args[0] : "datasets/mekong-2023.json"
let from = args.count > 1 ? args[1] : "india"
let to = args.count > 2 ? args[2] : "compound-kayin-1"
do {
    // Keep the links a recruit travels along (as `tnet path --link-kinds …`).
    let operational: Set<LinkKind> = [.recruitsFrom, .employs, .operates, .traffickedTo, .transitsThrough, .locatedIn]
    let dataset = try DatasetFilter(linkKinds: operational).apply(to: try Dataset(contentsOf: path))
    var options = RouteOptions()
    options.undirected = true  // a broker recruits_from a country: follow links either way
    options.count = 2          // the two shortest routes (Yen)
    let result = try dataset.routes(from: from, to: to, options: options)
    guard !result.routes.isEmpty else { print("no route from \(from) to \(to)"); exit(0) }
    for (n, route) in result.routes.enumerated() {
        print("route \(n + 1): \(route.hops) links")
        for (step, i) in route.entities.enumerated() {
            if step > 0 {
                let link = dataset.links[route.links[step - 1]]
                print("    \(link.kind) [\(link.confidence.map(String.init(describing:)) ?? "ungraded")] sources: \(link.sources.joined(separator: ", "))")
            }
            print("  \(dataset.entities[i].label)")
        }
    }
} catch {
    FileHandle.standardError.write(Data("route-to-compound: \(error)\n".utf8))
    exit(1)
}
