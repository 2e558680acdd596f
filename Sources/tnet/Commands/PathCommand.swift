import ArgumentParser
import Foundation
import TraffickingNetworks

struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Routes from one entity to another: who and what lies between them.",
        discussion: """
        The fewest links by default; --weighted uses tie lengths (the links between a pair combined by --combine, default sum, min with --weight-as distance; 1/w with --weight-as strength: the graph every other command reads); --reliable finds the most reliable route (the largest product of link confidences: Admiralty grade values, ungraded links counted as F6). --k N lists the N cheapest simple paths (Yen), --all every path of least cost. --via and --avoid take entity ids or kinds (comma-separated; each --via item must be passed through). A --via query is settled at once when no route can pass an item, or when the cheapest walk through a single item repeats no one (it is then the cheapest route); otherwise it examines at most --max-candidates candidate routes, cheapest first (a simple route through given entities is NP-hard in general), and says when it stopped. --time-respecting keeps routes whose links can be taken in time order (dates t1 ≤ t2 ≤ … within the links' periods). Links follow their direction unless --undirected. Filters apply first (e.g. --min-confidence B3, --as-of 2022).
        JSON: {"from","to","cost_measure","complete","examined","paths":[{"cost","hops","reliability"?,"nodes":[ids],"links":[{"source","target","kind","confidence","period","sources"}]}]}. CSV: path,step,id,name,kind,link_kind,link_direction (forward, backward against a directed link with --undirected, or undirected),confidence,cost. In the table, --> marks a link walked along its direction, <-- against it.
        """
    )

    @OptionGroup var input: InputOptions
    @Argument(help: "Start entity: an id, or a name or alias that names one entity.") var from: String
    @Argument(help: "End entity: an id, name or alias.") var to: String
    @Flag(help: "Link weights as lengths (see --weight-as).") var weighted = false
    @OptionGroup(title: "Graph") var graphOptions: ProjectionArguments
    @Flag(help: "Most reliable route: maximise the product of link confidences.") var reliable = false
    @Option(help: "Number of paths (k shortest simple paths).") var k = 1
    @Flag(help: "Every path of least cost.") var all = false
    @Option(help: ArgumentHelp("Pass through these ids or kinds (comma-separated; each must be met); names and aliases too.", valueName: "id|kind")) var via: String?
    @Option(help: ArgumentHelp("Never pass through these ids or kinds (comma-separated).", valueName: "id|kind")) var avoid: String?
    @Option(name: .customLong("max-hops"), help: "Most links on a path.") var maxHops: Int?
    @Flag(name: .customLong("time-respecting"), help: "Links must be usable in time order.") var timeRespecting = false
    @Flag(help: "Follow links either way.") var undirected = false
    @Option(name: .customLong("max-candidates"), help: ArgumentHelp("--via: most candidate routes examined when the query is not settled directly.", valueName: "n")) var maxCandidates: Int = 200
    @OptionGroup var output: FormatOption

    func validate() throws {
        if weighted && reliable { throw ValidationError("--weighted and --reliable exclude each other") }
        if k < 1 { throw ValidationError("--k must be at least 1") }
        if all && (via != nil || timeRespecting || k > 1 || maxHops != nil) {
            throw ValidationError("--all lists every path of least cost: it cannot be combined with --via, --time-respecting, --k or --max-hops")
        }
        if let maxHops, maxHops < 1 { throw ValidationError("--max-hops must be at least 1") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            warnIfNoWeights(dataset, weighted: weighted)
            var options = RouteOptions()
            options.cost = reliable ? .reliability : weighted ? .weight : .hops
            options.projection = graphOptions.projection(weighted: weighted)
            options.count = k
            options.allShortest = all
            let from = try EntityArguments.id(self.from, in: dataset, option: "from")
            let to = try EntityArguments.id(self.to, in: dataset, option: "to")
            options.via = try EntityArguments.list(via, in: dataset, option: "--via")
            options.avoid = try EntityArguments.list(avoid, in: dataset, option: "--avoid")
            options.maxHops = maxHops
            options.timeRespecting = timeRespecting
            options.viaCandidateLimit = max(1, maxCandidates)
            options.undirected = undirected
            if weighted {
                Diagnostics.note(try dataset.describeGraph(options.projection.using(.distance).with(direction: undirected ? .undirected : .auto)))
            }
            let result: RouteResult
            result = try dataset.routes(from: from, to: to, options: options)
            if !result.complete {
                Diagnostics.warning("stopped after examining \(result.examined) candidate paths (a route through given entities may need many more; raise --max-candidates): \(result.routes.count) of the \(k) route\(k == 1 ? "" : "s") asked for met the conditions")
            }
            if let reason = result.reason { Diagnostics.note(reason) } else if result.routes.isEmpty {
                Diagnostics.note("no route from \(from) to \(to) under these conditions\(result.complete ? "" : " among the \(result.examined) cheapest paths examined")")
            }
            output.print(RouteListing(result, in: dataset, from: from, to: to, cost: options.cost))
        }
    }
}
