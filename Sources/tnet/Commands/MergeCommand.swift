import ArgumentParser
import Foundation
import TraffickingNetworks

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Combine datasets from several sources into one, resolving the entities they share.",
        discussion: """
        tnet merge A B [C…] -o OUT reads every input, finds the records that may be one entity (names and aliases transliterated to Latin and compared whatever the order, romanisation or a typo; passport, id, registration number, phone, wallet and e-mail; dates; countries) and merges:
          - pairs sharing a strong identifier with probability ≥ --automatic (default 0.95): a passport, id or registration number, or a wallet or e-mail when the names are at least 86% alike too and nothing speaks against the pair (an agency's address is in many recruits' records); a protected person and anyone else only when the names are at least 80% alike (a recruiter holds his recruits' passports). An id with a digit and fewer than two words (rec-0412, a UUID) is a label, never compared as a name;
          - the same id in two inputs, when the kinds agree and the names are at least 80% alike;
          - pairs an earlier review judged `same` (--judgements FILE, any number);
          - with --accept-above P, every pair of probability ≥ P (a named deviation: use it only where the scorer has been checked on such data).
        Every other pair of probability ≥ --review-above (default 0.25: a name that is another's words but one still comes up), and every pair sharing a strong identifier whatever its probability (one passport under two names is a lead; where the names are less than 80% alike, a wallet's or e-mail's records are listed beside the first that holds it), goes to the review file (--review FILE; default OUT's name with -review.csv): write same, different or unsure in its decision column and give it back with --judgements. A `different` is never overridden, also not through a third record.
        A merged entity keeps the first record's id (in input order), kind, name, grade and period; other names become aliases, every citation is kept, `merged_from` lists the records (tag:id). A person protected (victim, survivor, witness) in any input stays protected. Links are re-pointed, and the same link stated twice becomes one citing every source. Every disagreement (kind, role, country, grade, period, an attribute) is listed with what was kept; --format csv lists them all.
        Each input's tag (in review files and merged_from) is its file name without extension, or --tag (one per input, in order). --crosswalk FILE writes, for every record, the id it became. With --redact victims the inputs are redacted as they are read: protected persons are then never compared (merge the originals and redact the result to resolve them), and an id that is a protected person's in one input and used in another is an error (the two would share a pseudonym).
        """
    )

    @Argument(help: "The datasets, in order of precedence (any format tnet reads).") var inputs: [String]
    @Option(name: .shortAndLong, help: "The merged dataset (its format from the extension).") var output: String
    @Option(help: ArgumentHelp("Where to write the pairs left for review (CSV).", valueName: "file")) var review: String?
    @Option(help: ArgumentHelp("A review file with decisions (same, different, unsure); may be repeated.", valueName: "file")) var judgements: [String] = []
    @Option(help: ArgumentHelp("The inputs' tags, one per input in order (default: file names without extension).", valueName: "name")) var tag: [String] = []
    @Option(help: ArgumentHelp("Merge pairs sharing a strong identifier from this probability on.", valueName: "p")) var automatic: Double = 0.95
    @Option(help: ArgumentHelp("Merge every pair from this probability on, without review (off by default).", valueName: "p")) var acceptAbove: Double?
    @Option(help: ArgumentHelp("List undecided pairs from this probability on for review (pairs sharing a strong identifier are listed whatever it is).", valueName: "p")) var reviewAbove: Double = 0.25
    @Flag(help: "Compare only records of different inputs (not duplicates within one file).") var acrossOnly = false
    @Option(help: ArgumentHelp("Write each record's tag:id and the id it became (CSV).", valueName: "file")) var crosswalk: String?
    @Option(help: ArgumentHelp("Write every scored pair (left, right, probability; CSV), for audits and benchmarks.", valueName: "file")) var pairs: String?
    @Option(help: "Input format when the extension does not tell.") var from: DatasetFormat?
    @Option(help: ArgumentHelp("Redact protected persons as the inputs are read (victims).", valueName: "what")) var redact: String?
    @Option(help: "Threads for the comparison.") var threads: Int = 2
    @OptionGroup var format: FormatOption

    func validate() throws {
        if inputs.count < 2 { throw ValidationError("give at least two datasets to merge") }
        // Standard output carries the summary, and the review file is named after the output.
        if output == "-" { throw ValidationError("-o -: merge prints its summary on standard output and writes a review file beside the dataset; give -o FILE") }
        for (option, path) in [("--review", review), ("--crosswalk", crosswalk), ("--pairs", pairs)] where path == "-" {
            throw ValidationError("\(option) -: merge prints its summary on standard output; give a file")
        }
        if !tag.isEmpty && tag.count != inputs.count { throw ValidationError("--tag: give one per input (\(inputs.count)), in order") }
        for p in [automatic, reviewAbove] + (acceptAbove.map { [$0] } ?? []) where !(0 ... 1).contains(p) {
            throw ValidationError("probabilities are between 0 and 1 (got \(p))")
        }
        if let redact, redact != "victims" { throw ValidationError("--redact \(quoted(redact)): only \"victims\" can be redacted") }
        if threads < 1 { throw ValidationError("--threads must be at least 1") }
        // Every file written is its own, none an input, each in a folder that exists: checked
        // before anything is read or written, so a failing run leaves nothing half written.
        let outputs = [("-o", output), ("--review", review ?? Self.reviewPath(for: output))] + (crosswalk.map { [("--crosswalk", $0)] } ?? [])
            + (pairs.map { [("--pairs", $0)] } ?? [])
        func canonical(_ p: String) -> String { URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
        var seen: [String: String] = [:]
        for (option, path) in outputs {
            let c = canonical(path)
            if let other = seen[c] { throw ValidationError("\(option) \(path) is also \(other)'s file: each output needs its own") }
            if inputs.map(canonical).contains(c) { throw ValidationError("\(option) \(path) is an input: tnet merge does not overwrite its inputs") }
            seen[c] = option
            let folder = URL(fileURLWithPath: c).deletingLastPathComponent().path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("\(option) \(path): folder \(folder) does not exist")
            }
        }
    }

    /// The tags: given, or each file's name without extensions, made distinct.
    func tags() throws -> [String] {
        var out: [String] = []
        for (i, path) in inputs.enumerated() {
            var t = tag.isEmpty ? String(URL(fileURLWithPath: path).lastPathComponent.split(separator: ".").first ?? "input") : tag[i]
            if t.contains(":") { throw CLIError("tag \(quoted(t)): a tag may not contain \":\" (references are tag:id)") }
            if t.isEmpty { t = "input\(i + 1)" }
            if out.contains(t) {
                guard tag.isEmpty else { throw CLIError("--tag \(quoted(t)) is given twice: tags name the inputs and must differ") }
                t += "-\(i + 1)"
            }
            out.append(t)
        }
        return out
    }

    func run() throws {
        try Diagnostics.reporting {
            let tags = try tags()
            TerminalProgress.step("reading \(inputs.count) datasets")
            let loaded = try Dataset.load(inputs, options: LoadOptions(format: from, redactVictims: redact == "victims", separateInputs: true))
            Diagnostics.redactionNotices(loaded.first?.redactionNotices ?? [])
            for (l, t) in zip(loaded, tags) {
                for w in l.warnings.prefix(3) { Diagnostics.warning((w.location.map { "\($0): " } ?? "") + w.message) }
                if l.warnings.count > 3 { Diagnostics.warning("\(t): \(l.warnings.count - 3) more warnings; `tnet validate` lists them all") }
            }
            var options = MergeOptions()
            options.automaticProbability = automatic
            options.acceptProbability = acceptAbove
            options.reviewProbability = reviewAbove
            options.withinInputs = !acrossOnly
            options.threads = threads
            options.progress = { TerminalProgress.fraction("comparing records", $0) }
            for file in judgements { options.judgements += try ReviewFile.judgements(InputFile.read(file)) }
            if redact == "victims" {
                let protected = loaded.reduce(0) { $0 + $1.dataset.entities.filter(\.isProtected).count }
                if protected > 0 {
                    Diagnostics.note("\(protected) protected person\(protected == 1 ? "" : "s") redacted as read (--redact victims): pseudonyms are never compared, so the same person in two inputs stays two entities; merge the originals and redact the result to resolve them")
                }
            }
            let merge = DatasetMerge(Array(zip(tags, loaded.map(\.dataset))), options: options)
            TerminalProgress.clear()
            try merge.dataset.write(to: output, warnings: Diagnostics.warning)
            let reviewPath = review ?? Self.reviewPath(for: output)
            try AtomicFile.write(ReviewFile.csv(merge.review, threads: threads), to: reviewPath)
            if let crosswalk {
                let rows = CSVText.rows(merge.crosswalk.count, threads: threads) { [merge.crosswalk[$0].record.description, merge.crosswalk[$0].mergedID] }
                try AtomicFile.write(Array(CSVText.row(["record", "merged_id"]).utf8) + rows, to: crosswalk)
            }
            if let pairs {
                let rows = CSVText.rows(merge.scored.count, threads: threads) { k in
                    let p = merge.scored[k]
                    return [p.left.description, p.right.description, String(p.probability)]
                }
                try AtomicFile.write(Array(CSVText.row(["left", "right", "probability"]).utf8) + rows, to: pairs)
            }
            let counts = zip(tags, loaded).map { (tag: $0.0, entities: $0.1.dataset.entities.count, links: $0.1.dataset.links.count) }
            format.print(MergeListing(merge, inputs: counts, reviewFile: reviewPath, acceptProbability: acceptAbove))
        }
    }

    /// `out/merged.json` → `out/merged-review.csv`.
    static func reviewPath(for output: String) -> String {
        let url = URL(fileURLWithPath: output)
        let stem = url.lastPathComponent.split(separator: ".").first.map(String.init) ?? "merged"
        return url.deletingLastPathComponent().appendingPathComponent(stem + "-review.csv").path
    }
}
