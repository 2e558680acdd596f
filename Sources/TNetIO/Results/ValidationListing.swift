import TNetModel

/// Every problem of a dataset ready to print, in file order, with its location.
public struct ValidationListing: PrintableResult, Sendable {
    /// The problems, sorted by line and column.
    public let issues: [ValidationIssue]
    /// The input as given.
    public let file: String
    /// How many problems ``table`` lists before it stops and says how many it left out; `nil`
    /// for all of them. JSON and CSV always hold all.
    public var tableLimit: Int?

    /// A listing of `issues`, sorted by line and column.
    /// - Parameters:
    ///   - issues: the problems found.
    ///   - file: the input as given.
    public init(_ issues: [ValidationIssue], file: String) {
        self.issues = issues.sorted { ($0.location?.line ?? 0, $0.location?.column ?? 0) < ($1.location?.line ?? 0, $1.location?.column ?? 0) }
        self.file = file
    }

    /// The number of errors (the rest are warnings).
    public var errors: Int { issues.filter { $0.severity == .error }.count }

    /// One line per problem, `FILE:LINE:COL: severity: message`, then the counts.
    public var table: String {
        let errors = errors
        // Every problem (up to the limit), each on one line, cleaned and cut (a value quoted in a
        // message may be megabytes).
        // Cut to the limit, errors are kept before warnings (helper-58: 200 warnings hid the one
        // error), and shown in file order.
        let shown = min(issues.count, tableLimit ?? issues.count)
        let kept = issues.indices.sorted { (issues[$0].severity == .error ? 0 : 1, $0) < (issues[$1].severity == .error ? 0 : 1, $1) }
            .prefix(shown).sorted()
        var out = kept.map { TextTable.boundedLine(issues[$0].description) + "\n" }.joined()
        if shown < issues.count {
            out += "… \(issues.count - shown) more not listed here (\(shown) shown, errors before warnings, in file order); --all lists them all, "
                + "as does writing to a file or --format csv\n"
        }
        out += "\(file): \(ResultText.counted(errors, "error")), \(ResultText.counted(issues.count - errors, "warning"))\n"
        return out
    }

    /// `{"file","valid","errors","warnings","issues":[{"severity","code","message","file","line","column"}]}`.
    public var json: String {
        let errors = errors
        return JSONWriter.object { w in
            w.key("file"); w.string(file)
            w.key("valid"); w.bool(errors == 0)
            w.key("errors"); w.int(errors)
            w.key("warnings"); w.int(issues.count - errors)
            w.key("issues"); w.beginArray()
            for i in issues {
                w.beginObject()
                w.key("severity"); w.string(i.severity.rawValue)
                w.key("code"); w.string(i.code.rawValue)
                w.key("message"); w.string(i.message)
                w.key("file"); w.string(orNull: i.location?.file)
                w.key("line"); if let l = i.location { w.int(l.line) } else { w.null() }
                w.key("column"); if let l = i.location { w.int(l.column) } else { w.null() }
                w.endObject()
            }
            w.endArray()
        }
    }

    /// `severity,code,file,line,column,message`.
    public var csv: String {
        var out = CSVText.row(["severity", "code", "file", "line", "column", "message"])
        for i in issues {
            out += CSVText.row([i.severity.rawValue, i.code.rawValue, i.location?.file ?? "",
                                i.location.map { String($0.line) } ?? "", i.location.map { String($0.column) } ?? "", i.message])
        }
        return out
    }
}

extension ValidationListing {
    /// Every problem of a dataset file, reading and validation together, for review: a file that
    /// cannot be parsed is one finding with its location. With `options.redactVictims` no
    /// message names a protected person (a parse error's text, which may quote the file, is
    /// withheld).
    /// - Parameters:
    ///   - path: the file or CSV folder.
    ///   - options: how to read, and whether to redact (the filter is not applied).
    /// - Throws: ``ReadError`` only when the file cannot be opened at all (no such file).
    /// - Complexity: linear in the size of the input.
    public init(validating path: String, options: LoadOptions = LoadOptions()) throws {
        var issues: [ValidationIssue]
        var file = path
        do {
            let (dataset, readIssues) = try DatasetFormat.read(path: path, format: options.format, options: options.read)
            issues = readIssues + dataset.validate()
            if options.redactVictims {
                var redaction = Redaction()
                _ = redaction.apply(to: dataset)
                // Entities whose role or kind redaction cannot read: each is an error, and the
                // other problems are not listed (a message about such an entity quotes its id,
                // which may be a victim's name; helper-56), until they are written or declared.
                let unread = Redaction.unreadableIssues(in: dataset)
                if !unread.isEmpty {
                    issues = unread.map { var i = $0; i.message += " (other problems are listed once every role and kind is written or declared)"; return i }
                }
                issues = redaction.redacting(issues, of: dataset)
                // The summary line and JSON name the file as the locations do: a file named
                // for a victim (`somchai-prasert.json`) was printed whole there.
                file = redaction.scrub(path)
            }
        } catch let error as ReadError where error.file != nil || error.location != nil {
            issues = [options.redactVictims ? error.withheld(as: options.format ?? DatasetFormat(path: path)).issue : error.issue]
        }
        self.init(issues, file: file)
    }
}
