"""Real-shaped call records and NetworkX's answers on them: the oracle of issue 17's tests.

    python3 make_call_records.py OUTDIR

Writes the same 96 call records (seed 17) in three shapes investigators receive:
  calls.txt          an edge list with a header line (caller callee calls)
  calls-gephi.csv    Gephi's edge table (Source,Target,Type,Id,Label,Weight)
  calls-cp1252.csv   a spreadsheet saved in Windows-1252, dates as dd/mm/yyyy
Records repeat (the same pair called on several days) and go both ways (a call back), and four
ids carry accents. Then oracle.json: NetworkX's graph of the records, read the way tnet reads
them by default (undirected, a tie per pair whose weight is the sum of its calls) and directed,
with the measures the tests compare. Values are written with repr() precision under
PYTHONHASHSEED=0; `make test` re-runs this when networkx is importable and fails if the
committed files differ.
"""
import json
import os
import random
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import networkx as nx

ACCENTED = ["José", "Zoë", "Müller", "Ñuño"]


def records():
    rng = random.Random(17)
    people = [f"c{i:02d}" for i in range(1, 21)] + ACCENTED
    pairs = set()
    # A connected backbone, then random pairs.
    for i in range(1, len(people)):
        pairs.add((people[i], people[rng.randrange(i)]))
    while len(pairs) < 44:
        a, b = rng.sample(people, 2)
        if (b, a) not in pairs:
            pairs.add((a, b))
    out = []
    for a, b in sorted(pairs):
        for _ in range(rng.choice([1, 1, 2, 3])):
            out.append((a, b, rng.randint(1, 9), f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
        if rng.random() < 0.3:  # a call back
            out.append((b, a, rng.randint(1, 9), f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
    rng.shuffle(out)
    return out


def write_files(outdir, recs):
    with open(f"{outdir}/calls.txt", "w", encoding="utf-8") as f:
        f.write("caller callee calls\n")
        for a, b, n, _ in recs:
            f.write(f"{a} {b} {n}\n")
    with open(f"{outdir}/calls-gephi.csv", "w", encoding="utf-8", newline="") as f:
        f.write("Source,Target,Type,Id,Label,Weight\r\n")
        for k, (a, b, n, _) in enumerate(recs):
            f.write(f"{a},{b},Undirected,{k},,{n}.0\r\n")
    with open(f"{outdir}/calls-cp1252.csv", "w", encoding="cp1252", newline="") as f:
        f.write("Caller,Callee,Calls,Date\r\n")
        for a, b, n, d in recs:
            y, m, day = d.split("-")
            f.write(f"{a},{b},{n},{day}/{m}/{y}\r\n")


def summed(recs, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(sorted({x for r in recs for x in r[:2]}))
    for a, b, n, _ in recs:
        if G.has_edge(a, b):
            G[a][b]["weight"] += n
        else:
            G.add_edge(a, b, weight=n)
    return G


def measures(G):
    out = {}
    for u, v, d in G.edges(data=True):
        d["length"] = 1.0 / d["weight"]
    uniform = {v: 1.0 / len(G) for v in G}
    out["degree"] = dict(G.degree())
    out["strength"] = dict(G.degree(weight="weight"))
    out["betweenness"] = nx.betweenness_centrality(G)
    out["betweenness_strength"] = nx.betweenness_centrality(G, weight="length")
    out["closeness_strength"] = nx.closeness_centrality(G, distance="length")
    out["closeness_networkx"] = nx.closeness_centrality(G, distance="weight")
    out["pagerank_weighted"] = nx.pagerank(G, weight="weight")
    for w in (None, "weight"):
        sfx = "" if w is None else "_weighted"
        out["eigenvector_tol_1e-10" + sfx] = nx.eigenvector_centrality(G, max_iter=1000, tol=1e-10, weight=w)
        alpha = 0.02 if w is None else 0.002
        out[f"katz_alpha_{alpha}" + sfx] = nx.katz_centrality(G, alpha=alpha, max_iter=1000, weight=w)
        H = G.copy()
        if w is None:
            for _, _, d in H.edges(data=True):
                d["weight"] = 1.0
        hubs, auth = nx.hits(H, nstart=uniform)
        out["hubs" + sfx] = hubs
        out["authorities" + sfx] = auth
    import numpy as np
    for w in (None, "weight"):
        A = nx.to_numpy_array(G, weight=w)
        out["lambda_max" + ("" if w is None else "_weighted")] = float(max(abs(np.linalg.eigvals(A))))
    return out


def main(outdir):
    recs = records()
    write_files(outdir, recs)
    doc = {"networkx": nx.__version__, "records": len(recs)}
    for name, directed in (("undirected", False), ("directed", True)):
        G = summed(recs, directed)
        doc[name] = {
            "nodes": len(G),
            "ties": G.number_of_edges(),
            "weights": {f"{u}|{v}": d["weight"] for u, v, d in sorted(G.edges(data=True))},
            "measures": measures(G),
        }
    U = summed(recs, False)
    for _, _, d in U.edges(data=True):
        d["unit"] = 1
    doc["undirected"]["flow_c01_c20"] = nx.maximum_flow_value(U, "c01", "c20", capacity="unit")
    doc["undirected"]["flow_c01_c20_weighted"] = nx.maximum_flow_value(U, "c01", "c20", capacity="weight")
    with open(f"{outdir}/oracle.json", "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
