import TNetModel

/// The model's fields as text, shared by every tabular or attribute-based format (CSV columns,
/// GraphML keys, DOT attributes): one place decides their names and how their values read.
///
/// Entities: `id`, `kind`, `name`, `role`, `country`, `confidence`, `sources`, `from`, `to`.
/// Links: `source`, `target`, `kind`, `weight`, `directed`, `confidence`, `sources`, `from`,
/// `to`, `agreement`. Lists (`sources`) are `;`-separated. An empty value means absent.
/// Every other name is an attribute.
public enum FieldCodec {
    /// The names of an entity's fields, in the order tables and files write them.
    public static let entityFields = EntityField.allCases.map(\.rawValue)
    /// The names of a link's fields, in the order tables and files write them.
    public static let linkFields = LinkField.allCases.map(\.rawValue)

    /// What happened to one named value.
    public enum Outcome: Equatable {
        /// The name is not a field: keep the value as an attribute.
        case notAField
        /// The value was read into the field (an empty value clears it).
        case stored
        /// The value cannot be read; the message says why.
        case invalid(String)
    }

    /// An entity's field, known by its name once instead of at every value; its raw value is
    /// its name in ``entityFields``.
    public enum EntityField: String, CaseIterable, Sendable {
        case id, kind, name, role, country, confidence, sources, from, to
    }

    /// A link's field, known by its name once instead of at every value; its raw value is its
    /// name in ``linkFields``.
    public enum LinkField: String, CaseIterable, Sendable {
        case source, target, kind, weight, directed, confidence, sources, from, to, agreement
    }

    /// Sets entity field `name` from `text`.
    /// - Parameters:
    ///   - name: A name from ``entityFields``, exactly (lower case); any other is not a field.
    ///   - text: The value as written; empty means absent (an empty `kind` is `node`).
    ///     Grades are Admiralty grades (`B2`), dates ISO dates, `sources` a `;`-separated list.
    ///   - e: The entity to change.
    /// - Returns: Whether the value was stored, is not a field's, or cannot be read (the
    ///   entity is then unchanged).
    public static func set(_ name: String, _ text: String, on e: inout Entity) -> Outcome {
        guard let field = EntityField(rawValue: name) else { return .notAField }
        return set(field, text, on: &e)
    }

    /// Sets entity field `field` from `text`, as ``set(_:_:on:)-(String,_,Entity)`` does by name.
    public static func set(_ field: EntityField, _ text: String, on e: inout Entity) -> Outcome {
        switch field {
        case .id: e.id = text
        case .kind: e.kind = text.isEmpty ? .node : EntityKind(text)
        case .name: e.name = text.isEmpty ? nil : text
        case .role: e.role = text.isEmpty ? nil : PersonRole(text)
        case .country: e.country = text.isEmpty ? nil : text
        case .confidence: return confidence(text) { e.confidence = $0 }
        case .sources: e.sources = list(text)
        case .from, .to:
            var p = e.period ?? Period()
            let outcome = date(from: field == .from, text, &p)
            e.period = p.from == nil && p.to == nil ? nil : p
            return outcome
        }
        return .stored
    }

    /// Sets link field `name` from `text`.
    /// - Parameters:
    ///   - name: A name from ``linkFields``, exactly (lower case); any other is not a field.
    ///   - text: The value as written; empty means absent (an empty `kind` is `link`).
    ///     `weight` is a finite number, `directed` `true`/`false`/`1`/`0`/`yes`/`no`.
    ///   - l: The link to change.
    /// - Returns: Whether the value was stored, is not a field's, or cannot be read (the link
    ///   is then unchanged).
    public static func set(_ name: String, _ text: String, on l: inout Link) -> Outcome {
        guard let field = LinkField(rawValue: name) else { return .notAField }
        return set(field, text, on: &l)
    }

    /// Sets link field `field` from `text`, as ``set(_:_:on:)-(String,_,Link)`` does by name.
    public static func set(_ field: LinkField, _ text: String, on l: inout Link) -> Outcome {
        switch field {
        case .source: l.source = text
        case .target: l.target = text
        case .kind: l.kind = text.isEmpty ? .link : LinkKind(text)
        case .weight:
            if text.isEmpty { l.weight = nil; break }
            guard let w = Double(trimmed(text)), w.isFinite else { return .invalid("\"weight\" must be a finite number, found \(quoted(text))") }
            l.weight = w
        case .directed:
            switch trimmed(text).lowercased() {
            case "": l.directed = nil
            case "true", "1", "yes": l.directed = true
            case "false", "0", "no": l.directed = false
            default: return .invalid("\"directed\" must be true or false, found \(quoted(text))")
            }
        case .confidence: return confidence(text) { l.confidence = $0 }
        case .sources: l.sources = list(text)
        case .agreement: l.agreement = text.isEmpty ? nil : text
        case .from, .to:
            var p = l.period ?? Period()
            let outcome = date(from: field == .from, text, &p)
            l.period = p.from == nil && p.to == nil ? nil : p
            return outcome
        }
        return .stored
    }

