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
    @Option(help: "Output: table, json or csv.") var format: ResultFormat = .table

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
            issues.sort { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
            let errors = issues.filter { $0.severity == .error }.count
            hasErrors = errors > 0
            switch format {
            case .table:
                var out = issues.map { Diagnostics.oneLine($0.description) + "\n" }.joined()
                out += "\(input.input): \(errors) error\(errors == 1 ? "" : "s"), \(issues.count - errors) warning\(issues.count - errors == 1 ? "" : "s")\n"
                emit(out)
            case .json:
                var w = JSONWriter(pretty: true)
                w.beginObject()
                w.key("file"); w.string(input.input)
                w.key("valid"); w.bool(errors == 0)
                w.key("errors"); w.int(errors)
                w.key("warnings"); w.int(issues.count - errors)
                w.key("issues"); w.beginArray()
                for i in issues {
                    w.beginObject()
                    w.key("severity"); w.string(i.severity.rawValue)
                    w.key("code"); w.string(i.code.rawValue)
                    w.key("message"); w.string(i.message)
                    w.key("file"); if let l = i.location { w.string(l.file) } else { w.null() }
                    w.key("line"); if let l = i.location { w.int(l.line) } else { w.null() }
                    w.key("column"); if let l = i.location { w.int(l.column) } else { w.null() }
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                emit(w.text + "\n")
            case .csv:
                var out = CSVText.row(["severity", "code", "file", "line", "column", "message"])
                for i in issues {
                    out += CSVText.row([i.severity.rawValue, i.code.rawValue, i.location?.file ?? "",
                                        i.location.map { String($0.line) } ?? "", i.location.map { String($0.column) } ?? "", i.message])
                }
                emit(out)
            }
        }
        if hasErrors { throw ExitCode.failure }
    }
}
