import Testing
import TNetModel
@testable import TNetIO

/// An entity's or a link's texts as bytes: Swift's `==` takes canonically equal texts (NFC and
/// NFD "é", the Kelvin sign and "K") as equal, so spellings are compared apart.
func spellings(_ e: Entity) -> [[UInt8]] {
    [Array(e.id.utf8), Array((e.name ?? "").utf8)] + e.sources.map { Array($0.utf8) }
}

func spellings(_ l: Link) -> [[UInt8]] {
    [Array(l.source.utf8), Array(l.target.utf8)] + l.sources.map { Array($0.utf8) }
}

/// Expects a chunked reader's result to be its streamed oracle's: the same entities and links
/// (spellings included) with the same resolved ends, positions, dataset fields, id index and
/// link tables, and the same issues in the same order.
func expectSameRead(_ chunks: (dataset: Dataset, issues: [ValidationIssue]), _ stream: (dataset: Dataset, issues: [ValidationIssue]),
                    sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let (a, b) = (chunks.dataset, stream.dataset)
    #expect(chunks.issues == stream.issues, sourceLocation: sourceLocation)
    #expect(a.entities == b.entities, sourceLocation: sourceLocation)
    #expect(Array(a.links) == Array(b.links), sourceLocation: sourceLocation)
    #expect(a.entities.map(spellings) == b.entities.map(spellings), sourceLocation: sourceLocation)
    #expect(Array(a.links).map(spellings) == Array(b.links).map(spellings), sourceLocation: sourceLocation)
    #expect((0 ..< a.links.count).allSatisfy { a.endpoints(ofLink: $0) == b.endpoints(ofLink: $0) }, sourceLocation: sourceLocation)
    #expect(a.locations == b.locations, sourceLocation: sourceLocation)
    #expect(a.sources == b.sources && a.title == b.title && a.description == b.description, sourceLocation: sourceLocation)
    #expect(a.directed == b.directed && a.schema == b.schema && a.extra == b.extra, sourceLocation: sourceLocation)
    #expect(a.entityIDsRepeat == b.entityIDsRepeat, sourceLocation: sourceLocation)
    #expect(a.entities.allSatisfy { a.index(of: $0.id) == b.index(of: $0.id) }, sourceLocation: sourceLocation)
    #expect(a.linkColumns.kindTable == b.linkColumns.kindTable && a.linkColumns.citesAnything == b.linkColumns.citesAnything,
            sourceLocation: sourceLocation)
    #expect(a.linkColumns.danglingIDs == b.linkColumns.danglingIDs && a.linkColumns.spellings == b.linkColumns.spellings,
            sourceLocation: sourceLocation)
}
