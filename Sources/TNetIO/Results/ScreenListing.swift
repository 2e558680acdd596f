import TNetModel

/// What `tnet screen` prints: each screened entity's best matches in the list, with the
/// probability and the evidence for and against.
public struct ScreenListing: PrintableResult, Sendable {
    /// The screening.
    public let screening: Screening
    /// The list's file, as given.
    public let listName: String

    /// A listing of `screening` against the list read from `listName`.
    public init(_ screening: Screening, list listName: String) {
        self.screening = screening
        self.listName = listName
    }

    private func evidence(_ h: Screening.Hit, _ sign: Double) -> String {
        h.score.evidence.filter { $0.weight * sign > 0 }.map(\.text).joined(separator: "; ")
    }

    /// `{"list","screened","protected_left_out","compared","keys_set_aside","records_without_name_key":{"dataset","list"},"hits":[{"id","name","kind","match","match_name","match_kind","probability","for":[…],"against":[…]}]}`.
    public var json: String {
        let s = screening
        return JSONWriter.object { w in
            w.key("list"); w.string(listName)
            w.key("screened"); w.int(s.screened)
            w.key("protected_left_out"); w.int(s.protectedLeftOut)
            w.key("compared"); w.int(s.compared)
            w.key("keys_set_aside"); w.int(s.keysSetAside)
            w.key("records_without_name_key"); w.beginObject()
            w.key("dataset"); w.int(s.recordsWithoutNameKey)
            w.key("list"); w.int(s.listRecordsWithoutNameKey)
            w.endObject()
            w.key("hits"); w.beginArray()
            for h in s.hits {
                let e = s.dataset.entities[h.entity], m = s.list.entities[h.listEntity]
                w.beginObject()
                w.key("id"); w.string(e.id)
                w.key("name"); w.string(e.label)
                w.key("kind"); w.string(e.kind.rawValue)
                w.key("match"); w.string(m.id)
                w.key("match_name"); w.string(m.label)
                w.key("match_kind"); w.string(m.kind.rawValue)
                w.key("probability"); w.double(h.score.probability)
                w.key("for"); w.strings(h.score.evidence.filter { $0.weight > 0 }.map(\.text))
                w.key("against"); w.strings(h.score.evidence.filter { $0.weight < 0 }.map(\.text))
                w.endObject()
            }
            w.endArray()
        }
    }

    /// The review file's columns (``ReviewFile``): `left` is `dataset:ID`, `right` `list:ID`; a
    /// `decision` of `same` accepts a match (`tnet screen --judgements`).
    public var csv: String {
        let pairs = screening.hits.map { h in
            MergeCandidate(left: RecordReference(tag: "dataset", id: screening.dataset.entities[h.entity].id),
                           right: RecordReference(tag: "list", id: screening.list.entities[h.listEntity].id),
                           leftEntity: screening.dataset.entities[h.entity], rightEntity: screening.list.entities[h.listEntity], score: h.score)
        }
        return String(decoding: ReviewFile.csv(pairs), as: UTF8.self)
    }

    /// Counts, then one row a hit.
    public var table: String {
        let s = screening
        var out = "screened \(s.screened) people and organisations against \(TextTable.clean(listName)) (\(s.list.entities.count) entities); \(s.compared) pairs compared\n"
        if s.protectedLeftOut > 0 {
            out += "\(s.protectedLeftOut) protected person\(s.protectedLeftOut == 1 ? "" : "s") (victims, survivors, witnesses) not screened\n"
        }
        if s.protectedInList > 0 {
            out += "\(s.protectedInList) protected person\(s.protectedInList == 1 ? "" : "s") of the list never compared\n"
        }
        if s.keysSetAside > 0 {
            out += "\(s.keysSetAside) name or identifier key\(s.keysSetAside == 1 ? " was" : "s were") not used alone, as each would add more pairs than \(CandidateSearch().blockLimit) records do (a name key was used within each country and each year of birth or incorporation instead): a match resting on one of them alone may not be found"
                + (s.recordsWithoutNameKey + s.listRecordsWithoutNameKey > 0
                   ? "; \(s.recordsWithoutNameKey) of the \(s.screened) screened and \(s.listRecordsWithoutNameKey) of the list's entities have no other name key, so are matched only by an identifier, if they have one" : "")
                + "\n"
        }
        guard !s.hits.isEmpty else { return out + "no match at or above the minimum probability\n" }
        var t = TextTable(header: ["entity", "match in the list", "p", "evidence for", "against"], rightAligned: [2])
        for h in s.hits {
            let e = s.dataset.entities[h.entity], m = s.list.entities[h.listEntity]
            t.rows.append([ResultText.entity(e), ResultText.entity(m), ReviewFile.format2(h.score.probability), evidence(h, 1), evidence(h, -1)]
                .map { TextTable.bounded(TextTable.clean($0)) })
        }
        return out + t.text
    }
}
