import ArgumentParser
import Foundation
import TraffickingNetworks

struct ScreenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "screen",
        abstract: "Screen a dataset's people and organisations against a watch list (sanctions, PEPs; FollowTheMoney as OpenSanctions publishes it).",
        discussion: """
        Every person, official, company, syndicate, agency and platform of DATASET is compared with every person, company and organisation of the list, as tnet merge compares records (names transliterated and folded, aliases, passport, id and registration numbers, phones, wallets, e-mail, dates, countries), and its best matches are listed (--top per entity, from --minimum probability; a match sharing a passport, id, registration number, wallet or e-mail whatever its probability, and one sharing a passport, id or registration number past --top too), with the evidence for and against. Protected persons (victims, survivors, witnesses) are never screened; their count is given.
        --review FILE writes the matches as a review file (the columns of tnet merge's: decision, probability, left = dataset:ID, right = list:ID, names, kinds, evidence). Write same in the decision column of the matches you accept and give the file back with --judgements FILE -o OUT: OUT is DATASET with, for each accepted match, every sanction of the list entity as a sanctions link from its authority (added when DATASET has no entity of that id or name) to your entity, citing the list as a source (--source-id, --source-title, --source-url; the sanction's own sources too) and naming the list entity (attribute screened_match). Nothing is written to a protected person.
        CSV: the review file's columns. JSON: {"list","screened","protected_left_out","compared","keys_set_aside" (name or identifier keys not used alone: too many pairs across the dataset and the list; a match resting on one alone is not found, and the table says so),"records_without_name_key":{"dataset","list"} (records whose every name key was set aside: matched only by an identifier, if they have one),"hits":[{"id","name","kind","match","match_name","match_kind","probability","for","against"}]}.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("The watch list (a FollowTheMoney .ftm.jsonl as OpenSanctions publishes it, or any dataset tnet reads).", valueName: "list")) var against: String
    @Option(name: .customLong("list-format"), help: "The list's format when its extension does not tell.") var listFormat: DatasetFormat?
    @Option(help: ArgumentHelp("List matches from this probability on.", valueName: "p")) var minimum: Double = 0.5
    @Option(help: "The most matches listed per entity.") var top: Int = 3
    @Option(help: ArgumentHelp("Write the matches as a review file (CSV) to decide.", valueName: "file")) var review: String?
    @Option(help: ArgumentHelp("A decided review file: its same rows are the accepted matches (repeatable).", valueName: "file")) var judgements: [String] = []
    @Option(name: .shortAndLong, help: ArgumentHelp("With --judgements: write the dataset with the accepted matches' sanctions links.", valueName: "file")) var output: String?
    @Option(name: .customLong("source-id"), help: "The list's source id in OUT (default: its file name without extensions).") var sourceID: String?
    @Option(name: .customLong("source-title"), help: "The list's title in OUT (default: its file name).") var sourceTitle: String?
    @Option(name: .customLong("source-url"), help: "The list's URL in OUT.") var sourceURL: String?
    @Option(help: "Threads for the comparison.") var threads: Int = 2
    @OptionGroup var format: FormatOption

    func validate() throws {
        if !(0 ... 1).contains(minimum) { throw ValidationError("--minimum is between 0 and 1 (got \(minimum))") }
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if output != nil && judgements.isEmpty { throw ValidationError("-o writes the accepted matches: give the decided review file with --judgements") }
        if !judgements.isEmpty && output == nil { throw ValidationError("--judgements needs -o OUT, the dataset to write the accepted matches into") }
        if output == "-" { throw ValidationError("-o -: screen prints its matches on standard output; give -o FILE for the dataset") }
        if review == "-" { throw ValidationError("--review -: screen prints its matches on standard output; give a file") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        try Diagnostics.reporting {
            TerminalProgress.step("reading \(input.input) and \(against)")
            let dataset = try input.load()
            // The list is redacted as the dataset is: nothing protected reaches the output.
            let loadedList = try Dataset.load(against, options: LoadOptions(format: listFormat, redactVictims: input.filters.redactsVictims))
            Diagnostics.redactionNotices(loadedList.redactionNotices)
            let list = loadedList.dataset
            TerminalProgress.step("comparing")
            let screening = Screening(dataset, against: list, minimum: minimum, perEntity: top, threads: threads)
            TerminalProgress.clear()
            let listing = ScreenListing(screening, list: against)
            if let review { try AtomicFile.write(Array(listing.csv.utf8), to: review) }
            if let output {
                var accepted: [(entity: Int, listEntity: Int)] = []
                for file in judgements {
                    for j in try ReviewFile.judgements(InputFile.read(file)) where j.decision == .same {
                        guard j.left.tag == "dataset", j.right.tag == "list" else {
                            throw CLIError("\(j.origin ?? file): a screening judgement is dataset:ID against list:ID (got \(j.left), \(j.right))")
                        }
                        guard let e = dataset.index(of: j.left.id) else { throw CLIError("\(j.origin ?? file): no entity \(quoted(j.left.id)) in \(input.input)") }
                        guard let m = list.index(of: j.right.id) else { throw CLIError("\(j.origin ?? file): no entity \(quoted(j.right.id)) in \(against)") }
                        accepted.append((e, m))
                    }
                }
                let name = URL(fileURLWithPath: against).lastPathComponent
                let stem = String(name.split(separator: ".").first ?? "list")
                let source = Source(id: sourceID ?? stem, title: sourceTitle ?? name, url: sourceURL)
                let (out, notes) = screening.applying(accepted, source: source)
                try out.write(to: output, warnings: Diagnostics.warning)
                for n in notes { Diagnostics.note(n) }
            }
            format.print(listing)
        }
    }
}
