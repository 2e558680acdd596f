// What `tnet report DATASET -o DIR --redact victims` does, as a script: protected persons are
// replaced by pseudonyms before the dataset is validated or analysed, then the briefing (key
// players under the target policy, routes with their sources, gaps, corruption, disruption, the
// diagram) is written as report.html, report.md, report.json, diagram.svg and disruption.svg.
// Run: swift run redacted-briefing [DATASET] [OUTDIR]
import Foundation
import TraffickingNetworks

let args = Array(CommandLine.arguments.dropFirst())
do {
    let loaded = try Dataset.load(args.first ?? "datasets/mekong-2023.json", options: LoadOptions(redactVictims: true))
    print(try BriefingFiles(loaded).write(to: args.dropFirst().first ?? "out/briefing"))
} catch { FileHandle.standardError.write(Data("redacted-briefing: \(error)\n".utf8)); exit(1) }
