import ArgumentParser
import TraffickingNetworks

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a dataset with Graphviz (in-process, through libgvc) as SVG, PNG, PDF or DOT.",
        discussion: "The output file is written atomically: it appears complete or not at all."
    )

    @OptionGroup var input: InputOptions

    @Option(name: .shortAndLong, help: "Output file (.svg, .png, .pdf, .dot, .json); - writes to standard output.")
    var output: String

    @Option(help: "Output format when the extension does not tell: svg, png, pdf, dot, json, plain.")
    var format: String?

    @Option(help: "Layout engine: auto, dot, neato, fdp, sfdp, circo, twopi. auto picks dot up to \(RenderCommand.dotLimit) nodes, sfdp beyond.")
    var engine: String = "auto"

    /// Largest graph `--engine auto` gives to dot: Graphviz's notes measured dot at 63 s on a
    /// 200-node random graph; curated datasets of this size lay out in well under a second.
    static let dotLimit = 150

    func run() throws {
        try Diagnostics.reporting {
            let outFormat = try format ?? Self.formatFromExtension(output)
            Progress.step("reading \(input.input)")
            let dataset = try input.load()
            let chosen = engine == "auto" ? (dataset.entities.count <= Self.dotLimit ? "dot" : "sfdp") : engine
            let dot = DOTWriter.write(dataset)
            Progress.step("laying out \(dataset.entities.count) nodes with \(chosen)")
            let bytes: [UInt8]
            if outFormat == "dot" && engine == "auto" && format == nil {
                bytes = Array(dot.utf8)  // plain DOT: no layout needed
            } else {
                bytes = try GraphvizRenderer.shared.render(dot: dot, engine: chosen, format: outFormat)
            }
            Progress.clear()
            if output == "-" { emitBytes(bytes) } else { try AtomicFile.write(bytes, to: output) }
        }
    }

    static func formatFromExtension(_ path: String) throws -> String {
        guard path != "-" else { return "svg" }
        let known = ["svg", "png", "pdf", "dot", "gv", "json", "plain"]
        if let dot = path.lastIndex(of: "."), case let ext = path[path.index(after: dot)...].lowercased(), known.contains(ext) {
            return ext == "gv" ? "dot" : ext
        }
        throw CLIError("\(path): cannot tell the output format from the extension; use --format svg|png|pdf|dot|json|plain")
    }
}

