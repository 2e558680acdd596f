// Spark's own graph algorithms over a tnet export (`tnet export INPUT --to spark DIR`):
// connected components, strongly connected components, PageRank and label propagation from
// GraphX, which every Spark distribution (and the pyspark wheel) ships; GraphFrames' versions
// when its package is on the classpath.
//
//   spark-submit --class TnetGraphX tnet-graphx.jar DIR OUT        (compiled: see README.md)
//   spark-shell -i TnetGraphX.scala -i run.scala --conf spark.tnet.input=DIR --conf spark.tnet.output=OUT
//
// DIR and OUT may be local folders or any path Spark reads (hdfs://, s3a://). OUT receives one
// CSV folder per algorithm (id, tnet_id and the result; header, Spark's part files) and
// timings/. Options, as --conf: spark.tnet.pagerank.tol (default 1e-4), spark.tnet.lpa.steps (5).
//
// The graph is read as tnet reads it: each undirected link (directed = false) both ways, and
// the links between two entities one tie (GraphX's PageRank counts every parallel edge; tnet,
// without --weighted, a tie once). The algorithms ignore weights, as tnet's do by default.

import org.apache.spark.graphx.{Edge, Graph, VertexId}
import org.apache.spark.graphx.lib.LabelPropagation
import org.apache.spark.rdd.RDD
import org.apache.spark.sql.{DataFrame, SparkSession}
import org.apache.spark.sql.functions.col
import org.apache.spark.sql.types.{DataType, StructType}

import scala.collection.mutable.ArrayBuffer

object TnetGraphX {
  def main(args: Array[String]): Unit = {
    require(args.length == 2, "usage: TnetGraphX EXPORT_DIR OUTPUT_DIR")
    val spark = SparkSession.builder().appName("tnet-graphx").getOrCreate()
    run(spark, args(0), args(1))
  }

  /** A table of the export, read with the schema beside it: no type is guessed. */
  def table(spark: SparkSession, dir: String, name: String): DataFrame = {
    val json = spark.read.option("wholetext", "true").text(s"$dir/$name.schema.json").head().getString(0)
    val schema = DataType.fromJson(json).asInstanceOf[StructType]
    spark.read.schema(schema).option("mode", "FAILFAST").json(s"$dir/$name.jsonl")
  }

  /** Times each step and prints it as it ends; the times are written to OUT/timings. */
  class Timer {
    val steps = ArrayBuffer.empty[(String, Double)]
    def apply[T](step: String)(body: => T): T = {
      val start = System.nanoTime()
      val result = body
      val seconds = (System.nanoTime() - start) / 1e9
      steps += step -> seconds
      println(f"tnet-graphx: $step%-30s $seconds%8.2f s")
      result
    }
  }

