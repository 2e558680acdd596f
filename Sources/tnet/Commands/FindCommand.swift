import ArgumentParser
import TraffickingNetworks

struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find entities by id, name or alias: what every command accepts in place of an id.",
        discussion: """
        Texts are compared as names: in Latin letters (any script transliterated), any case, without diacritics, words in any order, romanisations and typos forgiven (the similarity tnet merge uses), so "nguyen van hung", "NGUYỄN Văn Hùng" and "Hung Nguyen Van" find one another. A text equal to an id, name or alias (so folded) scores 1; one contained in a longer name scores 0.75. Aliases are the attributes aliases, alias, aka, also_known_as, other_names, previous_name(s) and weak_alias.
        Commands that take an entity (path, distances, flow, disrupt --targets, centrality --personalize, ego, render --highlight) accept a name or alias that names one entity, say on standard error which entity they took, and suggest the closest names for one they cannot find. Under --redact victims only pseudonyms are searched, and the text given is not repeated (the JSON query is null).
        CSV: id,kind,name,matched,field,score,protected. JSON: {"query","matches":[{"id","kind","name","matched","field","score","protected"}]}; protected is true for a victim, survivor or witness (marked [protected] in the table).
        """
    )

    @OptionGroup var input: InputOptions
    @Argument(help: "The text: an id, a name or part of one, an alias.") var text: String
    @Option(help: "Show at most N matches.") var limit: Int = 10
    @Option(help: ArgumentHelp("The lowest similarity shown (0 to 1).", valueName: "s")) var minimum: Double = 0.6
    @OptionGroup var output: FormatOption

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
        if !(0 ... 1).contains(minimum) { throw ValidationError("--minimum is between 0 and 1 (got \(minimum))") }
    }

    func run() throws {
        try Diagnostics.reporting {
            let dataset = try input.load()
            let matches = EntityLookup(dataset).search(text, limit: limit, minimum: minimum)
            // Under --redact victims the text typed is never repeated: it may be a victim's name.
            output.print(FindListing(matches, for: text, in: dataset, repeating: !EntityArguments.redacting))
        }
    }
}
