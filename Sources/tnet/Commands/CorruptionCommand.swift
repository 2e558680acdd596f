import ArgumentParser
import Foundation
import TraffickingNetworks

struct CorruptionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corruption",
        abstract: "Corruption exposure: officials and agencies tied to the perpetrator side, and what only they connect.",
        discussion: """
        State actors (officials, agencies) with a corruption link (protects, bribes, pays, colludes_with; either way) to the perpetrator side (syndicates, companies, financial channels, compounds, persons in a perpetrator role). For each: every corruption link that touches it (those to other state actors too), the counterparts, the compounds they shield (counterparts that are compounds, and compounds a counterpart operates or controls), and the pairs only it connects: pairs (another state actor, a perpetrator-side entity) that are connected in the network of ties and apart without it. The network of ties is every link but located_in, sanctions, rescued_from and repatriated_to, read either way. Ranked by those pairs, then counterparts, then id.
        CSV: id,name,kind,counterparts,compounds,pairs_only_it_connects,links. JSON: {"exposures":[{"id","name","kind","counterparts":[ids],"compounds":[ids],"pairs_only_it_connects","links":[{"source","target","kind","confidence","sources"}]}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        try Diagnostics.reporting {
            let d = try input.load()
            output.print(CorruptionListing(d.corruptionExposure(), in: d))
        }
    }
}
