import TNetModel

/// What a GraphML document's keys make of its nodes and edges: the keys as declared, and each
/// node or edge (its id or ends, its data in document order) turned into an entity or a link,
/// with the problems found. One meaning for the streamed reader (``GraphMLHandler``) and the
/// chunked one (``GraphMLReader/Chunks``); each chunk reads with its own copy.
struct GraphMLElementBuilder {
    /// One `<key>`: where it applies, its name and type, its default.
    struct Key {
        var domain: String
        var name: String
        var type: AttributeType
        var defaultText: String?
        var yfiles: String?
        /// Written by tnet for an attribute that shares a field's name.
        var forcedAttribute = false

        func applies(to domain: String) -> Bool { self.domain == domain || self.domain == "all" }
    }

    /// What every node and edge asks of a key, worked out once when it is declared.
    struct KeyUse {
        var node: Bool
        var edge: Bool
        /// The entity's field its data sets (none for a forced attribute, or `id`), and the
        /// link's (none for `source` or `target`).
        var entityField: FieldCodec.EntityField?
        var linkField: FieldCodec.LinkField?
        var nodeGraphics: Bool
        var edgeGraphics: Bool
        var isLabel: Bool
        var isDirected: Bool

        init(_ key: Key) {
            node = key.applies(to: "node")
            edge = key.applies(to: "edge")
            entityField = key.forcedAttribute || key.name == "id" ? nil : FieldCodec.EntityField(rawValue: key.name)
            linkField = key.forcedAttribute || key.name == "source" || key.name == "target" ? nil : FieldCodec.LinkField(rawValue: key.name)
            nodeGraphics = key.yfiles == "nodegraphics"
            edgeGraphics = key.yfiles == "edgegraphics"
            isLabel = key.name == "label" && !key.forcedAttribute
            isDirected = key.name == "directed"
        }
    }

    /// One `<data>` of a node or edge: its key's place in ``keys``, and its text.
    struct Datum: Sendable {
        var key: Int
        var text: String
    }

    let file: String
    /// Keys in order of first declaration; a key declared again under the same id replaces it.
    private(set) var keys: [Key] = []
    private(set) var keyUses: [KeyUse] = []
    private(set) var keyIndex: [String: Int] = [:]
    /// Problems found, in document order.
    var issues: [ValidationIssue] = []
    /// Per key, the last element whose data used it (duplicate data is found without a set).
    private var seenStamp: [Int] = []
    private var stamp = 0
    /// Keys with a default for nodes and for edges, in id order (worked out on first use after a
    /// declaration).
    private var nodeDefaults: [Datum]?, edgeDefaults: [Datum]?
    /// Whether a key names nodes (then a `label` is an attribute, not the name).
    private(set) var hasNameKey = false
    /// The last `sources` text read and its list: most elements cite what the one before cited,
    /// so the list is shared rather than split and allocated again.
    private var lastSources: (text: String, list: [String])?

    /// Whether tnet wrote the file (its graph key `tnet.directed`): then the XML `directed`
    /// attribute only repeats what the kind implies.
    private(set) var writtenByTNet = false

    init(file: String) { self.file = file }

    /// Declares `key` under `id`, replacing a key declared before under the same id. What is
    /// worked out from the keys is worked out again: a key declared (or declared again) after
    /// the first node applies, with its own domain and default, to the nodes after it.
    mutating func declare(_ key: Key, id: String) {
        if let i = keyIndex[id] {
            count(keys[i], -1)
            keys[i] = key
            keyUses[i] = KeyUse(key)
        } else {
            keyIndex[id] = keys.count
            keys.append(key)
            keyUses.append(KeyUse(key))
            seenStamp.append(0)
        }
        count(key, 1)
        nodeDefaults = nil
        edgeDefaults = nil
        // Counted as keys come and go, not looked for among all keys at each declaration (a
        // file of 20,000 keys took 4.9 s).
        hasNameKey = nameKeys > 0
        writtenByTNet = directedKeys > 0
    }

    /// Keys declared that name the node's `name` field, and that carry tnet's `directed`.
    private var nameKeys = 0, directedKeys = 0

    private mutating func count(_ key: Key, _ step: Int) {
        if key.applies(to: "node") && key.name == "name" && !key.forcedAttribute { nameKeys += step }
        if key.domain == "graph" && key.name == "tnet.directed" { directedKeys += step }
    }

    private mutating func defaults(node: Bool) -> [Datum] {
        if let d = node ? nodeDefaults : edgeDefaults { return d }
        let domain = node ? "node" : "edge"
        let d = keyIndex.keys.sorted().compactMap { id -> Datum? in
            let i = keyIndex[id]!
            let key = keys[i]
            guard key.applies(to: domain), let text = key.defaultText else { return nil }
            return Datum(key: i, text: text)
        }
        if node { nodeDefaults = d } else { edgeDefaults = d }
        return d
    }

    /// Where an element's start tag begins. Its ``SourceLocation`` is made only for an issue:
    /// made for every element, it retained the file's name, one string shared by the chunks of
    /// every thread, whose count the cores then fought over (a third of a large file's read).
    struct Place {
        var line: Int
        var column: Int
    }

