/// Which Graphviz engine `--engine auto` uses.
///
/// dot draws layered diagrams that read well in a briefing, but its network-simplex ranking grows
/// fast with size on tangled graphs (Graphviz notes on this machine: 63 s for a 200-node random
/// graph); sfdp scales to tens of thousands of nodes (10,000 in about 5 s). The limits below are
/// set from tnet's own measurement on generated trafficking-shaped networks (see the render
/// benchmark in `Benchmarks/README.md`).
public enum LayoutChoice {
    /// Measured (debug build, SVG, whole `tnet render`): generated trafficking networks of 300
    /// entities / 600 links 0.4 s and 600 / 1,200 1.3 s with dot; denser preferential-attachment
    /// graphs 150 / 653 1.6 s, 200 / 940 4.5 s, 300 / 1,414 12 s. Links decide more than nodes.
    public static let dotNodeLimit = 300
    public static let dotLinkLimit = 600

    public static func engine(entities: Int, links: Int) -> String {
        entities <= dotNodeLimit && links <= dotLinkLimit ? "dot" : "sfdp"
    }
}
