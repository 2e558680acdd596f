import ArgumentParser
import Foundation
import TraffickingNetworks

/// The input every command takes, with the filters every command shares.
struct InputOptions: ParsableArguments {
    @Argument(help: "Dataset: .json (native), .graphml, .dot/.gv, .csv (entities.csv/links.csv) or a folder of CSV files, .edgelist/.el/.txt/.tsv; - reads standard input.")
    var input: String

    @Option(name: .customLong("input-format"), help: "Input format when the extension does not tell (convert also takes --from): \(DatasetFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var from: DatasetFormat?

    @Flag(name: .long, help: "Read links that do not state a direction (edge lists, CSV link tables without a directed or Gephi Type column) as directed; they are undirected by default, as NetworkX's read_edgelist.")
    var directed = false

    @Option(help: ArgumentHelp("Text encoding of the input when it is not UTF-8: latin1 (ISO 8859-1), cp1252 (Windows-1252, Excel's CSV on Western European Windows) or utf-16. A DOT file's charset=latin1 is honoured without it.", valueName: "name"))
    var encoding: String?

    @Option(name: .customLong("map"), help: ArgumentHelp("Read a column as one of the model's fields: FIELD=COLUMN (repeatable or comma-separated), e.g. source=Anrufer,target=Angerufener,weight=Anzahl. Headers match in any case; Source/Target/Weight, from/to and caller/callee are recognised without it.", valueName: "field=column"))
    var map: [String] = []

    @Option(name: .customLong("date-format"), help: ArgumentHelp("Layout of dates in CSV date columns (from, to, date) when they are not ISO: %d/%m/%Y, %m/%d/%y, %d.%m.%Y %H:%M, %Y%m%d… (%Y year, %y two-digit year 20yy, %m month, %d day, %H %M %S a time of day, dropped; %s Unix time, seconds since 1970, its day in UTC). A link table's date column (Date, call_date, timestamp…, or --map date=COLUMN) is the link's day.", valueName: "layout"))
    var dateFormat: String?

    @Option(help: ArgumentHelp("How CSV numbers (the weight, :double and :int columns) write their decimals when their values do not say: comma (12.500,75, German, French, Spanish spreadsheets) or point (12,500.75). Without it a ';' table's columns are read as their values write them, and a value that reads both ways (1,500, 12.500) with too few others to say which is refused.", valueName: "comma|point"))
    var decimal: DecimalSeparator?

    /// What the files do not say, from the options.
    var readOptions: ReadOptions {
        get throws {
            let columns: [String: String]
            do { columns = try ReadOptions.columns(map.flatMap(splitList)) } catch let error as ReadError { throw CLIError("--map \(error.message)") }
            var encodingValue: TextEncoding?
            if let encoding {
                guard let e = TextEncoding(name: encoding) else {
                    throw CLIError("--encoding \(quoted(encoding)): known encodings are " + TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))
                }
                encodingValue = e
            }
            var layout: DateFormat?
            if let dateFormat {
                guard let f = DateFormat(dateFormat) else {
                    throw CLIError("--date-format \(quoted(dateFormat)): use %Y or %y with %m and %d and literal separators, e.g. %d/%m/%Y")
                }
                layout = f
            }
            if !columns.isEmpty || dateFormat != nil || decimal != nil {
                let format = from ?? (input == "-" ? nil : DatasetFormat(path: input))
                if format != .csv {
                    throw CLIError("\(!columns.isEmpty ? "--map" : dateFormat != nil ? "--date-format" : "--decimal") applies to CSV tables; \(input) is read as \(format?.rawValue ?? "a sniffed format"), whose fields have fixed names")
                }
            }
            var options = ReadOptions(directed: directed, encoding: encodingValue, columns: columns, dateFormat: layout)
            options.decimal = decimal
            return options
        }
    }

    @OptionGroup(title: "Filters (applied to the model before any analysis)")
    var filters: FilterOptions

    /// What to read and keep, from the options.
    var loadOptions: LoadOptions {
        get throws { LoadOptions(read: try readOptions, format: from, redactVictims: filters.redactsVictims, filter: filters.filter) }
    }

