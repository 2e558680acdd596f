// A tour of the library, the code the README's scripting section and the DocC catalog show:
// load victim-safe, rank, route, key players, communities, print any result, draw, brief.
// Run: swift run tour [OUTDIR]
import Foundation
import TraffickingNetworks

let out = CommandLine.arguments.dropFirst().first ?? "out/tour"
do {
    // Read, redact protected persons, validate (messages scrubbed) and filter: the load of every tnet command.
    let loaded = try Dataset.load("datasets/mekong-2023.json",
                                  options: LoadOptions(redactVictims: true, filter: DatasetFilter(minimumConfidence: ConfidenceThreshold("C3"))))
    let dataset = loaded.dataset

    // Scores keyed by entity id, like NetworkX's dicts; targetsOnly applies the target policy.
    let betweenness = try dataset.betweenness()
    for (entity, value) in betweenness.top(3, targetsOnly: true) { print(entity.label, ResultText.fixed4(value)) }
    print("syndicate-a:", ResultText.fixed4(betweenness["syndicate-a"] ?? .nan))

    // One call per analysis; results carry ids and the links they rest on, with their sources.
    let route = try dataset.routes(from: "india", to: "compound-kayin-1", options: RouteOptions(undirected: true)).routes.first
    for step in route?.steps ?? [] { print(step.from, step.link.kind, step.to, step.link.sources) }
    let communities = dataset.communities(method: .leiden)
    print("\(communities.count) communities; the largest holds \(communities.members[0].count) entities")
    print(KeyPlayerListing(try dataset.keyPlayers(), in: dataset, top: 3).text(.table))  // any result as table, JSON or CSV

    // A diagram: the 30 most central, boxed by country; laid out in a process of its own when it must be.
    var request = DiagramRequest()
    (request.top, request.clusterBy) = (30, "country")
    try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
    try AtomicFile.write(try dataset.diagram(request).render(format: "svg").bytes, to: out + "/top30.svg")

    // The briefing, as `tnet report --redact victims --min-confidence C3` writes it.
    print(try BriefingFiles(loaded).write(to: out + "/briefing"))
} catch { FileHandle.standardError.write(Data("tour: \(error)\n".utf8)); exit(1) }
