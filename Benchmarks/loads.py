#!/usr/bin/env python3
"""`make bench-loads`: loading a million entities with provenance, as a whole process, against
NetworKit's C++ edge-list reader on the same graph, in one run (issue 19).

    loads.py [--runs 3] [--nodes 1000000] [--same-records]

Inputs, made once in Benchmarks/graphs/ (ignored by git): `tnet generate --nodes N --seed 1` as
native JSON (555 MB at a million), the same dataset converted to GraphML by tnet (660 MB), and
its links as a bare edge list of entity numbers (25 MB; entities numbered in file order).

Each run times, one after another: `tnet info` on the JSON and on the GraphML (release binary,
process start to exit, /usr/bin/time for peak memory), and NetworKit's EdgeListReader at 1 and 2
threads, in-process from the reader's start. The ratios (issue 19's targets): the JSON load over
NetworKit's fastest (target 1.5), the GraphML load over the JSON's (target 2). Writes
Benchmarks/results/loads.{json,md}.

With --same-records, each run also times peers that read the same records, not a bare edge
list: igraph's GraphML reader on the same GraphML (it keeps every attribute), Python's json
module on the same JSON (parsing only, no graph built), and, when Debian's libsimdjson-dev is
installed, simdjson (C++, SIMD, one thread; Benchmarks/loads-simdjson.cpp) reading the same
JSON: once visiting every value and keeping nothing, once building only the bare graph (ids
numbered, link ends looked up), each with the file's read. They take tens of seconds each, so they
are not in the default run. Their time is the read alone, in-process (interpreter start and
imports left out, 0.1-0.2 s), against tnet's whole process: meaningful at a million entities,
not at a few thousand.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRAPHS = os.path.join(ROOT, "Benchmarks", "graphs")
RESULTS = os.path.join(ROOT, "Benchmarks", "results")
TNET = os.path.join(ROOT, ".build", "release", "tnet")
VENV_PY = os.path.join(ROOT, "Benchmarks", ".venv", "bin", "python")

NETWORKIT = """
import sys, time
import networkit as nk
nk.setNumberOfThreads(int(sys.argv[2]))
t = time.perf_counter()
G = nk.graphio.EdgeListReader(" ", 0, continuous=True, directed=False).read(sys.argv[1])
print(time.perf_counter() - t, G.numberOfNodes(), G.numberOfEdges())
"""


def inputs(nodes):
    """The JSON, GraphML and edge-list paths, made when missing."""
    os.makedirs(GRAPHS, exist_ok=True)
    stem = os.path.join(GRAPHS, f"generated-{nodes}")
    js, gml, el = stem + ".json", stem + ".graphml", stem + ".el"
    if not os.path.exists(js):
        subprocess.run([TNET, "generate", "--nodes", str(nodes), "--seed", "1", "-o", js], check=True)
    if not os.path.exists(gml):
        subprocess.run([TNET, "convert", js, gml], check=True)
    if not os.path.exists(el):
        # tnet writes one field per line; entities are numbered in file order.
        number, mode, source = {}, None, None
        with open(js, encoding="utf-8") as f, open(el + ".tmp", "w") as out:
            for line in f:
                s = line.strip()
                if s.startswith('"entities"'):
                    mode = "entities"
                elif s.startswith('"links"'):
                    mode = "links"
                elif mode == "entities" and s.startswith('"id"'):
                    number[json.loads(s.split(":", 1)[1].rstrip(","))] = len(number)
                elif mode == "links" and s.startswith('"source"'):
                    source = json.loads(s.split(":", 1)[1].rstrip(","))
                elif mode == "links" and s.startswith('"target"'):
                    target = json.loads(s.split(":", 1)[1].rstrip(","))
                    out.write(f"{number[source]} {number[target]}\n")
        os.replace(el + ".tmp", el)
    return js, gml, el


def tnet_info(path, extra=()):
    """Wall seconds, user + system seconds and peak resident MB of `tnet info PATH EXTRA…`."""
    with tempfile.NamedTemporaryFile("r") as t:
        subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", t.name, TNET, "info", path, *extra],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall, user, system, kb = t.read().split()[-4:]
    return float(wall), float(user) + float(system), int(kb) / 1024


SAME_RECORDS = {
    "igraph, GraphML": """
import sys, time
import igraph
t = time.perf_counter()
g = igraph.Graph.Read_GraphML(sys.argv[1])
print(time.perf_counter() - t, g.vcount(), g.ecount())
""",
    "Python json, JSON": """
import sys, time, json
t = time.perf_counter()
with open(sys.argv[1], "rb") as f:
    d = json.load(f)
