// A dataset built in code, checked as a file would be, and drawn: a syndicate, the compound it
// operates, the recruiter it employs and the official it bribes, each link citing its (made-up)
// source. Run: swift run built-in-code [OUT.svg]
import Foundation
import TraffickingNetworks

let output = CommandLine.arguments.dropFirst().first ?? "out/built-in-code.svg"
let dataset = Dataset(
    entities: [Entity(id: "syndicate-x", kind: .syndicate, name: "Syndicate X"), Entity(id: "compound-1", kind: .compound, name: "Compound 1"),
               Entity(id: "recruiter-1", kind: .person, name: "Recruiter 1", role: "recruiter"), Entity(id: "official-1", kind: .official, name: "Official 1")],
    links: [Link(source: "syndicate-x", target: "compound-1", kind: .operates, confidence: Confidence("B2"), sources: ["note-1"]),
            Link(source: "syndicate-x", target: "recruiter-1", kind: .employs, confidence: Confidence("C3"), sources: ["note-1"]),
            Link(source: "syndicate-x", target: "official-1", kind: .bribes, confidence: Confidence("B3"), sources: ["note-1"])],
    sources: [Source(id: "note-1", title: "An illustrative note (not real data)")], title: "Built in code")
do {
    if let problem = dataset.validate().first(where: { $0.severity == .error }) { throw problem }
    try FileManager.default.createDirectory(atPath: (output as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try AtomicFile.write(try dataset.diagram(DiagramRequest()).render().bytes, to: output)
    print("\(output): \(dataset.entities.count) entities, \(dataset.links.count) links; first key player: \(try dataset.keyPlayers().players.first?.id ?? "none")")
} catch { FileHandle.standardError.write(Data("built-in-code: \(error)\n".utf8)); exit(1) }
