import ArgumentParser
import Foundation
import TraffickingNetworks

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a dataset between JSON, CSV, GraphML, DOT, edge lists and FollowTheMoney (filters apply).",
        discussion: """
        Formats by extension or --from/--to: .json (native, everything kept), a folder or …entities.csv/…links.csv (CSV: entities.csv, links.csv, sources.csv, dataset.csv), .graphml, .dot/.gv, .edgelist/.el/.txt/.tsv, .ftm.jsonl/.ftm.json/.ftm (FollowTheMoney entities, one a line, as Aleph and OpenSanctions use them). JSON, CSV and GraphML keep every entity, link, attribute, citation, grade and period; DOT keeps attributes as text; an edge list keeps only ids and weights; FtM keeps what its model can express (kinds, roles, grades and periods as tnet: markers) and a warning names each attribute it leaves out. Output files are written atomically; nothing is written when the input has errors.
        """
    )

    @OptionGroup var input: InputOptions

    @Argument(help: "Output file or folder; - writes a single-file format to standard output (on a terminal, its first 1000 lines and a note).")
    var output: String

    @Option(name: .customLong("from"), help: "Input format when the extension does not tell (the same as --input-format).")
    var fromFormat: DatasetFormat?

    @Option(name: .customLong("to"), help: "Output format when the extension does not tell.")
    var to: DatasetFormat?

    func run() throws {
        try Diagnostics.reporting {
            // Before reading: a large input is not read for nothing.
            _ = try DatasetFormat.output(for: output, format: to)  // before any long work
            TerminalProgress.step("reading \(input.input)")
            var input = self.input
            if let fromFormat { input.from = input.from ?? fromFormat }
            let dataset = try input.load()
            TerminalProgress.step("writing \(output)")
            try dataset.write(to: output, format: to, warnings: Diagnostics.warning)
            TerminalProgress.clear()
        }
    }
}
