#!/usr/bin/env python3
"""`make bench-calls`: reading call records from CSV, as a whole process, against pandas' C CSV
parser and igraph building the graph from it, on the same file in one run (issue 19: every
command fast on every input; real call records arrive as spreadsheets, not edge lists).

    calls.py [--runs 3] [--rows 1500000]

The input, made once in Benchmarks/graphs/ (ignored by git): ROWS calls between 200,000 numbers
written as a German operator's export would be, `;` between cells, a header `Anrufer;Angerufener;
Datum;Dauer (s)`, numbers with spaces (`+49 151 0012345`), dates as `21/01/2022`, durations with a
decimal comma (`2194,5`). Numbers are drawn with a heavy tail (a few phones make most calls), from
a fixed seed: the same file on every machine.

Each run times `tnet info` on it (release binary, process start to exit, /usr/bin/time for peak
memory), naming the columns and the date layout, and a peer in-process from the read's start
(interpreter start and imports left out): pandas.read_csv with the same separator and decimal
comma, the dates parsed in the same layout, then igraph.Graph.DataFrame building the named graph
with the date and duration on each edge. Writes Benchmarks/results/calls.{json,md}.
"""
import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile

from loads import tnet_info, write_results  # the same timing and result files as make bench-loads

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GRAPHS = os.path.join(ROOT, "Benchmarks", "graphs")
VENV_PY = os.path.join(ROOT, "Benchmarks", ".venv", "bin", "python")
MAP = ["--map", "source=Anrufer,target=Angerufener,date=Datum,weight=Dauer (s)", "--date-format", "%d/%m/%Y"]

PANDAS_IGRAPH = """
import sys, time
import igraph, pandas
t = time.perf_counter()
df = pandas.read_csv(sys.argv[1], sep=";", decimal=",", dtype={"Anrufer": str, "Angerufener": str})
df["Datum"] = pandas.to_datetime(df["Datum"], format="%d/%m/%Y")
read = time.perf_counter() - t
g = igraph.Graph.DataFrame(df, directed=False, use_vids=False)
print(time.perf_counter() - t, g.vcount(), g.ecount(), read)
"""


def make_input(rows):
    """The call-records file for ROWS calls, made when missing."""
    os.makedirs(GRAPHS, exist_ok=True)
    path = os.path.join(GRAPHS, f"calls-{rows}.csv")
    if os.path.exists(path):
        return path
    rng = random.Random(19)
    phones = 200_000
    with open(path + ".tmp", "w", encoding="utf-8", newline="") as out:
        out.write("Anrufer;Angerufener;Datum;Dauer (s)\n")
        for _ in range(rows):
            a = int(rng.random() ** 3 * phones)
            b = int(rng.random() ** 3 * phones)
            if a == b:
                b = (b + 1) % phones
            out.write(f"+49 151 {a:07d};+49 151 {b:07d};{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/"
                      f"{rng.choice((2022, 2023, 2024))};{rng.randint(0, 3000)},{rng.randint(0, 9)}\n")
    os.replace(path + ".tmp", path)
    return path


def peer(path):
    """Seconds (in-process), vertices, edges, peak resident MB of pandas + igraph, and the seconds
    of pandas' read alone (the table, before igraph builds the graph)."""
    with tempfile.NamedTemporaryFile("r") as t:
        out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", t.name, VENV_PY, "-c", PANDAS_IGRAPH, path],
                             check=True, capture_output=True, text=True).stdout
        kb = t.read().split()[-1]
    seconds, vertices, edges, read = out.split()
    return float(seconds), int(vertices), int(edges), int(kb) / 1024, float(read)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rows", type=int, default=1_500_000)
    args = ap.parse_args()
    path = make_input(args.rows)
    tnet, pandas_igraph = [], []
    for run in range(args.runs):
        tnet.append(tnet_info(path, MAP))
        pandas_igraph.append(peer(path))
        print(f"run {run + 1}: tnet {tnet[-1][0]:.2f} s, pandas + igraph {pandas_igraph[-1][0]:.2f} s", file=sys.stderr)
    walls = {"tnet info (whole process)": [r[0] for r in tnet], "pandas + igraph (in-process)": [r[0] for r in pandas_igraph]}
    peaks = {"tnet info (whole process)": [r[2] for r in tnet], "pandas + igraph (in-process)": [r[3] for r in pandas_igraph]}
    walls["pandas read_csv alone (in-process)"] = [r[4] for r in pandas_igraph]
    ratio = min(walls["tnet info (whole process)"]) / min(walls["pandas + igraph (in-process)"])
    ratio_read = min(walls["tnet info (whole process)"]) / min(walls["pandas read_csv alone (in-process)"])
    summary = {"rows": args.rows, "runs": args.runs, "walls": walls, "peak_mb": peaks,
               "tnet_cpu": [r[1] for r in tnet], "peer_graph": pandas_igraph[0][1:3], "tnet_over_peer": ratio,
               "tnet_over_pandas_read": ratio_read}
    md = [f"| {args.rows} call records, CSV | wall s, best / median | peak MB |", "|---|---:|---:|"]
    for k, v in walls.items():
        mb = f"{max(peaks[k]):.0f}" if k in peaks else ""
        md.append(f"| {k} | {min(v):.2f} / {statistics.median(v):.2f} | {mb} |")
    md.append("")
    md.append(f"tnet over pandas + igraph: {ratio:.2f}, over pandas' read alone: {ratio_read:.2f} (best to best); the peer's graph: "
              f"{pandas_igraph[0][1]} vertices, {pandas_igraph[0][2]} edges.")
    write_results("calls", summary, md)


if __name__ == "__main__":
    main()
