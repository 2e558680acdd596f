#!/usr/bin/env python3
"""`make bench-commands`: every tnet command a user runs on a large graph, as a whole process,
against the fastest peer's in-process load + kernel, in one run (issue 19).

    commands.py [--size large] [--only components,path]

tnet: the release binary, process start to exit, output to a file, best of 3 (one run when a
run takes 10 s or more), its default of 2 threads. Peers (peers.py in Benchmarks/.venv):
igraph, NetworKit at 1 and 2 threads, rustworkx; networkx is left out (it is never the fastest
and takes minutes on large). A peer's time is its load plus its step, both in-process; the
ratio is tnet's time over the smallest of those. Writes Benchmarks/results/commands.{json,md}.
"""
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRAPHS = os.path.join(ROOT, "Benchmarks", "graphs")
RESULTS = os.path.join(ROOT, "Benchmarks", "results")
TNET = os.path.join(ROOT, ".build", "release", "tnet")
VENV_PY = os.path.join(ROOT, "Benchmarks", ".venv", "bin", "python")
PEER_LIBS = "igraph,networkit1,networkit2,rustworkx"

# command name -> (tnet arguments after the file, the peers' step it is compared with)
COMMANDS = {
    "centrality pagerank": (["centrality", "{g}", "--measure", "pagerank", "--format", "csv"], "pagerank"),
    "centrality core": (["centrality", "{g}", "--measure", "core", "--format", "csv"], "kcore"),
    "components": (["components", "{g}", "--format", "csv"], "components"),
    "distances 0 --weighted": (["distances", "{g}", "0", "--weighted", "--format", "csv"], "dijkstra"),
    "communities louvain": (["communities", "{g}", "--method", "louvain", "--weighted", "--format", "csv"], "louvain"),
    "path 0 1 --weighted": (["path", "{g}", "0", "1", "--weighted", "--format", "csv"], "path"),
    "cutpoints": (["cutpoints", "{g}", "--format", "csv"], "cutpoints"),
    "kcore": (["kcore", "{g}", "-o", "{out}.json"], "kcore"),
    # The core in the input's own format: what a user with an edge list writes (no peer writes
    # anything; JSON carries kinds and provenance, 63 MB here, against 10 MB of edge list).
    "kcore -o .el": (["kcore", "{g}", "-o", "{out}.el"], "kcore"),
    "flow 0 1 --capacity weight": (["flow", "{g}", "--from", "0", "--to", "1", "--capacity", "weight", "--format", "csv"], "maxflow"),
    "info": (["info", "{g}"], "components"),
}


def log(msg):
    if sys.stderr.isatty():
        print(msg, file=sys.stderr, flush=True)


def time_tnet(args):
    best, runs = float("inf"), 0
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out")
        argv = [TNET] + [a.replace("{out}", out) for a in args]
        while runs < 3 and (runs == 0 or best < 10):
            with open(out + ".stdout", "w") as so:
                t = time.perf_counter()
                subprocess.run(argv, stdout=so, stderr=subprocess.DEVNULL, check=True)
                best = min(best, time.perf_counter() - t)
            runs += 1
    return best, runs


def main():
    size = sys.argv[sys.argv.index("--size") + 1] if "--size" in sys.argv else "large"
    names = list(COMMANDS)
    if "--only" in sys.argv:
        names = [n for n in names if n.split()[0] in sys.argv[sys.argv.index("--only") + 1].split(",")]
    g = os.path.join(GRAPHS, f"{size}.el")
    if not os.path.exists(g):
        os.makedirs(GRAPHS, exist_ok=True)
        subprocess.run([TNET, "generate", "--bench", size, "-o", g], check=True)
    steps = sorted({COMMANDS[n][1] for n in names})
    log(f"peers on {size}: {','.join(steps)}")
    with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
        subprocess.run([VENV_PY, os.path.join(ROOT, "Benchmarks", "peers.py"), "--graphs", GRAPHS, "--sizes", size,
                        "--libs", PEER_LIBS, "--steps", ",".join(["load"] + steps), "--timeout", "400", "--out", tmp.name],
                       check=True, stdout=subprocess.DEVNULL)
        peers = json.load(open(tmp.name))
    records = []
    for n in names:
        args, step = COMMANDS[n]
        log(f"tnet {n}")
        seconds, runs = time_tnet([a.replace("{g}", g) for a in args])
        totals = {}
        for r in peers:
            if r["step"] == step and r.get("seconds") is not None:
                load = next((x["seconds"] for x in peers if x["step"] == "load" and x["lib"] == r["lib"]
                             and x["threads"] == r["threads"] and x.get("seconds") is not None), None)
                if load is not None:
                    totals[f"{r['lib']} {r['threads']}"] = load + r["seconds"]
        best = min(totals.items(), key=lambda kv: kv[1]) if totals else None
        records.append({"command": n, "size": size, "tnet": seconds, "runs": runs, "step": step, "peers": totals,
                        "fastest": best[0] if best else None, "fastest_seconds": best[1] if best else None,
                        "ratio": seconds / best[1] if best else None})
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "commands.json"), "w") as f:
        json.dump({"commands": records, "peers": peers}, f, indent=1)
    lines = [f"| command ({size}) | tnet process (s) | peer step | fastest peer, load + step (s) | ratio |",
             "|---|---:|---|---:|---:|"]
    for r in records:
        fast = f"{r['fastest']}: {r['fastest_seconds']:.3g}" if r["fastest"] else "—"
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "—"
        lines.append(f"| `tnet {r['command']}` | {r['tnet']:.3g} | {r['step']} | {fast} | {ratio} |")
    table = "\n".join(lines) + "\n"
    with open(os.path.join(RESULTS, "commands.md"), "w") as f:
        f.write(table)
    print(table)


if __name__ == "__main__":
    main()
