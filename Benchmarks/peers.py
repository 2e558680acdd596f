#!/usr/bin/env python3
"""Times the peer libraries on the benchmark graphs: the same steps tnet-bench times in tnet.

    peers.py --graphs DIR --sizes small,medium --steps load,pagerank \\
             --libs networkx,igraph,networkit1,networkit2,rustworkx --timeout 300 --out results.json

Seconds inside an already started Python process (interpreter start and imports excluded),
time.perf_counter, best of 3 when a run takes under 10 s, else one run. "load" = read the text
file and build the library's undirected weighted graph. Each (library, thread count, size) runs
in its own subprocess, so thread settings are clean; a step over --timeout is killed and
recorded as "timeout", and the remaining steps continue in a fresh subprocess.

Steps, and what each library is asked to do:
  load        read + build (weights from the third column)
  components  number of connected components
  pagerank    damping 0.85, unweighted, stopping at L1 change < 1e-6 where the library lets us
              (networkx: tol = 1e-6 / n, as its rule is L1 < n·tol; networkit: L1 norm, tol 1e-6;
              rustworkx: tol 1e-6 (its rule is per node); igraph: PRPACK, a direct solver)
  dijkstra    weighted single-source distances from node "0"
  kcore       core numbers, unweighted
  betweenness exact, unweighted, normalised as NetworkX (igraph: raw, scaling is negligible)
  closeness   unweighted; NetworkX's definition where the library has it (igraph omits the
              reachable-fraction factor)
  approx-betweenness  NetworKit's KADABRA, epsilon 0.01, delta 0.1 (only NetworKit has it)
Threads: networkit via setNumberOfThreads; rustworkx via RAYON_NUM_THREADS (its parallel
functions); networkx and igraph are single-threaded.
"""
import argparse
import json
import os
import select
import subprocess
import sys
import time

LIBS = {"networkx": ("networkx", 1), "igraph": ("igraph", 1), "networkit1": ("networkit", 1),
        "networkit2": ("networkit", 2), "rustworkx": ("rustworkx", 2)}
SLOW = {("networkx", "betweenness"), ("networkx", "closeness")}


def best_of(f):
    best, runs, result = float("inf"), 0, None
    while True:
        t = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - t)
        runs += 1
        if runs >= 3 or best >= 10:
            return best, runs, result


def worker(lib, threads, path, steps):
    """Runs in the subprocess: prints one JSON line per step."""
    if lib == "networkx":
        import networkx as nx
        version = nx.__version__
        load = lambda: nx.read_edgelist(path, nodetype=int, data=[("weight", float)])
        def step(G, name):
            n = G.number_of_nodes()
            if name == "components": return nx.number_connected_components(G)
            if name == "pagerank": return max(nx.pagerank(G, alpha=0.85, tol=1e-6 / n, weight=None).values())
            if name == "dijkstra": return len(nx.single_source_dijkstra_path_length(G, 0))
            if name == "kcore": return sum(nx.core_number(G).values())
            if name == "betweenness": return nx.betweenness_centrality(G)[0]
            if name == "closeness": return nx.closeness_centrality(G)[0]
            return None
    elif lib == "igraph":
        import igraph as ig
        version = ig.__version__
        load = lambda: ig.Graph.Read_Ncol(path, names=True, weights=True, directed=False)
        def step(G, name):
            zero = G.vs.find(name="0").index
            if name == "components": return len(G.connected_components())
            if name == "pagerank": return max(G.pagerank(damping=0.85))
            if name == "dijkstra": return sum(1 for d in G.distances(source=[zero], weights="weight")[0] if d != float("inf"))
            if name == "kcore": return sum(G.coreness())
            if name == "betweenness": return G.betweenness(directed=False)[zero]
            if name == "closeness": return G.closeness()[zero]
            return None
    elif lib == "networkit":
        import networkit as nk
        nk.setNumberOfThreads(threads)
        nk.engineering.setLogLevel("ERROR") if hasattr(nk, "engineering") else None
        version = nk.__version__
        def load():
            return nk.graphio.EdgeListReader(" ", 0, continuous=True, directed=False).read(path)
        def step(G, name):
            if name == "components":
                c = nk.components.ConnectedComponents(G); c.run(); return c.numberOfComponents()
            if name == "pagerank":
                pr = nk.centrality.PageRank(G, damp=0.85, tol=1e-6)
                pr.norm = nk.centrality.Norm.L1_NORM if hasattr(nk.centrality.Norm, "L1_NORM") else nk.centrality.Norm.l1norm
                pr.run(); return max(pr.scores())
            if name == "dijkstra":
                d = nk.distance.Dijkstra(G, 0, storePaths=False); d.run()
                return sum(1 for x in d.getDistances() if x < 1e300)
            if name == "kcore":
                c = nk.centrality.CoreDecomposition(G); c.run(); return sum(c.scores())
            if name == "betweenness":
                b = nk.centrality.Betweenness(G, normalized=True); b.run(); return b.score(0)
            if name == "closeness":
                c = nk.centrality.Closeness(G, True, nk.centrality.ClosenessVariant.GENERALIZED if hasattr(nk.centrality.ClosenessVariant, "GENERALIZED") else nk.centrality.ClosenessVariant.Generalized)
                c.run(); return c.score(0)
            if name == "approx-betweenness":
                k = nk.centrality.KadabraBetweenness(G, 0.01, 0.1); k.run(); return k.scores()[0]
            return None
    elif lib == "rustworkx":
        import rustworkx as rx
        version = rx.__version__ if hasattr(rx, "__version__") else "?"
        def load():
            G = rx.PyGraph(multigraph=False)
            return G.read_edge_list(path, deliminator=" ") if False else rx.PyGraph.read_edge_list(path, deliminator=" ", labels=False)
        digraph = {}
        def step(G, name):
            if name == "components": return rx.number_connected_components(G)
            if name == "pagerank":
                # rustworkx's PageRank takes a directed graph: converted once, outside the timing.
                return max(rx.pagerank(digraph["g"], alpha=0.85, tol=1e-6).values())
            if name == "dijkstra": return len(rx.dijkstra_shortest_path_lengths(G, 0, edge_cost_fn=float))
            if name == "kcore": return sum(rx.core_number(G).values())
            if name == "betweenness": return rx.betweenness_centrality(G, normalized=True, parallel_threshold=50)[0]
            if name == "closeness": return rx.closeness_centrality(G)[0]
            return None
    else:
        raise SystemExit(f"unknown library {lib}")
    seconds, runs, G = best_of(load)
    if "load" in steps:
        print(json.dumps({"step": "load", "seconds": seconds, "runs": runs, "version": version, "check": ""}), flush=True)
    for name in steps:
        if name == "load":
            continue
        if lib == "rustworkx" and name == "pagerank" and "g" not in digraph:
            digraph["g"] = G.to_directed()
        try:
            s, r, check = best_of(lambda: step(G, name))
        except Exception as e:  # a library that lacks a step, or fails: recorded
            print(json.dumps({"step": name, "seconds": None, "runs": 0, "version": version, "check": "", "note": f"{type(e).__name__}: {e}"}), flush=True)
            continue
        if check is None:
            print(json.dumps({"step": name, "seconds": None, "runs": 0, "version": version, "check": "", "note": "not available"}), flush=True)
        else:
            print(json.dumps({"step": name, "seconds": s, "runs": r, "version": version, "check": str(check)}), flush=True)


