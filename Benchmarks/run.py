#!/usr/bin/env python3
"""`make bench`: tnet against networkx, igraph, NetworKit and rustworkx on the same graphs, in one run.

1. Writes the benchmark graphs with `tnet generate --bench` (if missing) and checks their SHA-256
   against the published ones (Benchmarks/README.md).
2. Times tnet's kernels in-process (tnet-bench, release build) at 1 and 2 threads.
3. Times the peers (peers.py, in Benchmarks/.venv).
4. Times tnet as a whole process (start, load, compute, write CSV) against each peer's load + step.
5. Prints one Markdown table of seconds and ratios (tnet / fastest peer at the same thread count;
   single-threaded libraries count at both) and writes Benchmarks/results/latest.{json,md}.

    run.py [--quick] [--only STEP,STEP]
        --quick: small and medium only, no exact betweenness
        --only:  just these steps of the plan (peers and tnet still in the same run; load is
                 always timed, the whole-process ratios need it)
"""
import hashlib
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
BENCH = os.path.join(ROOT, ".build", "release", "tnet-bench")
VENV_PY = os.path.join(ROOT, "Benchmarks", ".venv", "bin", "python")
SHA = {
    "small": "6e726b19877a3583a4460e58968852817794a1c16c086871b1e27964bc449da2",
    "medium": "ee2dcc2b0a4e5508406b4ec4f69add9ebb4028b4a0f1acfd0ac071867dffa3a0",
    "large": "80df30a4becb4d8359617d0ceeef90c91cfe65442e6462c985ece1a4b94755a8",
    "xl": "72a78ca38d9d0a319390abfb5f1d05dc290beb57d2148c1d2acd0ee4f95e146b",
}
# (size, steps): the kernels of issue 4 and where the peers were measured.
PLAN = [
    ("medium", ["betweenness", "closeness"]),
    ("large", ["load", "components", "pagerank", "dijkstra", "kcore", "approx-betweenness", "maxflow", "louvain", "leiden"]),
    ("xl", ["load", "components", "pagerank", "dijkstra", "kcore", "approx-betweenness"]),
]
QUICK = [("small", ["load", "components", "pagerank", "dijkstra", "kcore", "betweenness", "closeness", "approx-betweenness"]),
         ("medium", ["load", "components", "pagerank", "dijkstra", "kcore", "approx-betweenness"])]
# Whole-process runs: step → tnet centrality measure.
CLI = {"pagerank": "pagerank", "kcore": "core", "betweenness": "betweenness", "closeness": "closeness",
       "approx-betweenness": "approx-betweenness"}
PEERS = ["networkx", "igraph", "networkit1", "networkit2", "rustworkx"]


def log(msg):
    if sys.stderr.isatty():
        print(msg, file=sys.stderr, flush=True)


def graph(size):
    path = os.path.join(GRAPHS, f"{size}.el")
    if not os.path.exists(path):
        os.makedirs(GRAPHS, exist_ok=True)
        subprocess.run([TNET, "generate", "--bench", size, "-o", path], check=True)
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    if digest != SHA[size]:
        raise SystemExit(f"{path}: SHA-256 {digest} is not the published {SHA[size]}")
    return path


def best_of(f):
    best, runs = float("inf"), 0
    while True:
        t = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t)
        runs += 1
        if runs >= 3 or best >= 10:
            return best, runs


def whole_process(size, path, step, threads, nodes):
    args = [TNET, "centrality", path, "--measure", CLI[step], "--format", "csv", "--threads", str(threads)]
    if step == "pagerank":
        args += ["--tolerance", repr(1e-6 / nodes)]  # L1 change < 1e-6, as the peers stop
    with tempfile.NamedTemporaryFile(suffix=".csv") as out:
        def once():
            subprocess.run(args, stdout=out, stderr=subprocess.DEVNULL, check=True)
            out.seek(0); out.truncate()
        seconds, runs = best_of(once)
    return {"lib": "tnet-cli", "threads": threads, "size": size, "step": step, "seconds": seconds, "runs": runs}


