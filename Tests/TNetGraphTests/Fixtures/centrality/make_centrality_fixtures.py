"""NetworkX's centrality values on a set of small graphs: the oracle for tnet's centrality.

    python3 make_centrality_fixtures.py OUTDIR

Writes one JSON file per graph: {"name", "directed", "nodes": [...], "edges": [[u, v, w]...],
"networkx": VERSION, "measures": {NAME: {node: value} or null when NetworkX raises (the
reason is in "errors")}}. Edge-keyed measures map "u|v" to the value. Values are written with
repr() precision (NaN and infinities as the strings "NaN", "Infinity"), under PYTHONHASHSEED=0 so that runs agree to the last digit. `make test` re-runs this when networkx is importable and the test fails if
the committed files differ from what it produces.
"""
import json
import math
import os
import random
import sys

# NetworkX sums over sets of (string) nodes in hash order: without a fixed hash seed the last
# digit of a value can change from run to run. Re-run under PYTHONHASHSEED=0.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable] + sys.argv)

import networkx as nx
from networkx.algorithms.link_analysis import hits_alg


def weighted(G, seed):
    rng = random.Random(seed)
    for u, v in G.edges():
        G[u][v]["weight"] = rng.choice([0.5, 1.0, 1.5, 2.0, 3.0, 4.25])
    return G


def unit(G):
    H = G.copy()
    for _, _, d in H.edges(data=True):
        d["weight"] = 1.0
    return H


def arpack_hits(G):
    """nx.hits where its answer is defined: when the leading singular value of the adjacency
    matrix is shared (a cycle, a star, two equal components), ARPACK returns an arbitrary
    vector of that space whose sum may be near zero, and nx.hits divides by it (values of
    1e15, infinities, different on every run). Then there is no NetworkX value to compare
    with: raised, and recorded under "errors"."""
    import numpy as np
    s = np.linalg.svd(nx.to_numpy_array(G, weight="weight"), compute_uv=False)
    if len(s) > 1 and s[0] - s[1] <= 1e-9 * s[0]:
        raise ValueError(f"leading singular value {s[0]:.6g} is shared: hubs and authorities are not unique")
    return dict(zip(("hubs", "authorities"), nx.hits(G, nstart={v: 1 / len(G) for v in G})))


def relabel(G):
    return nx.relabel_nodes(G, {n: str(n) for n in G.nodes()})


def graphs():
    g = {}
    g["karate"] = nx.karate_club_graph()  # weights from the data set
    g["les-miserables"] = nx.les_miserables_graph()  # weighted
    g["florentine"] = nx.florentine_families_graph()
    g["davis-southern-women"] = nx.davis_southern_women_graph()
    g["path-7"] = nx.path_graph(7)
    g["star-9"] = nx.star_graph(8)
    g["cycle-8"] = nx.cycle_graph(8)
    g["complete-6"] = nx.complete_graph(6)
    g["barbell-5-2"] = nx.barbell_graph(5, 2)
    g["lollipop-4-3"] = nx.lollipop_graph(4, 3)
    g["grid-4x5"] = nx.convert_node_labels_to_integers(nx.grid_2d_graph(4, 5))
    g["tree-30"] = nx.random_labeled_tree(30, seed=3) if hasattr(nx, "random_labeled_tree") else nx.random_tree(30, seed=3)
    g["ba-120"] = nx.barabasi_albert_graph(120, 2, seed=7)
    g["weighted-gnp-40"] = weighted(nx.gnp_random_graph(40, 0.12, seed=11), 11)
    disc = nx.Graph()
    disc.add_edges_from([(0, 1), (1, 2), (2, 0), (3, 4), (5, 6), (6, 7)])
    disc.add_nodes_from([8, 9])
    g["disconnected-isolated"] = disc
    loops = nx.Graph()
    loops.add_edges_from([(0, 1), (1, 2), (2, 3), (3, 0), (0, 2), (1, 1), (3, 3)])
    loops.add_node(4)
    g["self-loops-isolated"] = loops
    g["directed-gnp-30"] = nx.gnp_random_graph(30, 0.1, seed=5, directed=True)
    g["directed-weighted-gnp-35"] = weighted(nx.gnp_random_graph(35, 0.1, seed=13, directed=True), 13)
    g["directed-cycle-6"] = nx.cycle_graph(6, create_using=nx.DiGraph)
    dag = nx.DiGraph()
    dag.add_edges_from([(0, 1), (0, 2), (1, 3), (2, 3), (3, 4), (4, 5), (2, 5)])
    g["dag-6"] = dag
    dd = nx.DiGraph()
    dd.add_edges_from([(0, 1), (1, 2), (2, 0), (2, 3), (4, 5), (5, 4), (6, 6), (6, 7)])
    dd.add_node(8)
    g["directed-disconnected-loops"] = dd
    g["scale-free-directed-80"] = nx.DiGraph(nx.scale_free_graph(80, seed=17))
    return {k: relabel(v) for k, v in g.items()}


