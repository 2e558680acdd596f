"""Writes GraphML files with NetworkX (the oracle for tnet's GraphML reader) and, beside each,
what NetworkX itself reads back from it (`<name>.expected.json`), so a test can compare tnet's
reading with NetworkX's without hand-copied values.

    python3 make_networkx_graphml.py OUTDIR

Committed copies of the output are in this folder; `make test` reruns this into a temporary
folder when Python with networkx is available.
"""
import json
import sys

import networkx as nx


def build(directed):
    G = nx.DiGraph() if directed else nx.Graph()
    G.graph["title"] = "networkx oracle"
    G.add_node("syn-a", kind="syndicate", name="Syndicate A & <Co>", beds=400, ratio=0.25, verified=True)
    G.add_node("cmp-1", kind="compound", name="Compound \"One\"", beds=1200, ratio=0.5, verified=False)
    G.add_node("mm", kind="country", name="Myanmar", beds=0, ratio=1.0, verified=True)
    G.add_node("lonely")  # no attributes at all
    G.add_node(7, kind="person", role="broker", note="ünïcødé 国")  # an int id (written as "7")
    G.add_edge("syn-a", "cmp-1", kind="operates", weight=2.5, count=3, confirmed=True, confidence="B2", sources="s1;s2")
    G.add_edge("cmp-1", "mm", kind="located_in", weight=1.0, count=1, confirmed=False)
    G.add_edge(7, "syn-a", kind="member_of", weight=0.125, count=-4, confirmed=True, label="a, b")
    G.add_edge("mm", "mm", kind="link", weight=3.0, count=0, confirmed=False)  # self-loop
    return G


def expected(path):
    G = nx.read_graphml(path)
    return {
        "directed": G.is_directed(),
        "nodes": [[str(n), {k: v for k, v in sorted(d.items())}] for n, d in G.nodes(data=True)],
        "edges": [[str(u), str(v), {k: v for k, v in sorted(d.items())}] for u, v, d in G.edges(data=True)],
    }


def main(out):
    for name, directed in (("networkx-directed", True), ("networkx-undirected", False)):
        path = f"{out}/{name}.graphml"
        nx.write_graphml(build(directed), path)
        with open(f"{out}/{name}.expected.json", "w") as f:
            json.dump(expected(path), f, indent=1, ensure_ascii=False, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