  def run(spark: SparkSession, input: String, output: String): Unit = {
    import spark.implicits._
    val conf = spark.sparkContext.getConf
    val tol = conf.getDouble("spark.tnet.pagerank.tol", 1e-4)
    val lpaSteps = conf.getInt("spark.tnet.lpa.steps", 5)
    val timed = new Timer

    // Read, and check the counts against export.json (a file cut short on its way to a cluster).
    val (vertices, edges) = timed("read") {
      val manifest = spark.read.option("multiLine", "true").json(s"$input/export.json").head()
      require(manifest.getAs[String]("format") == "tnet-spark/1", s"$input: not a tnet-spark/1 export")
      val v = table(spark, input, "vertices").select("id", "tnet_id", "protected").cache()
      val e = table(spark, input, "edges").select("src", "dst", "directed").cache()
      val (nv, ne) = (v.count(), e.count())
      val (mv, me) = (manifest.getAs[Long]("vertices"), manifest.getAs[Long]("edges"))
      require(nv == mv && ne == me, s"$input: $nv vertices and $ne edges read, export.json says $mv and $me")
      (v, e)
    }

    // One arc per ordered pair: undirected links both ways, parallel links once. GraphX cuts the
    // graph into as many parts as the arcs have (spark.sql.shuffle.partitions).
    val (arcs, graph) = timed("build graph") {
      val undirected = edges.where(!col("directed"))
      val a = edges.where(col("directed")).select("src", "dst")
        .union(undirected.select("src", "dst"))
        .union(undirected.select(col("dst").as("src"), col("src").as("dst")))
        .distinct().cache()
      val arcRDD = a.as[(Long, Long)].rdd.map { case (s, d) => Edge(s, d, 1) }
      val ids = vertices.select("id").as[Long].rdd.map(id => (id, ())).repartition(arcRDD.getNumPartitions)
      val g = Graph(ids, arcRDD).cache()
      g.edges.count(); g.vertices.count()
      (a, g)
    }
    val names = vertices.select("id", "tnet_id")

    /** Writes one value per vertex as OUT/NAME (id, tnet_id, column), a folder of CSV parts. */
    def save(result: RDD[(VertexId, String)], name: String, column: String): Unit =
      names.join(result.toDF("id", column), "id").write.mode("overwrite").option("header", "true").option("escape", "\"").csv(s"$output/$name")

    // Each algorithm timed on its own (an action forces it), then written.
    val cc = timed("connected components") { val v = graph.connectedComponents().vertices.cache(); v.count(); v }
    save(cc.mapValues(_.toString), "connected_components", "component")
    println(s"tnet-graphx: ${cc.values.distinct().count()} connected components")

    // Rounds until every vertex is placed (GraphX stops after numIter rounds otherwise).
    val scc = timed("strongly connected components") {
      val v = graph.stronglyConnectedComponents(Int.MaxValue).vertices.cache(); v.count(); v
    }
    save(scc.mapValues(_.toString), "strongly_connected_components", "component")
    println(s"tnet-graphx: ${scc.values.distinct().count()} strongly connected components")

    // GraphX's ranks sum to n (reset probability 0.15 = damping 0.85); written divided by their
    // sum, NetworkX's and tnet's scale. GraphX lets the rank of a vertex without out-links leak
    // and rescales at the end where they spread it evenly at each step: the same scores once
    // divided by their sum (both solve x = c·1 + 0.85·M·x, for different constants c).
    val pr = timed("pagerank") { val v = graph.pageRank(tol, resetProb = 0.15).vertices.cache(); v.count(); v }
    val total = pr.values.sum()
    val pagerank = pr.mapValues(_ / total).cache()
    save(pagerank.mapValues(_.toString), "pagerank", "pagerank")
    val top = pagerank.toDF("id", "pagerank").join(vertices, "id")
      .orderBy(col("pagerank").desc, col("tnet_id")).limit(5).collect()
    for (r <- top) println(f"tnet-graphx:   ${r.getAs[String]("tnet_id")}%-24s ${r.getAs[Double]("pagerank")}%.6f" +
      (if (r.getAs[Boolean]("protected")) "  protected: never a target" else ""))

    // Synchronous label propagation (Raghavan et al.) for a fixed number of supersteps.
    val lpa = timed("label propagation") { val v = LabelPropagation.run(graph, lpaSteps).vertices.cache(); v.count(); v }
    save(lpa.mapValues(_.toString), "label_propagation", "community")
    println(s"tnet-graphx: ${lpa.values.distinct().count()} label propagation communities")

    graphFrames(spark, vertices, arcs, output, tol, timed)

    timed.steps.toSeq.toDF("step", "seconds").coalesce(1).write.mode("overwrite").option("header", "true").csv(s"$output/timings")
  }

  /** GraphFrames' connected components and PageRank when its package is on the classpath
    * (--packages io.graphframes:graphframes-spark4_2.13:0.12.3), called through reflection so
    * that the job compiles and runs without it. */
  def graphFrames(spark: SparkSession, vertices: DataFrame, arcs: DataFrame, output: String, tol: Double, timed: Timer): Unit = {
    val frame: Option[Class[_]] = try Some(Class.forName("org.graphframes.GraphFrame"))
    catch { case _: ClassNotFoundException => None }
    if (frame.isEmpty) {
      println("tnet-graphx: GraphFrames is not on the classpath: skipped (add --packages io.graphframes:graphframes-spark4_2.13:VERSION to run it too)")
      return
    }
    def call(target: AnyRef, method: String, args: AnyRef*): AnyRef =
      target.getClass.getMethods.find(m => m.getName == method && m.getParameterCount == args.length)
        .getOrElse(sys.error(s"GraphFrames has no $method")).invoke(target, args: _*)
    spark.sparkContext.setCheckpointDir(s"$output/checkpoints")
    val g = frame.get.getMethod("apply", classOf[DataFrame], classOf[DataFrame]).invoke(null, vertices.select("id"), arcs)
    val cc = timed("graphframes components") { call(call(g, "connectedComponents"), "run").asInstanceOf[DataFrame].cache() }
    cc.select("id", "component").write.mode("overwrite").option("header", "true").csv(s"$output/graphframes_connected_components")
    val ranked = timed("graphframes pagerank") {
      val builder = call(call(call(g, "pageRank"), "resetProbability", Double.box(0.15)), "tol", Double.box(tol))
      call(call(builder, "run"), "vertices").asInstanceOf[DataFrame].cache()
    }
    ranked.select("id", "pagerank").write.mode("overwrite").option("header", "true").csv(s"$output/graphframes_pagerank")
  }
}
