import ArgumentParser
import TraffickingNetworks

struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarise a dataset: counts by kind, density, components, degrees.",
        discussion: """
        JSON shape: {"file", "title", "filter": null or {"description", "entities_before", "links_before"}, "entities", "links", "sources", "entity_kinds": {KIND: N}, "link_kinds": {KIND: N}, "graph": {"directed", "nodes", "edges", "combined_links", "density", "self_loops", "isolated", "components", "largest_component"}, "degree": {"min", "median", "mean", "max"}, and for a directed graph "in_degree" and "out_degree" of the same shape}. CSV: section,key,value rows.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        try Diagnostics.reporting {
            TerminalProgress.step("reading \(input.input)")
            let loaded = try input.loaded()
            let summary = DatasetSummary(loaded.dataset, progress: TerminalProgress.step)
            TerminalProgress.clear()
            output.print(SummaryListing(summary, source: loaded.source))
        }
    }
}
