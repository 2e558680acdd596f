/// Builds the merged dataset from the inputs and the clusters ``DatasetMerge`` decided: one
/// entity per cluster, sources and links of every input re-pointed, and every disagreement
/// recorded.
struct MergeBuilder {
    let inputs: [(tag: String, dataset: Dataset)]
    let records: [ResolutionRecord]
    let offset: [Int]
    /// Cluster root → its records, in input order.
    var members: [Int: [Int]] = [:]
    /// Record → the merged entity's id.
    var outputID: [String] = []
    var output = Dataset()
    var conflicts: [MergeConflict] = []
    var notes: [String] = []

    init(inputs: [(tag: String, dataset: Dataset)], records: [ResolutionRecord], offset: [Int]) {
        self.inputs = inputs
        self.records = records
        self.offset = offset
    }

    private func entity(_ g: Int) -> Entity { inputs[records[g].input].dataset.entities[records[g].entity] }
    private func ref(_ g: Int) -> String { inputs[records[g].input].tag + ":" + entity(g).id }

    mutating func build() {
        let first = inputs[0].dataset
        output = Dataset(title: first.title, description: first.description, directed: first.directed,
                         schema: mergedSchema(), extra: first.extra)
        if inputs.dropFirst().contains(where: { $0.dataset.directed != first.directed }) {
            output.directed = nil
            notes.append("the inputs' default link directions differ: the merge leaves it to each link's kind")
        }
        let citation = mergeSources()
        // Ids: the first record's, unless another cluster's first record took it.
        outputID = [String](repeating: "", count: records.count)
        let clusters = members.values.sorted { $0[0] < $1[0] }
        var taken = Set<String>()
        for c in clusters {
            var id = entity(c[0]).id
            if let other = taken.firstIndex(of: id).map({ taken[$0] }) {
                let original = id
                id += "~" + inputs[records[c[0]].input].tag
                while taken.contains(id) { id += "~" }
                // (Where the ids are one text in two Unicode forms, both spellings are said.)
                let spelling = other.utf8.elementsEqual(original.utf8) ? "" : " (the same text in two Unicode forms, \(spelledOut(original)) and \(spelledOut(other)))"
                notes.append("\(ref(c[0])) is another entity than the \(other) of an earlier input\(spelling): written as \(id)")
            }
            taken.insert(id)
            for g in c { outputID[g] = id }
        }
        // An entity's country names a country entity of its own input: re-pointed like a link.
        let (inputs, offset, ids) = (self.inputs, self.offset, outputID)
        let mapped = { (id: String?, input: Int) -> String? in
            guard let id else { return nil }
            guard let i = inputs[input].dataset.index(of: id) else { return id }
            return ids[offset[input] + i]
        }
        for c in clusters {
            var e = entity(c[0])
            e.id = outputID[c[0]]
            e.country = mapped(e.country, records[c[0]].input)
            e.sources = e.sources.map { citation[records[c[0]].input][$0] ?? $0 }
            if c.count > 1 { merge(into: &e, cluster: c, mapped: mapped, citation: citation) }
            output.append(e)
        }
        mergeLinks(citation: citation)
    }

    private func mergedSchema() -> Schema {
        var s = inputs[0].dataset.schema
        for input in inputs.dropFirst() {
            let o = input.dataset.schema
            for k in o.entityKinds where !s.entityKinds.contains(k) { s.entityKinds.append(k) }
            for k in o.linkKinds where !s.linkKinds.contains(k) { s.linkKinds.append(k) }
            s.symmetricLinkKinds.formUnion(o.symmetricLinkKinds)
            for r in o.roles where !s.roles.contains(r) { s.roles.append(r) }
            for (k, v) in o.targets.kinds where s.targets.kinds[k] == nil { s.targets.kinds[k] = v }
            for (k, v) in o.targets.entities where s.targets.entities[k] == nil { s.targets.entities[k] = v }
        }
        return s
    }

