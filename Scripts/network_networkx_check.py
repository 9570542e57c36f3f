#!/usr/bin/env python3
"""Shortest-path minutes with networkx on a road graph exported by CareAccess, for equality checks.

Reads the edge list CSV written by `RoadGraph.edgeListCSV()` / `careaccess network export`
(`source,target,minutes,metres`; node ids are CareAccess graph indices) into a networkx DiGraph and writes,
for each source, the minutes to every reachable node (one-to-all Dijkstra, `weight='minutes'`), plus with
--multi the multi-source minutes to the nearest of all sources:

    python3 Scripts/network_networkx_check.py edges.csv --sources 0,17,4242 --out nx.csv [--multi]

Output CSV: `source,node,minutes` (source = -1 for the multi-source run), minutes with repr() (shortest
round-trip, so the Swift side parses the very same doubles). Parallel edges cannot occur (CareAccess keeps the
fastest); the script still keeps the minimum if an edge repeats.
"""
import argparse
import csv
import sys
import time

import networkx as nx


def load(path):
    g = nx.DiGraph()
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            u, v, w = int(row["source"]), int(row["target"]), float(row["minutes"])
            if g.has_edge(u, v) and g[u][v]["minutes"] <= w:
                continue
            g.add_edge(u, v, minutes=w)
    return g


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("edges")
    ap.add_argument("--sources", required=True, help="comma-separated node indices")
    ap.add_argument("--out", required=True)
    ap.add_argument("--multi", action="store_true", help="also a multi-source run over all sources")
    args = ap.parse_args()
    g = load(args.edges)
    sources = [int(s) for s in args.sources.split(",") if s]
    t0 = time.perf_counter()
    with open(args.out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["source", "node", "minutes"])
        for s in sources:
            for node, minutes in sorted(nx.single_source_dijkstra_path_length(g, s, weight="minutes").items()):
                w.writerow([s, node, repr(minutes)])
        if args.multi:
            for node, minutes in sorted(nx.multi_source_dijkstra_path_length(g, set(sources), weight="minutes").items()):
                w.writerow([-1, node, repr(minutes)])
    print(f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
          f"{len(sources)} sources, {time.perf_counter() - t0:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
