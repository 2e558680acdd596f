/// Which Graphviz engine an `auto` engine (``DiagramRequest/engine``,
/// ``DiagramOptions/engine``) resolves to, and the graph attributes each engine is given.
///
/// dot draws layered diagrams that read well in a briefing, but its network-simplex ranking grows
/// fast with size on tangled graphs (Graphviz notes on this machine: 63 s for a 200-node random
/// graph); sfdp scales to tens of thousands of nodes (10,000 in about 5 s). The limits below are
/// set from tnet's own measurement on generated trafficking-shaped networks (see the render
/// benchmark in `Benchmarks/README.md`).
public enum LayoutChoice {
    /// Most entities dot lays out; above it, sfdp.
    ///
    /// Measured (debug build, SVG, layout and rendering of a whole diagram): generated
    /// trafficking networks of 300 entities / 600 links 0.4 s and 600 / 1,200 1.3 s with dot;
    /// denser preferential-attachment graphs 150 / 653 1.6 s, 200 / 940 4.5 s, 300 / 1,414 12 s.
    /// Links decide more than nodes.
    public static let dotNodeLimit = 300
    /// Most links dot lays out; above it, sfdp (links decide more than nodes:
    /// ``dotNodeLimit``).
    public static let dotLinkLimit = 600

    /// The engine for a network of this size: dot within ``dotNodeLimit`` and
    /// ``dotLinkLimit``, else sfdp.
    /// - Parameters:
    ///   - entities: the number of entities drawn.
    ///   - links: the number of links drawn.
    /// - Returns: `dot` or `sfdp`.
    public static func engine(entities: Int, links: Int) -> String {
        entities <= dotNodeLimit && links <= dotLinkLimit ? "dot" : "sfdp"
    }

    /// Above this many entities force-directed layouts let nodes overlap: removing overlaps
    /// (prism) took sfdp 12 of 17 s on a 10,000-entity network, for a picture that is a summary
    /// at best (draw a view of the top entities instead, ``DiagramRequest/top``).
    public static let overlapRemovalLimit = 5_000

    /// Graph attributes each engine lays out well with; a theme's and the caller's
    /// (``DiagramOptions/graphAttributes``) come after and win.
    ///
    /// dot: left to right (the flow from recruitment to compound reads across), curved edges.
    /// The force-directed engines (sfdp, neato, fdp) and circo/twopi: straight edges, because
    /// routing splines around obstacles is what makes them slow (sfdp on 2,000 entities: over
    /// 120 s with `splines=true`, 1.6 s with straight lines).
    /// - Parameters:
    ///   - engine: the Graphviz engine.
    ///   - entities: the number of entities drawn (overlap removal only up to
    ///     ``overlapRemovalLimit``).
    /// - Returns: attribute names and values, in writing order.
    public static func graphDefaults(engine: String, entities: Int) -> [(name: String, value: String)] {
        switch engine {
        case "dot":
            return [("rankdir", "LR"), ("splines", "true"), ("nodesep", "0.25"), ("ranksep", "0.6")]
        default:
            // A fixed start: without one, sfdp's overlap removal draws a different picture from
            // run to run (seen here on a 2,000-entity network: two outcomes in six runs).
            return [("overlap", entities <= overlapRemovalLimit ? "false" : "true"), ("splines", "false"),
                    ("outputorder", "edgesfirst"), ("start", "1")]
        }
    }

    /// Whether a layout's result can depend on where Graphviz's objects lie in memory, and so
    /// must run in a process of its own with nothing else allocating beside it to come out the
    /// same every time. Graphviz 2.42 orders some things by address: dot's cluster handling
    /// (upstream issues 1767 and 1789) and fdp (issue 1214). Seen here: the bundled dataset
    /// clustered by country, laid out in tnet's own process after reading and analysing the
    /// dataset, gave 9 different drawings in 15 runs; in a fresh process, 20 equal ones. dot
    /// without clusters, sfdp, neato, circo and twopi gave the same bytes in every run (tests
    /// check this). fdp, even in a process of its own, draws another picture about once in 150
    /// runs, as the `fdp` command does (5 and 2 in 800 runs each, with address randomisation off
    /// and the clock fixed): a Graphviz limit, stated in the README.
    /// - Parameters:
    ///   - engine: the Graphviz engine.
    ///   - clustered: whether the diagram has cluster boxes.
    /// - Returns: true for fdp, and for dot with clusters.
    public static func dependsOnMemoryLayout(engine: String, clustered: Bool) -> Bool {
        engine == "fdp" || (engine == "dot" && clustered)
    }
}