    /// Sources by id across inputs; per input, its source ids' new names.
    private mutating func mergeSources() -> [[String: String]] {
        var byID: [String: Source] = [:]
        var citation = [[String: String]](repeating: [:], count: inputs.count)
        for (k, input) in inputs.enumerated() {
            for s in input.dataset.sources {
                if let kept = byID[s.id] {
                    if kept == s {
                        // The same source, its id spelt in another Unicode form (`José` composed
                        // and decomposed): one, cited in the kept spelling, and said.
                        if !kept.id.utf8.elementsEqual(s.id.utf8) {
                            citation[k][s.id] = kept.id
                            notes.append("source \(spelledOut(s.id)) of \(input.tag) is the earlier \(spelledOut(kept.id)) in another Unicode form: "
                                         + "read as one, cited in the earlier spelling")
                        }
                        continue
                    }
                    var renamed = s
                    renamed.id = s.id + "~" + input.tag
                    while byID[renamed.id] != nil { renamed.id += "~" }
                    citation[k][s.id] = renamed.id
                    byID[renamed.id] = renamed
                    output.sources.append(renamed)
                    notes.append("source \(s.id) of \(input.tag) differs from the earlier one of that id: kept as \(renamed.id)")
                } else {
                    byID[s.id] = s
                    output.sources.append(s)
                }
            }
        }
        return citation
    }

    private mutating func merge(into e: inout Entity, cluster c: [Int], mapped: (String?, Int) -> String?,
                                citation: [[String: String]]) {
        let subject = e.id
        func note(_ field: String, _ values: [(Int, String)], kept: String) {
            guard Set(values.map(\.1)).count > 1 else { return }
            conflicts.append(MergeConflict(subject: subject, field: field, values: values.map { ref($0.0) + " = " + $0.1 }, kept: kept))
        }
        let all = c.map { ($0, entity($0)) }
        note("kind", all.map { ($0.0, $0.1.kind.rawValue) }, kept: e.kind.rawValue)
        // A person protected anywhere stays protected.
        if let protected = all.first(where: { $0.1.isProtected }) {
            let roles = all.compactMap { g, x in x.role.map { (g, $0.rawValue) } }
            if !e.isProtected {
                e.role = protected.1.role
                conflicts.append(MergeConflict(subject: subject, field: "role", values: roles.map { ref($0.0) + " = " + $0.1 },
                                               kept: "\(protected.1.role?.rawValue ?? "protected") (\(ref(protected.0))): a person protected in any input stays protected"))
            } else {
                note("role", roles, kept: e.role?.rawValue ?? "")
            }
        } else {
            note("role", all.compactMap { g, x in x.role.map { (g, $0.rawValue) } }, kept: e.role?.rawValue ?? "none")
        }
        note("country", all.compactMap { g, x in mapped(x.country, records[g].input).map { (g, $0) } }, kept: e.country ?? "none")
        note("confidence", all.compactMap { g, x in x.confidence.map { (g, $0.description) } }, kept: e.confidence?.description ?? "none")
        note("period", all.compactMap { g, x in x.period.map { (g, Self.text($0)) } }, kept: e.period.map(Self.text) ?? "none")
        if e.confidence == nil, let graded = all.first(where: { $0.1.confidence != nil }) { e.confidence = graded.1.confidence }
        if e.period == nil, let dated = all.first(where: { $0.1.period != nil }) { e.period = dated.1.period }
        if e.country == nil, let placed = all.first(where: { $0.1.country != nil }) { e.country = mapped(placed.1.country, records[placed.0].input) }
        // Every citation of every record.
        for (g, x) in all.dropFirst() {
            for s in x.sources {
                let id = citation[records[g].input][s] ?? s
                if !e.sources.contains(id) { e.sources.append(id) }
            }
        }
        // Names: the first record's; the others' names become aliases.
        var aliases: [String] = []
        func addAlias(_ a: String) {
            if a != e.name && a != e.id && !aliases.contains(a) { aliases.append(a) }
        }
        if let existing = e.attributes["aliases"] { ResolutionRecord.texts(existing).forEach(addAlias) }
        for (_, x) in all.dropFirst() {
            // An id that is a label is not a name (merged_from keeps it); one of letters is.
            if let name = x.name ?? (ResolutionRecord.isLabel(x.id) ? nil : x.id) { addAlias(name) }
            for key in ResolutionRecord.aliasNames { if let v = x.attributes[key] { ResolutionRecord.texts(v).forEach(addAlias) } }
        }
        if e.name == nil, let named = all.first(where: { $0.1.name != nil }) { e.name = named.1.name; aliases.removeAll { $0 == e.name } }
        // Attributes: every name; a second value of one name is reported.
        var attributes = e.attributes
        for (g, x) in all.dropFirst() {
            for (key, value) in x.attributes where key != "aliases" && key != "merged_from" {
                if let kept = attributes[key] {
                    if kept != value && !ResolutionRecord.aliasNames.contains(key.lowercased()) {
                        conflicts.append(MergeConflict(subject: subject, field: key,
                                                       values: [ref(c[0]) + " = " + kept.displayText, ref(g) + " = " + value.displayText],
                                                       kept: kept.displayText))
                    }
                } else {
                    attributes[key] = value
                }
            }
        }
        if !aliases.isEmpty { attributes["aliases"] = .list(aliases.map(AttributeValue.string)) }
        attributes["merged_from"] = .list(c.map { .string(ref($0)) })
        e.attributes = attributes
    }

