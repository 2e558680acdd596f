#!/usr/bin/env python3
"""Times the peer libraries on the benchmark graphs: the steps tnet-bench times in tnet.

    peers.py --graphs DIR --sizes small,medium --steps load,pagerank \\
             --libs networkx,igraph,networkit1,networkit2,rustworkx \\
             [--timeout SECONDS] [--slow] [--out results.json]

Run it with the interpreter of Benchmarks/.venv (requirements-peers.txt). The graphs are
DIR/SIZE.el, written by make_graph.py (or `tnet generate --bench`): lines `src dst weight`,
undirected, ids 0 .. n-1 (see Benchmarks/README.md).

How it measures (as the table of GRAPHS.md was measured)
  * Seconds inside an already started Python process: interpreter start and imports are not
    timed. time.perf_counter around the call; best of 3 runs, or 1 run when the first run
    takes 10 s or more. A garbage collection runs before each run, outside the timing.
  * Each (library, thread count, size) runs in a subprocess of its own (this script with
    --worker), so thread settings are clean and a step can be stopped: a step over --timeout
    (default 300 s; load, and all the runs of a step together) is killed and recorded as
    "timeout", and the remaining steps go on in a fresh subprocess, which loads the graph
    again (that load untimed).
  * Work that only adapts the graph to a library's API (an unweighted copy for NetworKit, a
    directed copy for rustworkx's PageRank) is done once after the load, outside any timing.
  * "check": a small number per step, so that the libraries can be compared by eye:
    load "n=.. m=..", components the count, pagerank the largest score (of the scores scaled
    to sum 1), dijkstra nodes reached and the sum of their distances (math.fsum), kcore sum
    and max of the core numbers, betweenness and closeness the value of node 0 (converted to
    NetworkX's definition where a library's differs), approx-betweenness KADABRA's node 0
    (halved: for undirected graphs KADABRA reports twice NetworkX's normalised value).

Graph and node set
  load = read the text file + build the library's graph: undirected, the third column as the
  edge weight (attribute "weight", or the edge payload), nodes the integers of the file.
  Isolated nodes are not in the file; every library here is given the nodes 0 .. max id, so n =
  max id + 1 (for the four benchmark graphs that is the generator's n, as their last node has
  edges). igraph, NetworKit and rustworkx number nodes by index and need that count anyway;
  NetworkX gets range(max id + 1) added after reading, so that component counts, PageRank and
  the normalisations (which divide by n - 1 or (n-1)(n-2)) agree across libraries. The
  component counts therefore include the isolated nodes, as in GRAPHS.md.

Steps, and what each library is asked to do
  load         networkx: read_edgelist(nodetype=int, weight float) + isolated ids;
               igraph: numpy.loadtxt (C parser) + Graph(n, edges, edge_attrs={"weight": ..});
               igraph's own Read_Ncol treats ids as names and numbers vertices in order of
               appearance (also slower); Read_Edgelist cannot take a third column;
               networkit: graphio.EdgeListReader(" ", 0, continuous=True, directed=False),
               weighted because lines have three fields;
               rustworkx: PyGraph.read_edge_list(deliminator=" "), weights kept as the payload
               *strings* (read_edge_list does not convert them).
  components   number of connected components.
  pagerank     unweighted, damping 0.85, stop at an L1 change < 1e-6 where the library allows:
               networkx: stops when L1 change < n*tol, so tol = 1e-6/n (max_iter 1000);
               rustworkx: same rule as networkx, tol = 1e-6/n (max_iter 1000), on a directed
               copy (its pagerank takes only PyDiGraph; copy made outside the timing);
               networkit: norm = L1_NORM, tol = 1e-6, on the unweighted copy (it would use
               the weights otherwise); it lets isolated nodes' rank leak (sink handling is
               only for directed graphs), so the check rescales the scores to sum 1, which
               gives NetworkX's vector (both are the same linear system up to a scalar);
               igraph: PRPACK, a direct solver, no tolerance to set.
  dijkstra     weighted, single source node 0, all distances.
               rustworkx: edge_cost_fn=float, a Python call per edge (payloads are strings).
  kcore        core numbers, unweighted (networkit on the unweighted copy).
  maxflow      maximum flow value from node 0 to node 1, edge weights as capacities (an
               undirected edge carries flow either way); networkx and igraph only.
  betweenness  exact, unweighted, normalised as NetworkX (undirected: divided by
               (n-1)(n-2)/2). igraph has no normalisation: its raw value is converted in the
               check only. networkit: Betweenness(normalized=True) on the unweighted copy
               (on the weighted graph it would run Dijkstra from every node).
  closeness    unweighted, NetworkX's default (Wasserman-Faust: (r-1)/sum d * (r-1)/(n-1),
               r = nodes reachable, itself included). networkit: ClosenessVariant.GENERALIZED,
               normalized, unweighted copy; rustworkx: wf_improved=True; igraph: closeness()
               is (r-1)/sum d only, without the reachable-fraction factor (r-1)/(n-1): the
               check applies the factor, the timing is igraph's own.
  approx-betweenness  NetworKit's KADABRA only (epsilon 0.01, delta 0.1, seed set with
               useThreadId as its documentation asks); the other libraries record null.

Threads
  networkx and igraph are single-threaded (threads 1). networkit1/networkit2:
  networkit.setNumberOfThreads(1|2) (OpenMP) in the worker, OMP_NUM_THREADS set too.
  rustworkx (= rustworkx2) / rustworkx1: RAYON_NUM_THREADS in the worker's environment, set
  before the process starts (rayon reads it when its pool is first used). Only rustworkx's
  betweenness and closeness are parallel (when n > parallel_threshold, default 50); its other
  steps here are sequential whatever the setting.

Output
  A readable table on standard output as records come in; progress lines on standard error
  only when it is a terminal; with --out, a JSON list of records {lib, threads, size, step,
  seconds, runs, note, version, check} (seconds null when not run, with the reason in note),
  rewritten after each record so that an interrupted run keeps what it measured.

networkx's exact betweenness and closeness are skipped above small unless --slow
(GRAPHS.md estimates ~1400 s and ~320 s on medium).
"""
import argparse
import gc
import json
import math
import os
import select
import signal
import subprocess
import sys
import time

