"""NetworkX's paths, structure and flow on the centrality fixture graphs: the oracle for tnet's
path, component, cut and flow algorithms.

    python3 make_paths_fixtures.py OUTDIR

Writes one JSON file per graph (the graphs of ../centrality/make_centrality_fixtures.py):
{"name", "networkx", "directed", "nodes", "edges": [[u, v, w]...], "source", "pairs": [[s, t]...],
 "distances": {"hops"|"weighted"|"reverse_hops"|"reverse_weighted"|"hops_within_2": {node: d}},
 "all_shortest": {"s|t": {"hops"|"weighted": [[path]...] sorted}},
 "yen": {"s|t": {"hops"|"weighted": [cost of the 1st..6th shortest simple path]}},
 "components", "strong_components": [[sorted members]...] sorted,
 "articulation_points": [sorted], "bridges": [[u, v] with u < v, sorted], "global_efficiency": E (undirected),
 "k_core_2", "k_core_max": [sorted nodes] (graphs without self-loops),
 "projection_side", "projection": [[u, v, shared]] (bipartite graphs: weighted_projected_graph),
 "max_flow": {"s|t": {"unit"|"weighted": value}}, "node_connectivity": {"s|t": k}}.
Edge weights are the capacities of "weighted" flows. Directed graphs are taken as undirected
(G.to_undirected()) for articulation points and bridges, which NetworkX defines only there.
"""
import json
import os
import sys
from itertools import islice

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import networkx as nx

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "centrality"))
from make_centrality_fixtures import graphs  # noqa: E402


def key(s, t):
    return f"{s}|{t}"


def with_weights(G):
    H = G.copy()
    for u, v, d in H.edges(data=True):
        d.setdefault("weight", 1.0)
    return H


def doc(name, G):
    G = with_weights(G)
    nodes = list(G.nodes())
    n = len(nodes)
    s0 = nodes[0]
    candidates = [(nodes[0], nodes[-1]), (nodes[1], nodes[n // 2]), (nodes[n // 3], nodes[2]), (nodes[-1], nodes[0])]
    pairs = []
    for s, t in candidates:
        if s != t and [s, t] not in pairs:
            pairs.append([s, t])
    out = {"name": name, "networkx": nx.__version__, "directed": G.is_directed(), "nodes": nodes,
           "edges": [[u, v, d["weight"]] for u, v, d in G.edges(data=True)], "source": s0, "pairs": pairs}
    R = G.reverse() if G.is_directed() else G
    out["distances"] = {
        "hops": dict(nx.single_source_shortest_path_length(G, s0)),
        "weighted": dict(nx.single_source_dijkstra_path_length(G, s0, weight="weight")),
        "reverse_hops": dict(nx.single_source_shortest_path_length(R, s0)),
        "reverse_weighted": dict(nx.single_source_dijkstra_path_length(R, s0, weight="weight")),
        "hops_within_2": dict(nx.single_source_shortest_path_length(G, s0, cutoff=2)),
    }
    out["all_shortest"], out["yen"], out["max_flow"], out["node_connectivity"] = {}, {}, {}, {}
    for s, t in pairs:
        if not nx.has_path(G, s, t):
            continue
        out["all_shortest"][key(s, t)] = {
            "hops": sorted(nx.all_shortest_paths(G, s, t)),
            "weighted": sorted(nx.all_shortest_paths(G, s, t, weight="weight")),
        }
        out["yen"][key(s, t)] = {
            "hops": [len(p) - 1 for p in islice(nx.shortest_simple_paths(G, s, t), 6)],
            "weighted": [nx.path_weight(G, p, "weight") for p in islice(nx.shortest_simple_paths(G, s, t, weight="weight"), 6)],
        }
        unit = G.copy()
        nx.set_edge_attributes(unit, 1.0, "capacity")
        cap = G.copy()
        for u, v, d in cap.edges(data=True):
            d["capacity"] = d["weight"]
        out["max_flow"][key(s, t)] = {"unit": nx.maximum_flow_value(unit, s, t), "weighted": nx.maximum_flow_value(cap, s, t)}
        if not G.has_edge(s, t):
            out["node_connectivity"][key(s, t)] = nx.node_connectivity(G, s, t)
    out["components"] = sorted(sorted(c) for c in (nx.weakly_connected_components(G) if G.is_directed() else nx.connected_components(G)))
    if G.is_directed():
        out["strong_components"] = sorted(sorted(c) for c in nx.strongly_connected_components(G))
    U = nx.Graph(G.to_undirected())
    U.remove_edges_from(list(nx.selfloop_edges(U)))
    out["articulation_points"] = sorted(nx.articulation_points(U))
    out["bridges"] = sorted(sorted([u, v]) for u, v in nx.bridges(U))
    out["global_efficiency"] = nx.global_efficiency(U)
    if nx.number_of_selfloops(G) == 0:
        out["k_core_2"] = sorted(nx.k_core(G, 2))
        out["k_core_max"] = sorted(nx.k_core(G))
    side = [v for v, d in G.nodes(data=True) if d.get("bipartite") == 0]
    if side:
        P = nx.bipartite.weighted_projected_graph(G, side)
        out["projection_side"] = sorted(side)
        out["projection"] = sorted([*sorted([u, v]), d["weight"]] for u, v, d in P.edges(data=True))
    return out


def main(outdir):
    for name, G in graphs().items():
        with open(f"{outdir}/{name}.json", "w") as f:
            json.dump(doc(name, G), f, indent=1, sort_keys=True, allow_nan=False)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
