/// Links' directions, as ``Dataset/isDirected(linkAt:)`` decides them: a link's own, else by
/// its kind (the dataset's default already applied to each kind).
package struct LinkDirections {
    let own: [Bool?]
    let kinds: [UInt32]
    let byKind: [Bool]

    /// Whether link `i` is directed.
    package func callAsFunction(_ i: Int) -> Bool { own[i] ?? byKind[Int(kinds[i])] }
}