STEPS = ["load", "components", "pagerank", "dijkstra", "kcore", "betweenness", "closeness", "approx-betweenness", "maxflow",
         "louvain", "leiden", "path", "cutpoints"]
# name on the command line -> (library, threads)
LIBS = {"networkx": ("networkx", 1), "igraph": ("igraph", 1), "networkit1": ("networkit", 1),
        "networkit2": ("networkit", 2), "rustworkx": ("rustworkx", 2), "rustworkx1": ("rustworkx", 1)}
DEFAULT_LIBS = "networkx,igraph,networkit1,networkit2,rustworkx"
SIZES = ["small", "medium", "large", "xl"]
# (library, step) -> estimate on medium in GRAPHS.md; skipped above small unless --slow
SLOW = {("networkx", "betweenness"): 1400, ("networkx", "closeness"): 320}


# --------------------------------------------------------------------------------------------
# Worker: one library, one thread count, one graph file. Runs in its own process.
# --------------------------------------------------------------------------------------------

def best_of(fn):
    """Best of 3 runs, or the first run alone when it takes 10 s or more; (seconds, runs, result)."""
    best, runs, result = math.inf, 0, None
    while True:
        result = None  # the previous result is freed before the next run
        gc.collect()
        start = time.perf_counter()
        result = fn()
        took = time.perf_counter() - start
        best, runs = min(best, took), runs + 1
        if runs == 3 or (runs == 1 and took >= 10):
            return best, runs, result


def fnum(x):
    return f"{x:.10g}"


def dijkstra_check(distances):
    """distances: iterable of the distances of the reached nodes (source included, 0)."""
    finite = [d for d in distances if d != math.inf and d < 1e300]
    return f"reached={len(finite)} sum={math.fsum(finite):.6f}"