    /// The entity's fields that have a value, in ``entityFields`` order.
    /// - Parameter e: The entity to write.
    /// - Returns: Each field's name and text, as ``set(_:_:on:)-(_,_,Entity)`` reads it back;
    ///   `id` and `kind` always, the others only when present.
    public static func fields(of e: Entity) -> [(name: String, text: String)] {
        var out: [(String, String)] = [("id", e.id), ("kind", e.kind.rawValue)]
        if let v = e.name { out.append(("name", v)) }
        if let v = e.role { out.append(("role", v.rawValue)) }
        if let v = e.country { out.append(("country", v)) }
        if let v = e.confidence { out.append(("confidence", v.description)) }
        if !e.sources.isEmpty { out.append(("sources", e.sources.joined(separator: ";"))) }
        if let v = e.period?.from { out.append(("from", v.description)) }
        if let v = e.period?.to { out.append(("to", v.description)) }
        return out
    }

    /// The link's fields that have a value, in ``linkFields`` order.
    /// - Parameter l: The link to write.
    /// - Returns: Each field's name and text, as ``set(_:_:on:)-(_,_,Link)`` reads it back;
    ///   `source`, `target` and `kind` always, the others only when present.
    public static func fields(of l: Link) -> [(name: String, text: String)] {
        var out: [(String, String)] = [("source", l.source), ("target", l.target), ("kind", l.kind.rawValue)]
        if let v = l.weight { out.append(("weight", number(v))) }
        if let v = l.directed { out.append(("directed", v ? "true" : "false")) }
        if let v = l.confidence { out.append(("confidence", v.description)) }
        if !l.sources.isEmpty { out.append(("sources", l.sources.joined(separator: ";"))) }
        if let v = l.period?.from { out.append(("from", v.description)) }
        if let v = l.period?.to { out.append(("to", v.description)) }
        if let v = l.agreement { out.append(("agreement", v)) }
        return out
    }

    /// Throws when a list value cannot be written as `;`-separated text without changing it.
    /// - Parameter dataset: The dataset about to be written.
    /// - Throws: ``ReadError`` naming the first entity or link that cites a source id that is
    ///   empty, holds `;`, or has spaces or tabs around it.
    /// - Complexity: O(*n*) in the number of citations.
    public static func checkListable(_ dataset: Dataset) throws {
        for e in dataset.entities { if let p = listProblem(of: e) { throw p } }
        for l in dataset.links { if let p = listProblem(of: l) { throw p } }
    }

    /// The error ``checkListable(_:)`` gives for entity `e`'s citations, or nil.
    static func listProblem(of e: Entity) -> ReadError? { listProblem(e.sources, "entity \(quoted(e.id))") }

    /// The error ``checkListable(_:)`` gives for link `l`'s citations, or nil.
    static func listProblem(of l: Link) -> ReadError? { listProblem(l.sources, "link \(quoted(l.source)) → \(quoted(l.target))") }

    private static func listProblem(_ ids: [String], _ what: @autoclosure () -> String) -> ReadError? {
        for id in ids where id.contains(";") || id.isEmpty || trimmed(id) != id {
            return ReadError("\(what()) cites source id \(quoted(id)), which cannot be written as a ;-separated list (empty, has ';' or surrounding spaces)")
        }
        return nil
    }

    /// Shortest decimal text that reads back as the same Double; integers without a fraction.
    /// - Parameter x: The number, such as a link's weight.
    /// - Returns: `3` for 3.0 (for integers below 2⁵³ in magnitude), `0.25`, `1e-05`.
    public static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 9_007_199_254_740_992 { return String(Int(x)) }
        return String(x)
    }

    static func list(_ text: String) -> [String] {
        // One id with nothing to trim (the usual case) needs no splitting.
        if !text.utf8.contains(where: { $0 == UInt8(ascii: ";") }) {
            guard let first = text.utf8.first, let last = text.utf8.last else { return [] }
            let blank = { (b: UInt8) in b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
            if !blank(first) && !blank(last) { return [text] }
        }
        return text.split(separator: ";").map { trimmed(String($0)) }.filter { !$0.isEmpty }
    }

    static func trimmed(_ s: String) -> String {
        // Nothing to trim (nearly every value): the string itself, not a copy.
        let blank = { (b: UInt8) in b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        guard let first = s.utf8.first, let last = s.utf8.last, blank(first) || blank(last) else { return s }
        var t = s[...]
        while let f = t.first, f == " " || f == "\t" { t.removeFirst() }
        while let l = t.last, l == " " || l == "\t" { t.removeLast() }
        return String(t)
    }

    private static func confidence(_ text: String, _ set: (Confidence?) -> Void) -> Outcome {
        if text.isEmpty { set(nil); return .stored }
        guard let c = Confidence(text) else {
            return .invalid("\"confidence\" must be an Admiralty grade such as \"B2\" (A-F then 1-6), found \(quoted(text))")
        }
        set(c)
        return .stored
    }

    private static func date(from: Bool, _ text: String, _ p: inout Period) -> Outcome {
        let name = from ? "from" : "to"
        let value: PartialDate?
        if text.isEmpty {
            value = nil
        } else if let d = PartialDate(trimmed(text)) {
            value = d
        } else {
            return .invalid("\(quoted(name)) is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): \(quoted(text)); dates in another layout are read with a date format such as %d/%m/%Y")
        }
        if from { p.from = value } else { p.to = value }
        return .stored
    }
}