    func location(_ at: Place) -> SourceLocation { SourceLocation(file: file, line: at.line, column: at.column) }

    /// Calls `body` with each datum of an element in document order, then the defaults of keys
    /// it has no data for. Data under a key for another domain, or a key already given, is
    /// reported (a warning) rather than dropped unseen.
    private mutating func forEachValue(_ data: [Datum], node: Bool, what: () -> String,
                                       at: Place, _ body: (inout Self, Int, String) -> Void) {
        stamp += 1
        for datum in data {
            let (k, v) = (datum.key, datum.text)
            guard node ? keyUses[k].node : keyUses[k].edge else {
                let key = keys[k]
                issues.append(ValidationIssue(.warning, .unknownField, "\(what()): key \(quoted(key.name)) is declared for \(key.domain), not \(node ? "node" : "edge"); ignored", at: location(at)))
                continue
            }
            if seenStamp[k] != stamp {
                seenStamp[k] = stamp
                body(&self, k, v)
            } else {
                issues.append(ValidationIssue(.warning, .unknownField, "\(what()): key \(quoted(keys[k].name)) given twice; the first is kept", at: location(at)))
            }
        }
        for d in defaults(node: node) where seenStamp[d.key] != stamp { body(&self, d.key, d.text) }
    }

    /// A `sources` value's list, as ``FieldCodec`` reads it.
    private mutating func sources(_ text: String) -> [String] {
        // Compared by bytes: Swift's `==` takes canonically equal texts (NFC and NFD "é", the
        // Kelvin sign and "K") as the same, and each must keep its own spelling.
        if let last = lastSources, LinkColumns.sameBytes(last.text, text) { return last.list }
        let list = FieldCodec.list(text)
        lastSources = (text, list)
        return list
    }

    /// The entity of a `<node>` with `id` and `data` (key positions in ``keys``, texts), whose
    /// start tag begins at `line` and `column`.
    mutating func entity(id: String, data: [Datum], line: Int, column: Int) -> Entity {
        var e = Entity(id: id, kind: .node)
        let at = Place(line: line, column: column)
        var graphicsLabel: String?
        forEachValue(data, node: true, what: { "node \(quoted(id))" }, at: at) { me, k, text in
            let use = me.keyUses[k]
            if use.nodeGraphics { graphicsLabel = text; return }
            if use.entityField == .sources { e.sources = me.sources(text); return }
            if let field = use.entityField {
                switch FieldCodec.set(field, text, on: &e) {
                case .stored: return
                case .invalid(let m): me.issues.append(ValidationIssue(.error, .invalidValue, "node \(quoted(id)): \(m)", at: me.location(at))); return
                case .notAField: break
                }
            }
            if use.isLabel && !me.hasNameKey && e.name == nil { e.name = text; return }
            guard let v = me.keys[k].type.decode(text) else {
                me.issues.append(ValidationIssue(.error, .invalidValue, "node \(quoted(id)): \(quoted(me.keys[k].name)) = \(quoted(text)) is not a \(me.keys[k].type.rawValue)", at: me.location(at)))
                return
            }
            e.attributes[me.keys[k].name] = v
        }
        if e.name == nil, let graphicsLabel { e.name = graphicsLabel }
        return e
    }

    /// The link of an `<edge>` from `source` to `target`, with its XML `id` and `directed`
    /// attributes and its data, whose start tag begins at `line` and `column`.
    mutating func link(source: String, target: String, edgeID: String?, directed: Bool?,
                       data: [Datum], line: Int, column: Int) -> Link {
        var l = Link(source: source, target: target, kind: .link)
        let at = Place(line: line, column: column)
        var explicitDirected = false
        forEachValue(data, node: false, what: { "edge \(quoted(source)) → \(quoted(target))" }, at: at) { me, k, text in
            let use = me.keyUses[k]
            if use.edgeGraphics { l.attributes["label"] = .string(text); return }
            if use.linkField == .sources { l.sources = me.sources(text); return }
            if let field = use.linkField {
                switch FieldCodec.set(field, text, on: &l) {
                case .stored: if use.isDirected { explicitDirected = true }; return
                case .invalid(let m): me.issues.append(ValidationIssue(.error, .invalidValue, "edge \(quoted(source)) → \(quoted(target)): \(m)", at: me.location(at))); return
                case .notAField: break
                }
            }
            guard let v = me.keys[k].type.decode(text) else {
                me.issues.append(ValidationIssue(.error, .invalidValue, "edge \(quoted(source)) → \(quoted(target)): \(quoted(me.keys[k].name)) = \(quoted(text)) is not a \(me.keys[k].type.rawValue)", at: me.location(at)))
                return
            }
            l.attributes[me.keys[k].name] = v
        }
        if let edgeID, l.attributes["id"] == nil { l.attributes["id"] = .string(edgeID) }
        // A file tnet wrote records explicit directions as data; the XML attribute then only
        // repeats what the kind implies. From other tools, the XML attribute is the fact.
        if !explicitDirected && !writtenByTNet, let directed { l.directed = directed }
        return l
    }
}
