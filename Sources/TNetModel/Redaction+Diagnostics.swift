extension Redaction {
    /// `issues`, found reading and validating `dataset` (as read, before redaction), as they may
    /// be shown while protected persons are redacted: no message or file name names one.
    ///
    /// An issue located inside a protected person's record (after where the record starts and
    /// before the next record of the same file starts, by the reader's ``ReadLocations``) keeps
    /// its severity, code and location, and its message says only the kind of problem
    /// (``ValidationIssue/summary``) and whose record it is, by pseudonym: the message may quote
    /// the record's values (a misspelt grade next to a name, an attribute key that is a phone
    /// number), which redaction drops. Every other message, and every location's file name, has
    /// each protected person's id, name or alias replaced by their pseudonym id (``scrub(_:)``).
    ///
    /// ```swift
    /// var r = Redaction()
    /// _ = r.apply(to: dataset)
    /// for issue in r.redacting(issues, of: dataset) { print(issue) }
    /// // data.json:7:19: error: a value cannot be read as its field requires, in the record of victim-1 (…)
    /// ```
    /// - Parameters:
    ///   - issues: the issues, as the reader and ``Dataset/validate()`` made them.
    ///   - dataset: the dataset they were found in, as read (its ids are the originals).
    /// - Returns: the issues, in the same order.
    /// - Complexity: O((*n* + *m*) log(*n* + *m*)) to order the records, then O(log) per
    ///   located issue, plus the cost of ``scrub(_:)`` per message.
    public func redacting(_ issues: [ValidationIssue], of dataset: Dataset) -> [ValidationIssue] {
        let records = count > 0 ? Self.protectedRecords(dataset, pseudonym: { pseudonym(ofID: $0) }) : [:]
        return issues.map { issue in
            var issue = issue
            if let l = issue.location, let starts = records[l.file] {
                // The last record starting at or before the issue.
                var lo = 0, hi = starts.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if (starts[mid].line, starts[mid].column) <= (l.line, l.column) { lo = mid + 1 } else { hi = mid }
                }
                if lo > 0, let p = starts[lo - 1].pseudonym {
                    issue.message = "\(issue.summary), in the record of \(p) (the message is withheld while protected persons are redacted, as it may quote their record; read the file without redaction to see it)"
                }
            }
            let scrubbed = scrubMessage(issue.message)
            if issue.code == .danglingEndpoint && scrubbed != issue.message {
                // A link naming no entity, with text that holds a protected person's id or name
                // (`mai-tran2` beside the victim `mai-tran`): shown with the pseudonym inside, it
                // would read as the victim's own id, and the near-copy quoted is a near-copy of
                // them. Said without the text.
                let end = issue.message.hasPrefix("link target") ? "target" : "source"
                issue.message = "link \(end) is not an entity id (the text is withheld while protected persons are redacted, as it holds a protected person's id or name; read the file without redaction to see it)"
            } else {
                issue.message = scrubbed
            }
            issue.location = issue.location.map { SourceLocation(file: scrub($0.file), line: $0.line, column: $0.column) }
            return issue
        }
    }

    /// A diagnostic message with each protected person's id, name or alias replaced by their
    /// pseudonym id: what it quotes (`"…"`, as every message quotes the data, a backslash
    /// escaping the next character) as an id-bearing field (``scrub(_:)``); tnet's own words
    /// between the quotes as free text, where a short id of letters or digits (`an`, `3`) is an
    /// ordinary word and not replaced: with a victim whose id is `an`, "is not an entity id"
    /// read "is not victim-1 entity id", and "kept as an attribute" "kept as victim-1
    /// attribute", as if the field were the victim's; and a one-word name only where it starts
    /// with a capital (the victims `Not`, `Date` and `Grade` rewrote "is not an ISO date" and
    /// "an Admiralty grade": helper-63). A quoted id of an entity or a source as read is its id
    /// in the output (an entity's before a source's), whatever the matcher would read in it;
    /// other quoted text that the reading changes is kept apart from the output's ids
    /// (``IDRenaming/apart(_:_:)``), as values under id keys are. An unclosed quote runs to the end.
    /// - Parameter message: the message as made.
    /// - Returns: the message redacted.
    public func scrubMessage(_ message: String) -> String {
        guard count > 0, message.contains("\"") else {
            return count > 0 ? matcher.replacing(in: message, identifier: true, shortIDs: false, ownWords: true) ?? message : message
        }
        var out = "", piece = ""
        var inQuote = false, escaped = false
        func flush() {
            let read = matcher.replacing(in: piece, identifier: true, shortIDs: inQuote ? nil : false, ownWords: !inQuote) ?? piece
            if inQuote, let ids = renaming {
                // A quoted record id reads as the output names it: read by the matcher,
                // `james-thomas` (a recruiter beside the victim Thomas James) had read `withheld`
                // where the converted file has `withheld-1` (helper-96). Other quoted text that
                // the reading changed is kept apart from the output's ids, as the data's values
                // are (helper-102: a country `thomas-james-2` had read `victim-1-2`, a site's
                // id); text it leaves is quoted as it stands, as a kind or an agreement keeps it
                // in the output (helper-104).
                out += ids.output(piece) ?? (read == piece ? piece : ids.apart(piece, read))
            } else {
                out += read
            }
            piece = ""
        }
        for c in message {
            if inQuote && escaped {
                piece.append(c)
                escaped = false
            } else if inQuote && c == "\\" {
                piece.append(c)
                escaped = true
            } else if c == "\"" {
                flush()
                out.append(c)
                inQuote.toggle()
            } else {
                piece.append(c)
            }
        }
        flush()
        return out
    }

    /// Every record of `dataset` with a recorded start, by file, in order of position: the
    /// pseudonym for a protected person's, nil for any other (an entity, a link, a source).
    static func protectedRecords(_ dataset: Dataset, pseudonym: (String) -> String?)
        -> [String: [(line: Int, column: Int, pseudonym: String?)]] {
        guard let loc = dataset.locations else { return [:] }
        var byFile: [String: [(line: Int, column: Int, pseudonym: String?)]] = [:]
        for (i, p) in loc.entities.enumerated() where i < dataset.entities.count {
            let e = dataset.entities[i]
            byFile[loc.file, default: []].append((Int(p.line), Int(p.column), e.isProtected ? pseudonym(e.id) : nil))
        }
        for p in loc.links { byFile[loc.linksFile ?? loc.file, default: []].append((Int(p.line), Int(p.column), nil)) }
        for p in loc.sources { byFile[loc.sourcesFile ?? loc.file, default: []].append((Int(p.line), Int(p.column), nil)) }
        // Only files where some protected person's record is.
        return byFile.filter { $0.value.contains { $0.pseudonym != nil } }
            .mapValues { $0.sorted { ($0.line, $0.column) < ($1.line, $1.column) } }
    }
}
