import TNetModel

/// Which entities are drawn together in a box (a Graphviz cluster), and what the box is called.
/// An entity belongs to at most one cluster, so clusters never overlap.
public struct Clustering: Sendable {
    /// The cluster of each entity (an index into ``labels``), nil for none.
    public var membership: [Int?]
    /// Each cluster's box label (a country's name, "community 2"), by cluster number.
    public var labels: [String]
    /// What the clusters are, for the legend ("country").
    public var basis: String

    /// Clusters given directly.
    /// - Parameters:
    ///   - membership: each entity's cluster (an index into `labels`), nil for none.
    ///   - labels: each cluster's label.
    ///   - basis: what the clusters are, for the legend.
    public init(membership: [Int?], labels: [String], basis: String) {
        precondition(membership.allSatisfy { $0 == nil || $0! < labels.count })
        self.membership = membership
        self.labels = labels
        self.basis = basis
    }

    /// Groups entities by a key; clusters are numbered in order of first appearance.
    /// - Parameters:
    ///   - keys: each entity's key, nil for none (no box).
    ///   - label: the box label of a key.
    ///   - basis: what the clusters are, for the legend.
    /// - Returns: one cluster per distinct key.
    /// - Complexity: O(*n*) expected.
    public static func grouping(_ keys: [String?], label: (String) -> String, basis: String) -> Clustering {
        var index: [String: Int] = [:]
        var labels: [String] = []
        let membership = keys.map { key -> Int? in
            guard let key else { return nil }
            if let i = index[key] { return i }
            index[key] = labels.count
            labels.append(label(key))
            return labels.count - 1
        }
        return Clustering(membership: membership, labels: labels, basis: basis)
    }

    /// By the `country` field; a country entity sits in its own country's box. Boxes are
    /// labelled with the country entity's label when there is one, else the id.
    /// - Parameter d: the dataset drawn.
    /// - Returns: one cluster per country named.
    public static func byCountry(_ d: Dataset) -> Clustering {
        grouping(d.entities.map { $0.kind == .country ? $0.id : $0.country },
                 label: { d[id: $0]?.label ?? $0 }, basis: "country")
    }

    /// By the region an entity is `located_in` (the first such link to a region entity); a
    /// region sits in its own box.
    /// - Parameter d: the dataset drawn.
    /// - Returns: one cluster per region reached.
    /// - Complexity: O(*n* + *m*).
    public static func byRegion(_ d: Dataset) -> Clustering {
        var keys: [String?] = d.entities.map { $0.kind == .region ? $0.id : nil }
        d.forEachResolvedLink { i, s, t in
            let link = d.links[i]
            if link.kind == .locatedIn, d.entities[Int(t)].kind == .region, keys[Int(s)] == nil {
                keys[Int(s)] = d.entities[Int(t)].id
            }
        }
        return grouping(keys, label: { d[id: $0]?.label ?? $0 }, basis: "region")
    }

    /// By an attribute's value (as text); `kind` and `role` name those fields.
    /// - Parameters:
    ///   - d: the dataset drawn.
    ///   - name: `kind`, `role` or an attribute name.
    /// - Returns: one cluster per distinct value; no clusters when no entity has a value.
    public static func byAttribute(_ d: Dataset, _ name: String) -> Clustering {
        let keys: [String?] = d.entities.map { e in
            switch name {
            case "kind": return e.kind.rawValue
            case "role": return e.role?.rawValue
            default: return e.attributes[name].map(\.displayText)
            }
        }
        return grouping(keys, label: { $0 }, basis: name)
    }

    /// From numbered groups (communities, say): group `g` is labelled "basis g".
    /// - Parameters:
    ///   - groups: each entity's group number (`CommunityResult.community`).
    ///   - basis: what the groups are, used in labels and the legend.
    /// - Returns: one cluster per group.
    public static func byGroups(_ groups: [Int], basis: String) -> Clustering {
        grouping(groups.map { String($0) }, label: { "\(basis) \($0)" }, basis: basis)
    }
}
