import ArgumentParser
import TraffickingNetworks

struct FlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flow",
        abstract: "How much can move from one side to the other, and the smallest cut that stops it.",
        discussion: """
        Maximum flow from every --from entity to every --to entity (ids or kinds, comma-separated), along link directions (undirected links both ways; --undirected for all), over the same graph as every other command: the links between a pair are one tie (both directions when undirected), whose capacity is 1 or, with --capacity ATTR (a numeric link attribute, or weight; missing values count 1), the links' capacities combined by --combine (default sum; --weight-as distance reads capacity 1/w). The minimum cut lists the ties whose removal stops all flow, with the links behind each; their capacities add up to the value. --vertex-cut also lists the fewest entities whose removal leaves no route; protected persons (victims, survivors) are never among them (forced-criminality principle) and the output says how many were excluded. JSON: {"value","cut":[[u,v]…],"cut_ties":[{"from","to","capacity","links"}…],"cut_links":[…]} and with --vertex-cut "cut_nodes":[ids] (null when no set of removable entities separates the sides), "protected_excluded". CSV: type,from,to,capacity,links (type cut_tie or cut_node).
        """
    )

    @OptionGroup var input: InputOptions
    @Option(name: .customLong("from"), help: ArgumentHelp("Sources: ids or kinds, comma-separated.", valueName: "id|kind")) var sources: String
    @Option(name: .customLong("to"), help: ArgumentHelp("Sinks: ids or kinds, comma-separated.", valueName: "id|kind")) var sinks: String
    @Option(help: ArgumentHelp("Link attribute holding each link's capacity (or weight).", valueName: "attr")) var capacity: String?
    @Flag(name: .customLong("vertex-cut"), help: "Also the fewest entities that separate the sides.") var vertexCut = false
    @Flag(help: "Follow links either way.") var undirected = false
    @OptionGroup(title: "Graph") var graphOptions: ProjectionArguments
    @OptionGroup var output: FormatOption

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            var options = FlowOptions()
            options.capacity = capacity
            options.vertexCut = vertexCut
            options.undirected = undirected
            options.projection = graphOptions.projection(weighted: capacity != nil)
            if capacity == "weight" {
                Diagnostics.note(options.projection.describe(dataset.graph(options.projection.with(direction: undirected ? .undirected : .auto)), links: dataset.resolvedLinkCount))
            }
            let r: FlowResult
            r = try dataset.flow(from: EntityArguments.list(sources, in: dataset, option: "--from"),
                                 to: EntityArguments.list(sinks, in: dataset, option: "--to"), options: options)
            if vertexCut && r.uncuttable > 0 {
                Diagnostics.note("the vertex cut takes only targets under the target policy: \(r.uncuttable) entities (\(r.protectedExcluded) protected persons, and authorities, places and bystanders) may not be in it")
            }
            output.print(FlowListing(r, in: dataset, vertexCut: vertexCut))
        }
    }
}
