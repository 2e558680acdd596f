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

    /// The diagram laid out and rendered in this process: `format` svg, png, pdf, dot, json or
    /// plain; the engine is `options.engine` (see ``LayoutChoice``). For a layout that must run
    /// in a process of its own (user graph attributes, a clustered dot), use
    /// ``diagram(_:)`` and ``Diagram/render(format:timeout:)``.
    /// - Parameters:
    ///   - options: theme, engine, sizes, clusters, highlights and legend.
    ///   - format: a Graphviz output format.
    /// - Returns: the rendered bytes (binary for png and pdf).
    /// - Throws: `GraphvizError` (TNetGraphviz) for an unknown engine or format, or a failed layout.
    /// - Complexity: Graphviz's layout dominates: dot's ranking grows fast with size, sfdp
    ///   is near-linear (``LayoutChoice``).
    public func render(_ options: DiagramOptions = DiagramOptions(), format: String = "svg") throws -> [UInt8] {
        try GraphvizRenderer.shared.render(dot: DOTWriter.write(self, options: options), engine: options.resolvedEngine(for: self), format: format)
    }
}
