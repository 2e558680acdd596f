import TNetGraphviz
import TNetModel

extension Dataset {
    /// The styled DOT of this dataset (what `tnet dot` prints).
    public func dot(_ options: DiagramOptions = DiagramOptions()) -> String {
        DOTWriter.write(self, options: options)
    }

    /// The diagram laid out and rendered in-process (what `tnet render` writes): `format` svg,
    /// png, pdf, dot, json or plain; the engine is `options.engine` (see ``LayoutChoice``).
    public func render(_ options: DiagramOptions = DiagramOptions(), format: String = "svg") throws -> [UInt8] {
        try GraphvizRenderer.shared.render(dot: DOTWriter.write(self, options: options), engine: options.resolvedEngine(for: self), format: format)
    }
}
