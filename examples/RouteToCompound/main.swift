// The route from a source country to a compound, with the sources behind every step.
// Run: swift run route-to-compound [DATASET] [FROM] [TO]
import Foundation
import TraffickingNetworks

var args = Array(CommandLine.arguments.dropFirst())
args += ["datasets/mekong-2023.json", "india", "compound-kayin-1"].dropFirst(args.count)
do {
    // The links a recruit travels along, followed either way; the two shortest routes (Yen).
    let dataset = try Dataset(contentsOf: args[0], redactingVictims: false, filter: DatasetFilter(linkKinds: LinkFamily.route))
    let routes = try dataset.routes(from: args[1], to: args[2], options: RouteOptions(count: 2, undirected: true)).routes
    if routes.isEmpty { print("no route from \(args[1]) to \(args[2])") }
    for (n, route) in routes.enumerated() {
        print("route \(n + 1): \(route.hops) links\n  \(dataset[id: args[1]]!.label)")
        for step in route.steps {
            print("    \(step.link.kind) [\(step.link.confidence.map { "\($0)" } ?? "ungraded")] sources: \(step.link.sources.joined(separator: ", "))")
            print("  \(dataset[id: step.to]!.label)")
        }
    }
} catch { FileHandle.standardError.write(Data("route-to-compound: \(error)\n".utf8)); exit(1) }
