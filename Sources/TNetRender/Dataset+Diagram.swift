import TNetGraphviz
import TNetModel

extension Dataset {
    /// The styled DOT of this dataset (``DOTWriter/write(_:options:)``), to lay out with
    /// Graphviz elsewhere.
    /// - Parameter options: theme, engine, sizes, clusters, highlights and legend.
    /// - Returns: the DOT text.
    /// - Complexity: O(*n* + *m*) expected.
    public func dot(_ options: DiagramOptions = DiagramOptions()) -> String {
        DOTWriter.write(self, options: options)
    }

    /// The diagram laid out and rendered (what `tnet render` writes): `format` svg, png, pdf, dot,
    /// json or plain; the engine is `options.engine` (see ``LayoutChoice``). In this process,
    /// except a layout whose result depends on where Graphviz's objects lie in memory (a
    /// clustered dot, fdp: ``LayoutChoice/dependsOnMemoryLayout(engine:clustered:)``), which runs
    /// in a process of its own (`IsolatedLayout`) so that it is the same every run.
    /// ``diagram(_:)`` builds the options from a request (views, sizes, clusters, highlights).
    /// - Parameters:
    ///   - options: what the diagram shows and how.
    ///   - format: the output format.
    /// - Returns: the drawing's bytes.
    /// - Throws: `GraphvizError` from an in-process layout, `LayoutError` from an isolated one.
    /// - Complexity: Graphviz's layout dominates: dot's ranking grows fast with size, sfdp
    ///   is near-linear (``LayoutChoice``).
    public func render(_ options: DiagramOptions = DiagramOptions(), format: String = "svg") throws -> [UInt8] {
        // The same choice of process as a requested diagram's (Diagram.render): user layout
        // attributes (a theme's, the options') apart always, a clustered dot or fdp apart when
        // the layout program is there.
        let engine = options.resolvedEngine(for: self)
        let userLayout = !options.theme.graph.isEmpty || !options.graphAttributes.isEmpty
        return try Diagram(dataset: self, dot: DOTWriter.write(self, options: options), engine: engine, isClustered: options.isClustered,
                           needsIsolation: userLayout || LayoutChoice.dependsOnMemoryLayout(engine: engine, clustered: options.isClustered),
                           hasUserLayout: userLayout, warnings: []).render(format: format).bytes
    }
}
