import Testing
import TNetModel
@testable import TNetIO

/// `DiffListing`: what changed between two datasets, as a table.
@Suite struct DiffListingTests {
    /// Sampled betweenness changes carry their bounds and what they mean in the table itself,
    /// not only on standard error (helper-64: a table written to a file listed changes all
    /// inside the bounds, without a word). At ε 0.2 on a 300-entity network the sample draws far
    /// fewer paths than the 89,700 ordered pairs (Riondato–Kornaropoulos: about 0.5/ε² · 8); the
    /// exact measure, and a sample that computes exactly, say no such thing.
    @Test func sampledChangesCarryTheirBounds() throws {
        let before = SyntheticNetwork(nodes: 300, seed: 3).generate()
        let later = Dataset(entities: Array(before.entities), links: Array(before.links.dropLast(40)))
        var options = CentralityAnalysisOptions()
        options.epsilon = 0.2
        let sampled = try DatasetDiff(before: before, after: later, measure: .approxBetweenness, top: 3, options: options)
        #expect(sampled.isSampled && sampled.notes.count == 2)
        let table = DiffListing(sampled, before: before, after: later, measure: .approxBetweenness).table
        #expect(table.hasSuffix("(" + sampled.notes.joined(separator: "; ") + "; " + DiffListing.samplingCaveat + ")\n"), "\(table)")
        #expect(sampled.notes[0].hasPrefix("before: approx-betweenness: ") && sampled.notes[0].contains(" sampled paths ("))
        let exact = try DatasetDiff(before: before, after: later, measure: .betweenness, top: 3)
        #expect(!exact.isSampled && !DiffListing(exact, before: before, after: later, measure: .betweenness).table.contains("sampling error"))
        options.epsilon = 0.001
        let computedExactly = try DatasetDiff(before: before, after: later, measure: .approxBetweenness, top: 3, options: options)
        #expect(!computedExactly.isSampled && !DiffListing(computedExactly, before: before, after: later, measure: .approxBetweenness).table.contains("sampling error"))
    }
}
