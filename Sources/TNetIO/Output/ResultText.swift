import Foundation
import TNetModel

/// The few ways results write numbers and entities in text, shared by every result type.
public enum ResultText {
    /// Up to six decimals, trailing zeros removed (for tables, not for data): 0.333333, 2, 1e-07.
    /// - Parameter x: the number.
    /// - Returns: its short text; non-finite numbers as Swift prints them.
    public static func short(_ x: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        let scaled = (x * 1_000_000).rounded() / 1_000_000
        if scaled == 0 && x != 0 { return "\(x)" }
        return scaled == scaled.rounded() && abs(scaled) < 1e15 ? String(Int(scaled)) : "\(scaled)"
    }

    /// Exactly four decimals: 0.1250.
    /// - Parameter x: the number.
    /// - Returns: the text.
    public static func fixed4(_ x: Double) -> String { String(format: "%.4f", x) }

    /// The shortest decimal that reads back as the same `Double` (data in CSV; `0.0`, `-0.0`).
    /// - Parameter x: the number.
    /// - Returns: the text.
    public static func exact(_ x: Double) -> String { JSONWriter.format(x) }

    /// A share as a percentage with one decimal: 0.125 → "12.5%".
    /// - Parameter x: the share, 1 for all.
    /// - Returns: the text.
    public static func percent1(_ x: Double) -> String { String(format: "%.1f%%", 100 * x) }

    /// printf's `%g`: six significant digits, no trailing zeros.
    /// - Parameter x: the number.
    /// - Returns: the text.
    public static func general(_ x: Double) -> String { String(format: "%g", x) }

    /// A whole number without a decimal point, any other as ``exact(_:)``.
    /// - Parameter x: the number.
    /// - Returns: the text.
    public static func count(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : exact(x)
    }

    /// "Name (id) [kind, role, protected]" for tables, control characters shown as spaces. A
    /// label that fits a table's cell (``TextTable/cellLimit`` characters) is whole. A longer one
    /// is cut part by part so that it fits and is never cut again there: the kind and the role
    /// after 15 characters with `…`, an id over 60 in its middle (ids often differ at their
    /// end), and the name to what is left, with a count of the rest.
    /// - Parameters:
    ///   - e: the entity.
    ///   - kind: whether the kind is in the brackets (a table with a kind column leaves it out).
    /// - Returns: the label.
    public static func entity(_ e: Entity, kind: Bool = true) -> String {
        // Each part cleaned before it is measured: a CR LF is one character, two spaces cleaned.
        // The id as tables show ids (cleaned, cut in the middle, a hash when either changed it).
        let name = e.name.map(TextTable.clean), id = TextTable.shownID(e.id)
        let kindText = kind ? TextTable.clean(e.kind.rawValue) : nil, role = e.role.map { TextTable.clean($0.rawValue) }
        // Quoted after any cut, so a quote is never cut off. The marker is the label's own and
        // comes whatever made the person protected (a role, or an attribute with no role).
        func label(_ name: String?, _ id: String, _ kindText: String?, _ role: String?) -> String {
            var s = name.map { "\(quotedName($0)) (\(id))" } ?? id
            var tags = kindText.map { [tag($0)] } ?? []
            if let role { tags.append(tag(role)) }
            if e.isProtected { tags.append("protected") }
            if !tags.isEmpty { s += " [\(tags.joined(separator: ", "))]" }
            return s
        }
        let whole = label(name, id, kindText, role)
        let limit = TextTable.cellLimit
        if whole.count <= limit && whole.unicodeScalars.count <= 4 * limit { return whole }
        let short = { (s: String) in TextTable.bounded(s, to: 15, counted: false) }
        let rest = label(name.map { _ in "" }, id, kindText.map(short), role.map(short))
        guard let name else { return rest }
        // The name gets what the other parts leave, less room for its count (34 characters),
        // in characters and in scalars (it may keep 4 × room of them): the label then fits the
        // cell and is never cut again there.
        var room = max(10, min(limit - rest.count - 34, (4 * limit - rest.unicodeScalars.count - 40) / 4))
        var out = label(TextTable.bounded(name, to: room), id, kindText.map(short), role.map(short))
        // A quoted name's quotes and escapes can take it past the cell (helper-52): the name is
        // shortened until the label fits, so that the table never cuts its end, the marker.
        while out.count > limit || out.unicodeScalars.count > 4 * limit, room > 1 {
            room = max(1, room - max(1, out.count - limit, (out.unicodeScalars.count - 4 * limit + 3) / 4))
            out = label(TextTable.bounded(name, to: room), id, kindText.map(short), role.map(short))
        }
        return out
    }

    /// A kind or role as a tag between the label's brackets: as written when it is plain (ASCII
    /// letters, digits, `_`, `-`, `.`, `/` and spaces, as every built-in kind and role is) and
    /// does not say "protected"; otherwise quoted, its quotes and backslashes escaped. A role
    /// typed "boss, protected", "boss‚ protected" (a low quotation mark for the comma) or just
    /// "protected" showed as the marker of a protected person.
    static func tag(_ s: String) -> String {
        // A cut's "…" at the end does not make a tag unplain.
        let plain = (s.hasSuffix("…") ? s.dropLast() : Substring(s)).allSatisfy { c in c.isASCII && (c.isLetter || c.isNumber || "_-./ ".contains(c)) }
        guard !plain || s.lowercased().contains("protected") else { return s }
        return quoted(s)
    }

