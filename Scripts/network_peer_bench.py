#!/usr/bin/env python3
"""Times networkx and scipy.sparse.csgraph on a road graph exported by `careaccess network export`, with the
sources written by `NetworkTiming bench --sources-out` (Benchmarks/), for Scripts/bench-network-peer.sh.

    python3 Scripts/network_peer_bench.py edges.csv sources.txt --limit 20 --bounded-sources 20 --repeat 3 \
        [--nx-repeat 3] [--ours ours.txt]

Measures (best of --repeat for scipy, of --nx-repeat for networkx; milliseconds, graph loading excluded):
  multi-source  scipy dijkstra(indices=sources, min_only=True); networkx multi_source_dijkstra_path_length
  one-to-all    scipy dijkstra(indices=s0); networkx single_source_dijkstra_path_length
  bounded       scipy dijkstra(indices=sources[:k], limit=L); networkx single_source_dijkstra_path_length(cutoff=L) per source
and checks that scipy's and networkx's multi-source minutes agree (max abs difference). With --ours (the
`NetworkTiming bench` lines `careaccess multi_source_ms X`, `one_to_all_ms X`, `bounded_ms X` of the same
run), prints a table per search with the ratios ours/scipy and networkx/ours.
"""
import argparse
import csv
import time

import networkx as nx
import numpy as np
import scipy
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import dijkstra


def best(fn, repeat):
    b, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        b = min(b, (time.perf_counter() - t) * 1e3)
    return b, out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("edges")
    ap.add_argument("sources")
    ap.add_argument("--limit", type=float, default=20)
    ap.add_argument("--bounded-sources", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--nx-repeat", type=int, default=3, help="networkx repetitions (best is reported)")
    ap.add_argument("--no-networkx", action="store_true")
    ap.add_argument("--ours", help="CareAccess timings of the same run (NetworkTiming bench output lines)")
    args = ap.parse_args()
    u, v, w = [], [], []
    with open(args.edges, newline="") as f:
        for row in csv.DictReader(f):
            u.append(int(row["source"])); v.append(int(row["target"])); w.append(float(row["minutes"]))
    n = max(max(u), max(v)) + 1
    sources = [int(line) for line in open(args.sources) if line.strip()]
    bounded = sources[: args.bounded_sources]
    g = csr_matrix((np.array(w), (np.array(u), np.array(v))), shape=(n, n))
    print(f"graph: {n} nodes, {len(u)} edges; scipy {scipy.__version__}, networkx {nx.__version__}")
    # Zero-weight edges would vanish from a sparse matrix; CareAccess graphs have none (lengths > 0).
    times = {"scipy": {}, "networkx": {}}
    ms, sp_multi = best(lambda: dijkstra(g, directed=True, indices=sources, min_only=True), args.repeat)
    times["scipy"]["multi_source"] = ms
    print(f"scipy multi_source_ms {ms:.3f}  ({len(sources)} sources)")
    ms, _ = best(lambda: dijkstra(g, directed=True, indices=sources[0]), args.repeat)
    times["scipy"]["one_to_all"] = ms
    print(f"scipy one_to_all_ms {ms:.3f}")
    ms, d = best(lambda: dijkstra(g, directed=True, indices=bounded, limit=args.limit), args.repeat)
    times["scipy"]["bounded"] = ms
    print(f"scipy bounded_ms {ms:.3f}  ({len(bounded)} sources, limit {args.limit} min, {int(np.isfinite(d).sum())} node pairs)")
    if not args.no_networkx:
        G = nx.DiGraph()
        G.add_weighted_edges_from(zip(u, v, w), weight="minutes")
        ms, nx_multi = best(lambda: nx.multi_source_dijkstra_path_length(G, set(sources), weight="minutes"), args.nx_repeat)
        times["networkx"]["multi_source"] = ms
        print(f"networkx multi_source_ms {ms:.3f}  (best of {args.nx_repeat})")
        ms, _ = best(lambda: nx.single_source_dijkstra_path_length(G, sources[0], weight="minutes"), args.nx_repeat)
        times["networkx"]["one_to_all"] = ms
        print(f"networkx one_to_all_ms {ms:.3f}  (best of {args.nx_repeat})")
        ms, pairs = best(lambda: sum(len(nx.single_source_dijkstra_path_length(G, s, cutoff=args.limit, weight="minutes"))
                                     for s in bounded), args.nx_repeat)
        times["networkx"]["bounded"] = ms
        print(f"networkx bounded_ms {ms:.3f}  ({len(bounded)} sources, {pairs} node pairs, best of {args.nx_repeat})")
        diff = max(abs(sp_multi[k] - m) for k, m in nx_multi.items())
        print(f"check: max |scipy - networkx| multi-source minutes = {diff:.3e} over {len(nx_multi)} nodes")
    if args.ours:
        ours = {}
        with open(args.ours) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 3 and parts[0] == "careaccess" and parts[1].endswith("_ms"):
                    ours[parts[1][:-3]] = float(parts[2])
        print(f"{'search':14} {'CareAccess':>11} {'scipy':>9} {'networkx':>10} {'ours/scipy':>11} {'networkx/ours':>14}  (ms)")
        for search in ("multi_source", "one_to_all", "bounded"):
            o, sp, nxt = ours.get(search), times["scipy"].get(search), times["networkx"].get(search)
            cell = lambda x, fmt: format(x, fmt) if x is not None else "—"
            print(f"{search:14} {cell(o, '11.3f')} {cell(sp, '9.3f')} {cell(nxt, '10.1f')} "
                  f"{cell(o / sp if o and sp else None, '10.2f')}× {cell(nxt / o if o and nxt else None, '13.1f')}×")


if __name__ == "__main__":
    main()
