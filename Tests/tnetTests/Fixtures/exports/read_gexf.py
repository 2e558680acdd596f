"""What NetworkX's read_gexf reads from a GEXF file, as JSON on standard output.

Usage: python read_gexf.py FILE.gexf

Prints {"directed", "multigraph", "graph": G.graph, "nodes": {id: data}, "edges": [[u, v, data]],
"undirected_in_mixed": [edge id]}: the oracle of `tnet export --to gexf`
(Tests/tnetTests/ExportCLITests.swift). Nothing here knows how tnet wrote the file.

NetworkX does not read mixed graphs (its documentation says so; it raises "Undirected edge found
in directed graph"), while GEXF and Gephi allow them. So, in a graph whose defaultedgetype is
directed, each edge with type="undirected" is first listed (undirected_in_mixed) and set to
type="mutual" by Python's ElementTree, which NetworkX reads as an arc each way. Everything else
reaches NetworkX as written.
"""
import io
import json
import sys
import xml.etree.ElementTree as ET

import networkx as nx

NS = "http://gexf.net/1.3"
tree = ET.parse(sys.argv[1])
graph = tree.getroot().find(f"{{{NS}}}graph")
undirected = []
if graph is not None and graph.get("defaultedgetype") == "directed":
    for edge in graph.iter(f"{{{NS}}}edge"):
        if edge.get("type") == "undirected":
            undirected.append(edge.get("id"))
            edge.set("type", "mutual")
if undirected:
    ET.register_namespace("", NS)
    source = io.BytesIO()
    tree.write(source, encoding="utf-8", xml_declaration=True)
    source.seek(0)
else:
    source = sys.argv[1]
G = nx.read_gexf(source, version="1.3")
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
    "undirected_in_mixed": undirected,
}
json.dump(out, sys.stdout, sort_keys=True)