    /// An entity in a list of names joined by ", " (a partition's members, those a state actor
    /// is tied to): its name (or id), quoted when it holds a comma, a bracket or a quote (it
    /// would read as two entities, or as a label), marked when the person is protected.
    public static func listed(_ e: Entity) -> String {
        let text = TextTable.clean(e.label)
        let shown = text.contains(",") || text.unicodeScalars.contains(where: bracketLike) ? quoted(text) : text
        return e.isProtected ? shown + " [protected]" : shown
    }

    /// A name as a label shows it: quoted when it holds a bracket of any script or a quote (a
    /// name written "Li (v9) [person, victim, protected]" read as a protected person's label).
    /// Read by scalars: a bracket followed by an invisible mark is one character, and still a
    /// bracket to the eye (helper-52).
    static func quotedName(_ s: String) -> String {
        s.unicodeScalars.contains(where: bracketLike) ? quoted(s) : s
    }

    /// Whether `u` reads as a bracket or a quote in a name (``TextTable/isBracketOrQuote(_:)``)
    /// other than the parentheses, which names use.
    static func bracketLike(_ u: Unicode.Scalar) -> Bool {
        u != "(" && u != ")" && TextTable.isBracketOrQuote(u)
    }

    /// "1 link", "2 links".
    /// - Parameters:
    ///   - n: the count.
    ///   - singular: the noun for one.
    ///   - plural: the noun for several (default `singular` + "s").
    /// - Returns: the count and noun.
    public static func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}

extension JSONWriter {
    /// Writes a link's facts and provenance as an object: source, target, kind, confidence,
    /// period (from, to) and sources.
    /// - Parameter link: the link.
    public mutating func link(_ link: Link) {
        beginObject()
        key("source"); string(link.source)
        key("target"); string(link.target)
        key("kind"); string(link.kind.rawValue)
        key("confidence"); if let c = link.confidence { string(c.description) } else { null() }
        key("period")
        if let p = link.period {
            beginObject()
            key("from"); if let f = p.from { string(f.description) } else { null() }
            key("to"); if let t = p.to { string(t.description) } else { null() }
            endObject()
        } else { null() }
        key("sources"); beginArray(inline: true); for s in link.sources { string(s) }; endArray()
        endObject()
    }

    /// Writes the member `key` as an array of links, each as ``link(_:)`` writes it.
    /// - Parameters:
    ///   - key: the member's name.
    ///   - links: the links.
    public mutating func links(_ key: String, _ links: some Sequence<Link>) {
        self.key(key); beginArray()
        for l in links { link(l) }
        endArray()
    }

    /// Writes an entity's `id`, `name` (null when it has none) and `kind` members.
    /// - Parameter e: the entity.
    public mutating func entityFields(_ e: Entity) {
        key("id"); string(e.id)
        key("name"); string(orNull: e.name)
        key("kind"); string(e.kind.rawValue)
    }

    /// Writes an optional string, `null` when absent.
    /// - Parameter s: the string or nil.
    public mutating func string(orNull s: String?) { if let s { string(s) } else { null() } }

    /// Writes a number, `null` when it is not finite (JSON has no NaN or infinity).
    /// - Parameter x: the number.
    public mutating func double(orNull x: Double?) { if let x, x.isFinite { double(x) } else { null() } }

    /// Writes an array of strings on one line.
    /// - Parameter list: the strings.
    public mutating func strings<S: Sequence<String>>(_ list: S) { beginArray(inline: true); for s in list { string(s) }; endArray() }

    /// A pretty-printed JSON object written by `body`, with a final newline.
    /// - Parameter body: writes the object's members.
    /// - Returns: the JSON text.
    public static func object(_ body: (inout JSONWriter) -> Void) -> String {
        var w = JSONWriter(pretty: true)
        w.beginObject()
        body(&w)
        w.endObject()
        return w.text + "\n"
    }
}

extension JSONWriter {
    /// `"accuracy": {"exact","sources","entities","epsilon","delta","seed","fragmentation_bound",
    /// "gain_bound","betweenness_samples","betweenness_bound","text"}`: how a removal result was
    /// computed (``RemovalAccuracy``); bounds are 0 when exact, `betweenness_*` null when
    /// betweenness is exact, `gain_bound` null where there are no gains.
    /// - Parameter a: the accuracy.
    public mutating func accuracy(_ a: RemovalAccuracy) {
        key("accuracy"); beginObject()
        key("exact"); bool(!a.isSampled)
        key("sources"); int(a.sources)
        key("entities"); int(a.entities)
        key("epsilon"); double(a.sampling.epsilon)
        key("delta"); double(a.sampling.delta)
        key("seed"); if a.sampling.seed <= UInt64(Int.max) { int(Int(a.sampling.seed)) } else { string(String(a.sampling.seed)) }
        key("fragmentation_bound"); double(a.fragmentationBound)
        key("gain_bound"); double(orNull: a.gainBound)
        // Null when betweenness was exact, also in place of a sample that was not drawn.
        key("betweenness_samples"); if let b = a.betweenness, a.betweennessSampled { int(b.samples) } else { null() }
        key("betweenness_bound"); double(orNull: a.betweenness?.bound)
        key("text"); string(a.text)
        endObject()
    }
}
