import ArgumentParser
import TraffickingNetworks

struct CutpointsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cutpoints",
        abstract: "Single points of failure: actors (articulation points) and links (bridges) whose removal splits the network.",
        discussion: """
        Computed on the network taken as undirected. Protected persons (victims, survivors) can be articulation points — they hold the network together as people who were moved through it — and are marked, never proposed as targets. JSON: {"articulation_points":[ids],"protected":[ids],"bridges":[[u,v]]}, ids in code point order. CSV: type,id,other (type articulation_point or bridge).
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            let (points, bridges) = dataset.cutpoints()
            output.print(CutpointListing(points: points, bridges: bridges, in: dataset))
        }
    }
}