def run(lib_key, size, path, steps, timeout, slow):
    lib, threads = LIBS[lib_key]
    records, todo = [], [s for s in steps]
    for s in list(todo):
        if (lib, s) in SLOW and size != "small" and not slow:
            records.append({"step": s, "seconds": None, "note": "skipped (NetworkX: ~1400 s betweenness, ~320 s closeness on medium, GRAPHS.md)"})
            todo.remove(s)
        if s == "approx-betweenness" and lib != "networkit":
            records.append({"step": s, "seconds": None, "note": "no equivalent with a guarantee"})
            todo.remove(s)
    while todo:
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
        p = subprocess.Popen([sys.executable, __file__, "--worker", lib, str(threads), path, ",".join(["load"] + todo)],
                             stdout=subprocess.PIPE, text=True, env=env)
        deadline = time.time() + timeout + 60  # the load, then each step
        done = set()
        while True:
            ready, _, _ = select.select([p.stdout], [], [], max(0, deadline - time.time()))
            if not ready:
                p.kill(); p.wait()
                pending = [s for s in todo if s not in done]
                stuck = pending[0] if pending else "load"
                records.append({"step": stuck, "seconds": None, "note": f"timeout (> {timeout} s)"})
                done.add(stuck)
                break
            line = p.stdout.readline()
            if not line:
                p.wait()
                break
            r = json.loads(line)
            if r["step"] == "load" and "load" not in todo:
                deadline = time.time() + timeout
                continue
            records.append(r)
            done.add(r["step"])
            deadline = time.time() + timeout
            if sys.stderr.isatty():
                print(f"{lib_key} {size} {r['step']}: {r['seconds']}", file=sys.stderr)
        todo = [s for s in todo if s not in done]
        if p.returncode not in (0, None, -9) and todo:
            for s in todo:
                records.append({"step": s, "seconds": None, "note": f"worker failed (exit {p.returncode})"})
            todo = []
    for r in records:
        r.update({"lib": lib_key, "threads": threads, "size": size})
    return records


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5].split(","))
        return
    a = argparse.ArgumentParser()
    a.add_argument("--graphs", default="Benchmarks/graphs")
    a.add_argument("--sizes", default="small")
    a.add_argument("--steps", default="load,components,pagerank,dijkstra,kcore")
    a.add_argument("--libs", default=",".join(LIBS))
    a.add_argument("--timeout", type=float, default=300)
    a.add_argument("--slow", action="store_true")
    a.add_argument("--out")
    o = a.parse_args()
    results = []
    for size in o.sizes.split(","):
        for lib in o.libs.split(","):
            results += run(lib, size, f"{o.graphs}/{size}.el", o.steps.split(","), o.timeout, o.slow)
    text = json.dumps(results, indent=1)
    if o.out:
        with open(o.out, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
