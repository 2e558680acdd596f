import ArgumentParser
import TraffickingNetworks

struct ComponentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "components",
        abstract: "Which parts of the network are connected: weakly, or with --strong strongly.",
        discussion: """
        Components are numbered from 0 by size (largest first), ties by their smallest member id. Weak: links either way. Strong: each member reaches every other along link directions. CSV: id,component (rows by component, then id). JSON: {"strong","count","components":[{"component","size","members":[ids]}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Flag(help: "Strongly connected components (follow link directions).") var strong = false
    @OptionGroup var output: FormatOption

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            let component = dataset.components(strong: strong)
            if strong && !dataset.hasDirectedLinks {
                Diagnostics.note("every link is undirected here, so strong components are the weak ones; an edge list or link table of calls is directed only when read with --directed")
            }
            let count = (component.max() ?? -1) + 1
            output.print(PartitionListing(component, count: count, in: dataset, kind: .components(strong: strong)))
        }
    }
}
