import ArgumentParser
import Foundation
import TraffickingNetworks

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "List every problem of a dataset, with its location; exit 1 when there are errors.",
        discussion: """
        Table: one line per problem, `FILE:LINE:COL: error|warning: message`, then a count. On a terminal the table stops after the first 200 problems and says how many it left out (--all lists them all). JSON: {"file", "valid", "errors", "warnings", "issues": [{"severity", "code", "message", "file", "line", "column"}]} (file, line, column null when unknown). CSV: severity,code,file,line,column,message.
        """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var output: FormatOption

    @Flag(help: "List every problem on a terminal too (it shows the first \(Self.terminalLimit); a file or a pipe gets them all).")
    var all = false

    /// Problems a table on a terminal lists: a large file can have a hundred thousand.
    static let terminalLimit = 200

    func run() throws {
        var hasErrors = false
        try Diagnostics.reporting {
            var listing = try ValidationListing(validating: input.input, options: input.loadOptions)
            if !all && isatty(1) != 0 { listing.tableLimit = Self.terminalLimit }
            hasErrors = listing.errors > 0
            output.print(listing)
        }
        if hasErrors { throw ExitCode.failure }
    }
}
