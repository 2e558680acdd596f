#!/usr/bin/env python3
"""`make spark-check`: the Spark job of examples/spark/ in local mode, against tnet's own results.

1. Exports the large benchmark graph (`tnet generate --bench large`, written if missing) and the
   bundled dataset, redacted (directed: its strong components are not its weak ones), with
   `tnet export --to spark`.
2. Compiles TnetGraphX.scala with the Scala compiler inside the pyspark wheel (once) and runs it
   on each export with `spark-submit --master local[2]`.
3. Runs tnet's own components (weak and strong), PageRank and label propagation on the same inputs.
4. Compares: the same partition into connected and strongly connected components (the same
   members, whatever the labels), and PageRank within a tolerance. Label propagation is
   reported, not compared: GraphX's is
   synchronous with a fixed number of steps, tnet's asynchronous (NetworkX's asyn_lpa), and
   neither is unique.

Prints the timings and PASS or FAIL; exits 1 on failure. Run with the venv's Python (it finds
Spark in the pyspark package): `.venv-spark/bin/python examples/spark/check.py [--size small]`.
"""
import argparse
import csv
import glob
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TNET = os.path.join(ROOT, ".build", "release", "tnet")
WORK = os.path.join(ROOT, ".build-spark")
JOB = os.path.join(ROOT, "examples", "spark", "TnetGraphX.scala")
JAR = os.path.join(WORK, "tnet-graphx.jar")
DATASET = os.path.join(ROOT, "datasets", "mekong-2023.json")

# PageRank agreement, relative to each score: GraphX's pageRank(tol = 1e-4) stops a vertex once
# its change is below tol on its scale (scores average 1, the least is 0.15), which leaves about
# tol / (1 - 0.85) = 6.7e-4 of a score unconverged; tnet runs to an L1 change below 1e-12 · n.
# 2e-3 leaves a threefold margin and still catches a difference in the graph read: one arc more
# or less moves the scores at its ends by 1e-2 of their value or more.
PAGERANK_TOL = 2e-3


def run(cmd, **kw):
    start = time.perf_counter()
    proc = subprocess.run(cmd, **kw)
    return proc, time.perf_counter() - start


def tnet(args, out):
    """Runs tnet, its CSV to `out`; returns the seconds the whole process took."""
    with open(out, "w") as f:
        proc, seconds = run([TNET] + args, stdout=f, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"spark-check: tnet {' '.join(args)} failed: {proc.stderr.strip()}")
    return seconds


def read_csv(path_or_folder, key, value):
    """{key: value} from a CSV file, or from every part of a folder Spark wrote."""
    paths = sorted(glob.glob(os.path.join(path_or_folder, "part-*.csv"))) if os.path.isdir(path_or_folder) else [path_or_folder]
    rows = {}
    for p in paths:
        with open(p, newline="") as f:
            for r in csv.DictReader(f):
                rows[r[key]] = r[value]
    return rows


def partition(labels):
    """A partition as a set of frozensets of members, whatever the labels."""
    groups = {}
    for member, label in labels.items():
        groups.setdefault(label, []).append(member)
    return {frozenset(g) for g in groups.values()}


def spark_env():
    import pyspark
    env = dict(os.environ)
    env["SPARK_HOME"] = os.path.dirname(pyspark.__file__)
    env["SPARK_LOCAL_IP"] = "127.0.0.1"  # local mode: nothing listens beyond this machine
    return env, pyspark.__version__


def compile_job(env):
    if os.path.exists(JAR) and os.path.getmtime(JAR) >= os.path.getmtime(JOB):
        return 0.0
    jars = os.path.join(env["SPARK_HOME"], "jars", "*")
    proc, seconds = run(["java", "-cp", jars, "scala.tools.nsc.Main", "-usejavacp", "-d", JAR, JOB],
                        env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("spark-check: the job does not compile:\n" + proc.stdout + proc.stderr)
    return seconds


def spark_job(env, export, out):
    """spark-submit in local mode; returns {step: seconds} and the wall time, process start included."""
    log = out + ".log"
    cmd = [os.path.join(env["SPARK_HOME"], "bin", "spark-submit"), "--master", "local[2]", "--driver-memory", "6g",
           "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
           "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.sql.shuffle.partitions=4",
           "--conf", "spark.serializer=org.apache.spark.serializer.KryoSerializer",
           "--conf", "spark.log.level=WARN", "--conf", "spark.ui.showConsoleProgress=false",
           "--class", "TnetGraphX", JAR, export, out]
    start = time.perf_counter()
    with open(log, "w") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=err, text=True)
        for line in proc.stdout:  # the job's own lines, as they come
            if line.startswith("tnet-graphx:"):
                print("  " + line.rstrip(), flush=True)
        proc.wait()
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        with open(log) as f:
            tail = f.read().splitlines()[-30:]
        sys.exit("spark-check: the Spark job failed:\n" + "\n".join(tail) + f"\n(whole log: {log})")
    steps = {k: float(v) for k, v in read_csv(os.path.join(out, "timings"), "step", "seconds").items()}
    return steps, seconds


