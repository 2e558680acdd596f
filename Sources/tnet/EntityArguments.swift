import Foundation
import TraffickingNetworks

/// Entities named on the command line by id, name or alias (``EntityLookup``): each becomes the
/// entity's id before the library sees it, so every output names ids, and a name taken for an
/// entity is said on standard error (never silent).
enum EntityArguments {
    /// Set when the dataset was loaded with `--redact victims`: what was typed is then never
    /// repeated (a protected person's name typed on the command line would be echoed on
    /// standard error, which a log may keep); the entities named are the redacted dataset's.
    nonisolated(unsafe) static var redacting = false

    /// Runs `body`, an analysis given the field name typed for `--partition`; under
    /// `--redact victims` an error quoting a field name other than `kind`, `country` or `role`
    /// says it without the name (a protected person's name typed there was echoed: helper-63).
    static func withholdingPartition<T>(_ partition: String, _ body: () throws -> T) throws -> T {
        guard redacting, !["kind", "country", "role"].contains(partition) else { return try body() }
        do {
            return try body()
        } catch let error as CentralityError where error.description == "brokerage: no entity has a value for the partition \"\(partition)\"" {
            throw CLIError("brokerage: no entity has a value for the --partition given (not repeated under --redact victims)")
        }
    }

    /// The id `text` names: an id as written; else the one entity whose name, alias or folded id
    /// it is (said as a note). Errors name the option and suggest the closest names.
    static func id(_ text: String, in dataset: Dataset, option: String) throws -> String {
        if dataset.index(of: text) != nil { return text }
        let found: (index: Int, byName: EntityLookup.Match?)
        if redacting {
            do {
                found = try dataset.resolveEntity(text, what: option)
            } catch {
                throw Self.withheld(error, option: option)
            }
        } else {
            found = try dataset.resolveEntity(text, what: option)
        }
        let (i, match) = found
        let e = dataset.entities[i]
        if let match {
            Diagnostics.note(redacting ? "\(option): \(e.id) (\(e.kind.rawValue)), by its \(match.field.rawValue)"
                                       : "\(option) \(quoted(text)): \(e.id) (\(e.kind.rawValue)), by its \(match.field.rawValue) \(quoted(match.matched))")
        }
        return e.id
    }

    /// The failure to name an entity, without the text typed (under redaction).
    static func withheld(_ error: AnalysisError, option: String) -> CLIError {
        if case .ambiguousEntity = error {
            return CLIError("\(option): the text given names several entities (not repeated under --redact victims); give an id")
        }
        return CLIError("\(option): no entity has the id, name or alias given (not repeated under --redact victims; a protected person is named by a pseudonym such as victim-1)")
    }

    /// The items of a comma-separated list of ids, kinds or names, each an id or kind. A whole
    /// text that names one entity is that entity, commas and all (`Syndicate bosses, Kokang`).
    static func list(_ text: String?, in dataset: Dataset, option: String, kinds: Bool = true) throws -> [String] {
        guard let text else { return [] }
        let whole = text.trimmingCharacters(in: .whitespaces)
        if text.contains(","), dataset.index(of: whole) == nil, EntityLookup(dataset).exact(whole).count == 1 {
            return [try id(whole, in: dataset, option: option)]
        }
        return try splitList(text).map { item in
            if kinds && dataset.index(of: item) == nil && dataset.entities.contains(where: { $0.kind.rawValue == item }) { return item }
            return try id(item, in: dataset, option: option)
        }
    }
}