def main():
    plan = QUICK if "--quick" in sys.argv else PLAN
    if "--only" in sys.argv:
        only = set(sys.argv[sys.argv.index("--only") + 1].split(","))
        unknown = only - {s for _, steps in plan for s in steps}
        if unknown:
            raise SystemExit(f"--only: no step {', '.join(sorted(unknown))} in the plan")
        plan = [(size, [s for s in steps if s in only or s == "load"]) for size, steps in plan]
        plan = [(size, steps) for size, steps in plan if any(s != "load" for s in steps)]
    records = []
    for size, steps in plan:
        path = graph(size)
        log(f"tnet-bench {size}: {','.join(steps)}")
        out = subprocess.run([BENCH, "--graphs", GRAPHS, "--sizes", size, "--steps", ",".join(steps), "--threads", "1,2"],
                             check=True, capture_output=True, text=True).stdout
        ours = json.loads(out)
        records += ours
        nodes = int(next(r["check"].split()[0] for r in ours if r["step"] == "load")) if "load" in steps else None
        if nodes is None:
            nodes = len({x for line in open(path) for x in line.split()[:2]})
        for step in steps:
            if step in CLI:
                for threads in (1, 2):
                    log(f"tnet centrality {size} {step} {threads} thr")
                    records.append(whole_process(size, path, step, threads, nodes))
        log(f"peers {size}: {','.join(steps)}")
        peer_steps = steps if "load" in steps else ["load"] + steps
        with tempfile.NamedTemporaryFile(suffix=".json") as tmp:
            subprocess.run([VENV_PY, os.path.join(ROOT, "Benchmarks", "peers.py"), "--graphs", GRAPHS, "--sizes", size,
                            "--steps", ",".join(peer_steps), "--timeout", "400", "--out", tmp.name],
                           check=True, stdout=subprocess.DEVNULL)
            records += json.load(open(tmp.name))
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "latest.json"), "w") as f:
        json.dump(records, f, indent=1)
    table = report(records, plan)
    with open(os.path.join(RESULTS, "latest.md"), "w") as f:
        f.write(table)
    print(table)


def report(records, plan):
    def t(lib, size, step, threads=None):
        for r in records:
            if r["lib"] == lib and r["size"] == size and r["step"] == step and (threads is None or r["threads"] == threads):
                return r.get("seconds")
        return None

    def fmt(x):
        return "—" if x is None else (f"{x:.3g}" if x < 100 else f"{x:.0f}")

    lines = ["| step | size | tnet 1 thr | tnet 2 thr | networkx | igraph | NetworKit 1 | NetworKit 2 | rustworkx 2 "
             "| ratio 1 thr | ratio 2 thr | tnet process 1 thr | ratio | tnet process 2 thr | ratio |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for size, steps in plan:
        for step in steps:
            ours1, ours2 = t("tnet", size, step, 1), t("tnet", size, step, 2)
            peers = {p: t(p, size, step) for p in PEERS}
            one = [peers[p] for p in ("networkx", "igraph", "networkit1") if peers[p] is not None]
            two = [peers[p] for p in ("networkx", "igraph", "networkit2", "rustworkx") if peers[p] is not None]
            best1, best2 = min(one, default=None), min(two, default=None)
            r1 = f"{ours1 / best1:.2f}" if ours1 and best1 else "—"
            r2 = f"{ours2 / best2:.2f}" if ours2 and best2 else "—"
            row = [step, size, fmt(ours1), fmt(ours2)] + [fmt(peers[p]) for p in PEERS] + [r1, r2]
            # Whole process: tnet centrality against the fastest peer's load + step.
            for threads, libs in ((1, ("networkx", "igraph", "networkit1")), (2, ("networkx", "igraph", "networkit2", "rustworkx"))):
                cli = t("tnet-cli", size, step, threads)
                totals = [t(p, size, "load") + peers[p] for p in libs
                          if peers[p] is not None and t(p, size, "load") is not None] if step != "load" else []
                best = min(totals, default=None)
                row += [fmt(cli), f"{cli / best:.2f}" if cli and best else "—"]
            lines.append("| " + " | ".join(row) + " |")
    notes = [r for r in records if r.get("note")]
    text = "\n".join(lines) + "\n"
    if notes:
        text += "\nNotes:\n" + "".join(f"- {r['lib']} {r['size']} {r['step']}: {r['note']}\n" for r in notes)
    return text


if __name__ == "__main__":
    main()
