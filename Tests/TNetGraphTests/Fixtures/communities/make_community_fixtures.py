"""NetworkX's community detection and modularity on the centrality fixture graphs: the oracle
for tnet's Louvain, label propagation and modularity.

    python3 make_community_fixtures.py OUTDIR

Writes one JSON file per graph (the graphs of ../centrality/make_centrality_fixtures.py):
{"name", "networkx", "directed", "nodes", "edges": [[u, v, w]...],
 "louvain": {"weighted"|"unweighted": {"resolution": {"0.5"|"1"|"2": {"modularity": Q,
             "best_of_seeds": max Q over seeds 0..9, "mean_of_seeds": their mean, "communities": [[sorted members]...] (seed 0)}}}},
 "modularity": [{"partition": [[members]...], "weighted": bool, "resolution": g, "value": Q}...]}.
Louvain runs on G.to_undirected() (tnet reads directed graphs as undirected for communities);
"modularity" holds NetworkX's value for fixed partitions (its Louvain result, label propagation
with seed 0, and the partition by node position mod 3) on the graph as it is, directed or not.
"""
import json
import os
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import networkx as nx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "centrality"))
from make_centrality_fixtures import graphs  # noqa: E402

RESOLUTIONS = [0.5, 1.0, 2.0]


def key(r):
    return f"{r:g}"


def sorted_partition(parts):
    return sorted(sorted(p) for p in parts)


def main(out):
    os.makedirs(out, exist_ok=True)
    for name, G in graphs().items():
        nodes = list(G.nodes())
        has_weight = any("weight" in d for _, _, d in G.edges(data=True))
        edges = [[u, v, d.get("weight", 1)] for u, v, d in G.edges(data=True)]
        U = G.to_undirected() if G.is_directed() else G
        doc = {"name": name, "networkx": nx.__version__, "directed": G.is_directed(), "nodes": nodes, "edges": edges,
               "louvain": {}, "modularity": []}
        if U.number_of_edges() == 0:
            continue
        for mode, weight in (("weighted", "weight"), ("unweighted", None)):
            if mode == "weighted" and not has_weight:
                continue
            doc["louvain"][mode] = {}
            for r in RESOLUTIONS:
                parts = nx.community.louvain_communities(U, weight=weight, resolution=r, seed=0)
                qs = [nx.community.modularity(U, nx.community.louvain_communities(U, weight=weight, resolution=r, seed=s),
                                              weight=weight, resolution=r) for s in range(10)]
                doc["louvain"][mode][key(r)] = {"modularity": nx.community.modularity(U, parts, weight=weight, resolution=r),
                                                "best_of_seeds": max(qs),
                                                "mean_of_seeds": sum(qs) / len(qs), "communities": sorted_partition(parts)}
        fixed = [nx.community.louvain_communities(U, seed=0),
                 list(nx.community.asyn_lpa_communities(U, seed=0)),
                 [set(nodes[i::3]) for i in range(3) if nodes[i::3]]]
        for parts in fixed:
            for weight in (["weight", None] if has_weight else [None]):
                for r in RESOLUTIONS:
                    doc["modularity"].append({"partition": sorted_partition(parts), "weighted": weight is not None,
                                              "resolution": r,
                                              "value": nx.community.modularity(G, parts, weight=weight, resolution=r)})
        with open(os.path.join(out, f"{name}.json"), "w") as f:
            json.dump(doc, f, indent=1, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