print(time.perf_counter() - t, len(d["entities"]), len(d["links"]))
""",
}


SIMDJSON_SOURCE = os.path.join(ROOT, "Benchmarks", "loads-simdjson.cpp")
SIMDJSON_BINARY = os.path.join(ROOT, "Benchmarks", ".venv", "loads-simdjson")


def simdjson_peer():
    """The simdjson floor (Benchmarks/loads-simdjson.cpp), built with g++ when Debian's
    libsimdjson-dev is installed; None (and a line saying so) when it is not."""
    if not os.path.exists("/usr/include/simdjson.h"):
        print("simdjson: /usr/include/simdjson.h missing (apt-get install libsimdjson-dev): left out", file=sys.stderr)
        return None
    if not os.path.exists(SIMDJSON_BINARY) or os.path.getmtime(SIMDJSON_BINARY) < os.path.getmtime(SIMDJSON_SOURCE):
        subprocess.run(["g++", "-O3", "-march=native", "-std=c++17", SIMDJSON_SOURCE, "-lsimdjson", "-o", SIMDJSON_BINARY], check=True)
    return SIMDJSON_BINARY


def simdjson_times(binary, path):
    """Seconds of the floor's passes: read, walk (every value, nothing kept), graph (ids and ends
    only), and its peak resident MB."""
    with tempfile.NamedTemporaryFile("r") as t:
        out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name, binary, path],
                             check=True, capture_output=True, text=True).stdout.split()
        kb = t.read().split()[-1]
    return {"read": float(out[1]), "walk": float(out[3]), "graph": float(out[5])}, int(kb) / 1024


def same_records(name, path):
    """Seconds and peak resident MB of a peer reading the same records (see --same-records)."""
    with tempfile.NamedTemporaryFile("r") as t:
        out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name, VENV_PY, "-c", SAME_RECORDS[name], path],
                             check=True, capture_output=True, text=True).stdout
        kb = t.read().split()[-1]
    return float(out.split()[0]), None, int(kb) / 1024


def networkit(path, threads):
    out = subprocess.run([VENV_PY, "-c", NETWORKIT, path, str(threads)], check=True, capture_output=True, text=True).stdout
    return float(out.split()[0])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--nodes", type=int, default=1_000_000)
    ap.add_argument("--same-records", action="store_true", help="also time peers reading the same records")
    args = ap.parse_args()
    js, gml, el = inputs(args.nodes)
    rows = {"json": [], "graphml": [], "networkit 1": [], "networkit 2": []}
    simdjson = simdjson_peer() if args.same_records else None
    if args.same_records:
        rows.update({name: [] for name in SAME_RECORDS})
    if simdjson:
        rows.update({"simdjson, JSON: read + walk": [], "simdjson, JSON: read + graph": []})
    for run in range(args.runs):
        rows["json"].append(tnet_info(js))
        rows["graphml"].append(tnet_info(gml))
        rows["networkit 1"].append((networkit(el, 1), None, None))
        rows["networkit 2"].append((networkit(el, 2), None, None))
        if args.same_records:
            rows["igraph, GraphML"].append(same_records("igraph, GraphML", gml))
            rows["Python json, JSON"].append(same_records("Python json, JSON", js))
        if simdjson:
            t, mb = simdjson_times(simdjson, js)
            rows["simdjson, JSON: read + walk"].append((t["read"] + t["walk"], None, mb))
            rows["simdjson, JSON: read + graph"].append((t["read"] + t["graph"], None, mb))
        print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1][0]:.2f} s" for k, v in rows.items()), file=sys.stderr)
    walls = {k: [r[0] for r in v] for k, v in rows.items()}
    peer = min(min(walls["networkit 1"]), min(walls["networkit 2"]))
    best = {k: min(v) for k, v in walls.items()}
    summary = {
        "nodes": args.nodes, "runs": args.runs, "walls": walls,
        "cpu": {k: [r[1] for r in rows[k]] for k in ("json", "graphml")},
        "peak_mb": {k: [r[2] for r in v] for k, v in rows.items() if v and v[0][2] is not None},
        "json_over_networkit": best["json"] / peer,
        "graphml_over_json": best["graphml"] / best["json"],
        "graphml_over_json_per_run": [g / j for g, j in zip(walls["graphml"], walls["json"])],
    }
    md = [f"| load ({args.nodes} entities) | wall s, best / median | peak MB |", "|---|---:|---:|"]
    for k, v in walls.items():
        mb = summary["peak_mb"].get(k)
        md.append(f"| {k} | {min(v):.2f} / {statistics.median(v):.2f} | {max(mb):.0f} |" if mb else f"| {k} | {min(v):.2f} / {statistics.median(v):.2f} | |")
    md.append("")
    md.append(f"JSON over NetworKit's fastest: {summary['json_over_networkit']:.2f} (target 1.5); "
              f"GraphML over JSON: {summary['graphml_over_json']:.2f} best to best, per run "
              + ", ".join(f"{r:.2f}" for r in summary["graphml_over_json_per_run"]) + " (target 2).")
    if args.same_records:
        summary["graphml_over_igraph_graphml"] = [g / i for g, i in zip(walls["graphml"], walls["igraph, GraphML"])]
        summary["json_over_python_json"] = [j / p for j, p in zip(walls["json"], walls["Python json, JSON"])]
        md.append("")
        md.append("Same records, per run: tnet's GraphML load over igraph's GraphML reader "
                  + ", ".join(f"{r:.2f}" for r in summary["graphml_over_igraph_graphml"])
                  + "; tnet's JSON load over Python's json module (parsing only) "
                  + ", ".join(f"{r:.2f}" for r in summary["json_over_python_json"]) + ".")
    if simdjson:
        floor = min(walls["simdjson, JSON: read + graph"])
        summary["simdjson_graph_over_networkit"] = floor / peer
        summary["json_over_simdjson_graph"] = best["json"] / floor
        md.append("")
        md.append(f"simdjson (one thread) reading the JSON into a bare graph: {summary['simdjson_graph_over_networkit']:.2f} "
                  f"× NetworKit's edge-list read; tnet's whole load (every field, validated, two threads) over it: "
                  f"{summary['json_over_simdjson_graph']:.2f}.")
    write_results("loads", summary, md)


def write_results(stem, summary, md):
    """Benchmarks/results/STEM.json and STEM.md, and the table on standard output."""
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, stem + ".json"), "w") as f:
        json.dump(summary, f, indent=1)
    with open(os.path.join(RESULTS, stem + ".md"), "w") as f:
        f.write("\n".join(md) + "\n")
    print("\n".join(md))


if __name__ == "__main__":
    main()
