import ArgumentParser
import TraffickingNetworks

struct EgoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ego",
        abstract: "Write the neighbourhood of one entity (within --radius links, either way) in any format.",
        discussion: """
        The same as `tnet convert INPUT OUT --ego ID --radius N`: every other filter applies too. Formats by extension or --to, as convert.
        """
    )

    @OptionGroup var input: InputOptions
    @Argument(help: "The entity at the centre.") var id: String
    @Option(name: .shortAndLong, help: "Output file or folder; - writes to standard output (on a terminal, its first 1000 lines and a note).") var output: String = "-"
    @Option(name: .customLong("to"), help: "Output format when the extension does not tell.") var to: DatasetFormat?

    func run() throws {
        try Diagnostics.reporting {
            var options = input
            options.filters.ego = id
            let dataset = try options.load()
            try dataset.write(to: output, format: to, warnings: Diagnostics.warning)
        }
    }
}
