import ArgumentParser
import Foundation
import TraffickingNetworks

struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Cooperation gaps: trafficking flows between countries whose authorities have no channel, or only weak ones.",
        discussion: """
        A flow is a trafficked_to link from a country to another country, or to a compound in it (the compound's country field, or up its located_in links). Its cooperation, as far as the data shows: strong = a cooperates_with link between the two countries or anything in them (their agencies) with agreement police_channel, contact_point or joint_operation; weak = such a link that is an mou or gives no agreement type, or else a shared multilateral body (an agency with no country, such as ASEAN or INTERPOL, that both sides cooperate with or are members of); none = both countries have an authority (an agency) in the data and no channel joins them; no authority recorded = no channel, and one of the two countries has no agency in the data, so the data cannot tell a gap from an authority nobody recorded. Listed none first, then no authority recorded, weak, strong; then by the people counted (the flow links' weights), with the sources behind each flow. --all lists strongly covered flows too.
        CSV: source,host,victims,strength,channels,flow_sources. JSON: {"gaps":[{"source","host","victims","strength","channels":[{"source","target","agreement","via"}],"flow_links","sources"}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Flag(help: "List strongly covered flows too.") var all = false
    @OptionGroup var output: FormatOption

    func run() throws {
        try Diagnostics.reporting {
            let d = try input.load()
            output.print(GapListing(d.cooperationGaps(), in: d, all: all))
        }
    }
}