def networkx_adapter():
    import networkx as nx

    def load(path):
        G = nx.read_edgelist(path, nodetype=int, data=[("weight", float)])
        G.add_nodes_from(range(max(G) + 1))  # isolated ids below the largest (see the docstring)
        return G

    def n_of(G):
        return G.number_of_nodes()

    steps = {
        "components": (lambda G, x: nx.number_connected_components(G), lambda G, x, r: str(r)),
        "pagerank": (lambda G, x: nx.pagerank(G, alpha=0.85, tol=1e-6 / n_of(G), max_iter=1000, weight=None),
                     lambda G, x, r: "max=" + fnum(max(r.values()) / math.fsum(r.values()))),
        "dijkstra": (lambda G, x: nx.single_source_dijkstra_path_length(G, 0, weight="weight"),
                     lambda G, x, r: dijkstra_check(r.values())),
        "maxflow": (lambda G, x: nx.maximum_flow_value(G, 0, 1, capacity="weight"),
                    lambda G, x, r: "flow=" + fnum(r)),
        "kcore": (lambda G, x: nx.core_number(G),
                  lambda G, x, r: f"sum={sum(r.values())} max={max(r.values())}"),
        "betweenness": (lambda G, x: nx.betweenness_centrality(G, normalized=True),
                        lambda G, x, r: "b(0)=" + fnum(r[0])),
        "closeness": (lambda G, x: nx.closeness_centrality(G),
                      lambda G, x, r: "c(0)=" + fnum(r[0])),
        "louvain": (lambda G, x: nx.community.louvain_communities(G, weight="weight", seed=1),
                    lambda G, x, r: f"Q={nx.community.modularity(G, r, weight='weight'):.6f} k={len(r)}"),
        "path": (lambda G, x: nx.dijkstra_path(G, 0, 1, weight="weight"), lambda G, x, r: f"hops={len(r) - 1}"),
        "cutpoints": (lambda G, x: list(nx.articulation_points(G)), lambda G, x, r: f"count={len(r)}"),
    }
    return nx.__version__, load, lambda G: None, lambda G: f"n={G.number_of_nodes()} m={G.number_of_edges()}", steps


def igraph_adapter():
    import igraph as ig
    import numpy as np

    def load(path):
        a = np.loadtxt(path, dtype=[("s", np.int64), ("d", np.int64), ("w", np.float64)], delimiter=" ", ndmin=1)
        src, dst = a["s"].tolist(), a["d"].tolist()
        n = max(max(src), max(dst)) + 1
        return ig.Graph(n=n, edges=zip(src, dst), directed=False, edge_attrs={"weight": a["w"].tolist()})

    def betweenness_check(G, x, r):
        n = G.vcount()
        return "b(0)=" + fnum(r[0] * 2 / ((n - 1) * (n - 2)))  # igraph's raw value, NetworkX's scaling

    def closeness_check(G, x, r):
        reach = len(G.subcomponent(0))  # the factor igraph leaves out: (r-1)/(n-1)
        return "c(0)=" + fnum(r[0] * (reach - 1) / (G.vcount() - 1))

    steps = {
        "components": (lambda G, x: len(G.connected_components()), lambda G, x, r: str(r)),
        "pagerank": (lambda G, x: G.pagerank(damping=0.85, directed=False, weights=None, implementation="prpack"),
                     lambda G, x, r: "max=" + fnum(max(r) / math.fsum(r))),
        "dijkstra": (lambda G, x: G.distances(source=[0], weights="weight")[0],
                     lambda G, x, r: dijkstra_check(r)),
        "maxflow": (lambda G, x: G.maxflow_value(0, 1, capacity="weight"),
                    lambda G, x, r: "flow=" + fnum(r)),
        "kcore": (lambda G, x: G.coreness(), lambda G, x, r: f"sum={sum(r)} max={max(r)}"),
        "betweenness": (lambda G, x: G.betweenness(directed=False, weights=None), betweenness_check),
        "closeness": (lambda G, x: G.closeness(weights=None), closeness_check),
        "louvain": (lambda G, x: G.community_multilevel(weights="weight"),
                    lambda G, x, r: f"Q={G.modularity(r.membership, weights='weight'):.6f} k={len(r)}"),
        "leiden": (lambda G, x: G.community_leiden(objective_function="modularity", weights="weight", n_iterations=2),
                   lambda G, x, r: f"Q={G.modularity(r.membership, weights='weight'):.6f} k={len(r)}"),
        "path": (lambda G, x: G.get_shortest_path(0, 1, weights="weight"), lambda G, x, r: f"hops={len(r) - 1}"),
        "cutpoints": (lambda G, x: G.articulation_points(), lambda G, x, r: f"count={len(r)}"),
    }
    return ig.__version__, load, lambda G: None, lambda G: f"n={G.vcount()} m={G.ecount()}", steps


