extension Dataset {
    /// Every semantic problem of the dataset. Errors: duplicate entity or source ids, links whose
    /// endpoints name no entity, citations of unknown source ids, periods that end before they
    /// start. Warnings: links that cite no source, kinds and roles neither built in nor declared
    /// in the schema (one warning per kind), `cooperates_with` links without a known
    /// `agreement`, an entity's `country` that is not a country entity.
    /// (Problems of form, such as bad JSON, are found by the readers.)
    ///
    /// A plain graph (no sources declared, nothing cited) is not held to provenance: the
    /// citation checks start as soon as the dataset has sources or anything cites one.
    /// - Returns: The issues, grouped by check (ids, endpoints, provenance, periods, kinds)
    ///   and in dataset order within each; each carries the place it was read from when
    ///   ``Dataset/locations`` is set. Empty for a clean dataset.
    /// - Complexity: O(*n* + *m*) expected, for *n* entities and *m* links (plus their
    ///   citations).
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var seen: [String: Int] = [:]
        // The id index holds one entry per distinct id: as many as entities, none repeats.
        for (i, e) in entities.enumerated() where entityIDsRepeat {
            if let first = seen[e.id] {
                let firstAt = locations?.entity(first).map { " (first declared at \($0.line):\($0.column))" } ?? ""
                issues.append(ValidationIssue(.error, .duplicateEntityID,
                                              "duplicate entity id \(quoted(Self.brief(e.id)))\(firstAt)" + Self.forms(entities[first].id, e.id),
                                              at: locations?.entity(i)))
            } else {
                seen[e.id] = i
            }
        }
        // Each source id with where it is first declared.
        var sourceIDs: [String: Int] = [:]
        for (i, s) in sources.enumerated() {
            if let first = sourceIDs[s.id] {
                issues.append(ValidationIssue(.error, .duplicateSourceID,
                                              "duplicate source id \(quoted(Self.brief(s.id)))" + Self.forms(sources[first].id, s.id),
                                              at: locations?.source(i)))
            } else {
                sourceIDs[s.id] = i
            }
        }
        // Link ends that name their entity in another Unicode form (kept as spelt).
        var forms = OtherForms()
        for slot in linkColumns.spellings.keys.sorted() {
            let (s, t) = endpoints(ofLink: slot / 2)
            guard let e = slot % 2 == 0 ? s : t, let spelt = linkColumns.spellings[slot] else { continue }
            forms.note("link \(describe(links[slot / 2])): \(slot % 2 == 0 ? "source" : "target")", spelt,
                       names: "entity", entities[e].id, at: locations?.link(slot / 2), &issues)
        }
        for i in links.indices {
            let (s, t) = endpoints(ofLink: i)
            guard s == nil || t == nil else { continue }
            let link = links[i]
            if s == nil {
                issues.append(ValidationIssue(.error, .danglingEndpoint,
                                              "link source \(quoted(link.source)) is not an entity id",
                                              at: locations?.link(i)))
            }
            if t == nil {
                issues.append(ValidationIssue(.error, .danglingEndpoint,
                                              "link target \(quoted(link.target)) is not an entity id",
                                              at: locations?.link(i)))
            }
        }
        validateProvenance(sourceIDs, &forms, &issues)
        validateKinds(&forms, &issues)
        validateCoordinates(&issues)
        forms.count(&issues)
        return issues
    }

    /// Coordinates a map cannot place (``CoordinateAttributes/unusable(problem:)``): a latitude
    /// outside −90…90 or a longitude outside −180…180, one without the other, or values that
    /// are not numbers, are warnings (the map leaves the entity to its country or out, and says
    /// so).
    private func validateCoordinates(_ issues: inout [ValidationIssue]) {
        for (i, e) in entities.enumerated() where !e.attributes.isEmpty {
            if case .unusable(let problem) = CoordinateAttributes(e.attributes) {
                issues.append(ValidationIssue(.warning, .invalidValue, "entity \(quoted(e.id)) \(problem): a map cannot place it by them",
                                              at: locations?.entity(i)))
            }
        }
    }

    private func validateProvenance(_ sourceIDs: [String: Int], _ forms: inout OtherForms, _ issues: inout [ValidationIssue]) {
        // A plain graph (an edge list, a GraphML without provenance: no source declared, nothing
        // cited) is not held to provenance; as soon as a dataset has sources, every link must cite.
        let citesAnything = entities.contains { !$0.sources.isEmpty } || linkColumns.citesAnything
        if !sources.isEmpty || citesAnything {
            // Whether every id cited is a source, spelt as declared.
            @discardableResult
            func check(_ cited: [String], _ what: @autoclosure () -> String, _ at: SourceLocation?) -> Bool {
                var clean = true
                for id in cited {
                    let s = sourceIDs[id]
                    if let s, LinkColumns.sameBytes(sources[s].id, id) { continue }
                    clean = false
                    if let s {
                        forms.note(what() + " cites", id, names: "source", sources[s].id, at: at, &issues)
                    } else {
                        issues.append(ValidationIssue(.error, .unknownSource,
                                                      "\(what()) cites \(quoted(id)), which is not in \"sources\"", at: at))
                    }
                }
                return clean
            }
            // Most records cite what the one before cited: a list is looked up once per run.
            var lastCited: [String]?
            for (i, e) in entities.enumerated() where !e.sources.isEmpty {
                // (compared by bytes: a list in another Unicode form is checked again)
                if let lastCited, lastCited.isSpelt(like: e.sources) { continue }
                if check(e.sources, "entity \(quoted(Self.brief(e.id)))", locations?.entity(i)) { lastCited = e.sources }
            }
            // Links' lists are numbered: each list is looked up once.
            let citations = linkColumns.citationTable
            // (or a source in another Unicode form than it is declared in)
            let citesUnknown = citations.map { (list: [String]) -> Bool in
                list.contains { (id: String) -> Bool in
                    guard let s = sourceIDs[id] else { return true }
                    return !LinkColumns.sameBytes(sources[s].id, id)
                }
            }
            for i in links.indices {
                let c = linkColumns.citationOf(i)
                guard c == 0 || citesUnknown[c] else { continue }
                let cited = citations[c]
                if cited.isEmpty {
                    issues.append(ValidationIssue(.warning, .unsourced,
                                                  "link \(describe(links[i])) cites no source", at: locations?.link(i)))
                }
                check(cited, "link \(describe(links[i]))", locations?.link(i))
            }
        }
        for (i, e) in entities.enumerated() {
            if let p = e.period, p.startsAfterItEnds, let f = p.from, let t = p.to {
                issues.append(ValidationIssue(.error, .invalidPeriod,
                                              "entity \(quoted(e.id)): \"from\" \(f) is after \"to\" \(t)", at: locations?.entity(i)))
            }
        }
        // Links' periods are numbered: each is checked once.
        let reversed = linkColumns.periodTable.map { $0?.startsAfterItEnds ?? false }
        guard reversed.contains(true) else { return }
        for i in links.indices where reversed[linkColumns.periodOf(i)] {
            if let p = linkColumns.period(i), let f = p.from, let t = p.to {
                issues.append(ValidationIssue(.error, .invalidPeriod,
                                              "link \(describe(links[i])): \"from\" \(f) is after \"to\" \(t)", at: locations?.link(i)))
            }
        }
    }

    private func validateKinds(_ forms: inout OtherForms, _ issues: inout [ValidationIssue]) {
        var reported: Set<String> = []
        // Whether the schema knows a kind, asked once per run of equal kinds (a file's
        // entities are mostly of a few kinds, often in runs): no hash per entity.
        var lastKind: EntityKind?, lastKnown = true
        // The run's kind's first spelling when it is spelt otherwise.
        var kindSpellings = FirstSpellings(declared: schema.entityKinds.map { ($0, $0.rawValue) })
        var lastRespelt: String?
        // Likewise for roles: whether one is unknown or read as protected is worked out once
        // per run of equal roles (reading a role's words is Unicode work).
        var lastRole: PersonRole?, lastUnknown = false, lastReread = false
        var roleSpellings = FirstSpellings(declared: schema.roles.map { ($0, $0.rawValue) })
        var lastRoleRespelt: String?
        // Field by field through the buffer: copying each whole entity (its strings, sources
        // and attributes retained and released) was most of this pass's time.
        entities.withUnsafeBufferPointer { es in
            for i in es.indices {
                let kind = es[i].kind
                if lastKind.map({ !kind.rawValue.isSpelt(like: $0.rawValue) }) ?? true {
                    lastKind = kind
                    lastKnown = schema.knows(kind)
                    lastRespelt = kindSpellings.other(kind, spelt: kind.rawValue)
                }
                if let first = lastRespelt {
                    forms.note("entity \(quoted(Self.brief(es[i].id))): kind", kind.rawValue, names: "entity kind", first,
                               at: locations?.entity(i), &issues)
                }
                if !lastKnown, reported.insert("e:" + kind.rawValue).inserted {
                    issues.append(ValidationIssue(.warning, .undeclaredKind,
                                                  "entity kind \(quoted(kind.rawValue)) is neither built in nor declared in \"schema\"",
                                                  at: locations?.entity(i)))
                }
                if let role = es[i].role {
                    // A compound role read as protected (`former victim`) is said once, as any
                    // reinterpretation is: it is never a target and is redacted.
                    if lastRole.map({ !role.rawValue.isSpelt(like: $0.rawValue) }) ?? true {
                        lastRole = role
                        lastUnknown = !schema.knows(role)
                        lastReread = role.isProtected && !PersonRole.protected.contains(role.canonical)
                        lastRoleRespelt = roleSpellings.other(role, spelt: role.rawValue)
                    }
                    if let first = lastRoleRespelt {
                        forms.note("entity \(quoted(Self.brief(es[i].id))): role", role.rawValue, names: "role", first,
                                   at: locations?.entity(i), &issues)
                    }
                    let unknown = lastUnknown, reread = lastReread
                    if unknown || reread, reported.insert("r:" + role.rawValue).inserted {
                        var message = "role \(quoted(role.rawValue))" + (unknown ? " is neither built in nor declared in \"schema\"" : "")
                        if reread {
                            message += (unknown ? "; " : " ") + "read as protected (" + role.protectedRoles.map(\.rawValue).joined(separator: ", ")
                                + "): never proposed as a target, redacted under --redact victims"
                        }
                        issues.append(ValidationIssue(.warning, .undeclaredKind, message, at: locations?.entity(i)))
                    }
                }
                if let country = es[i].country {
                    if let c = self[id: country], c.kind == .country {
                        if !LinkColumns.sameBytes(c.id, country) {
                            forms.note("entity \(quoted(Self.brief(es[i].id))): country", country, names: "entity", c.id,
                                       at: locations?.entity(i), &issues)
                        }
                    } else {
                        issues.append(ValidationIssue(.warning, .unknownCountry,
                                                      "entity \(quoted(es[i].id)): country \(quoted(country)) is not a country entity",
                                                      at: locations?.entity(i)))
                    }
                }
            }
        }
        let kindTable = linkColumns.kindTable
        let knownKind = kindTable.map { schema.knows($0) }
        // Kinds are numbered as spelt: each kind's first spelling (the schema's where it declares
        // it) where its number's is another, and its first number (an undeclared kind is said
        // once, in any spelling).
        var linkSpellings = FirstSpellings(declared: schema.linkKinds.map { ($0, $0.rawValue) })
        let respelt = kindTable.map { linkSpellings.other($0, spelt: $0.rawValue) }
        var firstNumber: [LinkKind: Int] = [:]
        let group = kindTable.indices.map { k -> Int in
            if let g = firstNumber[kindTable[k]] { return g }
            firstNumber[kindTable[k]] = k
            return k
        }
        var kindReported = [Bool](repeating: false, count: kindTable.count)
        for i in links.indices {
            let kind = linkColumns.kindOf(i)
            if let first = respelt[kind] {
                forms.note("link \(describe(links[i])): kind", kindTable[kind].rawValue, names: "link kind", first,
                           at: locations?.link(i), &issues)
            }
            if !knownKind[kind] && !kindReported[group[kind]] {
                // The first link of each undeclared kind, where the file has it (in any spelling).
                kindReported[group[kind]] = true
                issues.append(ValidationIssue(.warning, .undeclaredKind,
                                              "link kind \(quoted(kindTable[kind].rawValue)) is neither built in nor declared in \"schema\"",
                                              at: locations?.link(i)))
            }
            guard kindTable[kind] == .cooperatesWith || linkColumns.agreement(i) != nil else { continue }
            let l = links[i]
            if l.kind == .cooperatesWith {
                if let a = l.agreement {
                    if Agreement(rawValue: a) == nil {
                        issues.append(ValidationIssue(.warning, .agreement,
                                                      "link \(describe(l)): agreement \(quoted(a)) is not one of "
                                                      + Agreement.allCases.map(\.rawValue).joined(separator: ", "),
                                                      at: locations?.link(i)))
                    }
                } else {
                    issues.append(ValidationIssue(.warning, .agreement,
                                                  "link \(describe(l)) has no \"agreement\" (mou, police_channel, contact_point, joint_operation)",
                                                  at: locations?.link(i)))
                }
            } else if l.agreement != nil {
                issues.append(ValidationIssue(.warning, .agreement,
                                              "link \(describe(l)): \"agreement\" only applies to cooperates_with",
                                              at: locations?.link(i)))
            }
        }
    }

    /// What a message about two ids held equal adds when their bytes differ: both written out
    /// with their code points beyond ASCII (they look alike on a screen).
    private static func forms(_ declared: String, _ other: String) -> String {
        if LinkColumns.sameBytes(declared, other) { return "" }
        return "; the same text in two Unicode forms, " + spelledOut(declared) + " and " + spelledOut(other)
    }

    /// A link in words, each end cut to 200 characters (a message about a huge id still comes
    /// to its point before the output's bound: helper-85).
    /// A link as messages name it: its ends quoted, and its kind, quoted unless built in (a kind
    /// is the data's own text: unquoted, a line break in it had split the message, and
    /// redaction had read it as tnet's words, leaving a victim's short id in it, helper-102).
    private func describe(_ l: Link) -> String {
        let kind = LinkKind.builtIn.contains(l.kind) ? l.kind.rawValue : quoted(Self.brief(l.kind.rawValue))
        return "\(quoted(Self.brief(l.source))) \(kind) \(quoted(Self.brief(l.target)))"
    }

    /// `s`, or its first 200 characters and `…`.
    private static func brief(_ s: String) -> String {
        s.utf8.count <= 200 || s.count <= 200 ? s : String(s.prefix(200)) + "…"
    }
}

