import ArgumentParser
import TraffickingNetworks

/// What `tnet export` writes for.
enum ExportTarget: String, ExpressibleByArgument, CaseIterable { case spark }

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a dataset as the vertex and edge tables Apache Spark reads natively (filters and --redact apply).",
        discussion: """
        --to spark writes into DIR: vertices.jsonl and edges.jsonl (JSON Lines, one record a line, read by Spark's DataFrameReader.json without any package; an absent value is left out and read as null), their schemas vertices.schema.json and edges.schema.json (Spark's StructType as JSON, every column commented: DataType.fromJson in Scala, StructType.fromJson in Python), and export.json, written last: {"format":"tnet-spark/1","vertices":N,"edges":M,"redacted":bool,"tables":{…}}.
        Vertices: \(SparkExport.vertexColumns.map(\.name).joined(separator: ", ")); id is dense, 0..n-1 (a Long, GraphX's VertexId), tnet_id the entity's id. Edges: \(SparkExport.edgeColumns.map(\.name).joined(separator: ", ")); src and dst are vertex ids, directed the link's direction (its own, else the dataset's, else its kind's). Every link with both ends present is an edge, parallel links included. The schemas say what each column holds.
        examples/spark/ runs Spark's GraphX algorithms over them, locally or on a cluster (README: Beyond one machine). Each file is written atomically; nothing is written when the input has errors. Prints the counts and the folder.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("The target: spark (vertex and edge tables for Apache Spark, GraphX and GraphFrames).", valueName: "target")) var to: ExportTarget
    @Argument(help: ArgumentHelp("Folder to write into (created if missing; files of the same names in it are replaced).", valueName: "dir")) var output: String

    func run() throws {
        try Diagnostics.reporting {
            TerminalProgress.step("reading \(input.input)")
            let loaded = try input.loaded()
            TerminalProgress.step("writing \(output)")
            let counts = try SparkExport.write(loaded.dataset, to: output, redacted: loaded.isRedacted)
            TerminalProgress.clear()
            emit("\(counts.vertices) vertices, \(counts.edges) edges: \(output)\n")
        }
    }
}
