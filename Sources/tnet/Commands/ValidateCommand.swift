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
            let listing = try ValidationListing(validating: input.input, options: input.loadOptions)
            hasErrors = listing.errors > 0
            output.print(listing)
        }
        if hasErrors { throw ExitCode.failure }
    }
}