/// A string in double quotes with quotes, backslashes and control characters escaped, so a
/// message about hostile text stays on one line.
///
/// `"`, `\`, line feed, carriage return and tab get their backslash escapes; other control
/// characters, DEL, the C1 controls, the line and paragraph separators (U+2028, U+2029) and
/// the bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069: a right-to-left override would reverse the rest of the line) are written
/// `\u{…}` in hexadecimal. Every other character is kept.
/// - Parameter s: The text to quote: an id, a name, a value from a file.
/// - Returns: The text in double quotes, on one line.
/// - Complexity: O(*n*) in the length of `s`.
public func quoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || (0x7F ..< 0xA0).contains(scalar.value) || (0x2028 ... 0x2029).contains(scalar.value)
                || isBidiControl(scalar.value) {
                out += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

/// The bidirectional formatting characters, which reorder how a line is shown.
private func isBidiControl(_ v: UInt32) -> Bool {
    v == 0x061C || v == 0x200E || v == 0x200F || (0x202A ... 0x202E).contains(v) || (0x2066 ... 0x2069).contains(v)
}

/// A text in double quotes with every code point beyond printable ASCII written `<U+…>`, and
/// `"`, `\` and `<` too: two spellings of one text in different Unicode forms
/// (`"Jos<U+E9>"`, `"Jose<U+301>"`) told apart in a message. Cut after `limit` code points,
/// with how many more there are (a message about a huge id still says what it is about).
/// - Parameters:
///   - s: An id or a value from a file.
///   - limit: Most code points written.
/// - Returns: The text, quoted, in printable ASCII.
/// - Complexity: O(*n*) in the length of `s`.
package func spelledOut(_ s: String, limit: Int = 40) -> String {
    var out = "\""
    var written = 0
    for scalar in s.unicodeScalars {
        if written == limit {
            return out + "\"… (\(s.unicodeScalars.count - limit) more code points)"
        }
        written += 1
        if scalar.value >= 0x20 && scalar.value < 0x7F && scalar != "\"" && scalar != "\\" && scalar != "<" {
            out.unicodeScalars.append(scalar)
        } else {
            out += "<U+" + String(scalar.value, radix: 16, uppercase: true) + ">"
        }
    }
    return out + "\""
}

/// Each value's first spelling, the schema's where it declares one, to tell a later value
/// spelt in another Unicode form (keys compare as Swift compares text: canonically).
struct FirstSpellings<Key: Hashable> {
    private var first: [Key: String] = [:]

    init(declared: [(Key, String)]) {
        for (key, spelling) in declared where first[key] == nil { first[key] = spelling }
    }

    /// The first spelling of `key` when `spelt` is another, else nil (`spelt` is the first
    /// when none came before).
    mutating func other(_ key: Key, spelt: String) -> String? {
        guard let f = first[key] else {
            first[key] = spelt
            return nil
        }
        return f.isSpelt(like: spelt) ? nil : f
    }
}

/// Ids named in another Unicode form than they are declared in, which ``Dataset`` reads as
/// the declared id (Swift's strings hold canonically equal texts equal): one warning per
/// declared id and spelling, where it is first met, counting the places that name it so.
struct OtherForms {
    /// By what is named (`entity`, `source`), the declared and the other spelling: the
    /// warning's position among the issues, its first place's words, and how many more places
    /// name it so.
    private var seen: [[UInt8]: (issue: Int, head: String, more: Int)] = [:]

    /// Notes that `what` names `noun` `declared` as `other`, a different spelling.
    mutating func note(_ what: @autoclosure () -> String, _ other: String, names noun: String, _ declared: String,
                       at: SourceLocation?, _ issues: inout [ValidationIssue]) {
        var key: [UInt8] = Array(noun.utf8)
        for part in [declared, other] {
            key.append(0)
            key.append(contentsOf: part.utf8)
        }
        if let s = seen[key] {
            seen[key] = (s.issue, s.head, s.more + 1)
            return
        }
        let head: String = what() + " " + spelledOut(other) + ", which is " + noun + " " + spelledOut(declared)
            + " in another Unicode form: read as that " + noun
        seen[key] = (issues.count, head, 0)
        issues.append(ValidationIssue(.warning, .unicodeForm, Self.message(head, more: 0), at: at))
    }

    private static func message(_ head: String, more: Int) -> String {
        var message = head
        if more == 1 {
            message += ", as is 1 more place that names it so"
        } else if more > 1 {
            message += ", as are \(more) more places that name it so"
        }
        return message + "; other tools would read two, so write each one way"
    }

    /// Says in each warning how many more places name the id so.
    func count(_ issues: inout [ValidationIssue]) {
        for s in seen.values where s.more > 0 { issues[s.issue].message = Self.message(s.head, more: s.more) }
    }
}
