extension Dataset {
    /// A dataset's links as a collection of ``Link`` values, in file order. The dataset keeps
    /// them by column (``Dataset`` stores a million links in about 40 MB); each element is
    /// built when it is read, so prefer ``Dataset/forEachResolvedLink(_:)`` with
    /// ``Dataset/weight(ofLink:)`` and ``Dataset/kind(ofLink:)`` in a loop over millions.
    public struct Links: RandomAccessCollection, Sendable, Equatable {
        let columns: LinkColumns
        let entities: [Entity]

        /// The first position, 0.
        public var startIndex: Int { 0 }
        /// One past the last position: the number of links.
        public var endIndex: Int { columns.count }

        /// The link at position `i`, built from its columns.
        /// - Parameter i: a position in `0 ..< count`.
        /// - Complexity: O(1), plus copying its citations and attributes.
        public subscript(i: Int) -> Link {
            columns.link(i) { entities[$0].id }
        }

        /// Whether both hold the same links in the same order.
        /// - Parameters:
        ///   - a: some links.
        ///   - b: other links.
        public static func == (a: Links, b: Links) -> Bool { a.elementsEqual(b) }
    }

    /// Link `i`'s weight (`nil`: counts 1), without building the link.
    /// - Parameter i: a position in ``links``.
    public func weight(ofLink i: Int) -> Double? { linkColumns.weight(i) }

    /// Link `i`'s kind, without building the link.
    /// - Parameter i: a position in ``links``.
    public func kind(ofLink i: Int) -> LinkKind { linkColumns.kind(i) }

    /// Link `i`'s grade, without building the link.
    /// - Parameter i: a position in ``links``.
    public func confidence(ofLink i: Int) -> Confidence? { linkColumns.confidence(i) }

    /// Link `i`'s period, without building the link.
    /// - Parameter i: a position in ``links``.
    public func period(ofLink i: Int) -> Period? { linkColumns.period(i) }

    /// Whether link `i` is directed (as ``isDirected(_:)`` decides), without building the link.
    /// - Parameter i: a position in ``links``.
    public func isDirected(linkAt i: Int) -> Bool {
        linkColumns.isDirected(i) ?? directed ?? !schema.isSymmetric(linkColumns.kind(i))
    }

    /// Every link's direction, as ``isDirected(linkAt:)`` decides it, for a pass over the links:
    /// each kind's symmetry is looked up once, not once per link (two hashes of its name).
    /// - Complexity: O(*k*) for *k* link kinds.
    package func linkDirections() -> LinkDirections {
        let byKind = linkColumns.kindTable.map { directed ?? !schema.isSymmetric($0) }
        return LinkDirections(own: linkColumns.ownDirections, kinds: linkColumns.kindIndices, byKind: byKind)
    }

    /// Whether any link is directed (as ``isDirected(_:)`` decides).
    /// - Complexity: O(*k*) for *k* link kinds when no link sets its own direction, else O(*m*).
    public var hasDirectedLinks: Bool {
        if linkColumns.anyDirectedFlag { return true }
        if directed == false { return false }
        if !linkColumns.anyUndirectedFlag {
            // Every link defers to the dataset, then to its kind.
            // Every kind in the table is some link's (nothing is ever removed from it).
            if directed == true { return !links.isEmpty }
            return linkColumns.kindTable.contains { !schema.isSymmetric($0) }
        }
        let direction = linkDirections()
        return (0 ..< links.count).contains { direction($0) }
    }
}