def networkit_adapter(threads):
    import networkit as nk
    nk.setNumberOfThreads(threads)
    nk.engineering.setLogLevel("ERROR")
    nk.engineering.setSeed(1, True)  # KADABRA wants a seed set with useThreadId = True

    def load(path):
        return nk.graphio.EdgeListReader(" ", 0, continuous=True, directed=False).read(path)

    def prepare(G):
        # The unweighted steps run on an unweighted copy: NetworKit's PageRank, Betweenness and
        # Closeness use the weights of a weighted graph. Made once, not timed.
        return nk.graphtools.toUnweighted(G)

    def pagerank(G, U):
        pr = nk.centrality.PageRank(U, damp=0.85, tol=1e-6)
        pr.norm = nk.centrality.Norm.L1_NORM
        pr.run()
        return pr.scores()

    def dijkstra(G, U):
        d = nk.distance.Dijkstra(G, 0, storePaths=False)
        d.run()
        return d.getDistances()

    def components(G, U):
        c = nk.components.ConnectedComponents(G)
        c.run()
        return c.numberOfComponents()

    def kcore(G, U):
        c = nk.centrality.CoreDecomposition(U)
        c.run()
        return c.scores()

    def betweenness(G, U):
        b = nk.centrality.Betweenness(U, normalized=True)
        b.run()
        return b.scores()

    def closeness(G, U):
        c = nk.centrality.Closeness(U, True, nk.centrality.ClosenessVariant.GENERALIZED)
        c.run()
        return c.scores()

    def kadabra(G, U):
        k = nk.centrality.KadabraBetweenness(U, 0.01, 0.1)
        k.run()
        return k.scores()

    def parallel_leiden(G, U):
        a = nk.community.ParallelLeiden(G)
        a.run()
        return a.getPartition()

    def plm(G, U):
        a = nk.community.PLM(G, refine=False)
        a.run()
        return a.getPartition()

    steps = {
        "components": (components, lambda G, U, r: str(r)),
        "pagerank": (pagerank, lambda G, U, r: "max=" + fnum(max(r) / math.fsum(r))),
        "dijkstra": (dijkstra, lambda G, U, r: dijkstra_check(r)),
        "kcore": (kcore, lambda G, U, r: f"sum={int(sum(r))} max={int(max(r))}"),
        "betweenness": (betweenness, lambda G, U, r: "b(0)=" + fnum(r[0])),
        "closeness": (closeness, lambda G, U, r: "c(0)=" + fnum(r[0])),
        # KADABRA's scores of an undirected graph are twice NetworkX's normalised betweenness
        # (fraction of sampled pairs, times 2): the check halves them.
        "approx-betweenness": (kadabra, lambda G, U, r: f"b(0)~{r[0] / 2:.4g} (KADABRA score/2)"),
        # PLM (parallel Louvain), NetworKit's default settings, on the weighted graph.
        "louvain": (plm, lambda G, U, r: f"Q={nk.community.Modularity().getQuality(r, G):.6f} k={r.numberOfSubsets()}"),
        "leiden": (parallel_leiden, lambda G, U, r: f"Q={nk.community.Modularity().getQuality(r, G):.6f} k={r.numberOfSubsets()}"),
    }
    return nk.__version__, load, prepare, lambda G: f"n={G.numberOfNodes()} m={G.numberOfEdges()}", steps


def rustworkx_adapter():
    import rustworkx as rx

    def load(path):
        # Node indices are the ids; nodes are created up to the largest id.
        return rx.PyGraph.read_edge_list(path, deliminator=" ")

    def prepare(G):
        return G.to_directed()  # rustworkx.pagerank takes a PyDiGraph only; not timed

    steps = {
        "components": (lambda G, D: rx.number_connected_components(G), lambda G, D, r: str(r)),
        "pagerank": (lambda G, D: rx.pagerank(D, alpha=0.85, tol=1e-6 / D.num_nodes(), max_iter=1000),
                     lambda G, D, r: "max=" + fnum(max(r.values()) / math.fsum(r.values()))),
        "dijkstra": (lambda G, D: rx.dijkstra_shortest_path_lengths(G, 0, edge_cost_fn=float),
                     lambda G, D, r: dijkstra_check([0.0] + list(r.values()))),  # source not in the map
        "kcore": (lambda G, D: rx.core_number(G),
                  lambda G, D, r: f"sum={sum(r.values())} max={max(r.values())}"),
        "betweenness": (lambda G, D: rx.betweenness_centrality(G, normalized=True, endpoints=False),
                        lambda G, D, r: "b(0)=" + fnum(r[0])),
        "closeness": (lambda G, D: rx.closeness_centrality(G, wf_improved=True),
                      lambda G, D, r: "c(0)=" + fnum(r[0])),
        "path": (lambda G, D: rx.dijkstra_shortest_paths(G, 0, target=1, weight_fn=float),
                 lambda G, D, r: f"hops={len(r[1]) - 1}"),
        "cutpoints": (lambda G, D: rx.articulation_points(G), lambda G, D, r: f"count={len(r)}"),
    }
    return rx.__version__, load, prepare, lambda G: f"n={G.num_nodes()} m={G.num_edges()}", steps


