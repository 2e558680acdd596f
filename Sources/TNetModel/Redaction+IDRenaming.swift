extension Redaction {
    /// What redaction made of every id, decided once for all the datasets redacted together: the
    /// protected persons' pseudonyms, the new ids of the other entities and of the sources whose
    /// ids held a protected name, and from them every id the output has. Link ends and values
    /// under id keys are read through it, so that none of them comes to name another record.
    struct IDRenaming {
        /// A protected person's id → their pseudonym's id and name.
        let pseudonyms: [String: (id: String, name: String)]
        /// Another entity's id that held a protected name → its new id.
        let entities: [String: String]
        /// A source's id that held one → its new id.
        let sources: [String: String]
        /// The entities' and the sources' ids as given.
        let givenEntityIDs: Set<String>
        let givenSourceIDs: Set<String>
        /// Every id the output has, of an entity or a source (a value under an id key may name
        /// either).
        let outputIDs: Set<String>
        /// The pseudonyms' ids.
        let pseudonymIDs: Set<String>

        init(pseudonyms: [String: (id: String, name: String)], entities: [String: String], sources: [String: String],
             givenEntityIDs: Set<String>, givenSourceIDs: Set<String>) {
            self.pseudonyms = pseudonyms
            self.entities = entities
            self.sources = sources
            self.givenEntityIDs = givenEntityIDs
            self.givenSourceIDs = givenSourceIDs
            pseudonymIDs = Set(pseudonyms.values.map(\.id))
            outputIDs = givenEntityIDs.subtracting(pseudonyms.keys).subtracting(entities.keys).union(pseudonymIDs).union(entities.values)
                .union(givenSourceIDs.subtracting(sources.keys)).union(sources.values)
        }

        /// An entity's id, or a link's end: what the renaming made it, and nothing else (read
        /// again after the holders were added, `james-thomas` had become the victim's id: two
        /// entities of one id). Only an id no entity has (a dangling end) is read, by `read`.
        func entity(_ id: String, read: (String) -> String) -> String {
            entityOutput(id) ?? apart(id, read(id))
        }

        /// The output's id of the entity whose id as given is `id`: a protected person's
        /// pseudonym id, a renamed entity's new id, a kept one's own; nil when no entity has it.
        func entityOutput(_ id: String) -> String? {
            pseudonyms[id]?.id ?? entities[id] ?? (givenEntityIDs.contains(id) ? id : nil)
        }

        /// The output's id of the record whose id as given is `id`, an entity's before a
        /// source's (``entityOutput(_:)``; a source's new id or its own), or a source's first
        /// where `sourceFirst` (a value under a key that names a source, `source_id`); nil when no
        /// record has it.
        func output(_ id: String, sourceFirst: Bool = false) -> String? {
            let source = sources[id] ?? (givenSourceIDs.contains(id) ? id : nil)
            return sourceFirst ? source ?? entityOutput(id) : entityOutput(id) ?? source
        }

        /// A value under an id key: a record's id as given is that record's id in the output
        /// (``output(_:)``: `owner_id: james-thomas` had pointed at no entity once the recruiter
        /// was `withheld-1`; `source_id: src-james-thomas` had read another source's id,
        /// helper-98); anything else is read and kept ``apart(_:_:)``.
        ///
        /// A list in one string (`"james-thomas, r1"`; ``listItems(_:)``) is read whole, as text,
        /// and then item by item (``item(_:part:read:sourceFirst:)``): read whole, the renamed
        /// recruiter had read `withheld`; by the matcher, the victim `v1` beside the victim `v-1`
        /// had read the other's pseudonym (helper-102). When the reading changes how many items
        /// there are (`Tran, Mai`, the victim family name first, is one), the reading's items
        /// stand, each a record's output id where it is a record's id as given, else kept apart
        /// (helper-104: in `Tran, Mai, withheld-1`, no record's, `withheld-1` had come to name
        /// the renamed recruiter).
        ///
        /// A protected person's id that the reading leaves as it is (a short one of digits,
        /// `case_id: 3` beside the victim `3`, is taken for a case number) is left so, whole or
        /// as an item.
        /// - Parameter sourceFirst: whether an id that is both an entity's and a source's is the
        ///   source's (under a key that names a source: helper-104).
        func value(_ s: String, read: (String) -> String, sourceFirst: Bool = false) -> String {
            if isRecordID(s) { return item(s, part: s, read: read, sourceFirst: sourceFirst) }
            let whole = read(s)
            let given = Self.listItems(s), got = Self.listItems(whole)
            guard given.count > 1 || got.count > 1 else { return apart(s, whole) }
            var out = ""
            for (k, r) in got.enumerated() {
                let part = String(r.item)
                let read = given.count == got.count ? item(String(given[k].item), part: part, read: read, sourceFirst: sourceFirst)
                    : isRecordID(part) ? item(part, part: part, read: read, sourceFirst: sourceFirst) : apart(s, part)
                out += r.before + read + r.after
            }
            return out
        }

        /// Whether `id` is a record's id as given (an entity's, a protected person's, a source's).
        func isRecordID(_ id: String) -> Bool { output(id) != nil }

        /// An item of a list under an id key, `part` its part of the whole list's reading (or a
        /// whole value that is a record's id, itself its part): a record's id as given is that
        /// record's output id, a protected person's where the reading finds them (a short id of
        /// digits it leaves is left); any other item is read on its own where that finds
        /// something (helper-104: the victim `v1`'s `V-1` was read whole but not in `V-1, r1`,
        /// where the list's reading takes short ids for words), else its part, and kept apart.
        func item(_ item: String, part: String, read: (String) -> String, sourceFirst: Bool) -> String {
            if sourceFirst, let r = output(item, sourceFirst: true) { return r }
            if let p = pseudonyms[item] { return read(item) == item ? item : p.id }
            if let r = output(item) { return r }
            let alone = read(item)
            return apart(item, alone != item ? alone : part)
        }

        /// What separates the items of a list written in one string: `,`, `;`, `|`, a line break
        /// (`\r\n` is one character), and their full-width and ideographic forms (`，`, `、`).
        static let listSeparators: Set<Character> = [",", ";", "|", "\n", "\r\n", "\r", "\u{FF0C}", "\u{3001}", "\u{FF1B}", "\u{FF5C}"]

        /// `s` cut at each ``listSeparators`` character: each item without the spaces around it,
        /// and what comes before and after it (the separator and spaces).
        static func listItems(_ s: String) -> [(before: Substring, item: Substring, after: Substring)] {
            var out: [(before: Substring, item: Substring, after: Substring)] = []
            var start = s.startIndex
            func cut(_ end: String.Index, separator: String.Index) {
                var a = start, b = end
                while a < b, s[a].isWhitespace { a = s.index(after: a) }
                while b > a, s[s.index(before: b)].isWhitespace { b = s.index(before: b) }
                out.append((s[start ..< a], s[a ..< b], s[b ..< separator]))
            }
            var i = s.startIndex
            while i < s.endIndex {
                if Self.listSeparators.contains(s[i]) {
                    let next = s.index(after: i)
                    cut(i, separator: next)
                    start = next
                }
                i = s.index(after: i)
            }
            cut(s.endIndex, separator: s.endIndex)
            return out
        }

        /// `rewritten`, the reading of `original` (no record's id), kept from naming a record of
        /// the output: `-redacted` added (helper-96: `owner_id: james-thomas-2` had become
        /// `withheld-2`, a broker's new id; a dangling end would have been joined to an entity in
        /// silence). Also unchanged (helper-97: `owner_id: withheld-1` had come to name the renamed
        /// broker). A protected person's pseudonym id reached by reading stands: it is what a
        /// reference to them reads (`V1`, `Mai "Mimi" Nguyen` under `ref_id`).
        func apart(_ original: String, _ rewritten: String) -> String {
            var r = rewritten
            while outputIDs.contains(r) && !(r != original && pseudonymIDs.contains(r)) { r += "-redacted" }
            return r
        }
    }
}