def modularity(partition_labels, arcs):
    """Modularity of a partition of the undirected graph whose ties are `arcs` (pairs, each once)."""
    m = len(arcs)
    degree, inside = {}, {}
    for u, v in arcs:
        degree[u] = degree.get(u, 0) + 1
        degree[v] = degree.get(v, 0) + 1
        if partition_labels[u] == partition_labels[v]:
            c = partition_labels[u]
            inside[c] = inside.get(c, 0) + 1
    total = {}
    for node, d in degree.items():
        c = partition_labels[node]
        total[c] = total.get(c, 0) + d
    return sum(inside.get(c, 0) / m - (t / (2 * m)) ** 2 for c, t in total.items())


def ties(export):
    """The export's links as undirected pairs of tnet ids, each pair once, self-loops left out."""
    ids = {}
    with open(os.path.join(export, "vertices.jsonl")) as f:
        for line in f:
            v = json.loads(line)
            ids[v["id"]] = v["tnet_id"]
    pairs = set()
    with open(os.path.join(export, "edges.jsonl")) as f:
        for line in f:
            e = json.loads(line)
            u, v = ids[e["src"]], ids[e["dst"]]
            if u != v:
                pairs.add((u, v) if u < v else (v, u))
    return ids, list(pairs)


def check(name, source, tnet_args, env, work):
    """Exports `source`, runs the job and tnet, compares; returns (failures, figures)."""
    export = os.path.join(work, name)
    out = os.path.join(work, name + "-spark")
    res = os.path.join(work, name + "-tnet")
    os.makedirs(res, exist_ok=True)
    fig = {"tnet": {}, "spark": {}}
    print(f"{name}: tnet export --to spark")
    proc, fig["tnet"]["export"] = run([TNET, "export", source, "--to", "spark", export] + tnet_args,
                                      capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"spark-check: tnet export failed: {proc.stderr.strip()}")
    with open(os.path.join(export, "export.json")) as f:
        manifest = json.load(f)
    fig["size"] = (manifest["vertices"], manifest["edges"])
    print(f"  {manifest['vertices']:,} vertices, {manifest['edges']:,} edges in {fig['tnet']['export']:.2f} s")

    print(f"{name}: spark-submit --master local[2] (Spark's own GraphX)")
    fig["spark"], fig["spark_process"] = spark_job(env, export, out)

    print(f"{name}: tnet")
    for step, args, csv_name in [
        ("connected components", ["components", source], "components.csv"),
        ("strongly connected components", ["components", source, "--strong"], "strong.csv"),
        ("pagerank", ["centrality", source, "--measure", "pagerank", "--tolerance", "1e-12", "--max-iter", "1000"], "pagerank.csv"),
        ("label propagation", ["communities", source, "--method", "label-propagation"], "lpa.csv"),
    ]:
        fig["tnet"][step] = tnet(args + tnet_args + ["--format", "csv"], os.path.join(res, csv_name))
        print(f"  {step:<30} {fig['tnet'][step]:8.2f} s (whole process)")

    start = time.perf_counter()
    failures = []
    ids, arcs = ties(export)
    # Components: the same members in each, as partitions of the same vertex set.
    for step, folder, csv_name in [("connected components", "connected_components", "components.csv"),
                                   ("strongly connected components", "strongly_connected_components", "strong.csv")]:
        spark_parts = partition(read_csv(os.path.join(out, folder), "tnet_id", "component"))
        tnet_parts = partition(read_csv(os.path.join(res, csv_name), "id", "component"))
        same = spark_parts == tnet_parts
        fig[step] = (len(spark_parts), len(tnet_parts), same)
        print(f"  {step}: Spark {len(spark_parts):,}, tnet {len(tnet_parts):,}, same members: {'yes' if same else 'NO'}")
        if not same:
            failures.append(f"{name}: {step} differ")

    # PageRank: GraphX lets the rank of a vertex without out-links leak and rescales the sum at
    # the end; NetworkX and tnet spread it evenly at each step. Both are then fixed points of
    # x = c·1 + d·M·x for some constant c, whose solutions differ by a factor only, so divided by
    # their sums they are the same scores.
    spark_pr = {k: float(v) for k, v in read_csv(os.path.join(out, "pagerank"), "tnet_id", "pagerank").items()}
    tnet_pr = {k: float(v) for k, v in read_csv(os.path.join(res, "pagerank.csv"), "id", "pagerank").items()}
    n = len(ids)
    if set(spark_pr) != set(tnet_pr) or len(tnet_pr) != n:
        failures.append(f"{name}: PageRank covers different vertices")
    else:
        relative = [abs(spark_pr[k] - tnet_pr[k]) / tnet_pr[k] for k in tnet_pr]
        absolute = [abs(spark_pr[k] - tnet_pr[k]) for k in tnet_pr]
        fig["pagerank"] = (max(relative), sum(relative) / n, max(absolute), sum(absolute) / n)
        ok = max(relative) <= PAGERANK_TOL
        print(f"  pagerank: |Δ|/score max {max(relative):.1e}, mean {sum(relative) / n:.1e} (tolerance {PAGERANK_TOL:g}): "
              + ("within" if ok else "ABOVE") + f"; |Δ| max {max(absolute):.1e}, mean {sum(absolute) / n:.1e}")
        if not ok:
            failures.append(f"{name}: PageRank differs by {max(relative):.1e} of a score")

    # Label propagation: reported, not compared.
    spark_lpa = read_csv(os.path.join(out, "label_propagation"), "tnet_id", "community")
    tnet_lpa = read_csv(os.path.join(res, "lpa.csv"), "id", "community")
    fig["label propagation"] = ((len(set(spark_lpa.values())), modularity(spark_lpa, arcs)),
                                (len(set(tnet_lpa.values())), modularity(tnet_lpa, arcs)))
    (sc, sq), (tc, tq) = fig["label propagation"]
    print(f"  label propagation: Spark {sc:,} communities (modularity {sq:.3f}), tnet {tc:,} ({tq:.3f}); different algorithms, not compared")
    fig["compare"] = time.perf_counter() - start
    return failures, fig


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", default="large", choices=["small", "medium", "large", "xl"], help="benchmark graph (default large)")
    args = ap.parse_args()
    env, version = spark_env()
    os.makedirs(WORK, exist_ok=True)
    graph = os.path.join(ROOT, "Benchmarks", "graphs", f"{args.size}.el")
    if not os.path.exists(graph):
        os.makedirs(os.path.dirname(graph), exist_ok=True)
        subprocess.run([TNET, "generate", "--bench", args.size, "-o", graph], check=True)
    compiled = compile_job(env)
    print(f"pyspark {version}, Spark's GraphX, local[2]" + (f"; job compiled in {compiled:.1f} s" if compiled else ""))

    failures, figures = [], {}
    for name, source, extra in [(args.size, graph, []), ("mekong-2023", DATASET, ["--redact", "victims"])]:
        f, figures[name] = check(name, source, extra, env, WORK)
        failures += f

    print("\nseconds (Spark: each step inside the job, local[2]; tnet: each whole process)")
    print(f"{'':34}" + "".join(f"{name:>24}" for name in figures))
    print(f"{'':34}" + "".join(f"{'Spark':>12}{'tnet':>12}" for _ in figures))
    steps = ["export", "read", "build graph", "connected components", "strongly connected components", "pagerank", "label propagation"]
    for step in steps:
        cells = ""
        for fig in figures.values():
            s, t = fig["spark"].get(step), fig["tnet"].get(step)
            cells += (f"{s:12.2f}" if s is not None else f"{'':12}") + (f"{t:12.2f}" if t is not None else f"{'':12}")
        print(f"{step:34}{cells}")
    print(f"{'spark-submit, start to end':34}" + "".join(f"{fig['spark_process']:12.2f}{'':12}" for fig in figures.values()))
    print(f"{'comparison':34}" + "".join(f"{'':12}{fig['compare']:12.2f}" for fig in figures.values()))
    if failures:
        print("\nFAIL: " + "; ".join(failures))
        sys.exit(1)
    print("\nPASS: the same connected and strongly connected components; PageRank within tolerance")


if __name__ == "__main__":
    main()