def worker(lib, threads, path, steps, time_load):
    # The protocol goes to a private copy of stdout; the libraries' own stdout goes to stderr.
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)

    def send(**event):
        proto.write(json.dumps(event) + "\n")
        proto.flush()

    if lib == "networkx":
        version, load, prepare, describe, table = networkx_adapter()
    elif lib == "igraph":
        version, load, prepare, describe, table = igraph_adapter()
    elif lib == "networkit":
        version, load, prepare, describe, table = networkit_adapter(threads)
    elif lib == "rustworkx":
        version, load, prepare, describe, table = rustworkx_adapter()
    else:
        raise SystemExit(f"unknown library {lib}")
    send(event="hello", version=version)

    send(event="start", step="load")
    try:
        if time_load:
            seconds, runs, G = best_of(lambda: load(path))
        else:  # a fresh worker after a timeout: the load was already timed
            G, seconds, runs = load(path), None, 1
        extra = prepare(G)
    except Exception as e:
        send(event="done", step="load", seconds=None, runs=0, check=None, note=f"error: {type(e).__name__}: {e}")
        return
    send(event="done", step="load", seconds=seconds, runs=runs, check=describe(G), note=None)

    for name in steps:
        send(event="start", step=name)
        if name not in table:
            send(event="done", step=name, seconds=None, runs=0, check=None, note=f"not available in {lib}")
            continue
        run, check = table[name]
        try:
            seconds, runs, result = best_of(lambda: run(G, extra))
            text = check(G, extra, result)
            result = None
        except Exception as e:
            send(event="done", step=name, seconds=None, runs=0, check=None, note=f"error: {type(e).__name__}: {e}")
            continue
        send(event="done", step=name, seconds=seconds, runs=runs, check=text, note=None)


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------

class Lines:
    """Lines from a pipe, with a deadline (select on the raw fd, no buffering surprises)."""

    def __init__(self, fd):
        self.fd, self.buf, self.eof = fd, b"", False

    def next(self, deadline):
        """A line, None at end of file, or "timeout"."""
        while b"\n" not in self.buf:
            if self.eof:
                return None
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                return "timeout"
            chunk = os.read(self.fd, 65536)
            if not chunk:
                self.eof = True
                if not self.buf:
                    return None
                self.buf += b"\n"
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        try:
            return json.loads(line)
        except ValueError:  # a line cut short by a dying worker
            return self.next(deadline)


