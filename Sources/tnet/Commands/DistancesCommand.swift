import ArgumentParser
import TraffickingNetworks

struct DistancesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "distances",
        abstract: "Distance from one entity to every entity it reaches (or, with --reverse, that reaches it).",
        discussion: """
        Hops by default; --weighted: the length of each tie (the links between a pair combined by --combine, default sum, min with --weight-as distance; 1/w with --weight-as strength), the graph every other command reads, so distances agree with weighted closeness; --reliable: −ln of the product of confidences. --max-hops N limits the reach (who is within N links), --avoid ids or kinds that may not be passed through, --undirected follows links either way. Rows by distance, then id. CSV: id,distance. JSON: {"from","reverse","rows":[{"id","name","kind","distance","hops"}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Argument(help: "Entity: an id, or a name or alias that names one entity.") var from: String
    @Flag(help: "Link weights as lengths (see --weight-as).") var weighted = false
    @OptionGroup(title: "Graph") var graphOptions: ProjectionArguments
    @Flag(help: "−ln confidence as distance (most reliable routes).") var reliable = false
    @Flag(help: "Distances to the entity: who reaches it.") var reverse = false
    @Flag(help: "Follow links either way.") var undirected = false
    @Option(name: .customLong("max-hops"), help: "Most links on a path.") var maxHops: Int?
    @Option(help: ArgumentHelp("Never pass through these ids or kinds (comma-separated).", valueName: "id|kind")) var avoid: String?
    @OptionGroup var output: FormatOption

    func validate() throws {
        if weighted && reliable { throw ValidationError("--weighted and --reliable exclude each other") }
        if let maxHops, maxHops < 0 { throw ValidationError("--max-hops must not be negative") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            warnIfNoWeights(dataset, weighted: weighted)
            var options = RouteOptions()
            options.cost = reliable ? .reliability : weighted ? .weight : .hops
            options.projection = graphOptions.projection(weighted: weighted)
            if weighted {
                Diagnostics.note(try dataset.describeGraph(options.projection.using(.distance).with(direction: undirected ? .undirected : .auto)))
            }
            options.reverse = reverse
            options.undirected = undirected
            options.maxHops = maxHops
            options.avoid = try EntityArguments.list(avoid, in: dataset, option: "--avoid")
            let from = try EntityArguments.id(self.from, in: dataset, option: "from")
            let rows: [(entity: Int, distance: Double, hops: Int)]
            rows = try dataset.distances(from: from, options: options)
            output.print(DistanceListing(rows, in: dataset, from: from, reverse: reverse, cost: options.cost))
        }
    }
}