    /// Reads, redacts, validates and filters (the library's victim-safe load); warnings and the
    /// redaction count go to standard error.
    func load() throws -> Dataset { try loaded().dataset }

    /// Like ``load()``, with where the data came from (the input, the filter, the counts before it).
    func loaded() throws -> LoadedDataset { try load(paths: [input])[0] }

    /// Two files compared (`tnet diff BEFORE AFTER`): one pseudonym per person in both.
    func loadPair(after: String) throws -> (before: Dataset, after: Dataset) {
        let both = try load(paths: [input, after])
        return (both[0].dataset, both[1].dataset)
    }

    private func load(paths: [String]) throws -> [LoadedDataset] {
        // Checked here, not in validate(): `tnet ego ID --radius N` sets the ego itself.
        if filters.ego == nil && filters.radius != 1 { throw CLIError("--radius needs --ego") }
        let loaded: [LoadedDataset]
        do {
            loaded = try Dataset.load(paths, options: loadOptions)
        } catch let error as LoadError where error.more > 0 {
            throw CLIError(error.description(pointingTo: "`tnet validate` lists them all"))
        }
        for l in loaded {
            for w in l.warnings.prefix(5) { Diagnostics.warning((w.location.map { "\($0): " } ?? "") + w.message) }
            if l.warnings.count > 5 { Diagnostics.warning("\(l.warnings.count - 5) more warnings; `tnet validate` lists them all") }
            for w in l.filterWarnings { Diagnostics.warning(text(w)) }
        }
        if let n = loaded.first?.redacted, n > 0 {
            Diagnostics.note("\(n) protected person\(n == 1 ? "" : "s") redacted (--redact victims)")
        }
        // Every other change redaction made, once each: nothing changes silently.
        Diagnostics.redactionNotices(loaded.first?.redactionNotices ?? [])
        if loaded.first?.isRedacted == true { EntityArguments.redacting = true }
        return loaded
    }

    private func text(_ w: FilterWarning) -> String {
        switch w {
        case .noEntityOfKind(let k): "--kinds: no entity has kind \(quoted(k.rawValue))"
        case .noLinkOfKind(let k): "--link-kinds: no link has kind \(quoted(k.rawValue))"
        case .noEntityWithRole(let r): "--exclude-role: no entity has role \(quoted(r.rawValue))"
        case .withheld(let f): (f == .entityKind ? "--kinds" : f == .linkKind ? "--link-kinds" : "--exclude-role") + ": " + w.description
        case .nothingDated: "--as-of: nothing in \(input) has a date, so every fact is kept (undated facts always are); a link table's date column is read as the link's day (--map date=COLUMN)"
        case .mostlyUndated: "--as-of: " + w.description
        }
    }
}

/// `--kinds`, `--link-kinds`, `--as-of`, `--min-confidence`, `--exclude-role`, `--ego`, `--radius`.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Keep only entities of these kinds (comma-separated).", valueName: "kinds"))
    var kinds: String?

    @Option(name: .customLong("link-kinds"), help: ArgumentHelp("Keep only links of these kinds (comma-separated).", valueName: "kinds"))
    var linkKinds: String?

    @Option(name: .customLong("as-of"), help: ArgumentHelp("Keep what held on DATE (YYYY, YYYY-MM or YYYY-MM-DD): facts whose period overlaps it (a partial date spans its year or month), and facts with no period.", valueName: "date"))
    var asOf: String?

    @Option(name: .customLong("min-confidence"), help: ArgumentHelp("Keep facts graded at least GRADE on both Admiralty axes (B3 keeps A1..B3; F ranks between D and E, 6 between 4 and 5), or with a confidence value of at least a number in (0,1]. Ungraded facts are dropped.", valueName: "grade"))
    var minConfidence: String?

    @Option(name: .customLong("exclude-role"), help: ArgumentHelp("Remove persons with this role (repeatable or comma-separated), e.g. victim.", valueName: "role"))
    var excludeRole: [String] = []

    @Option(help: ArgumentHelp("Keep only the neighbourhood of this entity id (hops follow links either way).", valueName: "id"))
    var ego: String?

    @Option(help: "Hops from --ego.")
    var radius: Int = 1

    @Option(help: ArgumentHelp("victims: replace the names and ids of protected persons (victims, survivors) by stable pseudonyms (Victim 1, victim-1) in every output, and drop their attributes.", valueName: "what"))
    var redact: String?

    var redactsVictims: Bool { redact == "victims" }

    func validate() throws {
        if let asOf, PartialDate(asOf) == nil {
            throw ValidationError("--as-of \(quoted(asOf)) is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
        }
        if let minConfidence, ConfidenceThreshold(minConfidence) == nil {
            throw ValidationError("--min-confidence \(quoted(minConfidence)) is not an Admiralty grade (A1..F6) or a number in (0,1]")
        }
        if radius < 0 { throw ValidationError("--radius must be 0 or more") }
        if let redact, redact != "victims" { throw ValidationError("--redact \(quoted(redact)): only \"victims\" can be redacted") }
    }

    var filter: DatasetFilter {
        DatasetFilter(
            entityKinds: kinds.map(splitList).map { Set($0.map { EntityKind($0) }) },
            linkKinds: linkKinds.map(splitList).map { Set($0.map { LinkKind($0) }) },
            asOf: asOf.flatMap(PartialDate.init),
            minimumConfidence: minConfidence.flatMap(ConfidenceThreshold.init),
            excludedRoles: Set(excludeRole.flatMap(splitList).map { PersonRole($0) }),
            ego: ego, radius: radius)
    }
}

