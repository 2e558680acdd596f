"""What NetworkX's read_gexf reads from a GEXF file, as JSON on standard output.

Usage: python read_gexf.py FILE.gexf

Prints {"directed", "multigraph", "graph": G.graph, "nodes": {id: data}, "edges": [[u, v, data]]}:
the oracle of `tnet export --to gexf` (Tests/tnetTests/ExportCLITests.swift). Only NetworkX
parses the file; nothing here knows how tnet wrote it.
"""
import json
import sys

import networkx as nx

G = nx.read_gexf(sys.argv[1], version="1.3")
if G.is_multigraph():
    edges = [[u, v, d] for u, v, _k, d in G.edges(keys=True, data=True)]
else:
    edges = [[u, v, d] for u, v, d in G.edges(data=True)]
out = {
    "directed": G.is_directed(),
    "multigraph": G.is_multigraph(),
    "graph": {k: v for k, v in G.graph.items() if k in ("mode", "name")},
    "nodes": {n: d for n, d in G.nodes(data=True)},
    "edges": edges,
}
json.dump(out, sys.stdout, sort_keys=True)
