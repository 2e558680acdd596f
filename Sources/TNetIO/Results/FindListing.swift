import TNetModel

/// What `tnet find` prints: the entities whose id, name or alias is most like a text, best
/// first, with what matched and how well.
public struct FindListing: PrintableResult, Sendable {
    /// The dataset searched.
    public let dataset: Dataset
    /// The text searched for; nil when it is not to be repeated (under `--redact victims` it may
    /// be a protected person's name, typed by the analyst).
    public let text: String?
    /// The matches, best first.
    public let matches: [EntityLookup.Match]

    /// A listing of `matches` for `text` in `dataset`.
    /// - Parameter repeating: false to leave the text out of every format (the query is
    ///   `null` in JSON; the table's empty line does not quote it).
    public init(_ matches: [EntityLookup.Match], for text: String, in dataset: Dataset, repeating: Bool = true) {
        self.matches = matches
        self.text = repeating ? text : nil
        self.dataset = dataset
    }

    private func score(_ m: EntityLookup.Match) -> String { ResultText.fixed4(m.score) }

    /// `{"query","matches":[{"id","kind","name","matched","field","score","protected"}]}`:
    /// `protected` as every listing has it (a victim, survivor or witness, by role or attribute).
    public var json: String {
        JSONWriter.object { w in
            w.key("query"); if let text { w.string(text) } else { w.null() }
            w.key("matches"); w.beginArray()
            for m in matches {
                let e = dataset.entities[m.entity]
                w.beginObject()
                w.key("id"); w.string(e.id)
                w.key("kind"); w.string(e.kind.rawValue)
                w.key("name"); if let n = e.name { w.string(n) } else { w.null() }
                w.key("matched"); w.string(m.matched)
                w.key("field"); w.string(m.field.rawValue)
                w.key("score"); w.double(m.score)
                w.key("protected"); w.bool(e.isProtected)
                w.endObject()
            }
            w.endArray()
        }
    }

    /// `id,kind,name,matched,field,score,protected` (`true` or `false`, as other listings).
    public var csv: String {
        var out = CSVText.row(["id", "kind", "name", "matched", "field", "score", "protected"])
        for m in matches {
            let e = dataset.entities[m.entity]
            out += CSVText.row([e.id, e.kind.rawValue, e.name ?? "", m.matched, m.field.rawValue, score(m), String(e.isProtected)])
        }
        return out
    }

    /// One row a match; a line saying so when nothing matched.
    public var table: String {
        guard !matches.isEmpty else {
            guard let text else { return "no entity's id, name or alias is like the text given (not repeated under --redact victims)\n" }
            return TextTable.boundedLine("no entity's id, name or alias is like \(quoted(text))") + "\n"
        }
        var t = TextTable(header: ["score", "id", "kind", "name", "matched"], rightAligned: [0])
        for m in matches {
            let e = dataset.entities[m.entity]
            let matched = m.field == .name ? "name" : m.field.rawValue + " " + m.matched
            // A protected person is marked, as in every label (helper-52: find showed none).
            let kind = TextTable.bounded(TextTable.clean(e.kind.rawValue)) + (e.isProtected ? " [protected]" : "")
            t.rows.append([score(m), TextTable.shownID(e.id), kind] + [e.name ?? "", matched].map { TextTable.bounded(TextTable.clean($0)) })
        }
        return t.text
    }
}
