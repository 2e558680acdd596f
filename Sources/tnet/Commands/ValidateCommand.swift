import ArgumentParser
import TraffickingNetworks

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "List every problem of a dataset, with its location; exit 1 when there are errors.",
        discussion: """
        Table: one line per problem, `FILE:LINE:COL: error|warning: message`, then a count. JSON: {"file", "valid", "errors", "warnings", "issues": [{"severity", "code", "message", "file", "line", "column"}]} (file, line, column null when unknown). CSV: severity,code,file,line,column,message.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        var hasErrors = false
        try Diagnostics.reporting {
            var issues: [ValidationIssue]
            do {
                let (dataset, readIssues) = try DatasetFormat.read(path: input.input, format: input.from, options: input.readOptions)
                issues = readIssues + dataset.validate()
                // --redact victims: the messages quote ids and names; they name no protected person.
                if input.filters.redactsVictims {
                    var redaction = Redaction()
                    _ = redaction.apply(to: dataset)
                    issues = issues.map { var i = $0; i.message = redaction.scrub(i.message); return i }
                }
            } catch let error as ReadError where error.file != nil || error.location != nil {
                // A file that cannot be read or parsed is a validation finding too.
                issues = [input.filters.redactsVictims ? error.withheld.issue : error.issue]
            }
            let listing = ValidationListing(issues, file: input.input)
            hasErrors = listing.errors > 0
            output.print(listing)
        }
        if hasErrors { throw ExitCode.failure }
    }
}
