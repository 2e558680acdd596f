import ArgumentParser
import TraffickingNetworks

/// What `tnet export` writes for.
enum ExportTarget: String, ExpressibleByArgument, CaseIterable { case spark, gexf, neo4j, cytoscape }

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a dataset for the exploration tools in use: Apache Spark, Gephi (GEXF), Neo4j, Cytoscape (filters and --redact apply).",
        discussion: """
        Targets (--to), each with what it writes:

        spark DIR: vertices.jsonl and edges.jsonl (JSON Lines, one record a line, read by Spark's DataFrameReader.json without any package; an absent value is left out and read as null), their schemas vertices.schema.json and edges.schema.json (Spark's StructType as JSON, every column commented: DataType.fromJson in Scala, StructType.fromJson in Python), and export.json, written last: {"format":"tnet-spark/1","vertices":N,"edges":M,"redacted":bool,"tables":{…}}. Vertices: \(SparkExport.vertexColumns.map(\.name).joined(separator: ", ")); id is dense, 0..n-1 (a Long, GraphX's VertexId), tnet_id the entity's id. Edges: \(SparkExport.edgeColumns.map(\.name).joined(separator: ", ")); src and dst are vertex ids, directed the link's direction (its own, else the dataset's, else its kind's). examples/spark/ runs Spark's GraphX algorithms over them (README: Beyond one machine).

        gexf FILE.gexf: one GEXF 1.3 file for Gephi (NetworkX read_gexf reads it too, unless it mixes directed and undirected links). Nodes labelled with names; typed node attributes \(GEXFExport.nodeColumns.map(\.name).joined(separator: ", ")) and every free attribute; edges labelled with their kind, with weight and attributes \(GEXFExport.edgeColumns.map(\.name).joined(separator: ", ")). Dated entities and links get start and end (whole days; open ends left open), with mode="dynamic" timeformat="date", for Gephi's timeline. Directed and undirected links together make a mixed graph, each edge with its type; each edge's kind (Gephi's edge type) keeps links of different kinds between two entities apart.

        neo4j DIR: the CSV files neo4j-admin database import loads (typed headers: id:ID(Entity), :LABEL, protected:boolean, confidence_value:double, sources:string[], start:date, :START_ID(Entity), :END_ID(Entity), :TYPE …): nodes-LABEL.csv per entity kind, nodes-Source.csv for the sources, rels-TYPE.csv per link kind; import.sh, the neo4j-admin command line naming every file; load.cypher, the LOAD CSV alternative for a running server, with uniqueness constraints.

        cytoscape FILE.json: Cytoscape.js elements JSON ({"elements":{"nodes":[{"data":{"id","label",…}}],"edges":[{"data":{"id","source","target",…}}]}}), which cytoscape({elements}) takes and Cytoscape desktop imports as .cyjs.

        Every target carries each entity's and link's provenance: confidence (the Admiralty grade), confidence_value, sources (the cited source ids) and the period as written. With --redact victims no protected person's name, id or alias is written anywhere. What a target cannot express is said on standard error, one warning line each, never dropped silently. Each file is written atomically; nothing is written when the input has errors. Prints the counts and where they went.
        """
    )

    @OptionGroup var input: InputOptions
    @Option(help: ArgumentHelp("The target: spark (vertex and edge tables for Apache Spark), gexf (Gephi), neo4j (neo4j-admin import folder), cytoscape (Cytoscape.js JSON).", valueName: "target")) var to: ExportTarget
    @Argument(help: ArgumentHelp("Where to write: a folder for spark and neo4j (created if missing; files of the same names in it are replaced), a file for gexf and cytoscape.", valueName: "dir-or-file")) var output: String

    func run() throws {
        try Diagnostics.reporting {
            TerminalProgress.step("reading \(input.input)")
            let loaded = try input.loaded()
            TerminalProgress.step("writing \(output)")
            let summary: String
            var warnings: [String] = []
            switch to {
            case .spark:
                let counts = try SparkExport.write(loaded.dataset, to: output, redacted: loaded.isRedacted)
                summary = "\(counts.vertices) vertices, \(counts.edges) edges"
            case .gexf:
                let out = try GEXFExport.write(loaded.dataset, to: output)
                summary = "\(out.nodes) nodes, \(out.edges) edges"
                warnings = out.warnings
            case .neo4j:
                let out = try Neo4jExport.write(loaded.dataset, to: output, redacted: loaded.isRedacted)
                summary = "\(out.nodes) nodes, \(out.relationships) relationships, \(out.sourceNodes) source nodes, \(out.files.count) files"
                warnings = out.warnings
            case .cytoscape:
                let out = try CytoscapeExport.write(loaded.dataset, to: output, redacted: loaded.isRedacted)
                summary = "\(out.nodes) nodes, \(out.edges) edges"
                warnings = out.warnings
            }
            TerminalProgress.clear()
            for w in warnings { Diagnostics.warning(w) }
            emit("\(summary): \(output)\n")
        }
    }
}
