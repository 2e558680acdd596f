/// The FollowTheMoney model as far as tnet needs it: which schemata exist, what they extend,
/// which properties each may carry and of what type, and which are edges (their source and
/// target properties). Read from ``table``, generated from the `followthemoney` package
/// (`Tests/TNetIOTests/Fixtures/ftm/make_ftm_model.py`), so reader and writer agree with the
/// oracle that validates tnet's output.
public enum FtMModel {
    /// One schema as the generator writes it.
    struct RawSchema {
        let name: String
        let abstract: Bool
        let extends: [String]
        let edgeSource: String?
        let edgeTarget: String?
        let required: [String]
        let properties: [String]
    }

    /// A property of a schema: its FtM type (`name`, `date`, `country`, `entity`…) and, for
    /// an `entity` property, the schema its values must be.
    public struct Property: Sendable, Hashable {
        /// The property's name (`birthDate`).
        public let name: String
        /// The FtM type's name (`date`, `country`, `identifier`, `entity`…).
        public let type: String
        /// For an `entity` property: the schema the referenced entity must be (or extend).
        public let range: String?
    }

    /// A schema with its inherited properties resolved. A class: every line read holds its
    /// schema, and copying a struct of six references had been a sixth of the FtM reader's
    /// reference counting.
    public final class Schema: Sendable {
        /// The schema's name (`Person`).
        public let name: String
        /// Whether entities of this schema cannot exist (`Thing`, `Interval`).
        public let abstract: Bool
        /// This schema and every schema it extends, transitively.
        public let ancestry: Set<String>
        /// For an edge: the property naming the source entity (`owner`), and the target's (`asset`).
        public let edge: (source: String, target: String)?
        /// Properties an entity of this schema must have.
        public let required: [String]
        /// Every writable property, own and inherited, by name.
        public let properties: [String: Property]
        /// `isA("Thing")` and `isA("Document")`, asked of every line read.
        public let isThing: Bool
        public let isDocument: Bool

        init(name: String, abstract: Bool, ancestry: Set<String>, edge: (source: String, target: String)?,
             required: [String], properties: [String: Property]) {
            self.name = name
            self.abstract = abstract
            self.ancestry = ancestry
            self.edge = edge
            self.required = required
            self.properties = properties
            isThing = ancestry.contains("Thing")
            isDocument = ancestry.contains("Document")
        }

        /// Whether this schema is `other` or extends it.
        /// - Parameter other: A schema name.
        public func isA(_ other: String) -> Bool { ancestry.contains(other) }
    }

    /// Every schema by name, inheritance resolved.
    public static let schemata: [String: Schema] = {
        var raw: [String: RawSchema] = [:]
        for r in table { raw[r.name] = r }
        func ancestry(_ name: String) -> [String] {
            guard let r = raw[name] else { return [] }
            return [name] + r.extends.flatMap(ancestry)
        }
        var out: [String: Schema] = [:]
        for r in table {
            let names = ancestry(r.name)
            var props: [String: Property] = [:]
            for n in names.reversed() {
                for p in raw[n]?.properties ?? [] {
                    let parts = p.split(separator: ":", maxSplits: 2).map(String.init)
                    props[parts[0]] = Property(name: parts[0], type: parts[1], range: parts.count > 2 ? parts[2] : nil)
                }
            }
            // An edge's ends may be declared by a parent (Interest's children name their own).
            var edge: (String, String)?
            for n in names { if let s = raw[n]?.edgeSource, let t = raw[n]?.edgeTarget { edge = (s, t); break } }
            out[r.name] = Schema(name: r.name, abstract: r.abstract, ancestry: Set(names), edge: edge,
                                 required: r.required, properties: props)
        }
        return out
    }()

    /// The schema named `name`, or nil when FtM has none.
    /// - Parameter name: A schema name, compared exactly (`Person`).
    public static func schema(_ name: String) -> Schema? { schemata[name] }
}
