#!/usr/bin/env python3
"""`make bench-render`: tnet's in-process rendering (libgvc) against the Graphviz command line.

All are whole processes, started from here, on the same layout input: tnet reads the dataset,
styles it and lays it out in-process (`tnet render G.json -o G.svg --engine E`); the Graphviz
command lays out the DOT that tnet writes for it (`tnet dot G.json --engine E`, written once
beforehand), so process start, parsing and layout are on both sides and the DOT is the same.
Two more columns: the pipeline a tool without libgvc runs (`tnet dot ... > G.dot && E -Tsvg
G.dot`, both processes timed), and the Graphviz command given tnet's allocator (mimalloc, by
LD_PRELOAD), which shows what is left of tnet's own overhead once the allocators are equal.
Best of 7 (3 for 10,000 entities), the commands taking turns. The SVGs are compared: equal bytes
mean the same work was done.

    render.py [--sizes sfdp:2000,dot:200,sfdp:10000]
"""
import os
import shlex
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TNET = os.path.join(ROOT, ".build", "release", "tnet")
# (engine, entities, average degree): a 2,000-entity network for sfdp; a 200-entity, tree-like
# one (average degree 2, so about one link per entity) for dot; 10,000 entities as auto draws it.
CASES = [("sfdp", 2000, 4.0), ("dot", 200, 2.0), ("sfdp", 10000, 4.0)]


def best_of_alternating(commands, runs=5):
    """Best times of commands run in turn (a, b, c, a, b, c, …), so that a slow spell of this
    noisy machine falls on all. A command is (argv, extra environment) or a shell string."""
    best = [float("inf")] * len(commands)
    for _ in range(runs):
        for i, (args, env) in enumerate(commands):
            t = time.perf_counter()
            subprocess.run(args, check=True, shell=isinstance(args, str), env=dict(os.environ, **env),
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            best[i] = min(best[i], time.perf_counter() - t)
    return best


MIMALLOC = "/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"


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
            ours, theirs, piped = (os.path.join(tmp, n) for n in ("tnet.svg", "cli.svg", "piped.svg"))
            q = shlex.quote
            commands = [([TNET, "render", data, "-o", ours, "--engine", engine], {}),
                        ([engine, "-Tsvg", dot, "-o", theirs], {}),
                        (f"{q(TNET)} dot {q(data)} --engine {engine} > {q(dot)}.piped && {engine} -Tsvg {q(dot)}.piped -o {q(piped)}", {})]
            if os.path.exists(MIMALLOC):
                commands.append(([engine, "-Tsvg", dot, "-o", theirs], {"LD_PRELOAD": MIMALLOC}))
            times = best_of_alternating(commands, runs=7 if n < 5000 else 3)
            same = all(open(ours, "rb").read() == open(f, "rb").read() for f in (theirs, piped))
            links = sum(1 for line in open(dot) if " -> " in line or " -- " in line)
            rows.append((engine, n, links, times, same))
    print(f"Graphviz: {version}\n")
    print("| engine | entities | links | tnet render (s) | Graphviz CLI (s) | ratio | tnet dot + CLI (s) | ratio | CLI with mimalloc (s) | ratio | same SVG |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for engine, n, links, t, same in rows:
        cells = [f"{t[0]:.3f}"] + [f"{x:.3f} | {t[0] / x:.2f}" for x in t[1:]]
        if len(t) < 4:
            cells.append("– | –")
        print(f"| {engine} | {n:,} | {links:,} | " + " | ".join(cells) + f" | {'yes' if same else 'no'} |")


if __name__ == "__main__":
    main()
