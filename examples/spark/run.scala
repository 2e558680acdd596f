// The job from spark-shell, after TnetGraphX.scala:
//   spark-shell -i TnetGraphX.scala -i run.scala --conf spark.tnet.input=DIR --conf spark.tnet.output=OUT
TnetGraphX.run(spark, spark.conf.get("spark.tnet.input"), spark.conf.get("spark.tnet.output"))
System.exit(0)