def measure(key, size, path, steps, timeout, emit, progress):
    """Runs the steps of one library on one graph, in as many worker processes as it takes."""
    lib, threads = LIBS[key]
    pending = list(steps)
    version = None

    def record(step, seconds=None, runs=0, check=None, note=None):
        emit({"lib": key, "threads": threads, "size": size, "step": step, "seconds": seconds,
              "runs": runs, "note": note, "version": version, "check": check})

    env = dict(os.environ, OMP_NUM_THREADS=str(threads), RAYON_NUM_THREADS=str(threads),
               OPENBLAS_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads))
    while pending:
        time_load = pending[0] == "load"
        rest = [s for s in pending if s != "load"]
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", lib, str(threads), path,
               ",".join(rest), "1" if time_load else "0"]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, start_new_session=True)
        lines = Lines(proc.stdout.fileno())
        current, deadline, timed_out = None, None, False
        while True:
            try:
                event = lines.next(deadline)
            except BaseException:  # ^C: no worker left behind
                os.killpg(proc.pid, signal.SIGKILL)
                raise
            if event is None:
                break
            if event == "timeout":
                os.killpg(proc.pid, signal.SIGKILL)  # the worker and anything it started
                timed_out = True
                break
            kind = event["event"]
            if kind == "hello":
                version = event["version"]
            elif kind == "start":
                current, deadline = event["step"], time.monotonic() + timeout
                if progress:
                    print(f"  {key} {size} {current} ...", file=sys.stderr, flush=True)
            elif kind == "done":
                step, current, deadline = event["step"], None, None
                if step == "load" and event["seconds"] is None and event["note"]:
                    record("load", note=event["note"])  # the load failed: nothing else can run
                    for s in rest:
                        record(s, note="not run: the load failed")
                    pending = []
                elif step == "load":
                    if time_load:
                        record("load", event["seconds"], event["runs"], event["check"], event["note"])
                    pending = list(rest)
                else:
                    record(step, event["seconds"], event["runs"], event["check"], event["note"])
                    pending.remove(step)
        proc.wait()
        proc.stdout.close()
        if current is None:  # the worker finished (or died between steps, or at its start)
            for s in pending:
                record(s, note=f"not run: the worker exited (status {proc.returncode})")
            pending = []
        else:
            why = (f"timeout (> {timeout:g} s)" if timed_out
                   else f"failed: the worker died during the step (status {proc.returncode})")
            if current == "load":
                if time_load:
                    record("load", note=why)
                for s in rest:
                    record(s, note=f"not run: the load did not finish ({why})")
                pending = []
            else:
                record(current, note=why)
                pending.remove(current)  # the rest go on in a fresh worker


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        _, _, lib, threads, path, steps, time_load = sys.argv
        worker(lib, int(threads), path, [s for s in steps.split(",") if s], time_load == "1")
        return

    here = os.path.dirname(os.path.abspath(__file__))
    a = argparse.ArgumentParser(description="Time networkx, igraph, NetworKit and rustworkx on the benchmark graphs.")
    a.add_argument("--graphs", default=os.path.join(here, "graphs"), help="directory of SIZE.el files")
    a.add_argument("--sizes", default="small", help="comma list of " + ",".join(SIZES))
    a.add_argument("--steps", default=",".join(STEPS), help="comma list of " + ",".join(STEPS))
    a.add_argument("--libs", default=DEFAULT_LIBS, help="comma list of " + ",".join(LIBS))
    a.add_argument("--timeout", type=float, default=300, help="seconds per (library, size, step); default 300")
    a.add_argument("--slow", action="store_true", help="also run networkx's exact betweenness and closeness above small")
    a.add_argument("--out", help="write the records as a JSON list to this file")
    o = a.parse_args()

    def split(text, known, what):
        items = [x for x in text.split(",") if x]
        bad = [x for x in items if x not in known]
        if bad:
            a.error(f"unknown {what}: {', '.join(bad)} (known: {', '.join(known)})")
        return items

    sizes = split(o.sizes, SIZES, "size")
    steps = split(o.steps, STEPS, "step")
    libs = split(o.libs, list(LIBS), "library")
    steps = [s for s in STEPS if s in steps]  # load first, then the others in the usual order
    for size in sizes:
        path = os.path.join(o.graphs, f"{size}.el")
        if not os.path.isfile(path):
            a.error(f"{path} is missing (python3 Benchmarks/make_graph.py {size} {path})")

    progress = sys.stderr.isatty()
    records = []
    row = "{:<11} {:>3} {:<7} {:<19} {:>10} {:>4}  {}"
    print(row.format("lib", "thr", "size", "step", "seconds", "runs", "check / note"), flush=True)

    def emit(r):
        records.append(r)
        secs = "—" if r["seconds"] is None else f"{r['seconds']:.4g}"
        print(row.format(r["lib"], r["threads"], r["size"], r["step"], secs, r["runs"],
                         r["note"] if r["note"] else (r["check"] or "")), flush=True)
        if o.out:
            with open(o.out + ".tmp", "w") as f:
                json.dump(records, f, indent=1)
                f.write("\n")
            os.replace(o.out + ".tmp", o.out)

    started = time.monotonic()
    for size in sizes:
        path = os.path.join(o.graphs, f"{size}.el")
        for key in libs:
            lib, threads = LIBS[key]
            todo, skipped = [], []
            for s in steps:
                if s == "approx-betweenness" and lib != "networkit":
                    skipped.append((s, "not available: approx-betweenness is NetworKit's KADABRA only"))
                elif (lib, s) in SLOW and size != "small" and not o.slow:
                    where = "" if size == "medium" else " for medium, more here"
                    skipped.append((s, f"skipped (estimated ~{SLOW[(lib, s)]} s in GRAPHS.md{where}; --slow runs it)"))
                else:
                    todo.append(s)
            if progress:
                print(f"{key} on {size}: {','.join(todo)}", file=sys.stderr, flush=True)
            if todo:
                measure(key, size, path, todo, o.timeout, emit, progress)
            for s, note in skipped:  # after the measured steps, so that the table reads in order
                emit({"lib": key, "threads": threads, "size": size, "step": s, "seconds": None, "runs": 0,
                      "note": note, "version": None, "check": None})
    if progress:
        print(f"done in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    if o.out and not records:
        with open(o.out, "w") as f:
            f.write("[]\n")


if __name__ == "__main__":
    main()