    static func text(_ p: Period) -> String {
        (p.from?.description ?? "…") + " – " + (p.to?.description ?? "…")
    }

    /// Links re-pointed; those of one kind between the same entities, with the same period,
    /// direction and agreement, become one citing every source.
    private mutating func mergeLinks(citation: [[String: String]]) {
        struct Key: Hashable {
            var source: String, target: String, kind: LinkKind, directed: Bool?, period: Period?, agreement: String?
        }
        var seen: [Key: Int] = [:]
        var links: [Link] = []
        var combined = 0
        for (k, input) in inputs.enumerated() {
            let d = input.dataset
            for i in d.links.indices {
                var l = d.links[i]
                let (s, t) = d.endpoints(ofLink: i)
                if let s { l.source = outputID[offset[k] + s] }
                if let t { l.target = outputID[offset[k] + t] }
                l.sources = l.sources.map { citation[k][$0] ?? $0 }
                let directed = l.directed ?? d.directed
                let key = Key(source: l.source, target: l.target, kind: l.kind, directed: directed, period: l.period, agreement: l.agreement)
                // An undirected link between the same two is the same either way round.
                let mirror = Key(source: l.target, target: l.source, kind: l.kind, directed: directed, period: l.period, agreement: l.agreement)
                let symmetric = !(l.directed ?? d.directed ?? !d.schema.isSymmetric(l.kind))
                if let j = seen[key] ?? (symmetric ? seen[mirror] : nil) {
                    combined += 1
                    for s in l.sources where !links[j].sources.contains(s) { links[j].sources.append(s) }
                    let subject = "\(links[j].source) \(l.kind.rawValue) \(links[j].target)"
                    if links[j].weight != l.weight, let w = l.weight {
                        if links[j].weight == nil { links[j].weight = w } else {
                            conflicts.append(MergeConflict(subject: subject, field: "weight",
                                                           values: ["\(links[j].weight!)", "\(w) (\(input.tag))"], kept: "\(links[j].weight!)"))
                        }
                    }
                    if links[j].confidence != l.confidence, let c = l.confidence {
                        if links[j].confidence == nil { links[j].confidence = c } else {
                            conflicts.append(MergeConflict(subject: subject, field: "confidence",
                                                           values: [links[j].confidence!.description, "\(c) (\(input.tag))"],
                                                           kept: links[j].confidence!.description))
                        }
                    }
                    for (name, value) in l.attributes {
                        guard let kept = links[j].attributes[name] else { links[j].attributes[name] = value; continue }
                        if kept != value {
                            conflicts.append(MergeConflict(subject: subject, field: name,
                                                           values: [kept.displayText, "\(value.displayText) (\(input.tag))"], kept: kept.displayText))
                        }
                    }
                } else {
                    seen[key] = links.count
                    links.append(l)
                }
            }
        }
        for l in links { output.append(l) }
        if combined > 0 {
            notes.append("\(combined) link\(combined == 1 ? "" : "s") stated by more than one input (or twice in one) combined into one citing every source")
        }
    }
}
