#!/usr/bin/env python3
"""`make bench-render`: tnet's in-process rendering (libgvc) against the Graphviz command line.

Both sides are whole processes, started from here, on the same layout input: tnet reads the
dataset, styles it and lays it out in-process (`tnet render G.json -o G.svg --engine E`); the
Graphviz command lays out the DOT that tnet writes for it (`tnet dot G.json --engine E`), so
process start, parsing and layout are on both sides and the DOT is the same. Best of 7 (3 for
10,000 entities), the two commands taking turns. The
two SVGs are compared: equal bytes mean the same work was done.

    render.py [--sizes sfdp:2000,dot:200,sfdp:10000]
"""
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TNET = os.path.join(ROOT, ".build", "release", "tnet")
# (engine, entities, average degree): a 2,000-entity network for sfdp; a 200-entity, tree-like
# one (average degree 2, so about one link per entity) for dot; 10,000 entities as auto draws it.
CASES = [("sfdp", 2000, 4.0), ("dot", 200, 2.0), ("sfdp", 10000, 4.0)]


def best_of_alternating(a, b, runs=5):
    """Best times of two commands run in turn (a, b, a, b, …), so that a slow spell of this
    noisy machine falls on both."""
    best = [float("inf"), float("inf")]
    for _ in range(runs):
        for i, args in enumerate((a, b)):
            t = time.perf_counter()
            subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            best[i] = min(best[i], time.perf_counter() - t)
    return best


def main():
    cases = CASES
    if "--sizes" in sys.argv:
        spec = sys.argv[sys.argv.index("--sizes") + 1]
        cases = [(e, int(n), 4.0 if e != "dot" else 2.0) for e, n in (x.split(":") for x in spec.split(","))]
    version = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for engine, n, degree in cases:
            data = os.path.join(tmp, f"g{n}.json")
            subprocess.run([TNET, "generate", "--nodes", str(n), "--seed", "11", "--avg-degree", str(degree), "-o", data],
                           check=True, stderr=subprocess.DEVNULL)
            dot = os.path.join(tmp, f"g{n}.{engine}.dot")
            with open(dot, "w") as f:
                subprocess.run([TNET, "dot", data, "--engine", engine], check=True, stdout=f)
            ours, theirs = os.path.join(tmp, "tnet.svg"), os.path.join(tmp, "cli.svg")
            t_tnet, t_cli = best_of_alternating([TNET, "render", data, "-o", ours, "--engine", engine],
                                                [engine, "-Tsvg", dot, "-o", theirs], runs=7 if n < 5000 else 3)
            same = open(ours, "rb").read() == open(theirs, "rb").read()
            links = sum(1 for line in open(dot) if " -> " in line or " -- " in line)
            rows.append((engine, n, links, t_tnet, t_cli, same))
    print(f"Graphviz: {version}\n")
    print("| engine | entities | links | tnet render (s) | Graphviz CLI (s) | ratio | same SVG |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for engine, n, links, a, b, same in rows:
        print(f"| {engine} | {n:,} | {links:,} | {a:.3f} | {b:.3f} | {a / b:.2f} | {'yes' if same else 'no'} |")


if __name__ == "__main__":
    main()
