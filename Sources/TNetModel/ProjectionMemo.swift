import Synchronization
import TNetGraph

/// The last graph a dataset projected, with the options it was projected for.
///
/// A command often reads the same projection twice: once to state the graph it analyses (the
/// note on standard error), once to analyse it; a route query and its note read the same
/// distance graph. Building a graph of a million links costs a tenth of a second, as much as
/// the analysis. The memo keeps one graph per dataset value: `Dataset` replaces its memo (never
/// clears a shared one) whenever entities, links, the default direction or the schema change,
/// so a copy that is then changed never sees its original's graph, and the original keeps it.
final class ProjectionMemo: Sendable {
    private let last = Mutex<(options: ProjectionOptions, graph: Graph)?>(nil)

    init() {}

    /// The graph for `options`, built by `build` unless it is the one kept; keeps the result.
    /// Two threads asking at once may both build it; either result is the same graph.
    func graph(for options: ProjectionOptions, build: () -> Graph) -> Graph {
        if let kept = last.withLock({ $0 }), kept.options == options { return kept.graph }
        let g = build()
        last.withLock { $0 = (options, g) }
        return g
    }
}