extension DatasetFormat: ExpressibleByArgument {}

/// Warns when `--weighted` is asked of a dataset whose links carry no weight.
func warnIfNoWeights(_ dataset: Dataset, weighted: Bool) {
    guard weighted, !dataset.links.isEmpty, !dataset.links.contains(where: { $0.weight != nil }) else { return }
    Diagnostics.warning("--weighted: no link has a weight, so each counts 1 and a tie weighs as many links as it combines (with --combine sum); name a weight column with --map weight=COLUMN")
}

/// `--combine` and `--weight-as`: how a dataset becomes the one graph every analysis reads.
struct ProjectionArguments: ParsableArguments {
    @Option(help: ArgumentHelp("How links between the same two entities (repeated calls, a call each way when undirected) become one tie: sum (default: a tie's weight is the sum of its links' weights, a missing weight counting 1; as Gephi), max, min (default with --weight-as distance), first or last (by line; last is NetworkX's Graph, where a repeated edge overwrites). Without weights a tie counts once however it is combined.", valueName: "rule"))
    var combine: LinkCombination?

    @Option(name: .customLong("weight-as"), help: ArgumentHelp("What a weight measures: networkx (default: used as given, a length in path measures and a strength in the others, as NetworkX), strength (calls, money: path measures use 1/w as the length, so many calls make a short tie) or distance (km, days: strength measures use 1/w).", valueName: "meaning"))
    var weightAs: WeightMeaning = .networkx

    /// The projection with `weighted`, `direction` and the rules given.
    func projection(weighted: Bool, direction: ProjectionOptions.Direction = .auto) -> ProjectionOptions {
        ProjectionOptions(direction: direction, weighted: weighted,
                          combine: combine ?? (weightAs == .distance ? .min : .sum), weightMeaning: weightAs)
    }
}

extension LinkCombination: ExpressibleByArgument {}
extension WeightMeaning: ExpressibleByArgument {}

/// A comma-separated option as trimmed, non-empty items.
func splitList(_ text: String?) -> [String] {
    guard let text else { return [] }
    return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// The named values of a comma-separated option, each once, in order; an empty list or an
/// unknown name is a usage error listing the names.
func parseList<T: RawRepresentable & CaseIterable & Hashable>(_ text: String, option: String, noun: String) throws -> [T] where T.RawValue == String {
    let names = splitList(text)
    guard !names.isEmpty else { throw ValidationError("\(option) needs at least one \(noun)") }
    var seen = Set<T>()
    return try names.compactMap { name in
        guard let value = T(rawValue: name) else {
            throw ValidationError("unknown \(noun) \(quoted(name)); \(noun == "strategy" ? "strategies" : noun + "s"): \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return seen.insert(value).inserted ? value : nil
    }
}

extension DecimalSeparator: ExpressibleByArgument {}