def measures(G):
    d = G.is_directed()
    out, errors = {}, {}

    def put(name, f):
        try:
            out[name] = f()
        except Exception as e:  # NetworkX refuses or fails to converge: recorded, not hidden
            out[name] = None
            errors[name] = f"{type(e).__name__}: {e}"

    put("degree", lambda: dict(G.degree()))
    put("degree_centrality", lambda: nx.degree_centrality(G))
    if d:
        put("in_degree", lambda: dict(G.in_degree()))
        put("out_degree", lambda: dict(G.out_degree()))
        put("in_degree_centrality", lambda: nx.in_degree_centrality(G))
        put("out_degree_centrality", lambda: nx.out_degree_centrality(G))
    put("strength", lambda: dict(G.degree(weight="weight")))
    for w in (None, "weight"):
        sfx = "" if w is None else "_weighted"
        for norm in (True, False):
            n = "" if norm else "_raw"
            put(f"betweenness{sfx}{n}", lambda: nx.betweenness_centrality(G, normalized=norm, weight=w))
        put(f"betweenness_endpoints{sfx}", lambda: nx.betweenness_centrality(G, endpoints=True, weight=w))
        put(f"edge_betweenness{sfx}", lambda: {f"{u}|{v}": x for (u, v), x in nx.edge_betweenness_centrality(G, weight=w).items()})
        put(f"closeness{sfx}", lambda: nx.closeness_centrality(G, distance=w))
        put(f"harmonic{sfx}", lambda: nx.harmonic_centrality(G, distance=w))
        put(f"eigenvector{sfx}", lambda: nx.eigenvector_centrality(G, weight=w, max_iter=1000))
        put(f"pagerank{sfx}", lambda: nx.pagerank(G, weight=w))
        put(f"katz{sfx}", lambda: nx.katz_centrality(G, weight=w, max_iter=1000))
        # nx.hits uses ARPACK with a random start (not reproducible, and arbitrary on
        # degenerate spectra); its pure-Python power iteration is the reference here.
        put(f"hits{sfx}", lambda: dict(zip(("hubs", "authorities"), hits_alg._hits_python(G, max_iter=1000))) if w is None else None)
        # nx.hits itself (ARPACK's svds), started from the uniform vector so that it is
        # reproducible and, where the leading singular value is shared, picks the projection of
        # that start. nx.hits always reads "weight": the unweighted reading sets every weight to 1.
        put(f"hits_arpack{sfx}", lambda: arpack_hits(unit(G) if w is None else G))
        put(f"eigenvector_tol_1e-10{sfx}", lambda: nx.eigenvector_centrality(G, weight=w, max_iter=1000, tol=1e-10))
        put(f"katz_alpha_0.05{sfx}", lambda: nx.katz_centrality(G, alpha=0.05, weight=w, max_iter=1000))
        put(f"constraint{sfx}", lambda: nx.constraint(G, weight=w))
        put(f"effective_size{sfx}", lambda: nx.effective_size(G, weight=w))
        # The per-node path (Burt's formula as documented). NetworkX's all-nodes matrix path
        # normalises m_jq by q's largest tie instead of j's: it differs when weighted or directed.
        put(f"effective_size_per_node{sfx}", lambda: nx.effective_size(G, nodes=list(G), weight=w))
    # PageRank's teleport and dangling distributions (NetworkX normalises both to sum 1).
    nodes = list(G)
    personal = {v: i % 3 for i, v in enumerate(nodes)}
    dangling = {v: i + 1 for i, v in enumerate(nodes)}
    put("pagerank_personalized", lambda: nx.pagerank(G, personalization=personal, weight=None))
    put("pagerank_dangling", lambda: nx.pagerank(G, personalization=personal, dangling=dangling, weight=None))
    # `tnet centrality --personalize FIRST,SECOND --damping 0.7`: equal restart at two nodes.
    pair = {nodes[0]: 1, nodes[1]: 1}
    put("pagerank_pair_alpha_0.7", lambda: nx.pagerank(G, alpha=0.7, personalization=pair, weight=None))
    put("pagerank_alpha_0.6_weighted", lambda: nx.pagerank(G, alpha=0.6, weight="weight"))
    put("katz_raw", lambda: nx.katz_centrality(G, alpha=0.05, beta=2.0, normalized=False, max_iter=1000))
    put("core", lambda: nx.core_number(G))
    put("closeness_no_wf", lambda: nx.closeness_centrality(G, wf_improved=False))
    return {k: v for k, v in out.items() if not (v is None and k not in errors)}, errors


def finite(x):
    """JSON has no NaN or infinity: they are written as the strings "NaN", "Infinity"."""
    if isinstance(x, dict):
        return {k: finite(v) for k, v in x.items()}
    if isinstance(x, float) and (math.isnan(x) or math.isinf(x)):
        return "NaN" if math.isnan(x) else ("Infinity" if x > 0 else "-Infinity")
    return x


def main(outdir):
    for name, G in graphs().items():
        m, errors = measures(G)
        doc = {
            "name": name,
            "networkx": nx.__version__,
            "directed": G.is_directed(),
            "nodes": list(G.nodes()),
            "edges": [[u, v, d.get("weight", 1.0)] for u, v, d in G.edges(data=True)],
            "weighted": any("weight" in d for _, _, d in G.edges(data=True)),
            "measures": finite(m),
            "errors": errors,
        }
        with open(f"{outdir}/{name}.json", "w") as f:
            json.dump(doc, f, indent=1, sort_keys=True, allow_nan=False)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
