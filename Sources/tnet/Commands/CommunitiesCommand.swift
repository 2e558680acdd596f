import ArgumentParser
import TraffickingNetworks

extension CommunityMethod: ExpressibleByArgument {}

struct CommunitiesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "communities",
        abstract: "Groups of entities more densely linked to each other than to the rest (Louvain, Leiden, label propagation).",
        discussion: """
        Links are read as undirected ties: the links between a pair (both directions) are one tie, whose weight with --weighted is their sum (--combine). Without --weighted every tie counts 1 (NetworkX's Graph). The graph is stated on standard error. louvain = NetworkX's louvain_communities (plus one refinement round); leiden = Traag et al. 2019, communities guaranteed connected; label-propagation = NetworkX's asyn_lpa_communities. --resolution above 1 gives smaller groups. The same --seed gives the same communities. Communities are numbered from 0 by size, ties by smallest member id.
        CSV: id,community. JSON: {"method","resolution","seed","modularity","count","communities":[{"community","size","members":[ids]}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: "louvain, leiden or label-propagation.") var method: CommunityMethod = .leiden
    @Option(help: "Resolution γ of modularity (1: Newman's).") var resolution: Double = 1
    @Option(help: "Random seed.") var seed: UInt64 = 0
    @Flag(help: "Use link weights as tie strengths (--weight-as distance: their reciprocals).") var weighted = false
    @OptionGroup(title: "Graph") var graphOptions: ProjectionArguments
    @OptionGroup var output: FormatOption

    func validate() throws {
        if !(resolution > 0 && resolution.isFinite) { throw ValidationError("--resolution must be a positive number") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            warnIfNoWeights(dataset, weighted: weighted)
            TerminalProgress.step("finding communities (\(method.rawValue))")
            let projection = graphOptions.projection(weighted: weighted, direction: .undirected)
            Diagnostics.note(try dataset.describeGraph(projection))
            let r = dataset.communities(method: method, projection: projection, resolution: resolution, seed: seed)
            TerminalProgress.clear()
            output.print(PartitionListing(r.community, count: r.count, in: dataset,
                                          kind: .communities(method: method.rawValue, resolution: resolution, seed: seed, modularity: r.modularity)))
        }
    }
}
