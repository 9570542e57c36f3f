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

With --compare OURS.csv (same columns, written by `careaccess network paths FILE --multi --out OURS.csv`),
the sources are taken from that file, networkx runs on them, and the script exits 1 unless every
(source, node) pair has exactly the same minutes on both sides and both reach the same nodes:

    careaccess network export FILE --out-dir d && careaccess network paths FILE --multi --out d/ours.csv
    python3 Scripts/network_networkx_check.py d/edges.csv --compare d/ours.csv
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


def read_minutes(path):
    """{source: {node: minutes}} from a `source,node,minutes` CSV."""
    out = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(int(row["source"]), {})[int(row["node"])] = float(row["minutes"])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("edges")
    ap.add_argument("--sources", help="comma-separated node indices (default with --compare: those of OURS)")
    ap.add_argument("--out", help="write networkx's minutes here")
    ap.add_argument("--multi", action="store_true", help="also a multi-source run over all sources")
    ap.add_argument("--compare", metavar="OURS", help="CareAccess minutes to compare with, exactly")
    args = ap.parse_args()
    ours = read_minutes(args.compare) if args.compare else None
    if args.sources:
        sources = [int(s) for s in args.sources.split(",") if s]
    elif ours is not None:
        sources = sorted(s for s in ours if s >= 0)
    else:
        ap.error("give --sources (or --compare OURS.csv)")
    multi = args.multi or (ours is not None and -1 in ours)
    if not sources or (args.out is None and ours is None):
        ap.error("nothing to do: give sources and --out and/or --compare")
    g = load(args.edges)
    t0 = time.perf_counter()
    theirs = {s: nx.single_source_dijkstra_path_length(g, s, weight="minutes") for s in sources}
    if multi:
        theirs[-1] = nx.multi_source_dijkstra_path_length(g, set(sources), weight="minutes")
    seconds = time.perf_counter() - t0
    if args.out:
        with open(args.out, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["source", "node", "minutes"])
            for s, row in theirs.items():
                for node, minutes in sorted(row.items()):
                    w.writerow([s, node, repr(minutes)])
    print(f"networkx {nx.__version__}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
          f"{len(sources)} sources{' + multi-source' if multi else ''}, {seconds:.3f} s")
    if ours is None:
        return
    problems, pairs, max_diff = [], 0, 0.0
    if set(ours) != set(theirs):
        problems.append(f"sources differ: ours {sorted(ours)}, networkx {sorted(theirs)}")
    for s in sorted(set(ours) & set(theirs)):
        a, b = ours[s], theirs[s]
        if a.keys() != b.keys():
            problems.append(f"source {s}: ours reaches {len(a)} nodes, networkx {len(b)}")
        for node in a.keys() & b.keys():
            pairs += 1
            d = abs(a[node] - b[node])
            if d > max_diff:
                max_diff = d
            if a[node] != b[node] and len(problems) < 10:
                problems.append(f"source {s} node {node}: ours {a[node]!r}, networkx {b[node]!r}")
    if problems:
        print("MISMATCH: " + "; ".join(problems[:10]), file=sys.stderr)
        sys.exit(1)
    print(f"OK: {pairs} (source, node) pairs, ours == networkx exactly (max |difference| {max_diff:g} min)")


if __name__ == "__main__":
    main()
